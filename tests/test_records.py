"""Loading and validation of records: every problem, with its file, line and column, in one run."""

import pytest
import yaml
from atlas.records.loader import load_atlas
from atlas.records.problems import InvalidRecords
from conftest import ROOT, write


def problems(regions) -> list[str]:
    with pytest.raises(InvalidRecords) as caught:
        load_atlas(regions)
    return [str(p) for p in caught.value.problems]


def test_valid_tree_loads(records):
    atlas = load_atlas(records)
    assert list(atlas.sites) == ["mine"]
    assert atlas.pilots["days"].sites == ["mine"]


def test_misspelt_field_names_the_line_and_suggests_the_field(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("description:", "descripton:"))
    line = path.read_text().splitlines().index("descripton:") + 1
    assert problems(records) == [
        "regions/one/sites/mine.yml:1:1: 'description' is missing: add it",
        f"regions/one/sites/mine.yml:{line}:1: unknown field 'descripton' (did you mean 'description'?)",
    ]


def test_yaml_syntax_error_is_one_line_with_position(records):
    write(records / "one/sites/mine.yml", "id: mine\nname: [unclosed\nregion: one\n")
    (message,) = problems(records)
    assert message.startswith("regions/one/sites/mine.yml:3:")
    assert "not valid YAML" in message


def test_unknown_language_code_points_at_the_key(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("  cs: Text cs", "  cz: Text cs"))
    line = path.read_text().splitlines().index("  cz: Text cs") + 1
    (message,) = problems(records)
    assert message.startswith(f"regions/one/sites/mine.yml:{line}:3: 'cz' is not one of the atlas languages")


def test_all_problems_of_all_files_come_in_one_run(records):
    site = records / "one/sites/mine.yml"
    site.write_text(site.read_text().replace("- mining", "- minning"))
    pilot = records / "one/pilots/days.yml"
    pilot.write_text(pilot.read_text().replace("- museums", "- musems"))
    partner = records / "_project/partners/p-one.yml"
    partner.write_text(partner.read_text().replace("website: https://", "website: ftp://"))
    found = problems(records)
    assert len(found) == 3
    assert any("mine.yml" in p and "there is no category 'minning'" in p for p in found)
    assert any("days.yml" in p and "there is no stakeholder sector 'musems'" in p for p in found)
    assert any("p-one.yml" in p and "'website' must be a web address starting with https:// or http://" in p for p in found)


def test_duplicate_id_names_the_first_file(records):
    write(records / "one/sites/mine-copy.yml", (records / "one/sites/mine.yml").read_text())
    found = problems(records)
    # Files are read in name order, so mine-copy.yml comes first and mine.yml is the duplicate.
    assert "regions/one/sites/mine.yml:1:5: the site id 'mine' is already used by regions/one/sites/mine-copy.yml" in found
    assert "regions/one/sites/mine-copy.yml:1:5: the id 'mine' must match the file name 'mine-copy'" in found


def test_reference_to_missing_region(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("region: one", "region: two"))
    found = problems(records)
    assert "regions/one/sites/mine.yml:2:9: there is no region 'two'; known: one" in found


def test_site_far_from_its_region(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("lat: 50.72", "lat: 52.72"))
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "lat: 52.72" in text)
    (message,) = problems(records)
    assert message.startswith(f"regions/one/sites/mine.yml:{line}:3: lat 52.72, lon 12.49")
    assert "lies 202 km outside region 'one' (at most 25 km allowed)" in message


def test_latitude_out_of_range(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("lat: 50.72", "lat: 95.0"))
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "lat: 95.0" in text)
    assert f"regions/one/sites/mine.yml:{line}:8: 'lat' is 95.0, outside the range it allows (input should be less than or equal to 90)" in problems(records)


def test_duplicate_key_is_reported(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text() + "region: one\n")
    line = len(path.read_text().splitlines())
    assert f"regions/one/sites/mine.yml:{line}:1: 'region' is given twice; keep one" in problems(records)


def test_misplaced_file(records):
    write(records / "one/notes.yml", "a: b\n")
    assert problems(records) == [
        ("regions/one/notes.yml:1:1: this file is not where a record can be: use regions/<region>/region.yml, "
        "regions/_project/partners/<id>.yml, regions/<region>/pilots/<id>.yml, regions/_project/pilots/<id>.yml "
        "or regions/<region>/sites/<id>.yml")
    ]


