"""Metadata parsing shared by layouts: call dates and times, fiscal periods."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from callscope.model.call import FiscalPeriod

__all__ = ["TICKER", "fiscal_period", "listing", "parse_when", "spoken_period"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ZONES = {
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
}  # fmt: skip

_DATE = re.compile(
    r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
    r"\.?,?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?\s*"
    r"(?P<zone>GMT|UTC|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST)\b"
)


def parse_when(text: str) -> tuple[dt.date | None, dt.time | None]:
    """The first date in ``text`` and, where a time with a zone follows it, that time in UTC.

    "Wednesday, August 02, 2017 9:30 PM GMT" gives (2017-08-02, 21:30); "July 13, 2018 8:30
    AM ET" gives (2018-07-13, 12:30); a date alone gives (date, None).
    """
    m = _DATE.search(text)
    if m is None:
        return None, None
    try:
        if m.group("iy"):
            day = dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        elif m.group("month"):
            month = _MONTHS[m.group("month").lower()[:3]]
            day = dt.date(int(m.group("year")), month, int(m.group("day")))
        else:
            month = _MONTHS[m.group("month2").lower()[:3]]
            day = dt.date(int(m.group("year2")), month, int(m.group("day2")))
    except ValueError:
        return None, None
    t = _TIME.search(text, m.end(), m.end() + 40)
    if t is None:
        return day, None
    hour = int(t.group("hour"))
    minute = int(t.group("minute") or 0)
    ampm = (t.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day, None
    zone = ZoneInfo(_ZONES[t.group("zone")])
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    utc = local.astimezone(dt.UTC)
    return utc.date(), utc.time()


_PERIOD = re.compile(
    r"\b(?:F?Q(?P<q1>[1-4])\s*(?:FY\s*)?'?(?P<y1>(?:19|20)?\d\d)"
    r"|(?P<q2>[1-4])Q\s*'?(?P<y2>(?:19|20)?\d\d)"
    r"|(?P<ord>first|second|third|fourth)[- ]quarter\s+"
    r"(?:and\s+(?:(?:full[- ]|fiscal\s+)?year|fiscal)\s+)?(?:of\s+)?"
    r"(?:fiscal\s+(?:year\s+)?)?(?P<y3>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def fiscal_period(text: str) -> FiscalPeriod | None:
    """The first fiscal quarter named in ``text``, keeping its printed label.

    Recognises "FQ2 2017", "Q2 2018", "1Q23", "Q4 FY2024", "second quarter 2017".
    """
    m = _PERIOD.search(text)
    if m is None:
        return None
    if m.group("q1"):
        quarter, year = int(m.group("q1")), m.group("y1")
    elif m.group("q2"):
        quarter, year = int(m.group("q2")), m.group("y2")
    else:
        quarter, year = _ORDINALS[m.group("ord").lower()], m.group("y3")
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    return FiscalPeriod(label=" ".join(m.group(0).split()), year=full_year, quarter=quarter)


def spoken_period(text: str) -> FiscalPeriod | None:
    """The first fiscal quarter named in speech ("welcome to the fourth-quarter and fiscal 2019
    results call"), labelled "Q4 2019": words said on a call are no publisher's label, and one
    form keeps calls of one company comparable."""
    found = fiscal_period(text)
    if found is None or found.quarter is None or found.year is None:
        return found
    return FiscalPeriod(label=f"Q{found.quarter} {found.year}", year=found.year,
                        quarter=found.quarter)  # fmt: skip


# A listing as printed beside a company's name: "(NASDAQ: NWRB)", "(NWRB)", "NasdaqGS:TSLA".
TICKER = re.compile(
    r"\((?:(?P<ex>[A-Za-z][A-Za-z .]{0,19}?)\s*:\s*)?(?P<tk>[A-Z]{1,5}(?:[.\-][A-Z]{1,2})?)\)"
    r"|\b(?P<ex2>NYSE\w*|Nasdaq\w*|NASDAQ\w*|AMEX|TSXV?|LSE|ASX)\s*:\s*(?P<tk2>[A-Z]{1,5})\b"
)


def listing(text: str, *, with_exchange: bool = False) -> tuple[str, str | None] | None:
    """The first (ticker, exchange) printed in ``text``.

    ``with_exchange`` accepts only listings that name their exchange, for text where a bare
    parenthesised abbreviation ("(ROTCE)") is more likely a term than a ticker.
    """
    for m in TICKER.finditer(text):
        exchange = m.group("ex") or m.group("ex2")
        if with_exchange and not exchange:
            continue
        return m.group("tk") or m.group("tk2"), exchange
    return None
