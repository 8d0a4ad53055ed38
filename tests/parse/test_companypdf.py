"""The company-transcript layout: short made-up excerpts in each heading style, then the real
fixtures of ../shared (skipped when absent)."""

from __future__ import annotations

import json
import re

import pytest

from callscope.model.call import Call, Role, SectionKind
from callscope.parse._cleanup import bullet_spans, page_furniture_spans
from callscope.parse._companypdf_names import _display, _is_name, _title_line
from callscope.parse._read import document_from_text, read_document
from callscope.parse.companypdf import LAYOUT
from tests.conftest import FIXTURES, GOLD, shared_path

RULE = "." * 60

# JPMorgan-like: Q/A markers, dotted rules, name line + title line, a heading repeated at the
# top of a page, page numbers, a disclaimer.
TITLED = f"""2Q24 FINANCIAL RESULTS
EARNINGS CALL TRANSCRIPT
July 12, 2024

\fMANAGEMENT DISCUSSION SECTION
{RULE}
Operator: Good morning, ladies and gentlemen. Welcome to Acme Bank's call.
{RULE}

Jane Roe

Chief Financial Officer, Acme Bank & Co.
Thanks, operator. Revenue was up this quarter.
With that, operator, please open the line.
{RULE}

QUESTION AND ANSWER SECTION
Operator: The first question comes from the line of Bob Smith with Alpha Research.
{RULE}

Q

Robert Smith

Analyst, Alpha Research LLC

Hi, good morning. How are deposits
trending across the

2

\fQ

Robert Smith

Analyst, Alpha Research LLC

consumer book?
{RULE}

A

John Doe
Chairman & Chief Executive Officer, Acme Bank & Co.

Deposits are stable.
{RULE}
Operator: That concludes today's call. You may disconnect at this time.

Disclaimer
This document contains forward-looking statements.

3
"""


def _turns(call: Call) -> list[tuple[str, Role, SectionKind, str]]:
    return [(t.speaker, t.role, t.section, t.text) for t in call.turns]


def _people(call: Call) -> list[tuple[str, Role, str | None, str | None]]:
    return [(p.name, p.role, p.title, p.firm) for p in call.participants]


def test_titled_headings() -> None:
    call = LAYOUT.parse(document_from_text(TITLED, "acme.txt"))
    pres, qa = SectionKind.PRESENTATION, SectionKind.QA
    assert _turns(call) == [
        ("Operator", Role.OPERATOR, pres,
         "Good morning, ladies and gentlemen. Welcome to Acme Bank's call."),
        ("Jane Roe", Role.EXECUTIVE, pres,
         "Thanks, operator. Revenue was up this quarter. With that, operator, please open the "
         "line."),
        ("Operator", Role.OPERATOR, qa,
         "The first question comes from the line of Bob Smith with Alpha Research."),
        ("Robert Smith", Role.ANALYST, qa,
         "Hi, good morning. How are deposits trending across the consumer book?"),
        ("John Doe", Role.EXECUTIVE, qa, "Deposits are stable."),
        ("Operator", Role.OPERATOR, qa,
         "That concludes today's call. You may disconnect at this time."),
    ]  # fmt: skip
    assert sorted(_people(call)) == [
        ("Jane Roe", Role.EXECUTIVE, "Chief Financial Officer", "Acme Bank & Co."),
        ("John Doe", Role.EXECUTIVE, "Chairman & Chief Executive Officer", "Acme Bank & Co."),
        ("Operator", Role.OPERATOR, None, None),
        ("Robert Smith", Role.ANALYST, "Analyst", "Alpha Research LLC"),
    ]
    meta = call.metadata
    assert meta.publisher == "Acme Bank & Co. (company transcript)"
    assert meta.company.name == "Acme Bank & Co."
    assert meta.fiscal_period is not None and meta.fiscal_period.label == "2Q24"
    assert str(meta.call_date) == "2024-07-12" and meta.call_time_utc is None
    [exchange] = call.exchanges
    assert (exchange.analyst, exchange.firm, exchange.answerers) == (
        "Robert Smith",
        "Alpha Research LLC",
        ("John Doe",),
    )


# Citigroup-like: upper-case inline headings, a list with Host/Speakers groups, running
# header and copyright footer, an analyst's firm known only from the operator's introduction,
# and a heading whose name the PDF lost.
def _page(body: str, number: int) -> str:
    return f"TRANSCRIPT\n\nGlobex Second Quarter 2024 Earnings Review\nJuly 15, 2024\n\n{body}\n" \
        f"Copyright © 2024 Globex Corp.\n\n{number}\n"  # fmt: skip


