"""Private helpers of the extractors: a company's fiscal calendar, and finding its year-end.

A :class:`FiscalCalendar` names fiscal years, quarters and their last days; the year-end month
is read from what a transcript states ("fiscal year ending June 30", "Q2 (ended June 30)") or
inferred from the period a call reports and its date. Separate from ``_dates``, which resolves
time expressions against a calendar: this part is date arithmetic and two whole-text readings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from callscope.extract._date_patterns import _I, _MONTH_RE, _MONTHS, _ORD
from callscope.extract._text import folded

__all__ = [
    "FiscalCalendar",
    "add_months",
    "fiscal_year_end_from_period",
    "fiscal_year_end_month",
    "month_end",
]


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """A company's fiscal calendar: the month its fiscal year ends in (12 = December)."""

    fy_end_month: int = 12

    def __post_init__(self) -> None:
        if not 1 <= self.fy_end_month <= 12:
            raise ValueError(f"fiscal year-end month must be 1-12, not {self.fy_end_month}")

    def year_of(self, day: dt.date) -> int:
        """The fiscal year holding ``day``, named by the calendar year it ends in."""
        return day.year if day.month <= self.fy_end_month else day.year + 1

    def year_end(self, fiscal_year: int) -> dt.date:
        return month_end(fiscal_year, self.fy_end_month)

    def quarter_of(self, day: dt.date) -> tuple[int, int]:
        """(fiscal year, quarter 1-4) holding ``day``."""
        offset = (day.month - self.fy_end_month - 1) % 12
        return self.year_of(day), offset // 3 + 1

    def quarter_end(self, fiscal_year: int, quarter: int) -> dt.date:
        month = self.fy_end_month - 3 * (4 - quarter)
        year = fiscal_year
        if month <= 0:
            month += 12
            year -= 1
        return month_end(year, month)

    def shift_quarters(self, fiscal_year: int, quarter: int, by: int) -> dt.date:
        index = fiscal_year * 4 + quarter - 1 + by
        return self.quarter_end(index // 4, index % 4 + 1)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


_FY_STATED = re.compile(
    r"\bfiscal\s+year\s+(?:that\s+)?(?:ends?|ending|ended|end)\s+(?:on\s+|in\s+)?(?P<m>"
    + _MONTH_RE
    + r")",
    _I,
)
_Q_STATED = re.compile(
    r"\b(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q|(?P<q3>first|second|third|fourth)\s+(?:fiscal\s+)?"
    r"quarter)\b[^.;()]{0,40}?[(\s](?:which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<m>"
    + _MONTH_RE
    + r")\s+\d",
    _I,
)


def fiscal_year_end_month(text: str) -> int | None:
    """The fiscal year-end month a transcript states, or None where it states none.

    Reads "fiscal year ending June 30" directly, and "the third quarter ending September 30"
    or "fiscal Q2 (ended June 30)" by counting forward to the fourth quarter's end.
    """
    low = folded(text)
    stated = _search(_FY_STATED, text, None if low is None else _find_all(low, "fiscal"))
    if stated:
        return _MONTHS[stated.group("m").lower().rstrip(".")]
    m = _search(_Q_STATED, text, None if low is None else _q_starts(low))
    if m:
        quarter = int(m.group("q1") or m.group("q2") or _ORD[m.group("q3").lower()])
        month = _MONTHS[m.group("m").lower().rstrip(".")]
        return (month + 3 * (4 - quarter) - 1) % 12 + 1
    return None


# Searching a whole transcript, an IGNORECASE pattern that opens with "\b" is tried at every
# character; where each match must start at a word found by ``str.find`` in the folded text,
# trying just those places (in order) finds the same first match many times faster.


def _find_all(low: str, word: str) -> Iterator[int]:
    at = low.find(word)
    while at >= 0:
        yield at
        at = low.find(word, at + 1)


_QUARTER_DIGITS = frozenset("1234")


def _q_starts(low: str) -> Iterator[int]:
    """Where a ``_Q_STATED`` match may start: "Q3" at its "q", "3Q" at its digit, an ordinal."""
    for at in _find_all(low, "q"):
        if low[at + 1 : at + 2] in _QUARTER_DIGITS:
            yield at
        if at > 0 and low[at - 1] in _QUARTER_DIGITS:
            yield at - 1
    for word in ("first", "second", "third", "fourth"):
        yield from _find_all(low, word)


def _search(
    pattern: re.Pattern[str], text: str, starts: Iterable[int] | None
) -> re.Match[str] | None:
    """``pattern.search(text)``, tried only at ``starts`` where every match starts at one of
    them (None: no folded text to find them in, so everywhere)."""
    if starts is None:
        return pattern.search(text)
    for at in sorted(set(starts)):
        m = pattern.match(text, at)
        if m:
            return m
    return None


# A results call comes this many days after the quarter it reports ends.
_REPORTING_LAG = (10, 75)
# Where several year-ends fit, prefer December, then the other calendar-quarter months.
_PREFERRED_YEAR_ENDS = (12, 3, 6, 9)


def fiscal_year_end_from_period(*, year: int, quarter: int, call_date: dt.date) -> int | None:
    """The year-end month under which fiscal ``quarter`` of ``year`` ended shortly before the call.

    A Q3 FY2024 call on 2024-04-25 reports a quarter that ended in March, so the year ends in
    June. Where several months fit, December and then March, June and September win.
    """
    fits = []
    for month in range(1, 13):
        lag = (call_date - FiscalCalendar(month).quarter_end(year, quarter)).days
        if _REPORTING_LAG[0] <= lag <= _REPORTING_LAG[1]:
            fits.append(month)
    for month in _PREFERRED_YEAR_ENDS:
        if month in fits:
            return month
    return fits[0] if fits else None
