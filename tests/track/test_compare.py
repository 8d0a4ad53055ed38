"""Comparing a call with the company's previous one: metric names, pairing, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from callscope.corpus import Corpus
from callscope.extract._metrics import metric_of as name
from callscope.extract.figures import name_figures
from callscope.model.call import Call, Company, FiscalPeriod, Metadata, Participant, Role
from callscope.model.call import SectionKind as Kind
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind, ToneScore
from callscope.model.source import SourceSpan
from callscope.parse._build import RawTurn, build_call
from callscope.pipeline import AnalyzedCall, analyze_file
from callscope.track._metrics import (
    TermCounts,
    distinctive_terms,
    is_reference,
    looks_forward,
    metric_of,
    number_at,
    term_counts,
)
from callscope.track.compare import (
    CallKey,
    CommitmentStatus,
    company_key,
    compare,
    comparison_to_dict,
    latest_earlier,
    same_company,
    value_text,
)
from tests.conftest import shared_path

EXAMPLES = sorted(Path(str(files("callscope") / "examples")).glob("northwind-*.txt"))
SPAN = SourceSpan(0, 1)


def fig(value: float, unit: str, kind: FigureKind, per: str | None = None) -> Figure:
    return Figure(value, unit, kind, "", SPAN, per=per)


USD, PCT = fig(1.0, "USD", FigureKind.MONEY), fig(1.0, "%", FigureKind.PERCENT)


# --- metric names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "figure", "metric"),
    [
        ("Revenue was $182.4 million, up 31% from a year ago.", "$182.4", USD, "revenue"),
        ("Revenue was $182.4 million, up 31% from a year ago.", "31%", PCT, "revenue growth"),
        ("We ended the quarter with $412 million in cash and no debt.", "$412", USD, "cash"),
        ("Software and services were 8% of revenue.", "8%", PCT,
         "software and services share of revenue"),
        ("Hardware revenue was $188.9 million and software and services revenue was "
         "$42.8 million.", "$42.8", USD, "software and services revenue"),
        ("Non-GAAP operating loss narrowed to $5.4 million from $9.9 million last quarter.",
         "$5.4", USD, "non-GAAP operating loss"),
        ("We are raising our full-year revenue guidance to $820 million to $860 million.",
         "$820", USD, "revenue guidance"),
        ("Operating expenses were $63.8 million, including $31.2 million of research and "
         "development.", "$31.2", USD, "R&D"),
        ("Free cash flow was negative $21.7 million, driven by capital spending of $34 million.",
         "$34", USD, "capex"),
        ("Total revenue for the quarter was $2.3 billion.", "$2.3", USD, "revenue"),
        ("Adjusted EBITDA decreased by $51 million compared to the second quarter.", "$51", USD,
         "adjusted EBITDA change"),
        ("On margin, we still expect to reach 30% gross margin next year.", "30%", PCT,
         "gross margin"),
        # a rate of things is named by the thing, whatever the verb: built and promised alike
        ("On production, we exited the quarter building 910 Tern robots a week.", "910",
         fig(910, "robot", FigureKind.RATE, "week"), "robot rate"),
        ("We expect to reach 1,000 Tern robots per week by the end of this year.", "1,000",
         fig(1000, "robot", FigureKind.RATE, "week"), "robot rate"),
        ("We also added 41 new customers this quarter.", "41",
         fig(41, "customer", FigureKind.COUNT), "new customers"),
        # a number after a noun phrase we do not know is not given a farther metric
        ("Customers on 4.2 are seeing pick rates about 12% higher than before.", "12%", PCT,
         None),
        ("North America was 81% of revenue and Europe 17%.", "17%", PCT, None),
        ("This translated to an EBITDA impact of approximately $25 million.", "$25", USD, None),
        ("Lead times are about 9 weeks today.", "9", fig(9, "week", FigureKind.DURATION), None),
    ],
)  # fmt: skip
def test_metric_of_a_placed_number(
    sentence: str, number: str, figure: Figure, metric: str | None
) -> None:
    assert metric_of(sentence, figure, at=sentence.index(number)) == metric


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Given our cash generation, we may consider a share buyback next year.",
         "consider buyback"),
        ("We expect inventory to stay around this level through the third quarter.",
         "inventory"),
        ("We expect a small drag in October and nothing after that.", "drag"),
        ("We expect the start-up drag to be somewhat larger in the third quarter.",
         "start-up drag"),
        ("We will open the Leipzig facility in the third quarter.", "open leipzig facility"),
        ("We'll see how it goes.", None),
    ],
)  # fmt: skip
def test_metric_of_a_promise_without_a_number(sentence: str, metric: str | None) -> None:
    assert metric_of(sentence) == metric


def test_metric_of_finds_the_number_by_the_figures_quote() -> None:
    figure = Figure(29.1, "%", FigureKind.PERCENT, "margin was 29.1%, up from", SPAN)
    assert metric_of("Gross margin was 29.1%, up from 27.5%.", figure) == "gross margin"


@pytest.mark.parametrize(
    ("sentence", "number", "reference", "forward"),
    [
        ("Gross margin was 28.3%, up from 27.5% in the first quarter.", "28.3", False, False),
        ("Gross margin was 28.3%, up from 27.5% in the first quarter.", "27.5", True, False),
        ("It narrowed to $5.4 million from $9.9 million last quarter.", "$9.9", True, False),
        ("Gross margin was 29.1% and 28.3% last quarter.", "28.3", True, False),
        ("For the fourth quarter, we expect gross margin between 29% and 30%.", "29", False,
         True),
        ("I think we can get gross margin to 30% next year.", "30", False, True),
        ("We remain on track for 1,000 robots a week by year-end.", "1,000", False, True),
        ("Let me be direct about the 1,000-a-week goal.", "1,000", False, True),
        ("Our 30% gross margin target still holds.", "30", False, True),
        ("We built 900 robots a week, short of the target.", "900", False, False),
    ],
)  # fmt: skip
def test_references_and_forward_figures(
    sentence: str, number: str, reference: bool, forward: bool
) -> None:
    at = sentence.index(number)
    assert (is_reference(sentence, at), looks_forward(sentence, at)) == (reference, forward)


@pytest.mark.parametrize(
    ("text", "at"),
    [("Q2 revenue of $5 million", 14), ("up 31%", 3), ("a steady two shifts", 9), ("none", None)],
)
def test_number_at_skips_numbers_inside_names(text: str, at: int | None) -> None:
    assert number_at(text) == at


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Figure(205.1e6, "USD", FigureKind.MONEY, "", SPAN), "$205.1M"),
        (Figure(-21.7e6, "USD", FigureKind.MONEY, "", SPAN), "-$21.7M"),
        (Figure(820e6, "USD", FigureKind.MONEY, "", SPAN, high=860e6), "$820M–$860M"),
        (Figure(29.0, "%", FigureKind.PERCENT, "", SPAN, high=30.0), "29–30%"),
        (Figure(80.0, "bps", FigureKind.PERCENT, "", SPAN, high=100.0), "80–100 bps"),
        (Figure(143e6, "", FigureKind.COUNT, "", SPAN), "143M"),
        (Figure(11600.0, "robot", FigureKind.COUNT, "", SPAN), "11,600"),
        (Figure(1000.0, "robot", FigureKind.RATE, "", SPAN, per="week"), "1,000/week"),
    ],
)
def test_value_text(figure: Figure, text: str) -> None:
    assert value_text(figure) == text


# --- company identity and the previous call -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Northwind Robotics, Inc.", "northwind robotics"),
        ("NORTHWIND ROBOTICS INC", "northwind robotics"),
        ("Weyerhaeuser Co", "weyerhaeuser"),
        ("Weyerhaeuser Company", "weyerhaeuser"),
        ("The Coca-Cola Company", "coca cola"),
        ("AGNC Investment Corp.", "agnc investment"),
        ("Barclays PLC", "barclays"),
        ("Iron Mountain Incorporated", "iron mountain"),
        ("AT&T Inc.", "at and t"),
        ("", None),
        (None, None),
    ],
)
def test_company_key(name: str | None, key: str | None) -> None:
    assert company_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (Company("Northwind Robotics, Inc.", "NWRB"), Company("Northwind Robotics", "nwrb"), True),
        (Company("Northwind Robotics, Inc.", "NWRB"), Company("Northwind Robotics", None), True),
        (Company("Northwind Robotics, Inc.", "NWRB"), Company("Northwind Robotics", "NWR"), False),
        (Company("Weyerhaeuser Co", None), Company("Weyerhaeuser Company", None), True),
        (Company("Iron Mountain Inc", None), Company("Iron Mountain Ventures", None), False),
        (Company(None, None), Company(None, None), False),
    ],
)  # fmt: skip
def test_same_company(a: Company, b: Company, same: bool) -> None:
    assert same_company(a, b) is same


NW, OTHER = Company("Northwind Robotics, Inc.", "NWRB"), Company("Acme Corp", "ACME")


def key(id_: int, day: str | None, year: int | None = None, quarter: int | None = None,
        company: Company = NW) -> CallKey:  # fmt: skip
    return CallKey(id_, company, dt.date.fromisoformat(day) if day else None, year, quarter)


@pytest.mark.parametrize(
    ("current", "others", "expected"),
    [
        # the latest earlier call of the same company, whatever the order stored
        (key(3, "2025-11-04", 2025, 3),
         [key(1, "2025-05-06", 2025, 1), key(2, "2025-08-05", 2025, 2)], 2),
        (key(3, "2025-11-04", 2025, 3),
         [key(2, "2025-08-05", 2025, 2), key(1, "2025-05-06", 2025, 1)], 2),
        # another company's later-but-earlier call is not it
        (key(3, "2025-11-04"), [key(1, "2025-05-06"), key(2, "2025-09-01", company=OTHER)], 1),
        # a later call is not previous; the first call has none
        (key(1, "2025-05-06"), [key(2, "2025-08-05"), key(3, "2025-11-04")], None),
        # the same call from another publisher (same date and period) is not previous
        (key(4, "2025-08-05", 2025, 2), [key(2, "2025-08-05", 2025, 2)], None),
        # same day: the fiscal period decides
        (key(5, "2025-08-05", 2025, 2), [key(6, "2025-08-05", 2025, 1)], 6),
        # no dates: the fiscal period alone
        (key(7, None, 2025, 3), [key(8, None, 2025, 2), key(9, None, 2024, 4)], 8),
        # no date and no period: the order is unknown
        (key(7, None), [key(8, "2025-01-01")], None),
    ],
)  # fmt: skip
def test_latest_earlier(current: CallKey, others: list[CallKey], expected: int | None) -> None:
    found = latest_earlier(current, [current, *others])
    assert (found.id if found else None) == expected


# --- hand-built calls ---------------------------------------------------------------------------

PEOPLE = (
    Participant("Maya Lindqvist", Role.EXECUTIVE, "CEO"),
    Participant("Tom Becker", Role.ANALYST, firm="Halvorsen Securities"),
)


def build(turns: list[tuple[str, str]], day: str, quarter: int) -> Call:
    """A call whose turns are (speaker, speech); Tom Becker's turns are Q&A."""
    text, raws = "", []
    for speaker, speech in turns:
        head = f"{speaker}: "
        start = len(text) + len(head)
        text += head + speech + "\n"
        section = Kind.QA if speaker == "Tom Becker" else Kind.PRESENTATION
        raws.append(RawTurn(speaker, start, start + len(speech), section))
    metadata = Metadata(
        company=Company("Northwind Robotics, Inc.", "NWRB"),
        fiscal_period=FiscalPeriod(f"Q{quarter} 2025", 2025, quarter),
        call_date=dt.date.fromisoformat(day),
    )
    return build_call(source=f"q{quarter}.txt", layout="test", text=text, metadata=metadata,
                      participants=PEOPLE, raw_turns=raws)  # fmt: skip


