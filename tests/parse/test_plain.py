"""The plain fallback layout: "Name: text" transcripts and bare earnings-call text."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import pytest

from callscope.errors import ParseError, UnknownLayout
from callscope.model.call import Call, Participant, Role, SectionKind
from callscope.parse import parse_text
from callscope.parse._read import Document, document_from_text
from callscope.parse.plain import DEGRADED, LAYOUT, UNKNOWN_SPEAKER
from tests.conftest import FIXTURES, shared_path

E, A, OP, X = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR, Role.OTHER
P, Q = SectionKind.PRESENTATION, SectionKind.QA


def _parse(text: str) -> Call:
    return LAYOUT.parse(document_from_text(text, "excerpt.txt"))


def _turns(call: Call) -> list[tuple[str, Role, SectionKind, str]]:
    return [(t.speaker, t.role, t.section, " ".join(t.text.split()[:3])) for t in call.turns]


def _exchanges(call: Call) -> list[tuple[str, str | None, tuple[str, ...], int]]:
    return [(x.analyst, x.firm, x.answerers, len(x.question_turns)) for x in call.exchanges]


def _assert_spans(call: Call) -> None:
    previous = 0
    for turn in call.turns:
        assert previous <= turn.span.start <= turn.span.end <= len(call.text)
        previous = turn.span.end


OPERATOR_CUES = """\
Acme Widgets Corp. (NYSE: ACW)
Fourth Quarter 2024 Earnings Call
February 12, 2025 8:30 AM ET

Operator: Good morning and welcome to the Acme Widgets fourth quarter 2024 earnings call.
I will now turn the call over to Jo Park, Chief Executive Officer.

Jo Park: Thank you. Revenue for the quarter was $1.2 billion, up 8%, and gross margin
expanded to 41%. Our guidance for fiscal 2025 is revenue growth of 5% to 7%.

Lee Chan: Thanks, Jo. Earnings per share were $0.84. Operating cash flow was $210 million.

Operator: Our first question comes from Ana Ruiz with Granite Bay Capital. Your line is open.

Ana Ruiz: Thanks. Jo, what drove the margin expansion, and is it sustainable?

Jo Park: Mostly pricing. We think most of it holds.

Ana Ruiz: And a follow-up: how much did freight help?

Lee Chan: About a point.

Operator: Next, we have Sam O'Neil of Sanford C. Bernstein & Co. Please go ahead.

Sam O'Neil: Hi. Any update on the buyback?

Lee Chan: Nothing to announce today.

Operator: That concludes our call.
"""


def test_roles_from_operator_introductions() -> None:
    call = _parse(OPERATOR_CUES)
    assert call.participants == (
        Participant("Operator", OP),
        Participant("Jo Park", E, None, "Acme Widgets Corp."),
        Participant("Lee Chan", E, None, "Acme Widgets Corp."),
        Participant("Ana Ruiz", A, None, "Granite Bay Capital"),
        Participant("Sam O'Neil", A, None, "Sanford C. Bernstein & Co."),
    )
    assert _turns(call) == [
        ("Operator", OP, P, "Good morning and"),
        ("Jo Park", E, P, "Thank you. Revenue"),
        ("Lee Chan", E, P, "Thanks, Jo. Earnings"),
        ("Operator", OP, Q, "Our first question"),
        ("Ana Ruiz", A, Q, "Thanks. Jo, what"),
        ("Jo Park", E, Q, "Mostly pricing. We"),
        ("Ana Ruiz", A, Q, "And a follow-up:"),
        ("Lee Chan", E, Q, "About a point."),
        ("Operator", OP, Q, "Next, we have"),
        ("Sam O'Neil", A, Q, "Hi. Any update"),
        ("Lee Chan", E, Q, "Nothing to announce"),
        ("Operator", OP, Q, "That concludes our"),
    ]
    assert _exchanges(call) == [
        ("Ana Ruiz", "Granite Bay Capital", ("Jo Park", "Lee Chan"), 2),
        ("Sam O'Neil", "Sanford C. Bernstein & Co.", ("Lee Chan",), 1),
    ]
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        "Acme Widgets Corp.",
        "ACW",
        "NYSE",
    )
    assert meta.fiscal_period is not None
    assert meta.fiscal_period.label == "Fourth Quarter 2024"
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2025, 2, 12), dt.time(13, 30))
    assert meta.title == "Fourth Quarter 2024 Earnings Call"
    assert meta.publisher is None
    assert call.layout == "plain"
    assert call.warnings == ()
    _assert_spans(call)


HEADINGS_AND_TITLES = """\
PRESENTATION

