"""Search: Pagefind's index of the built site, one per language, and Material's search box using it."""

import gzip
import json
import shutil
from urllib.parse import urlparse

import pytest
import yaml
from atlas.languages import DEFAULT, LANGUAGES
from atlas.routes import prefix, search_index
from atlas.site import search
from conftest import ROOT, WATCH_CSP


def entry(site, lang):
    """What Pagefind says of a language's index."""
    return json.loads((site / search.bundle(lang) / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"][lang]


def fragments(site, lang):
    """The pages of a language as Pagefind stored them: gzip, a signature, then JSON."""
    for path in sorted((site / search.bundle(lang) / "fragment").glob(f"{lang}_*.pf_fragment")):
        yield json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))


def page_urls(site, lang):
    """The URLs of a language's pages in a built site: every index.html below its root, not another language's."""
    folders = [p.parent.relative_to(site).as_posix() for p in (site / prefix(lang)).rglob("index.html")]
    return sorted("/" if f == "." else f"/{f}/" for f in folders if lang != DEFAULT or f.split("/")[0] not in LANGUAGES)


def page(lang: str, title: str, text: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head><body><nav>Menu</nav>'
        f'<article class="md-content__inner"><h1>{title}</h1><p>{text}</p><figure data-search-exclude>Map list</figure></article></body></html>'
    )


