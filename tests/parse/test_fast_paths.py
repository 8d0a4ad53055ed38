"""Shapes that exist for speed give the answers of the plain rule they stand for.

Each fast path (a pre-check before a regex, a possessive quantifier, a cache, an early stop)
is checked against literal cases, including the padded lines of ``pdftotext -layout`` that
made the plain regexes backtrack.
"""

from __future__ import annotations

import re

import pytest

from callscope.parse import (
    _companypdf_headings,
    _companypdf_names,
    _plain_speakers,
    document_from_text,
    plain,
)
from callscope.parse._build import is_cut_off
from callscope.parse._cleanup import blank, page_furniture_spans
from callscope.parse._lines import lines
from callscope.parse.seekingalpha import _blank_trailer
from tests.conftest import shared_path

PAD = " " * 80


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], "ab\ncd\nef"),
        ([(1, 4)], "a \n d\nef"),
        # Unsorted and overlapping spans blank their union; newlines stay.
        ([(6, 7), (0, 2), (1, 5)], "  \n  \n f"),
        ([(3, 3), (5, 2)], "ab\ncd\nef"),
    ],
)
def test_blank(spans: list[tuple[int, int]], expected: str) -> None:
    assert blank("ab\ncd\nef", spans) == expected


def test_blank_offsets_outside_the_text_index_as_a_list() -> None:
    assert blank("abcd", [(-2, 0)]) == "ab  "
    with pytest.raises(IndexError):
        blank("abcd", [(2, 9)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and then we --", True),
        ("we were going to…  \n", True),
        ("so...\u2028", True),
        ("up 5% – ", True),
        ("a -- b", False),
        ("the end.", False),
        ("-", False),
        ("", False),
    ],
)
def test_is_cut_off(text: str, expected: bool) -> None:
    assert is_cut_off(text) is expected
    assert bool(re.search(r"(?:--|—|–|\.\.\.|…)\s*$", text)) is expected  # the rule itself


@pytest.mark.parametrize("universal", [False, True])
@pytest.mark.parametrize("limit", [0, 1, 2, 5])
def test_lines_limit_is_a_prefix(universal: bool, limit: int) -> None:
    text = "a\nb\r\nc\n\nd"
    assert lines(text, universal=universal, limit=limit) == lines(text, universal=universal)[:limit]


@pytest.mark.parametrize(
    ("line", "label", "rest"),
    [
        ("   Jo Park (00:01:12):  Thanks.", "Jo Park", "Thanks."),
        (PAD + "Jane Doe - CFO: Revenue grew.", "Jane Doe - CFO", "Revenue grew."),
        # A blank label is no label: the leading blanks are never part of it.
        (PAD + "(00:01:12): Hello.", None, None),
        (PAD + "Revenue was up 12% at 10:30 today", None, None),
    ],
)
def test_plain_label_line(line: str, label: str | None, rest: str | None) -> None:
    m = _plain_speakers._LABEL_LINE.fullmatch(line)
    found = _plain_speakers._split_label(m.group("label")) if m else None
    assert (" ".join(m.group("label").split()) if found and m else None) == label
    assert (m.group("rest") if found and m else None) == rest


def test_plain_sniff_then_parse_share_one_scan() -> None:
    text = "\n".join(
        [
            "Operator: Welcome to the quarterly earnings call.",
            PAD + "Revenue grew in the quarter; margin and guidance were raised.",
            "Jane Doe: Revenue was $10 million and gross margin rose.",
            "John Roe: What is the outlook for the fiscal year?",
            "Jane Doe: We expect growth in sales and operating income.",
        ]
    )
    doc = document_from_text(text)
    assert plain.LAYOUT.sniff(doc) == 0.5
    call = plain.LAYOUT.parse(doc)
    assert [t.speaker for t in call.turns] == ["Operator", "Jane Doe", "John Roe", "Jane Doe"]
    assert _plain_speakers._scan(text) is _plain_speakers._scan(text)  # cached, and immutable
    with pytest.raises(TypeError):
        _plain_speakers._scan(text).headings[0] = None  # type: ignore[index]


@pytest.mark.parametrize(
    ("line", "name", "rest"),
    [
        (PAD + "Operator: Good morning.", "Operator", "Good morning."),
        ("JANE FRASER: Thank you, Jenn", "JANE FRASER", "Thank you, Jenn"),
        (PAD + ": Hello.", "", "Hello."),
        (PAD + "The meeting starts at 10:30 and runs long", None, None),
    ],
)
def test_companypdf_inline(line: str, name: str | None, rest: str | None) -> None:
    m = _companypdf_headings._INLINE.fullmatch(line)
    assert ((m.group("name"), m.group("rest")) if m else (None, None)) == (name, rest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Cross, Group Finance Director", ("Anna Cross", "Group Finance Director", None)),
        ("Guy Stebbings – BNP Paribas Exane", ("Guy Stebbings", None, "BNP Paribas Exane")),
        ("anna cross, Group Finance Director", None),  # a name starts with a capital
        ("Anna Cross Group Finance Director", None),  # no separator
    ],
)
def test_suffix_heading(text: str, expected: tuple[str, str | None, str | None] | None) -> None:
    got = _companypdf_names._suffix_heading(text)
    assert (got[:3] if got else None) == expected