def figure_at(call: Call, number: str, value: float, unit: str, kind: FigureKind,
              high: float | None = None, per: str | None = None) -> Figure:  # fmt: skip
    start = call.text.index(number)
    turn = next(t for t in call.turns if t.span.start <= start < t.span.end)
    span = SourceSpan(start, start + len(number))
    return Figure(value, unit, kind, number, span, high=high, per=per, turn=turn.index,
                  speaker=turn.speaker)  # fmt: skip


def promise(call: Call, clause: str, target: float | None, unit: str | None,
            deadline: str | None, high: float | None = None,
            per: str | None = None) -> Commitment:  # fmt: skip
    """A commitment named as the extractor names one ("" where the clause names no metric)."""
    start = call.text.index(clause)
    kinds = {"%": FigureKind.PERCENT, "USD": FigureKind.MONEY}
    kind = FigureKind.RATE if per else kinds.get(unit or "", FigureKind.COUNT)
    target_figure = Figure(target, unit or "", kind, "", SPAN, per=per) if target else None
    return Commitment(
        name(clause, target_figure) or "", clause, SourceSpan(start, start + len(clause)),
        Confidence.HIGH,
        target=target, high=high, unit=unit, per=per,
        deadline=dt.date.fromisoformat(deadline) if deadline else None,
        speaker="Maya Lindqvist", turn=0,
    )  # fmt: skip


