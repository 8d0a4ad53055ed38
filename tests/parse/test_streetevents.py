"""The Thomson Reuters StreetEvents layout: made-up excerpts and the real fixture."""

from __future__ import annotations

import datetime as dt

import pytest

from callscope.errors import ParseError
from callscope.model.call import Call, FiscalPeriod, Participant, Role, SectionKind
from callscope.parse import detect
from callscope.parse._read import document_from_text, read_document
from callscope.parse.streetevents import LAYOUT
from tests.conftest import shared_path

E, A, OP, OT = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR, Role.OTHER
P, Q = SectionKind.PRESENTATION, SectionKind.QA
RULE = "=" * 80
LINE = "-" * 80

EXCERPT = f"""\
FINAL TRANSCRIPT
Thomson StreetEvents

ACME - Q2 2006 Acme Corp Earnings Conference Call
Event Date/Time: Jul. 20. 2006 / 11:00AM ET

{RULE}
Corporate Participants
{RULE}

 * Jane Roe
   Acme Corp - CEO
 * John Smith, Jr.
   Acme Corp - SVP - Finance

{RULE}
Conference Call Participiants
{RULE}

 * Ann Lee
   Big Bank, Inc. - Analyst

{RULE}
Presentation
{LINE}
Operator    [1]
{LINE}
Welcome to the Acme call.

{LINE}
Jane Roe,  Acme Corp - CEO    [2]
{LINE}
Sales grew 5%.
Thank you.

{RULE}
Questions and Answers
{LINE}
Operator    [3]
{LINE}
Our first question is from Ann Lee.

{LINE}
Ann Lee,  Big Bank, Inc. - Analyst    [4]
{LINE}
\tHow was June?

{LINE}
John Smith, Jr.,  Acme Corp - SVP - Finance    [5]
{LINE}
Strong.

{LINE}
Unidentified Audience Member    [6]
{LINE}
And July?

{LINE}
Bob Vance,  Acme Corp - Treasurer    [7]
{LINE}
Also strong.

{LINE}
Definitions
{LINE}
PRELIMINARY TRANSCRIPT: a made-up definition.

Copyright 2006 Thomson Financial. All Rights Reserved.
"""


def _parse(text: str) -> Call:
    return LAYOUT.parse(document_from_text(text, "acme.txt"))


def test_excerpt_metadata() -> None:
    meta = _parse(EXCERPT).metadata
    assert meta.publisher == "Thomson Reuters StreetEvents"
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Corp",
        "ACME",
        None,
    )
    assert meta.title == "Q2 2006 Acme Corp Earnings Conference Call"
    assert meta.fiscal_period == FiscalPeriod("Q2 2006", 2006, 2)
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2006, 7, 20), dt.time(15, 0))


def test_excerpt_participants() -> None:
    assert _parse(EXCERPT).participants == (
        Participant("Jane Roe", E, "CEO", "Acme Corp"),
        Participant("John Smith, Jr.", E, "SVP - Finance", "Acme Corp"),
        Participant("Ann Lee", A, "Analyst", "Big Bank, Inc."),
        Participant("Operator", OP),
        Participant("Unidentified Audience Member", A),
        Participant("Bob Vance", E, "Treasurer", "Acme Corp"),
    )


def test_excerpt_turns_and_exchanges() -> None:
    call = _parse(EXCERPT)
    assert [(t.speaker, t.role, t.section, t.text) for t in call.turns] == [
        ("Operator", OP, P, "Welcome to the Acme call."),
        ("Jane Roe", E, P, "Sales grew 5%. Thank you."),
        ("Operator", OP, Q, "Our first question is from Ann Lee."),
        ("Ann Lee", A, Q, "How was June?"),
        ("John Smith, Jr.", E, Q, "Strong."),
        ("Unidentified Audience Member", A, Q, "And July?"),
        ("Bob Vance", E, Q, "Also strong."),
    ]
    assert [(x.analyst, x.answerers) for x in call.exchanges] == [
        ("Ann Lee", ("John Smith, Jr.",)),
        ("Unidentified Audience Member", ("Bob Vance",)),
    ]
    assert "Definitions" not in call.text and "Copyright" not in call.text
    assert len(call.text) == len(EXCERPT)


def test_without_qa_heading_the_builder_infers_qa() -> None:
    text = EXCERPT.replace(f"{RULE}\nQuestions and Answers\n", "")
    call = _parse(text)
    assert [t.section for t in call.turns] == [P, P, Q, Q, Q, Q, Q]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EXCERPT, 1.0),
        (EXCERPT.replace("Thomson StreetEvents", "Some Publisher"), 0.6),
        (f"{RULE}\nEarnings Call Transcript\n{RULE}\nOperator: Hello.\n", 0.0),
        ('{"speaker": "Operator"}', 0.0),
    ],
)
def test_sniff(text: str, expected: float) -> None:
    assert LAYOUT.sniff(document_from_text(text)) == pytest.approx(expected)


def test_no_turn_headings_is_a_parse_error() -> None:
    text = f"Thomson StreetEvents\n{RULE}\nCorporate Participants\n{RULE}\n * Jane Roe\n"
    with pytest.raises(ParseError, match="speaker headings"):
        _parse(text)


HANOVER = "streetevents/Hanover_Capital_Mortgage_Q4_2004_update_call_2005-04-01.txt"


def test_detect_picks_streetevents() -> None:
    layout, score = detect(read_document(shared_path(HANOVER)))
    assert (layout.name, score) == ("streetevents", 1.0)


def test_real_fixture() -> None:
    call = LAYOUT.parse(read_document(shared_path(HANOVER)))
    meta = call.metadata
    assert meta.company.name == "Hanover Capital Mortgage Holdings"
    assert meta.fiscal_period == FiscalPeriod("2004 Fourth-Quarter", 2004, 4)
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2005, 4, 1), dt.time(16, 0))
    firm = "Hanover Capital Mortgage Holdings"
    assert call.participants == (
        Participant("John Burchett", E, "CEO", firm),
        Participant("Irma Tavares", E, "COO", firm),
        Participant("Holly Loux", E, "CFO", firm),
        Participant("Joe Stieven", A, "Analyst", "Stifel Nicolaus and Company"),
        Participant("Operator", OP),
    )
    assert len(call.turns) == 20
    assert [t.speaker for t in call.turns[:5]] == [
        "Operator",
        "John Burchett",
        "Operator",
        "Joe Stieven",
        "John Burchett",
    ]
    previous_end = 0
    for turn in call.turns:
        assert previous_end <= turn.span.start < turn.span.end <= len(call.text)
        previous_end = turn.span.end
        assert "Thomson Reuters" not in turn.text and "-----" not in turn.text
    assert [(s.kind, s.first_turn, s.last_turn) for s in call.sections] == [(P, 0, 1), (Q, 2, 19)]
    assert [(x.analyst, x.firm, x.answerers) for x in call.exchanges] == [
        ("Joe Stieven", "Stifel Nicolaus and Company", ("John Burchett",))
    ]
    assert call.turns[-1].text == (
        "This concludes today's conference. Thank you for your participation."
    )