@pytest.mark.parametrize(
    ("lines_", "need", "expected"),
    [
        (["Operator: Hello.", "JANE DOE: Hi.", "JOHN ROE: Hello."], 3, True),
        (["Operator: Hello.", "JANE DOE: Hi."], 3, False),
        # A bare name counts only from its third line, then all three count.
        (["Jane Doe", "text.", "Jane Doe", "text.", "Jane Doe"], 3, True),
        (["Jane Doe", "text.", "Jane Doe", "text."], 1, False),
        # Two columns: a name, a run of blanks, the speech.
        (["Jane Doe      Hello.", "Jane Doe      Yes.", "Jane Doe      No."], 3, True),
        (["Jane Doe Hello.", "Jane Doe Yes.", "Jane Doe No."], 1, False),
    ],
)
def test_speaker_evidence(lines_: list[str], need: int, expected: bool) -> None:
    assert _companypdf_headings._has_speaker_evidence(lines_, need) is expected


def test_furniture_spans_are_a_fresh_list_each_time() -> None:
    bodies = ["Revenue rose.", "Costs fell.", "We grew.", "Thanks all."]
    text = "\f".join(f"ACME Corp\n{body}\nPage {i}" for i, body in enumerate(bodies, 1))
    first = page_furniture_spans(text)
    first.clear()  # the caller's list to change: the cached answer stays whole
    found = [text[a:b] for a, b in page_furniture_spans(text)]
    page_ends = [["ACME Corp", f"Page {i}"] for i in range(1, 5)]
    assert found == [*page_ends[0], "\f", *page_ends[1], "\f", *page_ends[2], "\f", *page_ends[3]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jane Doe: Hi.\nCopyright policy: see site.\nMore.", "Jane Doe: Hi.\n"),
        # The first line naming a copyright does not match the rule; the next one does.
        (
            "Jane Doe: Hi.\nWe own the copyright of\nall rights reserved",
            "Jane Doe: Hi.\nWe own the copyright of",
        ),
        ("Jane Doe: Hi.\nNo trailer here.", "Jane Doe: Hi.\nNo trailer here."),
        # "İ" lower-cases to two characters: offsets in the lower-cased text shift.
        ("İlker Doe: Hi.\nİ\nCOPYRIGHT 2018.\nMore.", "İlker Doe: Hi.\nİ\n"),
        ("Jane Doe: Hi.\nTHE INFORMATION CONTAINED HEREIN is", "Jane Doe: Hi.\n"),
    ],
)
def test_seekingalpha_trailer(text: str, kept: str) -> None:
    out = _blank_trailer(text)
    assert len(out) == len(text)
    assert out.rstrip() == kept.rstrip()


def test_furniture_on_a_layout_fixture() -> None:
    path = shared_path("company-pdf-text/qec_deb_2023_1Q.pdftotext-layout.txt")
    text = path.read_text()
    spans = page_furniture_spans(text)
    assert spans == sorted(spans)
    assert all(text[a:b].strip() or text[a:b] == "\f" for a, b in spans)
    assert _companypdf_headings._has_speaker_evidence(text.split("\n"), 3)


@pytest.mark.parametrize(
    ("gate", "letters"),
    [
        (_companypdf_headings._SECTION_FIRST, "qmpo"),
        (_companypdf_headings._DISCLAIMER_FIRST, "dilfcst"),
        (_companypdf_headings._SLIDE_FIRST, "spc"),
    ],
)
def test_first_letter_gates_hold_every_case_partner(gate: frozenset[str], letters: str) -> None:
    # Every character re.IGNORECASE matches to one of the patterns' first letters.
    first = re.compile(f"[{letters}]", re.IGNORECASE)
    assert gate == {chr(c) for c in range(0x110000) if first.fullmatch(chr(c))}


@pytest.mark.parametrize(
    ("raw", "section", "hint"),
    [
        ("Question-and-Answer Session", "qa", None),
        ("  MANAGEMENT DISCUSSION SECTION  ", "presentation", None),
        ("Q", None, "analyst"),
        ("   A  ", None, "executive"),
        ("Quarterly revenue rose.", None, None),
    ],
)
def test_scanner_headings_and_markers(raw: str, section: str | None, hint: str | None) -> None:
    found = _companypdf_headings._Scanner(lines(raw), 0)
    found._line(0)
    assert [kind.value for _, kind in found.sections] == ([section] if section else [])
    assert (found.hint.value if found.hint else None) == hint


def test_lowered_text_pre_checks_use_letters_without_non_ascii_partners() -> None:
    # motleyfool, seekingalpha and capiq look for these pieces in ``text.lower()`` before a
    # case-insensitive regex: only exact when no other character matches their letters.
    from callscope.parse import motleyfool, seekingalpha

    pieces = (*motleyfool._SIGNATURE_WORDS, *seekingalpha._TRAILER_PIECES, "call part")
    letters = "".join(sorted({ch for piece in pieces for ch in piece if ch.isalpha()}))
    assert letters == "aceflmnoprty"
    partners = re.compile(f"[{letters}]", re.IGNORECASE)
    matched = {chr(c) for c in range(0x110000) if partners.fullmatch(chr(c))}
    assert matched == set(letters) | set(letters.upper())
