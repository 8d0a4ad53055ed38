"""The Seeking Alpha layout: made-up excerpts, the real fixtures, the JPM gold, the example."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import callscope
from callscope.errors import ParseError
from callscope.model.call import Call, Participant, Role, SectionKind
from callscope.parse import detect
from callscope.parse._read import document_from_text, read_document
from callscope.parse.seekingalpha import LAYOUT
from tests.conftest import GOLD, shared_path

E, A, OP = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR
P, Q = SectionKind.PRESENTATION, SectionKind.QA

CLASSIC = """\
Acme Widgets, Inc. (NYSE:ACME) Q3 2018 Results Earnings Conference Call October 25, 2018  8:30 AM ET
Executives
Jane Roe - Chief Executive Officer
Bob Stone – CFO
Analysts
Ann Lee - Big Bank Securities (NYSE:USA) LLC
Carl Fox - Fox Research
Operator
Good morning and welcome to the Acme call.
Jane Roe
Thank you. Revenue grew 10%.
Thank you.
Bob Stone
Margins were 20%.
Question-and-Answer Session
Operator
Our first question comes from Ann Lee.
Ann Lee
Hi. How is demand?
Jane Roe
Strong.
Ann Lee
Thank you.
Operator
Next is Dan Moss with Moss Capital.
Dan Moss
What about pricing?
Bob Stone
Stable.
Unidentified Analyst
One more on costs?
Jane Roe
Flat.
"""


def _parse(text: str, source: str) -> Call:
    # Straight to this layout, so the test does not depend on the other layouts.
    return LAYOUT.parse(document_from_text(text, source))


def _summary(call: Call) -> list[tuple[str, Role, SectionKind, str]]:
    return [(t.speaker, t.role, t.section, t.text) for t in call.turns]


def test_classic_layout_participants() -> None:
    call = _parse(CLASSIC, "acme.txt")
    assert call.layout == "seekingalpha"
    assert call.participants == (
        Participant("Jane Roe", E, "Chief Executive Officer", "Acme Widgets, Inc."),
        Participant("Bob Stone", E, "CFO", "Acme Widgets, Inc."),
        Participant("Ann Lee", A, None, "Big Bank Securities (USA) LLC"),
        Participant("Carl Fox", A, None, "Fox Research"),
        Participant("Operator", OP),
        Participant("Dan Moss", A),
        Participant("Unidentified Analyst", A),
    )


def test_classic_layout_metadata() -> None:
    meta = _parse(CLASSIC, "acme.txt").metadata
    assert meta.publisher == "Seeking Alpha"
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets, Inc.",
        "ACME",
        "NYSE",
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q3 2018"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2018, 10, 25), dt.time(12, 30))
    assert meta.title == "Acme Widgets, Inc. (NYSE:ACME) Q3 2018 Results Earnings Conference Call"


def test_classic_layout_turns() -> None:
    call = _parse(CLASSIC, "acme.txt")
    assert _summary(call) == [
        ("Operator", OP, P, "Good morning and welcome to the Acme call."),
        ("Jane Roe", E, P, "Thank you. Revenue grew 10%. Thank you."),
        ("Bob Stone", E, P, "Margins were 20%."),
        ("Operator", OP, Q, "Our first question comes from Ann Lee."),
        ("Ann Lee", A, Q, "Hi. How is demand?"),
        ("Jane Roe", E, Q, "Strong."),
        ("Ann Lee", A, Q, "Thank you."),
        ("Operator", OP, Q, "Next is Dan Moss with Moss Capital."),
        ("Dan Moss", A, Q, "What about pricing?"),
        ("Bob Stone", E, Q, "Stable."),
        ("Unidentified Analyst", A, Q, "One more on costs?"),
        ("Jane Roe", E, Q, "Flat."),
    ]
    assert [(x.analyst, x.answerers) for x in call.exchanges] == [
        ("Ann Lee", ("Jane Roe",)),
        ("Dan Moss", ("Bob Stone",)),
        ("Unidentified Analyst", ("Jane Roe",)),
    ]


# 2019 exports: new headings, speaker lines that repeat "Name - Firm", no Q&A heading,
# and Seeking Alpha's closing disclaimer.
VARIANT_2019 = """\
Globex Corp. (NASDAQ:GBX) Q4 2018 Earnings Conference Call January 30, 2019  5:00 PM ET
Company Participants
Ed Park - Globex Corp.
Fay Wu - VP, IR
Conference Call Participants
Gil Ray - Ray & Co.
Operator
Welcome to the Globex call.
Fay Wu - Globex Corp.
Thanks. Ed?
Ed Park - Globex Corp.
Sales rose.
Operator
First up is Gil Ray.
Gil Ray - Ray & Co.
Good Morning
How big is the backlog?
Ed Park - Globex Corp.
Big.
Hal Ode - Globex Corp.
Adding to that, very big.
Copyright policy: All Rights Reserved.
THE INFORMATION CONTAINED HERE IS A TEXTUAL REPRESENTATION OF THE CALL.
"""


def test_2019_variant() -> None:
    call = _parse(VARIANT_2019, "globex.txt")
    assert call.participants == (
        Participant("Ed Park", E, None, "Globex Corp."),
        Participant("Fay Wu", E, "VP, IR", "Globex Corp."),
        Participant("Gil Ray", A, None, "Ray & Co."),
        Participant("Operator", OP),
        Participant("Hal Ode", E, None, "Globex Corp."),
    )
    assert _summary(call) == [
        ("Operator", OP, P, "Welcome to the Globex call."),
        ("Fay Wu", E, P, "Thanks. Ed?"),
        ("Ed Park", E, P, "Sales rose."),
        ("Operator", OP, Q, "First up is Gil Ray."),
        ("Gil Ray", A, Q, "Good Morning How big is the backlog?"),
        ("Ed Park", E, Q, "Big."),
        ("Hal Ode", E, Q, "Adding to that, very big."),
    ]
    assert "Copyright" not in call.text and len(call.text) == len(VARIANT_2019)
    assert call.warnings == ("no Question-and-Answer heading; Q&A inferred from the first analyst",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CLASSIC, 1.0),
        (VARIANT_2019, 0.85),
        ("Operator\nHello.\nJane Roe\nHi.\n", 0.0),
        ('{"speaker": "Operator"}', 0.0),
    ],
)
def test_sniff(text: str, expected: float) -> None:
    assert LAYOUT.sniff(document_from_text(text)) == pytest.approx(expected)


def test_missing_title_line_is_a_parse_error() -> None:
    text = "Executives\nJane Roe - CEO\nOperator\nHello there.\n"
    with pytest.raises(ParseError, match="EXCHANGE:TICKER"):
        _parse(text, "bad.txt")


def test_no_speakers_is_a_parse_error() -> None:
    text = "Acme (NYSE:ACME) Q1 2018 Earnings Call May 1, 2018\nExecutives\nJane Roe - CEO\n"
    with pytest.raises(ParseError, match="no speaker lines"):
        _parse(text, "bad.txt")


FIXTURES = [
    "CT_BA_2018_q1.txt",
    "CT_FB_2018_q2.txt",
    "CT_GE_2018_q4.txt",
    "CT_HOG_2018_q2.txt",
    "CT_JPM_2018_q2.txt",
    "CT_PSX_2018_q4.txt",
    "CT_TIF_2018_q3.txt",
]


@pytest.mark.parametrize("name", FIXTURES)
def test_detect_picks_seekingalpha(name: str) -> None:
    layout, score = detect(read_document(shared_path(f"seeking-alpha/{name}")))
    assert (layout.name, score) == ("seekingalpha", 1.0)


@pytest.mark.parametrize("name", FIXTURES)
def test_real_fixture(name: str) -> None:
    call = LAYOUT.parse(read_document(shared_path(f"seeking-alpha/{name}")))
    assert call.metadata.publisher == "Seeking Alpha"
    assert call.metadata.company.ticker == name.split("_")[1]
    assert any(p.role is Role.EXECUTIVE for p in call.participants)
    assert all(p.role is not Role.OTHER for p in call.participants)
    previous_end = 0
    for turn in call.turns:
        assert previous_end <= turn.span.start < turn.span.end <= len(call.text)
        previous_end = turn.span.end
        assert turn.text
        assert "Question-and-Answer Session" not in turn.text
        assert not turn.text.startswith(("Copyright", "THE INFORMATION CONTAINED"))
    assert [s.kind for s in call.sections] == [SectionKind.PRESENTATION, SectionKind.QA]
    assert len(call.exchanges) >= 10
    assert all(x.answerers for x in call.exchanges)


@pytest.mark.parametrize(
    ("name", "turns", "exchanges"),
    [
        ("CT_BA_2018_q1.txt", 100, 12),
        ("CT_FB_2018_q2.txt", 66, 14),
        ("CT_GE_2018_q4.txt", 98, 12),
        ("CT_HOG_2018_q2.txt", 112, 13),
        ("CT_PSX_2018_q4.txt", 87, 13),
        ("CT_TIF_2018_q3.txt", 86, 15),
    ],
)
def test_real_fixture_counts(name: str, turns: int, exchanges: int) -> None:
    # Counted by hand from the speaker lines of each file.
    call = LAYOUT.parse(read_document(shared_path(f"seeking-alpha/{name}")))
    assert (len(call.turns), len(call.exchanges)) == (turns, exchanges)


def _starts(text: str, prefix: str) -> bool:
    return " ".join(text.split()).startswith(" ".join(prefix.split()))


def test_jpm_gold() -> None:
    path = shared_path("seeking-alpha/CT_JPM_2018_q2.txt")
    gold = json.loads((GOLD / "CT_JPM_2018_q2.gold.json").read_text(encoding="utf-8"))
    call = LAYOUT.parse(read_document(path))
    meta = call.metadata
    assert meta.fiscal_period is not None
    assert {
        "publisher": meta.publisher,
        "company": meta.company.name,
        "ticker": meta.company.ticker,
        "exchange": meta.company.exchange,
        "fiscal_period": meta.fiscal_period.label,
        "call_datetime": f"{meta.call_date}T{meta.call_time_utc}Z",
    } == gold["metadata"]
    assert [
        {"name": p.name, "role": p.role.value, "title": p.title, "firm": p.firm}
        for p in call.participants
    ] == gold["participants"]
    assert [(t.speaker, t.role.value, t.section.value) for t in call.turns] == [
        (g["speaker"], g["role"], g["section"]) for g in gold["turns"]
    ]
    assert all(
        _starts(t.text, g["starts_with"]) for t, g in zip(call.turns, gold["turns"], strict=True)
    )
    assert [(x.analyst, x.firm, list(x.answerers)) for x in call.exchanges] == [
        (g["analyst"], g["firm"], g["answerers"]) for g in gold["exchanges"]
    ]
    assert all(
        _starts(call.turns[x.question_turns[0]].text, g["question_starts_with"])
        for x, g in zip(call.exchanges, gold["exchanges"], strict=True)
    )


EXAMPLE = Path(callscope.__file__).parent / "examples" / "northwind-2025-q2-seekingalpha.txt"


def test_bundled_example() -> None:
    call = LAYOUT.parse(read_document(EXAMPLE))
    assert call.layout == "seekingalpha"
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker) == ("Northwind Robotics, Inc.", "NWRB")
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q2 2025"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2025, 8, 5), dt.time(21, 0))
    firm = "Northwind Robotics, Inc."
    assert call.participants == (
        Participant("Priya Raman", E, "Vice President of Investor Relations", firm),
        Participant("Maya Lindqvist", E, "CEO & Co-Founder", firm),
        Participant("Daniel Okafor", E, "Chief Financial Officer", firm),
        Participant("Tom Becker", A, None, "Halvorsen Securities, Research Division"),
        Participant("Lucia Ferraro", A, None, "Brightwater Capital LLC"),
        Participant("Kenji Watanabe", A, None, "Marlow & Finch, Research Division"),
        Participant("Sarah Cho", A, None, "Eastgate Partners"),
        Participant("Operator", OP),
    )
    assert [(s.kind, s.first_turn, s.last_turn) for s in call.sections] == [(P, 0, 3), (Q, 4, 36)]
    assert [(x.analyst, x.answerers, len(x.question_turns)) for x in call.exchanges] == [
        ("Tom Becker", ("Daniel Okafor", "Maya Lindqvist"), 3),
        ("Lucia Ferraro", ("Maya Lindqvist", "Daniel Okafor"), 2),
        ("Kenji Watanabe", ("Maya Lindqvist", "Daniel Okafor"), 3),
        ("Sarah Cho", ("Maya Lindqvist", "Daniel Okafor"), 3),
        ("Tom Becker", ("Daniel Okafor", "Maya Lindqvist"), 2),
    ]
    quotes = " ".join(t.text for t in call.turns)
    for fact in (
        "$205.1 million",
        "640 Tern robots a week",
        "we remain on track for 1,000 robots a week by year-end",
        "$820 million to $860 million",
        "we'll talk about 2026 when we get there",
        "Leipzig facility in early July",
    ):
        assert fact in quotes
