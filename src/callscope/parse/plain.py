"""The fallback layout: plain transcripts with no publisher's signature.

Two forms are read:

* "Name: text" transcripts (also "Name - Title: text" and "Name (Firm): text"), with optional
  header lines (company, title, date), an optional participant list and optional section
  headings ("Presentation", "Questions and Answers", "Q&A");
* bare text with no speaker marks at all (one sentence or paragraph per line), kept only when
  it reads like an earnings call: it becomes one turn by an unknown speaker, with a warning.

The layout never claims a document strongly (at most 0.5), so every publisher's own layout
wins on its files; it scores below the detection threshold for text that is not a call.

It is longer than most modules because, with no publisher's conventions to lean on, it reads
everything from cues: which "Label:" lines are speakers rather than header fields, the
header's metadata, and roles from a participant list, the operator's introductions or who
asks in the Q&A. Those parts serve this layout only, so they stay together here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from callscope.errors import ParseError
from callscope.model.call import (
    Call,
    Company,
    Metadata,
    Participant,
    Role,
    SectionKind,
)
from callscope.parse import _meta
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._names import OPERATOR_KEYS
from callscope.parse._read import Document

__all__ = ["LAYOUT", "PlainLayout"]

UNKNOWN_SPEAKER = "Unknown speaker"
DEGRADED = (
    "no speaker marks found: the whole text is one turn by an unknown speaker "
    "(structure is degraded: no participants, sections or exchanges)"
)
_SNIFF_CHARS = 300_000
_MAX_HEADER_LINES = 40
# Fewest words for a once-only speaker before the body to count as one (not a glossary line).
_MIN_OPENING_WORDS = 25
# A turn asks a question when a question mark falls in its last this-many characters.
_QUESTION_TAIL = 200
# How far after an operator's "from" a firm's name may run.
_FIRM_WINDOW = 200

# "Label: speech" at the start of a line, the label maybe followed by a timestamp
# ("Jo Park (00:01:12):"); the label is checked by _split_label. The leading blanks are taken
# possessively: were they shared with the label, a long padded line with no label would be
# retried at every split (catastrophic backtracking); a label of blanks alone is no name anyway.
_LABEL_LINE = re.compile(
    r"[ \t]*+(?P<label>[^\n:]{1,120}?)(?:[ \t]*[(\[]\d{1,2}(?::\d\d){1,2}[)\]])?[ \t]*:(?![/\d])"
    r"[ \t]*(?P<rest>[^\n]*)"
)
# What separates a name from its title or firm in a heading or a participant entry.
_LABEL_SEP = re.compile(r"\s+[-–—]{1,2}\s+|\s*--\s*|\s*,\s+")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]{1,100})\)$")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’.\-][^\W\d_]*)*\.?$")
_PARTICLES = frozenset({"de", "la", "le", "van", "von", "der", "den", "di", "da", "del", "du",
                        "dos", "das", "bin", "al", "el", "ter", "y", "st."})  # fmt: skip

_SECTION_HEADING = re.compile(
    r"[#=*\s]*(?:(?P<qa>questions?[- ](?:and|&)[- ]answers?(?:[- ]session)?|q\s*&\s*a"
    r"(?:[- ]session)?)|(?P<pres>presentation|prepared remarks|management discussion"
    r"(?: section)?|opening remarks))[\s:#=*]*",
    re.IGNORECASE,
)
_LIST_HEADING = re.compile(
    r"[#=*\s]*(?:(?P<exec>executives|company participants|corporate participants|"
    r"company representatives|management)|(?P<analyst>analysts|conference call participants|"
    r"other participants)|(?P<any>(?:call )?participants|speakers|attendees|hosts?))"
    r"[\s:#=*]*",
    re.IGNORECASE,
)
# Page furniture of plain text: page numbers, rules, copyright and reprint lines.
_FURNITURE = re.compile(
    r"\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,3}|[-=_.*~·•]{3,}"
    r"|(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*)\s*",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(r"\s*(?:disclaimer\b|this transcript (?:may|is|has|was)\b)", re.I)
_KEY_VALUE = re.compile(
    r"\s*(?P<key>company|ticker|symbol|exchange|date|event|title|quarter|fiscal period|period)"
    r"\s*:\s*(?P<value>\S.*?)\s*",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(r"\b(?:call|conference|earnings|results|transcript|webcast)\b", re.I)
_TRANSCRIPT_WORD = re.compile(r"(?:earnings\s+call\s+)?transcripts?", re.IGNORECASE)
# An operator naming who asks next: "<name> from|with|of|at <firm>".
_INTRO = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*,?\s+(?:from|with|of|at)\s+"
    r"(?:the\s+)?(?=[A-Z0-9])"
)
_FIRM_STOP = re.compile(
    r"[.;:!?](?=\s|$)|,\s+(?!(?:inc|llc|l\.?p|ltd|co|corp|plc|ag|sa|research)\b)"
    r"|\s+(?:your line|please|go ahead|you may|the line)\b|\n",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:inc|co|corp|ltd|llc|l\.p|jr|sr|bros|intl))$", re.I)
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


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    detail: str | None  # what follows the name: a title or a firm


@dataclass(frozen=True, slots=True)
class _Mark:
    """A speaker line: who, and where the speech begins."""

    line: int
    label: _Label
    speech_start: int


_Bound = tuple[_Mark, int, SectionKind | None]  # a speaker line, its speech's end, its section


@dataclass(frozen=True, slots=True)
class _Entry:
    """One line of a participant list."""

    label: _Label
    role: Role | None


@dataclass(frozen=True, slots=True)
class _Scan:
    lines: tuple[Line, ...]
    marks: tuple[_Mark, ...]
    headings: Mapping[int, SectionKind]  # read-only: a scan is cached and shared
    entries: tuple[_Entry, ...]
    header: tuple[Line, ...]


def _lines(text: str) -> tuple[Line, ...]:
    """The text's lines, with no empty line after a final newline (nor for an empty text)."""
    return tuple(line for line in split_lines(text) if line.start < len(text))


