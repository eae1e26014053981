"""Shareable map views (Chromium): the view of a map in the address, restored from a link, stepped
back through with the back button, copied with a button; a hostile address changes nothing else."""

from urllib.parse import urlsplit

import pytest
from atlas.pages.strings import catalogue
from conftest import SITES_LAYER
from test_browser import lone_site, map_url, reveal

MAP = "window[document.querySelector('.folium-map').id]"
# What a reader sees of the view: zoom, centre, one pixel's worth of degrees, hidden filters, the open popup.
VIEW = f"""() => {{
  const map = {MAP}, centre = map.getCenter();
  return {{
    zoom: map.getZoom(), lat: centre.lat, lon: centre.lng, pixel: 360 / (256 * 2 ** map.getZoom()),
    hidden: [...document.querySelectorAll('.atlas-filter input:not(:checked)')].map(b => b.name + ':' + b.value),
    popup: document.querySelector('.atlas-popup__title') ? document.querySelector('.atlas-popup__title').textContent : null,
  }};
}}"""


def map_frame(page, where: str):
    """The document of the map: the page itself, or the frame of the map on an atlas page."""
    frame = page.frame_locator("iframe.atlas-map__frame").locator(".leaflet-container") if where == "page" else None
    if frame is not None:
        frame.wait_for()
    target = page.frames[1] if where == "page" else page.main_frame
    target.wait_for_function(SITES_LAYER)
    return target


def fragment(page) -> str:
    return urlsplit(page.url).fragment


def same_view(one: dict, other: dict) -> bool:
    near = abs(one["lat"] - other["lat"]) <= one["pixel"] and abs(one["lon"] - other["lon"]) <= one["pixel"]
    return near and {k: v for k, v in one.items() if k not in ("lat", "lon")} == {k: v for k, v in other.items() if k not in ("lat", "lon")}


@pytest.mark.parametrize("where", ["page", "document"])
def test_a_view_round_trips_through_the_address_and_the_back_button_steps_back(real_atlas, served, watched, where):
    start = served + "de/atlas/" if where == "page" else map_url(served, "de")
    page = watched().page
    page.goto(start)
    frame = map_frame(page, where)
    frame.click(".atlas-filter__summary")
    frame.locator('input[name="category"][value="mining"]').uncheck()
    page.wait_for_function("() => location.hash === '#cat=-mining'")
    site = lone_site(real_atlas, [s for s in real_atlas.sites.values() if s.categories != ["mining"]])
    reveal(frame, site.id)
    name = frame.evaluate(f"() => {SITES_LAYER}.markers.find(m => m.feature.properties.id === {site.id!r}).feature.properties.name")
    frame.locator(".atlas-marker").and_(frame.get_by_title(name, exact=True)).dispatch_event("click")
    frame.locator(".atlas-popup__title").wait_for()
    page.wait_for_function(f"() => location.hash.endsWith('&site={site.id}')")
    # The popup may pan the map into view; the address follows once it has.
    frame.wait_for_timeout(800)
    shared, seen = page.url, frame.evaluate(VIEW)
    keys = [part.split("=")[0] for part in fragment(page).split("&")]
    assert keys == ["z", "c", "cat", "site"] and "cat=-mining" in shared
    assert seen["popup"] == name and seen["hidden"] == ["category:mining"]

    other = watched().page
    other.goto(shared)
    other_frame = map_frame(other, where)
    other_frame.locator(".atlas-popup__title").wait_for()
    other_frame.wait_for_timeout(800)
    assert same_view(seen, other_frame.evaluate(VIEW)), (seen, other_frame.evaluate(VIEW))
    assert other.url == shared

    page.go_back()
    page.wait_for_function("() => !location.hash.includes('site=')")
    frame.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    assert frame.evaluate(VIEW)["hidden"] == ["category:mining"] and "cat=-mining" in page.url
    page.go_back()
    page.wait_for_function("() => location.hash === ''")
    frame.wait_for_function("() => document.querySelectorAll('.atlas-filter input:not(:checked)').length === 0")


def test_a_hostile_fragment_is_dropped_part_by_part_and_runs_nothing(served, policy_page):
    hostile = (
        "#z=99&c=91,0&cat=mining,<img src=x onerror=window.__pwned=1>,nope&layer=&region=-genk&site=../x&site=nope"
        "&x=1&__proto__=1&constructor=1&alert(1)&c=50.1,12.2,3"
    )
    policy_page.goto(map_url(served, "cs") + hostile)
    policy_page.wait_for_function("() => location.hash === '#cat=mining&layer=&region=-genk'")
    view = policy_page.evaluate(VIEW)
    assert view["popup"] is None
    assert sorted(view["hidden"]) == sorted(
        [f"category:{c}" for c in policy_page.evaluate("[...document.querySelectorAll('input[name=category]')].map(b => b.value)") if c != "mining"]
        + ["layer:future", "layer:past", "layer:present", "region:genk"]
    )
    assert policy_page.evaluate("[typeof window.__pwned, window.__csp]") == ["undefined", []]
    # A fragment longer than any view is none: dropped whole.
    policy_page.goto(map_url(served, "cs") + "#cat=mining&z=" + "9" * 3000)
    policy_page.wait_for_function("() => location.hash === ''")
    assert policy_page.evaluate(VIEW)["hidden"] == []


def test_an_anchor_of_the_page_is_left_alone_until_the_reader_changes_the_map(served, watched):
    page = watched().page
    page.goto(served + "nl/atlas/regions/genk/#bronnen")
    frame = map_frame(page, "page")
    assert page.evaluate("location.hash") == "#bronnen" and frame.evaluate(VIEW)["hidden"] == []
    frame.click(".atlas-filter__summary")
    frame.locator('input[name="layer"][value="future"]').uncheck()
    page.wait_for_function("() => location.hash === '#layer=-future'")
    page.go_back()
    page.wait_for_function("() => location.hash === '#bronnen'")
    # The anchor says nothing about the map, which keeps what the reader chose.
    frame.wait_for_timeout(300)
    assert frame.evaluate(VIEW)["hidden"] == ["layer:future"]


def test_copy_link_copies_the_address_of_the_view_and_says_so_in_the_maps_language(served, watched):
    strings = catalogue("it")
    page = watched(permissions=["clipboard-read", "clipboard-write"]).page
    page.goto(served + "it/atlas/regions/padova/")
    frame = map_frame(page, "page")
    frame.click(".atlas-filter__summary")
    frame.locator('input[name="layer"][value="past"]').uncheck()
    frame.click(".atlas-share__button")
    frame.wait_for_function(f"() => document.querySelector('.atlas-share__status').textContent === {strings['link_copied']!r}")
    assert frame.locator(".atlas-share__status").get_attribute("role") == "status"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and fragment(page) == "layer=-past"


def test_without_a_clipboard_the_link_waits_selected_in_a_field(served, watched):
    strings = catalogue("sl")
    w = watched()
    w.context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })")
    page = w.open_map(map_url(served, "sl", "regions/gorenjska") + "#layer=past")
    page.click(".atlas-share__button")
    field = page.locator(".atlas-share__field")
    assert field.input_value() == page.url and page.url.endswith("#layer=past")
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") == len(page.url)
    assert page.text_content(".atlas-share__status") == strings["copy_manually"]
