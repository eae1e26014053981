"""The interface-string catalogues: the same keys and fields in every language, each key in use."""

import re
from pathlib import Path

import atlas
import pytest
from atlas.languages import LANGUAGES
from atlas.pages.strings import catalogue
from conftest import ROOT

PACKAGE = Path(atlas.__file__).parent
# The generator's code and templates, and the theme overrides, which show strings in the footer.
SOURCES = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [*PACKAGE.rglob("*"), *(ROOT / "overrides").rglob("*.html")] if p.suffix in (".py", ".j2", ".html")
)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_same_keys_and_fields_as_english(lang):
    english, own = catalogue("en"), catalogue(lang)
    assert list(own) == list(english)
    for key, text in english.items():
        assert set(re.findall(r"\{(\w+)\}", own[key])) == set(re.findall(r"\{(\w+)\}", text)), key


def used(key: str) -> bool:
    """Named whole, or by its prefix where a template builds the key (e.g. 'role_' + kind)."""
    prefix = key.rsplit("_", 1)[0] + "_"
    return bool(re.search(rf"""['"]({key}|{prefix})['"]""", SOURCES))


def test_every_key_is_used():
    unused = [key for key in catalogue("en") if not used(key)]
    assert not unused
