"""The shared line splitter (_lines) and name shapes (_names) the layouts build on."""

from __future__ import annotations

import pytest

from callscope.model.call import Role
from callscope.parse._lines import Line, lines
from callscope.parse._names import (
    GENERIC_SPEAKER,
    PARTICLES,
    generic_role,
    name_shape,
    name_token,
    role_patterns,
)
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("text", "universal", "expected"),
    [
        # At "\n" only: a final newline leaves an empty last line; "\r" stays in raw.
        ("a\nb\n", False, [(1, 0, 1, "a"), (2, 2, 3, "b"), (3, 4, 4, "")]),
        ("", False, [(1, 0, 0, "")]),
        ("x\r\n y ", False, [(1, 0, 2, "x\r"), (2, 3, 6, " y ")]),
        ("p\fq\n", False, [(1, 0, 3, "p\fq"), (2, 4, 4, "")]),
        # As str.splitlines: every boundary, no line after the last break.
        ("a\nb\n", True, [(1, 0, 1, "a"), (2, 2, 3, "b")]),
        ("", True, []),
        ("x\r\n y ", True, [(1, 0, 1, "x"), (2, 3, 6, " y ")]),
        ("p\fq\n", True, [(1, 0, 2, "p\f"), (2, 2, 3, "q")]),
        ("a\rb\u2028c", True, [(1, 0, 1, "a"), (2, 2, 4, "b\u2028"), (3, 4, 5, "c")]),
    ],
)
def test_lines(text: str, universal: bool, expected: list[tuple[int, int, int, str]]) -> None:
    got = lines(text, universal=universal)
    assert [(ln.number, ln.start, ln.end, ln.raw) for ln in got] == expected
    assert all(text[ln.start : ln.end] == ln.raw for ln in got)


@pytest.mark.parametrize(
    ("raw", "text", "start", "end"),
    [("  Jane Doe \t", "Jane Doe", 12, 20), ("Operator", "Operator", 10, 18), ("   ", "", 13, 13)],
)
def test_line_text_and_trimmed(raw: str, text: str, start: int, end: int) -> None:
    line = Line(4, 10, raw)
    assert line.text == text
    assert line.index == 3
    trimmed = line.trimmed()
    assert (trimmed.number, trimmed.start, trimmed.end, trimmed.raw) == (4, start, end, text)


@pytest.mark.parametrize(("universal", "count"), [(False, 1247), (True, 1263)])
def test_lines_on_a_paged_pdf_text(universal: bool, count: int) -> None:
    # pdftotext output: form feeds open pages, so only the universal split breaks at them.
    text = shared_path("company-pdf-text/qec_jpm_2023_1Q.pdftotext.txt").read_text()
    got = lines(text, universal=universal)
    assert len(got) == count
    assert all(text[ln.start : ln.end] == ln.raw for ln in got)


_ACCENTED = name_token(upper="[A-ZÀ-ÖØ-Þ]", particles=(*PARTICLES, r"st\."))


@pytest.mark.parametrize(
    ("name", "one_word", "two_words", "accented"),
    [
        ("Operator", True, False, False),
        ("Elon R. Musk", True, True, True),
        ("J.P. de la Cruz", True, True, True),
        ("Ángel Cabrera", False, False, True),
        ("Jean St. Pierre", True, True, True),
        ("Marc st. Onge", False, False, True),  # the lower-case particle
        ("Thank you.", False, False, False),
        ("A B C D E F G", False, False, False),  # seven words
    ],
)
def test_name_shape(name: str, one_word: bool, two_words: bool, accented: bool) -> None:
    assert bool(name_shape(min_words=1).fullmatch(name)) is one_word
    assert bool(name_shape(min_words=2).fullmatch(name)) is two_words
    assert bool(name_shape(min_words=2, token=_ACCENTED).fullmatch(name)) is accented


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Operator", Role.OPERATOR),
        ("MODERATOR", Role.OPERATOR),
        ("Unidentified Analyst", Role.ANALYST),
        ("Unknown Company Representative", Role.EXECUTIVE),
        ("Unidentified Participant", None),
        ("Jane Doe", None),
        ("Unknown", None),
    ],
)
def test_generic_role(name: str, role: Role | None) -> None:
    assert generic_role(name) is role


@pytest.mark.parametrize(
    ("key", "role"),
    [
        ("unidentified analyst", Role.ANALYST),
        ("unidentified audience member", Role.ANALYST),
        ("corporate participant", Role.EXECUTIVE),
        ("analysts", None),  # whole words only
        ("jane doe", None),
    ],
)
def test_role_patterns(key: str, role: Role | None) -> None:
    patterns = role_patterns(analyst_words=("analyst", "audience"))
    assert next((r for p, r in patterns if p.search(key)), None) is role


def test_generic_speaker_needs_a_word_after_unknown() -> None:
    assert GENERIC_SPEAKER.fullmatch("Unknown Speaker")
    assert not GENERIC_SPEAKER.fullmatch("Unknown")
