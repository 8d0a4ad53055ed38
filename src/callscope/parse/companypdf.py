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

The module is longer than most layouts because it carries all four heading styles and the
participant-list, role and company-name rules they share; splitting it would scatter one
layout's logic over several files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from callscope.errors import ParseError
from callscope.model.call import Call, Company, Metadata, Participant, Role, SectionKind
from callscope.parse import _meta
from callscope.parse._build import RawTurn, build_call, name_key, resolve
from callscope.parse._cleanup import blank, bullet_spans, page_furniture_spans
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._read import Document

__all__ = ["LAYOUT", "CompanyPdfLayout"]

_SNIFF_CHARS = 200_000
_HEAD_LINES = 40  # lines of the title page searched for metadata

# --- what a name looks like ------------------------------------------------------------------

_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "del",
                        "dos", "das", "bin", "al", "ter", "ten"})  # fmt: skip
# Words that never make up a personal name: headings, greetings, company words. They keep
# a short capitalised line ("Investor Relations", "Thank You") from reading as a speaker.
_NOT_NAME = frozenset({
    "thank", "thanks", "you", "yes", "no", "okay", "ok", "hi", "hello", "hey", "good", "morning",
    "afternoon", "evening", "great", "sure", "question", "questions", "answer", "answers",
    "session", "section", "presentation", "participants", "participant", "speakers", "speaker",
    "presenters", "transcript", "call", "earnings", "results", "quarter", "conference",
    "disclaimer", "notice", "remarks", "discussion", "management", "investor", "relations",
    "financial", "review", "announcement", "analyst", "analysts", "bank", "group", "plc", "inc",
    "ltd", "corporation", "company", "slide", "page", "first", "second", "third", "fourth",
    "the", "and", "of", "for", "with", "host", "hosts", "executives", "operator", "moderator",
    "summary", "outlook", "agenda", "appendix", "important", "contents", "introduction",
    "closing", "overview", "highlights", "update", "statement", "statements", "forward-looking",
    "cautionary", "note", "notes", "legal",
})  # fmt: skip
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][A-Za-z]*(?:['’\-][A-Za-z]+)*\.?")
_OPERATOR = re.compile(r"(?:conference\s+)?(?:operator|moderator)", re.IGNORECASE)

# Words marking a job title; "analyst" among them makes the speaker an analyst.
_TITLE_WORDS = frozenset({
    "analyst", "officer", "chief", "head", "director", "president", "chairman", "chair",
    "chairwoman", "ceo", "cfo", "coo", "cto", "cro", "treasurer", "manager", "vice", "executive",
    "relations", "partner", "strategist", "economist", "founder", "secretary", "controller",
    "counsel", "member", "md", "evp", "svp", "vp", "associate", "principal", "general"
})  # fmt: skip
# Words ending a firm's name; a heading line of them alone names the speaker's firm.
_FIRM_WORDS = frozenset({
    "llc", "inc", "ltd", "plc", "ag", "co", "corp", "lp", "llp", "sa", "nv", "securities",
    "capital", "research", "partners", "advisors", "associates", "markets", "bank", "group",
    "company", "corporation", "limited",
})  # fmt: skip
_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "la", "von", "to", "in",
                         "at", "-", "–", "|", "a"})  # fmt: skip

# --- headings and furniture ----------------------------------------------------------------

