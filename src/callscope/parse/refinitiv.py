"""The Refinitiv transcript layout (text exports of its event transcripts).

::

    CORPORATE PARTICIPANTS                          the company's people
    Barry A. Hytinen                                a name line,
    Iron Mountain Incorporated - Executive VP & CFO then "Firm - Title" (may wrap)
    CONFERENCE CALL PARTICIPANTS                    the analysts, the same way
    PRESENTATION                                    section headings
    Operator                                        a speaker heading: the name line,
    Good morning, and welcome to ...                (listed people: their "Firm - Title" line),
                                                    then the speech; a blank line ends a turn
    QUESTIONS AND ANSWERS
    DISCLAIMER                                      the legal notice that closes the file

The export prints no title, date or ticker of its own; the file is named after the event
("Q3 2022 Iron Mountain Inc Earnings Call.txt"), so the fiscal period is read from that name
when it names one, and the company from the corporate participants' firm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, Role, SectionKind
from callscope.parse._build import RawTurn, build_call
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._meta import fiscal_period, parse_when
from callscope.parse._names import GENERIC_SPEAKER, generic_role, name_shape
from callscope.parse._read import Document

__all__ = ["LAYOUT", "RefinitivLayout"]

PUBLISHER = "Refinitiv"

_BLOCKS = {
    "CORPORATE PARTICIPANTS": Role.EXECUTIVE,
    "CONFERENCE CALL PARTICIPANTS": Role.ANALYST,
}
_SECTIONS = {"PRESENTATION": SectionKind.PRESENTATION, "QUESTIONS AND ANSWERS": SectionKind.QA}
_DISCLAIMER = "DISCLAIMER"
# An unlisted speaker's name line: two to six name words.
_NAME = name_shape(min_words=2)
# "Firm - Title" under an unlisted speaker's name; speech uses " -- " for dashes.
_DESC = re.compile(r"[^\s-][^\n]{1,120}? - [^\n]{1,120}")
_SEPARATOR = re.compile(r"\s+-\s+")
_WS = re.compile(r"\s+")
# Page furniture of the PDF exports: running header "OCTOBER 27, 2022 / 12:30PM, AMT.N - Q3
# 2022 American Tower Corp Earnings Call", footer lines, page numbers.
_RUNNING_HEADER = re.compile(
    r"\s*(?P<when>[A-Z]+ \d{1,2}, \d{4} / \d{1,2}:\d\d\s?[AP]M(?: [A-Z]{2,4})?)"
    r", (?P<ric>[A-Z0-9]{1,10})(?:\.[A-Z]{1,3})? - (?P<title>.+?)\s*"
)
_FURNITURE = re.compile(
    r"\s*(?:\d{1,3}|REFINITIV STREETEVENTS\b.*|©\s?\d{4} Refinitiv\..*|Copyright.*Refinitiv.*)\s*",
    re.IGNORECASE,
)
# The PDF footer's copyright notice wraps over a few lines; only its first line names Refinitiv.
_COPYRIGHT = re.compile(r"\s*(?:©\s?\d{4} Refinitiv\..*|Copyright.*Refinitiv.*)", re.IGNORECASE)
_FOOTER_RUN = 4  # the most lines a wrapped copyright notice runs on


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    desc: str  # "Firm - Title", wrapped lines joined
    role: Role


@dataclass(frozen=True, slots=True)
class _Heading:
    name: str
    line: int
    speech: int  # offset where the speech begins
    section: SectionKind | None
    desc: str = ""  # an unlisted speaker's own "Firm - Title" line


def _ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


class RefinitivLayout:
    name = "refinitiv"

    def sniff(self, doc: Document) -> float:
        if doc.kind == "json":
            return 0.0
        text = doc.text
        head = text[:3000]
        # Each heading is looked for with ``in`` before its line-anchored regex, which would
        # visit every position of a document that lacks it (most do).
        if "=" * 10 in head and re.search(r"^={10,}\s*$", head, re.MULTILINE):
            return 0.0  # the ruled StreetEvents layout uses the same block names
        score = 0.0
        if "CORPORATE PARTICIPANTS" in head and re.search(
            r"^CORPORATE PARTICIPANTS\s*$", head, re.MULTILINE
        ):
            score += 0.4
        if "CONFERENCE CALL PARTICIPANTS" in text[:10000] and re.search(
            r"^CONFERENCE CALL PARTICIPANTS\s*$", text[:10000], re.MULTILINE
        ):
            score += 0.2
        if "PRESENTATION" in text[:20000] and re.search(
            r"^PRESENTATION\s*$", text[:20000], re.MULTILINE
        ):
            score += 0.1
        if "QUESTIONS AND ANSWERS" in text and re.search(
            r"^QUESTIONS AND ANSWERS\s*$", text, re.MULTILINE
        ):
            score += 0.1
        if "Refinitiv" in text[-6000:] or "REFINITIV" in head:
            score += 0.3
        return min(score, 1.0)

    def parse(self, doc: Document) -> Call:
        lines = split_lines(doc.text)
        stripped = [ln.text for ln in lines]
        marks = [(i, _SECTIONS[s]) for i, s in enumerate(stripped) if s in _SECTIONS]
        if not marks:
            raise ParseError(doc.path, "no PRESENTATION or QUESTIONS AND ANSWERS heading found")
        body = marks[0][0]
        end = next((i for i in range(body, len(lines)) if stripped[i] == _DISCLAIMER), len(lines))
        junk = _junk(lines, end)
        text = blank(doc.text, [(lines[i].start, lines[i].end) for i in sorted(junk)])
        entries = _entries(stripped[:body])
        headings = _headings(lines, body, end, junk, {e.name: e for e in entries})
        if not headings:
            raise ParseError(doc.path, "no speaker headings found in the transcript body", body + 1)
        metadata = _metadata(doc, stripped[: _first_block(stripped, body)], entries)
        stop_at = lines[end].start if end < len(lines) else len(text)
        return build_call(
            source=doc.name,
            layout=self.name,
            text=text,
            metadata=metadata,
            participants=[_participant(e, metadata.company.name) for e in entries],
            raw_turns=_raw_turns(lines, headings, marks, stop_at, metadata.company.name),
        )


def _is_furniture(text: str) -> bool:
    return bool(_FURNITURE.fullmatch(text) or _RUNNING_HEADER.fullmatch(text))


def _junk(lines: Sequence[Line], end: int) -> set[int]:
    """Indexes of page furniture and of everything from the disclaimer on.

    A copyright line whose sentence does not end on it runs on: the lines after it are the
    notice's own until one ends a sentence (or a blank or another furniture line comes).
    """
    junk = set(range(end, len(lines)))
    run_on = 0
    for i, line in enumerate(lines[:end]):
        if _is_furniture(line.raw):
            junk.add(i)
            run_on = _FOOTER_RUN if _COPYRIGHT.fullmatch(line.raw) else 0
        elif run_on and line.text:
            junk.add(i)
            run_on -= 1
        else:
            run_on = 0
        if line.text.endswith("."):
            run_on = 0
    return junk


def _first_block(stripped: Sequence[str], body: int) -> int:
    return next((i for i in range(body) if stripped[i] in _BLOCKS), body)


def _entries(listing: Sequence[str]) -> list[_Entry]:
    """The participant blocks: entries of a name line and its "Firm - Title" lines.

    An entry starts at a line without a spaced hyphen over one with it, so entries are found
    with or without blank lines between them, and a wrapped title line stays with its entry.
    """
    out: list[_Entry] = []
    role: Role | None = None
    rows = [line for line in listing if line]
    for k, line in enumerate(rows):
        if line in _BLOCKS:
            role = _BLOCKS[line]
            continue
        if role is None:
            continue
        nxt = rows[k + 1] if k + 1 < len(rows) else ""
        if not _SEPARATOR.search(line) and _SEPARATOR.search(nxt) and nxt not in _BLOCKS:
            out.append(_Entry(line, "", role))
        elif out and out[-1].role is role:
            last = out[-1]
            out[-1] = _Entry(last.name, _ws(f"{last.desc} {line}"), role)
    return out


def _participant(entry: _Entry, company: str | None) -> Participant:
    firm, title = _split(entry.desc)
    if entry.role is Role.EXECUTIVE:
        return Participant(entry.name, entry.role, title=title or firm or None, firm=company)
    return Participant(entry.name, entry.role, title=title or None, firm=firm or None)


def _split(desc: str) -> tuple[str, str]:
    """ "Firm - Title" at its first spaced hyphen (firms rarely hold one, titles sometimes)."""
    parts = _SEPARATOR.split(desc, maxsplit=1)
    return (parts[0], "") if len(parts) == 1 else (parts[0], parts[1])


def _metadata(doc: Document, header: Sequence[str], entries: Sequence[_Entry]) -> Metadata:
    firms = Counter(_split(e.desc)[0] for e in entries if e.role is Role.EXECUTIVE and e.desc)
    company = firms.most_common(1)[0][0] if firms else None
    title, ticker, day, time = None, None, None, None
    lines = [line for line in header if line]
    for line in lines:
        m = _RUNNING_HEADER.fullmatch(line)
        if m is not None:
            title, ticker = m["title"], m["ric"]
            day, time = parse_when(m["when"])
            if time is None:
                # The running header may print no time zone; a title page's "EVENT DATE/TIME:
                # ... GMT" line of the same day does.
                time = next((t for d, t in map(parse_when, lines) if d == day and t), None)
            break
    if title is None and lines:
        title = next((line for line in lines if fiscal_period(line)), lines[0])
        day, time = parse_when(" ".join(lines))
    if title is None:
        # The export's own name is the event title, when it names a fiscal period.
        stem = Path(doc.path).stem
        title = stem if fiscal_period(stem) else None
    return Metadata(
        publisher=PUBLISHER,
        company=Company(company, ticker, None),
        fiscal_period=fiscal_period(title) if title else None,
        call_date=day,
        call_time_utc=time,
        title=title,
    )


def _desc_end(lines: Sequence[Line], i: int, end: int, entry: _Entry | None) -> int:
    """Index of the first speech line after the heading at ``i``, past its desc lines."""
    if entry is not None and entry.desc:
        acc, k = "", i + 1
        while k < end and lines[k].text:
            grown = _ws(f"{acc} {lines[k].raw}")
            if not entry.desc.startswith(grown):
                break
            acc, k = grown, k + 1
            if acc == entry.desc:
                return k
    nxt = lines[i + 1].text if i + 1 < end else ""
    if _DESC.fullmatch(nxt) and "--" not in nxt and not nxt.endswith((".", "?", "!")):
        return i + 2
    return i + 1


def _headings(
    lines: Sequence[Line], body: int, end: int, junk: set[int], listed: dict[str, _Entry]
) -> list[_Heading]:
    """Speaker headings: after a blank line, a listed name, a generic speaker or a name-shaped
    line over a "Firm - Title" line, followed by speech."""
    out: list[_Heading] = []
    section: SectionKind | None = None
    after_break = True
    for i in range(body, end):
        text = lines[i].text
        if i in junk:
            continue
        if not text or text in _SECTIONS:
            section = _SECTIONS.get(text, section)
            after_break = True
            continue
        if i + 1 < end:
            entry = listed.get(text)
            nxt = lines[i + 1].text
            shaped = _NAME.fullmatch(text) is not None and _DESC.fullmatch(nxt) is not None
            # A listed name over its own "Firm - Title" line, or "Operator", needs no blank
            # line before it; an unlisted name-shaped line does.
            own = entry is not None and bool(nxt) and entry.desc.startswith(_ws(nxt))
            sure = own or GENERIC_SPEAKER.fullmatch(text) is not None
            loose = entry is not None or shaped
            if sure or (after_break and loose):
                k = _desc_end(lines, i, end, entry)
                speech = lines[k].start if k < len(lines) else lines[-1].end
                desc = nxt if entry is None and k == i + 2 else ""
                out.append(_Heading(text, i, speech, section, desc))
        after_break = False
    return out


def _raw_turns(
    lines: Sequence[Line],
    headings: Sequence[_Heading],
    marks: Sequence[tuple[int, SectionKind]],
    stop_at: int,
    company: str | None,
) -> list[RawTurn]:
    """Speech runs to the next heading or section mark. An unlisted speaker's own "Firm -
    Title" line makes them an executive when the firm is the company's, else an analyst."""
    stops = sorted({lines[h.line].start for h in headings} | {lines[i].start for i, _ in marks})
    out = []
    for heading in headings:
        stop = next((s for s in stops if s > heading.speech), stop_at)
        stop = min(stop, stop_at)
        role = generic_role(heading.name)
        firm, title = _split(heading.desc)
        if heading.desc and role is None:
            role = Role.EXECUTIVE if firm == company else Role.ANALYST
        if role is Role.EXECUTIVE and heading.desc:
            firm, title = company or firm, title or firm
        out.append(
            RawTurn(
                heading.name,
                heading.speech,
                max(heading.speech, stop),
                heading.section,
                role,
                title=title or None,
                firm=firm or None,
            )
        )
    return out


LAYOUT = RefinitivLayout()
