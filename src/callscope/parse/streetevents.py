"""The Thomson Reuters StreetEvents transcript layout (plain-text exports, 2000s-2010s).

::

    Thomson Reuters StreetEvents Event Transcript
    E D I T E D   V E R S I O N

    Hanover Capital Mortgage Holdings to Hold Conference Call to Update ... Results
    APRIL 01, 2005 / 4:00PM GMT

    ===============================
    Corporate Participants
    ===============================

     * John Burchett
       Hanover Capital Mortgage Holdings - CEO

    ===============================
    Conference Call Participiants          (sic)
    ===============================
    ...
    ===============================
    Presentation                           (later: "Questions and Answers")
    -------------------------------
    John Burchett,  Hanover Capital Mortgage Holdings - CEO    [2]
    -------------------------------
    Good morning and thank you. ...

The closing "Definitions", "Disclaimer" and copyright blocks are blanked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from callscope.errors import ParseError
from callscope.model.call import (
    Call,
    Company,
    FiscalPeriod,
    Metadata,
    Participant,
    Role,
    SectionKind,
)
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._meta import fiscal_period, parse_when
from callscope.parse._names import role_patterns
from callscope.parse._read import Document

__all__ = ["LAYOUT", "StreetEventsLayout"]

PUBLISHER = "Thomson Reuters StreetEvents"

_DOUBLE_RULE = re.compile(r"={20,}")
_SINGLE_RULE = re.compile(r"-{20,}")
_TURN_HEADING = re.compile(r"(?P<head>\S.*?)\s+\[(?P<n>\d+)\]")
_TURN_BLOCK = re.compile(r"^-{20,}[ \t]*\n[^\n]*\[\d+\][ \t]*\n-{20,}[ \t]*$", re.M)
_CORPORATE = frozenset({"corporate participants", "company participants"})
# "Participiants" is StreetEvents' own long-standing misspelling.
_CALL_PARTICIPANTS = frozenset(
    {"conference call participiants", "conference call participants", "other participants"}
)
_PRESENTATION = frozenset({"presentation", "prepared remarks"})
_QA = frozenset({"questions and answers", "question and answer", "questions & answers"})
_TRAILER = frozenset({"definitions", "disclaimer"})
# Header lines that name the publisher or the edition, not the call.
_HEADER_NOISE = re.compile(
    r"streetevents|^(?:final|preliminary|edited|corrected)\s+transcript$|^(?:[A-Z]\s+){3,}[A-Z]$",
    re.I,
)
_FURNITURE = re.compile(
    r"\s*(?:©|Copyright\s+(?:©\s*)?\d{4}\b).*|.*www\.streetevents\.com.*"
    r"|.*Thomson (?:Reuters|Financial)\. Republished.*",
    re.I,
)
# "Name,  Firm - Title": StreetEvents puts two spaces after the comma ("Jr.," has one).
_NAME_COMMA = re.compile(r",\s{2,}|,\s+(?=[^,]* - )")
_TICKER_TITLE = re.compile(r"^(?P<ticker>[A-Z][A-Z0-9]{0,6}(?:\.[A-Z]{1,3})?)\s+-\s+(?P<rest>.+)$")
# "Apr. 01. 2005" as StreetEvents prints event dates: the day's full stop hides the year.
_DAY_STOP = re.compile(r"\b(\d{1,2})\.\s+((?:19|20)\d\d)\b")
# "2004 Fourth-Quarter": the year-first order _meta.fiscal_period does not read.
_YEAR_FIRST_PERIOD = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?P<ord>first|second|third|fourth)[- ]quarter\b", re.I
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_UNLISTED_ROLES = role_patterns(
    analyst_words=("analyst", "audience", "questioner", "participant", "investor")
)


def _is_rule(line: Line) -> bool:
    return bool(_DOUBLE_RULE.fullmatch(line.text) or _SINGLE_RULE.fullmatch(line.text))


class StreetEventsLayout:
    name = "streetevents"

    def sniff(self, doc: Document) -> float:
        if doc.kind == "json":
            return 0.0
        text = doc.text
        score = 0.0
        if "streetevents" in text[:400].casefold():
            score += 0.5
        head = text[:5000]
        # The rule's "=" run is looked for with ``in`` first: the line-anchored regex would
        # visit every position of a document without one.
        rule = "=" * 20 in head
        if rule and re.search(r"^={20,}\s*\n\s*Corporate Participants\s*$", head, re.M | re.I):
            score += 0.3
        if _TURN_BLOCK.search(text[:20000]):
            score += 0.3
        return min(score, 1.0) if score >= 0.6 else score / 4

    def parse(self, doc: Document) -> Call:
        text = _blank_furniture(doc.text)
        lines = split_lines(text, universal=True)
        headings = _section_headings(lines)
        first_rule = next((i for i, line in enumerate(lines) if _is_rule(line)), len(lines))
        participants, company = _participants(lines, headings)
        metadata = _metadata(lines[:first_rule], company)
        raw_turns = _turns(lines, headings, participants, company)
        if not raw_turns:
            raise ParseError(doc.path, "no '-----' framed speaker headings ('Name  [n]') found")
        return build_call(
            source=doc.name,
            layout=self.name,
            text=text,
            metadata=metadata,
            participants=participants,
            raw_turns=raw_turns,
        )


def _blank_furniture(text: str) -> str:
    """Blank copyright and page lines, and everything from "Definitions"/"Disclaimer" on."""
    lines = split_lines(text, universal=True)
    spans = [(line.start, line.end) for line in lines if _FURNITURE.fullmatch(line.text)]
    for i, line in enumerate(lines):
        if line.text.casefold() in _TRAILER and i > 0 and _is_rule(lines[i - 1]):
            spans.append((lines[i - 1].start, len(text)))
            break
    return blank(text, spans)


def _section_headings(lines: Sequence[Line]) -> dict[int, str]:
    """Line index -> lower-cased heading, for every line that follows a '=====' rule."""
    out = {}
    previous: Line | None = None
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if previous is not None and _DOUBLE_RULE.fullmatch(previous.text) and not _is_rule(line):
            out[i] = line.text.casefold()
        previous = line
    return out


def _participants(
    lines: Sequence[Line], headings: dict[int, str]
) -> tuple[list[Participant], str | None]:
    """The listed participants, and the company: the firm the corporate entries share."""
    listed: list[tuple[str, Role, str]] = []
    for at, heading in headings.items():
        if heading in _CORPORATE:
            role = Role.EXECUTIVE
        elif heading in _CALL_PARTICIPANTS:
            role = Role.ANALYST
        else:
            continue
        i = at + 1
        while i < len(lines) and (not lines[i].text or _DOUBLE_RULE.fullmatch(lines[i].text)):
            i += 1  # the rule closing the heading
        while i < len(lines) and not _DOUBLE_RULE.fullmatch(lines[i].text):
            if lines[i].text.startswith("*"):
                after = lines[i + 1] if i + 1 < len(lines) else None
                is_detail = after is not None and not after.text.startswith("*")
                detail = after.text if after is not None and is_detail else ""
                detail = "" if _DOUBLE_RULE.fullmatch(detail) else detail
                listed.append((lines[i].text.lstrip("* ").strip(), role, detail))
            i += 1
    firms = Counter(
        detail.partition(" - ")[0].strip() for _, role, detail in listed
        if role is Role.EXECUTIVE and detail
    )  # fmt: skip
    company = firms.most_common(1)[0][0] if firms else None
    out = []
    for name, role, detail in listed:
        firm, title = _firm_title(detail, company)
        out.append(Participant(name=name, role=role, title=title, firm=firm))
    return out, company


def _firm_title(detail: str, company: str | None) -> tuple[str | None, str | None]:
    """'Firm - Title' split after the company's name where it starts so, else at the last
    ' - ' (a title such as 'SVP - Finance' is then split wrongly only outside the company)."""
    detail = detail.strip()
    if company and detail.startswith(f"{company} - "):
        return company, detail[len(company) + 3 :].strip() or None
    firm, sep, title = detail.rpartition(" - ")
    if not sep:
        return detail or None, None
    return firm.strip() or None, title.strip() or None


def _metadata(header: Sequence[Line], company: str | None) -> Metadata:
    kept = [line.text for line in header if line.text and not _HEADER_NOISE.search(line.text)]
    day, time, title_lines = None, None, []
    for text in kept:
        when = parse_when(_DAY_STOP.sub(r"\1, \2", text))
        if day is None and when[0] is not None and len(text) < 80:
            day, time = when
        else:
            title_lines.append(text)
    title = " ".join(title_lines) or None
    ticker = None
    if title is not None and (m := _TICKER_TITLE.match(title)):
        ticker, title = m.group("ticker"), m.group("rest")
    return Metadata(
        publisher=PUBLISHER,
        company=Company(name=company, ticker=ticker, exchange=None),
        fiscal_period=_period(title or ""),
        call_date=day,
        call_time_utc=time,
        title=title,
    )


def _period(title: str) -> FiscalPeriod | None:
    found = fiscal_period(title)
    if found is not None:
        return found
    m = _YEAR_FIRST_PERIOD.search(title)
    if m is None:
        return None
    label = " ".join(m.group(0).split())
    return FiscalPeriod(
        label=label, year=int(m.group("year")), quarter=_ORDINALS[m.group("ord").lower()]
    )


def _turns(
    lines: Sequence[Line],
    headings: dict[int, str],
    participants: Sequence[Participant],
    company: str | None,
) -> list[RawTurn]:
    has_qa = any(h in _QA for h in headings.values())
    section: SectionKind | None = None
    raws: list[RawTurn] = []
    i = 0
    while i < len(lines):
        heading = headings.get(i)
        if heading in _PRESENTATION:
            section = SectionKind.PRESENTATION
        elif heading in _QA:
            section = SectionKind.QA
        m = _TURN_HEADING.fullmatch(lines[i].text)
        framed = 0 < i < len(lines) - 1 and _is_rule(lines[i - 1]) and _is_rule(lines[i + 1])
        if m is None or not framed:
            i += 1
            continue
        first = i + 2
        last = first
        while last < len(lines) and not _is_rule(lines[last]):
            last += 1
        if last > first:
            raw = _raw_turn(m.group("head"), participants, company)
            raw.start, raw.end = lines[first].start, lines[last - 1].end
            raw.section = section if has_qa else None
            raws.append(raw)
        i = last
    return raws


def _raw_turn(head: str, participants: Sequence[Participant], company: str | None) -> RawTurn:
    """A turn from its heading: 'Operator', or 'Name,  Firm - Title'."""
    parts = _NAME_COMMA.split(head, maxsplit=1)
    name = parts[0].strip()
    firm, title = _firm_title(parts[1], company) if len(parts) > 1 else (None, None)
    raw = RawTurn(speaker=name, start=0, end=0, title=title, firm=firm)
    if resolve(name, participants) is None and name_key(name) not in ("operator", "moderator"):
        if firm is not None and company is not None and name_key(firm) == name_key(company):
            raw.role = Role.EXECUTIVE
        elif firm is not None:
            raw.role = Role.ANALYST
        else:
            key = name_key(name)
            raw.role = next((r for p, r in _UNLISTED_ROLES if p.search(key)), Role.OTHER)
    return raw


LAYOUT = StreetEventsLayout()