INLINE = "\f".join([
    _page("Host\nAnn Lee, Head of Investor Relations\nSpeakers\nTom Fox, Chief Executive Officer\n"
          "PRESENTATION\nOPERATOR: Welcome to the call. Ms. Lee, you may begin.\n"
          "ANN LEE: Thank you. Over to Tom.", 1),
    _page("TOM FOX: Thanks, Ann. It was a good quarter.\nQUESTION AND ANSWER\n"
          "OPERATOR: Our first question will come from Sam Diaz with Beta Securities. Your line is "
          "open.\nSAM DIAZ: Hi. How was credit?", 2),
    _page("TOM FOX: Credit was benign.\n"
          "OPERATOR: Our next question will come from Kim Park with Gamma Partners. Your line is "
          "open.\n: Hello. What about costs?\nTOM FOX: Costs are flat.", 3),
])  # fmt: skip


def test_inline_headings() -> None:
    call = LAYOUT.parse(document_from_text(INLINE, "globex.txt"))
    assert [(t.speaker, t.role, t.section.value, t.text) for t in call.turns] == [
        ("Operator", Role.OPERATOR, "presentation", "Welcome to the call. Ms. Lee, you may begin."),
        ("Ann Lee", Role.EXECUTIVE, "presentation", "Thank you. Over to Tom."),
        ("Tom Fox", Role.EXECUTIVE, "presentation", "Thanks, Ann. It was a good quarter."),
        ("Operator", Role.OPERATOR, "qa",
         "Our first question will come from Sam Diaz with Beta Securities. Your line is open."),
        ("Sam Diaz", Role.ANALYST, "qa", "Hi. How was credit?"),
        ("Tom Fox", Role.EXECUTIVE, "qa", "Credit was benign."),
        ("Operator", Role.OPERATOR, "qa",
         "Our next question will come from Kim Park with Gamma Partners. Your line is open."),
        ("Kim Park", Role.ANALYST, "qa", "Hello. What about costs?"),
        ("Tom Fox", Role.EXECUTIVE, "qa", "Costs are flat."),
    ]  # fmt: skip
    assert _people(call) == [
        ("Ann Lee", Role.EXECUTIVE, "Head of Investor Relations", "Globex Corp."),
        ("Tom Fox", Role.EXECUTIVE, "Chief Executive Officer", "Globex Corp."),
        ("Operator", Role.OPERATOR, None, None),
        ("Sam Diaz", Role.ANALYST, None, "Beta Securities"),
        ("Kim Park", Role.ANALYST, None, "Gamma Partners"),
    ]
    assert call.metadata.company.name == "Globex Corp."
    assert call.metadata.fiscal_period is not None
    assert call.metadata.fiscal_period.label == "Second Quarter 2024"


# Barclays-like: Q&A only, "Name, Title" and "Name, Firm" headings then bare names, a running
# header on every page, an analyst named with no firm.
SUFFIXED = "\f".join([
    "Investor Relations\nInitech PLC Q224 Results\n1 August 2024\n\n"
    "Pat Gray, Delta Capital\nHi, thanks. Two questions on costs, please.\n"
    "Lou Park, Group Finance Director\nThanks, Pat. Costs are on plan.\n1\n",
    "Investor Relations\nLou Park\nNext question, please.\nMia Chen\nMorning. On capital?\n"
    "Lou Park\nCapital is strong.\n2\n",
    "Investor Relations\nMia Chen\nThanks.\nLou Park\nThank you all.\n3\n",
    "Investor Relations\nImportant Notice\nThese statements are not guarantees.\n4\n",
])  # fmt: skip


def test_suffixed_and_bare_headings() -> None:
    call = LAYOUT.parse(document_from_text(SUFFIXED, "initech.txt"))
    assert [(t.speaker, t.role, t.section, t.text) for t in call.turns] == [
        ("Pat Gray", Role.ANALYST, SectionKind.QA, "Hi, thanks. Two questions on costs, please."),
        ("Lou Park", Role.EXECUTIVE, SectionKind.QA,
         "Thanks, Pat. Costs are on plan. Next question, please."),
        ("Mia Chen", Role.ANALYST, SectionKind.QA, "Morning. On capital?"),
        ("Lou Park", Role.EXECUTIVE, SectionKind.QA, "Capital is strong."),
        ("Mia Chen", Role.ANALYST, SectionKind.QA, "Thanks."),
        ("Lou Park", Role.EXECUTIVE, SectionKind.QA, "Thank you all."),
    ]  # fmt: skip
    assert _people(call) == [
        ("Pat Gray", Role.ANALYST, None, "Delta Capital"),
        ("Lou Park", Role.EXECUTIVE, "Group Finance Director", "Initech PLC"),
        ("Mia Chen", Role.ANALYST, None, None),
    ]
    assert [e.analyst for e in call.exchanges] == ["Pat Gray", "Mia Chen"]
    assert call.metadata.fiscal_period is not None
    assert call.metadata.fiscal_period.label == "Q224"