def _is_name(words: Sequence[str]) -> bool:
    if not 1 <= len(words) <= 6 or not _NAME_WORD.match(words[0]):
        return False
    return all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words)


def _split_label(label: str) -> _Label | None:
    """A speaker heading split into name and detail, or None when it is not a name."""
    label = " ".join(label.split())
    paren = _PAREN.match(label)
    if paren:
        name, detail = paren.group("name"), paren.group("inner").strip()
    else:
        parts = _LABEL_SEP.split(label, maxsplit=1)
        name = parts[0]
        detail = parts[1].strip() if len(parts) > 1 else None
    if not _is_name(name.split()) or (detail or "").count("(") != (detail or "").count(")"):
        return None
    name = name.strip()
    if name.isupper():
        name = name.title()  # "JANE FRASER:" headings; names are compared and shown as names
    return _Label(name, detail or None)


def _is_operator(name: str) -> bool:
    return name_key(name) in OPERATOR_KEYS


def _section_heading(text: str) -> SectionKind | None:
    m = _SECTION_HEADING.fullmatch(text)
    if m is None:
        return None
    return SectionKind.QA if m.group("qa") else SectionKind.PRESENTATION


def _list_heading(text: str) -> tuple[bool, Role | None]:
    m = _LIST_HEADING.fullmatch(text)
    if m is None:
        return False, None
    if m.group("exec"):
        return True, Role.EXECUTIVE
    return True, (Role.ANALYST if m.group("analyst") else None)


def _participant_lists(lines: Sequence[Line], stop: int) -> tuple[list[_Entry], set[int]]:
    """Entries under participant-list headings before line ``stop``, and the lines they use."""
    entries: list[_Entry] = []
    used: set[int] = set()
    role: Role | None = None
    in_list = False
    for line in lines[:stop]:
        text = line.text
        is_heading, heading_role = _list_heading(text)
        if is_heading:
            in_list, role = True, heading_role
            used.add(line.index)
            continue
        if not in_list or not text:
            continue
        label = _split_label(text) if len(text) <= 160 else None
        if label is None or len(label.name.split()) < 2:
            in_list = False
            continue
        entries.append(_Entry(label, role))
        used.add(line.index)
    return entries, used


