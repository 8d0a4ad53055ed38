"""Repairs of PDF-to-text artefacts shared by layouts. Every repair keeps the text's length.

Blanking instead of deleting keeps every character offset valid, so spans found in the
cleaned text point at the same characters of the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["blank", "bullet_spans", "page_furniture_spans"]


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` range replaced by spaces (newlines kept)."""
    ordered = sorted(span for span in spans if span[0] < span[1])
    if not ordered:
        return text
    if ordered[0][0] < 0 or max(end for _, end in ordered) > len(text):
        return _blank_by_index(text, ordered)
    # Sorted spans, merged as we go, each replaced by slices: a character-by-character loop
    # over a whole transcript was a large share of a layout's parse.
    out = []
    pos = 0
    for start, end in ordered:
        start = max(start, pos)
        if start >= end:
            continue
        out.append(text[pos:start])
        out.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _blank_by_index(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """:func:`blank` for offsets outside the text: they index as a list does (or raise)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# --- Page furniture of PDF-to-text output (pages separated by form feeds) -------------------

# Non-blank lines at each end of a page searched for running headers, footers, page numbers.
_PAGE_ZONE = 4
# Each whole-line pattern takes its leading blanks possessively (``\s*+``): what follows is
# never a blank, so the match is the same, and a padded line that fails is not retried at
# every split of its padding (pdftotext -layout pads most lines).
_PAGE_NUMBER = re.compile(r"\s*+(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*", re.IGNORECASE)
_RULE = re.compile(r"\s*+[._=*·•\-–—]{5,}\s*")
_COPYRIGHT = re.compile(r"\s*+(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d).{0,120}", re.IGNORECASE)
_BULLET_LINE = re.compile(r"\s*+[-–•▪●◦*]\s*")
_BULLET_LEAD = re.compile(r"^[ \t\f]*+(?P<bullet>[-–•▪●◦*])[ \t]{2,}(?=\S)", re.MULTILINE)
_DIGITS = re.compile(r"\d+")


def _raw_lines(text: str, offset: int = 0) -> Iterator[tuple[int, str]]:
    """(start, line) for each line of ``text`` cut at "\\n", as ``_lines.lines`` cuts it.

    Plain pairs rather than ``Line`` objects: the furniture scans run over every line of
    every paged document, and building a ``Line`` per line was most of their cost.
    """
    pos = offset
    for raw in text.split("\n"):
        yield pos, raw
        pos += len(raw) + 1


def _page_zones(text: str) -> list[list[tuple[int, str]]]:
    """Per page, the first and last few non-blank lines (the furniture zone)."""
    zones = []
    pos = 0
    for page in text.split("\f"):
        lines = [(start, raw) for start, raw in _raw_lines(page, pos) if raw.strip()]
        head, tail = lines[:_PAGE_ZONE], lines[-_PAGE_ZONE:]
        zones.append(head + [item for item in tail if item not in head])
        pos += len(page) + 1
    return zones


def _running_lines(zones: list[list[tuple[int, str]]]) -> set[str]:
    """Lines printed at the same place (counted from the top or the bottom) on most pages."""
    counts: dict[tuple[str, int, str], int] = {}
    for zone in zones:
        seen = set()
        for i, (_, line) in enumerate(zone[:_PAGE_ZONE]):
            seen.add(("top", i, _norm_furniture(line)))
        for i, (_, line) in enumerate(reversed(zone[-_PAGE_ZONE:])):
            seen.add(("bottom", i, _norm_furniture(line)))
        for key in seen:
            counts[key] = counts.get(key, 0) + 1
    # Half the pages, and at least three: a speaker's name or a stock phrase at a page edge
    # now and then stays speech.
    need = max(3, (len(zones) + 1) // 2)
    return {key[2] for key, n in counts.items() if n >= need}


def _norm_furniture(line: str) -> str:
    # Running lines may carry the page number ("Page 3", "3 | Company"), so digits are masked.
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


def page_furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture in text converted from a PDF, to pass to :func:`blank`.

    Found: form feeds; rule lines (dots, dashes, underscores); copyright lines; page numbers
    and running headers or footers (lines repeated at the same place on most pages) at the top
    or bottom of a page. Without form feeds the whole text is one page and only rules,
    copyright lines and bare page-number lines are found.
    """
    return list(_furniture_spans(text))


# A layout's sniff and its parse ask for the same text's furniture: computed once. Bounded,
# and keyed by the text itself, so a cached answer is always the answer for that text.
@lru_cache(maxsize=4)
def _furniture_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in re.finditer("\f", text)]
    for start, raw in _raw_lines(text):
        if _RULE.fullmatch(raw) or _COPYRIGHT.fullmatch(raw):
            spans.append((start, start + len(raw)))
    zones = _page_zones(text)
    paged = len(zones) > 1
    running = _running_lines(zones) if len(zones) >= 3 else set()
    for zone in zones:
        for start, line in zone:
            if (paged and _PAGE_NUMBER.fullmatch(line)) or _norm_furniture(line) in running:
                spans.append((start, start + len(line)))
    if not paged:
        for start, raw in _raw_lines(text):
            if _PAGE_NUMBER.fullmatch(raw) and raw.strip():
                spans.append((start, start + len(raw)))
    return tuple(sorted(spans))


def bullet_spans(text: str) -> list[tuple[int, int]]:
    """Spans of list bullets: lines holding only a bullet, and a bullet opening a line."""
    spans = []
    for start, raw in _raw_lines(text):
        if _BULLET_LINE.fullmatch(raw) and raw.strip():
            spans.append((start, start + len(raw)))
    spans.extend((m.start("bullet"), m.end("bullet")) for m in _BULLET_LEAD.finditer(text))
    return sorted(spans)
