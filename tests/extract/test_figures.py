from __future__ import annotations

import json

import pytest

from callscope.eval.score import score_file
from callscope.extract.figures import FiguresExtractor, figures_in
from callscope.model.call import Call, Metadata, Participant, Role, SectionKind
from callscope.model.codec import fact_to_dict
from callscope.model.facts import Figure, FigureKind
from callscope.parse import parse_file
from callscope.parse._build import RawTurn, build_call
from tests.conftest import GOLD, shared_path

M, P, C, D, R, OT = (
    FigureKind.MONEY,
    FigureKind.PERCENT,
    FigureKind.COUNT,
    FigureKind.DURATION,
    FigureKind.RATIO,
    FigureKind.OTHER,
)


def only(text: str) -> Figure:
    figures = figures_in(text)
    assert len(figures) == 1, [f.quote for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "high", "unit", "per", "kind"),
    [
        ("We're spending $100 million a week.", 1e8, None, "USD", "week", M),
        ("revenue of $1.29 billion, up", 1.29e9, None, "USD", None, M),
        ("EPS was ($0.12) this quarter", -0.12, None, "USD", None, M),
        ("margin was negative 3% in Q2", -3, None, "%", None, P),
        ("about 1,800 a day", 1800, None, "", "day", FigureKind.RATE),
        (
            "a production rate of 10,000 vehicles per week",
            1e4,
            None,
            "vehicle",
            "week",
            FigureKind.RATE,
        ),
        ("we hit a 5,000-unit week soon", 5000, None, "unit", "week", FigureKind.RATE),
        # A hyphenated rate names no unit ("a" is no counted thing).
        ("about the 1,000-a-week goal", 1000, None, "", "week", FigureKind.RATE),
        ("we make 500-per-day here", 500, None, "", "day", FigureKind.RATE),
        ("20,000 units a year", 2e4, None, "unit", "year", FigureKind.RATE),
        ("it took 70 to 90 days to pay", 70, 90, "day", None, D),
        ("maybe 3 or 4 months away", 3, 4, "month", None, D),
        ("a 1- or 2-month wait", 1, 2, "month", None, D),
        ("a week or 2 here", 1, 2, "week", None, D),
        ("$1.2 billion to $1.6 billion in capex", 1.2e9, 1.6e9, "USD", None, M),
        ("$1.2 to 1.6 billion in capex", 1.2e9, 1.6e9, "USD", None, M),
        ("growth between 5% and 7% next year", 5, 7, "%", None, P),
        ("it was 17%, 18% last year", 17, 18, "%", None, P),
        ("leverage of 4.5x to 5.5x over time", 4.5, 5.5, "", None, R),
        ("it charges in half an hour", 0.5, None, "hour", None, D),
        ("we sold half a million cars", 5e5, None, "car", None, C),
        ("we hired twenty-five engineers", 25, None, "engineer", None, C),
        ("we opened a dozen stores", 12, None, "store", None, C),
        ("it took a couple of months", 2, None, "month", None, D),
        ("sales of €40 million in Europe", 4e7, None, "EUR", None, M),
        ("costs of 3 million euros there", 3e6, None, "EUR", None, M),
        ("£5bn of debt", 5e9, None, "GBP", None, M),
        ("paid ¥200 billion", 2e11, None, "JPY", None, M),
        ("a dividend of 37 cents per share", 0.37, None, "USD", None, M),
        ("margin fell 150 basis points", 150, None, "bps", None, P),
        ("down 4.1 percentage points from", 4.1, None, "pp", None, P),
        ("grew 12 percent in the year", 12, None, "%", None, P),
        ("revenue of $5.2mm in the", 5.2e6, None, "USD", None, M),
        ("costs were $750k in total", 7.5e5, None, "USD", None, M),
        ("33,000 people work here", 33000, None, "person", None, C),
        ("12 high-precision ultrasonic sonars", 12, None, "sonar", None, C),
        ("a 100-kilowatt hour pack", 100, None, "kWh", None, OT),
        ("a 56 MVA substation", 56, None, "MVA", None, OT),
        ("we leased 130 megawatts this year", 130, None, "megawatt", None, OT),
        ("even if it's 1 in 1,000, it matters", 0.001, None, "", None, R),
        ("about 1/3 of those costs", 1 / 3, None, "", None, R),
        ("target range of low to mid-60s percent", 60, None, "%", None, P),
        ("30 Model 3s were delivered", 30, None, "model 3", None, C),
        ("20 of the units were for", 20, None, "unit", None, C),
        ("saving $2 billion annually", 2e9, None, "USD", "year", M),
        # the counted thing: a plural in "-ws", after a name, an acronym, "-oes", "-ies"
        ("we got 10 million social media views", 1e7, None, "view", None, C),
        ("it sold 100 million Acme Widget Corp shares", 1e8, None, "share", None, C),
        ("we signed 3 large CSPs this year", 3, None, "csp", None, C),
        ("a score north of 70 NPS today", 70, None, "nps", None, C),
        ("we shipped 12 LNG cargoes in May", 12, None, "cargo", None, C),
        ("the top 10 best-selling movies ever", 10, None, "movie", None, C),
        ("we sold two one million barrel cargoes", 1e6, None, "barrel", None, OT),
        ("we built [30] production Widget 3s so far", 30, None, "widget 3", None, C),
        ("merging 20 cash equities platforms", 20, None, "platform", None, C),
        ("our 900 loyal workers continues to grow", 900, None, "worker", None, C),
        ("it was a four-pound box", 4, None, "pound", None, C),
        ("roughly 5 points of margin", 5, None, "point", None, C),
        ("SEK 2 billion in sales", 2e9, None, "SEK", None, M),
        ("EPS of $(0.12) in the quarter", -0.12, None, "USD", None, M),
        ("we cut 60 million board feet", 6e7, None, "board foot", None, OT),
        # "-ish", "-plus", hyphenated points, hyphen compounds of a measure
        ("margins in the 60-ish percent range", 60, None, "%", None, P),
        ("we run 4,000-plus stores now", 4000, None, "store", None, C),
        ("we saw a 24-basis point decline", 24, None, "bps", None, P),
        ("it was a 4-percentage point gain", 4, None, "pp", None, P),
        ("GDP falling 1 percentage\n\npoint this year", 1, None, "pp", None, P),
        ("we put up a 40-foot-tall sign", 40, None, "foot", None, OT),
        # rates: not an adjective ("monthly active"), through "of oil"; measures of two words
        ("it has 2.2 billion monthly active on the app", 2.2e9, None, "", None, C),
        ("about 50,000 barrels of oil per day", 5e4, None, "barrel", "day", OT),
        ("moving 2 billion cubic feet per day", 2e9, None, "cubic foot", "day", OT),
        # scales hyphenated, after "+", across a line break
        ("our 33-billion-euro loan book", 3.3e10, None, "EUR", None, M),
        ("to redeploy 2+ billion euros of capital", 2e9, None, "EUR", None, M),
        ("it is about 250\n       million euros in all", 2.5e8, None, "EUR", None, M),
        ("a run-rate of between\n       1.6 and 1.65 billion euros", 1.6e9, 1.65e9, "EUR", None, M),
        # spoken shares
        ("about a third of our book renews", 1 / 3, None, "", None, R),
        ("two-thirds of the customers buy", 2 / 3, None, "", None, R),
        ("nearly half of our loans are", 0.5, None, "", None, R),
        ("close to three quarters of all deposits", 0.75, None, "", None, R),
        ("the plant is owned two-thirds by them", 2 / 3, None, "", None, R),
    ],
)
def test_reads_value_unit_rate(
    text: str, value: float, high: float | None, unit: str, per: str | None, kind: FigureKind
) -> None:
    figure = only(text)
    assert figure.value == pytest.approx(value)
    assert figure.high == (pytest.approx(high) if high is not None else None)
    assert (figure.unit, figure.per, figure.kind) == (unit, per, kind)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("approximately $1.3 billion", "approximately"),
        ("in excess of 30% growth", "in excess of"),
        ("close to 60 days", "close to"),
        ("north of 20% growth", "north of"),
        ("up to 10,000 units", "up to"),
        ("more than 65% of them", "more than"),
    ],
)
def test_keeps_qualifier_inside_the_number(text: str, qualifier: str) -> None:
    figure = only(text)
    assert figure.qualifier == qualifier
    assert figure.number is not None
    assert text[figure.number.start : figure.number.end].startswith(text.split(" ")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Welcome to the fiscal 2026 call. In 2017 we grew.",
        "Our Q2 results and the second quarter.",
        "The Model 3 and Gigafactory 2 and Model S 100D.",
        "the cells are still 18650, and those",
        "I have 1 question and 2 things and one follow-up.",
        "It was one of the best days.",
        "all hands on deck 24/7 and one-on-one meetings",
        "people should have 0 concern about that",
        "a few hundred vehicles and a couple hundred basis points",
        "see page 5 and slide 12 of the deck",
        "on August 2 at 8:30 AM Eastern",
        "the 3rd time and our 2nd plant",
        "our 10-Q and the 8-K filing",
        "deliveries grew compared to Q2 '16 in a flat market",
        "as of 3/31 and again on 6/30",
        "we file 8-Ks and the 20-F each year",
        "if you're a 7-Eleven shop",
        "their #1 concern is capacity",
        "the 777X program slipped",
        "see Slides 11 through 15 and Pages 3, 4, and 5",
        "your [CET 1 ratio] is strong",
        "it fell by a couple of hundred million dollars",
        "a 360-degree view of the customer",
        "the two factors, three key takeaways and a couple of follow ups",
        "this was a quarter of, you know, investment",
        "in the second half of the year",
        "Widget 365 suite sales grew. We sell the Widget 365 suite.",
        "the 737 program and the 737 MAX and the new 737 MAX 9 jets",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures_in(text) == []


def test_quote_takes_a_few_words_of_context_within_the_sentence() -> None:
    figure = only("Yes. So we're spending $100 million a week. So a big number.")
    assert figure.quote == "So we're spending $100 million a week"
    assert figure.number is not None


def test_quote_stops_at_a_dash() -> None:
    assert only("the margin -- 25% by then").quote == "25% by then"


def test_bare_number_takes_the_unit_of_an_equal_figure() -> None:
    first, second = figures_in("We make 5,000 units a week now. When we get to 5,000 we win.")
    assert (second.value, second.unit, second.per, second.kind) == (
        5000,
        "unit",
        "week",
        FigureKind.RATE,
    )
    assert first.unit == "unit"


def test_a_hyphenated_rate_lends_no_unit_to_a_bare_number() -> None:
    text = "The 1,000-a-week goal holds, and we will be at 1,000 a week early next year."
    assert [(f.value, f.unit, f.per) for f in figures_in(text)] == [
        (1000, "", "week"),
        (1000, "", "week"),
    ]


def test_a_restart_is_no_range() -> None:
    assert [(f.value, f.high, f.unit) for f in figures_in("more than 70 -- 7,000 turbines")] == [
        (7000, None, "turbine")
    ]


def test_a_percent_does_not_range_into_a_scaled_count() -> None:
    figures = figures_in("video views increased 13% to 11.2 billion this year")
    assert [(f.value, f.high, f.unit) for f in figures] == [(13, None, "%"), (11.2e9, None, "")]


@pytest.mark.parametrize(
    "text",
    [
        "Our margin was 25%. " + "More words here. " * 100 + "Fans above the age of 25 came.",
        "We have an 18-week season. Viewers in the 18 to 49 demo grew.",
    ],
)
def test_bare_number_does_not_take_a_far_or_unequal_unit(text: str) -> None:
    assert [f.value for f in figures_in(text)] == [25 if "25%" in text else 18]


def test_bare_number_takes_no_unit_from_another_speaker() -> None:
    call = make_call(
        ("Bob Analyst", "So you fixed it for five years, at what rate?"),
        ("Ann Lee", "It was a little over 8.50."),
    )
    facts = FiguresExtractor().extract(call, {})
    assert [(f.speaker, f.value, f.unit) for f in facts] == [  # type: ignore[union-attr]
        ("Bob Analyst", 5, "year")
    ]


def test_from_to_is_two_figures() -> None:
    figures = figures_in("the ramp from 5,000 units to 10,000 units in 2018")
    assert [(f.value, f.high) for f in figures] == [(5000, None), (10000, None)]


def test_offset_shifts_spans_and_quote_is_collapsed() -> None:
    text = "grew\n  revenue 14%\nlast year"
    figure = figures_in(text, offset=100)[0]
    assert figure.quote == "grew revenue 14% last year"
    assert (figure.span.start, figure.span.end) == (100, 100 + len(text))
    assert figure.number is not None
    assert text[figure.number.start - 100 : figure.number.end - 100] == "14%"
    assert figure.speaker is None and figure.turn is None


def make_call(*turns: tuple[str, str]) -> Call:
    text, raws = "", []
    for speaker, speech in turns:
        text += f"{speaker}\n"
        raws.append(RawTurn(speaker, len(text), len(text) + len(speech), SectionKind.QA))
        text += speech + "\n\n"
    people = [Participant("Ann Lee", Role.EXECUTIVE), Participant("Bob Analyst", Role.ANALYST)]
    return build_call(
        source="t.txt",
        layout="test",
        text=text,
        metadata=Metadata(),
        participants=people,
        raw_turns=raws,
    )


def test_extractor_fills_speaker_turn_and_call_offsets() -> None:
    call = make_call(
        ("Bob Analyst", "Payment terms, is that 60?"),
        ("Ann Lee", "Close to 60 days payment terms with our suppliers."),
    )
    extractor = FiguresExtractor()
    assert (extractor.name, extractor.requires, extractor.produces) == ("figures", (), "figures")
    facts = extractor.extract(call, {})
    assert [(f.speaker, f.turn, f.value, f.unit) for f in facts] == [  # type: ignore[union-attr]
        ("Bob Analyst", 0, 60, "day"),
        ("Ann Lee", 1, 60, "day"),
    ]
    for fact in facts:
        assert call.text[fact.span.start : fact.span.end] == fact.quote  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fixture", "gold"),
    [
        ("capiq/tesla-2017-q2-capiq.txt", "tesla-2017-q2-capiq"),
        (
            "refinitiv/Q3 2022 Iron Mountain Inc Earnings Call.txt",
            "Q3 2022 Iron Mountain Inc Earnings Call",
        ),
    ],
)
def test_real_call_scores_against_the_gold(fixture: str, gold: str) -> None:
    call = parse_file(shared_path(fixture))
    path = GOLD / f"{gold}.gold.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    figures = [fact_to_dict(f) for f in FiguresExtractor().extract(call, {})]
    tally = score_file(
        {"figures": json.loads(path.read_text())["figures"]}, {"figures": figures}, call.text
    )["figures"]
    assert tally["tp"] / tally["gold"] >= 0.95
    assert tally["tp"] / tally["pred"] >= 0.95
    assert tally["value_ok"] / tally["tp"] >= 0.97
    assert tally["per_ok"] / tally["tp"] >= 0.97


