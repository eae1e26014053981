"""Speaking one language: numbers as Babel writes them in each locale."""

import pytest
from atlas.languages import LANGUAGES
from atlas.pages.speaker import Speaker
from babel.numbers import format_decimal

VALUES = (0, 7, 999, 1234, 1234567, -1234.5, 0.05, 0.125, 2.675, 12.34565, 45.123455, 16.401660000000003, 1e-7, 99999.99999)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers_are_written_as_babel_writes_them_in_the_locale(lang):
    speaker = Speaker(lang)
    for digits in (0, 1, 5):
        pattern = f"#,##0.{'0' * digits}" if digits else "#,##0"
        assert [speaker.number(value, digits) for value in VALUES] == [format_decimal(value, format=pattern, locale=lang) for value in VALUES]