# The sniff and the parse of one document scan the same text: the scan is made once. Bounded,
# and keyed by the text itself; the scan is immutable, so sharing it is safe.
@lru_cache(maxsize=4)
def _scan(text: str) -> _Scan:
    lines = _lines(text)
    candidates: list[_Mark] = []
    headings: dict[int, SectionKind] = {}
    for line in lines:
        kind = _section_heading(line.raw) if len(line.raw) < 60 else None
        if kind is not None:
            headings[line.index] = kind
            continue
        # Most lines hold no colon at all: skip the regex, which needs one.
        m = _LABEL_LINE.fullmatch(line.raw) if ":" in line.raw else None
        label = _split_label(m.group("label")) if m else None
        if m is None or label is None:
            continue
        start = line.start + m.start("rest") if m.group("rest") else line.end + 1
        candidates.append(_Mark(line.index, label, min(start, len(text))))
    first_heading = min(headings, default=len(lines))
    entries, used = _participant_lists(lines, first_heading)
    free = [c for c in candidates if c.line not in used]
    breaks = [*headings, *used]
    marks = _speaker_marks(free, [e.label.name for e in entries], breaks, lines, text)
    body = marks[0].line if marks else len(lines)
    first = min([body, first_heading, *used], default=len(lines))
    header = tuple(line for line in lines[: min(first, _MAX_HEADER_LINES)] if line.text)
    return _Scan(lines, marks, MappingProxyType(headings), tuple(entries), header)


def _speaker_marks(
    candidates: Sequence[_Mark],
    listed_names: Sequence[str],
    breaks: Iterable[int],
    lines: Sequence[Line],
    text: str,
) -> tuple[_Mark, ...]:
    """The candidate lines that name a speaker rather than a header field or a glossary term.

    A label is surely a speaker when it is the operator, is listed as a participant, or heads
    two or more lines; the body starts at the first such line. After it, a label of two or
    more name words heading a single line also counts (someone who speaks once). Before it,
    only the nearest such line with a long speech does (a host who speaks once, first), when
    no heading or participant list (``breaks``, line numbers) stands between it and the body.
    """
    breaks = set(breaks)
    listed = [Participant(name, Role.OTHER) for name in listed_names]
    counts = Counter(name_key(c.label.name) for c in candidates)

    def strong(mark: _Mark) -> bool:
        return (
            _is_operator(mark.label.name)
            or counts[name_key(mark.label.name)] >= 2
            or resolve(mark.label.name, listed) is not None
        )

    body = next((i for i, c in enumerate(candidates) if strong(c)), None)
    if body is None:
        return ()
    marks = [c for c in candidates[body:] if strong(c) or len(c.label.name.split()) >= 2]
    if body > 0:
        before = candidates[body - 1]
        speech = text[before.speech_start : lines[candidates[body].line].start]
        between = any(before.line < i < candidates[body].line for i in breaks)
        long_enough = len(speech.split()) >= _MIN_OPENING_WORDS
        if len(before.label.name.split()) >= 2 and long_enough and not between:
            marks.insert(0, before)
    return tuple(marks)


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


# ---- metadata --------------------------------------------------------------------------------


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


# ---- turns and roles -------------------------------------------------------------------------


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


def _firm_from(text: str) -> str | None:
    """The firm at the start of ``text``, up to the end of its phrase."""
    pos = 0
    while True:
        stop = _FIRM_STOP.search(text, pos)
        end = stop.start() if stop else len(text)
        if stop and text[stop.start()] == "." and _ABBREVIATION.search(text[:end]):
            pos = stop.end()
            continue
        firm = text[:end].strip(" ,")
        return firm if 0 < len(firm) <= 80 else None


@dataclass(slots=True)
class _Person:
    name: str
    role: Role | None = None
    title: str | None = None
    firm: str | None = None
    details: list[str] = field(default_factory=list)  # what list and headings say after the name


