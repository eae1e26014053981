"""Each output context's escaping, the Content-Security-Policy, and the documented limits."""

import base64
import hashlib
import json

import pytest
import yaml
from atlas.escaping import csv_cell, front_matter, markdown_text, script_json
from atlas.records import limits, prose
from atlas.site import csp
from conftest import ROOT


def test_script_json_cannot_end_its_script_or_its_string():
    text = script_json({"name": "</script><!--<script>\u2028\u2029&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"name": "</script><!--<script>\u2028\u2029&"}


def test_front_matter_is_yaml_whose_value_is_html_text():
    value = 'Mine"><script>x</script>\u2028 & more'
    loaded = yaml.safe_load(f"title: {front_matter(value)}")["title"]
    assert loaded == "Mine&#34;&gt;&lt;script&gt;x&lt;/script&gt;\u2028 &amp; more"


def test_markdown_text_forms_no_syntax():
    assert markdown_text("# {x} *a* [l](u) <b> & 'q'") == "\\# \\{x\\} \\*a\\* \\[l\\]\\(u\\) &lt;b&gt; &amp; 'q'"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cell_that_a_spreadsheet_would_compute_starts_with_a_quote(cell):
    assert csv_cell(cell) == "'" + cell


def test_csv_cell_of_ordinary_text_is_unchanged():
    assert csv_cell("Zeche Zollern - Museum") == "Zeche Zollern - Museum"


def test_description_subset_and_html_as_text():
    html = prose.to_html("**a** *b* [c](https://e.org/) <i>d</i>\n\n- x\n- y")
    assert html == (
        '<p><strong>a</strong> <em>b</em> <a href="https://e.org/" rel="noopener nofollow">c</a> &lt;i&gt;d&lt;/i&gt;</p>\n'
        "<ul>\n<li>x</li>\n<li>y</li>\n</ul>"
    )


def test_description_link_to_a_script_is_dropped_even_past_validation():
    assert "javascript" not in prose.to_html("[c](javascript:alert(1))")


@pytest.mark.parametrize(
    "text, found",
    [("# Title", "a heading"), ("![i](https://e.org/i.png)", "an image"), ("`x`", "code"), ("    indented", "code"), ("a\n\n---\n\nb", "a horizontal line"), ("[c](ftp://e.org)", "a link to 'ftp://e.org'")],
)
def test_description_outside_the_subset_is_a_problem(text, found):
    assert prose.problem(text).startswith(f"has {found}")


def test_lead_is_the_first_paragraph_as_plain_text():
    assert prose.lead("A **strong** [link](https://e.org/).\n  \nSecond.") == "A strong link."


def test_tile_origin_turns_subdomain_templates_into_a_wildcard():
    assert csp.tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert csp.tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"


def test_policy_allows_exactly_the_inline_scripts_of_the_document():
    html = (
        '<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
        '<script type="application/json">{"data": 1}</script></head><body><script>b()</script></body></html>'
    )
    protected = csp.protect(html, csp.page_policy("https://tiles.example.org"))
    expected = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'" for body in ("a()", "b()")]
    assert csp.inline_script_hashes(html) == expected
    assert protected.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src')
    content = protected.split('content="', 1)[1].split('"', 1)[0]
    directives = dict((part.split(" ", 1) + [""])[:2] for part in content.split("; "))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' " + " ".join(expected)
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["img-src"] == "'self' data: https://tiles.example.org"
    assert "unsafe-inline" not in directives["script-src"]


@pytest.mark.parametrize("document", ["regions/README.md", "CONTRIBUTING.md"])
def test_documented_limits_are_the_enforced_ones(document):
    text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
    assert f"{limits.FILE_BYTES // 1024} KB" in text
    assert f"{limits.TEXT_CHARACTERS:,} characters" in text
    assert f"{limits.NESTING} levels deep" in text


def _depth(value) -> int:
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return 1 + max(map(_depth, children), default=0) if isinstance(value, (dict, list)) else 0


def test_real_records_stay_well_inside_the_nesting_limit():
    deepest = max(_depth(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in (ROOT / "regions").rglob("*.yml"))
    assert deepest < limits.NESTING
