"""Each page's alternates (the same page in the other languages) in a build of one language.

A language build (builds.py) hands the i18n plugin only its own language's files. Given every
language's files, the i18n plugin examines all of them, for every language, to find each page's
alternates: at thousands of sites that was about 40% of a language build. In the folder layout a
page keeps its path below each docs/<lang>/, so its alternates follow from the paths alone. They
are given to the i18n plugin as it finds them itself (the page in its own language first, then
the others in alphabetical order; none for a language without the page), so the language
switcher, the hreflang links and the sitemap are those of a full build (tests/test_builds.py).
"""

from mkdocs.structure.files import File, Files

from atlas import routes
from atlas.languages import LANGUAGES


def set_aside(files: Files, kept: set[str]) -> frozenset[str]:
    """Remove the files of the languages not kept; return the sources of every language's pages."""
    pages = frozenset(file.src_uri for file in files if file.is_documentation_page())
    for file in [file for file in files if _language(file.src_uri) not in (None, *kept)]:
        files.remove(file)
    return pages


def attach(files: Files, lang: str, pages: frozenset[str], config) -> None:
    """Give each page of lang its alternates among pages, after the i18n plugin has made its files."""
    for file in files.documentation_pages():
        if _language(file.src_uri) != lang:
            continue
        source = routes.source_of(file.src_uri)
        dest = file.dest_uri.removeprefix(routes.prefix(lang))
        for other in sorted(LANGUAGES):
            if other != lang and routes.docs_path(other, source) in pages:
                file.alternates[other] = File(
                    routes.docs_path(other, source), config.docs_dir, config.site_dir, config.use_directory_urls,
                    dest_uri=routes.site_path(other, dest),
                )


def _language(src_uri: str) -> str | None:
    """The language folder a file below docs/ is in, or None for files all languages share."""
    first = src_uri.split("/", 1)[0]
    return first if first in LANGUAGES else None
