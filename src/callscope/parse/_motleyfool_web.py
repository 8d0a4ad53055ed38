"""fool.com transcript pages, scraped as text or read from HTML (one block per line).

Two page layouts:

* the older page: a title line "Company (EXCHANGE:TICK) Q1 2021 Earnings Call Apr 28, 2021,
  8:30 a.m. ET", then "Prepared Remarks:" and "Questions and Answers:" headings, speaker
  lines "Name -- Title" or "Name -- Firm -- Analyst" on their own, and a "Call
  participants:" list after the transcript;
* the 2025 page: a date line, "CALL PARTICIPANTS" as "Title — Name", summary bullets, risks
  and a glossary (none of it speech), then "Full Conference Call Transcript" and paragraphs
  opening with "Name:".

A scraper may prepend a header block of "Key: value" lines between rules of "=" signs
(Company, Ticker, Quarter); it is read for metadata and is never speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, Role, SectionKind
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._meta import fiscal_period, parse_when
from callscope.parse._motleyfool_cues import (
    SpokenTurn,
    find_intro,
    infer_participants,
    is_operator_name,
    names_agree,
    participant_from_line,
    split_title_firm,
)
from callscope.parse._read import Document

__all__ = ["parse_page"]

PUBLISHER = "Motley Fool"

_RULE = re.compile(r"={10,}")
_HEADER_FIELD = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]{0,30}):\s*(?P<value>.*)")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")

_PREPARED = re.compile(r"(?i)prepared\s+remarks\s*:")
_QA = re.compile(r"(?i)(?:questions?\s*(?:and|&)\s*answers?|q\s*&\s*a)\s*:?")
_PARTICIPANTS = re.compile(r"(?i)(?:[•*]\s*)?call\s+participants\s*:?")
_TRANSCRIPT_START = re.compile(r"(?i)full\s+conference\s+call\s+transcript\s*:?")
# Where the transcript body ends: the call length, the participant list, the disclaimer and
# the links and notes fool.com puts under every transcript.
_FOOTER = re.compile(
    r"(?i)(?:duration:|call\s+participants\s*:|this article is a transcript|"
    r"the motley fool (?:has|recommends)|more [\w.\-]+ analysis$|"
    r"all earnings call transcripts$|stocks mentioned$|\*average returns of all)"
)
# fool.com's advertising and notes that can sit between paragraphs of a transcript.
_AD = re.compile(
    r"(?i)(?:where to invest \$[\d,]+ right now\?.*|should you invest \$[\d,]+ in .{1,80}\?|"
    r"before you buy stock in .{1,80}consider this:|"
    r"the motley fool stock advisor analyst team .*|consider when \w+ made this list.*|"
    r"now, it.s worth noting stock advisor.*|see the \d+ stocks\s*»?|"
    r"\*stock advisor returns as of .*|need a quote from (?:a motley fool analyst|one of our "
    r"analysts)\?.*|image source: the motley fool\.?|logo of jester cap with thought bubble\.?)"
)

# "Microsoft(MSFT+5.25%)Q3 2024 Earnings CallApr 25, 2024,5:30 p.m. ET" or
# "Melco Resorts & Entertainment Limited (NASDAQ: MLCO) Q1 2021 Earnings Call Apr 28, 2021"
_TITLE = re.compile(
    r"(?P<company>[^()]{2,120}?)\s*\(\s*(?:(?P<exchange>[A-Za-z]+)\s*:\s*)?"
    r"(?P<ticker>[A-Z][A-Z0-9.\-]{0,9})[^()]*\)\s*(?P<rest>.*?(?:Earnings|Conference)\s+Call.*)"
)
_GLUED_MONTH = re.compile(r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)")
# A name's words hold single hyphens ("DeLeo-Joglekar") but never the "--" after a name.
_NAME_WORD = r"[A-Z](?:[\w.'’]|-(?!-))*"
_NAME_WORDS = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|der|la|le|du|da|di|del)){{0,5}}"
# Older page speaker line: "Amy Hood--Chief Financial Officer", "Keith Weiss -- Morgan
# Stanley -- Analyst".
_DASH_HEADING = re.compile(
    rf"(?P<name>{_NAME_WORDS}|[^\W\d][\w.'’\- ]{{1,40}}?)\s*(?:--|—|–)\s*(?P<rest>.{{2,120}})"
)
# 2025 page speaker paragraph: "Dylan Field:Thanks, Kate, ..." (optionally "Name -- Firm:").
_COLON_HEADING = re.compile(
    rf"(?P<name>{_NAME_WORDS})(?:\s*(?:--|—|–)\s*(?P<rest>[^:]{{2,80}}?))?\s*:"
)
# 2025 participant line: "Co-Founder and Chief Executive Officer — Dylan Field".
_TITLE_NAME = re.compile(
    rf"(?:[•*]\s*)?(?P<title>.{{2,150}}?)\s+(?:—|–|--)\s+(?P<name>{_NAME_WORDS})"
)


def _lines(text: str) -> list[Line]:
    """The non-blank lines, each narrowed to its stripped text (offsets too)."""
    return [line.trimmed() for line in split_lines(text) if line.text]


def _scraper_header(lines: Sequence[Line]) -> tuple[dict[str, str], int]:
    """The "Key: value" fields between the two "=" rules at the top, and the first line after."""
    if not lines or not _RULE.fullmatch(lines[0].text):
        return {}, 0
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:40], start=1):
        if _RULE.fullmatch(line.text):
            return fields, i + 1
        m = _HEADER_FIELD.fullmatch(line.text)
        if m:
            fields[m.group("key").strip().casefold()] = m.group("value").strip()
    return {}, 0


@dataclass(slots=True)
class _Found:
    """What a page form found, before the shared assembly."""

    metadata: Metadata
    listed: list[Participant]
    raw_turns: list[RawTurn]
    body_end: int  # character offset where the footer starts
    body_lines: list[Line]


def parse_page(doc: Document) -> Call:
    text = doc.text
    lines = _lines(text)
    header, first = _scraper_header(lines)
    old = any(_PREPARED.fullmatch(line.text) for line in lines)
    found = _parse_old(doc, lines, header, first) if old else _parse_2025(doc, lines, header, first)
    if not found.raw_turns:
        raise ParseError(doc.path, "no speaker turns found in the Motley Fool transcript")
    furniture = [(line.start, line.end) for line in found.body_lines if _AD.fullmatch(line.text)]
    furniture.append((found.body_end, len(text)))
    cleaned = blank(text, furniture)
    company = found.metadata.company.name
    spoken = [SpokenTurn(r.speaker, r.section, cleaned[r.start : r.end]) for r in found.raw_turns]
    participants = infer_participants(spoken, found.listed, company=company)
    warnings = []
    if not any(p.role is Role.ANALYST for p in participants):
        warnings.append("no analyst found: the transcript has no questions and answers")
    return build_call(
        source=doc.name,
        layout="motleyfool",
        text=cleaned,
        metadata=found.metadata,
        participants=participants,
        raw_turns=found.raw_turns,
        warnings=warnings,
    )


def _metadata(
    header: dict[str, str],
    title_rest: str,
    company: str | None,
    ticker: str | None,
    exchange: str | None,
    when_text: str,
) -> Metadata:
    header_company = header.get("company")
    if header_company:
        company = _PARENTHETICAL.sub("", header_company).strip() or company
    ticker = header.get("ticker") or ticker
    period = fiscal_period(header.get("quarter", "")) or fiscal_period(title_rest)
    date, time = parse_when(_GLUED_MONTH.sub(" ", when_text))
    return Metadata(
        publisher=PUBLISHER,
        company=Company(name=company, ticker=ticker, exchange=exchange),
        fiscal_period=period,
        call_date=date,
        call_time_utc=time,
    )


def _footer_index(lines: Sequence[Line], start: int) -> int:
    return next((i for i in range(start, len(lines)) if _FOOTER.match(lines[i].text)), len(lines))


def _body_end(text_len: int, lines: Sequence[Line], index: int) -> int:
    return lines[index].start if index < len(lines) else text_len


# -- the older page ---------------------------------------------------------------------------


def _parse_old(doc: Document, lines: list[Line], header: dict[str, str], first: int) -> _Found:
    begin = next(i for i, line in enumerate(lines) if _PREPARED.fullmatch(line.text))
    end = _footer_index(lines, begin + 1)
    title = next((m for line in lines[first:begin] if (m := _TITLE.fullmatch(line.text))), None)
    rest = title.group("rest") if title else ""
    metadata = _metadata(
        header,
        rest,
        " ".join(title.group("company").split()) if title else None,
        title.group("ticker") if title else None,
        title.group("exchange") if title else None,
        rest or " ".join(line.text for line in lines[first:begin]),
    )
    company = metadata.company.name
    listed = _old_participants(lines, end, company)
    raw_turns: list[RawTurn] = []
    section = SectionKind.PRESENTATION
    for line in lines[begin + 1 : end]:
        if _QA.fullmatch(line.text):
            section = SectionKind.QA
            continue
        heading = _old_heading(line.text, listed)
        if heading is not None:
            name, role, title_, firm = heading
            raw_turns.append(RawTurn(name, line.end, line.end, section, role, title_, firm))
            if role is not None and resolve(name, listed) is None:
                firm = company if role is Role.EXECUTIVE else firm
                listed.append(Participant(name, role, title_, firm))
        elif raw_turns and not _AD.fullmatch(line.text):
            raw_turns[-1].end = line.end
    return _Found(
        metadata, listed, raw_turns, _body_end(len(doc.text), lines, end), lines[begin:end]
    )


def _old_participants(lines: Sequence[Line], end: int, company: str | None) -> list[Participant]:
    start = next(
        (i for i in range(end, len(lines)) if _PARTICIPANTS.fullmatch(lines[i].text)), None
    )
    if start is None:
        return []
    out = []
    for line in lines[start + 1 :]:
        if _FOOTER.match(line.text) or _AD.fullmatch(line.text) or len(line.text) > 160:
            break
        person = participant_from_line(line.text, company)
        if person is not None:
            out.append(person)
    return out


def _old_heading(
    line: str, listed: Sequence[Participant]
) -> tuple[str, Role | None, str | None, str | None] | None:
    """A speaker line of the older page: (name, role, title, firm) as the line says them."""
    if is_operator_name(line):
        return line, Role.OPERATOR, None, None
    if any(name_key(p.name) == name_key(line) for p in listed):
        return line, None, None, None
    m = _DASH_HEADING.fullmatch(line)
    if m is None:
        return None
    name, rest = m.group("name").strip(), m.group("rest").strip()
    known = resolve(name, listed) is not None
    if not known and not _plausible_heading(name, rest):
        return None
    role, title, firm = split_title_firm(rest)
    return name, role, title, firm


def _plausible_heading(name: str, rest: str) -> bool:
    """An unlisted "Name -- Title" line, told from speech that happens to hold a dash: two to
    six capitalised words of name and a short title or firm with no sentence in it."""
    words = name.split()
    if not 2 <= len(words) <= 6 or not all(w[0].isupper() or w in _PARTICLES for w in words):
        return False
    bare = _ABBREVIATION.sub("", rest)
    return len(rest.split()) <= 15 and not _SENTENCE_END.search(bare)


# Transcribers' stand-ins for a speaker they could not name.
_GENERIC_SPEAKER = re.compile(
    r"(?i)(?:unidentified|unknown)\s+(?:analyst|speaker|participant|company representative)"
)
_PARTICLES = frozenset({"de", "van", "von", "der", "la", "le", "du", "da", "di", "del"})
_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z]?)\.")
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")


# -- the 2025 page ----------------------------------------------------------------------------


def _parse_2025(doc: Document, lines: list[Line], header: dict[str, str], first: int) -> _Found:
    plist = next(
        (i for i in range(first, len(lines)) if _PARTICIPANTS.fullmatch(lines[i].text)), None
    )
    # The page head (title, date) is what comes before the participants; without them, a
    # few lines only, so that no date of the summary is taken for the call's.
    head = lines[first:plist] if plist is not None else lines[first : first + 8]
    title = next((m for line in head if (m := _TITLE.fullmatch(line.text))), None)
    metadata = _metadata(
        header,
        title.group("rest") if title else "",
        " ".join(title.group("company").split()) if title else None,
        title.group("ticker") if title else None,
        title.group("exchange") if title else None,
        " ".join(line.text for line in head),
    )
    company = metadata.company.name
    listed: list[Participant] = []
    after = first if plist is None else plist + 1
    for line in lines[after:] if plist is not None else ():
        m = _TITLE_NAME.fullmatch(line.text)
        if m is None:
            break
        listed.append(Participant(m.group("name"), Role.EXECUTIVE, m.group("title"), company))
        after += 1
    start = next(
        (i for i in range(after, len(lines)) if _TRANSCRIPT_START.fullmatch(lines[i].text)), None
    )
    if start is None:
        start = next(
            (i - 1 for i in range(after, len(lines)) if _is_known_heading(lines[i].text, listed)),
            None,
        )
    if start is None:
        raise ParseError(doc.path, "no transcript found after the call participants")
    end = _footer_index(lines, start + 1)
    raw_turns = _colon_turns(doc.text, lines[start + 1 : end], listed, company)
    return _Found(
        metadata, listed, raw_turns, _body_end(len(doc.text), lines, end), lines[start:end]
    )


def _is_known_heading(line: str, listed: Sequence[Participant]) -> bool:
    m = _COLON_HEADING.match(line)
    return m is not None and (
        is_operator_name(m.group("name")) or resolve(m.group("name"), listed) is not None
    )


def _colon_turns(
    text: str, body: Sequence[Line], listed: list[Participant], company: str | None
) -> list[RawTurn]:
    """Turns of "Name:" paragraphs. A paragraph opening with capitalised words and a colon
    is a speaker heading when the name is the operator's or a listed one, recurs as a
    heading, opens the transcript, or answers the operator's introduction."""
    candidates = [(line, _COLON_HEADING.match(line.text)) for line in body]
    counts: dict[str, int] = {}
    for _, m in candidates:
        if m is not None:
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
    raw_turns: list[RawTurn] = []
    section: SectionKind | None = None
    for line, m in candidates:
        if _QA.fullmatch(line.text):
            section = SectionKind.QA
            continue
        if m is not None and _accept(text, m.group("name"), counts, listed, raw_turns, line.start):
            name, rest = m.group("name"), m.group("rest")
            if rest and resolve(name, listed) is None:
                role, title, firm = split_title_firm(rest)
                firm = company if role is Role.EXECUTIVE else firm
                listed.append(Participant(name, role, title, firm))
            raw_turns.append(RawTurn(name, line.start + m.end(), line.end, section))
        elif raw_turns and not _AD.fullmatch(line.text):
            raw_turns[-1].end = line.end
    return raw_turns


def _accept(
    text: str,
    name: str,
    counts: dict[str, int],
    listed: Sequence[Participant],
    raw_turns: Sequence[RawTurn],
    at: int,
) -> bool:
    if is_operator_name(name) or _GENERIC_SPEAKER.fullmatch(name):
        return True
    if resolve(name, listed) is not None:
        return True
    if counts.get(name, 0) >= 2 or not raw_turns:
        return True
    if _named_before(text, name, raw_turns[0].start, at):
        return True
    last = raw_turns[-1]
    if not is_operator_name(last.speaker):
        return False
    intro = find_intro(text[last.start : last.end])
    return intro is not None and names_agree(intro.name, name)


def _named_before(text: str, name: str, start: int, end: int) -> bool:
    """Whether the speech so far names this person in full ("joining me are ... and Dmitri
    Halvard, our chief product officer"): the opening introduces the company's speakers,
    and a page's participant list may leave some of them out."""
    words = name.split()
    if len(words) < 2:
        return False
    pattern = r"\b" + r"\s+".join(re.escape(word) for word in words) + r"\b"
    return re.search(pattern, text[start:end]) is not None