def analyzed(call: Call, figures: list[Figure], commitments: list[Commitment],
             tone: list[ToneScore] | None = None) -> AnalyzedCall:  # fmt: skip
    facts = {"figures": tuple(name_figures(call, figures)), "commitments": tuple(commitments)}
    if tone is not None:
        return AnalyzedCall(call, {**facts, "tone": tuple(tone)}, tone_available=True)
    return AnalyzedCall(call, facts)


Q2_GOAL = "We remain on track for 1,000 robots a week by year-end."
Q3_GOAL = "We now expect to reach 1,000 robots a week in the first quarter of 2026."


def test_a_goal_moved_to_a_later_date_is_deferred() -> None:
    q2 = build([("Maya Lindqvist", Q2_GOAL)], "2025-08-05", 2)
    q3 = build([("Maya Lindqvist", Q3_GOAL)], "2025-11-04", 3)
    rate = ("1,000", 1000.0, "robot", FigureKind.RATE)
    previous = analyzed(
        q2,
        [figure_at(q2, *rate, per="week")],
        [promise(q2, Q2_GOAL, 1000, "robot", "2025-12-31", per="week")],
    )
    current = analyzed(
        q3,
        [figure_at(q3, *rate, per="week")],
        [promise(q3, Q3_GOAL, 1000, "robot", "2026-03-31", per="week")],
    )
    [change] = compare(current, previous).commitments
    assert (change.status, change.metric, change.detail) == (
        CommitmentStatus.DEFERRED,
        "robot rate",
        "deadline 2025-12-31 → 2026-03-31",
    )
    assert change.previous is not None and change.previous.quote == Q2_GOAL
    assert compare(previous, current).commitments[0].status is CommitmentStatus.ADVANCED


