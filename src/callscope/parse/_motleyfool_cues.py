"""What the words of a call say about its speakers, shared by the Motley Fool and earningscall
layouts: the operator's introductions of analysts ("... from Jane Doe with Morgan Stanley"),
hand-overs ("turn the call over to Tim"), the welcome naming the company, participant lines
("Name -- Title", "Name -- Firm -- Analyst"), and unlisted speakers' roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from callscope.model.call import Participant, Role, SectionKind
from callscope.parse._build import name_key, resolve

__all__ = [
    "Intro",
    "SpokenTurn",
    "company_from_welcome",
    "find_handover",
    "find_intro",
    "infer_participants",
    "is_operator_name",
    "names_agree",
    "participant_from_line",
    "split_title_firm",
]

# A person's name as transcripts print it: two to four capitalised words, initials and
# surname particles allowed ("Gabriela Borges", "C. James Koch", "Victoria de la Huerga").
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]*)"
_PARTICLE = r"(?:de|van|von|der|den|la|le|du|da|di|del|dos|bin)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}"
# A firm: capitalised words, initials ("J.P."), "&", and joining words ("Bank of America").
# A full stop ends it unless it belongs to an initial, so "... Morgan Stanley. Your line is
# open." stops at "Stanley"; a company abbreviation's full stop ("Piper & Co.") is put back
# after the match (see _FIRM_ABBREVIATION).
_FIRM_WORD = r"(?:(?:[A-Z]\.){1,4}|[A-Z0-9][\w&'’\-]*)"
# A firm name's last word whose full stop belongs to it, even where it also ends the sentence.
_FIRM_ABBREVIATION = re.compile(r"\b(?:Co|Cos|Corp|Inc|Ltd|Bros)$")
_FIRM = rf"{_FIRM_WORD}(?:\s+(?:(?:&|and|of|the|de|du|des)\s+)?{_FIRM_WORD})*"
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"

_INTRO_PATTERNS = (
    # "... comes from the line of Jane Doe with Morgan Stanley", "... from Jane Doe of UBS"
    re.compile(
        rf"\b(?:from|caller\s+is)\s+(?:the\s+line\s+of\s+)?{_HONORIFIC}(?P<name>{_NAME})"
        rf"(?:\s*,\s*|\s+(?:with|of|from|at)\s+)(?P<firm>{_FIRM})"
    ),
    # "And from Barclays, we have Jeanine Wai."
    re.compile(rf"\bfrom\s+(?P<firm>{_FIRM}),?\s+we\s+have\s+{_HONORIFIC}(?P<name>{_NAME})"),
    # "[Operator Instructions] Jeremy Tonet from JPMorgan. You may go ahead."
    re.compile(
        rf"(?:^|[.!?\]]\s+)(?P<name>{_NAME})\s+(?:with|of|from)\s+(?P<firm>{_FIRM})"
        r"\s*[.,]\s+(?i:you|your|please|go)\b"
    ),
)

_HANDOVER = re.compile(
    r"\b(?:turn|hand|pass)(?:ing)?\s+(?:the\s+(?:call|conference|floor|line)|it|things)"
    r"(?:\s+call)?\s+(?:back\s+)?over\s+to\s+(?:our\s+|your\s+\w+,?\s+)?"
    rf"{_HONORIFIC}(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
    r"(?=[\s.,;!?]|$)(?:,\s+(?P<title>[^.;!?]{3,90}?)(?=\s*(?:[.;!?]|$)|,\s+who\b))?"
)

# Words of an office, never of a person's name, in what a hand-over names.
_OFFICE = re.compile(
    r"\b(?:officer|president|director|chair(?:man|woman|person)?|ceo|cfo|coo|cto|treasurer|"
    r"controller|secretary|head)\b",
    re.I,
)
_NAME_AFTER_TITLE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
_ANALYST_WORD = re.compile(r"(?i)\banalyst\b")
_OPERATOR_NAMES = frozenset({"operator", "moderator", "conference operator"})


def is_operator_name(name: str) -> bool:
    return name_key(name) in _OPERATOR_NAMES


@dataclass(frozen=True, slots=True)
class Intro:
    """An analyst introduced by the operator: the name as spoken and the firm."""

    name: str
    firm: str | None


# "Your next question is from Samad Samana." (no firm said); used only where no firm is.
_INTRO_NO_FIRM = re.compile(
    rf"\bfrom\s+(?:the\s+line\s+of\s+)?{_HONORIFIC}(?P<name>{_NAME})\s*[.?!]"
)


def find_intro(text: str) -> Intro | None:
    """The last analyst the operator introduces in ``text`` (the one who speaks next)."""
    return _last_intro(text, _INTRO_PATTERNS) or _last_intro(text, (_INTRO_NO_FIRM,))


def _last_intro(text: str, patterns: Sequence[re.Pattern[str]]) -> Intro | None:
    best: tuple[int, Intro] | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            if best is None or m.start("name") > best[0]:
                firm = m.groupdict().get("firm")
                if firm and _FIRM_ABBREVIATION.search(firm) and text[m.end("firm") :][:1] == ".":
                    firm += "."
                best = (m.start("name"), Intro(m.group("name"), firm))
    return best[1] if best is not None else None


def find_handover(text: str) -> tuple[str, str | None] | None:
    """The person a speaker hands the call to, and the title said with the name, if any.

    "turn the call over to Jane Doe, Vice President of Investor Relations" gives both;
    "turn it over to our CFO, Jason Aiken" gives the name after the title.
    """
    found = None
    for m in _HANDOVER.finditer(text):
        name, title = m.group("name").strip(), m.group("title")
        office = not any(c.islower() for c in name) or _OFFICE.search(name) is not None
        if title is not None and office:
            # "our CFO, Jason Aiken, for further remarks", "our Chief Financial Officer, Jane
            # Doe": the name follows the title.
            after = _NAME_AFTER_TITLE.match(title)
            if after is None:
                continue
            name, title = after.group(0), name
        elif office:
            continue  # an office and no name: "over to our Head of Investor Relations"
        if not any(c.islower() for c in name) or name_key(name) in _OPERATOR_NAMES:
            continue
        if name.split()[0] in ("The", "Our", "Your", "Management"):
            continue
        if title is not None:
            title = re.sub(r"^(?:our|the)\s+", "", title.strip())
            if not _TITLE_WORD.search(title):
                title = None
        found = (name, title)
    return found


def names_agree(spoken: str, written: str) -> bool:
    """Whether a name heard in an introduction can be the speaker heading that follows.

    Transcribers mishear names ("Gabriela Boris" for "Gabriela Borges") and shorten them
    ("Brad Sills" for "Bradley Sills"), so one shared first or last name, or a last name
    with the same first three letters, is enough.
    """
    a, b = name_key(spoken).split(), name_key(written).split()
    if not a or not b:
        return False
    return a[0] == b[0] or a[-1] == b[-1] or (len(a[-1]) >= 3 and a[-1][:3] == b[-1][:3])


# -- the company named in the operator's welcome --------------------------------------------

# Case matters for "the": "welcome to the ADM ..." drops it, "welcome to The Clorox Company"
# keeps it as part of the name.
_WELCOME = re.compile(r"\b(?i:welcome)\s+(?:everyone\s+|all\s+|you\s+)?(?:to\s+)?(?:the\s+)?")
_COMPANY_WORD = re.compile(r"[A-Z0-9][\w&.\-'’]*|&|and|of|de")
# Words that name the period or the event, never the company.
_EVENT_WORD = re.compile(
    r"(?:q[1-4]|[1-4]q|h[12]|fy\S*|fiscal|first|second|third|fourth|full|quarter\S*|year\S*|"
    r"annual|half|(?:19|20)\d\d\S*|'\d\d|earnings|conference|financial|results|call|"
    r"teleconference|webcast|investor|business|update|first-quarter|second-quarter|"
    r"third-quarter|fourth-quarter|and)$",
    re.I,
)


_ABBREVIATION = re.compile(r"(?:Inc|Co|Corp|Ltd|Plc|Cos|(?:[A-Z]\.)+[A-Z]?)\.")


def company_from_welcome(text: str) -> str | None:
    """The company an operator's welcome names: "welcome to the Apple Q1 FY 2022 call" gives
    "Apple"; "welcome to Dow's fourth quarter" gives "Dow"; the period may come first
    ("welcome to the Q3 2020 ServiceNow earnings call"). A welcome that names none ("welcome
    to the webcast entitled ...") gives way to the next one ("Welcome to WWE's ...")."""
    for m in _WELCOME.finditer(text):
        company = _company_after(text[m.end() : m.end() + 200].split())
        if company:
            return company
    return None


def _company_after(words: list[str]) -> str | None:
    i = 0
    while i < len(words) and _EVENT_WORD.match(words[i].rstrip(",.")):
        if words[i].endswith("."):
            return None  # the sentence ends before a company is named
        i += 1
    picked: list[str] = []
    for word in words[i:]:
        bare = word.rstrip(",.")
        possessive = bare.endswith(("'s", "’s"))
        if possessive:
            bare = bare[:-2]
        if not _COMPANY_WORD.fullmatch(bare) or _EVENT_WORD.match(bare):
            break
        if possessive:
            picked.append(bare)
            break
        abbreviation = _ABBREVIATION.fullmatch(word.rstrip(","))
        picked.append(word if abbreviation else word.rstrip("."))
        if word.endswith(".") and not abbreviation:
            break  # the sentence ends
    while picked and picked[-1] in ("&", "and", "of", "de"):
        picked.pop()
    return " ".join(picked).rstrip(" ,") or None


# -- participant lines -------------------------------------------------------------------------

_DASHES = re.compile(r"\s*(?:--|—|–)\s*")
# Words that mark a job title rather than a firm, for "Name -- X" with no "Analyst".
_TITLE_WORD = re.compile(
    r"\b(?:officer|president|director|relations|chair\w*|ceo|cfo|coo|cto|vice|head|manager|"
    r"treasurer|founder|secretary|counsel|controller|executive|svp|evp|vp|partner|"
    r"principal|lead|general)\b",
    re.I,
)


def split_title_firm(rest: str) -> tuple[Role, str | None, str | None]:
    """What follows a name in a heading: "Morgan Stanley -- Analyst" is an analyst's firm,
    "Chief Financial Officer" an executive's title. Returns (role, title, firm)."""
    parts = [p for p in _DASHES.split(rest.strip()) if p]
    if not parts:
        return Role.OTHER, None, None
    if parts[-1].casefold() == "analyst":
        return Role.ANALYST, None, " -- ".join(parts[:-1]) or None
    joined = " -- ".join(parts)
    if _TITLE_WORD.search(joined):
        return Role.EXECUTIVE, joined, None
    return Role.ANALYST, None, joined


def participant_from_line(line: str, company: str | None) -> Participant | None:
    """A participant from "Name--Title" or "Name--Firm -- Analyst"; None when no name."""
    parts = _DASHES.split(line.strip(), maxsplit=1)
    name = parts[0].strip()
    if not name:
        return None
    if len(parts) == 1:
        return Participant(name=name, role=Role.OTHER)
    role, title, firm = split_title_firm(parts[1])
    if role is Role.EXECUTIVE:
        firm = company
    return Participant(name=name, role=role, title=title, firm=firm)


# -- roles of speakers nobody listed -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpokenTurn:
    speaker: str
    section: SectionKind | None
    text: str


def infer_participants(
    turns: Sequence[SpokenTurn],
    listed: Sequence[Participant],
    *,
    company: str | None,
    default_role: Role = Role.EXECUTIVE,
) -> list[Participant]:
    """The listed participants, completed from the call itself.

    A speaker who answers the operator's introduction of an analyst is that analyst, with
    the firm the operator named (where no list gave one). Every other speaker but the
    operator whose role nothing states gets ``default_role``: on a publisher's page that
    lists only the company's people, anyone not introduced as an analyst speaks for the
    company.
    """
    introduced = _introduced(turns, listed)
    out: list[Participant] = []
    for person in listed:
        intro = introduced.get(person.name)
        if person.role is Role.OTHER:
            person = _unlisted(person.name, intro, company, default_role, person.title)
        elif intro is not None and person.role is Role.ANALYST and not person.firm:
            person = Participant(person.name, Role.ANALYST, person.title, intro.firm)
        out.append(person)
    for turn in turns:
        if resolve(turn.speaker, out) is not None:
            continue
        if is_operator_name(turn.speaker):
            out.append(Participant(name=turn.speaker, role=Role.OPERATOR))
        else:
            intro = introduced.get(turn.speaker)
            out.append(_unlisted(turn.speaker, intro, company, default_role, None))
    return out


def _unlisted(
    name: str, intro: Intro | None, company: str | None, default_role: Role, title: str | None
) -> Participant:
    if intro is not None:
        return Participant(name, Role.ANALYST, title, intro.firm)
    if _ANALYST_WORD.search(name):  # "Unidentified Analyst"
        return Participant(name, Role.ANALYST, title)
    if default_role is Role.EXECUTIVE:
        return Participant(name, Role.EXECUTIVE, title, company)
    return Participant(name, default_role, title)


def _introduced(turns: Sequence[SpokenTurn], listed: Sequence[Participant]) -> dict[str, Intro]:
    """Each speaker the operator introduced as an analyst, by the name in their heading.

    The introduced analyst is the next speaker who is neither the operator nor one of the
    company's listed people (executives often greet the analyst first); a misheard name
    is accepted if it agrees in part, or if that speaker has not spoken before.
    """
    # Whoever gave prepared remarks speaks for the company even where no list says so
    # (a list of bare names): an executive greeting the analyst first is not the analyst.
    company_side = {p.name for p in listed if p.role in (Role.EXECUTIVE, Role.OPERATOR)} | {
        t.speaker for t in turns if t.section is SectionKind.PRESENTATION
    }
    introduced: dict[str, Intro] = {}
    seen: set[str] = set()
    for i, turn in enumerate(turns):
        seen.add(turn.speaker)
        if not is_operator_name(turn.speaker) or turn.section is SectionKind.PRESENTATION:
            continue
        intro = find_intro(turn.text)
        if intro is None:
            continue
        for later in turns[i + 1 :]:
            person = resolve(later.speaker, listed)
            if is_operator_name(later.speaker):
                break
            name = person.name if person is not None else later.speaker
            if name in company_side or later.speaker in company_side:
                continue
            if names_agree(intro.name, later.speaker) or later.speaker not in seen:
                introduced.setdefault(later.speaker, intro)
            break
    return introduced
