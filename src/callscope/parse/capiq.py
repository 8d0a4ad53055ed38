"""The S&P Capital IQ transcript layout (the text of its PDF exports).

::

    Tesla, Inc. NasdaqGS:TSLA                      company, exchange:ticker
    FQ2 2017 Earnings Call Transcripts             title, with the fiscal period
    Wednesday, August 02, 2017 9:30 PM GMT         call date and time
    S&P Capital IQ Estimates                       consensus table, tab-separated
    Call Participants
    EXECUTIVES                                     blocks of a name line and a title line
    ANALYSTS                                       (analysts: a firm line)
    Presentation                                   section headings
    Elon R. Musk                                   speaker heading: the name line,
    CEO, Product Architect, Chairman & Co-Founder  then the title (or firm) line,
    All right. Thank you. ...                      then the speech
    Question and Answer

The PDF's two columns garble the participant list: names glued to the end of title lines,
two firms on one line, firm names split across lines. So the list is read only as a bag of
words per block, and each speaker is placed by the body: a heading is a name line whose
words are all in the list, followed by a line that starts with listed words (the title or
firm). The block whose words best cover that title or firm line gives the speaker's role.
Speech may run on at the end of a title line; the title is then the speaker's usual one.

The module runs past the usual 400 lines because the layout carries two jobs no other layout
has (the estimates table and the repair of the garbled list); both are small and private here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from callscope.errors import ParseError
from callscope.model.call import (
    Call,
    Company,
    Estimate,
    FiscalPeriod,
    Metadata,
    Participant,
    Role,
    SectionKind,
)
from callscope.parse._build import RawTurn, build_call
from callscope.parse._cleanup import blank
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._meta import fiscal_period, parse_when
from callscope.parse._names import GENERIC_SPEAKER, generic_role, name_shape
from callscope.parse._read import Document

__all__ = ["LAYOUT", "CapitalIQLayout"]

PUBLISHER = "S&P Capital IQ"

_TICKER_LINE = re.compile(
    r"(?P<company>\S.*?)\s+(?P<exchange>[A-Za-z][A-Za-z0-9]{1,11}):(?P<ticker>[A-Z0-9][A-Za-z0-9.\-]{0,11})"
)
_LISTING = re.compile(r"\s*call participants\s*", re.IGNORECASE)
# A block heading of the participant list: one plural upper-case word ("EXECUTIVES",
# "ANALYSTS", "ATTENDEES"), which an upper-case firm line ("UBS", "ABN AMRO") is not.
_BLOCK = re.compile(r"\s*[A-Z]{3,}S\s*")
_BLOCK_ROLES = {"EXECUTIVES": Role.EXECUTIVE, "ANALYSTS": Role.ANALYST}
_SECTIONS = (
    (re.compile(r"\s*presentation\s*", re.IGNORECASE), SectionKind.PRESENTATION),
    (re.compile(r"\s*questions?\s+(?:and|&)\s+answers?\s*", re.IGNORECASE), SectionKind.QA),
)
# A name line: one to six name words (a generic speaker, "Operator", may stand alone).
_NAME = name_shape(min_words=1)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)\.$")
_WORD = re.compile(r"\w[\w'’\-]*")
# Page furniture of the PDF: page numbers, dotted rules, copyright footers, running headers
# ("TESLA, INC. FQ2 2017 EARNINGS CALL | AUG 02, 2017"), the web-address footer with its page
# number ("spglobal.com/marketintelligence 4"; older exports: "WWW.SPCAPITALIQ.COM 4").
_FURNITURE = re.compile(
    r"\s*(?:\d{1,3}|\.{3,}|[_=\-]{3,}"
    r"|(?:copyright\s*)?©.*|copyright\b.*(?:s&p global|capital iq).*"
    r"|(?:www\.)?(?:spglobal|spcapitaliq|capitaliq)\.com(?:/\S*)?(?:\s+\d{1,3})?"
    r"|.{3,160}\|\s*[A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{4})\s*",
    re.IGNORECASE,
)
# The legal notice that closes every transcript.
_DISCLAIMER = re.compile(
    r"\s*(?:The information in the transcripts \(\"Content\"\)"
    r"|These materials have been prepared solely for information purposes)"
)
# A period cell of the estimates table: "-FQ2 2017-", "-FY 2018-".
_ESTIMATES_PERIOD = re.compile(r"-(?P<period>[A-Z]{1,3}[1-4]?\s?(?:19|20)\d\d)-")
_CELL_SPLIT = re.compile(r"\t|\s{2,}")
_FULL_YEAR = re.compile(r"\bFY\s*(?P<year>(?:19|20)\d\d)\b")


@dataclass(slots=True)
class _Block:
    label: str
    lines: list[str] = field(default_factory=list)
    vocab: set[str] = field(default_factory=set)

    @property
    def role(self) -> Role:
        return _BLOCK_ROLES.get(self.label, Role.OTHER)


@dataclass(slots=True)
class _Heading:
    name: str
    line: int  # index of the name line
    desc_line: int | None  # index of the title/firm line
    desc: str  # the listed part of that line
    section: SectionKind | None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _section(text: str) -> SectionKind | None:
    for pattern, kind in _SECTIONS:
        if pattern.fullmatch(text):
            return kind
    return None


class CapitalIQLayout:
    name = "capiq"

    def sniff(self, doc: Document) -> float:
        if doc.kind == "json":
            return 0.0
        text = doc.text
        head, tail = text[:4000], text[-6000:]
        score = 0.0
        # Older exports print the footer in capitals ("COPYRIGHT © 2015, S&P CAPITAL IQ").
        if any(mark in head or mark in tail for mark in ("Capital IQ", "CAPITAL IQ")) or (
            "S&P Global Market" in tail
        ):
            score += 0.4
        # Each heading's words are looked for with ``in`` before its regex runs: most documents
        # lack them, and a line-anchored search visits every position. ("call part" has no
        # letter with a non-ASCII case partner, so the lower-cased text holds every spelling.)
        if "call part" in head.lower() and re.search(
            r"^\s*Call Participants\s*$", head, re.MULTILINE | re.IGNORECASE
        ):
            score += 0.1
        body = text[:20000]
        if (
            "EXECUTIVES" in body
            and "ANALYSTS" in body
            and re.search(r"^\s*EXECUTIVES\s*$", body, re.MULTILINE)
            and re.search(r"^\s*ANALYSTS\s*$", body, re.MULTILINE)
        ):
            score += 0.3
        if re.search(r"^\S.*\s[A-Za-z]{2,12}:[A-Z0-9.]{1,10}\s*$", head[:1500], re.MULTILINE):
            score += 0.2
        return min(score, 1.0)

    def parse(self, doc: Document) -> Call:
        lines = split_lines(doc.text)
        listing = next((i for i, ln in enumerate(lines) if _LISTING.fullmatch(ln.raw)), None)
        first = listing + 1 if listing is not None else 0
        marks = [(i, kind) for i in range(first, len(lines)) if (kind := _section(lines[i].raw))]
        if not marks:
            raise ParseError(doc.path, "no 'Presentation' or 'Question and Answer' heading found")
        body = marks[0][0]
        end = next(
            (i for i in range(body, len(lines)) if _DISCLAIMER.match(lines[i].raw)), len(lines)
        )
        junk = {i for i, ln in enumerate(lines) if i >= end or _FURNITURE.fullmatch(ln.raw)}
        text = blank(doc.text, [(lines[i].start, lines[i].end) for i in sorted(junk)])
        header = [ln.raw for ln in lines[: listing if listing is not None else body]]
        metadata = _metadata(header)
        blocks = _blocks([ln.raw for ln in lines[first:body]])
        vocab = set().union(*(b.vocab for b in blocks))
        headings = _headings(lines, body, end, junk, vocab)
        if not headings:
            raise ParseError(doc.path, "no speaker headings found in the transcript body", body + 1)
        descs = _usual_descs(headings)
        participants = _participants(headings, descs, blocks, metadata.company.name)
        return build_call(
            source=doc.name,
            layout=self.name,
            text=text,
            metadata=metadata,
            participants=participants,
            raw_turns=_raw_turns(lines, headings, descs, marks, end, len(text)),
            estimates=_estimates(header),
        )


def _metadata(header: Sequence[str]) -> Metadata:
    """Company and ticker line, then the title line and the date line under it."""
    company, rest = Company(), list(header)
    for at, line in enumerate(header):
        if m := _TICKER_LINE.fullmatch(line.strip()):
            company, rest = (
                Company(m["company"], m["ticker"], m["exchange"]),
                list(header[at + 1 :]),
            )
            break
    title = next((line.strip() for line in rest if line.strip()), None)
    period = None
    if title is not None:
        period = fiscal_period(title) or _full_year(title)
    day, time = None, None
    for line in rest:
        day, time = parse_when(line)
        if day is not None:
            break
    return Metadata(
        publisher=PUBLISHER,
        company=company,
        fiscal_period=period,
        call_date=day,
        call_time_utc=time,
        title=title,
    )


def _full_year(text: str) -> FiscalPeriod | None:
    m = _FULL_YEAR.search(text)
    return FiscalPeriod(" ".join(m.group(0).split()), int(m["year"])) if m else None


def _number(cell: str) -> float | None:
    """A table cell: "(1.92)" is -1.92; "NM" (not meaningful), "-" or "" is None."""
    cell = cell.strip().replace(",", "")
    negative = cell.startswith("(") and cell.endswith(")")
    cell = cell.strip("()")
    try:
        value = float(cell)
    except ValueError:
        return None
    return -value if negative else value


def _estimates(header: Sequence[str]) -> tuple[Estimate, ...]:
    """The estimates table: a period row ("-FQ2 2017-"), a kind row, then a row per metric.

    Each period's group of columns opens with its CONSENSUS column; ACTUAL (and SURPRISE,
    which is not kept) follow it in the same group.
    """
    at = next((i for i, line in enumerate(header) if _ESTIMATES_PERIOD.search(line)), None)
    if at is None or at + 1 >= len(header):
        return ()
    periods = [m["period"] for m in _ESTIMATES_PERIOD.finditer(header[at])]
    kinds = [cell.strip().upper() for cell in _CELL_SPLIT.split(header[at + 1].strip())]
    groups: list[int] = []  # the period group of each column
    for kind in kinds:
        opens = kind == "CONSENSUS" and bool(groups)
        groups.append(groups[-1] + opens if groups else 0)
    if not kinds or "CONSENSUS" not in kinds or max(groups) >= len(periods):
        return ()
    out = []
    for line in header[at + 2 :]:
        if not line.strip():
            break
        cells = line.split("\t") if "\t" in line else _CELL_SPLIT.split(line.strip())
        metric, values = cells[0].strip(), cells[1:]
        if not metric or len(values) < len(kinds):
            break
        found: dict[int, dict[str, float | None]] = {}
        for kind, group, cell in zip(kinds, groups, values, strict=False):
            found.setdefault(group, {})[kind] = _number(cell)
        for group, cells_by_kind in found.items():
            if "CONSENSUS" in cells_by_kind:
                out.append(
                    Estimate(
                        metric=metric,
                        period=periods[group],
                        consensus=cells_by_kind["CONSENSUS"],
                        actual=cells_by_kind.get("ACTUAL"),
                    )
                )
    return tuple(out)


def _blocks(listing: Sequence[str]) -> list[_Block]:
    blocks: list[_Block] = []
    for line in listing:
        if not line.strip():
            continue
        if _BLOCK.fullmatch(line):
            blocks.append(_Block(line.strip()))
        elif blocks:
            blocks[-1].lines.append(line.strip())
            blocks[-1].vocab.update(_words(line))
    return blocks


def _is_name(text: str) -> bool:
    return bool(_NAME.fullmatch(text)) and not _SENTENCE_END.search(text)


def _listed_prefix(text: str, vocab: set[str]) -> str:
    """The longest run of whole words at the start of ``text`` that the list contains."""
    end = 0
    for m in re.finditer(r"\S+", text):
        if not all(word in vocab for word in _words(m.group(0))):
            break
        end = m.end()
    return text[:end]


def _headings(
    lines: Sequence[Line], body: int, end: int, junk: set[int], vocab: set[str]
) -> list[_Heading]:
    """Speaker headings: a name line whose words the list holds, then its title/firm line."""
    out: list[_Heading] = []
    section: SectionKind | None = None
    i = body
    while i < end:
        text = lines[i].text
        kind = _section(text) if i not in junk else None
        if kind is not None:
            section = kind
        elif text and i not in junk and _is_name(text):
            heading = _heading_at(lines, i, end, junk, vocab, section)
            if heading is not None:
                out.append(heading)
                i = heading.desc_line if heading.desc_line is not None else i
        i += 1
    return out


def _heading_at(
    lines: Sequence[Line],
    i: int,
    end: int,
    junk: set[int],
    vocab: set[str],
    section: SectionKind | None,
) -> _Heading | None:
    """The heading whose name is line ``i``, if the lines there make one."""
    name = lines[i].text
    j = next((k for k in range(i + 1, end) if k not in junk and lines[k].text), None)
    if j is None:
        return None
    under = lines[j].text
    desc = _listed_prefix(under, vocab)
    if GENERIC_SPEAKER.fullmatch(name):
        # "Operator" has no title line; a listed generic speaker may have one.
        if desc and desc == under:
            return _Heading(name, i, j, desc, section)
        return _Heading(name, i, None, "", section)
    words = _words(name)
    if len(words) < 2 or not all(w in vocab for w in words):
        return None
    if not desc and _is_title_shaped(under):
        desc = under  # a title or firm the garbled list lost: a short line, not a sentence
    return _Heading(name, i, j, desc, section) if desc else None


def _is_title_shaped(text: str) -> bool:
    return len(text.split()) <= 12 and not text.endswith((".", "?", "!", ":", ";"))


def _usual_descs(headings: Sequence[_Heading]) -> dict[str, str]:
    """Each speaker's usual title/firm line: the most common, then the shortest."""
    seen: dict[str, Counter[str]] = {}
    for heading in headings:
        if heading.desc:
            seen.setdefault(heading.name, Counter())[heading.desc] += 1
    return {
        name: max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        for name, counts in seen.items()
    }