def test_a_target_said_again_without_a_metric_is_one_promise() -> None:
    again = "We will be at 1,000 a week early next year."
    q2 = build([("Maya Lindqvist", Q2_GOAL)], "2025-08-05", 2)
    q3 = build([("Maya Lindqvist", f"{Q3_GOAL} {again}")], "2025-11-04", 3)
    previous = analyzed(q2, [], [promise(q2, Q2_GOAL, 1000, "robot", "2025-12-31", per="week")])
    current = analyzed(
        q3,
        [figure_at(q3, "1,000 robots", 1000.0, "robot", FigureKind.RATE, per="week")],
        [
            promise(q3, Q3_GOAL, 1000, "robot", "2026-03-31", per="week"),
            promise(q3, again, 1000, "a", "2025-12-31", per="week"),
        ],
    )
    changes = compare(current, previous).commitments
    assert [(c.status.value, c.metric) for c in changes] == [("deferred", "robot rate")]


@pytest.mark.parametrize(
    ("before", "after", "status"),
    [
        ((29.0, 30.0, "2025-12-31"), (29.0, 30.0, "2025-12-31"), CommitmentStatus.RESTATED),
        ((29.0, 30.0, "2025-12-31"), (30.0, 31.0, "2025-12-31"), CommitmentStatus.RAISED),
        ((29.0, 30.0, "2025-12-31"), (28.0, 29.0, "2026-06-30"), CommitmentStatus.LOWERED),
        ((28.0, 31.0, "2025-12-31"), (29.0, 30.0, "2025-12-31"), CommitmentStatus.NARROWED),
        ((29.0, 30.0, "2025-12-31"), (28.0, 31.0, "2025-12-31"), CommitmentStatus.WIDENED),
        ((29.0, None, "2025-12-31"), (30.0, None, "2025-12-31"), CommitmentStatus.RAISED),
        ((29.0, 30.0, "2025-12-31"), (29.0, 30.0, "2026-12-31"), CommitmentStatus.DEFERRED),
    ],
)  # fmt: skip
def test_a_target_of_one_metric_moves(
    before: tuple[float, float | None, str], after: tuple[float, float | None, str],
    status: CommitmentStatus,
) -> None:  # fmt: skip
    said = "For the fourth quarter, we expect gross margin of {}."

    def side(target: tuple[float, float | None, str], day: str, quarter: int) -> AnalyzedCall:
        low, high, deadline = target
        words = f"{low:g}%" + (f" to {high:g}%" if high is not None else "")
        call = build([("Maya Lindqvist", said.format(words))], day, quarter)
        figure = figure_at(call, f"{low:g}%", low, "%", FigureKind.PERCENT, high=high)
        return analyzed(
            call, [figure], [promise(call, said.format(words), low, "%", deadline, high=high)]
        )

    [change] = compare(side(after, "2025-11-04", 3), side(before, "2025-08-05", 2)).commitments
    assert (change.status, change.metric) == (status, "gross margin")