def test_index_site_gives_each_language_its_pages_and_the_same_bytes_every_time(tmp_path):
    site = tmp_path / "site"
    files = {
        "index.html": page("en", "Home", "An ironworks"), "atlas/index.html": page("en", "Atlas", "Sites"),
        "cs/index.html": page("cs", "Úvod", "Železárna"), "pl/index.html": page("pl", "Start", "Huta"),
        "404.html": page("en", "Not found", "Nothing"), "maps/x.html": "<html><body>Map</body></html>",
        "search/search_index.json": "{}", "cs/search/search_index.json": "{}",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    again = tmp_path / "again"
    shutil.copytree(site, again)
    search.index_site(site)
    search.index_site(again)
    assert {lang: entry(site, lang)["page_count"] for lang in ("en", "cs", "pl")} == {"en": 2, "cs": 1, "pl": 1}
    assert [f["url"] for f in fragments(site, "en")] == ["/", "/atlas/"]
    assert [f["url"] for f in fragments(site, "cs")] == ["/cs/"]
    assert all("Map list" not in f["content"] and "Menu" not in f["content"] for f in fragments(site, "en"))
    assert not (site / "search").exists() and not (site / "cs/search").exists()
    written = sorted(p.relative_to(site) for p in (site / search.FOLDER).rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(again) for p in (again / search.FOLDER).rglob("*") if p.is_file())
    assert all((site / name).read_bytes() == (again / name).read_bytes() for name in written)


def test_each_language_has_an_index_of_exactly_its_own_pages(site):
    languages = {lang: entry(site, lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        urls = sorted(f["url"] for f in fragments(site, lang))
        assert urls == page_urls(site, lang), lang
        assert languages[lang]["page_count"] == len(urls)
    # Every language has every page, and Material's lunr indexes are not shipped beside Pagefind's.
    assert len({info["page_count"] for info in languages.values()}) == 1
    assert not any((site / search_index(lang)).exists() for lang in LANGUAGES)


def test_no_language_is_indexed_with_another_languages_stemmer(site):
    # Pagefind stems en, de, it, nl and pl; it has no stemmer for cs, sl and hr, which it indexes
    # word for word (and it drops no stop words in any language).
    stemmers = {lang: entry(site, lang)["wasm"] for lang in LANGUAGES}
    assert stemmers == {"en": "en", "de": "de", "it": "it", "nl": "nl", "pl": "pl", "cs": None, "sl": None, "hr": None}


def test_map_lists_stay_out_of_the_index(site):
    # Each place has its own page; the list beside a map would only repeat it in every result.
    caption = yaml.safe_load((ROOT / "scripts/atlas/pages/strings/en.yml").read_text(encoding="utf-8"))["map_list"]
    indexed = list(fragments(site, DEFAULT))
    assert any("Sites" in f["meta"]["title"] for f in indexed)
    assert not [f["url"] for f in indexed if caption in f["content"]]


class Searcher:
    """A reader's browser tab that stays on localhost and records what it fetches and every policy violation."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.context.set_default_timeout(20_000)
        self.context.add_init_script(WATCH_CSP)
        self.context.route("**/*", lambda route: route.continue_() if "://127.0.0.1" in route.request.url else route.abort())
        self.page = self.context.new_page()
        self.fetched, self.errors = [], []
        self.page.on("request", lambda request: self.fetched.append(urlparse(request.url).path))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def search(self, url, query) -> list[str]:
        """The links of the results for query on the page at url, typed as a reader types it."""
        self.page.goto(url)
        return self.results(query)

    def results(self, query) -> list[str]:
        self.page.locator("input.md-search__input").press_sequentially(query)
        # Every link of the final results carries the query to highlight on the page it opens.
        self.page.wait_for_function(
            """query => { const links = [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')];
                          return links.length && links.every(a => new URL(a.href).searchParams.get('h') === query); }""",
            arg=query,
        )
        return self.page.locator(".md-search-result__item > a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")

    def marked(self) -> list[str]:
        return self.page.locator(".md-search-result mark").all_text_contents()

    def troubles(self) -> list[str]:
        return self.page.evaluate("window.__csp") + self.errors


@pytest.fixture
def searcher(browser):
    searcher = Searcher(browser)
    yield searcher
    searcher.context.close()


def language_root(served, lang):
    return served if lang == DEFAULT else f"{served}{lang}/"


@pytest.mark.parametrize("lang", ["en", "cs", "hr"])
def test_search_finds_pages_in_the_readers_language_only(served, searcher, lang):
    root = language_root(served, lang)
    hrefs = searcher.search(root + "atlas/", "Jáchymov")
    assert hrefs
    assert all(href.startswith(root) for href in hrefs)
    others = [f"{served}{other}/" for other in LANGUAGES if other not in (DEFAULT, lang)]
    assert not any(href.startswith(tuple(others)) for href in hrefs)
    assert searcher.troubles() == []


@pytest.mark.parametrize("query, word", [("zelezarna", "železárn"), ("zeleznice", "železnic")])
def test_search_without_diacritics_finds_words_with_them(served, searcher, query, word):
    hrefs = searcher.search(served + "cs/atlas/", query)
    assert all(href.startswith(served + "cs/") for href in hrefs)
    assert any(mark.lower().startswith(word) for mark in searcher.marked())
    assert searcher.troubles() == []


@pytest.mark.parametrize("lang", ["cs", "pl", "sl", "hr"])
def test_search_uses_its_languages_own_index_and_never_the_english_stemmer(served, searcher, lang):
    searcher.search(language_root(served, lang) + "atlas/", "Jáchymov")
    fetched = [path.rsplit("/", 1)[1] for path in searcher.fetched if f"/{search.FOLDER}/" in path]
    # Pagefind's Polish stemmer, or for the others none at all (the "unknown" language's code).
    assert [name for name in fetched if name.startswith("wasm.")] == ["wasm.pl.pagefind" if lang == "pl" else "wasm.unknown.pagefind"]
    assert {name.split("_")[0] for name in fetched if name.endswith((".pf_meta", ".pf_index", ".pf_fragment"))} == {f"pagefind.{lang}", lang}
    assert searcher.troubles() == []


@pytest.mark.parametrize("key", ["/", "s"])
def test_keyboard_opens_search_moves_through_results_and_enter_opens_the_best(served, searcher, key):
    page = searcher.page
    page.goto(served + "de/atlas/")
    page.keyboard.press(key)
    box = page.locator("input.md-search__input")
    assert box.evaluate("e => e === document.activeElement")
    assert page.locator("#__search").is_checked()
    hrefs = searcher.results("Jáchymov")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == hrefs[0]
    page.keyboard.press("ArrowUp")
    assert box.evaluate("e => e === document.activeElement")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[0]
    assert searcher.troubles() == []