def _desc_of(heading: _Heading, lines: Sequence[Line], descs: dict[str, str]) -> str:
    """The title/firm text at the start of the heading's second line."""
    if heading.desc_line is None:
        return ""
    text = lines[heading.desc_line].text
    usual = descs.get(heading.name, "")
    if usual and (text == usual or text.startswith(usual + " ")):
        return usual
    return heading.desc


def _place(name: str, desc: str, blocks: Sequence[_Block]) -> _Block | None:
    """The block whose words best cover the speaker's title/firm line (then name)."""
    if not blocks:
        return None
    desc_words, name_words = set(_words(desc)), set(_words(name))

    def score(block: _Block) -> tuple[float, bool]:
        cover = len(desc_words & block.vocab) / len(desc_words) if desc_words else 0.0
        return cover, name_words <= block.vocab

    best = max(blocks, key=score)
    return best if any(score(best)) else None


def _participants(
    headings: Sequence[_Heading],
    descs: dict[str, str],
    blocks: Sequence[_Block],
    company: str | None,
) -> list[Participant]:
    listing = " ".join(line for block in blocks for line in block.lines)
    people: list[tuple[int, int, Participant]] = []
    covered: set[str] = set()
    for name in dict.fromkeys(h.name for h in headings if not GENERIC_SPEAKER.fullmatch(h.name)):
        desc = descs.get(name, "")
        covered.update(_words(name), _words(desc))
        block = _place(name, desc, blocks)
        if block is None:
            continue
        order = blocks.index(block), _position(name, listing)
        people.append((*order, _participant(name, desc, block.role, company)))
    # Listed people who never speak: a name line and the line under it, both unaccounted for.
    for b, block in enumerate(blocks):
        lines = block.lines
        for k in range(len(lines) - 1):
            words = _words(lines[k])
            if _is_name(lines[k]) and len(words) >= 2 and not set(words) <= covered:
                covered.update(words, _words(lines[k + 1]))
                participant = _participant(lines[k], lines[k + 1], block.role, company)
                people.append((b, _position(lines[k], listing), participant))
    return [p for *_, p in sorted(people, key=lambda t: (t[0], t[1]))]


