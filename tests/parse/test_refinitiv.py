"""The Refinitiv layout: made-up excerpts, the six real calls, the Iron Mountain gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from callscope.errors import ParseError
from callscope.model.call import Call, Participant, Role, SectionKind
from callscope.model.codec import call_to_dict
from callscope.parse._read import document_from_text, read_document
from callscope.parse.refinitiv import LAYOUT
from tests.conftest import FIXTURES, GOLD, shared_path

E, A, OP = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR
P, Q = SectionKind.PRESENTATION, SectionKind.QA

# Wrapped "Firm - Title" lines wrap at different words in the list and in the body.
EXCERPT = """\
CORPORATE PARTICIPANTS

Jane Q. Doe
Acme Widgets Inc. - President, CEO & Director

John Smith
Acme Widgets Inc. - Executive VP
& CFO
CONFERENCE CALL PARTICIPANTS

Carl Diaz
Foo Capital, Research Division - MD & Head of Industrials Equity
Research

Eve Park
Qux Partners - Analyst
PRESENTATION

Operator
Good morning, and welcome. (Operator Instructions)

Jane Q. Doe
Acme Widgets Inc. - President, CEO & Director
Thank you. Sales rose 5%.
Margins improved.

John Smith
Acme Widgets Inc. - Executive VP & CFO
Thanks, Jane.
QUESTIONS AND ANSWERS

Operator
(Operator Instructions) Our first question comes from Carl Diaz.

Carl Diaz
Foo Capital, Research Division - MD & Head of Industrials
Equity Research
How are margins?

John Smith
Acme Widgets Inc. - Executive VP & CFO
Up 2 points.

Operator
Next question from Eve Park.

Unidentified Analyst
This is Sam for Eve. Any word on pricing?

Jane Q. Doe
Acme Widgets Inc. - President, CEO & Director
Stable - for now.

Operator
Our last question comes from Rob Vance.

Rob Vance
Zeta Research - Analyst
One more - on costs?

Jane Q. Doe
Acme Widgets Inc. - President, CEO & Director
Flat.

Operator
That concludes the call.
DISCLAIMER
Refinitiv reserves the right to make changes to documents without notice.
©2023 Refinitiv. All Rights Reserved.
""".replace("\n\n", "\n \n")  # the export's blank lines hold a space
NAME = "Q4 2023 Acme Widgets Inc Earnings Call.txt"


def _parse(text: str = EXCERPT, name: str = NAME) -> Call:
    return LAYOUT.parse(document_from_text(text, name))


def test_participants() -> None:
    call = _parse()
    firm = "Acme Widgets Inc."
    assert call.participants == (
        Participant("Jane Q. Doe", E, "President, CEO & Director", firm),
        Participant("John Smith", E, "Executive VP & CFO", firm),
        Participant(
            "Carl Diaz",
            A,
            "MD & Head of Industrials Equity Research",
            "Foo Capital, Research Division",
        ),
        Participant("Eve Park", A, "Analyst", "Qux Partners"),
        Participant("Operator", OP),
        Participant("Unidentified Analyst", A),
        Participant("Rob Vance", A, "Analyst", "Zeta Research"),
    )


def test_turns_and_sections() -> None:
    call = _parse()
    assert [(t.speaker, t.role, t.section, t.text) for t in call.turns] == [
        ("Operator", OP, P, "Good morning, and welcome. (Operator Instructions)"),
        ("Jane Q. Doe", E, P, "Thank you. Sales rose 5%. Margins improved."),
        ("John Smith", E, P, "Thanks, Jane."),
        ("Operator", OP, Q, "(Operator Instructions) Our first question comes from Carl Diaz."),
        ("Carl Diaz", A, Q, "How are margins?"),
        ("John Smith", E, Q, "Up 2 points."),
        ("Operator", OP, Q, "Next question from Eve Park."),
        ("Unidentified Analyst", A, Q, "This is Sam for Eve. Any word on pricing?"),
        ("Jane Q. Doe", E, Q, "Stable - for now."),
        ("Operator", OP, Q, "Our last question comes from Rob Vance."),
        ("Rob Vance", A, Q, "One more - on costs?"),
        ("Jane Q. Doe", E, Q, "Flat."),
        ("Operator", OP, Q, "That concludes the call."),
    ]
    assert [(x.analyst, x.firm, x.answerers) for x in call.exchanges] == [
        ("Carl Diaz", "Foo Capital, Research Division", ("John Smith",)),
        ("Unidentified Analyst", None, ("Jane Q. Doe",)),
        ("Rob Vance", "Zeta Research", ("Jane Q. Doe",)),
    ]
    assert "Refinitiv" not in call.text


def test_no_blank_lines_between_entries_or_turns() -> None:
    # An unlisted name ("Rob Vance") is a heading only after a blank line: cut that part.
    text = (
        EXCERPT[: EXCERPT.index("Operator\nOur last")] + EXCERPT[EXCERPT.index("Operator\nThat") :]
    )
    call = _parse(text.replace("\n \n", "\n"))
    expected = _parse(text)
    assert call.participants == expected.participants
    assert [t.speaker for t in call.turns] == [t.speaker for t in expected.turns]
    assert call.turns[1].text == "Thank you. Sales rose 5%. Margins improved."


def test_metadata_takes_what_the_file_says() -> None:
    meta = _parse().metadata
    assert meta.publisher == "Refinitiv"
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets Inc.",
        None,
        None,
    )
    assert meta.fiscal_period is not None
    assert (meta.fiscal_period.label, meta.fiscal_period.quarter) == ("Q4 2023", 4)
    assert (meta.call_date, meta.call_time_utc) == (None, None)
    # A name that is not an event title gives no period.
    assert _parse(name="upload.txt").metadata.fiscal_period is None


def test_pdf_running_header_and_footer() -> None:
    header = "FEBRUARY 01, 2024 / 1:30PM GMT, ACME.N - Q4 2023 Acme Widgets Inc Earnings Call\n"
    footer = "REFINITIV STREETEVENTS | www.refinitiv.com | Contact Us\n"
    body = EXCERPT.replace("Margins improved.\n", f"{header}{footer}7\nMargins improved.\n")
    call = _parse(header + body, name="upload.txt")
    meta = call.metadata
    assert (meta.company.ticker, meta.call_date, meta.call_time_utc) == (
        "ACME",
        dt.date(2024, 2, 1),
        dt.time(13, 30),
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q4 2023"
    assert call.turns[1].text == "Thank you. Sales rose 5%. Margins improved."


def test_pdf_title_page_time_and_wrapped_copyright_footer() -> None:
    # The running header prints no zone; the title page's event line does. The footer's
    # copyright notice wraps onto a line that does not name Refinitiv.
    title_page = (
        "REFINITIV STREETEVENTS\nEDITED TRANSCRIPT\n"
        "ACME.N - Q4 2023 Acme Widgets Inc Earnings Call\n"
        "EVENT DATE/TIME: FEBRUARY 01, 2024 / 1:30PM GMT\n"
    )
    header = "FEBRUARY 01, 2024 / 1:30PM, ACME.N - Q4 2023 Acme Widgets Inc Earnings Call\n"
    footer = (
        "REFINITIV STREETEVENTS | www.refinitiv.com | Contact Us\n"
        "©2024 Refinitiv. All rights reserved. Copying this content is not\n"
        "allowed without consent.\n\n7\n"
    )
    body = EXCERPT.replace("Margins improved.\n", f"{footer}\f{header}\nMargins improved.\n")
    call = _parse(title_page + footer + header + body, name="upload.txt")
    meta = call.metadata
    assert (meta.company.ticker, meta.call_date, meta.call_time_utc) == (
        "ACME",
        dt.date(2024, 2, 1),
        dt.time(13, 30),
    )
    assert call.turns[1].text == "Thank you. Sales rose 5%. Margins improved."


@pytest.mark.parametrize(
    ("after", "kept"),
    [
        ("allowed without consent.\nMargins improved.", "Margins improved."),  # sentence ended
        ("\nMargins improved.", "Margins improved."),  # a blank line ends the notice
    ],
)
def test_copyright_run_on_stops_where_the_notice_ends(after: str, kept: str) -> None:
    footer = "©2024 Refinitiv. All rights reserved. Copying is not\n"
    call = _parse(EXCERPT.replace("Margins improved.\n", f"{footer}{after}\n"))
    assert call.turns[1].text == f"Thank you. Sales rose 5%. {kept}"


def test_no_sections_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no PRESENTATION"):
        _parse("CORPORATE PARTICIPANTS\n \nJane Doe\nAcme - CEO\n")


STREETEVENTS_LIKE = """\
Thomson Reuters StreetEvents Event Transcript
================================================================================
Corporate Participants
================================================================================
 * Jane Doe
   Acme - CEO
