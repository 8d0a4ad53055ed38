"""The fast paths of commitment finding find exactly what the plain patterns find."""

from __future__ import annotations

import re

import pytest

from callscope.extract import _commitment_reading as c
from callscope.extract import _commitment_rules as r
from callscope.extract._text import folded
from callscope.model.facts import Confidence
from tests.conftest import fixture_lines

_CASES = [
    "I think we'll get to 10,000 a week -- and we do expect that to continue.",
    "WE WILL, IF WE CAN, and I'd say we're on track; but it's hard, which is fine",
    "They're going to say \u201cwe will\u201d; as we said, we're not going to guide",
    "You should expect us to double it, including Model 3, driven by demand and",
    "We plan to remain disciplined. Whether or not, we'll see. So to speak, or",
    "x-will y_will \u00e9will 'll and ,",
]


def _texts() -> list[str]:
    real = fixture_lines("capiq/tesla-2017-q2-capiq.txt", "motley-fool-json/ADM_q1_2021.txt")
    return [c._straight(t) for t in _CASES + real]


_FOLDED = [
    (c._FORWARD, c._FORWARD_FOLDED),
    (r._INTENT, r._INTENT_FOLDED),
    (r._CONTINUE, r._CONTINUE_FOLDED),
    (r._PRONOUN_END, r._PRONOUN_END_FOLDED),
    (r._NOT_A_PROMISE, r._NOT_A_PROMISE_FOLDED),
] + [(pattern, fast) for (_, pattern), fast in zip(c._CUES, c._CUES_FOLDED, strict=True) if fast]


def test_folded_patterns_match_where_the_case_blind_ones_do() -> None:
    for text in _texts():
        low = folded(text)
        assert low is not None
        for pattern, fast in _FOLDED:
            assert [m.span() for m in fast.finditer(low)] == [
                m.span() for m in pattern.finditer(text)
            ], (pattern.pattern[:40], text)


def test_only_a_pattern_case_blind_throughout_folds() -> None:
    with pytest.raises(ValueError, match="case-blind"):
        c._folding(re.compile(r"(?-i:May)|june", re.I))
    with pytest.raises(ValueError, match="case-blind"):
        c._folding(re.compile("may"))
    assert c._folding(re.compile(r"(?P<w>\bWe\W+Will\b)", re.I)).pattern == (
        r"(?P<w>\bwe\W+will\b)"
    )


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (c._DISCOURSE, c._DISCOURSE_WORDS),
        (c._IF, c._IF_WORDS),
        (c._SEGMENT, c._SEGMENT_WORDS),
        (r._MULTIPLE, r._MULTIPLE_WORDS),
        (r._WEAK_FORWARD, r._WEAK_WORDS),
        (dict(c._CUES)[Confidence.LOW], c._LOW_WORDS),
    ],
)
def test_patterns_are_run_wherever_they_match(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    for text in _texts():
        if pattern.search(text):
            assert c._holds(folded(text), words), text


@pytest.mark.parametrize(
    "text",
    [
        "we will grow and",
        "we will grow, and ,",
        "we will grow, AND\n",
        "we will grow --and",
        "we will grow sand",
        "and",
        " so",
        "we will, but",
        "we will \u017fo",
    ],
)
def test_trailing_conjunction_is_the_patterns(text: str) -> None:
    found = c._TRAIL.search(text, 0, len(text))
    assert c._trail(text, 0, len(text)) == (found.start() if found else None)


def test_trailing_conjunction_on_a_real_call() -> None:
    for text in _texts()[:300]:
        for end in range(len(text) + 1):
            found = c._TRAIL.search(text, 0, end)
            assert c._trail(text, 0, end) == (found.start() if found else None)