def test_tesla_reference_figures() -> None:
    call = parse_file(shared_path("capiq/tesla-2017-q2-capiq.txt"))
    by_quote = {f.quote: f for f in FiguresExtractor().extract(call, {}) if isinstance(f, Figure)}
    week = next(f for q, f in by_quote.items() if "$100 million a week" in q)
    assert (week.value, week.unit, week.per, week.speaker) == (1e8, "USD", "week", "Deepak Ahuja")
    days = next(f for q, f in by_quote.items() if "70 to 90 days" in q)
    assert (days.value, days.high, days.unit) == (70, 90, "day")


@pytest.mark.parametrize(
    ("text", "value", "high", "unit", "per"),
    [
        # "a year ago" dates a figure; it is no rate
        ("costs were $39.8 million a year ago, driven by", 3.98e7, None, "USD", None),
        ("versus $0.33 a quarter earlier", 0.33, None, "USD", None),
        ("we spend $2 million a year on it", 2e6, None, "USD", "year"),
        # points changed or estimated are measured ("up about 3 points"), not points made
        ("utilization in those clinics is up about 3 points.", 3, None, "point", None),
        ("pricing contributed a little under 3 points, so", 3, None, "point", None),
        ("gross margin rose 2 points.", 2, None, "point", None),
        # a range that narrows or widens stays a range ("from X to Y" otherwise is a change)
        ("guidance, narrowed from $385 million to $420 million.", 3.85e8, 4.2e8, "USD", None),
    ],
)
def test_written_call_figure_readings(
    text: str, value: float, high: float | None, unit: str, per: str | None
) -> None:
    figure = only(text)
    assert (figure.value, figure.high, figure.unit, figure.per) == (value, high, unit, per)


@pytest.mark.parametrize("text", ["I have about 2 points to make.", "Two points here."])
def test_points_made_are_no_figures(text: str) -> None:
    assert figures_in(text) == []


def test_a_change_from_to_is_still_two_figures() -> None:
    found = figures_in("Revenue grew from $5 million to $7 million.")
    assert [(f.value, f.high) for f in found] == [(5e6, None), (7e6, None)]
