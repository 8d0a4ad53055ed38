"""Every real transcript under ../shared/fixtures parses into a sound call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from callscope.model.call import Role, SectionKind
from callscope.parse import parse_file
from tests.conftest import FIXTURES

ALL = sorted(p for p in FIXTURES.rglob("*") if p.is_file()) if FIXTURES.exists() else []
# Files with no speaker marks at all: structure is degraded by design (one unknown speaker).
UNMARKED = {"ectsum"}
# Text that is page furniture or boilerplate, never speech.
FURNITURE = re.compile(
    r"^(?:page \d+|\d+|copyright\b.*|©.*|.*all rights reserved\.?|[.\-=_ ]{10,})$", re.IGNORECASE
)
# Q&A openings: a file whose text contains one has a Q&A section.
QA_MARK = re.compile(r"question[- ]and[- ]answer|questions and answers|first question", re.I)


def _id(path: Path) -> str:
    return str(path.relative_to(FIXTURES))


@pytest.mark.skipif(not ALL, reason=f"{FIXTURES} is absent")
@pytest.mark.parametrize("path", ALL, ids=_id)
def test_fixture_parses_soundly(path: Path) -> None:
    call = parse_file(path)
    assert call.turns, "no turns"
    previous_end = 0
    for turn in call.turns:
        assert 0 <= turn.span.start < turn.span.end <= len(call.text)
        assert turn.span.start >= previous_end, f"turn {turn.index} overlaps the one before"
        previous_end = turn.span.end
        assert not FURNITURE.match(turn.text), f"turn {turn.index} is furniture: {turn.text!r}"
    if UNMARKED & set(path.relative_to(FIXTURES).parts):
        assert call.warnings
        return
    assert any(p.role is Role.EXECUTIVE for p in call.participants), "no executive"
    if QA_MARK.search(call.text):
        assert any(t.section is SectionKind.QA for t in call.turns), "no Q&A section"
        assert call.exchanges, "Q&A without exchanges"