_QA_HEADING = re.compile(
    r"(?:questions?[- ](?:and|&)[- ]answers?|q\s*&\s*a|q and a)"
    r"(?:[- ](?:section|session|period|portion))?(?:\s+transcript)?:?",
    re.IGNORECASE,
)
_PRESENTATION_HEADING = re.compile(
    r"(?:management discussion(?: section)?|presentation|prepared remarks|opening remarks|"
    r"management remarks|management presentation):?",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"(?:disclaimer|important (?:notice|information)|legal (?:notice|disclaimer)|"
    r"forward[- ]looking statements?|cautionary (?:note|statement)s?|safe harbou?r statement|"
    r"terms of use):?",
    re.IGNORECASE,
)
# Leading blanks possessive, as in _cleanup: the same matches, no retries on padded lines.
# The characters each heading pattern can start with, as re.IGNORECASE matches them (with
# the non-ASCII partners of "i" and "s"): a cheap test on a line's first character before the
# regexes, which most lines (prose) fail.
_SECTION_FIRST = frozenset("qQmMpPoO")  # _QA_HEADING and _PRESENTATION_HEADING
_DISCLAIMER_FIRST = frozenset("dDiIıİlLfFcCsSſtT")
_SLIDE_FIRST = frozenset("sSſpPcC")
_QA_MARKER = re.compile(r"\s*+(?P<mark>[QA])\s*")
_SLIDE = re.compile(r"\s*+(?:slide|page|chart)\s+\d+\s*[–—:\-]", re.IGNORECASE)
_LIST_HEADER = re.compile(
    r"(?P<head>(?:company |corporate |conference call |call |other )?"
    r"(?:participants|speakers|presenters|executives|analysts|hosts?|management|attendees))\s*:?",
    re.IGNORECASE,
)
_ANALYST_HEADER = re.compile(r"analysts|attendees|^(?:conference call |call |other )?participants$")
# Leading blanks possessive (``*+``): shared with the name, a padded line would backtrack at
# every split; the name never starts with a blank either way.
_INLINE = re.compile(r"[ \t]*+(?P<name>[^:\n]{0,60}?)[ \t]*:(?![/\d])[ \t]*(?P<rest>[^\n]*)")
_COLUMNS = re.compile(r"(?P<indent>[ \t]{0,6})(?P<name>\S(?:\S| (?! ))*)[ \t]{2,}(?P<rest>\S.*)")
_PAREN_FIRM = re.compile(r"[ \t]{0,6}\((?P<firm>[^()\n]{2,60})\)(?P<rest>[ \t]{2,}\S.*)?[ \t]*")
_NAME_SUFFIX = re.compile(r"(?P<name>[^,–—]+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,\s].*)")
_SUFFIX_SEPARATORS = (",", "-", "–", "—")  # what _NAME_SUFFIX's separator cannot do without
_ENTRY = re.compile(r"(?P<name>[^,–—]+?)\s*(?:(?P<sep>\s[–—-]\s|,)\s*(?P<rest>.+))?")
_TERMINAL = re.compile(r"""[.?!…:"”')\]]\s*$""")
# The lookahead names the first letters of the branches ("question", "line", "move", "go"):
# without it the regex tries both branches at every position of the whole text.
_INTRO = re.compile(
    r"(?=[qlmg])"
    r"(?:\b(?:question|questions|line)\b[^.?!]*?\b(?:from|of)|\b(?:move|go)\s+(?:next\s+)?to)"
    r"\s+(?:the\s+line\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|von|van|de|der|da|di|du|la|le)){1,3})"
    r"(?:\s*,?\s+(?:with|from|of|at)\s+(?P<firm>[A-Z][^.,;?!]*?))?"
    r"(?=\s*(?:[.,;?!]|\s(?:your|please|go|you|now)\b|$))",
)
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


# --- small predicates ------------------------------------------------------------------------


