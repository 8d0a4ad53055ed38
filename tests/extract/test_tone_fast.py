"""The fast paths of tone scoring find exactly what the plain patterns find."""

from __future__ import annotations

import re

import pytest

from callscope.extract import hedging, tone
from callscope.extract.tone import Lexicon
from tests.conftest import shared_path

_CASES = [
    "I think we will sort of get there, maybe.",
    '(Maybe) we\'d say -- i THINK -- "roughly" it seems to work',
    "It seems to me; it appears so. Seems to hold.",  # "it seems" hides "seems to"
    "Perhaps\nwe   believe\tthe kind of deal that... kind of.",
    "maybe",  # at the very start
    "x-maybe y_maybe 2maybe émaybe",  # after a hyphen, but not inside a word
    "I’d imagine we\u00a0think so",  # a curly apostrophe, a no-break space
    "\u017fort of \u0130 think \u212aind of",  # letters that fold to ASCII ones
    "What kind of margin? This sort of deal is rare.",
    "",
]


def _reference(text: str) -> list[tuple[int, int]]:
    text = text.replace("\u2019", "'")
    return [m.span() for m in hedging.HEDGES.finditer(text)]


@pytest.mark.parametrize("text", _CASES)
def test_hedge_spans_are_the_patterns(text: str) -> None:
    assert hedging._spans(text.replace("\u2019", "'")) == _reference(text)


def test_hedge_spans_on_a_real_call() -> None:
    text = shared_path("capiq/tesla-2017-q2-capiq.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        assert hedging._spans(line.replace("\u2019", "'")) == _reference(line)
    assert len(hedging.find_hedges(text)) == 123


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Don't stop—it's 10x good!", ["DON", "T", "STOP", "IT", "S", "X", "GOOD"]),
        ("café naïve Straße", ["CAF", "NA", "VE", "STRA", "E"]),
        ("", []),
    ],
)
def test_words_are_runs_of_ascii_letters(text: str, words: list[str]) -> None:
    assert tone._words(text) == words == [w.upper() for w in re.findall("[A-Za-z]+", text)]


_LEX = Lexicon({"positive": frozenset({"GOOD"}), "negative": frozenset({"BAD"})})


@pytest.mark.parametrize(
    ("text", "positive", "negative"),
    [
        ("good good good", 3, 0),
        ("not good", 0, 0),
        ("not a very good", 0, 0),  # three words after the negation
        ("not a very fine good", 1, 0),  # four: counts
        ("good not good never bad good", 1, 1),
        ("no good, no bad", 0, 1),  # a negation unmakes only positives
        ("never never good", 0, 0),
    ],
)
def test_negated_positives(text: str, positive: int, negative: int) -> None:
    hits = tone._tally(text, _LEX).hits
    assert (hits["positive"], hits["negative"]) == (positive, negative)
