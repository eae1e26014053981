"""The real atlas, built strictly: every record in every language, linked, translated, light."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from atlas import routes
from atlas.languages import DEFAULT, LANGUAGES
from atlas.records import kinds
from atlas.records.loader import load_atlas
from conftest import ROOT


def page(site: Path, lang: str, path: str) -> Path:
    return site / ("" if lang == DEFAULT else lang) / path / "index.html"


class Links(HTMLParser):
    """The alternates, language switcher entries, nav links and texts of one page."""

    def __init__(self):
        super().__init__()
        self.alternates, self.switcher, self.sidebar, self.texts = {}, {}, [], []
        self._in_switcher = self._in_nav = 0
        self._stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher[attrs.get("hreflang")] = attrs["href"]
        if tag == "nav" and "md-nav--primary" in (attrs.get("class") or ""):
            self._in_nav = 1
        elif self._in_nav and tag == "nav":
            self._in_nav += 1
        if self._in_nav and tag == "a":
            self.sidebar.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if self._in_nav and tag == "nav":
            self._in_nav -= 1

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data.strip())


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_build_is_strict_clean(built):
    _, log = built
    assert "WARNING" not in log


@pytest.mark.parametrize("kind", [kind.name for kind in kinds.RECORDS])
def test_every_record_has_a_page_in_every_language(real_atlas, site, kind):
    for record_id in real_atlas.table(kinds.BY_NAME[kind]):
        for lang in LANGUAGES:
            assert page(site, lang, f"atlas/{kind}s/{record_id}").is_file(), (kind, record_id, lang)


def test_site_page_switcher_links_to_same_site_in_all_languages(real_atlas, site):
    site_id = min(real_atlas.sites)
    here = page(site, "cs", f"atlas/sites/{site_id}")
    links = parse(here)
    for lang in LANGUAGES:
        for found in (links.switcher[lang], links.alternates[lang]):
            target = (here.parent / found).resolve() / "index.html"
            assert target == page(site, lang, f"atlas/sites/{site_id}").resolve(), (lang, found)


def test_every_page_has_alternates_for_all_languages(site):
    for html in site.rglob("index.html"):
        if html.parent.name in ("search", "assets"):
            continue
        assert set(parse(html).alternates) == set(LANGUAGES), html


def test_sidebar_lists_no_site_or_pilot_pages(site):
    for lang in LANGUAGES:
        sidebar = parse(page(site, lang, "atlas/sites")).sidebar
        assert sidebar, lang
        assert not [href for href in sidebar if re.search(r"atlas/(sites|pilots)/[^/#]+/", href)]


def test_page_size_does_not_grow_with_the_number_of_records(real_atlas, site):
    sizes = [page(site, "de", f"atlas/sites/{site_id}").stat().st_size for site_id in real_atlas.sites]
    assert max(sizes) < 60_000


def english_interface_strings() -> dict[str, set[str]]:
    """Per language, the English interface strings that must not show on its pages."""
    strings_dir = ROOT / "scripts/atlas/pages/strings"
    english = yaml.safe_load((strings_dir / "en.yml").read_text())
    result = {}
    for lang in LANGUAGES[1:]:
        own = yaml.safe_load((strings_dir / f"{lang}.yml").read_text())
        result[lang] = {v for k, v in english.items() if own[k] != v and "{" not in v and len(v) > 3}
    return result


def test_no_untranslated_interface_string_on_non_english_pages(site):
    english = english_interface_strings()
    for lang in LANGUAGES[1:]:
        for html in (site / lang / "atlas").rglob("index.html"):
            leaked = english[lang] & set(parse(html).texts)
            assert not leaked, (html, leaked)


def test_translation_missing_is_said_in_the_readers_language(tmp_path):
    from atlas.pages.render import Pages
    from atlas.records.schema import Site
    from atlas.site.generate import LOCAL_SITE_URL

    atlas = load_atlas(ROOT / "regions")
    site_id = min(atlas.sites)
    record = atlas.sites[site_id].model_dump()
    atlas.sites[site_id] = Site.model_validate(record | {"description": {"en": record["description"]["en"]}})

    text = Pages(atlas, LOCAL_SITE_URL).render_language("pl")[f"atlas/sites/{site_id}.md"]
    notice = yaml.safe_load((ROOT / "scripts/atlas/pages/strings/pl.yml").read_text())["translation_missing"]
    assert notice.split("{")[0].strip() in text
    assert 'lang="en"' in text


def test_internal_links_resolve(site):
    broken = []
    for html in site.rglob("*.html"):
        for href in re.findall(r'(?:href|src)="([^"#?]+)', html.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            # 404.html links from the site root, as it is served at any address.
            target = (site / href.lstrip("/")) if href.startswith("/") else (html.parent / href).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((str(html.relative_to(site)), href))
    assert not broken, broken[:20]


def test_no_third_party_assets_in_pages(site):
    for html in list(site.glob("*/index.html")) + list(site.glob("*/atlas/*/index.html")):
        text = html.read_text(encoding="utf-8")
        loaded = r'<(?:script[^>]+src|link[^>]+rel="(?:stylesheet|preload|modulepreload|icon)"[^>]+href)="(https?://[^"]+)"'
        for url in re.findall(loaded, text):
            pytest.fail(f"{html}: loads {url}")


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_partner_page_shows_a_website_only_where_a_source_gives_one(real_atlas, site, lang):
    label = yaml.safe_load((ROOT / f"scripts/atlas/pages/strings/{lang}.yml").read_text())["website"]
    for partner in real_atlas.partners.values():
        html = page(site, lang, f"atlas/partners/{partner.id}").read_text(encoding="utf-8")
        assert (f"<dt>{label}</dt>" in html) == (partner.website is not None), partner.id
        if partner.website:
            assert f'href="{partner.website}"' in html
    assert any(p.website is None for p in real_atlas.partners.values())


@pytest.mark.parametrize("lang", ["en", "de", "pl"])
def test_line_and_area_places_say_that_their_point_is_one_spot(real_atlas, site, lang):
    strings = yaml.safe_load((ROOT / f"scripts/atlas/pages/strings/{lang}.yml").read_text(encoding="utf-8"))
    for record in real_atlas.sites.values():
        html = page(site, lang, f"atlas/sites/{record.id}").read_text(encoding="utf-8")
        notes = [strings[f"extent_{extent}"] for extent in ("line", "area")]
        shown = [note for note in notes if f"({note})" in html]
        assert shown == ([strings[f"extent_{record.extent}"]] if record.extent else []), record.id


def test_open_data_says_which_places_are_lines_or_areas(real_atlas, site):
    features = json.loads((site / "opendata/sites.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["id"]: f["properties"]["extent"] for f in features} == {s.id: s.extent for s in real_atlas.sites.values()}


def _config_with(locales, default="en"):
    """What the atlas plugin reads of an MkDocs configuration: the i18n plugin's languages."""
    languages = [SimpleNamespace(locale=code, default=code == default) for code in locales]
    return SimpleNamespace(plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=languages))})