def test_added_dropped_and_due_commitments() -> None:
    capex = "We expect capital spending for the year of $110 million."
    opex = "For the third quarter, we expect operating expenses of $66 million."
    buyback = "We may consider a share buyback next year."
    q2 = build([("Maya Lindqvist", f"{capex} {opex}")], "2025-08-05", 2)
    q3 = build([("Maya Lindqvist", buyback)], "2025-11-04", 3)
    previous = analyzed(q2, [], [promise(q2, capex, 110e6, "USD", "2025-12-31"),
                                 promise(q2, opex, 66e6, "USD", "2025-09-30")])  # fmt: skip
    current = analyzed(q3, [], [promise(q3, buyback, None, None, "2026-12-31")])
    changes = compare(current, previous).commitments
    assert [(c.status.value, c.metric) for c in changes] == [
        ("added", "consider buyback"),
        ("dropped", "capex"),
        ("due", "operating expenses"),
    ]


def test_figures_of_one_metric_that_changed() -> None:
    q2 = build([("Maya Lindqvist", "Revenue was $205.1 million. Gross margin was 28.3%.")],
               "2025-08-05", 2)  # fmt: skip
    q3 = build([("Maya Lindqvist", "Revenue was $231.7 million, up from $205.1 million. "
                 "Gross margin was 28.3%. We expect revenue of $250 million next quarter."),
                ("Tom Becker", "Is revenue of $240 million realistic?")],
               "2025-11-04", 3)  # fmt: skip
    previous = analyzed(
        q2,
        [
            figure_at(q2, "$205.1 million", 205.1e6, "USD", FigureKind.MONEY),
            figure_at(q2, "28.3%", 28.3, "%", FigureKind.PERCENT),
        ],
        [],
    )
    money = [("$231.7 million", 231.7e6), ("$205.1 million", 205.1e6), ("$250 million", 250e6),
             ("$240 million", 240e6)]  # fmt: skip
    current = analyzed(
        q3,
        [figure_at(q3, n, v, "USD", FigureKind.MONEY) for n, v in money]
        + [figure_at(q3, "28.3%", 28.3, "%", FigureKind.PERCENT)],
        [],
    )
    comparison = compare(current, previous)
    assert [(f.metric, f.unit, f.previous.value, f.current.value)
            for f in comparison.figures] == [("revenue", "USD", 205.1e6, 231.7e6)]  # fmt: skip
    doc = comparison_to_dict(comparison)
    assert doc["figures"][0]["previous"]["text"] == "$205.1M"
    assert doc["figures"][0]["current"]["text"] == "$231.7M"
    assert doc["tone"] is None and "unavailable" in doc["tone_note"]
    json.dumps(doc)


def tone(scope: str, key: str, words: int, positive: float, negative: float) -> ToneScore:
    return ToneScore(scope, key, words, positive, negative, 0, 0, 0, 0, 0, 0)


