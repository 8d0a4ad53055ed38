"""The Seeking Alpha transcript layout (2017-2019 text exports).

::

    JPMorgan Chase & Co. (NYSE:JPM) Q2 2018 Results Earnings Conference Call July 13, 2018 ...
    Executives                       (2019: "Company Participants")
    Marianne Lake - CFO
    Analysts                         (2019: "Conference Call Participants")
    Ken Usdin - Jefferies
    Operator
    Good morning, ladies and gentlemen. ...
    Marianne Lake                    (some exports repeat the list line: "Name - Firm")
    Thank you, operator. ...
    Question-and-Answer Session

A speaker line is a bare line naming a listed participant, "Operator", or an unlisted
name-shaped line ("Unidentified Analyst") that is followed by speech. Short speech lines
("Thank you.", "Dennis.") are told apart by their punctuation, by the word list of greetings
below, and by the rule that the line after a speaker line is always speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, Role, SectionKind
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._meta import fiscal_period, parse_when
from callscope.parse._names import (
    OPERATOR_KEYS,
    PARTICLES,
    name_shape,
    name_token,
    role_patterns,
)
from callscope.parse._read import Document

__all__ = ["LAYOUT", "SeekingAlphaLayout"]

PUBLISHER = "Seeking Alpha"

_TICKER = re.compile(r"\((?P<exchange>[A-Za-z][A-Za-z .]{0,15}):(?P<ticker>[A-Za-z0-9.\-]{1,10})\)")
# Seeking Alpha's ticker linker also rewrites parenthesised words in firm names:
# "Credit Suisse Securities (USA) LLC" is printed "Credit Suisse Securities (NYSE:USA) LLC".
_LINKED_WORD = re.compile(r"\((?:NYSE|NASDAQ|AMEX|OTC|OTCPK|TSX|LSE|NYSEMKT|NYSEARCA):(\w+)\)")
_EXEC_HEADINGS = frozenset({"executives", "company participants", "corporate participants"})
_ANALYST_HEADINGS = frozenset({"analysts", "conference call participants"})
_QA_HEADING = re.compile(r"question-and-answer session|questions?[- ](?:and|&)[- ]answers?", re.I)
# "Name - Title": hyphen, en dash or em dash with spaces around it.
_SEPARATOR = re.compile(r"\s+[-–—]\s+")
# Two to six name words; a word may open with an accented Latin capital (Á ... Þ), and
# "St." joins the particles ("Jean St. Pierre").
_NAME = name_shape(
    min_words=2, token=name_token(upper="[A-ZÀ-ÖØ-Þ]", particles=(*PARTICLES, r"st\."))
)
# Capitalised words that make a short line speech, not a name ("Good Morning", "Thank You").
_NOT_NAME_WORDS = frozenset(
    {
        "thank", "thanks", "you", "good", "morning", "afternoon", "evening", "hello", "hi",
        "hey", "yes", "yeah", "no", "okay", "ok", "great", "sure", "right", "well", "bye",
        "goodbye", "all", "and", "the", "so", "question", "questions", "answer", "session",
        "presentation", "remarks", "prepared", "instructions", "congratulations", "welcome",
        "sorry", "next", "please", "go", "ahead", "operator", "we", "i", "it", "that", "this",
    }
)  # fmt: skip
_DATE_TAIL = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*$",
    re.I,
)
# Seeking Alpha's trailer: everything from its first line on is furniture.
_TRAILER = re.compile(
    r"^(?:THE INFORMATION CONTAINED HERE|Copyright policy|Copyright\b|©)"
    r"|transcripts@seekingalpha\.com|All Rights Reserved\.?$",
    re.I,
)
# A piece of each branch of _TRAILER, lower-cased, with no letter that has a non-ASCII case
# partner (as "i" has "ı"): a line holding none of them in the lower-cased text cannot match,
# so the per-line search starts at the first line that holds one.
_TRAILER_PIECES = ("conta", "copyr", "©", "@", "all r")
_FIRM_NOISE = re.compile(
    r"\b(?:the|inc|incorporated|co|corp|corporation|company|ltd|limited|plc|llc|holdings|group)\b"
)
_UNLISTED_ROLES = role_patterns(analyst_words=("analyst", "audience", "questioner", "investor"))


def _is_name_shaped(text: str) -> bool:
    if not _NAME.fullmatch(text):
        return False
    return not any(word.strip(".").casefold() in _NOT_NAME_WORDS for word in text.split())


def _heading(text: str) -> str:
    """A line as a heading key: "Executives:" and "EXECUTIVES" both give "executives"."""
    return text.rstrip(":").strip().casefold()


def _split_entry(text: str) -> tuple[str, str | None]:
    """'Name - Title' as (name, title); a bare name as (name, None)."""
    m = _SEPARATOR.search(text)
    if m is None:
        return text, None
    return text[: m.start()].strip(), text[m.end() :].strip() or None


def _same_firm(a: str, b: str) -> bool:
    def key(firm: str) -> str:
        return " ".join(_FIRM_NOISE.sub(" ", name_key(firm)).split())

    return bool(key(a)) and key(a) == key(b)


class SeekingAlphaLayout:
    name = "seekingalpha"

    def sniff(self, doc: Document) -> float:
        if doc.kind == "json":
            return 0.0
        head = doc.text[:6000].splitlines()[:80]
        stripped = [line.strip() for line in head]
        score = 0.0
        title = " ".join(stripped[:6])
        if _TICKER.search(title) and "call" in title.casefold():
            score += 0.4
        if any(line in ("Executives", "Company Participants") for line in stripped):
            score += 0.3
        if any(line in ("Analysts", "Conference Call Participants") for line in stripped):
            score += 0.15
        if "\nQuestion-and-Answer Session\n" in doc.text:
            score += 0.15
        return score if score >= 0.4 else score / 4

    def parse(self, doc: Document) -> Call:
        text = _blank_trailer(doc.text)
        lines = split_lines(text, universal=True)
        nonempty = [line for line in lines if line.text]
        if not nonempty:
            raise ParseError(doc.path, "empty transcript")
        metadata, list_start = _header(doc.path, nonempty)
        participants, body_start = _participant_lists(nonempty, list_start, metadata.company.name)
        raw_turns = _turns(nonempty[body_start:], participants, metadata.company.name)
        if not raw_turns:
            line = nonempty[body_start].number if body_start < len(nonempty) else None
            raise ParseError(doc.path, "no speaker lines found after the participant lists", line)
        warnings = []
        if raw_turns[0].section is None:
            warnings.append("no Question-and-Answer heading; Q&A inferred from the first analyst")
        return build_call(
            source=doc.name,
            layout=self.name,
            text=text,
            metadata=metadata,
            participants=participants,
            raw_turns=raw_turns,
            warnings=warnings,
        )


def _blank_trailer(text: str) -> str:
    """The text with Seeking Alpha's closing disclaimer and copyright lines blanked."""
    lowered = text.lower()
    found = [at for piece in _TRAILER_PIECES if (at := lowered.find(piece)) >= 0]
    if not found:
        return text
    # Offsets agree only where lower-casing kept the length (it can lengthen, as "İ" does).
    first = min(found) if len(lowered) == len(text) else 0
    lines = split_lines(text, universal=True)
    at = bisect_right([line.start for line in lines], first) - 1
    for line in lines[max(at, 0) :]:
        if line.text and _TRAILER.search(line.text):
            return blank(text, [(line.start, len(text))])
    return text


