"""The Open Graph tags of every page, so that a shared link previews in the reader's language."""

from functools import cache

from babel import Locale
from babel.core import get_global
from markupsafe import Markup

from atlas.languages import LANGUAGES


@cache
def locale(lang: str) -> str:
    """A language's locale as Open Graph writes it, with the territory the CLDR deems likeliest (de: de_DE)."""
    likely = Locale.parse(get_global("likely_subtags")[lang])
    return f"{likely.language}_{likely.territory}"


def open_graph(page, config) -> list[tuple[str, str]]:
    """(property, content) of each Open Graph tag of a page, as plain text for the template to escape.

    page is None for a document made of a theme template alone (404.html): it has no address of its own.
    """
    lang = config.theme["language"]
    meta = page.meta if page is not None else {}
    title = plain(page.title) if page is not None and page.title and not page.is_homepage else config.site_name
    description = meta.get("description") or config.site_description
    tags = [("og:type", "website"), ("og:site_name", config.site_name), ("og:title", title)]
    if description:
        tags.append(("og:description", plain(description)))
    if page is not None and page.canonical_url:
        tags.append(("og:url", page.canonical_url))
    tags.append(("og:locale", locale(lang)))
    tags += [("og:locale:alternate", locale(other)) for other in LANGUAGES if other != lang]
    return tags


def plain(value) -> str:
    """A title or description as text: MkDocs's titles may hold tags, and the generated pages' front
    matter is HTML-escaped for Material's unescaped output (escaping.front_matter)."""
    return Markup(str(value)).striptags()
