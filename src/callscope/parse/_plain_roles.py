"""Who is who in a plain transcript: everyone's role, title and firm.

Roles come from a participant list, the operator's introductions ("... from Brad Sills with
Bank of America") or, where neither names the analysts, who asks in the Q&A; titles and firms
from what follows a name in the list or a heading. Separate from speaker recognition, which
finds the speaker lines these rules read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from callscope.model.call import Participant, Role, SectionKind
from callscope.parse._build import name_key, resolve
from callscope.parse._plain_speakers import _LABEL_SEP, _Bound, _is_operator, _Scan

# A turn asks a question when a question mark falls in its last this-many characters.
_QUESTION_TAIL = 200
# How far after an operator's "from" a firm's name may run.
_FIRM_WINDOW = 200
# An operator naming who asks next: "<name> from|with|of|at <firm>".
_INTRO = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*,?\s+(?:from|with|of|at)\s+"
    r"(?:the\s+)?(?=[A-Z0-9])"
)
_FIRM_STOP = re.compile(
    r"[.;:!?](?=\s|$)|,\s+(?!(?:inc|llc|l\.?p|ltd|co|corp|plc|ag|sa|research)\b)"
    r"|\s+(?:your line|please|go ahead|you may|the line)\b|\n",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:inc|co|corp|ltd|llc|l\.p|jr|sr|bros|intl))$", re.I)


def _firm_from(text: str) -> str | None:
    """The firm at the start of ``text``, up to the end of its phrase."""
    pos = 0
    while True:
        stop = _FIRM_STOP.search(text, pos)
        end = stop.start() if stop else len(text)
        if stop and text[stop.start()] == "." and _ABBREVIATION.search(text[:end]):
            pos = stop.end()
            continue
        firm = text[:end].strip(" ,")
        return firm if 0 < len(firm) <= 80 else None


@dataclass(slots=True)
class _Person:
    name: str
    role: Role | None = None
    title: str | None = None
    firm: str | None = None
    details: list[str] = field(default_factory=list)  # what list and headings say after the name


def _people(scan: _Scan, bounds: Sequence[_Bound], text: str, company: str | None) -> list[_Person]:
    """Everyone on the call, with roles from the list, the operator's words and the Q&A."""
    people: dict[str, _Person] = {}
    for entry in scan.entries:
        person = people.setdefault(name_key(entry.label.name), _Person(entry.label.name))
        person.role = person.role or entry.role
        person.details += [entry.label.detail] if entry.label.detail else []
    listed = [Participant(p.name, Role.OTHER) for p in people.values()]
    keys = []
    for mark, _, _ in bounds:
        found = resolve(mark.label.name, listed)
        key = name_key(found.name if found else mark.label.name)
        keys.append(key)
        person = people.setdefault(key, _Person(mark.label.name))
        person.details += [mark.label.detail] if mark.label.detail else []
        if _is_operator(mark.label.name):
            person.role = Role.OPERATOR
    presenter = next((k for k in keys if people[k].role is not Role.OPERATOR), None)
    _introduced(bounds, keys, people, text, presenter, company)
    askers = _askers(bounds, text, keys, people, presenter)
    for key, person in people.items():
        if person.role is None:
            person.role = Role.ANALYST if key in askers else _default_role(person.name)
        _apply_details(person, company)
    return list(people.values())


def _introduced(
    bounds: Sequence[_Bound],
    keys: Sequence[str],
    people: dict[str, _Person],
    text: str,
    presenter: str | None,
    company: str | None,
) -> None:
    """Analysts the operator introduces: "... comes from Brad Sills with Bank of America."

    The next speaker after the operator is taken for the person named when the two names
    share a word (operators shorten and misspell names); the firm is the phrase after
    "from|with|of|at". Where the Q&A is marked, only the operator's turns in it count.
    """
    marked = any(section is SectionKind.QA for _, _, section in bounds)
    for i, (mark, end, section) in enumerate(bounds):
        if not _is_operator(mark.label.name) or (marked and section is not SectionKind.QA):
            continue
        key = next((k for k in keys[i + 1 :] if people[k].role is not Role.OPERATOR), None)
        if key is None or key == presenter or people[key].role not in (None, Role.ANALYST):
            continue
        for intro in _INTRO.finditer(text, mark.speech_start, end):
            said = set(name_key(intro.group("name")).split())
            firm = _firm_from(text[intro.end() : min(end, intro.end() + _FIRM_WINDOW)])
            if said & set(key.split()) and firm and not _same_firm(firm, company):
                people[key].role = Role.ANALYST
                people[key].firm = people[key].firm or firm
                break


def _same_firm(firm: str, company: str | None) -> bool:
    if not company:
        return False
    a, b = name_key(firm), name_key(company)
    return a in b or b in a


def _default_role(name: str) -> Role:
    key = name_key(name)
    if "analyst" in key:
        return Role.ANALYST
    if key.startswith(("unknown", "unidentified")) and "company" not in key:
        return Role.OTHER
    return Role.EXECUTIVE


def _apply_details(person: _Person, company: str | None) -> None:
    """Title and firm from what follows the name: a firm for an analyst, else a title."""
    detail = person.details[0] if person.details else None
    if person.role is Role.ANALYST:
        person.firm = detail or person.firm  # as listed or headed, over the operator's words
    elif person.role is Role.EXECUTIVE:
        if detail and company and name_key(detail).startswith(name_key(company)):
            # "Northwind Robotics - CEO": the company, then the title.
            rest = _LABEL_SEP.split(detail, maxsplit=1)
            detail = rest[1] if len(rest) > 1 else None
        person.title = detail
        person.firm = company


def _askers(
    bounds: Sequence[_Bound],
    text: str,
    keys: Sequence[str],
    people: dict[str, _Person],
    presenter: str | None,
) -> set[str]:
    """Where neither a list nor the operator names the analysts: those who ask.

    An asker's first turn ends in a question and, where the Q&A is marked, comes in it;
    the speaker who opened the prepared remarks is never one.
    """
    if any(p.role is Role.ANALYST for p in people.values()):
        return set()
    marked = any(section is SectionKind.QA for _, _, section in bounds)
    seen: set[str] = set()
    askers = set()
    for key, (mark, end, section) in zip(keys, bounds, strict=True):
        if key in seen:
            continue
        seen.add(key)
        if people[key].role is not None or key == presenter:
            continue
        asks = "?" in text[max(mark.speech_start, end - _QUESTION_TAIL) : end]
        if asks and (not marked or section is SectionKind.QA):
            askers.add(key)
    return askers
