"""The literal pre-checks of the date rules never hide a match."""

from __future__ import annotations

import pytest

from callscope.extract import _dates
from callscope.extract._date_patterns import _counted_unit
from callscope.extract._text import folded
from tests.conftest import fixture_lines

_CASES = [
    "in 12-18 months",
    "over the next couple of years",
    "within a few  weeks",
    "3 days from now",
    "next fiscal year",
    "the end of the current quarter",
    "late in the year",
    "by year-end",
    "by year end 2019",
    "for the full year",
    "the whole fiscal year 2020",
    "on May 5, 2018",
    "in March",
    "over the long run, going forward",
    "we made at year-end",
    "savings after 2020",
]


def _texts() -> list[str]:
    return _CASES + fixture_lines(
        "capiq/tesla-2017-q2-capiq.txt", "motley-fool-json/ADM_q1_2021.txt"
    )


def test_rules_run_wherever_they_match() -> None:
    for text in _texts():
        low = folded(text)
        assert low is not None
        for pattern, _, words, check in _dates._RULES:
            if pattern.search(text):
                assert not words or any(word in low for word in words), (pattern.pattern, text)
                assert check is None or check(text, low), (pattern.pattern, text)
                assert _dates.may_name_time(text, low, 0, len(low))


def test_past_and_open_starts_are_read_from_the_last_words() -> None:
    for text in _texts()[:400]:
        # where an expression can start: after a space (the patterns end with spaces)
        for end in [at for at in range(1, len(text) + 1) if text[at - 1].isspace()]:
            before = _dates._words_back(text, end, 3)
            for pattern in (_dates._PAST, _dates._OPEN_START):
                found = pattern.search(text, 0, end)
                assert (found and found.span()) == (
                    (m := pattern.search(text, before, end)) and m.span()
                ), (text, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in about 8 weeks", True),
        ("a couple of years", True),
        ("8-week", True),
        ("this year", False),
        ("per year", False),
    ],
)
def test_a_span_needs_a_counted_unit(text: str, expected: bool) -> None:
    assert _counted_unit(text, text.lower()) is expected
