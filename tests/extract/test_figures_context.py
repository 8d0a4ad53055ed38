"""The words of context a figure's quote takes in: ``_context`` (a narrow-first search for
each word before, one match for the words after) gives the span a plain word-by-word wide
search gives, on made-up edges and on every figure of real transcripts."""

from __future__ import annotations

import re

import pytest

from callscope.extract import _text
from callscope.extract import figures as f
from callscope.extract._raw_figures import _merge, _read_all
from callscope.parse import parse_file
from tests.conftest import shared_path

# One word after, as the right side was read before it became one match of up to three.
_RIGHT_WORD = re.compile(r"[\])]?,?\s+(?![-–—])[^\s.?!;–—]+")


def _plain_context(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The reference: each word on the left by the wide search, each on the right alone."""
    for _ in range(3):
        found = f._LEFT_WORD.search(text, max(lo, start - 40), start)
        if found is None:
            break
        start = found.start()
    for _ in range(3):
        right = _RIGHT_WORD.match(text, end, hi)
        if right is None:
            break
        end = right.end()
    while start < end and text[start] in ",;:-–— \t\r\n":
        start += 1
    while end > start and text[end - 1] in ",;:-–— \t\r\n":
        end -= 1
    return start, end


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("so the revenue of ", 3),
        ("revenue was abc(def  ", 0),  # a bracket inside the word: found further back
        ("abcdefghijklmnopqrs(tu  ", 0),
        ("abcdefghijklmnopqrst [\n", 0),  # a word, then its closing bracket
        ("we sold abcdefghijklmnopqrst [\n", 0),
        ("the end. ", 9),
        ("x" * 50 + " of ", 54 - 3),  # a word longer than the window: none taken
    ],
)
def test_left_words(text: str, left: int) -> None:
    number = text + "5%"
    assert f._context(number, len(text), len(number), 0, len(number))[0] == left
    assert f._context(number, len(text), len(number), 0, len(number)) == _plain_context(
        number, len(text), len(number), 0, len(number)
    )


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("up 5% in the quarter, ahead", "up 5% in the quarter"),
        ("up 5%, which beat the plan", "up 5%, which beat the"),
        ("up 5% -- more than that", "up 5%"),  # a restart ends it
        ("(5%) to go", "5%) to go"),
        ("5% then. Next", "5% then"),
    ],
)
def test_right_words(text: str, quote: str) -> None:
    start, end = f._context(text, text.index("5%"), text.index("5%") + 2, 0, len(text))
    assert text[start:end] == quote
    assert (start, end) == _plain_context(
        text, text.index("5%"), text.index("5%") + 2, 0, len(text)
    )


@pytest.mark.parametrize(
    "name",
    ["capiq/tesla-2017-q2-capiq.txt", "company-pdf-text/qec_barc_2025_1Q.pdftotext.txt"],
)
def test_context_on_real_calls(name: str) -> None:
    call = parse_file(shared_path(name))
    tried = 0
    for _, text, _ in _text.turn_slices(call):
        for raw in _merge(_read_all(text), text):
            for lo, hi in [(0, len(text)), (max(0, raw.start - 30), min(len(text), raw.end + 9))]:
                span = f._context(text, raw.start, raw.end, lo, hi)
                assert span == _plain_context(text, raw.start, raw.end, lo, hi)
                tried += 1
    assert tried > 100
