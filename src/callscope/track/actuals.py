"""User-supplied actuals: what a company reported, to check its commitments against.

A CSV file with a header row; columns (any order, names case-insensitive, "period end"
also accepted):

- ``ticker`` (required): the company's ticker (or its name, for a call without a ticker);
- ``metric`` (required): as a person writes it ("Gross margin", "Total revenue",
  "robots produced per week"); named like the calls' metrics by
  :func:`~callscope.track._metrics.normalise_metric`;
- ``period_end`` (required): ISO date, the last day of the period the value is for;
- ``value`` (required): in base units as in ``gold/FORMAT.md`` (USD, not millions; 25% is
  25); thousands separators and a leading "$" are allowed;
- ``unit``: ``USD`` (or another currency code), ``%``, ``bps``, ``pp`` or the counted thing
  ("robots"; stored singular, lower-case); empty for none;
- ``per``: the time unit of a rate (``day``, ``week``, ``month``, ``quarter``, ``year``);
- ``source``: where the value comes from ("10-Q for Q1 2026"), shown as the evidence.

A bad row stops the read with one :class:`~callscope.errors.InputError` naming the file and
the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from callscope.errors import InputError
from callscope.track._metrics import normalise_metric

__all__ = ["Actual", "read_actuals"]

REQUIRED = ("ticker", "metric", "period_end", "value")
OPTIONAL = ("unit", "per", "source")
_PERS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
         "annum": "year", "daily": "day", "annual": "year"}  # fmt: skip
_CURRENCIES = frozenset({"usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "sek", "nok",
                         "dkk", "inr", "krw", "hkd", "sgd", "brl", "mxn"})  # fmt: skip
_PER = re.compile(r"^(?:per\s+|a\s+|/\s*)?(?P<w>[a-z]+?)(?:s|ly)?$")
_NUMBER = re.compile(r"^[-+]?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+]?\$?\.\d+$")
_SIGNS = {"%": "%", "percent": "%", "bps": "bps", "basis points": "bps", "bp": "bps",
          "pp": "pp", "percentage points": "pp", "$": "USD"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Actual:
    """One row of an actuals file: a reported value of one metric for one period."""

    ticker: str
    metric: str  # normalised, as the calls' metrics are named
    period_end: dt.date
    value: float
    unit: str | None = None
    per: str | None = None
    source: str = ""  # as given; empty when the file gives none
    name: str = ""  # the metric as written in the file
    path: str = ""
    line: int = 0


def read_actuals(path: str | Path) -> tuple[Actual, ...]:
    """Every row of an actuals CSV file (format in this module's docstring)."""
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(name, f"cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise InputError(name, "not UTF-8 text; save the actuals CSV as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise InputError(name, "empty file; the header row must name " + ", ".join(REQUIRED))
    columns = [_column(h) for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        needs = f"needs {', '.join(REQUIRED)}; optional {', '.join(OPTIONAL)}"
        raise InputError(name, f"line 1: missing column(s) {', '.join(missing)} ({needs})")
    out = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        where = f"line {reader.line_num}"
        if len(cells) != len(columns):
            raise InputError(name, f"{where}: {len(cells)} fields, the header has {len(columns)}")
        row = {c: cell.strip() for c, cell in zip(columns, cells, strict=True)}
        out.append(_actual(row, name, reader.line_num))
    return tuple(out)


def _column(header: str) -> str:
    return "_".join(header.strip().lower().split())


def _actual(row: dict[str, str], path: str, line: int) -> Actual:
    def bad(problem: str) -> InputError:
        return InputError(path, f"line {line}: {problem}")

    for column in REQUIRED:
        if not row[column]:
            raise bad(f"{column} is empty")
    try:
        period_end = dt.date.fromisoformat(row["period_end"])
    except ValueError:
        raise bad(f"period_end {row['period_end']!r} is not a date (YYYY-MM-DD)") from None
    raw = row["value"].replace(" ", "")
    if not _NUMBER.match(raw):
        raise bad(f"value {row['value']!r} is not a number (write 1020 or 1,020.5)")
    per = _per(row.get("per", ""))
    if per is None:
        raise bad(f"per {row['per']!r} is not one of {', '.join(sorted(set(_PERS.values())))}")
    return Actual(
        ticker=row["ticker"],
        metric=normalise_metric(row["metric"]),
        period_end=period_end,
        value=float(raw.replace(",", "").replace("$", "")),
        unit=_unit(row.get("unit", "")) or ("USD" if "$" in raw else None),
        per=per or None,
        source=row.get("source", ""),
        name=row["metric"],
        path=path,
        line=line,
    )


def _per(text: str) -> str | None:
    """The time unit of "week", "weeks", "weekly", "per week", "/week"; "" for none."""
    text = text.strip().lower()
    if not text:
        return ""
    m = _PER.match(text)
    word = m.group("w") if m else text
    return _PERS.get(word) or _PERS.get(text)


def _unit(text: str) -> str | None:
    """A unit as the figures write it: "USD", "%", "bps", "pp" or a thing, singular."""
    low = " ".join(text.lower().split())
    if not low:
        return None
    if low in _SIGNS:
        return _SIGNS[low]
    if low in _CURRENCIES:
        return low.upper()
    if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        low = low[:-1]
    return low
