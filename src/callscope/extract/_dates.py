"""Resolving time expressions ("by the end of next year", "Q3", "in about 8 weeks") to dates.

A deadline is the END of the period named, resolved against the call date and the company's
fiscal calendar. Conventions, so that every caller reads a date the same way:

- A fiscal year is named by the calendar year in which it ends (FY2024 of a June year-end
  ends 2024-06-30). Quarters and halves are fiscal: Q1 starts the month after the year-end.
- "this year", "the year", "year-end", "full year", "next year" and their variants are fiscal
  years; with the default December year-end that is the calendar year. A bare year ("in 2019",
  "by 2020") and "calendar 2019" are calendar years.
- A quarter or half named without a year ("Q3", "the first half") is the first one that ends
  on or after the call date.
- Spans count from the call date: "in about 8 weeks" on 2017-08-02 is 2017-09-27; "a few" is 3
  and "a couple" 2; a range ("12 to 18 months") resolves to its far end.
- Vague horizons resolve to no date: "the near term", "over time", and spans of years with no
  number ("the next few years", "coming years"). A tracker cannot judge a promise against a
  window years wide, so we prefer no deadline to an invented one.
- "early"/"mid"/"late" split a year into the end of its Q1, Q2 and Q4; "the end of the
  decade" is December 31 of the decade's last year (2019 for a call in 2017).

Hand-written rather than a date-parsing library: libraries resolve absolute dates well but
know nothing of fiscal quarters, halves or "the back half", which are most of what executives say.
This module holds one resolver per kind of expression and the table of rules that pairs each
with its pattern; the patterns and their literal pre-checks are ``_date_patterns``, the fiscal
calendar and reading a company's fiscal year-end are ``_fiscal``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from callscope.extract._date_patterns import (
    _BARE_YEAR,
    _CAPITAL_MONTH,
    _COUNTS,
    _DATE,
    _FISCAL_YEAR,
    _FULL_YEAR,
    _HALF,
    _I,
    _MODIFIED_YEAR,
    _MONTH_CONTEXT,
    _MONTH_NAME,
    _MONTHS,
    _ORD,
    _PERIODS,
    _QUARTER,
    _REL_PERIOD,
    _SEASON,
    _SEASONS,
    _SPAN,
    _UNITS,
    _VAGUE,
    _VAGUE_COUNTS,
    _YEAR_END,
    _YEAR_WORDS,
    _capital_month,
    _Check,
    _counted_unit,
    _named_period,
    _year_end_words,
)
from callscope.extract._fiscal import FiscalCalendar, add_months, month_end
from callscope.extract._text import folded

__all__ = [
    "Deadline",
    "find_deadline",
    "find_deadlines",
    "may_name_time",
]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A resolved time expression: ``date`` ends the period; ``start``/``end`` bound ``text``."""

    date: dt.date
    text: str
    start: int
    end: int


# --- resolution -------------------------------------------------------------------------

_Resolver = Callable[[re.Match[str], "_Context"], dt.date | None]


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    call_date: dt.date
    cal: FiscalCalendar

    @property
    def fiscal_year(self) -> int:
        return self.cal.year_of(self.call_date)


def _year(raw: str) -> int:
    return int(raw) if len(raw) == 4 else 2000 + int(raw)


def _count(raw: str | None) -> int | None:
    if raw is None:
        return None
    word = raw.lower().split()[-1] if not raw.isdigit() else raw
    if word == "of":
        word = raw.lower().split()[-2]
    return int(word) if word.isdigit() else _COUNTS.get(word)


_OFFSET = {"this": 0, "the": 0, "current": 0, "next": 1, "following": 1,
           "last": -1, "prior": -1, "previous": -1}  # fmt: skip


def _anchor_year(m: re.Match[str], ctx: _Context) -> int | None:
    """The fiscal year a quarter or half names after it, or None where it names none."""
    rel = m.group("rel")
    if rel:
        return ctx.fiscal_year + _OFFSET[rel.lower().split()[-1]]
    if m.group("qfy"):
        return _year(m.group("qfy"))
    short = m.group("qy") or m.group("qa") or m.group("qb")
    if short:
        return _year(short)
    return None


# A period named without a year that ended this many days before the call is the one just
# reported ("in Q2 we shipped ..." on a Q2 call), not next year's: it is the past.
_JUST_ENDED_DAYS = 92


