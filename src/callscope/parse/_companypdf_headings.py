"""Finding speaker headings in a company transcript's lines, in one pass.

The scanner walks the body lines once and records each speaker heading in the four styles
(inline, a name line with a title or firm line, a "Name, Title" line, two columns), the section
headings, and the lines that are not speech: Q/A markers, slide headings and the closing
disclaimer, blanked later with every offset kept. Weak headings (a bare name line) are then
accepted only on evidence. The sniff's cheap speaker-evidence count lives here too, as it
reads lines with the same patterns. Turning accepted headings into turns and people is the
layout's job (``companypdf``, ``_companypdf_cast``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from callscope.model.call import Participant, Role, SectionKind
from callscope.parse._build import name_key, resolve
from callscope.parse._cleanup import bullet_spans
from callscope.parse._companypdf_names import (
    _is_name,
    _is_operator,
    _suffix_heading,
    _title_line,
)
from callscope.parse._lines import Line

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
# Leading blanks possessive (``*+``): shared with the name, a padded line would backtrack at
# every split; the name never starts with a blank either way.
_INLINE = re.compile(r"[ \t]*+(?P<name>[^:\n]{0,60}?)[ \t]*:(?![/\d])[ \t]*(?P<rest>[^\n]*)")
_COLUMNS = re.compile(r"(?P<indent>[ \t]{0,6})(?P<name>\S(?:\S| (?! ))*)[ \t]{2,}(?P<rest>\S.*)")
_PAREN_FIRM = re.compile(r"[ \t]{0,6}\((?P<firm>[^()\n]{2,60})\)(?P<rest>[ \t]{2,}\S.*)?[ \t]*")
_TERMINAL = re.compile(r"""[.?!…:"”')\]]\s*$""")


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


# --- finding headings ----------------------------------------------------------------------


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
