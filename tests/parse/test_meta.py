import datetime as dt

import pytest

from callscope.parse._meta import fiscal_period, parse_when, spoken_period


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("Wednesday, August 02, 2017 9:30 PM GMT", dt.date(2017, 8, 2), dt.time(21, 30)),
        ("July 13, 2018  8:30 AM ET", dt.date(2018, 7, 13), dt.time(12, 30)),
        ("January 10, 2019 5:00 PM ET", dt.date(2019, 1, 10), dt.time(22, 0)),
        ("APRIL 01, 2005 / 4:00PM GMT", dt.date(2005, 4, 1), dt.time(16, 0)),
        ("Sept. 3, 2025", dt.date(2025, 9, 3), None),
        ("3 March 2021", dt.date(2021, 3, 3), None),
        ("no date here", None, None),
    ],
)
def test_parse_when(text: str, date: dt.date | None, time: dt.time | None) -> None:
    assert parse_when(text) == (date, time)


@pytest.mark.parametrize(
    ("text", "label", "year", "quarter"),
    [
        ("Tesla FQ2 2017 Earnings Call", "FQ2 2017", 2017, 2),
        ("(NYSE:JPM) Q2 2018 Results", "Q2 2018", 2018, 2),
        ("1Q23 FINANCIAL RESULTS", "1Q23", 2023, 1),
        ("the second quarter 2017 call", "second quarter 2017", 2017, 2),
        (
            "Fourth Quarter and Fiscal Year 2021 Earnings",
            "Fourth Quarter and Fiscal Year 2021",
            2021,
            4,
        ),
        (
            "our fourth quarter and full-year 2024 results",
            "fourth quarter and full-year 2024",
            2024,
            4,
        ),
        ("the third quarter of fiscal 2022", "third quarter of fiscal 2022", 2022, 3),
        ("Fourth Quarter and Fiscal 2019 Earnings", "Fourth Quarter and Fiscal 2019", 2019, 4),
    ],
)
def test_fiscal_period(text: str, label: str, year: int, quarter: int) -> None:
    period = fiscal_period(text)
    assert period is not None
    assert (period.label, period.year, period.quarter) == (label, year, quarter)


@pytest.mark.parametrize(
    ("text", "label", "year", "quarter"),
    [
        ("Welcome to the Teekay Fourth Quarter and Fiscal 2019 Earnings Results Call", "Q4 2019",
         2019, 4),
        ("our first-quarter 2021 earnings call", "Q1 2021", 2021, 1),
        ("the third quarter of fiscal 2022 results", "Q3 2022", 2022, 3),
        ("welcome to the Q2 2018 call", "Q2 2018", 2018, 2),
    ],
)  # fmt: skip
def test_spoken_period(text: str, label: str, year: int, quarter: int) -> None:
    found = spoken_period(text)
    assert found is not None
    assert (found.label, found.year, found.quarter) == (label, year, quarter)
    assert spoken_period("thank you for joining us today") is None