def test_tone_shifts_per_section_and_for_the_executives() -> None:
    q2 = build([("Maya Lindqvist", "Fine."), ("Tom Becker", "Why?")], "2025-08-05", 2)
    q3 = build([("Maya Lindqvist", "Good."), ("Tom Becker", "Why?")], "2025-11-04", 3)
    previous = analyzed(q2, [], [], [tone("section", "presentation", 100, 10, 4),
                                     tone("speaker", "Maya Lindqvist", 100, 10, 4),
                                     tone("speaker", "Tom Becker", 50, 0, 20)])  # fmt: skip
    current = analyzed(q3, [], [], [tone("section", "presentation", 100, 12, 2),
                                    tone("speaker", "Maya Lindqvist", 100, 12, 2),
                                    tone("speaker", "Tom Becker", 50, 0, 0)])  # fmt: skip
    comparison = compare(current, previous)
    assert comparison.tone_note is None
    assert [(t.scope, round(t.net_change, 6)) for t in comparison.tone] == [
        ("presentation", 4.0),
        ("executives", 4.0),
    ]
    assert compare(current, analyzed(q2, [], [])).tone_note == (
        "tone not compared: unavailable for the previous call (install the extra: pip install "
        "'callscope[tone]', then ingest again)"
    )


# --- topics --------------------------------------------------------------------------------------


def test_term_counts_keep_nouns_and_pairs() -> None:
    counts = term_counts(["We may consider a share buyback. The buyback is not decided.",
                          "I think we can assume the Fremont retooling ends soon."])  # fmt: skip
    assert counts.counts["buyback"] == 2 and "buyback" in counts.nouns
    assert counts.counts["share buyback"] == 1
    assert counts.counts["fremont retooling"] == 1 and "fremont" in counts.nouns
    assert "assume" not in counts.nouns and "think" not in counts.counts


@pytest.mark.parametrize(
    ("mine", "other", "expected"),
    [
        # absent from the other call; a pair that explains its words replaces them
        ({"buyback": 3, "drive": 2, "motor": 2, "drive motor": 2, "leipzig": 1},
         {"leipzig": 5}, [("buyback", 3, 0), ("drive motor", 2, 0)]),
        # rare in the other call (a quarter as frequent or less) still counts
        ({"leipzig": 8, "columbus": 3}, {"leipzig": 2, "columbus": 1}, [("leipzig", 8, 2)]),
        ({"robot": 9}, {"robot": 9}, []),
    ],
)  # fmt: skip
def test_distinctive_terms(
    mine: dict[str, int], other: dict[str, int], expected: list[tuple[str, int, int]]
) -> None:
    words = frozenset(t for t in mine if " " not in t)
    got = distinctive_terms(TermCounts(Counter(mine), words), TermCounts(Counter(other), words))
    assert [(t.term, t.count, t.other) for t in got] == expected


# --- the bundled Northwind calls -----------------------------------------------------------------


@pytest.fixture(scope="module")
def northwind() -> list[AnalyzedCall]:
    assert [p.name for p in EXAMPLES] == [
        "northwind-2025-q1-capiq.txt", "northwind-2025-q2-seekingalpha.txt",
        "northwind-2025-q3-plain.txt"]  # fmt: skip
    return [analyze_file(p) for p in EXAMPLES]


def figure_changes(current: AnalyzedCall, previous: AnalyzedCall) -> dict[str, tuple[str, str]]:
    doc = comparison_to_dict(compare(current, previous))
    return {f["metric"]: (f["previous"]["text"], f["current"]["text"]) for f in doc["figures"]}


@pytest.mark.parametrize(
    ("now", "then", "metric", "values"),
    [
        (1, 0, "revenue", ("$182.4M", "$205.1M")),
        (1, 0, "gross margin", ("27.5%", "28.3%")),
        (1, 0, "new customers", ("31", "38")),
        (2, 1, "revenue", ("$205.1M", "$231.7M")),
        (2, 1, "gross margin", ("28.3%", "29.1%")),
        (2, 1, "free cash flow", ("-$21.7M", "$14.6M")),
        (2, 1, "revenue guidance", ("$820M–$860M", "$835M–$855M")),
        (2, 1, "software and services revenue", ("$18.5M", "$42.8M")),
    ],
)
def test_northwind_figures(
    northwind: list[AnalyzedCall], now: int, then: int, metric: str, values: tuple[str, str]
) -> None:
    assert figure_changes(northwind[now], northwind[then])[metric] == values


def test_northwind_q2_restates_the_robot_goal(northwind: list[AnalyzedCall]) -> None:
    changes = compare(northwind[1], northwind[0]).commitments
    goal = [c for c in changes if c.previous and c.previous.target == 1000]
    assert [(c.status, c.metric) for c in goal] == [(CommitmentStatus.RESTATED, "robot rate")]