def _next_from(ctx: _Context, dates: Callable[[int], dt.date]) -> dt.date:
    """The first of ``dates(fiscal year)`` that ends on or after the call date, except that
    one which ended just before the call (the period being reported) is returned as it is."""
    for year in (ctx.fiscal_year - 1, ctx.fiscal_year, ctx.fiscal_year + 1):
        day = dates(year)
        if day >= ctx.call_date - dt.timedelta(days=_JUST_ENDED_DAYS):
            return day
    return dates(ctx.fiscal_year + 1)


def _quarter(m: re.Match[str], ctx: _Context) -> dt.date | None:
    raw = m.group("q1") or m.group("q2") or m.group("q4")
    quarter = int(raw) if raw else _ORD[m.group("q3").lower()]
    year = _anchor_year(m, ctx)
    if year is not None:
        return ctx.cal.quarter_end(year, quarter)
    return _next_from(ctx, lambda y: ctx.cal.quarter_end(y, quarter))


def _half(m: re.Match[str], ctx: _Context) -> dt.date | None:
    which = (m.group("which") or m.group("h1") or m.group("h2")).lower()
    quarter = 2 if which in ("first", "front", "1st", "1") else 4
    year = _anchor_year(m, ctx)
    if year is not None:
        return ctx.cal.quarter_end(year, quarter)
    return _next_from(ctx, lambda y: ctx.cal.quarter_end(y, quarter))


_BEFORE = re.compile(r"[\s-]+(?:before|prior)\b", _I)
_PART_QUARTER = {"early": 1, "beginning": 1, "start": 1, "mid": 2, "middle": 2}


