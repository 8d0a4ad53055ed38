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
from callscope.model.call import Call, FiscalPeriod, Metadata, Participant, Role, SectionKind
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
        ("We plan to deepen our investment", Confidence.MODERATE, "We plan"),
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
    assert (c.metric, c.target, c.unit, c.per) == ("vehicle rate", 10000, "vehicle", "week")
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


# --- rules that generalise beyond the annotated calls --------------------------------------


@pytest.mark.parametrize(
    "speech",
    [
        "Jamie will take you through the details of the quarter before Q&A.",
        "As far as the rest of the year, we'll have to see.",
        "You should not expect those costs to be mitigated fully in 2019.",
        "If there is no mitigation, you would expect the cost to rise in 2019.",
        "They're going to reduce the regulatory burden next year.",
        "I think it would be premature to suggest we're going to have a headwind in 2019.",
        "The replay of this call will be available on our website until August 7.",
        "I wouldn\u2019t expect much of a change in dealer openings next year.",
        "We do plan to take big swings if and when we see opportunities to invest.",
        "We saw a rebound in May and June, aided by promotions intended to spark sales.",
        "They're like, \"We're worried we're going to run out of capacity next year.\"",
        "Clearly, we're not going to give you a guide for next year.",
        "We plan to be intentional about how we transition customers.",
        "And yes, we do expect that power is\n\ngoing to -- and it hasn't hit us yet.",
        "Their extended lockup will expire one year after the listing.",
    ],
)
def test_not_a_commitment_elsewhere(speech: str) -> None:
    assert extract(make_call(("Ann Lee", speech))) == ()


@pytest.mark.parametrize(
    ("speech", "numbers", "target", "metric"),
    [
        (  # the figure after the cue, not the fact before it
            "We have $1.6 billion of cost and expect to reduce that amount by $300 million.",
            [("$1.6 billion", 1.6e9), ("$300 million", 3e8)],
            3e8,
            "costs",
        ),
        (  # "from X to Y" promises Y
            "We will increase our stake from approximately 10% to approximately 25%.",
            [("approximately 10%", 10), ("approximately 25%", 25)],
            25,
            "stake",
        ),
        (  # a component after "including" is not the target
            "We expect COGS of $19.6 billion, including $700 million of integration costs.",
            [("$700 million", 7e8), ("$19.6 billion", 1.96e10)],
            1.96e10,
            "COGS",
        ),
        (  # a figure just before the cue is its subject; the comparison after it is not
            "Roughly 45% will be recognized in revenue in the next 12 months, up 20% from 2016.",
            [("Roughly 45%", 45), ("20%", 20)],
            45,
            "revenue",
        ),
        (
            "We expect Office revenue growth to be approximately 14% in constant currency.",
            [("approximately 14%", 14)],
            14,
            "revenue growth",
        ),
        (
            "We now expect operating margin as a percent of revenue to be about 9% this year.",
            [("about 9%", 9)],
            9,
            "operating margin",
        ),
        (  # "double-digit" is not a doubling
            "In FY '25, that focus should lead to double-digit revenue growth.",
            [],
            None,
            "revenue growth",
        ),
    ],
)
def test_targets_and_metrics(
    speech: str, numbers: list[tuple[str, float]], target: float | None, metric: str
) -> None:
    call = make_call(("Ann Lee", speech))
    unit = {True: "%", False: "USD"}
    figures = [
        figure(call, q, v, unit[q.endswith("%")], FigureKind.PERCENT if q.endswith("%")
               else FigureKind.MONEY) for q, v in numbers
    ]  # fmt: skip
    (c,) = extract(call, *figures)
    assert (c.target, c.metric) == (target, metric)


def test_an_action_with_a_count_is_named_by_what_it_counts() -> None:
    call = make_call(("Ann Lee", "We plan to open 12 new stores next year."))
    stores = figure(call, "12 new stores", 12, "store", FigureKind.COUNT)
    (c,) = extract(call, stores)
    assert (c.metric, c.target, c.deadline) == ("store openings", 12, dt.date(2018, 12, 31))
    assert (c.confidence, c.cue) == (Confidence.MODERATE, "We plan")


@pytest.mark.parametrize(
    ("speech", "deadline"),
    [
        # the date the promise names, after its cue, not the one of the report before it
        ("We improved the stores this year, and will do so in all stores next year.", "2018-12-31"),
        ("Over the next two years, we expect asset sales of $10 billion in 2019.", "2019-12-31"),
        ("We expect cash savings of $65 million after 2020.", None),
        ("We expect a headwind, like the charge booked in the first quarter of last year.", None),
    ],
)
def test_the_deadline_is_the_promise_own(speech: str, deadline: str | None) -> None:
    call = make_call(("Ann Lee", speech), call_date=dt.date(2017, 8, 2))
    money = [
        figure(call, q, v, "USD", FigureKind.MONEY)
        for q, v in (("$10 billion", 1e10), ("$65 million", 6.5e7))
        if q in speech
    ]
    (c,) = extract(call, *money)
    assert (c.deadline.isoformat() if c.deadline else None) == deadline


