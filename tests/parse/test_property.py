"""Robustness: mutated real transcripts parse to a sane call or fail with a CallscopeError.

Each example takes a real transcript (a handful across layouts, read from ../shared, plus the
bundled example), damages it the way files get damaged (cut short, lines lost, duplicated or
swapped, stray control or exotic characters, the body gone) and parses it through layout
detection. Anything but a :class:`Call` with ordered, in-bounds turn spans or a
:class:`CallscopeError` is a bug in a layout.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callscope.errors import CallscopeError
from callscope.model.call import Call
from callscope.parse import parse_document
from callscope.parse._read import document_from_text
from tests.conftest import FIXTURES

# One or two files per layout; small ones where there is a choice, so examples run fast.
SOURCES = (
    "capiq/tesla-2017-q2-capiq.txt",
    "seeking-alpha/CT_JPM_2018_q2.txt",
    "refinitiv/Q3 2022 Iron Mountain Inc Earnings Call.txt",
    "streetevents/Hanover_Capital_Mortgage_Q4_2004_update_call_2005-04-01.txt",
    "company-pdf-text/qec_ctg_2023_1Q.pdftotext.txt",
    "motley-fool-web/FIG_Q2_2025_earnings_call.txt",
    "motley-fool-json/TK_q4_2019.txt",
    "earningscall-json/aapl-q1-2022-speaker-name-map-v2.body.json",
    "ectsum/ects/GD_q1_2021.txt",
)
EXAMPLE = "examples/northwind-2025-q3-plain.txt"


@cache
def _texts() -> dict[str, str]:
    texts = {
        name: (FIXTURES / name).read_text(encoding="utf-8")
        for name in SOURCES
        if (FIXTURES / name).is_file()
    }
    texts[EXAMPLE] = files("callscope").joinpath(EXAMPLE).read_text(encoding="utf-8")
    return texts


def _require_fixtures() -> None:
    if len(_texts()) == 1:
        pytest.skip(f"{FIXTURES} is absent: only the bundled example is available")


# Characters that break naive parsers: controls, BOM, zero-width and bidi marks, line and
# paragraph separators, combining marks, astral-plane symbols.
NASTY = st.sampled_from(
    ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\ufeff", "\u200b", "\u202e", "\u2028",
     "\u2029", "\u0301", "\ud7ff", "\U0001f4c8", "\r", "\t", ":", "(", ")", "-", "—", "\n\n"]
)  # fmt: skip
JUNK = st.one_of(
    st.lists(NASTY, min_size=1, max_size=6).map("".join),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@st.composite
def _truncate(draw: st.DrawFn, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


@st.composite
def _delete_lines(draw: st.DrawFn, text: str) -> str:
    lines = _lines(text)
    i = draw(st.integers(0, len(lines)))
    j = draw(st.integers(i, min(len(lines), i + 40)))
    return "".join(lines[:i] + lines[j:])


@st.composite
def _duplicate_lines(draw: st.DrawFn, text: str) -> str:
    lines = _lines(text)
    i = draw(st.integers(0, len(lines)))
    j = draw(st.integers(i, min(len(lines), i + 20)))
    return "".join(lines[:j] + lines[i:j] + lines[j:])


@st.composite
def _insert_junk(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(JUNK) + text[at:]
    return text


@st.composite
def _swap_lines(draw: st.DrawFn, text: str) -> str:
    lines = _lines(text)
    if len(lines) < 2:
        return text
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


@st.composite
def _empty_body(draw: st.DrawFn, text: str) -> str:
    """Keep a header of a few lines (maybe none) and drop everything after it."""
    keep = draw(st.integers(0, 40))
    filler = draw(st.sampled_from(["", "\n", "   \n\n", "\f"]))
    return "".join(_lines(text)[:keep]) + filler


MUTATIONS = {
    "truncate": _truncate,
    "delete_lines": _delete_lines,
    "duplicate_lines": _duplicate_lines,
    "insert_junk": _insert_junk,
    "swap_lines": _swap_lines,
    "empty_body": _empty_body,
}


@st.composite
def mutated(draw: st.DrawFn, *, steps: tuple[int, int]) -> tuple[str, str]:
    texts = _texts()
    name = draw(st.sampled_from(sorted(texts)))
    text = texts[name]
    for _ in range(draw(st.integers(*steps))):
        kind = draw(st.sampled_from(sorted(MUTATIONS)))
        text = draw(MUTATIONS[kind](text))
    return name, text


def _check(name: str, text: str, *, layout: str | None = None) -> None:
    try:
        call = parse_document(document_from_text(text, name), layout=layout)
    except CallscopeError:
        return
    assert isinstance(call, Call)
    previous = 0
    for i, turn in enumerate(call.turns):
        assert turn.index == i
        assert previous <= turn.span.start <= turn.span.end <= len(call.text), (i, turn.span)
        previous = turn.span.end
    for exchange in call.exchanges:
        assert all(0 <= t < len(call.turns) for t in exchange.question_turns)
        assert all(0 <= t < len(call.turns) for t in exchange.answer_turns)


PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples every run: a red CI run is a real regression
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(case=mutated(steps=(1, 1)))
def test_one_mutation(case: tuple[str, str]) -> None:
    _require_fixtures()
    _check(*case)


@PROPERTY
@given(case=mutated(steps=(2, 4)))
def test_stacked_mutations(case: tuple[str, str]) -> None:
    _require_fixtures()
    _check(*case)


@PROPERTY
@given(case=mutated(steps=(1, 3)))
def test_fallback_layout_forced(case: tuple[str, str]) -> None:
    """The fallback gets any text, so it is held to the same contract on every fixture."""
    _require_fixtures()
    _check(*case, layout="plain")


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\x00", "Operator:", "Operator:\n", ":\n:", "Q&A\n", "{", "[]", "<html>"],
)
def test_degenerate_inputs(text: str) -> None:
    _check("degenerate.txt", text)
