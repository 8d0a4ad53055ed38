"""The S&P Capital IQ layout: made-up excerpts, the Tesla fixture and gold, the example."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from callscope.errors import ParseError
from callscope.model.call import Call, Estimate, Participant, Role, SectionKind
from callscope.model.codec import call_to_dict
from callscope.parse._read import document_from_text, read_document
from callscope.parse.capiq import LAYOUT, _number
from tests.conftest import FIXTURES, GOLD, shared_path

E, A, OP = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR
P, Q = SectionKind.PRESENTATION, SectionKind.QA
T = "\t"

HEADER = f"""\

CONTENTS

CALL PARTICIPANTS 2
PRESENTATION 3

Acme Widgets Corp. NYSE:ACME

FQ3 2024 Earnings Call Transcripts

Thursday, October 24, 2024 8:30 PM GMT

S&P Capital IQ Estimates

{T}-FQ3 2024-{T}{T}{T}-FY 2024-
{T}CONSENSUS{T}ACTUAL{T}SURPRISE{T}CONSENSUS
EPS Normalized{T}(0.50){T}0.25{T}NM{T}1,200.5
Revenue (mm){T}410.00{T}NM{T}-{T}(3.00)

Currency: USD

"""

# The participant list as the PDF's two columns garble it: a name glued to the end of a title
# line, two firms on one line, a firm split across lines.
GARBLED = (
    HEADER
    + """\
Call Participants

EXECUTIVES

Jane Q. Doe

Chief Executive Officer

John Smith Chief Financial Officer

Ann Lee

Head of Investor Relations Bob Stone

ANALYSTS

Carl Diaz

Foo Capital, Research Division Bar Bank AG, Research

Eve Park

Division

Qux Partners,

LLC

Presentation

Operator

Welcome to the Acme call.

Ann Lee

Head of Investor Relations

Thanks. Jane?

Jane Q. Doe

Chief Executive Officer

Sales rose 5%.

Question and Answer

Operator

First question from Carl Diaz.

Carl Diaz

Foo Capital, Research Division

How are margins?

John Smith

Chief Financial Officer

They improved.

Operator

Next, Bob Stone.

Bob Stone

Bar Bank AG, Research Division

And research costs?

John Smith

Chief Financial Officer Research spending fell.

Operator

Next, Eve Park.

Eve Park

Qux Partners, LLC

Any word on pricing?

Jane Q. Doe

Chief Executive Officer

Stable.

The information in the transcripts ("Content") is provided for illustration.
"""
)


def _parse(text: str, name: str = "excerpt.txt") -> Call:
    return LAYOUT.parse(document_from_text(text, name))


def _turns(call: Call) -> list[tuple[str, Role, SectionKind, str]]:
    return [(t.speaker, t.role, t.section, t.text) for t in call.turns]


def test_garbled_list_is_repaired_from_the_body_headings() -> None:
    call = _parse(GARBLED)
    firm = "Acme Widgets Corp."
    assert sorted(call.participants, key=lambda p: p.name) == [
        Participant("Ann Lee", E, "Head of Investor Relations", firm),
        Participant("Bob Stone", A, None, "Bar Bank AG, Research Division"),
        Participant("Carl Diaz", A, None, "Foo Capital, Research Division"),
        Participant("Eve Park", A, None, "Qux Partners, LLC"),
        Participant("Jane Q. Doe", E, "Chief Executive Officer", firm),
        Participant("John Smith", E, "Chief Financial Officer", firm),
        Participant("Operator", OP),
    ]


def test_turns_sections_and_speech_run_on_a_title_line() -> None:
    call = _parse(GARBLED)
    assert _turns(call) == [
        ("Operator", OP, P, "Welcome to the Acme call."),
        ("Ann Lee", E, P, "Thanks. Jane?"),
        ("Jane Q. Doe", E, P, "Sales rose 5%."),
        ("Operator", OP, Q, "First question from Carl Diaz."),
        ("Carl Diaz", A, Q, "How are margins?"),
        ("John Smith", E, Q, "They improved."),
        ("Operator", OP, Q, "Next, Bob Stone."),
        ("Bob Stone", A, Q, "And research costs?"),
        # The title is the speaker's usual one, though "Research" is a listed word too.
        ("John Smith", E, Q, "Research spending fell."),
        ("Operator", OP, Q, "Next, Eve Park."),
        ("Eve Park", A, Q, "Any word on pricing?"),
        ("Jane Q. Doe", E, Q, "Stable."),
    ]
    assert [(x.analyst, x.firm, x.answerers) for x in call.exchanges] == [
        ("Carl Diaz", "Foo Capital, Research Division", ("John Smith",)),
        ("Bob Stone", "Bar Bank AG, Research Division", ("John Smith",)),
        ("Eve Park", "Qux Partners, LLC", ("Jane Q. Doe",)),
    ]


def test_metadata_and_estimates() -> None:
    call = _parse(GARBLED)
    meta = call.metadata
    assert meta.publisher == "S&P Capital IQ"
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets Corp.",
        "ACME",
        "NYSE",
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "FQ3 2024"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2024, 10, 24), dt.time(20, 30))
    assert call.estimates == (
        Estimate("EPS Normalized", "FQ3 2024", -0.5, 0.25),
        Estimate("EPS Normalized", "FY 2024", 1200.5, None),
        Estimate("Revenue (mm)", "FQ3 2024", 410.0, None),
        Estimate("Revenue (mm)", "FY 2024", -3.0, None),
    )


def test_estimates_without_tabs() -> None:
    table = HEADER.replace("\t", "    ").replace("FY 2024", "FY 2025")
    call = _parse(table + GARBLED[len(HEADER) :])
    assert call.estimates[:2] == (
        Estimate("EPS Normalized", "FQ3 2024", -0.5, 0.25),
        Estimate("EPS Normalized", "FY 2025", 1200.5, None),
    )


@pytest.mark.parametrize(
    ("cell", "value"),
    [("(1.92)", -1.92), ("2,496.05", 2496.05), ("NM", None), ("-", None), ("", None), ("7", 7.0)],
)
def test_number(cell: str, value: float | None) -> None:
    assert _number(cell) == value


CLEAN = """\
Beta Corp NasdaqGS:BETA

