"""A guidance list promises one thing per target; more phrasings of a promise are read."""

from __future__ import annotations

import datetime as dt

import pytest

from callscope.extract.commitments import clauses
from callscope.model.facts import Commitment
from callscope.pipeline import analyze_call
from tests.extract.test_commitments import make_call


def _promises(speech: str) -> list[Commitment]:
    call = make_call(("Ann Lee", speech), call_date=dt.date(2017, 8, 2))
    return list(analyze_call(call).commitments)


@pytest.mark.parametrize(
    ("speech", "expected"),
    [
        (
            "For the full year, we expect revenue of $4.3 billion to $4.4 billion, earnings per "
            "share of $5.60 to $5.80, and free cash flow of about $420 million.",
            [
                ("For the full year, we expect revenue of $4.3 billion to $4.4 billion", 4.3e9,
                 "2017-12-31"),
                ("earnings per share of $5.60 to $5.80", 5.6, "2017-12-31"),
                ("free cash flow of about $420 million", 4.2e8, "2017-12-31"),
            ],
        ),
        (  # the far end of a range is no new item; an item with its own period keeps it
            "We expect revenue between $191 million and $193 million, and for the fourth "
            "quarter, margin of 16%.",
            [
                ("We expect revenue between $191 million and $193 million", 1.91e8, None),
                ("for the fourth quarter, margin of 16%", 16.0, "2017-12-31"),
            ],
        ),
        (  # a figure that qualifies the one before stays with it
            "This year we expect EPS of $1.20, or $0.27 per share above last year, and sales "
            "of $5 billion, implying 37% growth.",
            [
                ("This year we expect EPS of $1.20, or $0.27 per share above last year", 1.2,
                 "2017-12-31"),
                ("sales of $5 billion, implying 37% growth", 5e9, "2017-12-31"),
            ],
        ),
        (
            "We expect revenue of $2 billion, up 7%, narrowed from $1.9 billion to $2.1 billion.",
            [
                ("We expect revenue of $2 billion, up 7%, narrowed from $1.9 billion to $2.1 "
                 "billion.", 2e9, None),
            ],
        ),
        (  # a part without a figure joins the item after it
            "Maintenance capital should be $70 million to $80 million, and growth capital, "
            "mostly drilling and studies, about $35 million.",
            [
                ("Maintenance capital should be $70 million to $80 million", 7e7, None),
                ("growth capital, mostly drilling and studies, about $35 million", 3.5e7, None),
            ],
        ),
    ],
)  # fmt: skip
def test_one_promise_per_target_of_a_guidance_list(
    speech: str, expected: list[tuple[str, float, str | None]]
) -> None:
    found = _promises(speech)
    assert [
        (c.quote, c.target, c.deadline.isoformat() if c.deadline else None) for c in found
    ] == expected
    assert len({(c.confidence, c.cue) for c in found}) == 1  # the cue is shared


@pytest.mark.parametrize(
    ("speech", "target", "confidence"),
    [
        ("For 2018, we plan capital spending of $340 million to $360 million.", 3.4e8, "moderate"),
        ("We are reaffirming our long-term target of 5% to 7% annual growth.", 5.0, "high"),
        ("We are on pace to ship 120 units this year.", 120.0, "high"),
        ("Next year we see gross margin back at 79% or a little better.", 79.0, "high"),
        ("Our working assumption is first production from the mine in 2020.", None, "moderate"),
        ("I'd expect churn to stay in the 2% to 3% range this year.", 2.0, "moderate"),
    ],
)
def test_more_phrasings_of_a_promise(speech: str, target: float | None, confidence: str) -> None:
    (c,) = _promises(speech)
    assert (c.target, c.confidence.value) == (target, confidence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We expect to open 30 stores, and we have a study under way.",
            ["We expect to open 30 stores", "we have a study under way."],
        ),
        (
            "We will hire 40 people, and we intend to keep costs flat.",
            ["We will hire 40 people", "we intend to keep costs flat."],
        ),
    ],
)
def test_and_we_have_or_intend_starts_a_new_clause(sentence: str, expected: list[str]) -> None:
    assert [sentence[a:b] for a, b in clauses(sentence, 0, len(sentence))] == expected


@pytest.mark.parametrize(
    "speech",
    [
        "Last year we saw gross margin back at 79%.",
        "We planned capital spending of $300 million last year and spent it.",
    ],
)
def test_past_reports_are_no_promise(speech: str) -> None:
    assert _promises(speech) == []
