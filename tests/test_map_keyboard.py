"""The atlas map and the region maps by keyboard alone, and what they say to screen readers, in
the map's language (Chromium)."""

import pytest
from atlas.pages.strings import catalogue
from test_browser import COUNT_SHOWN, map_url

MAP = "window[document.querySelector('.folium-map').id]"
# The focused element: its accessible name as the map gives it, whether its focus ring shows, its kind.
FOCUSED = """() => {
  const a = document.activeElement, style = getComputedStyle(a);
  const kind = a.classList.contains('marker-cluster') ? 'cluster' : a.classList.contains('atlas-marker') ? 'marker' : a.tagName;
  return {
    name: a.getAttribute('aria-label') || a.title || a.textContent.trim(),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    kind: kind,
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def test_controls_come_before_the_markers_with_a_visible_focus_and_names_in_the_maps_language(served, watched):
    strings = catalogue("de")
    page = watched().open_map(map_url(served, "de"))
    walk = []
    while not walk or walk[-1]["kind"] not in ("cluster", "marker"):
        assert len(walk) < 12, walk
        page.keyboard.press("Tab")
        walk.append(focused(page))
    names = [step["name"] for step in walk]
    assert names[:6] == [
        strings["map_of"].format(name=strings["site_name"]),
        strings["zoom_in"], strings["zoom_out"], strings["near_me"], strings["filter"], strings["copy_link"],
    ]
    assert all(step["ring"] for step in walk), walk


def test_filter_and_near_me_by_keyboard_say_what_they_did_in_the_maps_language(real_atlas, served, watched):
    strings = catalogue("pl")
    here = real_atlas.sites[min(real_atlas.sites)].location
    w = watched(geolocation={"latitude": here.lat, "longitude": here.lon}, permissions=["geolocation"])
    page = w.open_map(map_url(served, "pl"))

    page.focus(".atlas-near__button")
    page.keyboard.press("Enter")
    page.wait_for_selector(".atlas-near__list li")
    status = page.locator(".atlas-near__status")
    assert status.get_attribute("role") == "status"
    closest = page.locator(".atlas-near__list li").first
    name, km = closest.locator("a").text_content(), closest.locator(".atlas-near__km").text_content().strip()
    assert status.text_content() == strings["nearest"].format(name=name, km=km)

    page.focus(".atlas-filter__summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    box = page.evaluate("document.activeElement.name + ':' + document.activeElement.value")
    category = box.split(":")[1]
    assert box.startswith("category:") and focused(page)["ring"]
    page.keyboard.press("Space")
    expected = sum(any(c != category for c in s.categories) for s in real_atlas.sites.values())
    status = page.locator(".atlas-filter__status")
    assert status.get_attribute("role") == "status"
    assert status.text_content() == strings["shown"].format(shown=expected, total=len(real_atlas.sites))
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {expected}")
    assert w.real_errors() == []


@pytest.mark.parametrize("lang, kind", [("hr", "atlas"), ("it", "regions/padova")])
def test_clusters_markers_and_popups_work_by_keyboard_and_keep_the_focus(served, watched, lang, kind):
    strings = catalogue(lang)
    page = watched().open_map(map_url(served, lang, kind))
    page.wait_for_selector(".marker-cluster")
    for _ in range(80):
        step = focused(page)
        if step["kind"] == "marker":
            break
        if step["kind"] == "cluster":
            count = page.evaluate("document.activeElement.textContent")
            assert step["name"] == strings["cluster"].format(count=count) and step["ring"]
            page.evaluate("document.activeElement.setAttribute('data-pressed', '')")
            page.keyboard.press("Enter")
            # The cluster opens into its sites (or smaller clusters), and the focus goes with it.
            page.wait_for_function(
                "() => document.activeElement.classList.contains('leaflet-marker-icon') && !document.activeElement.hasAttribute('data-pressed')"
            )
        else:
            page.keyboard.press("Tab")
    else:
        pytest.fail("no marker reached by keyboard")
    name = step["name"]
    assert step["ring"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('atlas-popup__title')")
    assert focused(page)["name"] == name and focused(page)["ring"]
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    assert focused(page) == {"name": name, "ring": True, "kind": "marker"}
