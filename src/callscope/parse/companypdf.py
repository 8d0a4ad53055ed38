"""A company's own investor-relations transcript, converted from PDF to text.

Issuers publish their calls as PDFs with no common layout, so this module reads the structure
from cues every such layout shares rather than from one issuer's template. Speaker headings
come in four styles, often mixed in one file:

* inline: ``Operator: Good morning`` or ``JANE FRASER: Thank you, Jenn``;
* a name line, optionally followed by a title line or a firm in parentheses::

      Jeremy Barnum                                  Chris Hallam
      Chief Financial Officer, JPMorgan Chase & Co.  (Goldman Sachs)

* a name line with its title or firm after a comma: ``Anna Cross, Group Finance Director``,
  ``Guy Stebbings, BNP Paribas Exane``; upper-case name lines (``CHRISTIAN SEWING``);
* two columns (``pdftotext -layout``): ``Chris Hallam      Good morning, everybody.``

Page furniture (running headers and footers, page numbers, rules, copyright lines), slide
headings, bullets, Q/A markers and the closing disclaimer are blanked, keeping every offset.
Roles follow general rules: the operator by name; an analyst is whoever a heading, a title
line or the participant list places at an outside firm or calls an analyst, or whom the
operator introduces with a question; executives belong to the company.

The module holds the layout itself (sniff, parse, turns, metadata); the rest is split by job:
``_companypdf_names`` (what a name, a title and a firm look like), ``_companypdf_headings``
(the one-pass heading scanner and its acceptance rules) and ``_companypdf_cast`` (the
participant list and roles).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, Role, SectionKind
from callscope.parse import _meta
from callscope.parse._build import RawTurn, build_call, name_key
from callscope.parse._cleanup import blank, bullet_spans, page_furniture_spans
from callscope.parse._companypdf_cast import (
    _HEAD_LINES,
    _LIST_HEADER,
    _Cast,
    _introductions,
    _participant_list,
)
from callscope.parse._companypdf_headings import (
    _DISCLAIMER,
    _QA_HEADING,
    _accept,
    _Found,
    _has_speaker_evidence,
    _Head,
    _Scanner,
)
from callscope.parse._companypdf_names import _display, _is_operator, _title_case_line, _words
from callscope.parse._lines import lines as split_lines
from callscope.parse._read import Document

__all__ = ["LAYOUT", "CompanyPdfLayout"]

_SNIFF_CHARS = 200_000

_CLOSING = re.compile(r"\b(?:disconnect|concludes?|concluded)\b[^.!?]*[.!?]", re.IGNORECASE)
_CORPORATE = re.compile(
    r"^(?P<name>(?:[A-Z][\w&.'’\-]*\s+){0,5}?[A-Z][\w&.'’\-]*,?\s+"
    r"(?:AG|PLC|plc|Inc\.?|Incorporated|Corporation|Corp\.|& Co\.|Co\.|Ltd\.?|Limited|N\.V\.|"
    r"S\.A\.|SE|Holdings|Group))(?=\s|$|[,.’'])"
)
_COPYRIGHT_HOLDER = re.compile(r"(?:copyright|©)\s*(?:©\s*)?(?:(?:19|20)\d\d\s+)?(?P<name>[^\n]+)",
                               re.IGNORECASE)  # fmt: skip
_WELCOME = re.compile(
    r"welcome to (?:the )?(?P<name>[A-Z][\w&.\-]*(?:\s+[A-Z&][\w&.\-]*){0,4}?)"
    r"(?:['’]s?\s|\s+(?:first|second|third|fourth|Q[1-4]|[1-4]Q|\d{4}))"
)
_PERIOD_WORDS = re.compile(
    r"(?:^|\s+)(?:first|second|third|fourth|full[- ]year|Q[1-4]|[1-4]Q|FY|\d{4}|results|"
    r"earnings)\b",
    re.IGNORECASE,
)
# Title-page words that are never part of the company's name.
_NOT_COMPANY = frozenset({"transcript", "investor", "relations", "earnings", "call", "conference",
                          "results", "presentation", "participants", "speakers"})  # fmt: skip
_VENDORS = re.compile(
    r"S&P Capital IQ|Thomson Reuters|Refinitiv|StreetEvents|Seeking Alpha|Motley Fool|FactSet|"
    r"Bloomberg Transcript|CallStreet|VIQ Solutions",
    re.IGNORECASE,
)


# --- metadata ----------------------------------------------------------------------------


def _head_text(text: str) -> str:
    first_page = text.split("\f", 1)[0]
    lines = [line for line in first_page.split("\n") if line.strip()]
    return "\n".join(line.strip() for line in lines[:12])


def _company(
    text: str, head: str, heads: Sequence[_Head], listed: Sequence[Participant]
) -> str | None:
    """The company's name as the document prints it: title page, title lines, copyright."""
    for line in head.split("\n"):
        m = _CORPORATE.match(line)
        if m:
            return m.group("name").rstrip(",")
    firms = Counter(
        h.firm for h in heads if h.firm and h.title and "analyst" not in _words(h.title)
    )
    if firms:
        return firms.most_common(1)[0][0]
    for line in text.split("\n"):
        m = _COPYRIGHT_HOLDER.match(line.strip())
        if m:
            name = re.split(r"[.,]?\s+all rights", m.group("name"), flags=re.IGNORECASE)[0]
            return name.strip().rstrip(",")
    for p in listed:
        if p.role is Role.EXECUTIVE and p.firm:
            return p.firm
    for line in head.split("\n")[:3]:
        prefix = _PERIOD_WORDS.split(line, maxsplit=1)[0].strip()
        words = _words(prefix)
        plain = not _NOT_COMPANY & set(words) and not any(c.isdigit() for c in prefix)
        if words and len(words) <= 6 and plain and _title_case_line(prefix):
            return prefix
    m = _WELCOME.search(" ".join(text[:5000].split()))
    return m.group("name") if m else None


