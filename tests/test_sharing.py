"""Sharing and the footer: Open Graph tags on every page, so that a shared link previews in the
reader's language, and the footer's licence, programme credit and open data link in every language."""

from html.parser import HTMLParser
from pathlib import Path

import documents
import pytest
from atlas import routes
from atlas.languages import DEFAULT, LANGUAGES
from atlas.pages.speaker import Speaker
from atlas.pages.strings import catalogue
from atlas.site import sharing

LOCALES = {"en": "en_US", "cs": "cs_CZ", "de": "de_DE", "it": "it_IT", "sl": "sl_SI", "hr": "hr_HR", "pl": "pl_PL", "nl": "nl_NL"}


class Head(HTMLParser):
    """The Open Graph tags, canonical address, description and title of a page, and the links and text of its footer."""

    def __init__(self):
        super().__init__()
        self.tags, self.canonical, self.description, self.title, self.footer_links, self.footer_text = [], None, None, "", [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.tags.append((attrs["property"], attrs["content"]))
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs["content"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "title" or (tag == "div" and "md-copyright" in attrs.get("class", "")):
            self._in = tag
        elif tag == "a" and self._in == "div":
            self.footer_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "div" and data.strip():
            self.footer_text.append(" ".join(data.split()))

    def og(self, name: str) -> list[str]:
        return [content for prop, content in self.tags if prop == name]


def read(site: Path, path: str) -> Head:
    head = Head()
    head.feed((site / path if path.endswith(".html") else site / path / "index.html").read_text(encoding="utf-8"))
    return head


def test_locales_come_with_their_likeliest_territory():
    assert {lang: sharing.locale(lang) for lang in LANGUAGES} == LOCALES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_page_has_open_graph_tags_in_its_language(real_atlas, site, lang):
    for path in documents.pages(real_atlas, lang):
        head = read(site, path)
        assert [head.og(name) for name in ("og:type", "og:locale")] == [["website"], [LOCALES[lang]]], path
        assert sorted(head.og("og:locale:alternate")) == sorted(LOCALES[other] for other in LANGUAGES if other != lang), path
        assert head.og("og:site_name")[0] in head.title, path
        assert head.og("og:title")[0] in head.title and head.og("og:description")[0], path
        if path != documents.NOT_FOUND:
            # The absolute address, from site_url, which MkDocs also gives as the canonical one.
            assert head.og("og:url") == [head.canonical] and head.canonical.startswith("http") and head.canonical.endswith(path), path


def test_a_record_page_is_shared_with_its_own_title_and_summary(real_atlas, site):
    record = real_atlas.sites[min(real_atlas.sites)]
    head = read(site, f"de/atlas/sites/{record.id}")
    assert head.og("og:title") == [Speaker("de").site_name(record)]
    assert head.og("og:description") == [head.description] and head.description


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_names_licence_and_programme_and_links_the_open_data_in_the_readers_language(real_atlas, site, lang):
    strings = catalogue(lang)
    for path in documents.pages(real_atlas, lang):
        head = read(site, path)
        assert strings["footer_licence"] in head.footer_text and strings["footer_programme"] in head.footer_text, path
        licence, data = head.footer_links
        assert licence == f"https://creativecommons.org/licenses/by/4.0/deed.{lang}"
        here = site / path if path.endswith(".html") else site / path / "index.html"
        target = site / data.lstrip("/") if data.startswith("/") else here.parent / data
        assert (target / "index.html").resolve() == (site / routes.atlas_page_url(lang, "data") / "index.html").resolve(), path


@pytest.mark.parametrize("lang", [DEFAULT, "hr"])
def test_footer_leads_to_the_open_data_in_the_browser(served, policy_page, lang):
    policy_page.goto(served + routes.site_path(lang, "atlas/regions/"))
    policy_page.locator(".md-copyright").get_by_role("link", name=catalogue(lang)["open_data"]).click()
    policy_page.wait_for_url(served + routes.atlas_page_url(lang, "data"))
    assert policy_page.locator("h1").inner_text() == catalogue(lang)["open_data"]
