"""The fast paths of commitment finding find exactly what the plain patterns find."""

from __future__ import annotations

import re

import pytest

from callscope.extract import _commitment_reading as c
from callscope.extract import _commitment_rules as r
from callscope.extract import commitments
from callscope.extract._metric_terms import _SHARE_OF
from callscope.extract._metrics import _share_of_before
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


_RESTART_CASES = [
    "We grew 10%, and we expect more -- and, we will; yes",
    "year-over-year, and we're on track, and I will - maybe \u2013 or \u2014 not",
    "We sold 5, and\nwe will sell 6, and I\u2019ll sell 7, and they will",
    "It's a long-term plan, and we plan to grow, and weather is fine",
]


@pytest.mark.parametrize("text", _RESTART_CASES + _CASES)
def test_restarts_without_a_dash_are_the_and_we_ones(text: str) -> None:
    _assert_same_restarts(text)


def test_restarts_without_a_dash_are_the_and_we_ones_on_real_calls() -> None:
    for text in _texts():
        _assert_same_restarts(text)


def _assert_same_restarts(text: str) -> None:
    spans = [m.span() for m in c._RESTART.finditer(text)]
    if not any(mark in text for mark in c._RESTART_MARKS):
        assert [m.span() for m in c._AND_RESTART.finditer(text)] == spans, text
    assert c._clauses(text, folded(text), 0, len(text)) == _plain_clauses(text), text


def _plain_clauses(text: str) -> list[tuple[int, int]]:
    """``_clauses`` as the plain patterns read it, every sentence cut by ``_RESTART``."""
    out, at = [], 0
    for m in c._RESTART.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    trimmed = []
    for a, b in out:
        lead = c._LEAD.match(text, a, b)
        a = lead.end() if lead else a
        tail = c._TAIL.search(text, a, b)
        if tail and len(text[a : tail.start()].split()) >= 5:
            b = tail.start()
        trail = c._TRAIL.search(text, a, b)
        b = trail.start() if trail else b
        if len(text[a:b].split()) >= 3:
            trimmed.append((a, b))
    return trimmed


@pytest.mark.parametrize(
    "text",
    [
        "a 40% share of revenue and a portion of\nmargin",
        "the percentage OF  gross margin, percent of\n",
        "share ofrevenue, 10% of  revenue, proof of concept",
        "",
    ],
)
def test_share_of_before_is_the_patterns(text: str) -> None:
    _assert_same_share_of(text)


def test_share_of_before_is_the_patterns_on_real_calls() -> None:
    for text in _texts()[:300]:
        _assert_same_share_of(text)


def _assert_same_share_of(text: str) -> None:
    for at in range(len(text) + 1):
        found = _SHARE_OF.search(text, 0, at) is not None
        assert _share_of_before(text, at) == found, (text, at)


_LOOSE_CASES = [
    "We plan to open 10 stores",
    "I plan\non it; our plans in place are good",
    "we see margins, you know, back at 79% next year",
    "We'd say we project growth; our projected to be fine",
    "we are committed to 5%; we're hoping to grow",
    "our working assumption is 3%; I do estimate 4%",
    "we are raising our long-term goals for the project",
    "the plan for the project was a commitment, back then, estimates of hops",
    "They'll say the plan may work, for sure",
]


@pytest.mark.parametrize("text", _LOOSE_CASES + _CASES)
def test_clauses_left_unread_hold_no_cue(text: str) -> None:
    _assert_unread_hold_no_cue(text)


def test_clauses_left_unread_hold_no_cue_on_real_calls() -> None:
    for text in _texts():
        _assert_unread_hold_no_cue(text)


def _assert_unread_hold_no_cue(text: str) -> None:
    reading = c._read(text)
    if r._may_promise(reading) or reading.cue is not None:
        assert c._may_look_forward(text, commitments._PLAIN_CUE_WORDS), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the plan for the project", False),
        ("we plan to grow", True),
        ("the project, as\nplanned", False),
        ("the project is going\nto grow", True),  # a line break the raw check would miss
        ("our goals and the plan", True),
        ("\u017fo the plan", True),  # folding fails: read it
    ],
)
def test_may_look_forward(text: str, expected: bool) -> None:
    assert c._may_look_forward(text, commitments._PLAIN_CUE_WORDS) is expected


def test_cue_words_are_plain_or_loose() -> None:
    assert set(commitments._CUE_WORDS) == set(commitments._PLAIN_CUE_WORDS) | {
        word for word, _ in c._FORWARD_WORDS
    }
    assert commitments._cue_kind("We plan well.", "we plan well.", 0, 13) == 2
    assert commitments._cue_kind("We will plan.", "we will plan.", 0, 13) == 1
    assert commitments._cue_kind("We did.", "we did.", 0, 7) == 0
