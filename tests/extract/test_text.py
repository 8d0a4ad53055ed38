"""The shared text helpers: sentence splitting, and the places a number's patterns start."""

from __future__ import annotations

import re

import pytest

from callscope.extract._text import (
    WordStartScanner,
    search_ending,
    split_sentences,
    word_starts,
)
from callscope.parse import parse_file
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("words", "options", "text", "places"),
    [
        # every place, overlapping ones and those inside words too
        (["open", "pen"], {}, "reopened pens", [2, 3, 9]),
        (["up"], {}, "support up", [1, 8]),
        # after: not after a word character; space: whitespace after the word
        (["up"], {"after": "a-z0-9_", "space": True}, "support up 5", [8]),
        (["of", "over", "an"], {"after": "a-z0-9_", "space": True},
         "an of over and often an\tx (of )", [0, 3, 6, 21, 27]),
        (["up"], {"after": "a-z0-9_", "space": True}, "up", []),
        (["cash"], {"after": "a-z0-9_-"}, "free-cash cash", [10]),
    ],
)  # fmt: skip
def test_word_starts(
    words: list[str], options: dict[str, object], text: str, places: list[int]
) -> None:
    pattern = word_starts(words, **options)  # type: ignore[arg-type]
    assert [m.start() for m in pattern.finditer(text)] == places


_GREW = re.compile(r"\b(?P<w>grew|up)(?P<by>\s+by)?\s+(?:about\s+)?$", re.I)


@pytest.mark.parametrize(
    ("text", "end", "found"),
    [
        ("Revenue grew by about 5%", 22, "grew by about "),
        ("Sales were UP 3%", 14, "UP "),
        ("It grew, and was up 3%", 20, "up "),
        ("Supply grew 3%", 12, "grew "),
        ("Revenue grew 3% and margins 2%", 28, None),
    ],
)
def test_search_ending_is_search_from_zero(text: str, end: int, found: str | None) -> None:
    starts = [m.start() for m in word_starts(["grew", "up"]).finditer(text.lower())]
    match = search_ending(_GREW, starts, text, end)
    plain = _GREW.search(text, 0, end)
    assert (match and match.group()) == (plain and plain.group()) == found


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Revenue grew. Margins fell!", ["Revenue grew.", "Margins fell!"]),
        ("Mr. Musk spoke. We agree.", ["Mr. Musk spoke.", "We agree."]),
        ("Sales in the U.S. were up. We grew.", ["Sales in the U.S. were up.", "We grew."]),
        ("Sales in the U.S. We grew.", ["Sales in the U.S.", "We grew."]),
        ("J.B. Straubel joined. Yes.", ["J.B. Straubel joined.", "Yes."]),
        ("Costs, e.g. freight, rose. Okay?", ["Costs, e.g. freight, rose.", "Okay?"]),
        ("We expect the\n\nmacro to improve...  Then more.",
         ["We expect the\n\nmacro to improve...", "Then more."]),
        ("A first part\n\nA second part", ["A first part", "A second part"]),
        ("The approx. figure is 5.4 million… I think so", ["The approx. figure is 5.4 million…",
                                                          "I think so"]),
        ("Plan A. Plan b.c.d.e.f.g.h. Next.", ["Plan A. Plan b.c.d.e.f.g.h. Next."]),
        ("Abcdefgh.ijk. Next one.", ["Abcdefgh.ijk.", "Next one."]),
        ('He said "done." Then left.', ['He said "done."', "Then left."]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_split_sentences_returns_a_fresh_list() -> None:
    text = "One. Two."
    first = split_sentences(text)
    first.clear()
    assert split_sentences(text) == [(0, 4), (5, 9)]


# The sentence-end pattern as it was first written: one lookahead naming the first characters.
_END_AS_WRITTEN = re.compile(r"(?=[.!?…\n])(?:(?:[.!?]+|\.\.\.|…)[\"'’”)\]]*(?=\s+|$)|\n[ \t]*\n)")


@pytest.mark.parametrize(
    "name",
    [
        "capiq/tesla-2017-q2-capiq.txt",
        "motley-fool-web/MSFT_Q3_2024_earnings_call.txt",
        "company-pdf-text/qec_barc_2025_1Q.pdftotext.txt",
    ],
)
def test_sentence_ends_read_as_first_written(name: str) -> None:
    from callscope.extract._text import _END

    call = parse_file(shared_path(name))
    ends = [m.span() for m in _END.finditer(call.text)]
    assert ends == [m.span() for m in _END_AS_WRITTEN.finditer(call.text)]
    assert len(ends) > 100


@pytest.mark.parametrize(
    "low",
    ["i think we may, perhaps, grow.", "(maybe) i think-so; i thinker thinks", "perhaps",
     "é maybe\tperhaps\nmaybe—perhaps_maybe 3maybe", "", "i  think i think"],
)  # fmt: skip
def test_word_start_scanner_finds_every_word_start_match(low: str) -> None:
    body = r"(?:i think|maybe|perhaps|think\w*)\b"
    scanner = WordStartScanner(body, "imtp")
    plain = re.compile(r"(?<!\w)" + body)
    expected = sorted(m.span() for at in range(len(low)) if (m := plain.match(low, at)))
    assert sorted(scanner.spans(low)) == expected
