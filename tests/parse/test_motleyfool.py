"""The Motley Fool layouts: JSON export, 2025 page, older page (text and HTML)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from callscope.model.call import Call, Participant, Role, SectionKind
from callscope.parse import detect, document_from_text, parse_file, parse_text, read_document
from callscope.parse._motleyfool_cues import (
    company_from_welcome,
    find_handover,
    find_intro,
    names_agree,
    participant_from_line,
)
from callscope.parse.motleyfool import LAYOUT
from tests.conftest import FIXTURES, GOLD, shared_path

PAGE_2025 = """\
======================================================================
Earnings Call Transcript
Company: Acme Widgets (Acme)
Ticker: ACME
Quarter: Q2 2025
Source: motley_fool
URL: https://www.fool.com/earnings/call-transcripts/2025/08/01/acme/
======================================================================

Aug. 1, 2025

CALL PARTICIPANTS

Chief Executive Officer — John Smith

Chief Financial Officer — Mary Major

Revenue-- $10 million in revenue, up 12% year over year.

INDUSTRY GLOSSARY

Widget Ratio: Widgets sold per plant.

Full Conference Call Transcript

Jane Roe:Good afternoon. With me are John and Mary. I'll turn it over to John.

John Smith:Thanks, Jane. Sales grew 12%.

Where to invest $1,000 right now? Our analyst team just revealed the 10 best stocks.

We opened two plants.

Operator:Our first question comes from the line of Ann Lea with Big Bank. Your line is open.

Ann Lee:Thanks. How is demand in Europe?

John Smith:Steady.

Mary Major:And margins held.

Operator:Our next question comes from Bob Stone of Small Securities.

Bob Stone:Any update on pricing?

Mary Major:Not today.

Operator:Next, a question from the floor.

Unidentified Analyst:What about Asia?

John Smith:Growing.

Operator:That concludes today's call.

This article is a transcript of this conference call produced for The Motley Fool.

The Motley Fool has no position in any of the stocks mentioned.
"""

PAGE_OLD = """\
Acme Widgets(ACME+1.5%)Q1 2021 Earnings CallApr 28, 2021,8:30 a.m. ET

Prepared Remarks

Questions and Answers

Call Participants

Prepared Remarks:

Operator

Good day, and welcome to the Acme Widgets first quarter 2021 call.

Jane Roe--Vice President, Investor Relations

Thank you. With me today is John Smith.

John Smith--Chief Executive Officer

Thanks, Jane. Widget sales grew 12%.

We opened two plants -- both on schedule.

Questions & Answers:

Operator

Our first question comes from Ann Lee with Big Bank.

Ann Lee--Big Bank -- Analyst

How is demand in Europe?

John Smith--Chief Executive Officer

Steady.

Duration: 30 minutes

Call participants:

Jane Roe--Vice President, Investor Relations

John Smith--Chief Executive Officer

Ann Lee--Big Bank -- Analyst

More ACME analysis

