"""The fast paths of the number reading: ASCII texts read through candidate starts give the
tokens the one search pass gives, and the runs of digits found as bytes give the long
numbers the pattern's own scan gives."""

from __future__ import annotations

import re

import pytest

from callscope.extract import _numbers as nb
from callscope.extract import _text
from callscope.extract import figures as f
from callscope.parse import parse_file
from tests.conftest import shared_path


def _searched(lowered: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """The tokens by ``_TOKEN`` searched from each end, as ``tokens`` read them before."""
    found = []
    pos = 0
    while (match := nb._TOKEN.search(lowered, pos)) is not None:
        pos = match.end()
        if match["words"] and " " in match["words"].strip():
            cut = nb._words_cut(match)
            if cut is not None:
                short = nb._TOKEN.match(lowered, match.start(), cut)
                pos = cut
                if short is not None:
                    found.append((short.span(), short.groups()))
                continue
        found.append((match.span(), match.groups()))
    return found


def _spans(text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in nb.tokens(text)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("we sold 5,000 cars", [(8, 13)]),
        ("two one million barrel cargoes", [(0, 3), (4, 15)]),
        ("scope one and two", [(6, 9), (14, 17)]),
        ("in the mid-60s, up 3.5%", [(11, 14), (19, 23)]),
        ("don't one 'two x1 2x", [(6, 9), (18, 20)]),
        ("twenty five and a half million", [(0, 30)]),
        ("_5 5_ (7) [30]", [(7, 8), (11, 13)]),
        ("someone often attended", []),
    ],
)
def test_ascii_tokens(text: str, spans: list[tuple[int, int]]) -> None:
    assert [span for span, _ in _spans(text)] == spans
    assert _spans(text) == _searched(text.lower())


@pytest.mark.parametrize("text", ["5 ‘six’ 7", "about 5\x1c6 units", "İ 5 one"])
def test_other_texts_take_the_search(text: str) -> None:
    assert _spans(text) == _searched(
        text.lower()
        if len(text.lower()) == len(text)
        else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    )


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("the 737 MAX and 777X, 1,000 and 12 and 123456 (2017)", ["737", "777", "12345", "2017"]),
        ("Boeing 787", ["787"]),
        ("$100 at 3.141 or 10:300 and 250", ["250"]),
    ],
)
def test_long_numbers(text: str, numbers: list[str]) -> None:
    assert [m.group() for m in f._long_numbers(text)] == numbers
    assert [m.span() for m in f._long_numbers(text)] == [
        m.span() for m in f._LONG_NUMBER.finditer(text)
    ]


@pytest.mark.parametrize(
    "name",
    ["capiq/tesla-2017-q2-capiq.txt", "company-pdf-text/qec_barc_2025_1Q.pdftotext.txt"],
)
def test_fast_paths_on_real_calls(name: str) -> None:
    call = parse_file(shared_path(name))
    ascii_turns = 0
    for _, text, _ in _text.turn_slices(call):
        lowered = text.lower()
        if len(lowered) == len(text):
            assert _spans(text) == _searched(lowered)
            ascii_turns += lowered.isascii()
    assert ascii_turns > 10
    spans = [m.span() for m in f._long_numbers(call.text)]
    assert spans == [m.span() for m in f._LONG_NUMBER.finditer(call.text)]
    assert re.search(r"\d{3}", call.text) is None or spans
