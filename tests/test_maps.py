"""Map documents and map data on disk: small documents, one data file per language, the same bytes on every build."""

import json
import re

import pytest
from atlas import routes
from atlas.languages import LANGUAGES
from atlas.site.generate import LOCAL_SITE_URL, generate
from conftest import ROOT, tree

TILES = "OpenStreetMap.Mapnik"


MAP_DATA = re.compile(r"^AtlasMap\.load\((.*)\);\n$", re.DOTALL)


def map_data(site, lang: str) -> dict:
    """The sites and legend of one language's maps, as the script holds them."""
    text = (site / ("" if lang == "en" else lang) / routes.map_data()).read_text(encoding="utf-8")
    return json.loads(MAP_DATA.match(text).group(1))


def test_each_language_has_one_map_data_file_with_every_site(real_atlas, site):
    for lang in LANGUAGES:
        features = map_data(site, lang)["sites"]["features"]
        assert sorted(f["properties"]["id"] for f in features) == sorted(real_atlas.sites)


def test_map_documents_hold_no_site_data_so_they_stay_small(real_atlas, site):
    """The atlas and region maps load their language's map data; their own size does not grow with the sites."""
    for lang in LANGUAGES:
        root = site / ("" if lang == "en" else lang)
        for path in [root / "atlas/maps/atlas.html", *(root / "atlas/maps/regions").glob("*.html")]:
            html = path.read_text(encoding="utf-8")
            assert path.stat().st_size < 12_000, path
            assert not any(f'"{site_id}"' in html for site_id in real_atlas.sites), path
            assert re.search(r'<script src="(\.\./)*sites\.js"></script>', html), path


def test_sites_reach_the_map_as_one_geojson_layer_not_markers(site):
    html = (site / "atlas/maps/atlas.html").read_text(encoding="utf-8")
    assert html.count("L.marker(") == 0
    assert html.count("AtlasMap.sites(") == 1


def test_small_maps_are_one_document_per_record_for_all_languages(real_atlas, site):
    assert len(list((site / "maps/sites").glob("*.html"))) == len(real_atlas.sites)
    assert len(list((site / "maps/pilots").glob("*.html"))) == len(real_atlas.pilots)
    for lang in LANGUAGES[1:]:
        assert not (site / lang / "maps").exists()


@pytest.mark.build  # generates the whole atlas twice
def test_same_records_give_byte_identical_files(tmp_path):
    for docs in ("first", "second"):
        generate(ROOT / "regions", tmp_path / docs, TILES, LOCAL_SITE_URL)
    assert tree(tmp_path / "first") == tree(tmp_path / "second")


def test_no_random_element_ids_remain(site):
    for path in [site / "atlas/maps/atlas.html", *sorted((site / "maps/sites").glob("*.html"))[:3]]:
        assert not re.search(r"_[0-9a-f]{32}\b", path.read_text(encoding="utf-8")), path


def test_map_documents_load_only_their_own_assets(real_atlas, site):
    for path in [site / "cs/atlas/maps/atlas.html", site / "maps/sites" / f"{min(real_atlas.sites)}.html"]:
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http:", "https:", "//")), (path, url)
            assert (path.parent / url).resolve().is_file(), (path, url)


def test_open_data_has_every_site_in_every_language(real_atlas, site):
    collection = json.loads((site / "opendata/sites.geojson").read_text(encoding="utf-8"))
    assert collection["licence"] == "CC-BY-4.0"
    assert len(collection["features"]) == len(real_atlas.sites)
    for feature in collection["features"]:
        assert set(feature["properties"]["description"]) == set(LANGUAGES)
    header = (site / "opendata/sites.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {f"description_{lang}" for lang in LANGUAGES} <= set(header)


def test_every_map_document_says_its_language(real_atlas, site):
    for lang in LANGUAGES:
        path, _ = routes.map_document("atlas", "atlas")
        assert f'<html lang="{lang}">' in (site / routes.site_path(lang, path)).read_text(encoding="utf-8")
    site_id, record = min(real_atlas.sites.items())
    path, _ = routes.map_document("site", site_id)
    assert f'<html lang="{real_atlas.regions[record.region].language}">' in (site / path).read_text(encoding="utf-8")
    assert not [p for p in site.rglob("*.html") if "<html>" in p.read_text(encoding="utf-8")]
