"""The Content-Security-Policy of every page and map document, as defence in depth.

Escaping keeps record text from becoming script; this policy makes sure that, should any ever
slip through, the browser runs nothing but the site's own files and the inline scripts the build
itself wrote, each allowed by its SHA-256 hash (no 'unsafe-inline'). GitHub Pages sets no
headers, so the policy travels in the document as <meta http-equiv>, placed before any script.
"""

import base64
import hashlib
import re
from urllib.parse import urlsplit

_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>|<meta\s+http-equiv=.content-type.[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
_TEMPLATE_PART = re.compile(r"\{[^}]*\}")


def tile_origin(url_template: str) -> str:
    """The origin of a tile server's URL template, with {s} and the like as a wildcard subdomain."""
    parts = urlsplit(url_template)
    host = _TEMPLATE_PART.sub("*", parts.netloc)
    return f"{parts.scheme}://{host}"


def page_policy(tiles: str) -> dict[str, list[str]]:
    """The directives of the site's pages; tiles is the tile server's origin."""
    return {
        "default-src": ["'self'"],
        # Search (Pagefind) is WebAssembly, which compiling needs 'wasm-unsafe-eval': it lets the
        # site's own scripts compile WebAssembly, and still no JavaScript from strings (no eval).
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", tiles],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def map_policy(tiles: str) -> dict[str, list[str]]:
    """The directives of a map document: the page's, with no frames and no search of its own.

    Leaflet positions every tile and marker with inline styles, hence 'unsafe-inline' for styles
    (never for scripts). Who may frame a map cannot be said in <meta>; embedding stays open.
    """
    return page_policy(tiles) | {"script-src": ["'self'"], "frame-src": ["'none'"]}


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source expression of each inline script that a browser would run, in order."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = _TYPE.search(attributes)
        if _SOURCE.search(attributes) or (kind and kind.group(1).lower() not in _JAVASCRIPT_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def meta_tag(html: str, policy: dict[str, list[str]]) -> str:
    """The <meta> element that sets policy, its script-src allowing the inline scripts of html."""
    directives = dict(policy, **{"script-src": policy["script-src"] + inline_script_hashes(html)})
    content = "; ".join(" ".join([name, *sources]) for name, sources in directives.items())
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def protect(html: str, policy: dict[str, list[str]]) -> str:
    """html with the policy as the first thing after its character set, before any script."""
    tag = meta_tag(html, policy)
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("a document without <head> cannot carry a Content-Security-Policy")
    return html[: anchor.end()] + tag + html[anchor.end():]
