"""Accessibility: axe-core finds no serious or critical problem on a page of any kind, in every
language, in the light palette and (each kind in one language) the dark one."""

import re

import documents
import pytest
from atlas.languages import LANGUAGES
from conftest import ROOT, serve

SKIPPED = re.compile(r"/maps/|/search/search_index\.json")
AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Each serious or critical violation, with the first elements it was found on. The maps are
# documents of their own in iframes: axe looks at the page around them (iframes: false).
SERIOUS = """async () => (await axe.run(document, {iframes: false, resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""


@pytest.fixture(scope="module")
def audit(browser):
    """Opens a page in a palette and returns axe's serious violations; one browser context for all."""
    assert AXE.is_file(), "axe-core is not installed: run `scripts/dev test` or `npm ci --prefix tests/axe`"
    context = browser.new_context()
    # axe comes in as an init script, which Chromium runs in every document outside its Content-Security-
    # Policy: the pages are checked with their policy in force, as readers get them (an injected
    # <script> would need bypass_csp, and the check would then run on pages that readers never see).
    context.add_init_script(path=str(AXE))
    # Nothing leaves localhost; the map documents and the search index are not fetched: axe does not
    # look into the maps, and loading them (or building the search index) beside each check only slows it.
    context.route("**/*", lambda route: route.abort() if "://127.0.0.1" not in route.request.url or SKIPPED.search(route.request.url) else route.continue_())
    page = context.new_page()

    def check(url: str, scheme: str) -> list[str]:
        page.emulate_media(color_scheme=scheme)
        page.goto(url)
        return page.evaluate(SERIOUS)

    yield check
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_violation_on_a_page_of_any_kind(real_atlas, served, audit, lang):
    # The project pages are one kind: each language checks one of them, in turn.
    index = LANGUAGES.index(lang)
    project = documents.PROJECT[index % len(documents.PROJECT)]
    found = {}
    for number, path in enumerate(documents.pages(real_atlas, lang, project=(project,))):
        schemes = ["light", "dark"] if number % len(LANGUAGES) == index else ["light"]
        for scheme in schemes:
            violations = audit(served + path, scheme)
            if violations:
                found[f"{path or '/'} ({scheme})"] = violations
    assert found == {}


def test_no_serious_violation_on_pages_with_an_edit_button(repo_site, audit):
    found = {}
    with serve(repo_site) as url:
        for path in ("atlas/sites/mine/", "de/atlas/regions/one/", "pl/about/"):
            for scheme in ("light", "dark"):
                violations = audit(url + path, scheme)
                if violations:
                    found[f"{path} ({scheme})"] = violations
    assert found == {}
