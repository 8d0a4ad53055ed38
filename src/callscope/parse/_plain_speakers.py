"""Speaker-line recognition for plain transcripts: which "Label:" lines name a speaker.

With no publisher's conventions to lean on, a "Label: text" line may be a speaker, a header
field ("Date: ...") or a glossary term. This module splits a label into a name and its title
or firm, finds section headings and participant lists, and makes the one cached scan of a
text that the plain layout's sniff and parse share. Metadata, roles and the degraded
no-speaker reading build on the scan in their own modules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from callscope.model.call import Participant, Role, SectionKind
from callscope.parse._build import name_key, resolve
from callscope.parse._lines import Line
from callscope.parse._lines import lines as split_lines
from callscope.parse._names import OPERATOR_KEYS

_MAX_HEADER_LINES = 40
# Fewest words for a once-only speaker before the body to count as one (not a glossary line).
_MIN_OPENING_WORDS = 25

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