def test_pilot_theme_must_be_a_project_theme(records):
    path = records / "one/pilots/days.yml"
    path.write_text(path.read_text().replace("theme: identity", "theme: tourism"))
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text == "theme: tourism")
    found = problems(records)
    assert f"regions/one/pilots/days.yml:{line}:8: there is no theme 'tourism'; known: concept, identity, labour, pioneer" in found


MIRRORS = {"mirrors": [{"host": "wiki.li", "copies": "copies of German Wikipedia"}, {"host": "austria-forum.org", "path": "/af/AustriaWiki/", "copies": "copies of German Wikipedia"}]}


@pytest.mark.parametrize("url", ["https://de.wiki.li/Zeche", "http://wiki.li/Zeche", "https://austria-forum.org/af/AustriaWiki/Erzberg"])
def test_a_source_on_a_mirror_host_is_a_problem_at_its_line(records, url):
    write(records / "_project/source-mirrors.yml", MIRRORS)
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("- https://example.org/mine", f"- {url}"))
    line = path.read_text().splitlines().index(f"- {url}") + 1
    host = "austria-forum.org" if "austria" in url else "wiki.li"
    expected = (
        f"regions/one/sites/mine.yml:{line}:3: '{host}' is a copy (copies of German Wikipedia): cite the page it copies instead; "
        "copies are listed in regions/_project/source-mirrors.yml"
    )
    assert problems(records) == [expected]


@pytest.mark.parametrize("url", ["https://de.wikipedia.org/wiki/Zeche", "https://notwiki.li/x", "https://austria-forum.org/af/AEIOU/Erzberg"])
def test_a_source_near_a_mirror_host_is_fine(records, url):
    write(records / "_project/source-mirrors.yml", MIRRORS)
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("- https://example.org/mine", f"- {url}"))
    assert load_atlas(records).sites["mine"].sources == [url]


def test_real_records_cite_no_mirror():
    atlas = load_atlas(ROOT / "regions")
    assert atlas.mirrors is not None and len(atlas.mirrors.mirrors) > 50


@pytest.fixture
def two_regions(records):
    """The small tree with a second region beside the first, and a pilot action of both."""
    region = yaml.safe_load((records / "one/region.yml").read_text())
    partner = yaml.safe_load((records / "_project/partners/p-one.yml").read_text())
    write(records / "two/region.yml", region | {"id": "two", "partner": "p-two"})
    write(records / "_project/partners/p-two.yml", partner | {"id": "p-two", "region": "two"})
    pilot = yaml.safe_load((records / "one/pilots/days.yml").read_text())
    del pilot["region"]
    write(records / "_project/pilots/caravan.yml", pilot | {"id": "caravan", "regions": ["one", "two"]})
    return records


def test_a_pilot_of_several_regions_belongs_to_each(two_regions):
    atlas = load_atlas(two_regions)
    assert [p.id for p in atlas.pilots_of("two")] == ["caravan"]
    assert sorted(p.id for p in atlas.pilots_of("one")) == ["caravan", "days"]
    assert atlas.regional_language(atlas.pilots["caravan"]) is None
    assert atlas.regional_language(atlas.pilots["days"]) == "de"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"regions": ["one"]}, "a pilot action in regions/_project/pilots/ needs 'regions': the ids of two or more regions"),
        ({"regions": ["one", "three"]}, "there is no region 'three'; known: one, two"),
    ],
)
def test_a_pilot_of_several_regions_is_checked(two_regions, change, message):
    path = two_regions / "_project/pilots/caravan.yml"
    write(path, yaml.safe_load(path.read_text()) | change)
    (found,) = problems(two_regions)
    assert found.startswith("regions/_project/pilots/caravan.yml:") and found.endswith(message)


def test_a_pilot_of_one_region_belongs_in_that_regions_folder(two_regions):
    path = two_regions / "_project/pilots/caravan.yml"
    data = yaml.safe_load(path.read_text())
    del data["regions"]
    write(path, data | {"region": "one"})
    (found,) = problems(two_regions)
    assert found.endswith("a pilot action in regions/_project/pilots/ names its regions with 'regions' (two or more); move a pilot of one region to that region's pilots/ folder")
