"""Rendering the Markdown pages of every record and overview, per language, with Jinja2."""

import datetime
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_decimal, get_decimal_symbol
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from atlas import prose, routes
from atlas.coverage import coverage
from atlas.escaping import front_matter, markdown_text
from atlas.languages import LANGUAGES, url_prefix
from atlas.strings import catalogue, pick

TEMPLATES = Path(__file__).parent / "templates"
# The generated parts that hand-written pages can hold, as <!-- atlas:name -->.
SLOTS = {"figures": "_figures.html.j2", "partners": "_partners.html.j2"}


def environment() -> ImmutableSandboxedEnvironment:
    """Our templates' environment: record values are only ever its data, and it escapes them.

    The sandbox is a second line of defence: were a record's text ever compiled as a template,
    it could still reach nothing but the values it is given.
    """
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["description"] = prose.to_html
    env.filters["lead"] = prose.lead
    env.filters["front_matter"] = front_matter
    env.filters["md"] = markdown_text
    env.tests["contains"] = lambda sequence, item: item in sequence
    return env


class Language:
    """What the templates need to speak one language: strings, fallback texts, dates, numbers."""

    def __init__(self, lang: str):
        self.code = lang
        self.locale = Locale.parse(lang)
        self.strings = catalogue(lang)
        self.site_root = routes.site_root(lang)
        self.site_prefix = url_prefix(lang)

    def t(self, key: str, **fields) -> str:
        return self.strings[key].format(**fields)

    def raw(self, key: str) -> str:
        """A string with its {fields} left in, for the maps' script to fill."""
        return self.strings[key]

    def text(self, value, regional: str | None = None):
        return pick(value, self.code, regional)

    def number(self, value: float, digits: int = 0) -> str:
        return format_decimal(value, format=f"#,##0.{'0' * digits}" if digits else "#,##0", locale=self.locale)

    def coordinates(self, lat: float, lon: float) -> str:
        """Latitude and longitude; a semicolon parts them where the comma is the decimal sign."""
        separator = "; " if get_decimal_symbol(self.locale) == "," else ", "
        return f"{self.number(lat, 5)}°{separator}{self.number(lon, 5)}°"

    def country(self, code: str) -> str:
        return self.locale.territories.get(code, code)

    def language_name(self, code: str) -> str:
        return self.locale.languages.get(code, code)

    def date(self, value: str) -> str:
        """A YYYY, YYYY-MM or YYYY-MM-DD date in the locale's own way of writing it."""
        parts = [int(p) for p in value.split("-")]
        day = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        skeleton = {1: "y", 2: "yMMMM", 3: "yMMMMd"}[len(parts)]
        return format_skeleton(skeleton, day, locale=self.locale)

    def site_name(self, site) -> str:
        """A site's name in this language where it has one, else its own native name."""
        return (site.names or {}).get(self.code, site.name)

    def period(self, period) -> str:
        start = self.date(period.start)
        return f"{start} – {self.date(period.end)}" if period.end else start


class Pages:
    """All generated Markdown of the atlas, keyed by path below docs/<lang>/."""

    def __init__(self, atlas, maps):
        self.atlas = atlas
        self.maps = maps
        self.env = environment()
        self.coverage = coverage(atlas)

    def render_all(self) -> dict[str, dict[str, str]]:
        return {lang: self.render_language(lang) for lang in LANGUAGES}

    def render_language(self, lang: str) -> dict[str, str]:
        speaker = Language(lang)
        pages = {}
        for source, template, context in self.plan():
            pages[source] = self.render(template, source, speaker, **context)
        return pages

    def plan(self):
        """(source, template, context) of every generated page; the same for every language."""
        atlas = self.atlas
        yield routes.index_page(), "atlas.md.j2", {}
        yield routes.index_page("regions"), "regions.md.j2", {}
        yield routes.index_page("partners"), "partners.md.j2", {}
        yield routes.index_page("pilots"), "pilots.md.j2", {}
        yield routes.index_page("sites"), "sites.md.j2", {}
        yield routes.index_page("categories"), "categories.md.j2", {}
        yield routes.index_page("layers"), "layers.md.j2", {}
        yield f"{routes.GENERATED}/data.md", "data.md.j2", {}
        yield f"{routes.GENERATED}/translations.md", "translations.md.j2", {"report": self.coverage}
        for region in atlas.regions.values():
            yield routes.record_page("region", region.id), "region.md.j2", {"region": region}
        for partner in atlas.partners.values():
            yield routes.record_page("partner", partner.id), "partner.md.j2", {"partner": partner}
        for pilot in atlas.pilots.values():
            yield routes.record_page("pilot", pilot.id), "pilot.md.j2", {"pilot": pilot}
        for site in atlas.sites.values():
            yield routes.record_page("site", site.id), "site.md.j2", {"site": site}
        for term in atlas.taxonomy.categories:
            yield routes.record_page("category", term.id), "category.md.j2", {"term": term}
        for term in atlas.taxonomy.layers:
            yield routes.record_page("layer", term.id), "layer.md.j2", {"term": term}

    def slot(self, name: str, speaker: Language, source: str) -> str:
        """A generated part of a hand-written page (<!-- atlas:name -->), in the page's language."""
        if name not in SLOTS:
            raise KeyError(f"{source}: there is no atlas slot '{name}'; slots: map, {', '.join(SLOTS)}")
        return self.render(SLOTS[name], source, speaker)

    def render(self, template: str, source: str, speaker: Language, **context) -> str:
        def link(kind_or_path: str, record_id: str | None = None) -> str:
            target = routes.record_page(kind_or_path, record_id) if record_id else kind_or_path
            return routes.relative(source, target)

        return self.env.get_template(template).render(
            atlas=self.atlas,
            lang=speaker.code,
            l10n=speaker,
            t=speaker.t,
            link=link,
            index=lambda section=None: link(routes.index_page(section)),
            map_slot=lambda kind, key: self.maps.slot(kind, key, speaker, source),
            **context,
        )
