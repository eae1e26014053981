"""Edit buttons: a record's page leads to its YAML file, a hand-written page to its Markdown file,
in the reader's language; with no repo_url in mkdocs.yml (as now) there are none."""

import re
from pathlib import Path

import pytest
from atlas import routes
from atlas.languages import LANGUAGES
from atlas.pages.strings import catalogue
from atlas.records import kinds
from atlas.site import edits
from conftest import ROOT, TEST_REPO, serve

EDIT = re.compile(r'<a href="([^"]*)" class="md-content__button atlas-edit" rel="edit">.*?</span>\s*([^<]*?)\s*</a>', re.DOTALL)
# MkDocs's own edit_uri for a GitHub repository, when mkdocs.yml gives none.
EDITOR = "edit/main/"


def edit_button(site: Path, path: str) -> tuple[str, str] | None:
    """The address and words of the edit button on the page at path, or None."""
    found = EDIT.findall((site / path / "index.html").read_text(encoding="utf-8"))
    assert len(found) <= 1, path
    return found[0] if found else None


@pytest.mark.parametrize("kind", kinds.RECORDS, ids=lambda kind: kind.name)
def test_a_record_page_is_known_by_its_source(kind):
    assert routes.record_at(routes.record_page(kind.name, "some-id")) == (kind.name, "some-id")


@pytest.mark.parametrize("source", ["about.md", "atlas/index.md", "atlas/sites/index.md", "atlas/categories/mining.md", "atlas/lists/layer-past/2.md", "atlas/data.md"])
def test_other_pages_are_not_record_pages(source):
    assert routes.record_at(source) is None


def test_edit_uri_leads_out_of_docs_to_the_record_and_stays_on_hand_written_pages(real_atlas):
    site_id = min(real_atlas.sites)
    site_file = f"../regions/{kinds.SITE.file(site_id, real_atlas.sites[site_id].region).as_posix()}"
    assert edits.edit_uri(f"de/{routes.record_page('site', site_id)}", real_atlas, ROOT, ROOT / "docs") == site_file
    assert edits.edit_uri("de/about.md", real_atlas, ROOT, ROOT / "docs") == "de/about.md"
    assert edits.edit_uri(f"de/{routes.index_page('sites')}", real_atlas, ROOT, ROOT / "docs") is None


def test_no_edit_button_without_a_repository(site):
    with_button = [page for page in site.rglob("*.html") if 'rel="edit"' in page.read_text(encoding="utf-8")]
    assert with_button == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_record_pages_edit_their_record_file(repo_site, lang):
    records = {"region": ("one", None), "partner": ("p-one", None), "pilot": ("days", "one"), "site": ("mine", "one")}
    for kind, (record_id, region) in records.items():
        path = routes.site_path(lang, routes.directory_url(routes.record_page(kind, record_id)))
        record_file = kinds.BY_NAME[kind].file(record_id, region).as_posix()
        assert edit_button(repo_site, path) == (f"{TEST_REPO}/{EDITOR}regions/{record_file}", catalogue(lang)["edit_record"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hand_written_pages_edit_their_markdown_and_generated_overviews_have_no_button(repo_site, lang):
    address, words = edit_button(repo_site, routes.site_path(lang, "about"))
    assert address == f"{TEST_REPO}/{EDITOR}docs/{lang}/about.md"
    assert words and words != catalogue(lang)["edit_record"]
    for overview in ("atlas", "atlas/sites", "atlas/categories/mining", "atlas/data"):
        assert edit_button(repo_site, routes.site_path(lang, overview)) is None, overview


def test_edit_button_shows_its_words_and_the_page_asks_no_third_party(repo_site, policy_page):
    """Material's repository link would ask the GitHub API for stars from the reader's browser."""
    with serve(repo_site) as url:
        policy_page.goto(url + routes.site_path("pl", "atlas/sites/mine/"))
        button = policy_page.get_by_role("link", name=catalogue("pl")["edit_record"])
        assert button.is_visible()
        assert button.get_attribute("href") == f"{TEST_REPO}/{EDITOR}regions/one/sites/mine.yml"
        policy_page.wait_for_load_state("networkidle")
        assert policy_page.evaluate("window.__csp") == []