Mia Stone - Chief Executive Officer: Welcome, everyone. Quarterly revenue grew 12% to
$80 million and operating margin reached 15%.

Raj Patel - CFO: Thanks, Mia. Our outlook for next quarter is unchanged; we expect earnings
growth in line with sales.

Questions and Answers

Dana Lee - Northgate Research: How should we think about margins next year?

Mia Stone - Chief Executive Officer: We expect them to be stable.

Raj Patel - CFO: Yes, stable to slightly up.

Omar Haddad - Pinecrest LLC: Thanks. What about capital spending?

Raj Patel - CFO: Roughly flat.
"""


def test_roles_from_headings_and_questions() -> None:
    call = _parse(HEADINGS_AND_TITLES)
    assert call.participants == (
        Participant("Mia Stone", E, "Chief Executive Officer", None),
        Participant("Raj Patel", E, "CFO", None),
        Participant("Dana Lee", A, None, "Northgate Research"),
        Participant("Omar Haddad", A, None, "Pinecrest LLC"),
    )
    assert [(t.speaker, t.section) for t in call.turns] == [
        ("Mia Stone", P),
        ("Raj Patel", P),
        ("Dana Lee", Q),
        ("Mia Stone", Q),
        ("Raj Patel", Q),
        ("Omar Haddad", Q),
        ("Raj Patel", Q),
    ]
    assert _exchanges(call) == [
        ("Dana Lee", "Northgate Research", ("Mia Stone", "Raj Patel"), 1),
        ("Omar Haddad", "Pinecrest LLC", ("Raj Patel",), 1),
    ]
    # Headings are not speech.
    assert all("Questions and Answers" not in t.text for t in call.turns)


NAMES_ON_THEIR_OWN_LINE = """\
Company: Zephyr Foods
Ticker: ZFD
Date: 2024-10-30
Quarter: Q3 FY2024

PARTICIPANTS
Executives
Ines Moreau, Chief Executive Officer
Analysts
Victor Lang, Harbor Street Partners

OPERATOR:
Welcome to the Zephyr Foods third quarter call.

INES MORAU:
Thank you. Net sales rose 4% and gross margin was 33%.
Page 2 of 9
We are raising our full-year earnings guidance.

Operator:
Our first question is from Victor Lang.

VICTOR LANG:
Can you talk about pricing?

INES MOREAU:
Pricing added two points of growth.