def _is_name(text: str, *, min_tokens: int = 2) -> bool:
    """Whether ``text`` reads as a personal name ("C.S. Venkatakrishnan", "JAMES VON MOLTKE")."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= 5:
        return False
    for i, token in enumerate(tokens):
        low = token.casefold().strip(".")
        if low in _NOT_NAME or low in _FIRM_WORDS:
            return False
        if 0 < i < len(tokens) - 1 and low in _PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token):
            return False
    return True


def _is_operator(text: str) -> bool:
    return bool(_OPERATOR.fullmatch(text.strip()))


def _words(text: str) -> list[str]:
    return [w.strip(",()").casefold() for w in text.split() if w.strip(",()")]


def _has_title_word(text: str) -> bool:
    return any(w.strip(".") in _TITLE_WORDS for w in _words(text))


def _title_case_line(text: str) -> bool:
    """Every word capitalised or a connector, as in "Analyst, Wolfe Research LLC"."""
    words = text.split()
    # A loop that stops at the first lower-case word: most lines tried are prose.
    for word in words:
        w = word.strip(",()")
        if w and not (w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS):
            return False
    return bool(words)


def _display(name: str) -> str:
    """A heading name as a person's name: upper case becomes title case ("O'Connor")."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    out = []
    for token in name.split():
        low = token.casefold()
        if low in _PARTICLES:
            out.append(low)
            continue
        out.append(re.sub(r"(^|['’\-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), low))
    return " ".join(out)


def _same_firm(firm: str | None, company: str | None) -> bool:
    """Whether a printed firm names the company ("Citi" and "Citigroup Inc." agree)."""
    if not firm or not company:
        return False
    a, b = name_key(firm).split(), name_key(company).split()
    return bool(a and b) and (a[0].startswith(b[0][:4]) or b[0].startswith(a[0][:4]))


@dataclass(slots=True)
class _Head:
    """A speaker heading: where it begins, where the speech begins, what it says."""

    line: int
    start: int
    speech: int
    name: str
    title: str | None = None
    firm: str | None = None
    hint: Role | None = None
    strong: bool = True
    needs_context: bool = False
    blanks: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Found:
    heads: list[_Head]
    sections: list[tuple[int, SectionKind]]  # (offset, kind) of section headings
    end: int  # where the body ends (the closing disclaimer, or the end of the text)
    blanks: list[tuple[int, int]]


# --- participant list --------------------------------------------------------------------


def _participant_list(lines: Sequence[Line]) -> tuple[list[Participant], int]:
    """Entries of a "Speakers:" / "Participants" list on the title page, and its last line.

    Roles come from the group header. An entry's title or firm follows its name on the same
    line ("Name – Firm, Title", "Name, Title") or on the next line.
    """
    entries: list[Participant] = []
    role: Role | None = None
    last = -1
    for i, line in enumerate(lines[: _HEAD_LINES * 2]):
        text = line.text
        if not text:
            continue
        header = _LIST_HEADER.fullmatch(text)
        if header:
            head = header.group("head").casefold()
            role = Role.ANALYST if _ANALYST_HEADER.search(head) else Role.EXECUTIVE
            last = i
            continue
        if role is None:
            continue
        m = _ENTRY.fullmatch(text)
        if m is not None and _is_name(m.group("name")):
            title, firm = _split_title(m.group("rest"), role)
            entries.append(Participant(m.group("name").strip(), role, title, firm))
        elif entries and last == i - 1 and entries[-1].title is entries[-1].firm is None:
            title, firm = _split_title(text.replace(" - ", ", ", 1), role)
            entries[-1] = Participant(entries[-1].name, role, title, firm)
        elif entries:
            break
        else:
            continue
        last = i
    return entries, last


def _split_title(rest: str | None, role: Role) -> tuple[str | None, str | None]:
    """(title, firm) from what follows a listed name: "Bank of America, Chair and CEO"."""
    if not rest:
        return None, None
    rest = rest.strip()
    first, _, second = rest.partition(", ")
    if _has_title_word(first):
        return rest, None
    if role is Role.ANALYST and not second:
        return None, rest
    return (second or None), first


# --- finding headings ----------------------------------------------------------------------


def _title_line(text: str) -> tuple[str | None, str | None] | None:
    """(title, firm) where ``text`` is a heading's title line, e.g. "Analyst, Jefferies LLC".

    A line of firm words alone ("Wolfe Research LLC") is the firm with no title.
    """
    text = text.strip()
    if not text or len(text) > 100 or text[-1] in "?!:" or not _title_case_line(text):
        return None
    if _is_name(text):
        return None
    if not _has_title_word(text):
        if any(w.strip(".") in _FIRM_WORDS for w in _words(text)):
            return None, text
        return None
    title, _, firm = text.partition(", ")
    return title.strip() or None, firm.strip() or None


def _suffix_heading(text: str) -> tuple[str, str | None, str | None, Role] | None:
    """A "Name, Title" or "Name, Firm" heading line: (name, title, firm, role)."""
    text = text.strip()
    # Cheap exact pre-checks (most lines tried are prose): a name starts with a capital
    # A-Z (see _NAME_TOKEN), and a separator needs one of these characters.
    if not "A" <= text[:1] <= "Z" or not any(ch in text for ch in _SUFFIX_SEPARATORS):
        return None
    m = _NAME_SUFFIX.fullmatch(text)
    if m is None or not _is_name(m.group("name")):
        return None
    suffix = m.group("suffix").strip()
    if len(suffix) > 80 or suffix[-1] in "?!:" or not _title_case_line(suffix):
        return None
    if suffix.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|S\.A|N\.V)\.$", suffix):
        return None
    name = m.group("name").strip()
    if _has_title_word(suffix):
        analyst = "analyst" in _words(suffix)
        return name, suffix, None, Role.ANALYST if analyst else Role.EXECUTIVE
    return name, None, suffix, Role.ANALYST


class _Scanner:
    """One pass over the body lines, finding headings, sections and non-speech lines."""

    def __init__(self, lines: Sequence[Line], first: int) -> None:
        self.lines = lines
        self.first = first
        self.heads: list[_Head] = []
        self.sections: list[tuple[int, SectionKind]] = []
        self.blanks: list[tuple[int, int]] = []
        self.end = lines[-1].end if lines else 0
        self.hint: Role | None = None

    def _next_text(self, i: int, limit: int = 3) -> int | None:
        """Index of the next non-blank line after ``i`` within ``limit`` lines."""
        for j in range(i + 1, min(len(self.lines), i + 1 + limit)):
            if self.lines[j].text:
                return j
        return None

    def run(self) -> _Found:
        i = self.first
        while i < len(self.lines):
            i = self._line(i) + 1
        return _Found(self.heads, self.sections, self.end, self.blanks)

    def _line(self, i: int) -> int:
        """Handle line ``i``; returns the last line consumed."""
        line = self.lines[i]
        text = line.text
        if not text:
            return i
        first = text[0]  # also the first non-blank of line.raw: strip and \s agree on blanks
        if first in _SECTION_FIRST and (
            _QA_HEADING.fullmatch(text) or _PRESENTATION_HEADING.fullmatch(text)
        ):
            kind = SectionKind.QA if _QA_HEADING.fullmatch(text) else SectionKind.PRESENTATION
            self.sections.append((line.start, kind))
            self.blanks.append((line.start, line.end))
            return i
        if self.heads and first in _DISCLAIMER_FIRST and _DISCLAIMER.fullmatch(text):
            self.end = line.start
            self.blanks.append((line.start, self.lines[-1].end))
            return len(self.lines)
        marker = _QA_MARKER.fullmatch(line.raw) if len(text) == 1 else None
        if marker:
            self.hint = Role.ANALYST if marker.group("mark") == "Q" else Role.EXECUTIVE
            self.blanks.append((line.start, line.end))
            return i
        if first in _SLIDE_FIRST and _SLIDE.match(line.raw):
            return self._slide(i)
        for finder in (self._inline, self._columns, self._name_line):
            last = finder(i)
            if last is not None:
                self.hint = None
                return last
        return i

    def _slide(self, i: int) -> int:
        """A slide heading, with its wrapped continuation lines, is not speech."""
        last = i
        for j in range(i + 1, min(len(self.lines), i + 3)):
            nxt = self.lines[j]
            if not nxt.text or nxt.raw[:1].isspace() or bullet_spans(nxt.raw):
                break
            if _TERMINAL.search(nxt.raw) and not nxt.text.endswith(")"):
                break
            last = j
        self.blanks.append((self.lines[i].start, self.lines[last].end))
        return last

    def _add(self, head: _Head) -> None:
        head.hint = head.hint or self.hint
        self.heads.append(head)

    def _inline(self, i: int) -> int | None:
        line = self.lines[i]
        m = _INLINE.fullmatch(line.raw) if ":" in line.raw else None  # no colon, no match
        if m is None:
            return None
        name = m.group("name")
        if not name:
            # A heading whose name the PDF lost (": Hello."): the introduced analyst, later.
            self._add(_Head(i, line.start, line.start + m.start("rest"), "", strong=False))
            return i
        if _DISCLAIMER.fullmatch(name) and self.heads:
            self.end = line.start
            self.blanks.append((line.start, self.lines[-1].end))
            return len(self.lines)
        speech = line.start + m.start("rest")
        suffixed = _suffix_heading(name)
        if suffixed is not None:
            who, title, firm, role = suffixed
            self._add(_Head(i, line.start, speech, who, title, firm, role))
            return i
        operator = _is_operator(name)
        upper = name.isupper() and _is_name(name)
        if not (operator or upper or _is_name(name)):
            return None
        head = _Head(i, line.start, speech, name, strong=operator or upper)
        head.needs_context = not head.strong
        self._add(head)
        return i

    def _columns(self, i: int) -> int | None:
        line = self.lines[i]
        # Columns are split by two blanks at least: a line without such a run cannot match.
        m = _COLUMNS.fullmatch(line.raw) if "  " in line.raw or "\t" in line.raw else None
        if m is None:
            return None
        name = m.group("name")
        if not (_is_name(name) or _is_operator(name)):
            return None
        head = _Head(i, line.start, line.start + m.start("rest"), name, strong=_is_operator(name))
        head.needs_context = not head.strong
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        firm = _PAREN_FIRM.match(nxt.raw) if nxt is not None else None
        if nxt is not None and firm is not None:
            head.firm, head.hint = firm.group("firm"), Role.ANALYST
            head.strong, head.needs_context = True, False
            head.blanks.append((nxt.start, nxt.start + firm.end("firm") + 1))
        self._add(head)
        return i

    def _name_line(self, i: int) -> int | None:
        line = self.lines[i]
        text = line.text
        suffixed = _suffix_heading(text)
        if suffixed is not None:
            name, title, firm, role = suffixed
            self._add(_Head(i, line.start, line.end, name, title, firm, role))
            return i
        if not (_is_name(text) or _is_operator(text)):
            return None
        head = _Head(i, line.start, line.end, text, strong=text.isupper() or _is_operator(text))
        head.needs_context = not head.strong
        j = self._next_text(i)
        if j is not None:
            nxt = self.lines[j]
            paren = _PAREN_FIRM.fullmatch(nxt.raw)
            titled = _title_line(nxt.raw)
            if paren is not None:
                head.firm, head.hint = paren.group("firm"), Role.ANALYST
            elif titled is not None:
                head.title, head.firm = titled
            if paren is not None or titled is not None:
                head.speech, head.strong, head.needs_context = nxt.end, True, False
                self.blanks.append((nxt.start, nxt.end))
                self._add(head)
                return j
        self._add(head)
        return i


def _context_ok(lines: Sequence[Line], head: _Head, blanked: str) -> bool:
    """A bare name line follows finished speech: the line above ends a sentence."""
    for j in range(head.line - 1, -1, -1):
        above = blanked[lines[j].start : lines[j].end].strip()
        if above:
            return bool(_TERMINAL.search(above))
    return False


def _opens_section(found: _Found, head: _Head, blanked: str) -> bool:
    """Whether only blanked lines stand between a section heading and this heading."""
    before = [at for at, _ in found.sections if at <= head.start]
    return bool(before) and not blanked[max(before) : head.start].strip()


def _accept(found: _Found, known: Sequence[Participant], lines: Sequence[Line],
            blanked: str) -> list[_Head]:  # fmt: skip
    """Strong headings, and weak ones naming someone known.

    Known are the listed, the introduced, those with a strong heading, and those whose bare
    name line recurs or is named elsewhere in the text, and at least once opens a section or
    follows a finished sentence; every
    heading of a known name then counts, wherever it stands.
    """
    heads = found.heads
    people = list(known) + [Participant(h.name, Role.OTHER) for h in heads if h.strong and h.name]
    bare = Counter(name_key(h.name) for h in heads if h.needs_context)
    for head in heads:
        if head.strong or not head.name or resolve(head.name, people) is not None:
            continue
        placed = _opens_section(found, head, blanked) or _context_ok(lines, head, blanked)
        # Named elsewhere too (an introduction, a hand-over), beyond this heading itself.
        mentioned = blanked.count(head.name) >= 2
        recurs = bare[name_key(head.name)] >= 2
        if (recurs or mentioned or _opens_section(found, head, blanked)) and placed:
            people.append(Participant(head.name, Role.OTHER))
    return [h for h in heads if h.strong or not h.name or resolve(h.name, people) is not None]


# --- who is who --------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    name: str
    role: Role | None = None
    title: str | None = None
    firm: str | None = None
    listed: Role | None = None
    spoken: bool = False
    first_section: SectionKind | None = None  # of the first turn; None where unmarked

    def participant(self, company: str | None) -> Participant:
        role = self.role or Role.OTHER
        firm = company if role is Role.EXECUTIVE and company else self.firm
        if role is Role.OPERATOR:
            return Participant(self.name, role)
        return Participant(self.name, role, self.title, firm)


def _heading_role(head: _Head, company: str | None) -> Role | None:
    if head.title is not None and "analyst" in _words(head.title):
        return Role.ANALYST
    if head.hint is not None:
        return head.hint
    if head.title is not None or head.firm is not None:
        if head.firm is None or _same_firm(head.firm, company):
            return Role.EXECUTIVE
        return Role.ANALYST
    return None


def _introductions(
    text: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, str, str | None]]:
    """(offset, name, firm) of each analyst the operator introduces in the given turns."""
    out = []
    for start, end in spans:
        speech = " ".join(text[start:end].split())
        for m in _INTRO.finditer(speech):
            firm = m.group("firm")
            out.append((start, m.group("name"), firm.strip() if firm else None))
    return out


