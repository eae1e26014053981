"""Descriptions: paragraphs with a small Markdown subset, and nothing else.

The `description` of a region, a pilot action or a site may use *emphasis*, **strong**,
[links](https://…), lists and paragraphs. Every other text of a record is plain text.

Raw HTML is always shown as text: a description is HTML-escaped before Markdown reads it, so no
tag can form from what a partner wrote. What Markdown then makes of it is cut down to the subset
by Ammonia (nh3), so a link can only lead to http, https or mailto. Markdown that lies outside the
subset is reported by validation (`problem`) instead of being dropped without a word.
"""

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}
SUBSET = "paragraphs, *emphasis*, **strong**, [links](https://…) and lists"
_OUTSIDE = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "a heading (a line starting with #)"),
    "img": "an image (![…](…))",
    "code": "code (`…`, or a line indented by four spaces)",
    "hr": "a horizontal line (---, *** or ___ on a line of its own)",
}


# One converter for all texts: building one costs as much as converting a description.
_CONVERTER = markdown.Markdown(extensions=["sane_lists"], output_format="html")
# What every construct outside the subset needs at least one of: #, `, [ (links and images), a
# line indented as code, or a line of three or more -, * or _ (a horizontal line).
_MAYBE_OUTSIDE = re.compile(r"[#`\[]|^ {4}|^ {0,3}([-*_])( *\1){2,} *$", re.MULTILINE)


@lru_cache(maxsize=4096)
def _markdown(text: str) -> str:
    # A page's summary and its text read the same description: convert it once.
    return _CONVERTER.reset().convert(html.escape(text, quote=False))


def _allowed_link(url: str) -> bool:
    return urlsplit(url).scheme in LINK_SCHEMES


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not _allowed_link(value):
        return None
    return value


def to_html(text: str) -> Markup:
    """A description as HTML: the subset only, whatever the text holds."""
    clean = nh3.clean(
        _markdown(text),
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener nofollow",
    )
    return Markup(clean)


class _Reader(HTMLParser):
    """The tags and links of Markdown's output, and its text."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_data(self, data):
        self.text.append(data)


def _read(text: str) -> _Reader:
    reader = _Reader()
    reader.feed(_markdown(text))
    return reader


def problem(text: str) -> str | None:
    """What in a description lies outside the subset, worded for its author; None if nothing."""
    if not _MAYBE_OUTSIDE.search(text):
        return None
    reader = _read(text)
    for tag in reader.tags:
        if tag in _OUTSIDE:
            return f"has {_OUTSIDE[tag]}, which descriptions do not show; they may use {SUBSET}"
    for link in reader.links:
        if not _allowed_link(link):
            return f"has a link to '{link}': a link must be a full address starting with https://, http:// or mailto:"
    return None


def lead(text: str) -> str:
    """The first paragraph of a description as plain text, for a page's summary."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    return " ".join("".join(_read(first).text).split())
