"""Embeddable maps: each region page offers the code that shows its map on another website, and
the map works there, from another origin (the real build, and Chromium on two local ports)."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from atlas.languages import LANGUAGES
from atlas.pages.speaker import Speaker
from atlas.pages.strings import catalogue
from conftest import SITES_LAYER, WATCH_CSP, serve
from markupsafe import escape
from test_browser import COUNT_SHOWN, lone_site, reveal
from test_policy import POLICY
from test_site import page

CODE = re.compile(r'<div class="atlas-embed" data-search-exclude>.*?<pre class="copy"><code>(.*?)</code></pre>', re.DOTALL)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def embed_code(site, lang: str, region: str) -> tuple[str, str]:
    """The code that a region's page offers, as a partner copies it, and the page's own address."""
    text = page(site, lang, f"atlas/regions/{region}").read_text(encoding="utf-8")
    return html.unescape(CODE.search(text).group(1)), CANONICAL.search(text).group(1)


class Elements(HTMLParser):
    """Each element of a piece of HTML, with its attributes and text."""

    def __init__(self, code: str):
        super().__init__()
        self.elements = []
        self.feed(code)

    def handle_starttag(self, tag, attrs):
        self.elements.append({"tag": tag, **dict(attrs), "text": ""})

    def handle_data(self, data):
        self.elements[-1]["text"] += data.strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_region_page_offers_its_map_to_embed_in_the_readers_language(real_atlas, site, lang):
    speaker, strings = Speaker(lang), catalogue(lang)
    for region in real_atlas.regions.values():
        code, address = embed_code(site, lang, region.id)
        name = speaker.text(region.name).value
        frame, paragraph, link = Elements(code).elements
        assert urlsplit(address).scheme in ("http", "https")
        assert frame == {
            "tag": "iframe", "src": address.replace(f"atlas/regions/{region.id}/", f"atlas/maps/regions/{region.id}.html"),
            "title": strings["map_of"].format(name=name), "width": "100%", "height": "480", "style": "border:0",
            "loading": "lazy", "allow": "clipboard-write", "text": "",
        }
        assert paragraph["tag"] == "p"
        assert link == {"tag": "a", "href": address, "target": "_blank", "rel": "noopener", "text": strings["embed_credit"].format(name=name)}
        text = page(site, lang, f"atlas/regions/{region.id}").read_text(encoding="utf-8")
        assert all(escape(strings[key]) in text for key in ("embed", "embed_intro", "embed_paste", "embed_keep", "embed_view"))


def test_map_documents_may_be_framed_by_any_website(site):
    for path in [site / "atlas/maps/atlas.html", *(site / "de/atlas/maps/regions").glob("*.html")]:
        text = path.read_text(encoding="utf-8")
        assert "frame-ancestors" not in POLICY.search(text).group(1) and "x-frame-options" not in text.lower(), path


def test_embedded_map_works_from_another_origin_and_opens_the_atlas_in_new_tabs(real_atlas, site, served, watched, tmp_path):
    lang, region = "de", "genk"
    code, address = embed_code(site, lang, region)
    published = address[: -len(f"{lang}/atlas/regions/{region}/")]
    (tmp_path / "partner.html").write_text(
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Partner</title></head>'
        f"<body><h1>Unsere Region</h1>{code.replace(published, served)}</body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as partner:
        w = watched(permissions=["clipboard-read", "clipboard-write"])
        w.context.add_init_script(WATCH_CSP)
        origins = set()
        w.page.on("request", lambda request: origins.add("{0.scheme}://{0.netloc}/".format(urlsplit(request.url))))
        w.page.goto(partner + "partner.html")
        w.page.frame_locator("iframe").locator(".leaflet-container").wait_for()
        frame = w.page.frames[1]
        frame.wait_for_function(SITES_LAYER)
        frame.wait_for_function(f"() => ({COUNT_SHOWN})() === {len(real_atlas.sites_of(region))}")
        steps = w.page.evaluate("history.length")

        site_record = lone_site(real_atlas, real_atlas.sites_of(region))
        reveal(frame, site_record.id)
        name = frame.evaluate(f"() => {SITES_LAYER}.markers.find(m => m.feature.properties.id === {site_record.id!r}).feature.properties.name")
        frame.locator(".atlas-marker").and_(frame.get_by_title(name, exact=True)).dispatch_event("click")
        link = frame.locator(".atlas-popup__title")
        assert [link.get_attribute("target"), link.get_attribute("rel")] == ["_blank", "noopener"]
        assert link.evaluate("a => a.href") == f"{served}{lang}/atlas/sites/{site_record.id}/"
        with w.context.expect_page() as opened:
            link.click()
        opened.value.wait_for_load_state()
        assert opened.value.url == f"{served}{lang}/atlas/sites/{site_record.id}/"
        assert w.page.url == partner + "partner.html"

        # A link to the view from the partner's website leads to the region's page on the atlas.
        frame.click(".atlas-share__button")
        frame.wait_for_function("() => document.querySelector('.atlas-share__status').textContent !== ''")
        copied = w.page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(f"{served}{lang}/atlas/regions/{region}/#") and copied.endswith(f"site={site_record.id}")
        assert w.page.evaluate("history.length") == steps
        assert w.page.locator(f'a[href="{served}{lang}/atlas/regions/{region}/"]').get_attribute("target") == "_blank"

        # The tile server's credit opens in a new tab too (the click goes no further here).
        credit = frame.locator(".leaflet-control-attribution a[href*='openstreetmap.org']")
        frame.evaluate("addEventListener('click', e => e.preventDefault())")
        credit.click()
        assert credit.get_attribute("target") == "_blank"

        assert [url for url in w.outside if "tile.openstreetmap.org" not in url] == []
        assert origins - {served, partner, "https://tile.openstreetmap.org/"} == set()
        assert frame.evaluate("window.__csp") == [] and w.real_errors() == []


def test_copy_button_on_the_region_page_copies_the_embed_code(site, served, watched):
    code, _ = embed_code(site, "pl", "opole")
    w = watched(permissions=["clipboard-read", "clipboard-write"])
    w.context.add_init_script(WATCH_CSP)
    w.page.goto(served + "pl/atlas/regions/opole/")
    w.page.locator(".atlas-embed .md-code__button").click()
    w.page.wait_for_function("() => navigator.clipboard.readText().then(text => text !== '')")
    assert w.page.evaluate("navigator.clipboard.readText()") == code
    assert w.page.evaluate("window.__csp") == []
