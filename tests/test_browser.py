"""The site in a real browser (Debian's Chromium driven by Playwright, served on localhost): maps and lists (search: test_search.py)."""

import re

import pytest
from atlas.records.geo import distance_km
from conftest import SITES_LAYER

COUNT_SHOWN = """() => {
  const single = document.querySelectorAll('.atlas-marker').length;
  const clustered = [...document.querySelectorAll('.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0);
  return single + clustered;
}"""


def map_url(base, lang, kind="atlas"):
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{base}{prefix}atlas/maps/{kind}.html"


def test_markers_and_clusters_add_up_to_all_sites(real_atlas, served, watched):
    w = watched()
    page = w.open_map(map_url(served, "en"))
    # Clusters fade in and out as the map settles; wait for the count rather than read it once.
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {len(real_atlas.sites)}")
    assert w.real_errors() == []


@pytest.mark.parametrize("region", ["genk", "leoben"])
def test_region_map_shows_every_site_of_its_region(real_atlas, served, watched, region):
    page = watched().open_map(map_url(served, "sl", f"regions/{region}"))
    expected = len(real_atlas.sites_of(region))
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {expected}")
    assert page.locator('input[name="region"]').count() == 0


def test_filter_hides_and_shows_the_right_markers(real_atlas, served, watched):
    page = watched().open_map(map_url(served, "de"))
    page.click(".atlas-filter__summary")
    category = "mining"
    box = page.locator(f'input[name="category"][value="{category}"]')
    box.uncheck()
    expected = sum(any(c != category for c in s.categories) for s in real_atlas.sites.values())
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {expected}")
    status = page.text_content(".atlas-filter__status")
    assert str(expected) in status and str(len(real_atlas.sites)) in status
    box.check()
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {len(real_atlas.sites)}")
    page.locator('input[name="layer"][value="future"]').uncheck()
    page.locator('input[name="layer"][value="present"]').uncheck()
    only_past = sum("past" in s.layers for s in real_atlas.sites.values())
    page.wait_for_function(f"() => ({COUNT_SHOWN})() === {only_past}")


def lone_site(real_atlas, among=None):
    """A site (of among, else any) with no other site within 1 km, so that it shows as a marker of its own when zoomed in."""
    def nearest(site):
        return min(distance_km(site.location.lat, site.location.lon, o.location.lat, o.location.lon) for o in real_atlas.sites.values() if o is not site)

    return next(s for s in sorted(among or real_atlas.sites.values(), key=lambda s: s.id) if nearest(s) > 1)


def reveal(page, site_id):
    """Click the cluster that holds the site until the site's own marker shows, as a reader would."""
    page.wait_for_selector(".marker-cluster")
    for _ in range(15):
        state = page.evaluate(
            f"""() => {{
              const layer = {SITES_LAYER};
              const marker = layer.markers.find(m => m.feature.properties.id === {site_id!r});
              const shown = item => item._icon && item._icon.isConnected;
              let holder = marker;
              while (holder && !shown(holder)) holder = holder.__parent;
              if (holder === marker) return "marker";
              document.querySelectorAll("[data-holds-site]").forEach(e => e.removeAttribute("data-holds-site"));
              holder._icon.setAttribute("data-holds-site", "");
              return "cluster";
            }}"""
        )
        if state == "marker":
            return
        # Neighbouring cluster icons may overlap a little; click the one that holds the site itself.
        page.locator("[data-holds-site]").dispatch_event("click")
        page.wait_for_timeout(800)
    pytest.fail(f"{site_id} never showed as its own marker")


@pytest.mark.parametrize("lang", ["en", "cs", "hr"])
def test_marker_popup_links_to_the_site_page_in_the_same_language(real_atlas, served, watched, lang):
    site = lone_site(real_atlas)
    page = watched().open_map(map_url(served, lang))
    reveal(page, site.id)
    name = page.evaluate(f"() => {SITES_LAYER}.markers.find(m => m.feature.properties.id === {site.id!r}).feature.properties.name")
    # The cluster layer redraws markers as the map settles; a DOM click does not wait for stillness.
    page.locator(".atlas-marker").and_(page.get_by_title(name, exact=True)).dispatch_event("click")
    link = page.locator(".atlas-popup__title")
    link.wait_for()
    assert link.text_content() == name
    href = link.evaluate("a => a.href")
    prefix = "" if lang == "en" else f"{lang}/"
    assert href == f"{served}{prefix}atlas/sites/{site.id}/"
    page.goto(href)
    assert page.locator("html").get_attribute("lang") == lang


def test_near_me_lists_sites_by_distance(real_atlas, served, watched):
    here = real_atlas.sites[min(real_atlas.sites)].location
    w = watched(geolocation={"latitude": here.lat, "longitude": here.lon}, permissions=["geolocation"], locale="pl-PL")
    page = w.open_map(map_url(served, "pl"))
    page.click(".atlas-near__button")
    page.wait_for_selector(".atlas-near__list li")
    names = page.locator(".atlas-near__list li a").all_text_contents()
    distances = [float(re.sub(r"[^\d,]", "", km).replace(",", ".")) for km in page.locator(".atlas-near__km").all_text_contents()]
    assert distances == sorted(distances)
    expected = sorted(real_atlas.sites.values(), key=lambda s: distance_km(here.lat, here.lon, s.location.lat, s.location.lon))
    assert distances[0] == pytest.approx(distance_km(here.lat, here.lon, expected[0].location.lat, expected[0].location.lon), abs=0.06)
    assert len(names) == 10
    assert w.real_errors() == []


@pytest.mark.parametrize("path", ["", "cs/atlas/", "hr/atlas/regions/sisak-moslavina/", "atlas/sites/{site}/", "de/atlas/pilots/{pilot}/"])
def test_pages_with_maps_stay_on_localhost(real_atlas, served, watched, path):
    w = watched()
    url = served + path.format(site=min(real_atlas.sites), pilot=min(real_atlas.pilots))
    w.page.goto(url)
    frame = w.page.frame_locator("iframe.atlas-map__frame")
    frame.locator(".leaflet-container").wait_for()
    w.page.wait_for_load_state("networkidle")
    assert [u for u in w.outside if "tile.openstreetmap.org" not in u] == []
    assert w.real_errors() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_fits_a_phone_screen_in_both_palettes(served, watched, scheme):
    w = watched(viewport={"width": 375, "height": 740}, color_scheme=scheme, is_mobile=True)
    w.page.goto(served + "atlas/")
    frame = w.page.locator("iframe.atlas-map__frame")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 375
    assert box["height"] > 200
    inner = w.page.frame_locator("iframe.atlas-map__frame")
    inner.locator(".marker-cluster, .atlas-marker").first.wait_for()
    expected = "slate" if scheme == "dark" else "default"
    assert w.page.locator("body").get_attribute("data-md-color-scheme") == expected


def test_text_alternative_leads_to_every_site_without_javascript(real_atlas, served, browser):
    """Beside the atlas map, each region with its number of sites; each region's page lists them."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "it/atlas/")
    page.locator(".atlas-map__list summary").click()
    regions = page.locator(".atlas-map__list li a")
    assert regions.count() == len(real_atlas.regions)
    counts = [int(re.sub(r"\D", "", text)) for text in page.locator(".atlas-map__list li .atlas-meta").all_text_contents()]
    assert sum(counts) == len(real_atlas.sites)
    regions.first.focus()
    assert page.evaluate("document.activeElement.tagName") == "A"
    regions.first.click()
    listed = page.locator(".atlas-map__list li a").count()
    assert listed == counts[0]
    context.close()
