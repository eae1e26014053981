"""The site built one language per process and assembled: the same site as MkDocs's own full build,
the same bytes on every run, whole or not at all."""

import os
import subprocess
from pathlib import Path

import pytest
from atlas.site import builds
from conftest import ATLAS, MKDOCS, ROOT, atlas_build, copy_project


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory):
    """The real atlas built by `mkdocs build` alone: the i18n plugin building one language after another."""
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": commit_time()},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def commit_time() -> str:
    """The date `atlas build` gives the site (the last commit's), for a build that must match it."""
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def test_parallel_build_is_the_full_mkdocs_build(site, mkdocs_site):
    parallel, full = tree(site), tree(mkdocs_site)
    assert sorted(parallel) == sorted(full)
    assert [path for path in parallel if parallel[path] != full[path]] == []


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "site"
    result = atlas_build(ROOT, again)
    assert result.returncode == 0, result.stderr[-4000:]
    assert tree(again) == tree(site)


@pytest.mark.build
def test_language_groups_built_apart_assemble_into_the_same_site(records, tmp_path):
    """As CI builds the site: groups of languages on separate machines, then one assembly."""
    project = copy_project(tmp_path / "project", regions=records)
    stages = tmp_path / "stages"
    for group in ("en,cs,de,it", "sl,hr,pl,nl"):
        result = subprocess.run([*ATLAS, "build", "--languages", group, "--stages", str(stages)], cwd=project, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr[-4000:]
    result = subprocess.run([*ATLAS, "assemble", "--stages", str(stages), "--site-dir", "assembled"], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    result = atlas_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    assert tree(project / "assembled") == tree(project / "site")


@pytest.mark.build
def test_a_failing_language_fails_the_build_and_leaves_the_site_as_it_was(records, tmp_path):
    project = copy_project(tmp_path / "project", regions=records)
    (project / "docs/de/broken.md").write_text("[Verweis](fehlt.md)\n", encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    result = atlas_build(project, site)
    assert result.returncode == 1
    assert "de: WARNING" in result.stderr and "fehlt.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(site) == {"index.html": b"the site as it was"}
    assert not [path.name for path in project.iterdir() if path.name.startswith(".site-")]


@pytest.mark.build
def test_invalid_records_fail_the_build_with_their_messages(records, tmp_path):
    (records / "one/sites/mine.yml").write_text((records / "one/sites/mine.yml").read_text().replace("lat: 50.72", "lat: 95"))
    project = copy_project(tmp_path / "project", regions=records)
    result = atlas_build(project, project / "site")
    assert result.returncode == 1
    assert "regions/one/sites/mine.yml:" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def _die(*args):
    os._exit(1)


def test_a_language_build_that_dies_fails_the_build(monkeypatch, tmp_path):
    monkeypatch.setattr(builds, "_prepare", lambda config_file: None)
    monkeypatch.setattr(builds, "_build_in_worker", _die)
    with pytest.raises(builds.BuildFailed, match="stopped from outside"):
        builds.build_languages(tmp_path / "mkdocs.yml", tmp_path / "stages", ["en"], 1)


def test_assembly_needs_every_language(tmp_path):
    (tmp_path / "stages/en").mkdir(parents=True)
    with pytest.raises(builds.BuildFailed, match="no build of cs, de"):
        builds.assemble(tmp_path / "stages", tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_languages_must_be_the_atlas_languages(capsys):
    from atlas.cli import main

    with pytest.raises(SystemExit):
        main(["build", "--stages", "out", "--languages", "de,fr"])
    assert "'de,fr': languages are a comma-separated list of en, cs" in capsys.readouterr().err
