from __future__ import annotations

import datetime as dt

import pytest

from callscope.extract._dates import Deadline, find_deadline, find_deadlines
from callscope.extract._fiscal import (
    FiscalCalendar,
    fiscal_year_end_from_period,
    fiscal_year_end_month,
)

CALL = dt.date(2017, 8, 2)  # a Wednesday in fiscal Q3 of a December year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by the end of this year", "2017-12-31"),
        ("by year-end", "2017-12-31"),
        ("sometime this year", "2017-12-31"),
        ("later this year", "2017-12-31"),
        ("before the end of the year", "2017-12-31"),
        ("for the rest of the year", "2017-12-31"),
        ("towards the end of next year", "2018-12-31"),
        ("it's probably late next year before", "2018-12-31"),
        ("at some point next year", "2018-12-31"),
        ("early next year", "2018-03-31"),
        ("mid-next year", "2018-06-30"),
        ("the middle of next year", "2018-06-30"),
        ("next quarter", "2017-12-31"),
        ("this quarter", "2017-09-30"),
        ("by the end of the quarter", "2017-09-30"),
        ("in Q3", "2017-09-30"),
        ("the third quarter", "2017-09-30"),
        ("in Q1", "2018-03-31"),  # Q1 2017 is long past: the next Q1
        ("the second half of the year", "2017-12-31"),
        ("in March", "2018-03-31"),
        ("from 2018 to 2019", "2019-12-31"),  # the start of a span is not its deadline
        ("Q1 2018", "2018-03-31"),
        ("1Q18", "2018-03-31"),
        ("Q2'18", "2018-06-30"),
        ("the first quarter of next year", "2018-03-31"),
        ("the fourth quarter of 2018", "2018-12-31"),
        ("in the back half", "2017-12-31"),
        ("in the second half", "2017-12-31"),
        ("H2", "2017-12-31"),
        ("the first half of 2019", "2019-06-30"),
        ("the second half of next year", "2018-12-31"),
        ("fiscal 2026", "2026-12-31"),
        ("FY26", "2026-12-31"),
        ("fiscal year 2019", "2019-12-31"),
        ("in 2019", "2019-12-31"),
        ("by 2020", "2020-12-31"),
        ("mid-2018", "2018-06-30"),
        ("early 2019", "2019-03-31"),
        ("by the end of 2018", "2018-12-31"),
        ("next month", "2017-09-30"),
        ("in about 8 weeks", "2017-09-27"),
        ("in a few months", "2017-11-02"),
        ("within 12 months", "2018-08-02"),
        ("within 12 to 18 months", "2019-02-02"),
        ("over the next two quarters", "2018-03-31"),
        ("over the next three years", "2020-08-02"),
        ("by the end of the decade", "2019-12-31"),
        ("by September", "2017-09-30"),
        ("this summer", "2017-08-31"),
        ("for the year, we expect", "2017-12-31"),
        ("our full-year revenue", "2017-12-31"),
        ("For the third quarter ending September 30", "2017-09-30"),
    ],
)
def test_find_deadline_resolves_to_the_end_of_the_period(text: str, expected: str) -> None:
    deadline = find_deadline(text, call_date=CALL)
    assert deadline is not None
    assert deadline.date.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "over the next few years",
        "in the near term",
        "over the long term",
        "in the foreseeable future",
        "revenue grew 20% year-over-year",
        "a year ago",
        "last year",
        "in 2016 we built it",  # before the call: not a deadline
        "another 3 or 4 months before you hit it",  # counted from another event, not the call
        "we may do that",  # the modal is not the month
        # the quarter, half or month just reported is the past, not next year's
        "in Q2",
        "the first half",
        "in June",
        "the first quarter of last year",
        "savings of $65 million after 2020",
    ],
)
def test_find_deadline_gives_none_for_vague_or_past_or_absent_time(text: str) -> None:
    assert find_deadline(text, call_date=CALL) is None


def test_a_vague_horizon_said_first_means_no_date() -> None:
    text = "margin pressure in the near term as we invest throughout the year"
    assert find_deadline(text, call_date=CALL) is None


def test_a_short_number_after_a_quarter_is_not_a_year() -> None:
    deadline = find_deadline("in Q3 20 new stores", call_date=CALL)
    assert deadline == Deadline(dt.date(2017, 9, 30), "Q3", 3, 5)


def test_find_deadline_reports_the_phrase_and_its_span() -> None:
    text = "Tesla will achieve a 10,000-unit week by the end of next year."
    assert find_deadline(text, call_date=CALL) == Deadline(
        dt.date(2018, 12, 31), "end of next year", 45, 61
    )


def test_find_deadlines_lists_every_expression_in_order() -> None:
    found = find_deadlines("better in the second half compared to Q2 2017", call_date=CALL)
    assert [(d.text, d.date.isoformat()) for d in found] == [
        ("the second half", "2017-12-31"),
        ("Q2 2017", "2017-06-30"),
    ]


