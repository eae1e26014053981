"""The interface strings of each language (one catalogue per language), and texts in a language."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from atlas.languages import fallbacks

CATALOGUES = Path(__file__).parent / "strings"


@cache
def catalogue(lang: str) -> dict[str, str]:
    with open(CATALOGUES / f"{lang}.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)



@dataclass(frozen=True)
class Shown:
    """A text as shown on a page: its words and the language they are actually in."""

    value: str
    lang: str

    def __str__(self) -> str:
        return self.value


def pick(text: dict[str, str] | None, lang: str, regional: str | None = None) -> Shown | None:
    """The text in the page's language, or else in the best fallback language."""
    if not text:
        return None
    for candidate in fallbacks(lang, regional):
        if candidate in text:
            return Shown(text[candidate], candidate)
    return None