def _header(path: str, lines: Sequence[Line]) -> tuple[Metadata, int]:
    """Metadata from the lines before the first participant list, and that list's index."""
    heading = next(
        (i for i, line in enumerate(lines) if _heading(line.text) in _EXEC_HEADINGS), None
    )
    search_to = heading if heading is not None else min(len(lines), 6)
    ticker_at = next((i for i in range(search_to) if _TICKER.search(lines[i].text)), None)
    if ticker_at is None:
        raise ParseError(path, "no '(EXCHANGE:TICKER)' title line before the participants", 1)
    stop = heading if heading is not None else ticker_at + 1
    header = " ".join(line.text for line in lines[ticker_at:stop])
    m = _TICKER.search(header)
    assert m is not None  # found on its first line above
    after = header[m.end() :]
    day, time = parse_when(after)
    metadata = Metadata(
        publisher=PUBLISHER,
        company=Company(
            name=header[: m.start()].strip() or None,
            ticker=m.group("ticker"),
            exchange=m.group("exchange").strip(),
        ),
        fiscal_period=fiscal_period(after),
        call_date=day,
        call_time_utc=time,
        title=_DATE_TAIL.sub("", header).strip(),
    )
    return metadata, stop


def _participant_lists(
    lines: Sequence[Line], start: int, company: str | None
) -> tuple[list[Participant], int]:
    """The participants listed under each heading, and the index of the first body line."""
    participants: list[Participant] = []
    i = start
    while i < len(lines):
        heading = _heading(lines[i].text)
        if heading in _EXEC_HEADINGS:
            role = Role.EXECUTIVE
        elif heading in _ANALYST_HEADINGS:
            role = Role.ANALYST
        else:
            break
        i += 1
        while i < len(lines) and _is_entry(lines, i):
            participants.append(_entry(lines[i].text, role, company))
            i += 1
    return participants, i


