"""The `atlas` command as partners and CI run it: validate, new, translations, schema."""

import contextlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import PurePosixPath

import jsonschema
import pytest
import yaml
from atlas import cli
from atlas.records import kinds
from atlas.records.coverage import coverage
from atlas.records.editor_schema import schemas
from atlas.records.loader import load_atlas
from conftest import ROOT, write


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def github_actions(on: bool):
    """The environment of a GitHub Actions job, or of any other place."""
    before = os.environ.pop("GITHUB_ACTIONS", None)
    if on:
        os.environ["GITHUB_ACTIONS"] = "true"
    try:
        yield
    finally:
        os.environ.pop("GITHUB_ACTIONS", None)
        if before is not None:
            os.environ["GITHUB_ACTIONS"] = before


def atlas(*args, cwd, github=False) -> Run:
    """`atlas ARGS` run in this process, as a partner would run it in cwd."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), github_actions(github), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exit:  # argparse ends --help and usage errors this way
            code = exit.code
    return Run(code, out.getvalue(), err.getvalue())


def line_of(path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# validate


def break_layer(records):
    path = records / "one/sites/mine.yml"
    path.write_text(path.read_text().replace("- past", "- pass"))
    return line_of(path, "- pass")


def test_validate_passes_on_a_valid_tree(records, tmp_path):
    result = atlas("--regions", "regions", "validate", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "All records are valid: 1 regions, 1 partners, 1 pilot actions, 1 sites.\n"


def test_broken_record_fails_with_its_exact_line(records, tmp_path):
    line = break_layer(records)
    result = atlas("--regions", "regions", "validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"regions/one/sites/mine.yml:{line}:3: there is no time layer 'pass'; known: future, past, present",
    ]
    assert "1 problem(s) found" in result.stderr


def test_in_github_actions_each_problem_is_also_an_annotation(records, tmp_path):
    line = break_layer(records)
    result = atlas("--regions", "regions", "validate", cwd=tmp_path, github=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"regions/one/sites/mine.yml:{line}:3: there is no time layer 'pass'; known: future, past, present",
        f"::error file=regions/one/sites/mine.yml,line={line},col=3::there is no time layer 'pass'; known: future, past, present",
    ]


def test_annotation_escapes_newlines_and_percent(records, tmp_path):
    write(records / "one/sites/mine.yml", "id: mine\nname: [unclosed\nregion: one\n")
    result = atlas("--regions", "regions", "validate", cwd=tmp_path, github=True)
    (plain, annotation) = result.stdout.splitlines()
    path, line, column, message = re.match(r"^(.+?):(\d+):(\d+): (.*)$", plain).groups()
    assert annotation == f"::error file={path},line={line},col={column}::{message}"


# new


def fill_site(path):
    text = path.read_text()
    text = text.replace("categories: []", "categories: [mining]").replace("layers: []", "layers: [past, present]")
    text = text.replace("{lat: null, lon: null}", "{lat: 50.71, lon: 12.48}")
    text = text.replace('  - ""', "  - https://example.org/x")
    text = text.replace(': ""', ': "Filled in"')
    path.write_text(text)


def test_new_site_fails_until_filled_in_and_then_passes(records, tmp_path):
    result = atlas("--regions", "regions", "new", "site", "--region", "one", "--name", "X", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = records / "one/sites/x.yml"
    lines = result.stdout.splitlines()
    assert lines[0] == "Wrote regions/one/sites/x.yml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../docs/schema/site.schema.json\n")
    data = yaml.safe_load(text)
    assert list(data) == ["id", "region", "name", "names", "categories", "layers", "location", "address",
                          "website", "wikidata", "same_complex", "description", "sources"]
    assert data["id"] == "x" and data["name"] == "X"
    assert list(data["description"]) == list(data["names"]) == ["en", "cs", "de", "it", "sl", "hr", "pl", "nl"]
    # Each value to fill in is listed with the line it stands on, and that line holds a placeholder.
    listed = [re.match(r"^  regions/one/sites/x.yml:(\d+): (\S+) ", line).groups() for line in lines[2:]]
    assert [field for _, field in listed][:2] == ["names.en", "names.cs"]
    assert {"categories", "layers", "location", "description.nl", "sources"} <= {field for _, field in listed}
    file_lines = text.splitlines()
    for number, field in listed:
        assert re.search(r'""|\[\]|null', file_lines[int(number) - 1]), (field, file_lines[int(number) - 1])

    failed = atlas("--regions", "regions", "validate", cwd=tmp_path)
    assert failed.returncode == 1
    assert all(line.startswith("regions/one/sites/x.yml:") for line in failed.stdout.splitlines())

    fill_site(path)
    passed = atlas("--regions", "regions", "validate", cwd=tmp_path)
    assert passed.returncode == 0, passed.stdout


def test_new_pilot_fails_until_filled_in_and_then_passes(records, tmp_path):
    result = atlas("--regions", "regions", "new", "pilot", "--region", "one", "--id", "open-days", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = records / "one/pilots/open-days.yml"
    assert atlas("--regions", "regions", "validate", cwd=tmp_path).returncode == 1
    text = path.read_text()
    text = text.replace('theme: ""', "theme: identity").replace('start: ""', 'start: "2018-05"')
    text = text.replace("lat: null", "lat: 50.7").replace("lon: null", "lon: 12.5")
    text = text.replace("sectors: []", "sectors: [museums, schools]").replace('  - ""', "  - https://example.org/d")
    path.write_text(text.replace(': ""', ': "Filled in"'))
    passed = atlas("--regions", "regions", "validate", cwd=tmp_path)
    assert passed.returncode == 0, passed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "Mine"], "atlas new: regions/one/sites/mine.yml already exists: choose another --id\n"),
        (["--id", "days"], "atlas new: the id 'days' is already used by regions/one/pilots/days.yml: choose another --id\n"),
        (["--id", "Not A Slug"], "atlas new: 'Not A Slug' is not an id of lower-case letters, digits and hyphens, like 'august-horch-museum'\n"),
        ([], "atlas new: give the new record's --name (its id is made from it) or its --id\n"),
    ],
)
def test_new_refuses_ids_that_are_taken_or_wrong(records, tmp_path, args, message):
    before = sorted(records.rglob("*"))
    result = atlas("--regions", "regions", "new", "site", "--region", "one", *args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == message
    assert sorted(records.rglob("*")) == before


def test_new_refuses_an_unknown_region(records, tmp_path):
    result = atlas("--regions", "regions", "new", "site", "--region", "two", "--name", "X", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "atlas new: there is no region 'two' in regions; known: one\n"
    assert not (records / "two").exists()


def test_new_makes_the_id_from_a_name_with_diacritics(records, tmp_path):
    result = atlas("--regions", "regions", "new", "site", "--region", "one", "--name", "Żuraw Łódź – Gießerei 2", cwd=tmp_path)
    assert result.returncode == 0
    assert (records / "one/sites/zuraw-lodz-giesserei-2.yml").is_file()
    assert yaml.safe_load((records / "one/sites/zuraw-lodz-giesserei-2.yml").read_text())["name"] == "Żuraw Łódź – Gießerei 2"


# translations

ALL = {lang: f"Label {lang}" for lang in ["en", "cs", "de", "it", "sl", "hr", "pl", "nl"]}


@pytest.fixture
def known_gaps(records):
    """The small tree with a one-term-per-vocabulary taxonomy: 15 counted texts with known gaps."""
    no_nl = {k: v for k, v in ALL.items() if k != "nl"}
    write(records / "_project/taxonomy.yml", {
        "themes": [{"id": "identity", "label": ALL}],
        "categories": [{"id": "mining", "label": no_nl}],
        "layers": [{"id": "past", "label": ALL, "description": {"en": "Heritage"}}],
        "sectors": [{"id": "museums", "label": ALL}],
    })
    return records


def test_translation_report_counts_each_language(known_gaps, tmp_path):
    # Counted: taxonomy 4 labels + 1 description; region name, summary, description; partner name, city;
    # pilot title, summary, description, one place name; site description = 15 texts.
    # The fixture's texts are {en} or {en, cs}; taxonomy labels have all eight (mining lacks nl).
    report = coverage(load_atlas(known_gaps))
    assert report.total == 15
    assert {s.language: s.present for s in report.shares} == {
        "en": 15, "cs": 9, "de": 4, "it": 4, "sl": 4, "hr": 4, "pl": 4, "nl": 3,
    }
    assert [s.percent for s in report.shares] == [100.0, 60.0, 26.7, 26.7, 26.7, 26.7, 26.7, 20.0]
    assert len(report.missing) == 12
    region_name = next(m for m in report.missing if m.kind == "region" and m.field == "name")
    assert (region_name.record_id, region_name.path, region_name.languages) == (
        "one", "regions/one/region.yml", ("cs", "de", "it", "sl", "hr", "pl", "nl"))
    assert region_name.line == line_of(known_gaps / "one/region.yml", "name:")


def test_translations_command_prints_shares_and_missing_lines(known_gaps, tmp_path):
    result = atlas("--regions", "regions", "translations", cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout.splitlines()
    assert out[0] == "Translations: 15 texts, each in 8 languages"
    assert "  en  100.0%  (15 of 15)" in out
    assert "  cs   60.0%  (9 of 15)" in out
    assert "  de   26.7%  (4 of 15)" in out
    assert "  nl   20.0%  (3 of 15)" in out
    assert "Missing translations (12 texts):" in out
    taxonomy = known_gaps / "_project/taxonomy.yml"
    mining = line_of(taxonomy, "- id: mining") + 1
    place = line_of(known_gaps / "one/pilots/days.yml", "- name:")
    assert f"regions/_project/taxonomy.yml:{mining}: categories[mining].label [missing: nl]" in out
    assert f"regions/one/pilots/days.yml:{place}: places[0].name [missing: cs, de, it, sl, hr, pl, nl]" in out
    assert "regions/one/sites/mine.yml:" + str(line_of(known_gaps / "one/sites/mine.yml", "description:")) + \
        ": description [missing: de, it, sl, hr, pl, nl]" in out


def test_translations_markdown_for_the_job_summary(known_gaps, tmp_path):
    result = atlas("--regions", "regions", "translations", "--format", "markdown", cwd=tmp_path)
    assert result.returncode == 0
    assert "| `cs` | 9 of 15 | 60.0% |" in result.stdout
    assert "### Missing translations (12 texts)" in result.stdout


def test_real_atlas_translation_report_runs_and_counts_each_regions_records():
    result = atlas("translations", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.match(r"Translations: \d+ texts, each in 8 languages\n", result.stdout)
    records = load_atlas(ROOT / "regions")
    for region in records.regions:
        sites = records.sites_of(region)
        confirmed = sum(not s.approximate for s in sites)
        line = f"  {region}: sites {len(sites)} ({confirmed} at a confirmed point), pilot actions {len(records.pilots_of(region))}\n"
        assert line in result.stdout


# schema


def test_committed_schema_is_up_to_date():
    result = atlas("schema", "--check", cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_schema_check_fails_when_a_committed_file_differs(tmp_path):
    copy = tmp_path / "schema"
    shutil.copytree(ROOT / "docs" / "schema", copy)
    assert atlas("schema", "--check", "--dir", str(copy), cwd=ROOT).returncode == 0
    site = copy / "site.schema.json"
    data = json.loads(site.read_text())
    data["description"] = "edited by hand"
    site.write_text(json.dumps(data, sort_keys=True, indent=2) + "\n")
    result = atlas("schema", "--check", "--dir", str(copy), cwd=ROOT)
    assert result.returncode == 1
    assert "out of date" in result.stderr and "site.schema.json" in result.stderr
    assert "Run `atlas schema` and commit the result." in result.stderr
    (copy / "pilot.schema.json").unlink()
    assert "pilot.schema.json, site.schema.json" in atlas("schema", "--check", "--dir", str(copy), cwd=ROOT).stderr
    # Writing them anew mends the copy.
    assert atlas("schema", "--dir", str(copy), cwd=ROOT).returncode == 0
    assert atlas("schema", "--check", "--dir", str(copy), cwd=ROOT).returncode == 0


def test_schema_files_are_deterministic_draft_2020_12():
    files = schemas()
    assert sorted(files) == ["mirrors.schema.json", "partner.schema.json", "pilot.schema.json", "region.schema.json", "site.schema.json", "taxonomy.schema.json"]
    for text in files.values():
        data = json.loads(text)
        assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert "$id" not in data and data["title"] and data["description"]
        assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        jsonschema.Draft202012Validator.check_schema(data)


def test_schema_accepts_every_real_record_and_each_points_at_its_schema():
    regions = ROOT / "regions"
    for path in sorted(regions.rglob("*.yml")):
        kind = kinds.at(PurePosixPath(path.relative_to(regions).as_posix())).kind
        depth = "../" * (len(path.relative_to(ROOT).parts) - 1)
        assert path.read_text().startswith(f"# yaml-language-server: $schema={depth}docs/schema/{kind.name}.schema.json\n"), path
        schema = json.loads((ROOT / "docs/schema" / f"{kind.name}.schema.json").read_text())
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text())))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_rejects_an_empty_text():
    schema = json.loads((ROOT / "docs/schema/site.schema.json").read_text())
    record = {"id": "x", "region": "one", "name": "X", "categories": ["mining"], "layers": ["past"],
              "location": {"lat": 1.0, "lon": 2.0}, "description": {"en": ""}, "sources": ["https://example.org/"]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    record["description"] = {"en": "Text"}
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(record))


def test_help_texts_are_there():
    for command in ([], ["validate"], ["new"], ["translations"], ["schema"]):
        result = atlas(*command, "--help", cwd=ROOT)
        assert result.returncode == 0 and "usage: atlas" in result.stdout


# generate


def test_generate_writes_every_file_once_and_then_nothing(records, tmp_path):
    first = atlas("--regions", "regions", "generate", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "docs/cs/atlas/sites/mine.md").is_file()
    assert (tmp_path / "docs/maps/sites/mine.html").is_file()
    assert (tmp_path / "docs/opendata/sites.geojson").is_file()
    written = re.search(r"(\d+) generated files, (\d+) changed", first.stdout).groups()
    assert written[0] == written[1]
    again = atlas("--regions", "regions", "generate", cwd=tmp_path)
    assert again.stdout.endswith(", 0 changed\n")



def test_generate_says_where_it_cannot_write_without_a_traceback(records, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/opendata").write_text("a file where the open data's folder goes")
    result = atlas("--regions", "regions", "generate", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, (
        "atlas generate: the generated files could not be written: docs/opendata: Not a directory\n"
    ))

def test_generate_refuses_unknown_tiles_a_relative_address_and_bad_records_and_writes_nothing(records, tmp_path):
    tiles = atlas("--regions", "regions", "generate", "--tiles", "No.Such", cwd=tmp_path)
    assert (tiles.returncode, tiles.stderr) == (1, "atlas generate: --tiles: 'No.Such' is not a tile provider known to xyzservices (for example OpenStreetMap.Mapnik)\n")
    address = atlas("--regions", "regions", "generate", "--site-url", "/atlas/", cwd=tmp_path)
    assert (address.returncode, address.stderr) == (1, (
        "atlas generate: --site-url: '/atlas/' is not an absolute address like https://example.org/atlas/; "
        "the code that shows a region's map on other websites needs the site's published address\n"
    ))
    break_layer(records)
    assert atlas("--regions", "regions", "generate", cwd=tmp_path).returncode == 1
    assert not (tmp_path / "docs").exists()
