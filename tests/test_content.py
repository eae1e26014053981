"""Guards on the content of the real atlas: counts, geography, sources and translations."""

import itertools

import pytest
from atlas.languages import LANGUAGES
from atlas.records.coverage import coverage, texts
from atlas.records.geo import distance_km

REGION_IDS = ["zwickau", "leoben", "karlovy-vary", "padova", "gorenjska", "sisak-moslavina", "opole", "genk"]


def test_the_eight_regions_and_ten_partners(real_atlas):
    assert sorted(real_atlas.regions) == sorted(REGION_IDS)
    assert len(real_atlas.partners) == 10
    assert sum(p.kind == "scientific" for p in real_atlas.partners.values()) == 2
    assert [p.id for p in real_atlas.partners.values() if p.lead] == ["landkreis-zwickau"]


@pytest.mark.parametrize("region", REGION_IDS)
def test_at_least_twelve_sites_per_region(real_atlas, region):
    assert len(real_atlas.sites_of(region)) >= 12


@pytest.mark.parametrize("region", REGION_IDS)
def test_at_least_twelve_sites_per_region_have_confirmed_coordinates(real_atlas, region):
    # Approximate points (a town's or area's) do not count towards the region's twelve.
    assert len([s for s in real_atlas.sites_of(region) if not s.approximate]) >= 12


def test_landscapes_are_marked_as_areas_or_lines(real_atlas):
    """A landscape is never one spot: its page and map must say the point marks one spot of it."""
    unmarked = [s.id for s in real_atlas.sites.values() if "landscapes" in s.categories and s.extent is None]
    assert unmarked == []


def test_sites_cover_the_three_time_layers(real_atlas):
    for layer in ("past", "present", "future"):
        assert any(layer in s.layers for s in real_atlas.sites.values()), layer


def test_no_two_exact_sites_closer_than_20_m_unless_one_complex(real_atlas):
    exact = [s for s in real_atlas.sites.values() if not s.approximate]
    crowded = [
        (a.id, b.id)
        for a, b in itertools.combinations(exact, 2)
        if distance_km(a.location.lat, a.location.lon, b.location.lat, b.location.lon) < 0.02
        and b.id not in a.same_complex
        and a.id not in b.same_complex
    ]
    assert not crowded


def test_translation_coverage_is_complete(real_atlas):
    report = coverage(real_atlas)
    assert [share.percent for share in report.shares] == [100.0] * len(LANGUAGES)
    assert report.missing == []


def test_translations_are_not_english_copies(real_atlas):
    copies = [
        (record_id, field, lang)
        for _, record_id, _, _, field, text in texts(real_atlas)
        for lang in LANGUAGES[1:]
        if len(text["en"]) > 60 and text.get(lang) == text["en"]
    ]
    assert not copies
