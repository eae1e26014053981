"""The eight languages of the atlas and the order in which a missing text falls back."""

from functools import cache
from typing import Literal

LANGUAGES: tuple[str, ...] = ("en", "cs", "de", "it", "sl", "hr", "pl", "nl")
DEFAULT = "en"
LanguageCode = Literal["en", "cs", "de", "it", "sl", "hr", "pl", "nl"]

# Each language's own name, for the switcher.
NAMES = {
    "en": "English",
    "cs": "Čeština",
    "de": "Deutsch",
    "it": "Italiano",
    "sl": "Slovenščina",
    "hr": "Hrvatski",
    "pl": "Polski",
    "nl": "Nederlands",
}


@cache
def fallbacks(lang: str, regional: str | None = None) -> tuple[str, ...]:
    """The languages to try for a text, best first: the page's, English, the region's own."""
    order = [lang, DEFAULT]
    if regional:
        order.append(regional)
    order.extend(LANGUAGES)
    return tuple(dict.fromkeys(order))
