"""Metadata of a plain transcript, read from its opening lines.

The header above the first speaker line (or participant list, or section heading) may hold
"Key: value" fields, a "Name (NYSE: X)" line, a title and a date; the opening speech may name
the period. Separate from speaker recognition, which only finds where the header ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from callscope.model.call import Company, Metadata
from callscope.parse import _meta
from callscope.parse._lines import Line

_KEY_VALUE = re.compile(
    r"\s*(?P<key>company|ticker|symbol|exchange|date|event|title|quarter|fiscal period|period)"
    r"\s*:\s*(?P<value>\S.*?)\s*",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(r"\b(?:call|conference|earnings|results|transcript|webcast)\b", re.I)
_TRANSCRIPT_WORD = re.compile(r"(?:earnings\s+call\s+)?transcripts?", re.IGNORECASE)


def _company(keyed: dict[str, str], loose: Sequence[str]) -> tuple[str | None, ...]:
    """Company name, ticker and exchange from "Key: value" lines or a "Name (NYSE: X)" line."""
    company, exchange = keyed.get("company"), keyed.get("exchange")
    ticker = keyed.get("ticker") or keyed.get("symbol")
    for text in loose:
        m = _meta.TICKER.search(text)
        if m is None:
            continue
        ticker = ticker or m.group("tk") or m.group("tk2")
        exchange = exchange or m.group("ex") or m.group("ex2")
        named = text[: m.start()].strip(" \t-–—,:|")
        if named and not _TITLE_WORDS.search(named):
            company = company or named
        break
    if company is None and loose:
        # A first header line with no date and no "call"/"results" in it names the company.
        first = loose[0]
        if not any(ch.isdigit() for ch in first) and not _TITLE_WORDS.search(first):
            company = first
    return company, ticker, exchange


def _metadata(header: Sequence[Line], opening: str) -> Metadata:
    keyed: dict[str, str] = {}
    for line in header:
        kv = _KEY_VALUE.fullmatch(line.raw)
        if kv:
            keyed.setdefault(kv.group("key").casefold(), kv.group("value"))
    loose = [line.text for line in header if not _KEY_VALUE.fullmatch(line.raw)]
    company, ticker, exchange = _company(keyed, loose)
    header_text = "\n".join(line.raw for line in header)
    period = _meta.fiscal_period(keyed.get("quarter") or keyed.get("fiscal period") or "")
    period = period or _meta.fiscal_period(header_text) or _meta.spoken_period(opening[:600])
    day, time = _meta.parse_when(keyed.get("date") or header_text)
    title = keyed.get("title") or keyed.get("event")
    titled = [t for t in loose if _TITLE_WORDS.search(t) and len(t) < 150]
    # "Third Quarter 2025 Earnings Call" over a bare "TRANSCRIPT" banner.
    titled.sort(key=lambda t: _TRANSCRIPT_WORD.fullmatch(t.strip()) is not None)
    title = title or (titled[0] if titled else None)
    return Metadata(
        publisher=None,
        company=Company(name=company, ticker=ticker, exchange=exchange),
        fiscal_period=period,
        call_date=day,
        call_time_utc=time,
        title=title,
    )
