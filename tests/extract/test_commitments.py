from __future__ import annotations

import datetime as dt
import json

import pytest

from callscope.extract.commitments import (
    CommitmentsExtractor,
    clauses,
    confidence_of,
    split_sentences,
)
from callscope.model.call import Call, Metadata, Participant, Role, SectionKind
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind
from callscope.model.source import SourceSpan
from callscope.parse._build import RawTurn, build_call
from tests.conftest import GOLD, shared_path

PEOPLE = {
    "Ann Lee": Role.EXECUTIVE,
    "Bob Analyst": Role.ANALYST,
    "Operator": Role.OPERATOR,
}


def make_call(*turns: tuple[str, str], call_date: dt.date = dt.date(2017, 8, 2)) -> Call:
    """A call of the given (speaker, speech) turns, all in the Q&A."""
    text, raws = "", []
    for speaker, speech in turns:
        text += f"{speaker}\n"
        raws.append(RawTurn(speaker, len(text), len(text) + len(speech), SectionKind.QA))
        text += speech + "\n\n"
    return build_call(
        source="t.txt",
        layout="test",
        text=text,
        metadata=Metadata(call_date=call_date),
        participants=[Participant(name, role) for name, role in PEOPLE.items()],
        raw_turns=raws,
    )


def figure(
    call: Call, quote: str, value: float, unit: str, kind: FigureKind, **kw: object
) -> Figure:
    start = call.text.index(quote)
    return Figure(value, unit, kind, quote, SourceSpan(start, start + len(quote)), **kw)  # type: ignore[arg-type]


