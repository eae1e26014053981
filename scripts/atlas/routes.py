"""Every generated path and URL of the site, in every language, in one place.

Three sorts of location appear: a *source* is a Markdown page below a language's folder of
docs/ (`atlas/sites/c-mine.md`); a *site path* is a file as the built site serves it, English at
the root and every other language below `<lang>/`; a *docs path* is a generated file below docs/.
"""

import posixpath
from functools import cache

from atlas.languages import DEFAULT, LANGUAGES
from atlas.records import kinds

# The folder below each language's docs that the generator owns.
GENERATED = "atlas"
# Map documents with no text on them, one for all languages, below the site root.
SHARED_MAPS = "maps"
OPENDATA = "opendata"
SEARCH_INDEX = "search/search_index.json"


def prefix(lang: str) -> str:
    """Where a language's pages live below the site root: English at the root."""
    return "" if lang == DEFAULT else f"{lang}/"


def root_from(lang: str) -> str:
    """The site root, seen from a language's root folder."""
    return "" if lang == DEFAULT else "../"


def site_path(lang: str, path: str) -> str:
    """Path in the built site of a file at path below a language's root."""
    return prefix(lang) + path


def docs_path(lang: str, path: str) -> str:
    """Path below docs/ of a file at path below a language's root."""
    return f"{lang}/{path}"


def owned_folders() -> list[str]:
    """The folders below docs/ that the generator writes entirely (git-ignored)."""
    return [docs_path(lang, GENERATED) for lang in LANGUAGES] + [SHARED_MAPS, OPENDATA]


def record_page(kind: str, record_id: str) -> str:
    """Source of the page of one record (or taxonomy term) of a kind."""
    return f"{GENERATED}/{kinds.BY_NAME[kind].plural}/{record_id}.md"


def record_at(source: str) -> tuple[str, str] | None:
    """The (kind, id) of the record whose page source is (the inverse of record_page), or None."""
    folder, _, name = source.rpartition("/")
    kind = next((kind for kind in kinds.RECORDS if folder == f"{GENERATED}/{kind.plural}"), None)
    if kind is None or not name.endswith(".md") or name == "index.md":
        return None
    return kind.name, name[: -len(".md")]


def is_generated(source: str) -> bool:
    """Whether a page source is written by the generator, rather than by hand."""
    return source.startswith(f"{GENERATED}/")


def index_page(section: str | None = None) -> str:
    return f"{GENERATED}/{section}/index.md" if section else f"{GENERATED}/index.md"


def list_page(name: str, number: int) -> str:
    """Source of one page of a long list of sites (pages/lists.py), counted from 1."""
    return f"{GENERATED}/lists/{name}/{number}.md"


def atlas_page(name: str) -> str:
    """Source of one of the atlas's own pages, such as data or translations."""
    return f"{GENERATED}/{name}.md"


def atlas_page_url(lang: str, name: str) -> str:
    """Site path of the URL of one of the atlas's own pages in a language."""
    return site_path(lang, directory_url(atlas_page(name)))


def map_document(kind: str, key: str) -> tuple[str, bool]:
    """Where a map document lives, and whether there is one per language.

    The atlas map and the region maps carry text, so each language has its own, below its root;
    the small maps of sites and pilots carry none and are shared, below the site root.
    """
    if kind == "atlas":
        return f"{GENERATED}/maps/atlas.html", True
    if kind == kinds.REGION.name:
        return f"{GENERATED}/maps/{kinds.REGION.plural}/{key}.html", True
    return f"{SHARED_MAPS}/{kinds.BY_NAME[kind].plural}/{key}.html", False


def map_data() -> str:
    """The sites of every map in one language, as a script that map documents share (below a language's root)."""
    return f"{GENERATED}/maps/sites.js"


def published(site_url: str, path: str) -> str:
    """The address of a site path on the published site; site_url is absolute and ends in /."""
    return site_url + path


def opendata(name: str) -> str:
    """Site path of an open data file."""
    return f"{OPENDATA}/{name}"


def search_index(lang: str) -> str:
    """Site path of the lunr index that Material's search plugin writes for a language (search.py removes it)."""
    return site_path(lang, SEARCH_INDEX)


def source_of(src_uri: str) -> str:
    """A page's source below its language's root, from its path below docs/ (<lang>/...)."""
    first, _, rest = src_uri.partition("/")
    return rest if first in LANGUAGES and rest else src_uri


def directory_url(source: str) -> str:
    """The URL MkDocs gives a Markdown source with use_directory_urls, relative to the language root."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# Where relative paths start from when a link is worked out: a fixed folder, so that relpath does
# not ask the system for the working directory on each of 90,000 links; ../ from it is the site root.
_LANGUAGE_ROOT = "/language/"


@cache
def relative(from_source: str, to: str) -> str:
    """A link from the page made of from_source to a page source or a site path (ending in / or a file)."""
    target = directory_url(to) if to.endswith(".md") else to
    here = directory_url(from_source) if from_source.endswith(".md") else posixpath.dirname(from_source) + "/"
    link = posixpath.relpath(_LANGUAGE_ROOT + (target or "."), _LANGUAGE_ROOT + (here or "."))
    if target.endswith("/") or target == "":
        link += "/"
    return "./" if link == "./" or link == "./." else link.replace("/./", "/")