def test_northwind_q3_defers_the_robot_goal(northwind: list[AnalyzedCall]) -> None:
    changes = compare(northwind[2], northwind[1]).commitments
    goal = [c for c in changes if c.previous and c.previous.target == 1000]
    assert [(c.status, c.metric) for c in goal] == [(CommitmentStatus.DEFERRED, "robot rate")]
    assert goal[0].current is not None and goal[0].current.deadline == dt.date(2026, 3, 31)


def test_northwind_topics(northwind: list[AnalyzedCall]) -> None:
    comparison = compare(northwind[2], northwind[1])
    assert "buyback" in [t.term for t in comparison.new_topics]
    assert "columbus" in [t.term for t in comparison.vanished_topics]


# --- the CLI over a temporary database ---------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("compare") / "calls.db"
    with Corpus(path) as corpus:
        report = corpus.ingest(EXAMPLES)
        assert report.failed == [] and len(report.added) == 3
    return str(path)


def test_corpus_previous(db: str) -> None:
    with Corpus(db) as corpus:
        ids = {row["fiscal_period"]: row["id"] for row in corpus.calls()}
        q1, q2, q3 = ids["FQ1 2025"], ids["Q2 2025"], ids["Q3 2025"]
        assert (corpus.previous(q3), corpus.previous(q2), corpus.previous(q1)) == (q2, q1, None)


def test_cli_compare_readable(db: str) -> None:
    result = CliRunner().invoke(cli, ["compare", "3", "--db", db], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Q3 2025 (2025-11-04) compared with Q2 2025 (2025-08-05)" in out
    revenue = next(line for line in out.splitlines() if "│ revenue " in line)
    assert "$205.1M" in revenue and "$231.7M" in revenue and "+13.0%" in revenue
    assert "New topics: buyback (3)" in out


def test_cli_compare_json(db: str) -> None:
    result = CliRunner().invoke(cli, ["compare", "3", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["current"]["fiscal_period"], doc["previous"]["fiscal_period"]) == (
        "Q3 2025",
        "Q2 2025",
    )
    revenue = next(f for f in doc["figures"] if f["metric"] == "revenue")
    assert (revenue["previous"]["value"], revenue["current"]["value"]) == (205.1e6, 231.7e6)
    assert {"added", "dropped", "due"} <= {c["status"] for c in doc["commitments"]}
    assert [t["scope"] for t in doc["tone"] or []] in ([], ["presentation", "qa", "executives"])


@pytest.mark.parametrize(
    ("call_id", "message"),
    [
        ("1", "callscope: error: call 1 (Northwind Robotics, Inc. FQ1 2025, "
              "northwind-2025-q1-capiq.txt): no earlier call of the same company is stored; "
              "ingest one to compare with"),
        ("99", "callscope: error: no call with id 99 in "),
    ],
)  # fmt: skip
def test_cli_compare_without_a_previous_call(db: str, call_id: str, message: str) -> None:
    result = CliRunner().invoke(cli, ["compare", call_id, "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


# --- real transcripts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    ["capiq/tesla-2017-q2-capiq.txt", "refinitiv/Q3 2022 Weyerhaeuser Co Earnings Call.txt"],
)
def test_a_real_call_compared_with_itself_changes_nothing(relative: str) -> None:
    call = analyze_file(shared_path(relative))
    comparison = compare(call, call)
    assert comparison.figures == () and comparison.new_topics == ()
    assert comparison.vanished_topics == ()
    assert comparison.commitments
    assert {c.status for c in comparison.commitments} == {CommitmentStatus.RESTATED}
    assert all(abs(t.net_change) < 1e-9 for t in comparison.tone)


@pytest.mark.parametrize(
    ("relative", "quote", "metric"),
    [
        ("refinitiv/Q3 2022 Weyerhaeuser Co Earnings Call.txt", "sales of $2.3 billion",
         "net sales"),
        ("refinitiv/Q3 2022 Weyerhaeuser Co Earnings Call.txt", "debt of just over $5 billion",
         "debt"),
    ],
)  # fmt: skip
def test_metric_of_real_figures(relative: str, quote: str, metric: str) -> None:
    call = analyze_file(shared_path(relative))
    figure = next(f for f in call.figures if quote in f.quote)
    turn = call.call.turns[figure.turn or 0]
    assert metric_of(turn.text, figure) == metric
