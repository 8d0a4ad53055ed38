"""The one metric namer: figures, commitments and actuals named alike."""

from __future__ import annotations

import pytest

from callscope.extract._metrics import forward_cue, metric_of, normalise_metric
from callscope.extract.figures import FiguresExtractor
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan
from callscope.pipeline import analyze_file
from tests.conftest import shared_path

SPAN = SourceSpan(0, 1)


def fig(value: float, unit: str, kind: FigureKind, per: str | None = None) -> Figure:
    return Figure(value, unit, kind, "", SPAN, per=per)


USD, PCT = fig(1.0, "USD", FigureKind.MONEY), fig(1.0, "%", FigureKind.PERCENT)
ROBOTS = fig(1.0, "robot", FigureKind.RATE, "week")


@pytest.mark.parametrize(
    ("sentence", "number", "figure", "metric"),
    [
        ("Revenue was $231.7 million", "$231.7", USD, "revenue"),
        ("We reported a gross margin of 29.1% this quarter.", "29.1", PCT, "gross margin"),
        ("Revenue grew 14% year over year.", "14", PCT, "revenue growth"),
        ("Our Office revenue growth was 14% in constant currency.", "14", PCT, "revenue growth"),
        ("Our Q4 effective tax rate was about 18%.", "18", PCT, "tax rate"),
        ("We anticipate COGS of $19.6 billion.", "$19.6", USD, "COGS"),
        ("Diluted earnings per share were $1.25.", "$1.25", USD, "diluted EPS"),
        ("We opened 12 new stores in the quarter.", "12",
         fig(12, "store", FigureKind.COUNT), "store openings"),
        ("We hired 40 engineers.", "40", fig(40, "engineer", FigureKind.COUNT), "headcount"),
        # a rate of things is the rate of that thing, whatever verb or metric word is near
        ("We built 910 robots a week.", "910", ROBOTS, "robot rate"),
        ("The Tern production rate was 910 robots a week.", "910", ROBOTS, "robot rate"),
        ("We expect to reach 1,000 Tern robots per week by year end.", "1,000", ROBOTS,
         "robot rate"),
        ("Lead times are about 9 weeks today.", "9", fig(9, "week", FigureKind.DURATION), None),
    ],
)  # fmt: skip
def test_a_placed_number(sentence: str, number: str, figure: Figure, metric: str | None) -> None:
    assert metric_of(sentence, figure, at=sentence.index(number)) == metric


