"""Guards on the content of the real atlas: counts, geography, sources and translations."""

import itertools
import re

import pytest
from atlas.languages import LANGUAGES
from atlas.records.coverage import coverage, texts
from atlas.records.geo import distance_km, distance_to_box_km
from atlas.records.loader import load_atlas
from conftest import ROOT

ATLAS = load_atlas(ROOT / "regions")
REGION_IDS = ["zwickau", "leoben", "karlovy-vary", "padova", "gorenjska", "sisak-moslavina", "opole", "genk"]
URL = re.compile(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(:\d+)?(/[^\s]*)?$", re.IGNORECASE)


def test_the_eight_regions_and_ten_partners():
    assert sorted(ATLAS.regions) == sorted(REGION_IDS)
    assert len(ATLAS.partners) == 10
    assert sum(p.kind == "scientific" for p in ATLAS.partners.values()) == 2
    assert [p.id for p in ATLAS.partners.values() if p.lead] == ["landkreis-zwickau"]


@pytest.mark.parametrize("region", REGION_IDS)
def test_at_least_twelve_sites_per_region(region):
    assert len(ATLAS.sites_of(region)) >= 12


@pytest.mark.parametrize("region", REGION_IDS)
def test_at_least_twelve_sites_per_region_have_confirmed_coordinates(region):
    # Approximate points (a town's or area's) do not count towards the region's twelve.
    assert len([s for s in ATLAS.sites_of(region) if not s.approximate]) >= 12


@pytest.mark.parametrize("region", REGION_IDS)
def test_every_site_lies_within_its_region(region):
    box = ATLAS.regions[region].bbox
    for site in ATLAS.sites_of(region):
        assert distance_to_box_km(site.location.lat, site.location.lon, box) <= 25, site.id


def test_landscapes_are_marked_as_areas_or_lines():
    """A landscape is never one spot: its page and map must say the point marks one spot of it."""
    unmarked = [s.id for s in ATLAS.sites.values() if "landscapes" in s.categories and s.extent is None]
    assert unmarked == []


def test_sites_cover_the_three_time_layers():
    for layer in ("past", "present", "future"):
        assert any(layer in s.layers for s in ATLAS.sites.values()), layer


def all_sources():
    for table in (ATLAS.regions, ATLAS.partners, ATLAS.pilots, ATLAS.sites):
        for record in table.values():
            for url in record.sources:
                yield record.id, url


def test_every_source_is_a_well_formed_url():
    bad = [(record, url) for record, url in all_sources() if not URL.match(url)]
    assert not bad


def test_every_record_names_a_source():
    for table in (ATLAS.regions, ATLAS.partners, ATLAS.pilots, ATLAS.sites):
        assert all(record.sources for record in table.values())


def test_no_two_exact_sites_closer_than_20_m_unless_one_complex():
    exact = [s for s in ATLAS.sites.values() if not s.approximate]
    crowded = [
        (a.id, b.id)
        for a, b in itertools.combinations(exact, 2)
        if distance_km(a.location.lat, a.location.lon, b.location.lat, b.location.lon) < 0.02
        and b.id not in a.same_complex
        and a.id not in b.same_complex
    ]
    assert not crowded


def test_translation_coverage_is_complete():
    report = coverage(ATLAS)
    assert [share.percent for share in report.shares] == [100.0] * len(LANGUAGES)
    assert report.missing == []


def test_translations_are_not_english_copies():
    copies = [
        (record_id, field, lang)
        for _, record_id, _, _, field, text in texts(ATLAS)
        for lang in LANGUAGES[1:]
        if len(text["en"]) > 60 and text.get(lang) == text["en"]
    ]
    assert not copies