class _Cast:
    """The people who speak, resolved across heading spellings, with their roles."""

    def __init__(self, listed: Sequence[Participant], company: str | None) -> None:
        self.company = company
        self.people: list[_Person] = [
            _Person(p.name, title=p.title, firm=p.firm, listed=p.role) for p in listed
        ]

    def _find(self, name: str) -> _Person | None:
        found = resolve(name, [Participant(p.name, Role.OTHER) for p in self.people])
        if found is None:
            return None
        return next(p for p in self.people if p.name == found.name)

    def add(self, head: _Head, name: str, section: SectionKind | None) -> str:
        """Record a heading's evidence; returns the speaker's name as the call shows it."""
        if _is_operator(name):
            name = "Operator"
        person = self._find(name)
        if person is None:
            person = _Person(name)
            self.people.append(person)
        if name == "Operator":
            person.role = Role.OPERATOR
        if not person.spoken:
            person.spoken, person.first_section = True, section
        role = _heading_role(head, self.company)
        if person.role is None and role is not None:
            person.role = role
        person.title = person.title or head.title
        person.firm = person.firm or head.firm
        return person.name

    def list_entry(self, head: _Head, name: str) -> None:
        """A heading with no speech before the call begins: an entry of an unheaded list."""
        role = _heading_role(head, self.company)
        if role is not None and self._find(name) is None:
            self.people.append(_Person(name, title=head.title, firm=head.firm, listed=role))

    def settle(self, intros: Sequence[tuple[int, str, str | None]], order: Sequence[str]) -> None:
        """Roles for people no heading placed: the list, the operator, else their section.

        ``order`` lists the speaker of each turn. Where no heading marks the sections, the
        questions begin with the first analyst's turn, as the builder infers them.
        """
        named = [Participant(name, Role.ANALYST, None, firm) for _, name, firm in intros]
        roles = {p.name: p.role or p.listed for p in self.people}
        first_analyst = next(
            (i for i, name in enumerate(order) if roles.get(name) is Role.ANALYST), len(order)
        )
        late = set(order[first_analyst:]) - set(order[:first_analyst])
        for person in self.people:
            intro = resolve(person.name, named)
            if person.role is None:
                asks = intro is not None or person.first_section is SectionKind.QA
                late_unmarked = person.first_section is None and person.name in late
                if person.listed is not None:
                    person.role = person.listed
                elif asks or late_unmarked:
                    person.role = Role.ANALYST
                else:
                    person.role = Role.EXECUTIVE
            if person.role is Role.ANALYST and person.firm is None and intro is not None:
                person.firm = intro.firm

    def participants(self, spoken: set[str]) -> list[Participant]:
        return [
            p.participant(self.company)
            for p in self.people
            if p.listed is not None or p.name in spoken
        ]


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


