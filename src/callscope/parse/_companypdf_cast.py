"""Who is who in a company transcript: the title page's participant list and the speakers' roles.

Roles follow general rules: the operator by name; an analyst is whoever a heading, a title
line or the participant list places at an outside firm or calls an analyst, or whom the
operator introduces with a question; executives belong to the company. Kept apart from the
heading scanner, which finds who speaks where but not who they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from callscope.model.call import Participant, Role, SectionKind
from callscope.parse._build import resolve
from callscope.parse._companypdf_headings import _Head
from callscope.parse._companypdf_names import (
    _has_title_word,
    _is_name,
    _is_operator,
    _same_firm,
    _words,
)
from callscope.parse._lines import Line

_HEAD_LINES = 40  # lines of the title page searched for metadata

_LIST_HEADER = re.compile(
    r"(?P<head>(?:company |corporate |conference call |call |other )?"
    r"(?:participants|speakers|presenters|executives|analysts|hosts?|management|attendees))\s*:?",
    re.IGNORECASE,
)
_ANALYST_HEADER = re.compile(r"analysts|attendees|^(?:conference call |call |other )?participants$")
_ENTRY = re.compile(r"(?P<name>[^,–—]+?)\s*(?:(?P<sep>\s[–—-]\s|,)\s*(?P<rest>.+))?")
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