Copyright © 2024 Zephyr Foods. All rights reserved.
"""


def test_participant_list_key_values_and_all_caps_headings() -> None:
    call = _parse(NAMES_ON_THEIR_OWN_LINE)
    assert call.participants[:2] == (
        Participant("Ines Moreau", E, "Chief Executive Officer", "Zephyr Foods"),
        Participant("Victor Lang", A, None, "Harbor Street Partners"),
    )
    # "INES MORAU" (a typo in the heading) is not the listed Ines Moreau: kept as spoken.
    assert [t.speaker for t in call.turns] == [
        "Operator",
        "Ines Morau",
        "Operator",
        "Victor Lang",
        "Ines Moreau",
    ]
    assert "Page 2 of 9" not in call.turns[1].text
    assert call.turns[1].text.endswith("full-year earnings guidance.")
    assert call.turns[-1].text == "Pricing added two points of growth."
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker) == ("Zephyr Foods", "ZFD")
    assert meta.fiscal_period is not None
    assert (meta.fiscal_period.label, meta.fiscal_period.quarter) == ("Q3 FY2024", 3)
    assert meta.call_date == dt.date(2024, 10, 30)
    assert _exchanges(call) == [("Victor Lang", "Harbor Street Partners", ("Ines Moreau",), 1)]


def test_firm_in_parentheses_and_a_host_who_speaks_once() -> None:
    call = _parse(
        "Lena Fischer: Good afternoon and thank you for joining us on today's call to discuss\n"
        "our results. With me are our chief executive and our chief financial officer, and\n"
        "today's remarks include forward-looking statements about revenue and margin.\n"
        "Ben Ortiz: Thanks, Lena. Revenue grew 20% this quarter.\n"
        "Operator: Our first question comes from Kim Yoon with Cedar Point. Go ahead.\n"
        "Kim Yoon (Cedar Point Advisors): What is the outlook for margins?\n"
        "Ben Ortiz: Higher.\n"
        "Operator: Thank you.\n"
    )
    assert _turns(call)[:2] == [
        ("Lena Fischer", E, P, "Good afternoon and"),
        ("Ben Ortiz", E, P, "Thanks, Lena. Revenue"),
    ]
    assert call.participant("Kim Yoon") == Participant("Kim Yoon", A, None, "Cedar Point Advisors")
    assert _exchanges(call) == [("Kim Yoon", "Cedar Point Advisors", ("Ben Ortiz",), 1)]


def test_header_fields_and_glossary_lines_are_not_speakers() -> None:
    call = _parse(
        "Event: Q1 2025 Earnings Call\n"
        "Source: company website\n"
        "Key Metric: recurring revenue, the annualised value of subscriptions\n"
        "\n"
        "Operator: Welcome to the first quarter 2025 call.\n"
        "Ava Reed: Thank you. Revenue was $40 million and margin was 60%.\n"
        "Operator: Our first question comes from Tim Holt from Quarry Partners.\n"
        "Tim Holt: What is the guidance for growth?\n"
        "Ava Reed: Twenty percent.\n"
    )
    assert [t.speaker for t in call.turns] == [
        "Operator",
        "Ava Reed",
        "Operator",
        "Tim Holt",
        "Ava Reed",
    ]
    assert call.metadata.title == "Q1 2025 Earnings Call"


def test_trailing_disclaimer_is_blanked() -> None:
    call = _parse(
        "Operator: Welcome to the quarterly earnings call.\n"
        "Ava Reed: Revenue grew 10% and operating margin was 20%.\n"
        "Operator: Our first question comes from Tim Holt from Quarry Partners.\n"
        "Tim Holt: What is the guidance?\n"
        "Ava Reed: Unchanged.\n"
        "\n"
        "DISCLAIMER\n"
        "This transcript may contain errors. It is provided for information only.\n"
    )
    assert call.turns[-1].text == "Unchanged."
    assert len(call.text) == len(
        "Operator: Welcome to the quarterly earnings call.\n"
        "Ava Reed: Revenue grew 10% and operating margin was 20%.\n"
        "Operator: Our first question comes from Tim Holt from Quarry Partners.\n"
        "Tim Holt: What is the guidance?\n"
        "Ava Reed: Unchanged.\n"
        "\n"
        "DISCLAIMER\n"
        "This transcript may contain errors. It is provided for information only.\n"
    )


UNMARKED = """\
We reported third quarter revenue of $4.1 billion, up 9% from the prior year.
Adjusted earnings per share were $1.12, and gross margin expanded 80 basis points.
Operating cash flow was $610 million, and we returned $300 million to shareholders.
For the full fiscal year, we are raising our revenue guidance and now expect growth of 7% to 8%.
Our outlook assumes steady demand in our industrial segment and modest pricing gains.
"""


def test_text_without_speakers_is_one_degraded_turn() -> None:
    call = _parse(UNMARKED)
    assert _turns(call) == [(UNKNOWN_SPEAKER, X, P, "We reported third")]
    assert call.participants == (Participant(UNKNOWN_SPEAKER, X),)
    assert call.warnings == (DEGRADED,)
    assert call.exchanges == ()
    assert call.turns[0].text.endswith("modest pricing gains.")
    assert 0.2 <= LAYOUT.sniff(document_from_text(UNMARKED)) <= 0.5


NOT_TRANSCRIPTS = {
    "readme": (
        "# fastwidget\n\nA small library for drawing widgets.\n\n## Installation\n\n"
        "    pip install fastwidget\n\n## Usage\n\nNote: requires Python 3.11.\n"
        "Import the package and call `draw()`:\n\n    import fastwidget\n"
        "    fastwidget.draw(size=3)\n\nNote: the API may change before 1.0.\n\n"
        "## License\n\nMIT. See LICENSE for details.\n"
    ),
    "recipe": (
        "Lemon Drizzle Cake\n\nIngredients:\n225g butter\n225g caster sugar\n4 eggs\n"
        "Zest of 1 lemon\n\nMethod:\nStep 1: Heat the oven to 180C and line a loaf tin.\n"
        "Step 2: Beat the butter and sugar until pale, then add the eggs one at a time.\n"
        "Step 3: Fold in the flour and zest, spoon into the tin and bake for 45 minutes.\n"
        "Tip: Pour the drizzle over while the cake is still warm.\n"
    ),
    "novel": (
        "The rain had not stopped for three days when Margaret finally opened the letter. "
        "She read it twice at the kitchen table, then folded it into her apron pocket and "
        "went out to the orchard, where the old ladder still leaned against the pear tree. "
        "Her brother had always said the house would outlast them both, and standing there "
        "in the wet grass she began, for the first time, to believe him.\n"
    ),
    "csv": (
        "quarter,revenue,gross_margin,eps,guidance\n2024Q1,182.4,27.5,0.12,800\n"
        "2024Q2,205.1,28.3,0.15,820\n2024Q3,231.7,29.1,0.19,835\n2024Q4,244.0,29.6,0.21,840\n"
    ),
    "chat": (
        "Alice: are we still on for lunch?\nBob: yes, noon at the usual place\n"
        "Alice: great, I'll bring the book\nBob: see you there\nAlice: bye!\n"
    ),
    "play": (
        "HAMLET: Have you a daughter?\nPOLONIUS: I have, my lord.\n"
        "HAMLET: Let her not walk i' the sun. Conception is a blessing.\n"
        "POLONIUS: How say you by that? Still harping on my daughter.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_TRANSCRIPTS))
def test_non_transcripts_score_low_and_are_refused(name: str) -> None:
    doc = document_from_text(NOT_TRANSCRIPTS[name], f"{name}.txt")
    assert LAYOUT.sniff(doc) < 0.2
    with pytest.raises(UnknownLayout):
        parse_text(NOT_TRANSCRIPTS[name], source=f"{name}.txt")


def test_forced_plain_on_plain_prose_raises_parse_error() -> None:
    with pytest.raises(ParseError, match="does not read like an earnings call"):
        _parse(NOT_TRANSCRIPTS["novel"])


def test_json_is_never_claimed() -> None:
    doc = Document("x.json", "json", '{"speaker": "Operator"}', {"speaker": "Operator"})
    assert LAYOUT.sniff(doc) == 0.0
    with pytest.raises(ParseError):
        LAYOUT.parse(doc)


@pytest.mark.parametrize(
    "text",
    [OPERATOR_CUES, HEADINGS_AND_TITLES, NAMES_ON_THEIR_OWN_LINE],
    ids=["operator", "headings", "list"],
)
def test_marked_transcripts_score_between_the_threshold_and_publishers(text: str) -> None:
    assert 0.2 <= LAYOUT.sniff(document_from_text(text)) <= 0.5


# ---- the bundled example ---------------------------------------------------------------------

EXAMPLE = "northwind-2025-q3-plain.txt"
NWRB = "Northwind Robotics, Inc."


def _example() -> Call:
    text = files("callscope").joinpath("examples", EXAMPLE).read_text(encoding="utf-8")
    return parse_text(text, source=EXAMPLE)


def test_example_metadata_and_participants() -> None:
    call = _example()
    assert call.layout == "plain"
    meta = call.metadata
    assert (meta.company.name, meta.company.ticker, meta.company.exchange) == (
        NWRB,
        "NWRB",
        "NASDAQ",
    )
    assert meta.fiscal_period is not None
    assert (meta.fiscal_period.label, meta.fiscal_period.year, meta.fiscal_period.quarter) == (
        "Q3 2025",
        2025,
        3,
    )
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2025, 11, 4), dt.time(22, 0))
    assert call.participants == (
        Participant("Maya Lindqvist", E, "CEO & Co-Founder", NWRB),
        Participant("Daniel Okafor", E, "Chief Financial Officer", NWRB),
        Participant("Priya Raman", E, "Vice President of Investor Relations", NWRB),
        Participant("Tom Becker", A, None, "Halvorsen Securities, Research Division"),
        Participant("Lucia Ferraro", A, None, "Brightwater Capital LLC"),
        Participant("Kenji Watanabe", A, None, "Marlow & Finch, Research Division"),
        Participant("Sarah Cho", A, None, "Eastgate Partners"),
        Participant("Operator", OP),
    )


def test_example_sections_and_exchanges() -> None:
    call = _example()
    assert [(s.kind, s.first_turn, s.last_turn) for s in call.sections] == [(P, 0, 3), (Q, 4, 21)]
    assert [t.speaker for t in call.turns[:4]] == [
        "Operator",
        "Priya Raman",
        "Maya Lindqvist",
        "Daniel Okafor",
    ]
    assert _exchanges(call) == [
        (
            "Tom Becker",
            "Halvorsen Securities, Research Division",
            ("Maya Lindqvist", "Daniel Okafor"),
            2,
        ),
        ("Lucia Ferraro", "Brightwater Capital LLC", ("Daniel Okafor", "Maya Lindqvist"), 1),
        ("Kenji Watanabe", "Marlow & Finch, Research Division", ("Maya Lindqvist",), 1),
        ("Sarah Cho", "Eastgate Partners", ("Daniel Okafor",), 1),
    ]
    assert call.turns[2].text.startswith("Thanks, Priya, and thanks to all of you")
    assert "$231.7 million" in call.turns[2].text
    _assert_spans(call)


def test_example_without_its_participant_list_keeps_roles_from_cues() -> None:
    text = files("callscope").joinpath("examples", EXAMPLE).read_text(encoding="utf-8")
    head, rest = text.split("\nParticipants\n", 1)
    body = rest[rest.index("\nPresentation\n") :]
    call = parse_text(head + body, source=EXAMPLE)
    roles = {p.name: (p.role, p.firm) for p in call.participants}
    assert roles == {
        "Operator": (OP, None),
        "Priya Raman": (E, NWRB),
        "Maya Lindqvist": (E, NWRB),
        "Daniel Okafor": (E, NWRB),
        "Tom Becker": (A, "Halvorsen Securities"),
        "Lucia Ferraro": (A, "Brightwater Capital"),
        "Kenji Watanabe": (A, "Marlow & Finch"),
        "Sarah Cho": (A, "Eastgate Partners"),
    }
    assert [x.analyst for x in call.exchanges] == [
        "Tom Becker",
        "Lucia Ferraro",
        "Kenji Watanabe",
        "Sarah Cho",
    ]


# ---- real fixtures ---------------------------------------------------------------------------

ECTSUM = sorted(p.name for p in (FIXTURES / "ectsum" / "ects").glob("*.txt"))


@pytest.mark.parametrize("name", ECTSUM or ["ADM_q1_2021.txt"])
def test_ectsum_text_is_one_degraded_turn(name: str) -> None:
    path = shared_path(f"ectsum/ects/{name}")
    text = path.read_text(encoding="utf-8")
    doc = document_from_text(text, str(path))
    assert 0.2 <= LAYOUT.sniff(doc) <= 0.5
    call = parse_text(text, source=name)
    assert call.layout == "plain"
    assert [(t.speaker, t.role, t.section) for t in call.turns] == [(UNKNOWN_SPEAKER, X, P)]
    assert call.warnings == (DEGRADED,)
    assert call.turns[0].text.split()[:4] == text.split()[:4]
    _assert_spans(call)


OTHER_LAYOUTS = sorted(
    str(p.relative_to(FIXTURES))
    for p in FIXTURES.glob("*/*")
    if p.is_file() and p.parent.name != "ects"
)


@pytest.mark.parametrize("relative", OTHER_LAYOUTS or ["capiq/tesla-2017-q2-capiq.txt"])
def test_never_outbids_a_publisher(relative: str) -> None:
    from callscope.parse._read import read_document

    doc = read_document(shared_path(relative))
    assert LAYOUT.sniff(doc) <= 0.5


def test_presentation_heading_alone_leaves_the_qa_to_the_analysts() -> None:
    call = _parse(
        "Presentation\n"
        "Operator: Welcome to the quarterly earnings call.\n"
        "Ava Reed: Revenue grew 10% and operating margin was 20%.\n"
        "Operator: Our first question comes from Tim Holt from Quarry Partners.\n"
        "Tim Holt: What is the guidance?\n"
        "Ava Reed: Unchanged.\n"
    )
    assert [(t.speaker, t.role, t.section) for t in call.turns] == [
        ("Operator", OP, P),
        ("Ava Reed", E, P),
        ("Operator", OP, Q),
        ("Tim Holt", A, Q),
        ("Ava Reed", E, Q),
    ]
    assert _exchanges(call) == [("Tim Holt", "Quarry Partners", ("Ava Reed",), 1)]


def test_timestamped_headings() -> None:
    call = _parse(
        "Operator (00:00:02): Welcome to the quarterly earnings call.\n"
        "Ava Reed [00:01]: Revenue grew 10% and operating margin was 20%.\n"
        "Operator (00:05:40): Our first question comes from Tim Holt from Quarry Partners.\n"
        "Tim Holt (00:05:49): What is the guidance?\n"
        "Ava Reed (00:06:01): Unchanged.\n"
    )
    assert [(t.speaker, t.text) for t in call.turns] == [
        ("Operator", "Welcome to the quarterly earnings call."),
        ("Ava Reed", "Revenue grew 10% and operating margin was 20%."),
        ("Operator", "Our first question comes from Tim Holt from Quarry Partners."),
        ("Tim Holt", "What is the guidance?"),
        ("Ava Reed", "Unchanged."),
    ]
