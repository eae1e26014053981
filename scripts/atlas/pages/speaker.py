"""Speaking one language: interface strings, texts with their fallbacks, dates, numbers, names."""

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from markupsafe import Markup

from atlas import routes
from atlas.escaping import html_text
from atlas.pages.strings import Shown, catalogue, pick


class Speaker:
    """What the templates, map lists and map data need to speak one language."""

    def __init__(self, lang: str):
        self.code = lang
        self.locale = Locale.parse(lang)
        self.strings = catalogue(lang)
        # The site root seen from this language's root, and this language's folder below the site root.
        self.root = routes.root_from(lang)
        self.prefix = routes.prefix(lang)
        # With our number patterns, the languages write a number alike but for these two signs.
        self._signs = str.maketrans({",": get_group_symbol(self.locale), ".": get_decimal_symbol(self.locale)})

    def t(self, key: str, **fields) -> str:
        return self.strings[key].format(**fields)

    def raw(self, key: str) -> str:
        """A string with its {fields} left in, for the maps' script to fill."""
        return self.strings[key]

    def text(self, value, regional: str | None = None) -> Shown | None:
        return pick(value, self.code, regional)

    def show(self, text: Shown) -> Markup:
        """A text as HTML; one shown in another language (a fallback) says which, and that it is one."""
        if text.lang == self.code:
            return html_text(text.value)
        return Markup('<span lang="{}" class="atlas-fallback" title="{}">{}</span>').format(
            text.lang, self.t("translation_missing_short"), text.value
        )

    def number(self, value: float, digits: int = 0) -> str:
        return _english(value, digits).translate(self._signs)

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


# A run writes each of some 25,000 numbers (coordinates, distances) in every language: Babel
# writes it once, in English, and each language puts in its own signs.
@lru_cache(maxsize=1 << 16)
def _english(value: float, digits: int) -> str:
    return format_decimal(value, format=f"#,##0.{'0' * digits}" if digits else "#,##0", locale="en")