def _is_entry(lines: Sequence[Line], i: int) -> bool:
    """Whether line ``i`` is a list entry rather than a heading or the body's first speaker.

    The body's first speaker line is followed by speech; a list entry by another entry, a
    heading or the first speaker line, all of them name-shaped.
    """
    lowered = _heading(lines[i].text)
    if lowered in _EXEC_HEADINGS or lowered in _ANALYST_HEADINGS or lowered in OPERATOR_KEYS:
        return False
    if not _is_name_shaped(_split_entry(lines[i].text)[0]):
        return False
    if i + 1 >= len(lines):
        return True
    after = _heading(lines[i + 1].text)
    if after in OPERATOR_KEYS or after in _EXEC_HEADINGS or after in _ANALYST_HEADINGS:
        return True
    return _is_name_shaped(_split_entry(lines[i + 1].text)[0])


def _entry(text: str, role: Role, company: str | None) -> Participant:
    name, rest = _split_entry(text)
    if rest is not None:
        rest = _LINKED_WORD.sub(r"(\1)", rest)
    if role is Role.EXECUTIVE:
        # Some exports print the company where the title belongs.
        title = None if rest is None or (company and _same_firm(rest, company)) else rest
        return Participant(name=name, role=role, title=title, firm=company)
    return Participant(name=name, role=role, title=None, firm=rest)


@dataclass(frozen=True, slots=True)
class _Speaker:
    line: int  # index into the body lines
    name: str
    firm: str | None


def _turns(
    body: Sequence[Line], participants: Sequence[Participant], company: str | None
) -> list[RawTurn]:
    speakers: list[_Speaker] = []
    qa_at: int | None = None
    i = 0
    while i < len(body):
        text = body[i].text
        if qa_at is None and _QA_HEADING.fullmatch(text):
            qa_at = i
        elif _is_speaker_line(body, i, participants):
            name, rest = _split_entry(text)
            speakers.append(_Speaker(i, name, rest))
            i += 1  # the line after a speaker line is always speech
        i += 1
    raws: list[RawTurn] = []
    for n, speaker in enumerate(speakers):
        last = speakers[n + 1].line if n + 1 < len(speakers) else len(body)
        if qa_at is not None and speaker.line < qa_at < last:
            last = qa_at
        if speaker.line + 1 >= last:
            continue  # a name with no speech after it
        section = None
        if qa_at is not None:
            section = SectionKind.QA if speaker.line > qa_at else SectionKind.PRESENTATION
        start, end = body[speaker.line + 1].start, body[last - 1].end
        raws.append(RawTurn(speaker.name, start, end, section))
    return _label_unlisted(raws, speakers, body, participants, company)


def _is_speaker_line(body: Sequence[Line], i: int, participants: Sequence[Participant]) -> bool:
    text = body[i].text
    if len(text) > 120 or i + 1 >= len(body):
        return False
    if text.casefold() in OPERATOR_KEYS:
        return True
    name, _ = _split_entry(text)
    if not _is_name_shaped(name) and not name.casefold().startswith("unidentified"):
        return False
    if resolve(name, participants) is not None:
        return True
    # An unlisted name must be followed by speech, not by another name or heading.
    after = body[i + 1].text
    return not _is_name_shaped(_split_entry(after)[0]) and not _QA_HEADING.fullmatch(after)


def _label_unlisted(
    raws: list[RawTurn],
    speakers: Sequence[_Speaker],
    body: Sequence[Line],
    participants: Sequence[Participant],
    company: str | None,
) -> list[RawTurn]:
    """Give speakers missing from the lists a role (and firm) from their line and context."""
    firms = {s.name: s.firm for s in speakers}
    previous: RawTurn | None = None
    for raw in raws:
        unlisted = resolve(raw.speaker, participants) is None
        if unlisted and name_key(raw.speaker) not in OPERATOR_KEYS:
            firm = firms.get(raw.speaker)
            if firm is not None and company and _same_firm(firm, company):
                raw.role, raw.firm = Role.EXECUTIVE, company
            elif firm is not None:
                raw.role, raw.firm = Role.ANALYST, firm
            else:
                raw.role = _unlisted_role(raw.speaker, previous, body)
        previous = raw
    return raws


def _unlisted_role(speaker: str, previous: RawTurn | None, body: Sequence[Line]) -> Role:
    key = name_key(speaker)
    for pattern, role in _UNLISTED_ROLES:
        if pattern.search(key):
            return role
    # An unlisted name the operator has just called on is a questioner.
    if previous is not None and name_key(previous.speaker) in OPERATOR_KEYS:
        intro = " ".join(line.text for line in body if previous.start <= line.start < previous.end)
        if key.split()[-1] in name_key(intro).split():
            return Role.ANALYST
    return Role.OTHER


LAYOUT = SeekingAlphaLayout()