def _people(scan: _Scan, bounds: Sequence[_Bound], text: str, company: str | None) -> list[_Person]:
    """Everyone on the call, with roles from the list, the operator's words and the Q&A."""
    people: dict[str, _Person] = {}
    for entry in scan.entries:
        person = people.setdefault(name_key(entry.label.name), _Person(entry.label.name))
        person.role = person.role or entry.role
        person.details += [entry.label.detail] if entry.label.detail else []
    listed = [Participant(p.name, Role.OTHER) for p in people.values()]
    keys = []
    for mark, _, _ in bounds:
        found = resolve(mark.label.name, listed)
        key = name_key(found.name if found else mark.label.name)
        keys.append(key)
        person = people.setdefault(key, _Person(mark.label.name))
        person.details += [mark.label.detail] if mark.label.detail else []
        if _is_operator(mark.label.name):
            person.role = Role.OPERATOR
    presenter = next((k for k in keys if people[k].role is not Role.OPERATOR), None)
    _introduced(bounds, keys, people, text, presenter, company)
    askers = _askers(bounds, text, keys, people, presenter)
    for key, person in people.items():
        if person.role is None:
            person.role = Role.ANALYST if key in askers else _default_role(person.name)
        _apply_details(person, company)
    return list(people.values())


def _introduced(
    bounds: Sequence[_Bound],
    keys: Sequence[str],
    people: dict[str, _Person],
    text: str,
    presenter: str | None,
    company: str | None,
) -> None:
    """Analysts the operator introduces: "... comes from Brad Sills with Bank of America."

    The next speaker after the operator is taken for the person named when the two names
    share a word (operators shorten and misspell names); the firm is the phrase after
    "from|with|of|at". Where the Q&A is marked, only the operator's turns in it count.
    """
    marked = any(section is SectionKind.QA for _, _, section in bounds)
    for i, (mark, end, section) in enumerate(bounds):
        if not _is_operator(mark.label.name) or (marked and section is not SectionKind.QA):
            continue
        key = next((k for k in keys[i + 1 :] if people[k].role is not Role.OPERATOR), None)
        if key is None or key == presenter or people[key].role not in (None, Role.ANALYST):
            continue
        for intro in _INTRO.finditer(text, mark.speech_start, end):
            said = set(name_key(intro.group("name")).split())
            firm = _firm_from(text[intro.end() : min(end, intro.end() + _FIRM_WINDOW)])
            if said & set(key.split()) and firm and not _same_firm(firm, company):
                people[key].role = Role.ANALYST
                people[key].firm = people[key].firm or firm
                break


def _same_firm(firm: str, company: str | None) -> bool:
    if not company:
        return False
    a, b = name_key(firm), name_key(company)
    return a in b or b in a


def _default_role(name: str) -> Role:
    key = name_key(name)
    if "analyst" in key:
        return Role.ANALYST
    if key.startswith(("unknown", "unidentified")) and "company" not in key:
        return Role.OTHER
    return Role.EXECUTIVE


def _apply_details(person: _Person, company: str | None) -> None:
    """Title and firm from what follows the name: a firm for an analyst, else a title."""
    detail = person.details[0] if person.details else None
    if person.role is Role.ANALYST:
        person.firm = detail or person.firm  # as listed or headed, over the operator's words
    elif person.role is Role.EXECUTIVE:
        if detail and company and name_key(detail).startswith(name_key(company)):
            # "Northwind Robotics - CEO": the company, then the title.
            rest = _LABEL_SEP.split(detail, maxsplit=1)
            detail = rest[1] if len(rest) > 1 else None
        person.title = detail
        person.firm = company


def _askers(
    bounds: Sequence[_Bound],
    text: str,
    keys: Sequence[str],
    people: dict[str, _Person],
    presenter: str | None,
) -> set[str]:
    """Where neither a list nor the operator names the analysts: those who ask.

    An asker's first turn ends in a question and, where the Q&A is marked, comes in it;
    the speaker who opened the prepared remarks is never one.
    """
    if any(p.role is Role.ANALYST for p in people.values()):
        return set()
    marked = any(section is SectionKind.QA for _, _, section in bounds)
    seen: set[str] = set()
    askers = set()
    for key, (mark, end, section) in zip(keys, bounds, strict=True):
        if key in seen:
            continue
        seen.add(key)
        if people[key].role is not None or key == presenter:
            continue
        asks = "?" in text[max(mark.speech_start, end - _QUESTION_TAIL) : end]
        if asks and (not marked or section is SectionKind.QA):
            askers.add(key)
    return askers


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