@pytest.mark.parametrize(
    ("text", "call_date", "expected"),
    [
        ("next year", dt.date(2024, 4, 25), "2025-06-30"),
        ("this year", dt.date(2024, 4, 25), "2024-06-30"),
        ("Q4", dt.date(2024, 4, 25), "2024-06-30"),
        ("in January", dt.date(2018, 11, 28), "2019-01-31"),
        ("the first half", dt.date(2024, 4, 25), "2024-12-31"),
        ("next quarter", dt.date(2024, 4, 25), "2024-09-30"),
        ("FY25", dt.date(2024, 4, 25), "2025-06-30"),
        ("Q2", dt.date(2024, 4, 25), "2024-12-31"),
        ("in 2025", dt.date(2024, 4, 25), "2025-12-31"),  # a bare year is a calendar year
    ],
)
def test_quarters_and_years_follow_a_june_fiscal_year(
    text: str, call_date: dt.date, expected: str
) -> None:
    deadline = find_deadline(text, call_date=call_date, fy_end_month=6)
    assert deadline is not None
    assert deadline.date.isoformat() == expected


@pytest.mark.parametrize(
    ("month", "year", "quarter", "expected"),
    [
        (12, 2017, 4, "2017-12-31"),
        (12, 2017, 1, "2017-03-31"),
        (6, 2024, 1, "2023-09-30"),
        (6, 2024, 4, "2024-06-30"),
        (1, 2025, 4, "2025-01-31"),
        (1, 2025, 1, "2024-04-30"),
    ],
)
def test_fiscal_calendar_quarter_ends(month: int, year: int, quarter: int, expected: str) -> None:
    assert FiscalCalendar(month).quarter_end(year, quarter).isoformat() == expected


def test_fiscal_calendar_names_years_by_their_end() -> None:
    june = FiscalCalendar(6)
    assert june.year_of(dt.date(2023, 7, 1)) == 2024
    assert june.quarter_of(dt.date(2024, 4, 25)) == (2024, 4)
    with pytest.raises(ValueError, match="1-12"):
        FiscalCalendar(13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("results for our fiscal year ending June 30, 2024", 6),
        ("the fiscal year ended January 31, 2025", 1),
        ("For the third quarter ending September 30, we expect", 12),
        ("fiscal Q2 2025 (ended June 30, 2025)", 12),
        ("the second quarter ended March 31, 2024", 9),
        ("we had a good year", None),
    ],
)
def test_fiscal_year_end_month_read_from_the_transcript(text: str, expected: int | None) -> None:
    assert fiscal_year_end_month(text) == expected


@pytest.mark.parametrize(
    ("year", "quarter", "call_date", "expected"),
    [
        (2017, 2, dt.date(2017, 8, 2), 12),  # Tesla FQ2 2017
        (2024, 3, dt.date(2024, 4, 25), 6),  # a June year reporting Q3 in April
        (2024, 4, dt.date(2024, 2, 28), 1),  # a January year reporting Q4 in February
        (2017, 4, dt.date(2018, 3, 1), 12),  # a late December-year Q4 call
        (2017, 2, dt.date(2019, 1, 1), None),  # no quarter ended shortly before
    ],
)
def test_fiscal_year_end_from_the_reported_period(
    year: int, quarter: int, call_date: dt.date, expected: int | None
) -> None:
    assert fiscal_year_end_from_period(year=year, quarter=quarter, call_date=call_date) == expected


@pytest.mark.parametrize(
    ("text", "call_date", "expected"),
    [
        # a past-tense verb governs the time: when something was done, not when it is due
        ("the adjustments that we made at the end of the year", dt.date(2019, 1, 31), None),
        ("than it is last year or indeed the year before.", dt.date(2025, 4, 30), None),
        # a year naming a document is not the deadline; the month after it is
        ("We'll provide 2019 guidance in January", dt.date(2018, 7, 24), "2019-01-31"),
        ("this was a project that started in September", dt.date(2018, 11, 28), None),
        ("Q3", dt.date(2024, 4, 25), None),  # the June-year quarter just reported
    ],
)
def test_find_deadline_skips_the_past_and_documents(
    text: str, call_date: dt.date, expected: str | None
) -> None:
    found = find_deadline(text, call_date=call_date, fy_end_month=6 if text == "Q3" else 12)
    assert (found.date.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day named ordinal first
        ("on the 24th of October", "2017-10-24"),
        ("by 3rd March 2018", "2018-03-03"),
        # a span from the call, not the next calendar year
        ("over the next year", "2018-08-02"),
        ("within the next month", "2017-09-02"),
        ("in the next year", "2018-12-31"),
        # a future passive is not a past event ("to be paid in September")
        ("a dividend to be paid in September", "2017-09-30"),
    ],
)
def test_find_deadline_in_written_calls(text: str, expected: str) -> None:
    found = find_deadline(text, call_date=CALL)
    assert found is not None and found.date.isoformat() == expected


@pytest.mark.parametrize("text", ["up from the range we guided in April", "as paid in September"])
def test_a_date_of_what_was_done_is_no_deadline(text: str) -> None:
    assert find_deadline(text, call_date=dt.date(2024, 8, 9)) is None