@pytest.mark.parametrize(
    "locales, default",
    [(["en", "cs", "de", "it", "sl", "hr", "pl"], "en"), (["en", "cs", "de", "it", "sl", "hr", "pl", "nl", "fr"], "en"), (LANGUAGES, "de")],
)
def test_plugin_refuses_an_i18n_configuration_that_disagrees_with_the_atlas_languages(locales, default):
    from atlas.site.plugin import _check_languages
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"mkdocs.yml: plugins.i18n.languages has .* but the atlas speaks en, cs, de, it, sl, hr, pl, nl \(default en"):
        _check_languages(_config_with(locales, default))


def test_plugin_accepts_the_atlas_languages_in_any_order():
    from atlas.site.plugin import _check_languages

    _check_languages(_config_with(list(reversed(LANGUAGES))))


@pytest.mark.parametrize("lang", ["en", "sl"])
def test_long_lists_are_paged_and_hold_each_site_once(real_atlas, site, lang):
    from atlas.pages import lists

    long = lists.long_lists(real_atlas)
    assert long, "the real atlas has lists longer than a page (the time layers)"
    for owner in long:
        expected = {s.id for s in owner.sites(real_atlas)}
        owner_page = page(site, lang, routes.directory_url(routes.record_page(owner.kind.name, owner.key)))
        assert f'href="../../lists/{owner.name}/1/"' in owner_page.read_text(encoding="utf-8")
        listed = []
        pages = lists.page_count(owner.sites(real_atlas))
        for number in range(1, pages + 1):
            html = page(site, lang, routes.directory_url(owner.page(number))).read_text(encoding="utf-8")
            on_page = re.findall(r'<li><a href="\.\./\.\./\.\./sites/([a-z0-9-]+)/">', html)
            assert 0 < len(on_page) <= lists.LIST_PAGE
            listed += on_page
            assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < pages)
        assert sorted(listed) == sorted(expected)


@pytest.mark.parametrize("lang", ["en", "de", "pl"])
def test_site_page_lists_the_five_nearest_sites_with_distances_in_the_locale(real_atlas, site, lang):
    from atlas.pages.speaker import Speaker
    from atlas.records.geo import distance_km

    speaker = Speaker(lang)
    for record in sorted(real_atlas.sites.values(), key=lambda s: s.id)[::20]:
        html = page(site, lang, f"atlas/sites/{record.id}").read_text(encoding="utf-8")
        nearby = html.split('class="atlas-list atlas-nearby"', 1)[1].split("</ol>", 1)[0]
        shown = re.findall(r'<a href="\.\./([a-z0-9-]+)/">.*?</a> <span class="atlas-meta">· ([^·]+) km', nearby)
        here = record.location
        others = sorted((distance_km(here.lat, here.lon, o.location.lat, o.location.lon), o.id) for o in real_atlas.sites.values() if o.id != record.id)
        assert [site_id for site_id, _ in shown] == [site_id for _, site_id in others[:5]]
        assert [km.strip() for _, km in shown] == [speaker.number(km, 1) for km, _ in others[:5]]


def test_the_not_found_page_at_the_root_speaks_the_default_language(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{DEFAULT}"' in html
    assert not [lang for lang in LANGUAGES[1:] if (site / lang / "404.html").exists()]


def test_sites_overview_links_a_region_with_many_sites_instead_of_listing_them(records):
    from atlas.pages import lists
    from atlas.pages.render import Pages
    from atlas.site.generate import LOCAL_SITE_URL
    from conftest import SITE, write

    for number in range(lists.INDEX_ENTRIES):
        write(records / f"one/sites/mine-{number}.yml", SITE | {"id": f"mine-{number}"})
    text = Pages(load_atlas(records), LOCAL_SITE_URL).render_language("de")["atlas/sites/index.md"]
    assert "<li>" not in text
    assert f'<a href="../regions/one/">Alle Orte ({lists.INDEX_ENTRIES + 1}) auf der Seite der Region One →</a>' in text