def extract(call: Call, *figures: Figure) -> tuple[Commitment, ...]:
    facts = CommitmentsExtractor().extract(call, {"figures": figures})
    return tuple(f for f in facts if isinstance(f, Commitment))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We grew 5.5% in the U.S. and Canada. Next.",
            ["We grew 5.5% in the U.S. and Canada.", "Next."],
        ),
        ("Thanks, Mr. Evanson. J.B. will answer.", ["Thanks, Mr. Evanson.", "J.B. will answer."]),
        (
            "We sell in the U.S. We also sell abroad.",
            ["We sell in the U.S.", "We also sell abroad."],
        ),
        ("EPS was $0.17. Jamie will explain.", ["EPS was $0.17.", "Jamie will explain."]),
        ("Is it? Yes! Done", ["Is it?", "Yes!", "Done"]),
        ("First part\n\nSecond part", ["First part", "Second part"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_clauses_cut_restarts_and_lead_words_and_asides() -> None:
    text = "And I'm -- we are very confident we will hit it, which is hard because of X."
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == [
        "we are very confident we will hit it"
    ]


@pytest.mark.parametrize(
    ("text", "level", "cue"),
    [
        ("I say 100% probability of achieving that", Confidence.CERTAIN, "100%"),
        ("For sure next year.", Confidence.CERTAIN, "For sure"),
        ("people should absolutely have 0 concern", Confidence.CERTAIN, "absolutely"),
        ("we are very confident we will achieve it", Confidence.HIGH, "very confident"),
        ("we remain, we believe, on track to achieve it", Confidence.HIGH, "on track"),
        ("you should expect to see investments", Confidence.HIGH, "expect"),
        ("I think we'll have some announcements", Confidence.MODERATE, "I think"),
        ("I believe we are still on track for that", Confidence.MODERATE, "I believe"),
        ("We plan to deepen our investment", Confidence.MODERATE, "plan"),
        ("We're going to aim for maximum carryover.", Confidence.MODERATE, "aim"),
        ("we may move it sometime next year", Confidence.LOW, "may"),
        ("we're aspirationally going to have it", Confidence.LOW, "aspirationally"),
        # habits of speech are not hedges
        ("I should clarify that the number will triple", Confidence.HIGH, "will"),
        ("As you may have seen, we intend to provide it", Confidence.MODERATE, "intend"),
        ("the consolidation of 100% of the unit will cost", Confidence.HIGH, "will"),
        ("Revenue grew.", None, None),
    ],
)
def test_confidence_of(text: str, level: Confidence | None, cue: str | None) -> None:
    found = confidence_of(text)
    assert (found[0] if found else None, found[1] if found else None) == (level, cue)


def test_a_rate_target_with_a_deadline() -> None:
    call = make_call(
        (
            "Ann Lee",
            "It's hard. And I'm very confident that we'll reach a production rate of "
            "10,000 vehicles per week towards the end of next year. Thanks.",
        )
    )
    rate = figure(call, "10,000 vehicles per week", 10000, "vehicle", FigureKind.RATE, per="week")
    (c,) = extract(call, rate)
    assert c.quote == (
        "I'm very confident that we'll reach a production rate of 10,000 vehicles per week "
        "towards the end of next year."
    )
    assert (c.metric, c.target, c.unit, c.per) == ("production rate", 10000, "vehicle", "week")
    assert (c.deadline, c.deadline_text) == (dt.date(2018, 12, 31), "end of next year")
    assert (c.confidence, c.cue, c.speaker, c.turn) == (
        Confidence.HIGH,
        "very confident",
        "Ann Lee",
        0,
    )
    assert call.text[c.span.start : c.span.end].startswith("I'm very confident")


def test_a_guidance_range_keeps_low_and_high() -> None:
    call = make_call(
        (
            "Ann Lee",
            "For the third quarter ending September 30, we expect revenue to be "
            "between $263 million and $265 million.",
        ),
        call_date=dt.date(2025, 9, 3),
    )
    money = figure(
        call, "between $263 million and $265 million", 263e6, "USD", FigureKind.MONEY, high=265e6
    )
    (c,) = extract(call, money)
    assert (c.metric, c.target, c.high, c.unit) == ("revenue", 263e6, 265e6, "USD")
    assert (c.deadline, c.confidence) == (dt.date(2025, 9, 30), Confidence.HIGH)


@pytest.mark.parametrize(
    ("speaker", "speech"),
    [
        ("Bob Analyst", "You guided to 5,000 a week by the end of this year, right?"),
        ("Operator", "We will now take questions. Our next question will come from Bob."),
        (
            "Ann Lee",
            "These forward-looking statements are subject to risks and uncertainties "
            "and we will not update them by year-end.",
        ),
        ("Ann Lee", "I'll now turn the call over to our CFO."),
        ("Ann Lee", "Will you hit 5,000 a week by the end of this year?"),
        ("Ann Lee", "Most of the remaining 20% said probably."),
        ("Ann Lee", "We intend to capture it."),
        ("Ann Lee", "Typically, at the beginning of the quarter, we'll make cars for Europe."),
        ("Ann Lee", "We don't expect to spend significant money on them this year."),
        ("Ann Lee", "We will continue to learn more as we expand usage in Q3."),
        ("Ann Lee", "Employees may have the ability to sell up to 25% of their holdings."),
        ("Ann Lee", "But if it is not at the end of the year, it'll be very close."),
    ],
)
def test_not_a_commitment(speaker: str, speech: str) -> None:
    assert extract(make_call((speaker, speech))) == ()


@pytest.mark.parametrize(
    ("speech", "deadline", "confidence"),
    [
        ("We're going to aim for maximum carryover.", None, Confidence.MODERATE),
        ("So sometime next year, we may move it to make space.", "2018-12-31", Confidence.LOW),
        (
            "If somebody orders one now, it's probably late next year before they get it.",
            "2018-12-31",
            Confidence.MODERATE,
        ),
        ("We plan on letting customers buy credits in the future.", None, Confidence.MODERATE),
        (
            "We expect margins to come down in the near term as we invest this year.",
            None,
            Confidence.HIGH,
        ),
    ],
)
def test_commitments_without_a_target(
    speech: str, deadline: str | None, confidence: Confidence
) -> None:
    (c,) = extract(make_call(("Ann Lee", speech)))
    assert c.target is None
    assert (c.deadline.isoformat() if c.deadline else None, c.confidence) == (
        deadline,
        confidence,
    )


def test_a_certainty_restating_a_target_takes_it_and_repeats_are_grouped() -> None:
    call = make_call(
        ("Ann Lee", "We are very confident we will achieve the 25% target on Model 3."),
        ("Bob Analyst", "When?"),
        ("Ann Lee", "For sure next year. 100%."),
    )
    pct = figure(call, "25%", 25, "%", FigureKind.PERCENT)
    first, second = extract(call, pct)
    assert (second.quote, second.target, second.unit) == ("For sure next year.", 25, "%")
    assert (second.confidence, second.deadline) == (Confidence.CERTAIN, dt.date(2018, 12, 31))
    assert first.group == second.group == 0


def test_the_fiscal_year_end_stated_in_the_call_moves_the_deadline() -> None:
    call = make_call(
        (
            "Ann Lee",
            "Our fiscal year ending June 30 went well. We expect to open 12 stores next year.",
        ),
        call_date=dt.date(2024, 4, 25),
    )
    stores = figure(call, "12 stores", 12, "store", FigureKind.COUNT)
    (c,) = extract(call, stores)
    assert c.deadline == dt.date(2025, 6, 30)
    (c,) = CommitmentsExtractor(fy_end_month=12).extract(call, {"figures": (stores,)})
    assert isinstance(c, Commitment) and c.deadline == dt.date(2025, 12, 31)


def test_the_extractor_declares_what_it_reads_and_writes() -> None:
    assert (CommitmentsExtractor.name, CommitmentsExtractor.requires) == (
        "commitments",
        ("figures",),
    )
    assert CommitmentsExtractor.produces == "commitments"


@pytest.mark.parametrize(
    ("fixture", "gold"),
    [
        ("capiq/tesla-2017-q2-capiq.txt", "tesla-2017-q2-capiq.gold.json"),
        ("motley-fool-web/FIG_Q2_2025_earnings_call.txt", "FIG_Q2_2025_earnings_call.gold.json"),
    ],
)
def test_real_calls_against_the_gold(fixture: str, gold: str) -> None:
    from callscope.eval.score import score_file, summarise
    from callscope.extract.figures import FiguresExtractor
    from callscope.parse import parse_file

    call = parse_file(shared_path(fixture))
    answers = json.loads((GOLD / gold).read_text())
    figures = FiguresExtractor().extract(call, {})
    found = CommitmentsExtractor().extract(call, {"figures": figures})
    pred = [
        {
            "quote": c.quote, "speaker": c.speaker, "start": c.span.start, "end": c.span.end,
            "deadline": c.deadline.isoformat() if c.deadline else None,
            "confidence": c.confidence.value, "target": c.target, "high": c.high,
        }
        for c in found
        if isinstance(c, Commitment)
    ]  # fmt: skip
    tally = score_file({"commitments": answers["commitments"]}, {"commitments": pred}, call.text)
    scores = summarise([tally])["commitments"]
    assert scores["f1"] >= 0.8
    assert scores["deadline_accuracy"] >= 0.9
    assert scores["confidence_accuracy"] >= 0.75