def _metadata(text: str, company: str | None) -> Metadata:
    head = _head_text(text)
    period = _meta.fiscal_period(head)
    day, time = _meta.parse_when(head)
    title = next((line for line in head.split("\n") if period and period.label in line), None)
    publisher = f"{company} (company transcript)" if company else "company transcript"
    ticker, exchange = _meta.listing(head, with_exchange=True) or (None, None)
    return Metadata(
        publisher=publisher,
        company=Company(name=company, ticker=ticker, exchange=exchange),
        fiscal_period=period,
        call_date=day,
        call_time_utc=time,
        title=title,
    )


# --- the layout ----------------------------------------------------------------------------


def _section_at(sections: Sequence[tuple[int, SectionKind]], offset: int) -> SectionKind | None:
    current = None
    for at, kind in sections:
        if at > offset:
            break
        current = kind
    return current


def _speech_spans(found: _Found, heads: Sequence[_Head]) -> list[tuple[int, int]]:
    stops = sorted([h.start for h in heads] + [at for at, _ in found.sections] + [found.end])
    spans = []
    for head in heads:
        end = next((s for s in stops if s >= head.speech and s > head.start), found.end)
        spans.append((head.speech, max(head.speech, end)))
    return spans


def _page_top(source: str, blanked: str, start: int, at: int) -> bool:
    """Whether only page furniture stands between a page break after ``start`` and ``at``."""
    page = source.rfind("\f", start, at)
    return page >= 0 and not blanked[page:at].strip()