def _has_speaker_evidence(lines: Sequence[str], need: int) -> bool:
    """Whether at least ``need`` lines look like speaker headings.

    A bare name line counts only once it recurs three times (then all its lines count). The
    count only grows line by line, so the scan stops as soon as it reaches ``need``.
    """
    evidence = 0
    bare: Counter[str] = Counter()
    for i, line in enumerate(lines):
        text = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # _INLINE needs a colon and _COLUMNS a run of two blanks: skip them when absent.
        inline = _INLINE.fullmatch(line) if ":" in line else None
        if _suffix_heading(text) or _PAREN_FIRM.fullmatch(nxt) or _title_line(nxt):
            evidence += _is_name(text) or _suffix_heading(text) is not None
        elif inline and (_is_operator(inline.group("name")) or inline.group("name").isupper()):
            evidence += _is_name(inline.group("name")) or _is_operator(inline.group("name"))
        elif _is_name(text):
            bare[text] += 1
            evidence += _recurring(bare[text])
        elif (
            ("  " in line or "\t" in line)
            and (columns := _COLUMNS.fullmatch(line))
            and _is_name(columns.group("name"))
        ):
            bare[columns.group("name")] += 1
            evidence += _recurring(bare[columns.group("name")])
        if evidence >= need:
            return True
    return False


def _recurring(seen: int) -> int:
    """What a bare name's ``seen``-th line adds to the evidence: all three at the third."""
    return 3 if seen == 3 else int(seen > 3)


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