def _relative(m: re.Match[str], ctx: _Context) -> dt.date | None:
    which = m.group("which").lower().split()[-1]
    when = (m.group("when") or "").lower()
    unit = m.group("unit").lower()
    if which == "the" and not when and unit != "year":
        return None  # "the quarter", "the month": usually the one just reported
    if which == "the" and _BEFORE.match(ctx.text, m.end()):
        return None  # "the year before": the past
    if (
        which == "next"
        and not when
        and unit in {"year", "month"}
        and _THROUGH.search(ctx.text, max(0, m.start() - 8), m.start())
    ):  # "over the next year": the twelve months from the call, not next calendar year
        return add_months(ctx.call_date, 12 if unit == "year" else 1)
    shift = _OFFSET[which]
    if unit == "decade":
        return dt.date(ctx.call_date.year // 10 * 10 + 9 + 10 * shift, 12, 31)
    if unit == "month":
        first = add_months(ctx.call_date.replace(day=1), shift)
        return month_end(first.year, first.month)
    if unit == "quarter":
        return ctx.cal.shift_quarters(*ctx.cal.quarter_of(ctx.call_date), shift)
    calendar_year = (m.group("fiscal") or "").lower().startswith("calendar")
    year = (ctx.call_date.year if calendar_year else ctx.fiscal_year) + shift
    cal = FiscalCalendar() if calendar_year else ctx.cal
    if when in _PART_QUARTER:
        return cal.quarter_end(year, _PART_QUARTER[when])
    return cal.year_end(year)


def _year_end(m: re.Match[str], ctx: _Context) -> dt.date | None:
    if m.group("y"):
        return ctx.cal.year_end(int(m.group("y")))
    return ctx.cal.year_end(ctx.fiscal_year + _OFFSET[(m.group("which") or "this").lower()])


def _full_year(m: re.Match[str], ctx: _Context) -> dt.date | None:
    return ctx.cal.year_end(int(m.group("y")) if m.group("y") else ctx.fiscal_year)


def _fiscal_year(m: re.Match[str], ctx: _Context) -> dt.date | None:
    return ctx.cal.year_end(_year(m.group("fy")))


def _modified_year(m: re.Match[str], ctx: _Context) -> dt.date | None:
    year = int(m.group("y"))
    quarter = _PART_QUARTER.get(m.group("when").lower().split()[0], 4)
    return FiscalCalendar().quarter_end(year, quarter)


def _bare_year(m: re.Match[str], ctx: _Context) -> dt.date | None:
    return dt.date(int(m.group("y")), 12, 31)


def _date(m: re.Match[str], ctx: _Context) -> dt.date | None:
    month = _MONTHS[(m.group("m") or m.group("m2")).lower().rstrip(".")]
    day = int(m.group("d") or m.group("d2"))
    if day > calendar.monthrange(ctx.call_date.year, month)[1]:
        return None
    if m.group("y"):
        return dt.date(int(m.group("y")), month, day)
    return _recent_or_next(ctx, dt.date(ctx.call_date.year, month, day))


def _month_name(m: re.Match[str], ctx: _Context) -> dt.date | None:
    plain = not m.group(0).lower().startswith(("the", "end", "middle")) and not m.group("y")
    if plain and not _MONTH_CONTEXT.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None  # "May" at a sentence start, "March" as a name: not a date
    month = _MONTHS[m.group("m").lower().rstrip(".")]
    if m.group("y"):
        return month_end(int(m.group("y")), month)
    return _recent_or_next(ctx, month_end(ctx.call_date.year, month))


def _recent_or_next(ctx: _Context, this_year: dt.date) -> dt.date:
    """A day named without a year: this year's, or next year's where this year's is long past
    (a month just gone, "in May and June" said in July, is the past and stays so)."""
    if this_year >= ctx.call_date - dt.timedelta(days=_JUST_ENDED_DAYS):
        return this_year
    year, month = this_year.year + 1, this_year.month
    if this_year == month_end(this_year.year, month):
        return month_end(year, month)
    return dt.date(year, month, min(this_year.day, calendar.monthrange(year, month)[1]))


def _season(m: re.Match[str], ctx: _Context) -> dt.date | None:
    first, last = _SEASONS[m.group("s").lower().split()[0]]
    year = ctx.call_date.year
    while True:
        start = dt.date(year, first, 1)
        end = month_end(year + (1 if last < first else 0), last)
        nxt = m.group("which").lower() == "next"
        if (start > ctx.call_date) if nxt else (end >= ctx.call_date):
            return end
        year += 1


def _span(m: re.Match[str], ctx: _Context) -> dt.date | None:
    raw = m.group("n2") or m.group("n") or m.group("n3")
    unit = (m.group("unit") or m.group("unit3")).lower()
    n = _count(raw)
    if n is None or (unit == "year" and raw.lower().split()[-1] in _VAGUE_COUNTS | {"of"}):
        return None
    if unit == "day":
        return ctx.call_date + dt.timedelta(days=n)
    if unit == "week":
        return ctx.call_date + dt.timedelta(weeks=n)
    if unit == "quarter":
        return ctx.cal.shift_quarters(*ctx.cal.quarter_of(ctx.call_date), n)
    return add_months(ctx.call_date, n * (12 if unit == "year" else 1))


def _vague(m: re.Match[str], ctx: _Context) -> dt.date | None:
    return None


# Order breaks ties between matches that start at the same place: earlier rules win. Each rule
# comes with words one of which every match of it holds (lower-cased; none: no such words), and
# maybe a further check: where the folded text holds none of the words, or fails the check, the
# rule is not run (most clauses name no time at all). Month names are looked for with their
# capital, as the rules read them, so that "may", "market" and "decline" do not run them.
_RULES: tuple[tuple[re.Pattern[str], _Resolver, tuple[str, ...], _Check | None], ...] = (
    (_VAGUE, _vague, ("term", "time", "years", "quarters", "future", "forward", "run"), None),
    (_DATE, _date, (), _capital_month),
    (_QUARTER, _quarter, ("quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"), None),
    (_HALF, _half, ("half", "1h", "2h", "h1", "h2"), None),
    (_SPAN, _span, _UNITS, _counted_unit),
    (_FULL_YEAR, _full_year, ("full", "whole", "entire"), None),
    (_FISCAL_YEAR, _fiscal_year, ("fiscal", "fy", "f'"), None),
    (_MODIFIED_YEAR, _modified_year, _YEAR_WORDS, None),
    (_YEAR_END, _year_end, ("year",), _year_end_words),
    (_REL_PERIOD, _relative, _PERIODS, _named_period),
    (_SEASON, _season, ("spring", "summer", "fall", "autumn", "winter", "holiday"), None),
    (_MONTH_NAME, _month_name, (), _capital_month),
    (_BARE_YEAR, _bare_year, _YEAR_WORDS, None),
)


_RULE_WORDS = frozenset(word for _, _, words, _ in _RULES for word in words)
# Whether the folded text holds any rule's word at all, in one scan (most texts hold none).
_ANY_RULE_WORD = re.compile("|".join(map(re.escape, sorted(_RULE_WORDS))))


def may_name_time(text: str, low: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (``low`` folded, see ``folded``) holds a word that some time
    expression needs: where it holds none, :func:`find_deadline` finds none in any part of it."""
    return (
        _ANY_RULE_WORD.search(low, start, end) is not None
        or _CAPITAL_MONTH.search(text, start, end) is not None
    )


def _matches(ctx: _Context) -> Iterator[tuple[re.Match[str], dt.date | None]]:
    """Every time expression, longest first where they overlap, in text order."""
    low = folded(ctx.text)
    if low is not None and not may_name_time(ctx.text, low, 0, len(low)):
        return
    held = None if low is None else {word for word in _RULE_WORDS if word in low}
    found = []
    for rank, (pattern, resolve, words, check) in enumerate(_RULES):
        if (
            held is not None
            and low is not None
            and (
                (words and held.isdisjoint(words))
                or (check is not None and not check(ctx.text, low))
            )
        ):
            continue
        for m in pattern.finditer(ctx.text):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), rank, m, resolve))
    found.sort(key=lambda item: item[:3])
    taken_until = -1
    for start, _, _, m, resolve in found:
        if start < taken_until:
            continue
        taken_until = m.end()
        yield m, resolve(m, ctx)


def find_deadlines(text: str, *, call_date: dt.date, fy_end_month: int = 12) -> list[Deadline]:
    """Every time expression in ``text`` that resolves to a date, in text order.

    Dates before the call date are kept (a sentence about the past names them too); vague
    horizons ("the near term") are left out.
    """
    ctx = _Context(text, call_date, FiscalCalendar(fy_end_month))
    return [
        Deadline(date, " ".join(m.group(0).split()), m.start(), m.end())
        for m, date in _matches(ctx)
        if date is not None
    ]


# A span that runs from the call: "over the next year", "within the next month".
_THROUGH = re.compile(r"\b(?:over|within)\s*$", _I)
# A time expression after these words opens a period rather than ending one.
_OPEN_START = re.compile(r"\b(?:after|beyond|since|from|post)\s+(?:the\s+)?$", _I)
# A past-tense verb governing the expression: "the adjustments that we made at the end of the
# year" names when something was done.
# (Not after "be": "a dividend to be paid in September" is the future.)
_PAST = re.compile(
    r"(?<!\bbe )\b(?:made|took|had|did|saw|was|were|ended|reported|booked|recorded|posted|"
    r"delivered|achieved|completed|announced|closed|grew|declined|purchased|bought|sold|"
    r"acquired|signed|launched|opened|hired|spent|paid|raised|issued|returned|started|guided|"
    r"gave|shared|told)\s+(?:\w+\s+){0,2}$",
    _I,
)


def _words_back(text: str, end: int, count: int) -> int:
    """Where the ``count``-th last word of the run of words and spaces that ends at ``end``
    starts (words: ``\\w`` characters, as ``str.isalnum`` or "_"): a match of a pattern of
    at most ``count`` words and the spaces after them that ends at ``end`` starts there or later.
    """
    at = end
    for _ in range(count):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
            at -= 1
    return at


def find_deadline(text: str, *, call_date: dt.date, fy_end_month: int = 12) -> Deadline | None:
    """The first time expression in ``text`` that names a date on or after the call date.

    A vague horizon met first ("in the near term, ... this year") means no date: the speaker
    has already said how precise they are, and a later date belongs to a later thought.

    >>> find_deadline("10,000 a week by the end of next year", call_date=dt.date(2017, 8, 2))
    Deadline(date=datetime.date(2018, 12, 31), text='the end of next year', start=17, end=37)
    """
    ctx = _Context(text, call_date, FiscalCalendar(fy_end_month))
    for m, date in _matches(ctx):
        if date is None and _VAGUE.fullmatch(m.group(0)):
            return None
        # Both patterns end where the expression starts, within its last three words before.
        before = _words_back(text, m.start(), 3)
        if _OPEN_START.search(text, before, m.start()) or _PAST.search(text, before, m.start()):
            continue  # "savings after 2020", "the changes we made at year-end": not a due date
        if date is not None and date >= call_date:
            return Deadline(date, " ".join(m.group(0).split()), m.start(), m.end())
    return None