@pytest.mark.parametrize(
    ("sentence", "number", "figure", "metric"),
    [
        # the subject just before the cue, not the metric after it
        ("Roughly 45% will be recognized in revenue in the next 12 months.", None, None,
         "revenue"),
        # a number the figure rules leave unnamed: the metric said before the cue
        ("We have $1.6 billion of cost and expect to reduce that amount by $300 million.",
         "$300", USD, "costs"),
        ("We expect revenue to grow next year.", None, None, "revenue growth"),
        ("In FY '25, that focus should lead to double-digit revenue growth.", None, None,
         "revenue growth"),
        ("We plan to invest $500 million in new capacity.", "$500", USD, "investment"),
        ("We will open the Leipzig facility in the third quarter.", None, None,
         "open leipzig facility"),
        ("Together, these asset monetizations will generate more than $50 billion.", "$50",
         USD, "asset monetizations"),
        ("We will be at 1,000 a week early next year.", "1,000",
         fig(1000, "a", FigureKind.RATE, "week"), None),
    ],
)  # fmt: skip
def test_a_promise(sentence: str, number: str | None, figure: Figure | None,
                   metric: str | None) -> None:  # fmt: skip
    at = sentence.index(number) if number else None
    cue = next(sentence.index(w) for w in ("will", "expect", "should", "plan") if w in sentence)
    assert metric_of(sentence, figure, at=at, cue=cue) == metric


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # the action promised and its object: one name however it is said
        ("We will open the Leipzig facility in the third quarter.", "open leipzig facility"),
        ("The Leipzig facility will open in the third quarter.", "open leipzig facility"),
        ("We plan to open a new store in Ohio next year.", "open store"),
        ("We are going to open two new stores in Ohio.", "open store"),
        ("This transaction is expected to close in the third quarter.", "close transaction"),
        ("We expect that we will complete the merger by May.", "complete merger"),
        ("We expect to make that call in the first half of next year.", "make call"),
        ("We're going to host our Investor Day in June.", "host investor day"),
        ("It will make sense to establish a Gigafactory in Asia.", "establish gigafactory"),
        ("We will continue to work to cut waste in our plants.", "cut waste"),
        # telling and deciding keep their verb before the metric they govern
        ("We'll give guidance in February, as we always do.", "give guidance"),
        ("We will provide 2026 guidance in January.", "provide guidance"),
        ("We may consider a share buyback next year.", "consider buyback"),
        ("We plan to update guidance at our investor meeting.", "update guidance"),
        # a noun phrase the cue governs, without degree words
        ("We expect a small drag in October.", "drag"),
        ("We expect a modest drag next quarter.", "drag"),
        ("I expect there to be continued sequential improvement.", "sequential improvement"),
        ("We expect a number of product milestones this year.", "product milestone"),
        # a metric the promise is about stays the metric
        ("We expect margins to come down next year.", "margin"),
        ("We expect our gross margins to improve.", "gross margin"),
        ("We expect a slight decline in oil production next quarter.", "oil production"),
        ("We expect FX to lower COGS growth by a point.", "COGS growth"),
        ("We will continue to invest in R&D.", "R&D"),
        ("We expect our March quarter revenue to grow.", "revenue growth"),
        # a state is named by its subject; an intransitive verb by its subject alone
        ("Demand will recover in the second half.", "demand"),
        ("The overall program will break even around 2030.", "program"),
    ],
)  # fmt: skip
def test_a_promise_without_a_target(sentence: str, metric: str) -> None:
    cue = forward_cue(sentence)
    assert cue is not None
    assert metric_of(sentence, None, cue=cue.start()) == metric


@pytest.mark.parametrize(
    ("name", "metric"),
    [("Total Revenues", "revenue"), ("Capital expenditures", "capex"),
     ("Gross Margin", "gross margin"), ("Cost of goods sold", "COGS"),
     ("robots  produced per week", "robots produced per week")],
)  # fmt: skip
def test_normalise_metric(name: str, metric: str) -> None:
    assert normalise_metric(name) == metric


def test_figures_and_commitments_share_names_in_a_real_call() -> None:
    """Tesla's Q2 2017 call: the rate promised and the figures of the same rate are one metric."""
    call = analyze_file(shared_path("capiq/tesla-2017-q2-capiq.txt"))
    promise = next(c for c in call.commitments if c.target == 10000 and c.per == "week")
    rates = {f.metric for f in call.figures if f.unit == "vehicle" and f.per == "week"}
    assert promise.metric == "vehicle rate" and rates == {"vehicle rate"}


def test_the_figures_extractor_names_each_figure() -> None:
    call = analyze_file(shared_path("refinitiv/Q3 2022 Weyerhaeuser Co Earnings Call.txt"))
    figure = next(f for f in call.figures if "sales of $2.3 billion" in f.quote)
    assert figure.metric == "net sales"
    assert FiguresExtractor().extract(call.call, {}) == call.figures


@pytest.mark.parametrize(
    ("quote", "metric"),
    [
        ("make sense to establish a Gigafactory in China and Europe", "establish gigafactory"),
        ("keep the majority of our production in the U.S.", "production"),
        ("our operating cash flows to be significantly better", "operating cash flow"),
    ],
)
def test_promises_without_a_target_in_a_real_call(quote: str, metric: str) -> None:
    """Tesla's Q2 2017 call: what is promised, where no figure is."""
    call = analyze_file(shared_path("capiq/tesla-2017-q2-capiq.txt"))
    (promise,) = [c for c in call.commitments if quote in c.quote]
    assert (promise.target, promise.metric) == (None, metric)
