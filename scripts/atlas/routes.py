"""Where each generated page lives, and relative links between pages of one language."""

import posixpath

from atlas.languages import DEFAULT

GENERATED = "atlas"

KINDS = {"region": "regions", "partner": "partners", "pilot": "pilots", "site": "sites", "category": "categories", "layer": "layers"}


def site_root(lang: str) -> str:
    """The site root seen from a language's root folder."""
    return "" if lang == DEFAULT else "../"


def record_page(kind: str, record_id: str) -> str:
    """Source path (relative to a language folder) of the page of one record."""
    return f"{GENERATED}/{KINDS[kind]}/{record_id}.md"


def index_page(section: str | None = None) -> str:
    return f"{GENERATED}/{section}/index.md" if section else f"{GENERATED}/index.md"


def directory_url(source: str) -> str:
    """The URL MkDocs gives a Markdown source with use_directory_urls, relative to the language root."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_source: str, to: str) -> str:
    """A link from the page made of from_source to a page source or a site path (ending in / or a file)."""
    target = directory_url(to) if to.endswith(".md") else to
    here = directory_url(from_source) if from_source.endswith(".md") else posixpath.dirname(from_source) + "/"
    link = posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") or target == "":
        link += "/"
    return "./" if link == "./" or link == "./." else link.replace("/./", "/")
