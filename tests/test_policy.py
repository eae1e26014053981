"""The Content-Security-Policy as shipped: on every document, and never in a reader's way."""

import re

import documents
import pytest
from atlas.languages import LANGUAGES
from atlas.site import csp

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


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
def test_no_document_of_any_kind_logs_a_violation(real_atlas, served, policy_page, lang):
    found = {}
    for document in documents.pages(real_atlas, lang) + documents.maps(real_atlas, lang):
        policy_page.goto(served + document)
        policy_page.wait_for_load_state("load")
        for frame in policy_page.frames:
            frame.wait_for_load_state("load")
            violations = frame.evaluate("window.__csp || []")
            if violations:
                found[frame.url] = violations
    assert found == {}
