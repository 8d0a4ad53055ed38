"""The words of context a figure's quote takes in: the narrow-first search for the word
before is the wide search, on made-up edges and on every figure of real transcripts."""

from __future__ import annotations

import pytest

from callscope.extract import _text
from callscope.extract import figures as f
from callscope.parse import parse_file
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("so the revenue of ", (15, 18)),
        ("revenue was abc(def  ", (12, 21)),  # a bracket inside the word: found further back
        ("abcdefghijklmnopqrs(tu  ", (0, 24)),
        ("abcdefghijklmnopqrst [\n", (0, 22)),  # a word, then its closing bracket
        ("we sold abcdefghijklmnopqrst [\n", (8, 30)),
        ("the end. ", None),
    ],
)
def test_left_word(text: str, span: tuple[int, int] | None) -> None:
    found = f._left_word(text, 0, len(text))
    wide = f._LEFT_WORD.search(text, max(0, len(text) - 40), len(text))
    assert (found and found.span()) == (wide and wide.span()) == span


@pytest.mark.parametrize(
    "name",
    ["capiq/tesla-2017-q2-capiq.txt", "company-pdf-text/qec_barc_2025_1Q.pdftotext.txt"],
)
def test_left_word_on_real_calls(name: str) -> None:
    call = parse_file(shared_path(name))
    tried = 0
    for _, text, _ in _text.turn_slices(call):
        for raw in f._merge(f._read_all(text), text):
            start = raw.start
            for _ in range(3):
                found = f._left_word(text, 0, start)
                wide = f._LEFT_WORD.search(text, max(0, start - 40), start)
                assert (found and found.span()) == (wide and wide.span())
                tried += 1
                if wide is None:
                    break
                start = wide.start()
    assert tried > 150
