"""The fallback layout: plain transcripts with no publisher's signature.

Two forms are read:

* "Name: text" transcripts (also "Name - Title: text" and "Name (Firm): text"), with optional
  header lines (company, title, date), an optional participant list and optional section
  headings ("Presentation", "Questions and Answers", "Q&A");
* bare text with no speaker marks at all (one sentence or paragraph per line), kept only when
  it reads like an earnings call: it becomes one turn by an unknown speaker, with a warning.

The layout never claims a document strongly (at most 0.5), so every publisher's own layout
wins on its files; it scores below the detection threshold for text that is not a call.

It reads everything from cues, split by job: ``_plain_speakers`` finds which "Label:" lines
are speakers (the scan the sniff and the parse share), ``_plain_header`` reads the header's
metadata and ``_plain_roles`` the roles (participant list, the operator's introductions, who
asks in the Q&A). This module holds the layout itself: the sniff, the degraded no-speaker
reading (does bare text read like an earnings call) and the assembly of turns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from callscope.errors import ParseError
from callscope.model.call import (
    Call,
    Metadata,
    Participant,
    Role,
    SectionKind,
)
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._plain_header import _metadata
from callscope.parse._plain_roles import _people
from callscope.parse._plain_speakers import _Bound, _is_operator, _Scan, _scan
from callscope.parse._read import Document

__all__ = ["LAYOUT", "PlainLayout"]

UNKNOWN_SPEAKER = "Unknown speaker"
DEGRADED = (
    "no speaker marks found: the whole text is one turn by an unknown speaker "
    "(structure is degraded: no participants, sections or exchanges)"
)
_SNIFF_CHARS = 300_000
# Page furniture of plain text: page numbers, rules, copyright and reprint lines.
_FURNITURE = re.compile(
    r"\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,3}|[-=_.*~·•]{3,}"
    r"|(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*)\s*",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(r"\s*(?:disclaimer\b|this transcript (?:may|is|has|was)\b)", re.I)
# Words that make up the talk of an earnings call; their density tells a call from other text.
_EARNINGS_WORDS = frozenset({
    "quarter", "quarters", "quarterly", "revenue", "revenues", "margin", "margins", "guidance",
    "earnings", "eps", "fiscal", "ebitda", "profit", "profits", "profitability", "profitable",
    "dividend", "dividends", "shareholder", "shareholders", "stockholder", "stockholders",
    "billion", "million", "year-over-year", "gaap", "non-gaap", "bookings", "backlog", "outlook",
    "operating", "gross", "segment", "segments", "sales", "growth", "income", "buyback",
    "buybacks", "repurchase", "repurchases", "capex", "expense", "expenses", "forecast",
})  # fmt: skip
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")
# Enough text to judge the vocabulary of a call by.
_VOCABULARY_CHARS = 100_000
_PROSE_SAMPLE_LINES = 400
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# ---- the reading of a call as a whole: is it one, and how sure -------------------------------


# Cached like _scan: the sniff and the parse of one document both ask.
@lru_cache(maxsize=4)
def _earnings_density(text: str) -> tuple[float, int, int]:
    """Share of words that are earnings vocabulary, how many distinct, and the word count."""
    words = _LOWER_WORD.findall(text[:_VOCABULARY_CHARS].lower())
    hits = [w for w in words if w in _EARNINGS_WORDS]
    return len(hits) / max(len(words), 1), len(set(hits)), len(words)


def _reads_like_prose(lines: Sequence[Line]) -> bool:
    """Most non-empty lines are sentences of words (not tables, code or CSV rows)."""
    filled = [line.raw for line in lines if line.text]
    if not filled:
        return False
    filled = filled[:_PROSE_SAMPLE_LINES]
    prose = 0
    for text in filled:
        tokens = len(text.split())
        if tokens >= 5 and len(_WORD.findall(text)) >= 0.6 * tokens:
            prose += 1
    return prose >= 0.6 * len(filled)


def _is_earnings_vocabulary(density: float, distinct: int, words: int) -> bool:
    return words >= 40 and distinct >= 5 and density >= 0.015


@lru_cache(maxsize=4)
def _is_earnings_prose(text: str) -> bool:
    """Whether the text talks like an earnings call, in lines of prose."""
    if not _is_earnings_vocabulary(*_earnings_density(text)):
        return False
    return _reads_like_prose(_scan(text).lines)


def _sniff(doc: Document) -> float:
    if doc.kind == "json":
        return 0.0
    text = doc.text[:_SNIFF_CHARS]
    scan = _scan(text)
    speakers = {name_key(m.label.name) for m in scan.marks}
    density, distinct, _ = _earnings_density(text)
    if len(scan.marks) >= 3 and len(speakers) >= 2:
        if distinct < 4 or density < 0.004:
            return 0.1  # a dialogue, but not about a company's results
        score = 0.4
        if any(_is_operator(m.label.name) for m in scan.marks) or scan.headings:
            score += 0.1
        return score
    return 0.3 if _is_earnings_prose(text) else 0.0


# ---- turns -----------------------------------------------------------------------------------


def _clean_text(text: str, scan: _Scan) -> str:
    """The text with page furniture and a trailing disclaimer blanked (length kept)."""
    spans = [(ln.start, ln.end) for ln in scan.lines if _FURNITURE.fullmatch(ln.raw)]
    last_mark = scan.marks[-1].line if scan.marks else len(scan.lines)
    tail = next((ln for ln in scan.lines[last_mark + 1 :] if _DISCLAIMER.match(ln.raw)), None)
    if tail is not None:
        spans.append((tail.start, len(text)))
    return blank(text, spans)


def _turn_bounds(scan: _Scan, text: str) -> list[_Bound]:
    """Each speaker mark with the end of its speech and the section heading above it.

    A speech ends at the next speaker line or section heading; marks with no speech at all
    (a name on a line of its own followed by another name) are dropped. Without a Q&A
    heading, sections are left to the builder to infer from the first analyst.
    """
    stops = sorted({m.line for m in scan.marks} | set(scan.headings))
    heads = sorted(scan.headings) if SectionKind.QA in scan.headings.values() else []
    out: list[_Bound] = []
    section: SectionKind | None = None
    h = 0
    for mark in scan.marks:
        while h < len(heads) and heads[h] < mark.line:
            section, h = scan.headings[heads[h]], h + 1
        i = bisect_right(stops, mark.line)
        end = scan.lines[stops[i]].start if i < len(stops) else len(text)
        if text[mark.speech_start : end].strip():
            out.append((mark, end, section))
    return out


# ---- the layout ------------------------------------------------------------------------------


def _parse_marked(doc: Document, scan: _Scan) -> Call:
    text = _clean_text(doc.text, scan)
    bounds = _turn_bounds(scan, text)
    opening = text[bounds[0][0].speech_start : bounds[0][1]] if bounds else ""
    metadata = _metadata(scan.header, opening)
    people = _people(scan, bounds, text, metadata.company.name)
    participants = [Participant(p.name, p.role or Role.OTHER, p.title, p.firm) for p in people]
    raws = []
    for mark, end, section in bounds:
        person = resolve(mark.label.name, participants)
        raws.append(
            RawTurn(
                speaker=person.name if person else mark.label.name,
                start=mark.speech_start,
                end=end,
                section=section,
                role=person.role if person else None,
            )
        )
    return build_call(
        source=doc.name,
        layout=LAYOUT.name,
        text=text,
        metadata=metadata,
        participants=participants,
        raw_turns=raws,
    )


def _parse_unmarked(doc: Document) -> Call:
    text = doc.text
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    raw = RawTurn(UNKNOWN_SPEAKER, start, end, SectionKind.PRESENTATION, Role.OTHER)
    return build_call(
        source=doc.name,
        layout=LAYOUT.name,
        text=text,
        metadata=Metadata(),
        participants=[Participant(UNKNOWN_SPEAKER, Role.OTHER)],
        raw_turns=[raw],
        warnings=[DEGRADED],
    )


class PlainLayout:
    """Plain "Name: text" transcripts, or bare earnings-call text as one degraded turn."""

    name = "plain"
    max_score = 0.5  # the fallback never outbids a publisher

    def sniff(self, doc: Document) -> float:
        return _sniff(doc)

    def parse(self, doc: Document) -> Call:
        if doc.kind == "json":
            raise ParseError(doc.path, "JSON is not a plain transcript; name its layout instead")
        scan = _scan(doc.text)
        speakers = {name_key(m.label.name) for m in scan.marks}
        if scan.marks and (len(speakers) >= 2 or not _is_earnings_prose(doc.text)):
            return _parse_marked(doc, scan)
        if _is_earnings_prose(doc.text):
            return _parse_unmarked(doc)
        raise ParseError(
            doc.path,
            'no speaker lines ("Name: text") and the text does not read like an earnings call',
        )


LAYOUT = PlainLayout()