# pdftotext -layout: the speaker's name (and the analyst's firm) in a left column.
COLUMNS = "\f".join([
    "Umbrella AG\nUmbrella Q3 2024 Analyst Call\nThursday, 24 October 2024 | 11:00 CEST\n\n"
    "Speakers:\nEva Koch, Chief Financial Officer\n\n   1\n",
    "EVA KOCH\nSlide 2 – Results\n\n   -   Thank you all\n   -   Revenue grew\n\n"
    "Question & Answer Session\n\n"
    "Ian Wolf          Good morning. My question is\n"
    "(Omega Bank)      on capital.\n\n"
    "Eva Koch          Capital is ample.\n\n   2\n",
    "Ian Wolf          Thanks.\n\nDisclaimer\nForward-looking statements.\n   3\n",
])  # fmt: skip


def test_two_column_layout() -> None:
    call = LAYOUT.parse(document_from_text(COLUMNS, "umbrella.txt"))
    assert [(t.speaker, t.role, t.section.value, t.text) for t in call.turns] == [
        ("Eva Koch", Role.EXECUTIVE, "presentation", "Thank you all Revenue grew"),
        ("Ian Wolf", Role.ANALYST, "qa", "Good morning. My question is on capital."),
        ("Eva Koch", Role.EXECUTIVE, "qa", "Capital is ample."),
        ("Ian Wolf", Role.ANALYST, "qa", "Thanks."),
    ]
    assert _people(call) == [
        ("Eva Koch", Role.EXECUTIVE, "Chief Financial Officer", "Umbrella AG"),
        ("Ian Wolf", Role.ANALYST, None, "Omega Bank"),
    ]
    assert str(call.metadata.call_date) == "2024-10-24"
    assert str(call.metadata.call_time_utc) == "09:00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C.S. Venkatakrishnan", True),
        ("JAMES VON MOLTKE", True),
        ("James von Moltke", True),
        ("Matt O’Connor", True),
        ("Silke-Nicole Szypa", True),
        ("Investor Relations", False),
        ("Thank You", False),
        ("Deutsche Bank", False),
        ("the consumer book", False),
        ("Jamie", False),
    ],
)
def test_is_name(text: str, expected: bool) -> None:
    assert _is_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JAMES VON MOLTKE", "James von Moltke"),
        ("MATT O'CONNOR", "Matt O'Connor"),
        ("Ebrahim H. Poonawala", "Ebrahim H. Poonawala"),
    ],
)
def test_display(text: str, expected: str) -> None:
    assert _display(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analyst, Deutsche Bank Securities, Inc.", ("Analyst", "Deutsche Bank Securities, Inc.")),
        ("Chief Financial Officer, Acme & Co.", ("Chief Financial Officer", "Acme & Co.")),
        ("Wolfe Research LLC", (None, "Wolfe Research LLC")),
        ("Thanks, Andrew.", None),
        ("Yeah, sure.", None),
    ],
)
def test_title_line(text: str, expected: tuple[str | None, str | None] | None) -> None:
    assert _title_line(text) == expected


def test_page_furniture_spans() -> None:
    page = "Acme Header\n{speech}\n{n}\n"
    speeches = ("Good morning.", "Thanks for the question.", "Costs are flat.")
    text = "\f".join(page.format(n=n, speech=s) for n, s in enumerate(speeches, 1))
    found = {text[a:b] for a, b in page_furniture_spans(text)}
    assert found == {"\f", "Acme Header", "1", "2", "3"}


def test_bullet_spans() -> None:
    text = "-\nfirst point\n   -   second point\n- a dash in speech"
    assert [text[a:b] for a, b in bullet_spans(text)] == ["-", "-"]
    assert bullet_spans(text)[1][0] == text.index("   -") + 3


def test_sniff_needs_pages_and_refuses_vendors() -> None:
    assert LAYOUT.sniff(document_from_text(TITLED.replace("\f", ""), "x.txt")) == 0.0
    branded = "S&P Capital IQ\n" + TITLED
    assert LAYOUT.sniff(document_from_text(branded, "x.txt")) == 0.0
    assert LAYOUT.sniff(document_from_text(TITLED + "\f" + TITLED, "x.txt")) >= 0.8


# --- the real fixtures ---------------------------------------------------------------------

FILES = [
    "qec_barc_2025_1Q.pdftotext.txt",
    "qec_boa_2025_1Q.pdftotext.txt",
    "qec_ctg_2023_1Q.pdftotext.txt",
    "qec_deb_2023_1Q.pdftotext-layout.txt",
    "qec_deb_2023_1Q.pdftotext.txt",
    "qec_jpm_2023_1Q.pdftotext.txt",
]
# Page furniture, slide headings and disclaimers: none may be read as speech.
FURNITURE = re.compile(
    r"\.{10}|Copyright|©|Slide \d+ [–-] |\bDisclaimer\b|Important Notice|Investor Relations "
    r"Investor Relations|Earnings Announcement April|TRANSCRIPT Citi"
)


