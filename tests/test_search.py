"""Search: one index per language, each holding only its language's pages (the browser side is in test_browser.py)."""

import json

import yaml
from atlas.languages import DEFAULT, LANGUAGES
from atlas.routes import search_index
from atlas.site.search import split
from conftest import ROOT

MERGED = {
    "config": {"lang": ["en", "de"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": ""},
        {"location": "atlas/sites/x/", "title": "X", "text": ""},
        {"location": "de/atlas/sites/x/", "title": "X", "text": ""},
        {"location": "cs/", "title": "Úvod", "text": ""},
    ],
}


def test_split_gives_each_language_its_own_entries_and_stemmer():
    indexes = split(MERGED)
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "atlas/sites/x/"]
    assert [d["location"] for d in indexes["de"]["docs"]] == ["de/atlas/sites/x/"]
    assert indexes["de"]["config"]["lang"] == ["de"]
    # lunr has no Czech stemmer: such languages keep the default pipeline.
    assert indexes["cs"]["config"]["lang"] == ["en"]
    assert indexes["cs"]["config"]["separator"] == MERGED["config"]["separator"]
    assert indexes["pl"]["docs"] == []


def load_index(site, lang):
    return json.loads((site / search_index(lang)).read_text(encoding="utf-8"))


def test_built_site_has_one_index_per_language_holding_only_its_pages(site):
    counts = {}
    for lang in LANGUAGES:
        docs = load_index(site, lang)["docs"]
        prefix = "" if lang == DEFAULT else f"{lang}/"
        others = [f"{other}/" for other in LANGUAGES if other != DEFAULT]
        assert all(d["location"].startswith(prefix) for d in docs), lang
        if lang == DEFAULT:
            assert not any(d["location"].startswith(tuple(others)) for d in docs)
        counts[lang] = len({d["location"].split("#")[0] for d in docs})
    # Every language has every page; the pages of one language are all in its index.
    assert len(set(counts.values())) == 1, counts
    pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in LANGUAGES]
    assert counts[DEFAULT] == len(pages)


def test_map_lists_stay_out_of_the_index(site):
    # Each place has its own page; the list beside a map would only repeat it in every result.
    caption = yaml.safe_load((ROOT / "scripts/atlas/pages/strings/en.yml").read_text(encoding="utf-8"))["map_list"]
    docs = load_index(site, DEFAULT)["docs"]
    assert any("Sites" in d["title"] for d in docs)
    assert not [d["location"] for d in docs if caption in d["text"]]