All earnings call transcripts
"""

PAGE_HTML = """\
<!DOCTYPE html><html><head><title>Acme (ACME) Q1 2021 Earnings Call Transcript</title></head>
<body><nav><a href="/">Home</a></nav><div class="article-content">
<p><strong>Image source: The Motley Fool.</strong></p>
<p>Acme Widgets Inc.&nbsp;<span class="ticker-wrapper">(<a href="/q/acme/">NASDAQ:ACME</a>)</span>
<br>Q1&nbsp;2021 Earnings Call<br><span id="date">Apr 28, 2021</span>, <em>8:30 a.m. ET</em></p>
<h2>Contents:</h2>
<ul><li>Prepared Remarks</li><li>Questions and Answers</li><li>Call Participants</li></ul>
<h2>Prepared Remarks:</h2>
<p><strong>Operator</strong></p>
<p>Good day, and welcome to the Acme Widgets first quarter 2021 earnings call.</p>
<p><strong>John Smith</strong> -- <em>Chief Executive Officer</em></p>
<p>Widget sales grew 12% in the quarter.</p>
<p>We opened two plants -- both on schedule.</p>
<h2>Questions and Answers:</h2>
<p><strong>Operator</strong></p>
<p>Our first question comes from Ann Lee with Big Bank. Your line is open.</p>
<p><strong>Ann Lee</strong> -- <em>Big Bank -- Analyst</em></p>
<p>How is demand in Europe?</p>
<p><strong>John Smith</strong> -- <em>Chief Executive Officer</em></p>
<p>Demand in Europe is steady.</p>
<p><strong>Duration: 30 minutes</strong></p>
<h2>Call participants:</h2>
<p><strong>John Smith</strong> -- <em>Chief Executive Officer</em></p>
<p><strong>Ann Lee</strong> -- <em>Big Bank -- Analyst</em></p>
<p><a href="/q/acme/">More ACME analysis</a></p>
<p>This article is a transcript of this conference call produced for The Motley Fool.</p>
</div></body></html>
"""

EXPORT = {
    "header_texts": ["Contents:", "Prepared Remarks:"],
    "prepared_remarks": [
        {
            "speaker": "Operator",
            "speech": "Welcome to the Acme Widgets Second Quarter 2021 Earnings Call. "
            "I will now turn the call over to Jane Roe, Vice President of Investor Relations.",
        },
        {"speaker": "Jane Roe", "speech": "Thank you.\nI'll turn it over to John."},
        {"speaker": "John Smith", "speech": "Sales grew 12%."},
        {"speaker": "Questions and Answers:", "speech": ""},
        {
            "speaker": "Operator",
            "speech": "We'll take our first question from Ann Lee with Big Bank.",
        },
        {"speaker": "Ann Lee", "speech": "How is demand?"},
        {"speaker": "John Smith", "speech": "Steady."},
        {"speaker": "Duration: 30 minutes", "speech": ""},
        {"speaker": "Call participants:", "speech": ""},
        {"speaker": "Jane Roe", "speech": ""},
        {"speaker": "John Smith", "speech": "More ACME analysis\nAll earnings call transcripts"},
    ],
    "q_and_a": [],
    "participants": [],
}


def _turns(call: Call) -> list[tuple[str, str, str, str]]:
    return [(t.speaker, t.role.value, t.section.value, t.text) for t in call.turns]


def _exchanges(call: Call) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(e.analyst, e.firm, e.answerers) for e in call.exchanges]


@pytest.mark.parametrize(
    ("text", "kind"),
    [(PAGE_2025, "text"), (PAGE_OLD, "text"), (PAGE_HTML, "html"), (json.dumps(EXPORT), "json")],
)
def test_sniff_claims_each_form(text: str, kind: str) -> None:
    doc = document_from_text(text, "page")
    assert doc.kind == kind
    assert LAYOUT.sniff(doc) >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Operator: Good day.\nJohn Smith: Hello.\n",
        json.dumps({"speakers": [{"speaker": "spk01", "text": "Hello."}]}),
        "<html><body><p>John Smith -- CEO</p><p>Hello.</p></body></html>",
    ],
)
def test_sniff_declines_others(text: str) -> None:
    assert LAYOUT.sniff(document_from_text(text, "other")) < 0.2


def test_page_2025() -> None:
    call = parse_text(PAGE_2025, source="acme.txt")
    assert call.layout == "motleyfool"
    meta = call.metadata
    assert (meta.publisher, meta.company.name, meta.company.ticker) == (
        "Motley Fool",
        "Acme Widgets",
        "ACME",
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q2 2025"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2025, 8, 1), None)
    assert set(call.participants) == {
        Participant("John Smith", Role.EXECUTIVE, "Chief Executive Officer", "Acme Widgets"),
        Participant("Mary Major", Role.EXECUTIVE, "Chief Financial Officer", "Acme Widgets"),
        Participant("Jane Roe", Role.EXECUTIVE, None, "Acme Widgets"),
        Participant("Operator", Role.OPERATOR),
        Participant("Ann Lee", Role.ANALYST, None, "Big Bank"),
        Participant("Bob Stone", Role.ANALYST, None, "Small Securities"),
        Participant("Unidentified Analyst", Role.ANALYST),
    }
    assert _turns(call) == [
        (
            "Jane Roe",
            "executive",
            "presentation",
            "Good afternoon. With me are John and Mary. I'll turn it over to John.",
        ),
        (
            "John Smith",
            "executive",
            "presentation",
            "Thanks, Jane. Sales grew 12%. We opened two plants.",
        ),
        (
            "Operator",
            "operator",
            "qa",
            "Our first question comes from the line of Ann Lea with Big Bank. Your line is open.",
        ),
        ("Ann Lee", "analyst", "qa", "Thanks. How is demand in Europe?"),
        ("John Smith", "executive", "qa", "Steady."),
        ("Mary Major", "executive", "qa", "And margins held."),
        (
            "Operator",
            "operator",
            "qa",
            "Our next question comes from Bob Stone of Small Securities.",
        ),
        ("Bob Stone", "analyst", "qa", "Any update on pricing?"),
        ("Mary Major", "executive", "qa", "Not today."),
        ("Operator", "operator", "qa", "Next, a question from the floor."),
        ("Unidentified Analyst", "analyst", "qa", "What about Asia?"),
        ("John Smith", "executive", "qa", "Growing."),
        ("Operator", "operator", "qa", "That concludes today's call."),
    ]
    assert _exchanges(call) == [
        ("Ann Lee", "Big Bank", ("John Smith", "Mary Major")),
        ("Bob Stone", "Small Securities", ("Mary Major",)),
        ("Unidentified Analyst", None, ("John Smith",)),
    ]
    # The advertisement between paragraphs is blanked, offsets kept.
    assert len(call.text) == len(PAGE_2025)
    assert "Where to invest" not in call.text


def test_page_old_text() -> None:
    call = parse_text(PAGE_OLD, source="acme.txt")
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets",
        "ACME",
        None,
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q1 2021"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2021, 4, 28), dt.time(12, 30))
    assert set(call.participants) == {
        Participant(
            "Jane Roe", Role.EXECUTIVE, "Vice President, Investor Relations", "Acme Widgets"
        ),
        Participant("John Smith", Role.EXECUTIVE, "Chief Executive Officer", "Acme Widgets"),
        Participant("Ann Lee", Role.ANALYST, None, "Big Bank"),
        Participant("Operator", Role.OPERATOR),
    }
    assert _turns(call) == [
        (
            "Operator",
            "operator",
            "presentation",
            "Good day, and welcome to the Acme Widgets first quarter 2021 call.",
        ),
        ("Jane Roe", "executive", "presentation", "Thank you. With me today is John Smith."),
        (
            "John Smith",
            "executive",
            "presentation",
            "Thanks, Jane. Widget sales grew 12%. We opened two plants -- both on schedule.",
        ),
        ("Operator", "operator", "qa", "Our first question comes from Ann Lee with Big Bank."),
        ("Ann Lee", "analyst", "qa", "How is demand in Europe?"),
        ("John Smith", "executive", "qa", "Steady."),
    ]
    assert _exchanges(call) == [("Ann Lee", "Big Bank", ("John Smith",))]


def test_page_old_html() -> None:
    call = parse_text(PAGE_HTML, source="acme.html")
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets Inc.",
        "ACME",
        "NASDAQ",
    )
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2021, 4, 28), dt.time(12, 30))
    assert _turns(call) == [
        (
            "Operator",
            "operator",
            "presentation",
            "Good day, and welcome to the Acme Widgets first quarter 2021 earnings call.",
        ),
        (
            "John Smith",
            "executive",
            "presentation",
            "Widget sales grew 12% in the quarter. We opened two plants -- both on schedule.",
        ),
        (
            "Operator",
            "operator",
            "qa",
            "Our first question comes from Ann Lee with Big Bank. Your line is open.",
        ),
        ("Ann Lee", "analyst", "qa", "How is demand in Europe?"),
        ("John Smith", "executive", "qa", "Demand in Europe is steady."),
    ]
    assert _exchanges(call) == [("Ann Lee", "Big Bank", ("John Smith",))]


def test_json_export_flattened() -> None:
    call = parse_text(json.dumps(EXPORT), source="acme.txt")
    assert call.metadata.company.name == "Acme Widgets"
    period = call.metadata.fiscal_period
    assert period is not None and period.label == "Q2 2021" and period.quarter == 2
    assert _turns(call) == [
        (
            "Operator",
            "operator",
            "presentation",
            "Welcome to the Acme Widgets Second Quarter 2021 Earnings Call. "
            "I will now turn the call over to Jane Roe, Vice President of Investor Relations.",
        ),
        ("Jane Roe", "executive", "presentation", "Thank you. I'll turn it over to John."),
        ("John Smith", "executive", "presentation", "Sales grew 12%."),
        ("Operator", "operator", "qa", "We'll take our first question from Ann Lee with Big Bank."),
        ("Ann Lee", "analyst", "qa", "How is demand?"),
        ("John Smith", "executive", "qa", "Steady."),
    ]
    assert call.participant("Jane Roe") == Participant(
        "Jane Roe", Role.EXECUTIVE, None, "Acme Widgets"
    )
    assert _exchanges(call) == [("Ann Lee", "Big Bank", ("John Smith",))]
    for turn in call.turns:  # spans point into the rendering
        assert call.turn_source(turn).replace("\n", " ") == turn.text


def test_json_export_bare_names_and_a_greeting_before_the_analyst() -> None:
    """A list of bare names says nobody's role; whoever gave prepared remarks speaks for the
    company, so an executive greeting the analyst just introduced is not that analyst."""
    items = [
        ("Operator", "Welcome to the Acme Widgets Second Quarter 2021 Earnings Call."),
        ("John Smith", "Sales grew 12%."),
        ("Questions and Answers:", ""),
        ("Operator", "Our first question comes from Ann Lee with Big Bank. Please go ahead."),
        ("John Smith", "Hi, Ann."),
        ("Ann Lee", "How is demand?"),
        ("John Smith", "Steady."),
        ("Call participants:", ""),
        ("John Smith", ""),
        ("Ann Lee", ""),
    ]
    export = {"prepared_remarks": [{"speaker": a, "speech": b} for a, b in items]}
    call = parse_text(json.dumps(export), source="acme.txt")
    assert call.participant("John Smith") == Participant(
        "John Smith", Role.EXECUTIVE, None, "Acme Widgets"
    )
    assert call.participant("Ann Lee") == Participant("Ann Lee", Role.ANALYST, None, "Big Bank")
    assert _exchanges(call) == [("Ann Lee", "Big Bank", ("John Smith",))]


def test_json_export_listed_participants_and_no_qa() -> None:
    export = {
        "prepared_remarks": [
            {"speaker": "Operator", "speech": "Welcome."},
            {"speaker": "John Smith", "speech": "Thank you all."},
        ],
        "q_and_a": [],
        "participants": ["John Smith--Chief Executive Officer", "Ann Lee--Big Bank -- Analyst"],
    }
    call = parse_text(json.dumps(export), source="acme.txt")
    assert call.participant("John Smith") == Participant(
        "John Smith", Role.EXECUTIVE, "Chief Executive Officer", None
    )
    assert call.participant("Ann Lee") == Participant("Ann Lee", Role.ANALYST, None, "Big Bank")
    assert call.exchanges == ()
    assert call.warnings == ("no questions-and-answers section in the export",)


@pytest.mark.parametrize(
    ("text", "name", "firm"),
    [
        ("Our first question comes from the line of Jane Doe with Morgan Stanley. Go ahead.",
         "Jane Doe", "Morgan Stanley"),
        ("Our next question is from Shannon Cross of Credit Suisse.",
         "Shannon Cross", "Credit Suisse"),
        ("And from Barclays, we have Jeanine Wai. Please go ahead.", "Jeanine Wai", "Barclays"),
        ("[Operator Instructions] Jeremy Tonet from J.P. Morgan. You may go ahead, sir.",
         "Jeremy Tonet", "J.P. Morgan"),
        ("Your next question comes from Luke Washer, Bank of America. Your line is open.",
         "Luke Washer", "Bank of America"),
        ("Your next question is from Samad Samana.", "Samad Samana", None),
        # A company abbreviation keeps its full stop, though it also ends the sentence.
        ("Our next question comes from Ana Ruiz with Quarry Lane & Co. Please proceed.",
         "Ana Ruiz", "Quarry Lane & Co."),
        ("The next question is from Li Wei of Harbor Inc. Go ahead.", "Li Wei", "Harbor Inc."),
    ],
)  # fmt: skip
def test_find_intro(text: str, name: str, firm: str | None) -> None:
    intro = find_intro(text)
    assert intro is not None
    assert (intro.name, intro.firm) == (name, firm)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I would now turn the call over to Jane Roe, Director of Investor Relations. Go ahead.",
         ("Jane Roe", "Director of Investor Relations")),
        ("With that, I'll turn it over to Luca.", ("Luca", None)),
        ("I'll hand the call over to our CFO, Jason Aiken, for further remarks.",
         ("Jason Aiken", "CFO")),
        ("I'll turn the call back over to the operator.", None),
        ("Thanks for joining.", None),
        # The office said first, spelled out: the name follows it.
        ("I'll now turn the call over to our Chief Executive Officer, Arjun Bhatia.",
         ("Arjun Bhatia", "Chief Executive Officer")),
        # An office and no name names nobody.
        ("Let me turn the call over to our Head of Investor Relations.", None),
        ("I'll turn it over to our Chief Financial Officer.", None),
    ],
)  # fmt: skip
def test_find_handover(text: str, expected: tuple[str, str | None] | None) -> None:
    assert find_handover(text) == expected


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Good day and welcome to the Apple Q1 FY 2022 earnings conference call.", "Apple"),
        ("Welcome to Dow's fourth quarter 2021 earnings call.", "Dow"),
        ("Welcome to the Q3 2020 ServiceNow earnings conference call.", "ServiceNow"),
        ("welcome to The Clorox Company Fourth Quarter call.", "The Clorox Company"),
        ("welcome to the Q2 2021 Bio-Rad Laboratories, Inc. Financial Results Conference Call.",
         "Bio-Rad Laboratories, Inc."),
        ("Hello and welcome everyone.", None),
        ("Good morning.", None),
        # The first welcome names no company; the next one does.
        ("Welcome to the webcast entitled Acme Second Quarter Earnings. Thanks. Welcome to "
         "Acme's second quarter 2021 call.", "Acme"),
        ("Hello and welcome to the webcast. Good afternoon and welcome to the Q3 call.", None),
    ],
)  # fmt: skip
def test_company_from_welcome(text: str, company: str | None) -> None:
    assert company_from_welcome(text) == company


@pytest.mark.parametrize(
    ("spoken", "written", "agree"),
    [
        ("Gabriela Boris", "Gabriela Borges", True),
        ("Brad Sills", "Bradley Sills", True),
        ("Steve Tusa", "Pat", False),
    ],
)
def test_names_agree(spoken: str, written: str, agree: bool) -> None:
    assert names_agree(spoken, written) is agree


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Amy Hood--Chief Financial Officer",
         Participant("Amy Hood", Role.EXECUTIVE, "Chief Financial Officer", "Acme")),
        ("Keith Weiss -- Morgan Stanley -- Analyst",
         Participant("Keith Weiss", Role.ANALYST, None, "Morgan Stanley")),
        ("Unknown speaker--Morgan Stanley -- Analyst",
         Participant("Unknown speaker", Role.ANALYST, None, "Morgan Stanley")),
        ("David Joyce", Participant("David Joyce", Role.OTHER)),
    ],
)  # fmt: skip
def test_participant_from_line(line: str, expected: Participant) -> None:
    assert participant_from_line(line, "Acme") == expected


# -- the real fixtures ------------------------------------------------------------------------

WEB = ["FIG_Q2_2025_earnings_call.txt", "MSFT_Q3_2024_earnings_call.txt",
       "SNOW_Q4_2024_earnings_call.txt"]  # fmt: skip
EXPORTS = ["ADM_q1_2021.txt", "BIO_q2_2021.txt", "CLX_q4_2021.txt", "DOW_q4_2021.txt",
           "EIX_q3_2021.txt", "GD_q1_2021.txt", "HES_q1_2021.txt", "JCI_q3_2021.txt",
           "MCK_q3_2022.txt", "MRO_q1_2021.txt", "NOW_q3_2020.txt", "PCG_q3_2021.txt",
           "SAM_q3_2021.txt", "SYK_q3_2021.txt", "TK_q4_2019.txt", "T_q4_2021.txt",
           "WWE_q2_2021.txt"]  # fmt: skip
# Exports whose call took no questions.
NO_QUESTIONS = {"TK_q4_2019.txt"}
FURNITURE = ("Motley Fool", "Duration:", "Call participants", "All earnings call transcripts")


@pytest.mark.parametrize(
    "relative", [f"motley-fool-web/{n}" for n in WEB] + [f"motley-fool-json/{n}" for n in EXPORTS]
)
def test_real_fixture(relative: str) -> None:
    path = shared_path(relative)
    doc = read_document(path)
    layout, score = detect(doc)
    assert (layout.name, score >= 0.8) == ("motleyfool", True)
    call = parse_file(path)
    assert any(p.role is Role.EXECUTIVE for p in call.participants)
    end = 0
    for turn in call.turns:
        assert end <= turn.span.start < turn.span.end <= len(call.text)
        end = turn.span.end
        assert turn.text
        assert not any(mark in turn.text for mark in FURNITURE), turn.text[:80]
    kinds = [section.kind for section in call.sections]
    assert kinds[0] is SectionKind.PRESENTATION
    if path.name in NO_QUESTIONS:
        assert call.exchanges == ()
    else:
        assert SectionKind.QA in kinds
        assert len(call.exchanges) >= 1
        assert all(exchange.firm for exchange in call.exchanges)


@pytest.mark.parametrize(
    ("relative", "company", "ticker", "period", "when"),
    [
        ("motley-fool-web/MSFT_Q3_2024_earnings_call.txt", "Microsoft", "MSFT", "Q3 2024",
         (dt.date(2024, 4, 25), dt.time(21, 30))),
        ("motley-fool-web/SNOW_Q4_2024_earnings_call.txt", "Snowflake", "SNOW", "Q4 2024",
         (dt.date(2024, 2, 28), dt.time(22, 0))),
        ("motley-fool-json/DOW_q4_2021.txt", "Dow", None, "Q4 2021", (None, None)),
    ],
)  # fmt: skip
def test_real_fixture_metadata(
    relative: str,
    company: str,
    ticker: str | None,
    period: str,
    when: tuple[dt.date | None, dt.time | None],
) -> None:
    meta = parse_file(shared_path(relative)).metadata
    assert meta.publisher == "Motley Fool"
    assert (meta.company.name, meta.company.ticker) == (company, ticker)
    assert meta.fiscal_period is not None and meta.fiscal_period.label == period
    assert (meta.call_date, meta.call_time_utc) == when


def test_flattened_export_reads_qa_and_participants() -> None:
    call = parse_file(shared_path("motley-fool-json/WWE_q2_2021.txt"))
    assert [s.kind for s in call.sections] == [SectionKind.PRESENTATION, SectionKind.QA]
    assert not any(t.speaker.endswith(":") for t in call.turns)
    assert len(call.exchanges) == 8
    assert call.exchanges[0].analyst == "David Karnovsky"
    assert call.exchanges[0].firm == "J.P. Morgan"


def test_gold_fig() -> None:
    path = shared_path("motley-fool-web/FIG_Q2_2025_earnings_call.txt")
    gold = json.loads((GOLD / "FIG_Q2_2025_earnings_call.gold.json").read_text())
    call = parse_file(path)
    meta = call.metadata
    assert (meta.publisher, meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Motley Fool",
        "Figma",
        "FIG",
        None,
    )
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "Q2 2025"
    assert meta.call_date is not None and meta.call_date.isoformat() == "2025-09-03"
    got = {(p.name, p.role.value, p.title, p.firm) for p in call.participants}
    want = {(p["name"], p["role"], p["title"], p["firm"]) for p in gold["participants"]}
    assert got == want
    assert len(call.turns) == len(gold["turns"])
    for turn, expected in zip(call.turns, gold["turns"], strict=True):
        assert (turn.speaker, turn.role.value, turn.section.value) == (
            expected["speaker"],
            expected["role"],
            expected["section"],
        )
        assert turn.text.startswith(expected["starts_with"])
    assert len(call.exchanges) == len(gold["exchanges"])
    for exchange, expected in zip(call.exchanges, gold["exchanges"], strict=True):
        assert (exchange.analyst, exchange.firm, list(exchange.answerers)) == (
            expected["analyst"],
            expected["firm"],
            expected["answerers"],
        )
        first = call.turns[exchange.question_turns[0]].text
        assert first.startswith(expected["question_starts_with"])


def _all_fixtures() -> list[Path]:
    if not FIXTURES.exists():
        return []
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", _all_fixtures(), ids=lambda p: p.name)
def test_sniff_over_all_fixtures(path: Path) -> None:
    score = LAYOUT.sniff(read_document(path))
    if path.parent.name.startswith("motley-fool"):
        assert score >= 0.8
    else:
        assert score < 0.2


_UNLISTED_SPEAKER = """\
Oct. 2, 2025