def _parse(name: str) -> Call:
    return LAYOUT.parse(read_document(shared_path(f"company-pdf-text/{name}")))


@pytest.mark.parametrize("name", FILES)
def test_fixture_structure(name: str) -> None:
    call = _parse(name)
    assert any(p.role is Role.EXECUTIVE for p in call.participants)
    assert any(s.kind is SectionKind.QA for s in call.sections)
    assert call.exchanges
    end = 0
    for turn in call.turns:
        assert end <= turn.span.start < turn.span.end <= len(call.text)
        end = turn.span.end
        assert turn.text and not FURNITURE.search(turn.text), (turn.index, turn.text[:80])
        assert not turn.text.isdigit()
    assert call.metadata.company.name
    assert call.metadata.fiscal_period is not None and call.metadata.call_date is not None


@pytest.mark.parametrize(
    ("name", "company", "period", "turns", "exchanges"),
    [
        ("qec_barc_2025_1Q.pdftotext.txt", "Barclays PLC", "Q125", 44, 11),
        ("qec_boa_2025_1Q.pdftotext.txt", "Bank of America", "First Quarter 2025", 62, 10),
        ("qec_ctg_2023_1Q.pdftotext.txt", "Citigroup Inc.", "First Quarter 2023", 75, 12),
        ("qec_deb_2023_1Q.pdftotext-layout.txt", "Deutsche Bank AG", "Q1 2023", 77, 14),
        ("qec_deb_2023_1Q.pdftotext.txt", "Deutsche Bank AG", "Q1 2023", 77, 14),
        ("qec_jpm_2023_1Q.pdftotext.txt", "JPMorgan Chase & Co.", "1Q23", 113, 11),
    ],
)
def test_fixture_counts(name: str, company: str, period: str, turns: int, exchanges: int) -> None:
    call = _parse(name)
    assert call.metadata.publisher == f"{company} (company transcript)"
    assert call.metadata.fiscal_period is not None
    assert call.metadata.fiscal_period.label == period
    assert (len(call.turns), len(call.exchanges)) == (turns, exchanges)


def test_layout_variant_reads_like_the_plain_one() -> None:
    plain = _parse("qec_deb_2023_1Q.pdftotext.txt")
    layout = _parse("qec_deb_2023_1Q.pdftotext-layout.txt")
    assert [(t.speaker, t.section, t.text[:40]) for t in plain.turns] == [
        (t.speaker, t.section, t.text[:40]) for t in layout.turns
    ]
    assert plain.participants == layout.participants


def test_jpm_matches_gold() -> None:
    call = _parse("qec_jpm_2023_1Q.pdftotext.txt")
    path = GOLD / "qec_jpm_2023_1Q.pdftotext.gold.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    gold = json.loads(path.read_text(encoding="utf-8"))
    people = {(p.name, p.role.value, p.title, p.firm) for p in call.participants}
    assert people == {(p["name"], p["role"], p["title"], p["firm"]) for p in gold["participants"]}
    assert [(t.speaker, t.role.value, t.section.value) for t in call.turns] == [
        (t["speaker"], t["role"], t["section"]) for t in gold["turns"]
    ]
    for turn, expected in zip(call.turns, gold["turns"], strict=True):
        assert " ".join(turn.text.split()).startswith(expected["starts_with"])
    assert [(e.analyst, e.firm, list(e.answerers)) for e in call.exchanges] == [
        (e["analyst"], e["firm"], e["answerers"]) for e in gold["exchanges"]
    ]
    meta = call.metadata
    assert (meta.publisher, meta.company.name, str(meta.call_date)) == (
        gold["metadata"]["publisher"],
        gold["metadata"]["company"],
        gold["metadata"]["call_datetime"],
    )


def _other_fixtures() -> list[str]:
    if not FIXTURES.exists():
        return []
    return sorted(
        str(p.relative_to(FIXTURES))
        for p in FIXTURES.rglob("*")
        if p.is_file() and "company-pdf-text" not in p.parts
    )


@pytest.mark.parametrize("name", FILES)
def test_sniff_claims_company_transcripts(name: str) -> None:
    assert LAYOUT.sniff(read_document(shared_path(f"company-pdf-text/{name}"))) >= 0.8


@pytest.mark.parametrize("name", _other_fixtures() or ["(no shared fixtures)"])
def test_sniff_declines_other_publishers(name: str) -> None:
    doc = read_document(shared_path(name))
    assert LAYOUT.sniff(doc) < 0.2
