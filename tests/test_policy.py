"""The Content-Security-Policy as shipped: on every document, and never in a reader's way."""

import re

import pytest
from atlas.languages import DEFAULT, LANGUAGES
from atlas.records.loader import load_atlas
from atlas.site import csp
from conftest import ROOT

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Documents of every kind; {site}, {pilot} and the like are filled from the real records.
PAGES = [
    "", "about/", "themes/", "outputs/", "method/", "partnership/", "programme/",
    "atlas/", "atlas/regions/", "atlas/regions/{region}/", "atlas/pilots/", "atlas/pilots/{pilot}/",
    "atlas/sites/", "atlas/sites/{site}/", "atlas/partners/", "atlas/partners/{partner}/",
    "atlas/categories/", "atlas/categories/{category}/", "atlas/layers/", "atlas/layers/{layer}/",
    "atlas/data/", "atlas/translations/", "atlas/maps/atlas.html", "atlas/maps/regions/{region}.html",
]


def documents(lang: str) -> list[str]:
    atlas = load_atlas(ROOT / "regions")
    ids = {
        "region": min(atlas.regions), "pilot": min(atlas.pilots), "site": min(atlas.sites), "partner": min(atlas.partners),
        "category": atlas.taxonomy.categories[0].id, "layer": atlas.taxonomy.layers[0].id,
    }
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return [prefix + page.format(**ids) for page in PAGES]


def test_every_html_document_carries_the_policy_for_its_own_inline_scripts(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 1000
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = POLICY.findall(html)
        assert len(policies) == 1, path
        directives = dict(part.split(" ", 1) for part in policies[0].split("; "))
        allowed = directives["script-src"].split()
        keywords = [source for source in allowed if not source.startswith("'sha256-")]
        # Pages search with Pagefind, which is WebAssembly; map documents search nothing.
        is_map = "maps" in path.relative_to(site).parts
        assert keywords == (["'self'"] if is_map else ["'self'", "'wasm-unsafe-eval'"]), path
        assert set(csp.inline_script_hashes(html)) == set(allowed[len(keywords):]), path
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'", path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_document_of_any_kind_logs_a_violation(served, policy_page, lang):
    found = {}
    for document in documents(lang) + (["404.html"] if lang == DEFAULT else []):
        policy_page.goto(served + document)
        policy_page.wait_for_load_state("load")
        for frame in policy_page.frames:
            frame.wait_for_load_state("load")
            violations = frame.evaluate("window.__csp || []")
            if violations:
                found[frame.url] = violations
    assert found == {}
