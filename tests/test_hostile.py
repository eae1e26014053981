"""Partner text is data, never code: the hostile corpus (tests/hostile.py) against the real records.

Rejected cases stop `atlas validate` with one exact problem; inert cases are all applied to one
copy of the real records, built once, and opened in Chromium: nothing runs, the text shows as
it was written, on pages, maps, popups, search and open data.
"""

import json
import re
import resource
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from atlas.pages.strings import catalogue
from atlas.records.loader import load_atlas
from atlas.records.problems import InvalidRecords
from conftest import ROOT, atlas_build, copy_project, serve
from hostile import EVALUATED, INERT, REJECT
from test_embed import Elements, embed_code

MARKER = "window.__pwned"


@pytest.fixture
def real_records(tmp_path):
    regions = tmp_path / "regions"
    shutil.copytree(ROOT / "regions", regions)
    return regions


@pytest.mark.parametrize("case", REJECT, ids=lambda case: case.name)
def test_hostile_record_is_rejected_with_one_exact_problem(real_records, case):
    expected = case.apply(real_records)
    with pytest.raises(InvalidRecords) as caught:
        load_atlas(real_records)
    assert [str(p) for p in caught.value.problems] == [expected]


def _limited(megabytes: int):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return limit


def test_alias_bomb_fails_fast_in_bounded_memory(real_records):
    """The whole command, in a process that may not grow past 1 GB (the bomb wants over 12 GB)."""
    bomb = next(case for case in REJECT if case.name == "alias bomb")
    expected = bomb.apply(real_records)
    result = subprocess.run(
        [sys.executable, "-m", "atlas", "--regions", str(real_records), "validate"],
        cwd=real_records.parent, capture_output=True, text=True, timeout=60, preexec_fn=_limited(1024), check=False,
    )
    assert result.returncode == 1
    assert expected in result.stdout.splitlines()
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The atlas built from a copy of the real records with every inert case applied."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    for case in INERT:
        case.apply(project / "regions")
    site = project / "site"
    result = atlas_build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def hostile_served(hostile_site):
    with serve(hostile_site) as url:
        yield url


@pytest.fixture(scope="module")
def reader(policy_page):
    return policy_page


def ran(page) -> list:
    """The marker and the policy violations of the page and each frame in it."""
    return [frame.evaluate(f"[typeof {MARKER} === 'undefined' ? null : {MARKER}, window.__csp || []]") for frame in page.frames]


def test_no_template_engine_evaluated_any_text(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".json", ".geojson", ".csv", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert not any(mark in text for mark in EVALUATED), path


@pytest.mark.parametrize("case", INERT, ids=lambda case: case.name)
def test_hostile_text_shows_literally_and_runs_nothing(hostile_served, reader, case):
    reader.goto(hostile_served + case.page)
    reader.wait_for_load_state("load")
    assert case.seen in reader.evaluate("document.body.innerText")
    assert ran(reader) == [[None, []]] * len(reader.frames)


def test_description_keeps_its_markdown_subset_and_shows_html_as_text(hostile_site):
    case = next(c for c in INERT if c.name == "site description with Markdown and HTML")
    page = (hostile_site / case.page / "index.html").read_text(encoding="utf-8")
    expected = (
        '<strong>Strong</strong> and <em>emphasis</em>, a <a href="https://example.org/" rel="noopener nofollow">link</a>'
        " and &lt;a href=javascript:window.__pwned=5&gt;HTML&lt;/a&gt;"
    )
    assert expected in page


def test_hostile_title_is_the_page_title(hostile_served, reader):
    case = INERT[0]
    reader.goto(hostile_served + case.page)
    assert reader.title().startswith(case.payload)
    assert reader.locator("h1").first.inner_text() == case.payload


class Meta(HTMLParser):
    """The content of each <meta> of a page, by its name or property."""

    def __init__(self):
        super().__init__()
        self.content = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or attrs.get("property")):
            self.content[attrs.get("name") or attrs.get("property")] = attrs.get("content")


def meta(site, case) -> dict[str, str]:
    found = Meta()
    found.feed((site / case.page / "index.html").read_text(encoding="utf-8"))
    return found.content


def test_meta_description_holds_the_summary_exactly(hostile_site):
    case = next(c for c in INERT if c.name == "pilot summary closing the meta description")
    assert meta(hostile_site, case)["description"] == case.payload
    assert meta(hostile_site, case)["og:description"] == case.payload


@pytest.mark.parametrize("name", ["site name with script and template", "site name that closes the title", "site name with entities"])
def test_open_graph_title_holds_the_name_exactly(hostile_site, name):
    case = next(c for c in INERT if c.name == name)
    assert meta(hostile_site, case)["og:title"] == case.payload


@pytest.mark.parametrize("document", ["atlas/maps/atlas.html", "atlas/maps/regions/genk.html"])
def test_maps_show_hostile_labels_as_text(hostile_served, reader, document):
    reader.goto(hostile_served + document)
    reader.wait_for_selector(".atlas-filter__summary")
    reader.click(".atlas-filter__summary")
    text = reader.evaluate("document.body.innerText")
    names = ["category label", "layer label"] + (["region name with attributes for a heading"] if "regions/" not in document else [])
    for name in names:
        assert next(c for c in INERT if c.name == name).payload in text
    assert ran(reader) == [[None, []]]