def _trim_closing(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The operator's goodbye ends the call: stray text after it (a disclaimer) is cut."""
    ends = [m.end() for m in _CLOSING.finditer(text, span[0], span[1])]
    return (span[0], ends[-1]) if ends else span


class CompanyPdfLayout:
    name = "companypdf"
    max_score = 0.9  # no vendor signature, so never certain

    def sniff(self, doc: Document) -> float:
        """Paged text (form feeds) with speaker headings, page furniture and no vendor's name."""
        if doc.kind == "json":
            return 0.0
        text = doc.text[:_SNIFF_CHARS]
        pages = text.count("\f") + 1
        if (doc.kind != "pdf" and pages < 3) or _VENDORS.search(text[:3000]):
            return 0.0
        lines = text.split("\n")
        score = 0.45
        if _has_speaker_evidence(lines, 3):
            score += 0.25
        furniture = sum(1 for a, b in page_furniture_spans(text) if text[a:b] != "\f")
        if furniture >= pages / 2:
            score += 0.1
        if any(_DISCLAIMER.fullmatch(line.strip()) for line in lines):
            score += 0.05
        if any(_LIST_HEADER.fullmatch(line.strip()) or _QA_HEADING.fullmatch(line.strip())
               for line in lines):  # fmt: skip
            score += 0.05
        return min(score, 0.9)

    def parse(self, doc: Document) -> Call:
        text = doc.text
        listed, list_end = _participant_list(split_lines(text, limit=_HEAD_LINES * 2))
        furniture = blank(text, page_furniture_spans(text) + bullet_spans(text))
        lines = split_lines(furniture)
        found = _Scanner(lines, list_end + 1).run()
        if not found.heads:
            raise ParseError(doc.path, "no speaker headings found in this company transcript")
        blanked = blank(furniture, found.blanks)
        company = _company(text, _head_text(text), found.heads, listed)
        # Whoever the operator introduces is known, so their bare heading lines count.
        intros = _introductions(blanked, [(0, len(blanked))])
        introduced = [Participant(name, Role.ANALYST) for _, name, _ in intros]
        heads = [
            head
            for head in _accept(found, listed + introduced, lines, blanked)
            if not _names_company(head.name, company)
        ]
        blanked = blank(blanked, [span for head in heads for span in head.blanks])
        cast = _Cast(listed, company)
        raws, blanked = _raw_turns(doc.text, blanked, found, heads, cast)
        if not raws:
            raise ParseError(doc.path, "speaker headings found, but no speech after any of them")
        return build_call(
            source=doc.name,
            layout=self.name,
            text=blanked,
            metadata=_metadata(text, company),
            participants=cast.participants({raw.speaker for raw in raws}),
            raw_turns=raws,
        )


def _names_company(name: str, company: str | None) -> bool:
    """A heading that is the company's own name (a title-page line), not a person."""
    if not company or not name:
        return False
    return name_key(company).startswith(name_key(name))


def _raw_turns(
    source: str, text: str, found: _Found, heads: Sequence[_Head], cast: _Cast
) -> tuple[list[RawTurn], str]:
    """The turns, each speaker resolved in ``cast``; and ``text`` with repeated headings blanked.

    A heading with no speech before the first turn is a participant-list entry; a heading that
    repeats the current speaker at the top of a page continues that speaker's turn.
    """
    spans = _speech_spans(found, heads)
    operator_spans = [s for h, s in zip(heads, spans, strict=True) if _is_operator(h.name)]
    intros = _introductions(text, operator_spans)
    raws: list[RawTurn] = []
    repeats = []
    # Marks without a Q&A heading say nothing of where the questions begin: infer it instead.
    marked = any(kind is SectionKind.QA for _, kind in found.sections)
    for head, (start, end) in zip(heads, spans, strict=True):
        name = head.name or next((n for at, n, _ in reversed(intros) if at < head.start), "")
        if not name:
            continue
        if not text[start:end].strip():
            if not raws:
                cast.list_entry(head, _display(name))
            continue
        section = _section_at(found.sections, head.start) if marked else None
        # Before the first marked section is the presentation (as the builder reads it).
        speaker = cast.add(
            head, _display(name), section or (SectionKind.PRESENTATION if marked else None)
        )
        last = raws[-1] if raws else None
        same = last is not None and (last.speaker, last.section) == (speaker, section)
        if last is not None and same and _page_top(source, text, last.start, head.start):
            repeats.append((head.start, head.speech))
            last.end = end
            continue
        raws.append(RawTurn(speaker, start, end, section))
    cast.settle(intros, [raw.speaker for raw in raws])
    text = blank(text, repeats)
    if raws and _is_operator(raws[-1].speaker):
        raws[-1].start, raws[-1].end = _trim_closing(text, (raws[-1].start, raws[-1].end))
    return raws, text


LAYOUT = CompanyPdfLayout()
