"""Record text made safe for each place it is written to: one function per output context.

Record values come from pull requests and are data, never markup or code. Our own templates
escape HTML by themselves (autoescape); these functions cover the contexts autoescape does not
know: Markdown, front matter that Material prints unescaped, JSON inside <script>, CSV cells.
"""

import html
import json
import re

from markupsafe import Markup, escape

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
# Characters that end or change a JavaScript or HTML context when they appear inside a string.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_PATTERN = re.compile("[<>&\u2028\u2029]")
# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def html_text(value: object) -> Markup:
    """Text for HTML text or a quoted attribute value."""
    return escape(str(value))


def markdown_text(value: object) -> Markup:
    """Text for a Markdown context (a heading): no Markdown syntax and no HTML can form from it.

    HTML first (without quotes, whose entities would hold a #), then a backslash before every
    character that Markdown or its extensions read as syntax.
    """
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(value), quote=False)))


def front_matter(value: object) -> Markup:
    """A front-matter value of a generated page.

    Material prints page titles and descriptions into HTML without escaping them (in <title>, the
    header, the <h1> and <meta content="…">), so the value is HTML-escaped here, quotes included;
    a JSON string is valid YAML and escapes everything YAML could read as syntax.
    """
    return Markup(script_json(str(escape(str(value)))))


def script_json(value: object) -> Markup:
    """Compact JSON that is safe inside a <script> element and as a JavaScript literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(_SCRIPT_UNSAFE_PATTERN.sub(lambda match: _SCRIPT_UNSAFE[match.group()], text))


def csv_cell(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading formula character gets a quote before it."""
    return "'" + value if value.startswith(_FORMULA_START) else value