def test_popup_shows_a_hostile_name_as_text(hostile_served, reader):
    case = INERT[0]
    site_id = case.page.rstrip("/").rsplit("/", 1)[1]
    reader.goto(hostile_served + "atlas/maps/atlas.html")
    reader.wait_for_selector(".marker-cluster, .atlas-marker")
    # Open the popup as the marker's own click would, wherever the cluster layer has put it.
    reader.evaluate(
        """id => { const layer = window[document.querySelector('.folium-map').id].atlasSites;
                   const marker = layer.markers.find(m => m.feature.properties.id === id);
                   marker.openPopup(marker.getLatLng()); if (!marker._map) layer.map.openPopup(marker.getPopup().setLatLng(marker.getLatLng())); }""",
        site_id,
    )
    popup = reader.locator(".atlas-popup__title")
    popup.wait_for()
    assert popup.inner_text() == case.payload
    assert ran(reader) == [[None, []]]


def test_embed_code_holds_a_hostile_region_name_as_text(hostile_site):
    """The code a partner pastes onto their own website names the region only inside attribute values and text."""
    case = next(c for c in INERT if c.name == "region name with attributes for a heading")
    code, _ = embed_code(hostile_site, "en", "genk")
    frame, paragraph, link = Elements(code).elements
    assert (frame["tag"], paragraph["tag"], link["tag"]) == ("iframe", "p", "a")
    assert frame["title"] == catalogue("en")["map_of"].format(name=case.payload)
    assert link["text"] == catalogue("en")["embed_credit"].format(name=case.payload)


# Hostile texts and a query that finds them; the last one is found in its page's text.
SEARCHED = {"site name with script and template": "Fenice", "site name in Czech": "C-mine", "site name with entities": "Audi Horch",
            "site description breaking an attribute": "onload"}
# The elements of Material's result list; a text made into an element would add another.
RESULT_ELEMENTS = {"LI", "A", "ARTICLE", "DIV", "H1", "H2", "P", "MARK", "DETAILS", "SUMMARY"}


@pytest.mark.parametrize("case", [c for c in INERT if c.name in SEARCHED], ids=lambda case: case.name)
def test_search_shows_hostile_titles_and_text_as_text(hostile_served, reader, case):
    root = hostile_served + ("" if case.lang == "en" else f"{case.lang}/")
    reader.goto(root + "atlas/")
    reader.locator("input.md-search__input").press_sequentially(SEARCHED[case.name])
    result = reader.locator(f'.md-search-result__item > a[href^="{hostile_served}{case.page}?"]')
    result.wait_for()
    if "description" in case.name:
        assert case.payload.split(" {")[0] in result.locator("p").inner_text()
    else:
        assert result.locator("h1").inner_text() == case.payload
    tags = reader.locator(".md-search-result__list *").evaluate_all("nodes => nodes.map(n => n.tagName)")
    assert set(tags) <= RESULT_ELEMENTS
    assert ran(reader)[0] == [None, []]


def test_open_data_carries_texts_exactly_and_csv_cells_cannot_be_formulas(hostile_site):
    features = json.loads((hostile_site / "opendata/sites.geojson").read_text(encoding="utf-8"))["features"]
    names = {f["id"]: f["properties"]["name"] for f in features}
    formula = next(c for c in INERT if c.name == "site name as a spreadsheet formula")
    script = INERT[0]
    assert names["labiomista"] == formula.payload
    assert names["fenice-green-energy-park"] == script.payload
    csv_text = (hostile_site / "opendata/sites.csv").read_text(encoding="utf-8")
    assert "'" + formula.payload.replace('"', '""') in csv_text
    assert not re.search(r'(^|,)"?=HYPERLINK', csv_text, re.MULTILINE)


def plant(document, anchor: str, script: str) -> str:
    """A copy of a built document, beside it, with script written in before anchor; its name."""
    planted = document.read_text(encoding="utf-8").replace(anchor, script + anchor, 1)
    (document.parent / "planted.html").write_text(planted, encoding="utf-8")
    return planted


@pytest.mark.parametrize("document, anchor", [("atlas/index.html", "</h1>"), ("atlas/maps/atlas.html", "</body>")])
def test_planted_inline_script_is_blocked_by_the_policy(hostile_site, hostile_served, reader, document, anchor):
    """Bypass the escaping on purpose: a script written into a built page or map must not run."""
    planted = plant(hostile_site / document, anchor, f"<script>{MARKER}='planted'</script>")
    folder = document.rsplit("/", 1)[0]
    reader.goto(f"{hostile_served}{folder}/planted.html")
    marker, violations = ran(reader)[0]
    assert marker is None and "script-src-elem" in violations
    # The same document without its policy runs the script, so the check above can fail.
    unprotected = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", planted)
    (hostile_site / folder / "planted.html").write_text(unprotected, encoding="utf-8")
    reader.goto(f"{hostile_served}{folder}/planted.html")
    assert ran(reader)[0][0] == "planted"