def _position(name: str, listing: str) -> int:
    m = re.search(r"\s+".join(map(re.escape, name.split())), listing)
    return m.start() if m else len(listing)


def _participant(name: str, desc: str, role: Role, company: str | None) -> Participant:
    if role is Role.EXECUTIVE:
        return Participant(name, role, title=desc or None, firm=company)
    return Participant(name, role, title=None, firm=desc or None)


def _raw_turns(
    lines: Sequence[Line],
    headings: Sequence[_Heading],
    descs: dict[str, str],
    marks: Sequence[tuple[int, SectionKind]],
    end: int,
    size: int,
) -> list[RawTurn]:
    """Speech runs from after the heading (or the title part of its line) to the next mark."""
    stops = sorted({h.line for h in headings} | {i for i, _ in marks})
    stop_at = lines[end].start if end < len(lines) else size
    out = []
    for heading in headings:
        last = heading.line if heading.desc_line is None else heading.desc_line
        if heading.desc_line is None:
            start = lines[heading.line].end
        else:
            desc = _desc_of(heading, lines, descs)
            line = lines[heading.desc_line]
            start = line.start + max(line.raw.find(desc), 0) + len(desc)
        after = next((s for s in stops if s > last), None)
        stop = lines[after].start if after is not None and after < end else stop_at
        role = generic_role(heading.name)
        out.append(RawTurn(heading.name, start, max(start, stop), heading.section, role=role))
    return out


LAYOUT = CapitalIQLayout()