def test_a_call_without_a_date_resolves_against_its_reported_quarter() -> None:
    speech = "We expect revenue to grow next year."
    text = f"Ann Lee\n{speech}\n\n"
    call = build_call(
        source="t.txt",
        layout="test",
        text=text,
        metadata=Metadata(fiscal_period=FiscalPeriod("Q3 2022", 2022, 3)),
        participants=[Participant("Ann Lee", Role.EXECUTIVE)],
        raw_turns=[RawTurn("Ann Lee", 8, 8 + len(speech), SectionKind.QA)],
    )
    (c,) = extract(call)
    assert c.deadline == dt.date(2023, 12, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a blank line with no end before it and a lower-case word after is a PDF line break
        ("what we expect to happen in the\n\nmacro environment. Next", [
            "what we expect to happen in the\n\nmacro environment.", "Next"]),
        ("A heading\n\nThe next part", ["A heading", "The next part"]),
    ],
)  # fmt: skip
def test_split_sentences_across_pdf_line_breaks(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_a_list_of_promises_splits_at_and_we() -> None:
    text = (
        "We expect a tax rate of 22%, buybacks of $400 million, and we expect $300 million of FCF."
    )
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == [
        "We expect a tax rate of 22%, buybacks of $400 million",
        "we expect $300 million of FCF.",
    ]


@pytest.mark.parametrize(
    ("fixture", "quote", "deadline"),
    [
        (  # a June fiscal year: FY '25 ends 2025-06-30
            "motley-fool-web/MSFT_Q3_2024_earnings_call.txt",
            "we expect FY '25 operating margins to be down only about 1 point year over year",
            "2025-06-30",
        ),
        (  # a date-less Refinitiv call still resolves "in 2023"
            "refinitiv/Q3 2022 Equinix Inc Earnings Call.txt",
            "These price increases will be passed through to our customers in 2023.",
            "2023-12-31",
        ),
    ],
)
def test_real_calls_without_gold(fixture: str, quote: str, deadline: str) -> None:
    from callscope.extract.figures import FiguresExtractor
    from callscope.parse import parse_file

    call = parse_file(shared_path(fixture))
    found = CommitmentsExtractor().extract(call, {"figures": FiguresExtractor().extract(call, {})})
    (c,) = [f for f in found if isinstance(f, Commitment) and quote in f.quote]
    assert c.deadline is not None and c.deadline.isoformat() == deadline


@pytest.mark.parametrize(
    ("speech", "metric"),
    [
        # a promise made by a weak cue is named from that cue, not from the clause's opening
        ("Given our cash generation, the board has begun to look at capital returns, and we "
         "may consider a share buyback next year.", "consider buyback"),
        ("With the cash we hold, we might initiate a dividend next year.", "initiate dividend"),
        # the action promised, not a metric said in passing after it
        ("We will open the Leipzig facility in the third quarter, and it will serve our "
         "European customers.", "open leipzig facility"),
        ("We expect to make that call in the first half of next year.", "make call"),
        ("We expect a small drag in October.", "drag"),
    ],
)  # fmt: skip
def test_metrics_of_promises_without_a_target(speech: str, metric: str) -> None:
    (c,) = extract(make_call(("Ann Lee", speech)))
    assert (c.target, c.metric) == (None, metric)


@pytest.mark.parametrize(
    ("speech", "quote", "target", "deadline", "confidence"),
    [
        # guidance voiced by its noun
        (
            "We are raising our full-year revenue outlook to $2.40 billion to $2.43 billion.",
            "We are raising our full-year revenue outlook to $2.40 billion to $2.43 billion.",
            2.4e9, "2017-12-31", Confidence.HIGH,
        ),
        (
            "Our adjusted EBITDA outlook for the year rises to $335 million to $342 million.",
            "Our adjusted EBITDA outlook for the year rises to $335 million to $342 million.",
            3.35e8, "2017-12-31", Confidence.HIGH,
        ),
        # a scheduled event
        (
            "The remaining 2 vessels are due in the first half of 2018.",
            "The remaining 2 vessels are due in the first half of 2018.",
            2, "2018-06-30", Confidence.HIGH,
        ),
        (
            "We ordered 400 containers for delivery in the fourth quarter.",
            "We ordered 400 containers for delivery in the fourth quarter.",
            400, "2017-12-31", Confidence.HIGH,
        ),
        # "100%" after "above" is a threshold, not a certainty
        (
            "We continue to expect cash conversion above 100% for the year.",
            "We continue to expect cash conversion above 100% for the year.",
            100, "2017-12-31", Confidence.HIGH,
        ),
        # a PDF's hard wrap inside a refusal is a space
        ("I'm not\ngoing to size next year's buyback on this call.", None, None, None, None),
    ],
)  # fmt: skip
def test_commitments_of_written_calls(
    speech: str,
    quote: str | None,
    target: float | None,
    deadline: str | None,
    confidence: Confidence | None,
) -> None:
    from callscope.extract.figures import FiguresExtractor

    call = make_call(("Ann Lee", speech))
    found = extract(call, *FiguresExtractor().extract(call, {}))  # type: ignore[arg-type]
    got = [(c.quote, c.target, c.deadline and c.deadline.isoformat(), c.confidence) for c in found]
    assert got == ([] if quote is None else [(quote, target, deadline, confidence)])


@pytest.mark.parametrize(
    "speech",
    [
        "The increase is due to timing of shipments.",
        "Our prior outlook was $5 million lower.",
        "The straight line increases that you see in our outlook add $65 million.",
        "Given we're only halfway through the year, we're not updating our outlook.",
    ],
)
def test_a_cause_or_an_old_outlook_is_no_commitment(speech: str) -> None:
    from callscope.extract.figures import FiguresExtractor

    call = make_call(("Ann Lee", speech))
    assert extract(call, *FiguresExtractor().extract(call, {})) == ()  # type: ignore[arg-type]


def test_a_second_expectation_still_splits() -> None:
    text = "We plan to enroll 480 patients, and we still expect data in the second half of 2021."
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == [
        "We plan to enroll 480 patients",
        "we still expect data in the second half of 2021.",
    ]