FQ1 2023 Earnings Call Transcripts

Call Participants

EXECUTIVES

Mia Rossi

Chief Executive Officer

Leo Grant

General Counsel

ANALYSTS

Sam Novak

Delta Securities

Presentation

Operator

Hello.

Mia Rossi

Chief Executive Officer

We grew.

BETA CORP FQ1 2023 EARNINGS CALL | MAY 02, 2023

Copyright © 2023 S&P Global Market Intelligence, a division of S&P Global Inc. All Rights reserved.

12

.....

We grew again.

Question and Answer

Unidentified Analyst

Is that all?

Mia Rossi

Chief Executive Officer

Yes.

Sam Novak

Delta Securities

Thanks.
"""


def test_furniture_is_blanked_inside_a_turn() -> None:
    call = _parse(CLEAN)
    assert call.turns[1].text == "We grew. We grew again."
    assert len(call.text) == len(CLEAN)
    assert "Copyright" not in call.text and "EARNINGS CALL |" not in call.text


@pytest.mark.parametrize(
    "footer",
    [
        "spglobal.com/marketintelligence 4",
        "WWW.SPCAPITALIQ.COM 4",
        "www.capitaliq.com",
        "COPYRIGHT © 2015, S&P CAPITAL IQ, A PART OF MCGRAW HILL FINANCIAL. ALL RIGHTS RESERVED.",
    ],
)
def test_web_address_and_copyright_footers_are_furniture(footer: str) -> None:
    text = CLEAN.replace("We grew.\n", f"We grew.\n\n{footer}\n", 1)
    assert text != CLEAN
    call = _parse(text)
    assert call.turns[1].text == "We grew. We grew again."


def test_an_upper_case_footer_is_the_publisher_signature() -> None:
    bare = CLEAN.replace("Copyright © 2023 S&P Global Market Intelligence,", "")
    text = bare + "\nCOPYRIGHT © 2015, S&P CAPITAL IQ. ALL RIGHTS RESERVED.\n"
    assert LAYOUT.sniff(document_from_text(bare)) == pytest.approx(0.6)
    assert LAYOUT.sniff(document_from_text(text)) == 1.0


def test_silent_listed_people_and_unlisted_generic_speakers() -> None:
    call = _parse(CLEAN)
    assert call.participant("Leo Grant") == Participant(
        "Leo Grant", E, "General Counsel", "Beta Corp"
    )
    assert call.participant("Unidentified Analyst") == Participant("Unidentified Analyst", A)
    assert [(t.speaker, t.section) for t in call.turns] == [
        ("Operator", P),
        ("Mia Rossi", P),
        ("Unidentified Analyst", Q),
        ("Mia Rossi", Q),
        ("Sam Novak", Q),
    ]


def test_a_firm_the_list_lost_still_makes_a_heading() -> None:
    text = CLEAN.replace(
        "Sam Novak\n\nDelta Securities\n\nThanks.", "Sam Novak\n\nOmega LLC\n\nThanks."
    )
    call = _parse(text)
    assert call.turns[-1].text == "Thanks."
    assert call.participant("Sam Novak") == Participant("Sam Novak", A, None, "Omega LLC")


def test_no_section_heading_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no 'Presentation'"):
        _parse("Beta Corp NasdaqGS:BETA\n\nCall Participants\n\nEXECUTIVES\n\nMia Rossi\n")


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        (GARBLED, True),
        (CLEAN, True),
        ("CORPORATE PARTICIPANTS\nJane Doe\nAcme - CEO\nPRESENTATION\nOperator\nHi.\n", False),
        # A web page's own "Call Participants" heading alone is not enough.
        ("Acme Q3 2024 Earnings Call\n\nCall Participants\n\nOperator\n\nHello.\n", False),
        ('{"speakers": []}', False),
    ],
)
def test_sniff(text: str, claimed: bool) -> None:
    score = LAYOUT.sniff(document_from_text(text))
    assert (score >= 0.8) if claimed else (score < 0.2)


TESLA = "capiq/tesla-2017-q2-capiq.txt"
OTHERS = (
    sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.parent.name != "capiq")
    if FIXTURES.exists()
    else []
)


@pytest.mark.skipif(not OTHERS, reason="the shared fixtures are absent")
@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_files_of_other_layouts_sniff_low(path: Path) -> None:
    assert LAYOUT.sniff(read_document(path)) < 0.2


@pytest.fixture(scope="module")
def tesla() -> Call:
    return LAYOUT.parse(read_document(shared_path(TESLA)))


def test_tesla_is_sound(tesla: Call) -> None:
    assert LAYOUT.sniff(read_document(shared_path(TESLA))) >= 0.8
    assert any(p.role is E for p in tesla.participants)
    previous = 0
    for turn in tesla.turns:
        assert previous <= turn.span.start < turn.span.end <= len(tesla.text)
        previous = turn.span.end
        assert "Capital IQ" not in turn.text and "©" not in turn.text
        assert not turn.text.strip(". ").isdigit()
    assert tesla.exchanges and any(s.kind is Q for s in tesla.sections)


def _gold() -> dict[str, Any]:
    shared_path(TESLA)
    gold: dict[str, Any] = json.loads((GOLD / "tesla-2017-q2-capiq.gold.json").read_text())
    return gold


def test_tesla_matches_the_gold(tesla: Call) -> None:
    gold = _gold()
    got = call_to_dict(tesla)
    assert {k: got["metadata"][k] for k in gold["metadata"]} == gold["metadata"]
    assert got["estimates"] == gold["estimates"]
    assert sorted(got["participants"], key=str) == sorted(gold["participants"], key=str)
    assert [(t["speaker"], t["role"], t["section"]) for t in got["turns"]] == [
        (t["speaker"], t["role"], t["section"]) for t in gold["turns"]
    ]
    for mine, theirs in zip(got["turns"], gold["turns"], strict=True):
        assert " ".join(mine["text"].split()).startswith(theirs["starts_with"])
    assert [(x["analyst"], x["firm"], x["answerers"]) for x in got["exchanges"]] == [
        (x["analyst"], x["firm"], x["answerers"]) for x in gold["exchanges"]
    ]
    for mine, theirs in zip(got["exchanges"], gold["exchanges"], strict=True):
        assert mine["question_starts_with"].startswith(theirs["question_starts_with"])


def test_bundled_example() -> None:
    source = files("callscope") / "examples" / "northwind-2025-q1-capiq.txt"
    doc = document_from_text(source.read_text(encoding="utf-8"), "northwind-2025-q1-capiq.txt")
    assert LAYOUT.sniff(doc) >= 0.8
    call = LAYOUT.parse(doc)
    firm = "Northwind Robotics, Inc."
    assert call.participants == (
        Participant("Daniel Okafor", E, "Chief Financial Officer", firm),
        Participant("Maya Lindqvist", E, "CEO & Co-Founder", firm),
        Participant("Priya Raman", E, "Vice President of Investor Relations", firm),
        Participant("Kenji Watanabe", A, None, "Marlow & Finch, Research Division"),
        Participant("Lucia Ferraro", A, None, "Brightwater Capital LLC"),
        Participant("Sarah Cho", A, None, "Eastgate Partners"),
        Participant("Tom Becker", A, None, "Halvorsen Securities, Research Division"),
        Participant("Operator", OP),
    )
    assert [(s.kind, s.first_turn, s.last_turn) for s in call.sections] == [(P, 0, 3), (Q, 4, 20)]
    assert [(x.analyst, x.question_turns, x.answerers) for x in call.exchanges] == [
        ("Tom Becker", (5, 7), ("Maya Lindqvist", "Daniel Okafor")),
        ("Lucia Ferraro", (10,), ("Daniel Okafor", "Maya Lindqvist")),
        ("Kenji Watanabe", (14,), ("Maya Lindqvist",)),
        ("Sarah Cho", (17,), ("Maya Lindqvist", "Priya Raman")),
    ]
    meta = call.metadata
    assert (meta.company.ticker, meta.fiscal_period and meta.fiscal_period.label) == (
        "NWRB",
        "FQ1 2025",
    )
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2025, 5, 6), dt.time(21, 0))
    assert "Copyright" not in " ".join(t.text for t in call.turns)
    assert call.turns[-1].text.endswith("You may now disconnect.")