"""


@pytest.mark.parametrize(
    ("text", "claimed"),
    [(EXCERPT, True), (STREETEVENTS_LIKE, False), ("Operator\nHello.\n", False), ("[]", False)],
)
def test_sniff(text: str, claimed: bool) -> None:
    score = LAYOUT.sniff(document_from_text(text))
    assert (score >= 0.8) if claimed else (score < 0.2)


FILES = sorted((FIXTURES / "refinitiv").glob("*.txt")) if FIXTURES.exists() else []


@pytest.mark.skipif(not FILES, reason="the shared fixtures are absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_real_calls_are_sound(path: Path) -> None:
    doc = read_document(shared_path(f"refinitiv/{path.name}"))
    assert LAYOUT.sniff(doc) >= 0.8
    call = LAYOUT.parse(doc)
    assert call.metadata.fiscal_period is not None
    assert call.metadata.company.name is not None
    assert any(p.role is E for p in call.participants)
    previous = 0
    for turn in call.turns:
        assert previous <= turn.span.start < turn.span.end <= len(call.text)
        previous = turn.span.end
        assert "Refinitiv" not in turn.text and "DISCLAIMER" not in turn.text
        # A turn never starts with its speaker's own "Firm - Title" line.
        participant = call.participant(turn.speaker)
        if participant is not None and participant.firm:
            assert not turn.text.startswith(participant.firm)
    assert call.exchanges and call.turns[-1].section is Q
    assert all(x.answerers for x in call.exchanges)


OTHERS = (
    sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.parent.name != "refinitiv")
    if FIXTURES.exists()
    else []
)


@pytest.mark.skipif(not OTHERS, reason="the shared fixtures are absent")
@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_files_of_other_layouts_sniff_low(path: Path) -> None:
    assert LAYOUT.sniff(read_document(path)) < 0.2


def _gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(
        (GOLD / "Q3 2022 Iron Mountain Inc Earnings Call.gold.json").read_text()
    )
    return gold


def test_iron_mountain_matches_the_gold() -> None:
    path = shared_path("refinitiv/Q3 2022 Iron Mountain Inc Earnings Call.txt")
    got = call_to_dict(LAYOUT.parse(read_document(path)))
    gold = _gold()
    assert {k: got["metadata"][k] for k in gold["metadata"]} == gold["metadata"]
    assert got["estimates"] == gold["estimates"]
    assert got["participants"] == gold["participants"]
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
