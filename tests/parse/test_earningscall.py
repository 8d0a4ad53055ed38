"""The earningscall JSON layout: anonymous speakers, name maps, missing Q&A."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from callscope.model.call import Call, Participant, Role, SectionKind
from callscope.parse import detect, document_from_text, parse_file, parse_text, read_document
from callscope.parse.earningscall import LAYOUT
from tests.conftest import shared_path

EVENT = {"year": 2022, "quarter": 1, "conference_date": "2022-01-27T14:00:00.000-08:00"}
SPEAKERS = [
    {"speaker": "spk03", "text": "Good day and welcome to the Acme Q1 FY 2022 earnings call. "
     "I would like to turn the call over to Jane Roe, Director of Investor Relations."},
    {"speaker": "spk15", "text": "Thank you. Speaking first today is Acme CEO Tim Cole. "
     "I'd now like to turn the call over to Tim."},
    {"speaker": "spk07", "text": "Thank you, Jane. Sales grew."},
    {"speaker": "spk03", "text": "We'll take our first question from Ann Lee with Big Bank."},
    {"speaker": "spk08", "text": "How is demand?"},
    {"speaker": "spk07", "text": "Steady."},
    {"speaker": "spk02", "text": "Thank you. Next question, please."},
    {"speaker": "spk03", "text": "Next question is from Bob Stone of Small Securities."},
    {"speaker": "spk09", "text": "Any update on pricing?"},
    {"speaker": "spk07", "text": "Not today."},
]  # fmt: skip


def _doc(**extra: Any) -> str:
    return json.dumps({"event": EVENT, "speakers": SPEAKERS, **extra})


def _turns(call: Call) -> list[tuple[str, str, str]]:
    return [(t.speaker, t.role.value, t.section.value) for t in call.turns]


def _exchanges(call: Call) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(e.analyst, e.firm, e.answerers) for e in call.exchanges]


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        (_doc(), True),
        (json.dumps({"speakers": [{"speaker": "spk01", "text": "Hi."}]}), True),
        (json.dumps({"prepared_remarks": [{"speaker": "Operator", "speech": "Hi."}]}), False),
        (json.dumps({"speakers": ["spk01"]}), False),
        ("Operator: Good day.\n", False),
    ],
)
def test_sniff(text: str, claimed: bool) -> None:
    score = LAYOUT.sniff(document_from_text(text, "x.json"))
    assert (score >= 0.8) if claimed else (score < 0.2)


def test_anonymous_speakers_named_from_the_call() -> None:
    call = parse_text(_doc(), source="acme.json")
    assert call.layout == "earningscall"
    meta = call.metadata
    assert meta.company.name == "Acme"
    assert meta.company.ticker is None
    assert meta.fiscal_period is not None
    assert (meta.fiscal_period.label, meta.fiscal_period.year, meta.fiscal_period.quarter) == (
        "Q1 2022",
        2022,
        1,
    )
    assert (meta.call_date, meta.call_time_utc) == (dt.date(2022, 1, 27), dt.time(22, 0))
    assert set(call.participants) == {
        Participant("Operator", Role.OPERATOR),
        Participant("Jane Roe", Role.EXECUTIVE, "Director of Investor Relations", "Acme"),
        Participant("Tim Cole", Role.EXECUTIVE, None, "Acme"),
        Participant("spk02", Role.OTHER),
        Participant("Ann Lee", Role.ANALYST, None, "Big Bank"),
        Participant("Bob Stone", Role.ANALYST, None, "Small Securities"),
    }
    assert _turns(call) == [
        ("Operator", "operator", "presentation"),
        ("Jane Roe", "executive", "presentation"),
        ("Tim Cole", "executive", "presentation"),
        ("Operator", "operator", "qa"),
        ("Ann Lee", "analyst", "qa"),
        ("Tim Cole", "executive", "qa"),
        ("spk02", "other", "qa"),
        ("Operator", "operator", "qa"),
        ("Bob Stone", "analyst", "qa"),
        ("Tim Cole", "executive", "qa"),
    ]
    assert _exchanges(call) == [
        ("Ann Lee", "Big Bank", ("Tim Cole",)),
        ("Bob Stone", "Small Securities", ("Tim Cole",)),
    ]
    for turn, item in zip(call.turns, SPEAKERS, strict=True):
        assert call.turn_source(turn) == item["text"]
    assert call.warnings == ()


def test_name_map() -> None:
    names = {
        "spk03": {"name": "Operator", "title": None},
        "spk15": {"name": "Jane Roe", "title": "Director of Investor Relations"},
        "spk07": {"name": "Tim Cole", "title": "CEO"},
        "spk02": {"name": "Jane Roe", "title": "Director of Investor Relations"},
        "spk08": {"name": "Ann Lee", "title": "Big Bank Analyst"},
        "spk09": {"name": "Bob Stone", "title": "Small Securities Analyst"},
    }
    call = parse_text(_doc(speaker_name_map_v2=names), source="acme.json")
    assert set(call.participants) == {
        Participant("Operator", Role.OPERATOR),
        Participant("Jane Roe", Role.EXECUTIVE, "Director of Investor Relations", "Acme"),
        Participant("Tim Cole", Role.EXECUTIVE, "CEO", "Acme"),
        Participant("Ann Lee", Role.ANALYST, None, "Big Bank"),
        Participant("Bob Stone", Role.ANALYST, None, "Small Securities"),
    }
    assert call.turns[6].speaker == "Jane Roe"
    assert call.warnings == ()


def test_name_map_contradicted_by_the_call() -> None:
    names = {
        "spk03": {"name": "Jane Roe", "title": "Director of Investor Relations"},
        "spk15": {"name": "Operator", "title": None},
    }
    call = parse_text(_doc(speaker_name_map_v2=names), source="acme.json")
    assert [t.speaker for t in call.turns[:2]] == ["Operator", "Jane Roe"]
    assert call.warnings == (
        "the speaker map names spk15 the operator, but spk03 introduces the analysts; "
        "the call's own words were followed",
    )


def test_an_executive_greets_the_analyst_first() -> None:
    """The label that speaks first after an introduction but has spoken before is greeting
    the analyst; the introduced analyst is the next new label."""
    speakers = [*SPEAKERS[:4], {"speaker": "spk07", "text": "Good morning, Ann."}, *SPEAKERS[4:]]
    call = parse_text(json.dumps({"event": EVENT, "speakers": speakers}), source="acme.json")
    assert [(t.speaker, t.role.value) for t in call.turns[3:7]] == [
        ("Operator", "operator"),
        ("Tim Cole", "executive"),
        ("Ann Lee", "analyst"),
        ("Tim Cole", "executive"),
    ]
    assert _exchanges(call)[0] == ("Ann Lee", "Big Bank", ("Tim Cole",))


def test_missing_qa() -> None:
    speakers = [
        {"speaker": "spk01", "text": "Welcome to the Acme update call."},
        {"speaker": "spk02", "text": "Thanks. Sales grew."},
        {"speaker": "spk01", "text": ""},
    ]
    call = parse_text(json.dumps({"event": {"year": 2022}, "speakers": speakers}), source="a")
    assert [t.section for t in call.turns] == [SectionKind.PRESENTATION] * 2
    assert call.exchanges == ()
    assert call.warnings == ("no questions and answers found: no analyst speaks",)
    assert call.metadata.fiscal_period is None
    assert [p.name for p in call.participants] == ["spk01", "spk02"]


def test_named_labels_and_a_single_question() -> None:
    speakers = [
        {"speaker": "Operator", "text": "Welcome to the Acme call. Our first question "
         "comes from Ann Lee with Big Bank."},
        {"speaker": "Ann Lee", "text": "How is demand?"},
        {"speaker": "Tim Cole", "text": "Steady."},
    ]  # fmt: skip
    call = parse_text(json.dumps({"speakers": speakers}), source="a")
    assert _turns(call) == [
        ("Operator", "operator", "qa"),
        ("Ann Lee", "analyst", "qa"),
        ("Tim Cole", "other", "qa"),
    ]
    assert call.participant("Ann Lee") == Participant("Ann Lee", Role.ANALYST, None, "Big Bank")


# -- the real fixtures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "period", "when", "first_exchange"),
    [
        ("aapl-q1-2022-advanced-data-level-2.body.json", "Q1 2022",
         (dt.date(2022, 1, 27), dt.time(22, 0)), ("Wamsi Mohan", "Bank of America")),
        ("aapl-q1-2022-speaker-name-map-v2.body.json", "Q1 2023",
         (dt.date(2023, 2, 2), dt.time(22, 0)), ("David Bott", "UBS")),
    ],
)  # fmt: skip
def test_real_fixture(
    name: str,
    period: str,
    when: tuple[dt.date, dt.time],
    first_exchange: tuple[str, str],
) -> None:
    path = shared_path(f"earningscall-json/{name}")
    layout, score = detect(read_document(path))
    assert (layout.name, score >= 0.8) == ("earningscall", True)
    call = parse_file(path)
    meta = call.metadata
    assert meta.company.name == "Apple"
    assert meta.fiscal_period is not None and meta.fiscal_period.label == period
    assert (meta.call_date, meta.call_time_utc) == when
    assert call.turns[0].speaker == "Operator"
    executives = {p.name for p in call.participants if p.role is Role.EXECUTIVE}
    assert {"Tim Cook", "Luca Maestri"} <= executives
    end = 0
    for turn in call.turns:
        assert end <= turn.span.start < turn.span.end <= len(call.text)
        end = turn.span.end
    assert SectionKind.QA in [s.kind for s in call.sections]
    assert len(call.exchanges) >= 8
    assert (call.exchanges[0].analyst, call.exchanges[0].firm) == first_exchange
    assert all(set(e.answerers) <= executives for e in call.exchanges)