CALL PARTICIPANTS

Chief Executive Officer — John Smith

Full Conference Call Transcript

Jane Roe:Welcome. With me are John Smith and Lena Park, our chief product officer.

John Smith:Sales grew 12%.

Operator:Our first question comes from the line of Ann Lee with Big Bank.

Ann Lee:What ships next?

John Smith:I'll let Lena answer that.

{speaker}:A new scheduling module ships in March.

Operator:That concludes today's call.

This article is a transcript of this conference call produced for The Motley Fool.
"""


@pytest.mark.parametrize(
    ("speaker", "answerers"),
    [
        # Named in full in the opening, unlisted on the page, speaking once: a speaker.
        ("Lena Park", ("John Smith", "Lena Park")),
        # Named nowhere before and heard once: capitalised words and a colon stay speech.
        ("New Products", ("John Smith",)),
    ],
)
def test_page_2025_unlisted_speaker_named_in_speech(
    speaker: str, answerers: tuple[str, ...]
) -> None:
    call = parse_text(_UNLISTED_SPEAKER.format(speaker=speaker), source="acme.txt")
    assert [(e.analyst, e.answerers) for e in call.exchanges] == [("Ann Lee", answerers)]
    speakers = {p.name: p.role for p in call.participants}
    assert (speakers.get(speaker) is Role.EXECUTIVE) == (speaker == "Lena Park")
