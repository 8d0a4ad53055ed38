"""Building a :class:`Call` from what a layout found: shared by every layout.

A layout finds the metadata, the participant list and, for each speaker turn, the speaker
heading and the character range of the speech. This module does the rest the same way for
all: it resolves speakers to participants, assigns roles and sections, cleans the speech,
notes annotations and cut-offs, and groups the Q&A into exchanges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from callscope.model.call import (
    Call,
    Estimate,
    Exchange,
    Metadata,
    Participant,
    Role,
    Section,
    SectionKind,
    Turn,
    speech_text,
)
from callscope.model.source import SourceSpan

__all__ = ["RawTurn", "build_call", "find_annotations", "is_cut_off", "name_key", "resolve"]


@dataclass(slots=True)
class RawTurn:
    """A speaker turn as a layout found it.

    ``start``/``end`` bound the speech (not the heading) in the text handed to
    :func:`build_call`. ``section`` is None where the layout has no section marks; the builder
    then infers it. ``role``/``title``/``firm`` are what the heading itself says, if anything.
    """

    speaker: str
    start: int
    end: int
    section: SectionKind | None = None
    role: Role | None = None
    title: str | None = None
    firm: str | None = None


_ANNOTATION = re.compile(
    r"\[(?:[^\]\n]{1,60})\]"
    r"|\((?:operator instructions|inaudible|indiscernible|technical difficult(?:y|ies)|ph|sic|"
    r"audio gap|crosstalk|laughter|foreign language|unintelligible|multiple speakers|"
    r"music|silence|pause|break in audio|background noise)\)",
    re.IGNORECASE,
)
_CUT_OFF = re.compile(r"(?:--|—|–|\.\.\.|…)\s*$")  # the rule; is_cut_off applies it fast
_CUT_OFF_MARKS = ("--", "—", "–", "...", "…")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|prof)\.?\s+", re.IGNORECASE)


def find_annotations(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _ANNOTATION.finditer(text))


def is_cut_off(text: str) -> bool:
    # _CUT_OFF.search scans the whole speech; only its end can match: a cut-off mark followed
    # by blanks alone (rstrip strips what \s matches, as speech_text notes).
    return text.rstrip().endswith(_CUT_OFF_MARKS)


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A name reduced for comparison: lower case, no honorific, no punctuation."""
    name = _HONORIFIC.sub("", name.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def resolve(speaker: str, participants: Sequence[Participant]) -> Participant | None:
    """The listed participant a speaker heading names, allowing short and middle names.

    "Jon McNeill" finds "Jonathan McNeill"; "Elon Musk" finds "Elon R. Musk". A match must
    agree on the last name and on the first name's initial, and be the only such match.
    """
    key = name_key(speaker)
    if not key:
        return None
    for participant in participants:
        if name_key(participant.name) == key:
            return participant
    words = key.split()
    candidates = []
    for participant in participants:
        other = name_key(participant.name).split()
        if not other or not words:
            continue
        if other[-1] == words[-1] and other[0][0] == words[0][0]:
            candidates.append(participant)
    if len(candidates) == 1:
        return candidates[0]
    return None


def _speaker_role(raw: RawTurn) -> Role:
    if raw.role is not None:
        return raw.role
    if name_key(raw.speaker) in ("operator", "moderator", "conference operator"):
        return Role.OPERATOR
    return Role.OTHER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def build_call(
    *,
    source: str,
    layout: str,
    text: str,
    metadata: Metadata,
    participants: Iterable[Participant],
    raw_turns: Iterable[RawTurn],
    estimates: Iterable[Estimate] = (),
    warnings: Iterable[str] = (),
) -> Call:
    """Assemble the call. Speakers not in ``participants`` are added in order of appearance."""
    listed = _dedupe(participants)
    raws = list(raw_turns)
    people = list(listed)
    speakers: list[tuple[RawTurn, Participant]] = []
    for raw in raws:
        participant = resolve(raw.speaker, people)
        if participant is None:
            participant = Participant(
                name=raw.speaker.strip(), role=_speaker_role(raw), title=raw.title, firm=raw.firm
            )
            people.append(participant)
        speakers.append((raw, participant))

    sections = _infer_sections([(raw.section, p.role) for raw, p in speakers])
    turns: list[Turn] = []
    for (raw, participant), section in zip(speakers, sections, strict=True):
        start, end = _trim(text, raw.start, raw.end)
        span = SourceSpan(start, end)
        speech = speech_text(text, span)
        turns.append(
            Turn(
                index=len(turns),
                speaker=participant.name,
                role=participant.role,
                section=section,
                text=speech,
                span=span,
                annotations=find_annotations(speech),
                cut_off=is_cut_off(speech),
            )
        )
    spoken = {turn.speaker for turn in turns}
    # Keep everyone listed, and add only unlisted people who actually spoke.
    people = listed + [p for p in people[len(listed) :] if p.name in spoken]
    return Call(
        source=source,
        layout=layout,
        text=text,
        metadata=metadata,
        participants=tuple(people),
        turns=tuple(turns),
        sections=_sections(turns),
        exchanges=build_exchanges(turns, people),
        estimates=tuple(estimates),
        warnings=tuple(warnings),
    )


def _dedupe(participants: Iterable[Participant]) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for participant in participants:
        key = name_key(participant.name)
        if key and key not in seen:
            seen.add(key)
            out.append(participant)
    return out


def _infer_sections(marks: Sequence[tuple[SectionKind | None, Role]]) -> list[SectionKind]:
    """Sections as marked; unmarked turns before the first analyst are the presentation.

    Where nothing is marked, Q&A starts at the first analyst turn, or at the operator turn
    just before it (the operator opening the queue belongs to the Q&A).
    """
    if any(section is not None for section, _ in marks):
        out = []
        current = SectionKind.PRESENTATION
        for section, _ in marks:
            current = section or current
            out.append(current)
        return out
    first_analyst = next(
        (i for i, (_, role) in enumerate(marks) if role is Role.ANALYST), len(marks)
    )
    if 0 < first_analyst < len(marks) and marks[first_analyst - 1][1] is Role.OPERATOR:
        first_analyst -= 1
    return [
        SectionKind.PRESENTATION if i < first_analyst else SectionKind.QA for i in range(len(marks))
    ]


def _sections(turns: Sequence[Turn]) -> tuple[Section, ...]:
    out: list[Section] = []
    for turn in turns:
        if out and out[-1].kind is turn.section:
            out[-1] = Section(turn.section, out[-1].first_turn, turn.index)
        else:
            out.append(Section(turn.section, turn.index, turn.index))
    return tuple(out)


@dataclass(slots=True)
class _OpenExchange:
    analyst: str
    questions: list[int]
    answers: list[int]


def build_exchanges(turns: Sequence[Turn], people: Sequence[Participant]) -> tuple[Exchange, ...]:
    """One exchange per analyst given the floor, in the Q&A section.

    An analyst turn opens a new exchange when no exchange is open, when the speaker is a
    different analyst, or when the operator spoke since the analyst's last turn (the same
    analyst back in the queue). Every executive turn until the next exchange is an answer,
    except, once the operator has spoken, turns after the last question (the closing
    remarks) or followed by the next analyst's question (a greeting: "Hey, Steve."). An executive
    speaking after the operator and before the operator speaks again is still answering
    ("Your next question..." cut off by one more point on the last one).
    """
    firms = {p.name: p.firm for p in people}
    opened: list[_OpenExchange] = []
    operator_since = False
    qa = [t for t in turns if t.section is SectionKind.QA]
    last_question = max((t.index for t in qa if t.role is Role.ANALYST), default=-1)
    # For each Q&A turn, the role of the next turn in the Q&A that is not an executive's.
    next_other: list[Role | None] = [None] * len(qa)
    for i in range(len(qa) - 2, -1, -1):
        after = qa[i + 1]
        next_other[i] = next_other[i + 1] if after.role is Role.EXECUTIVE else after.role
    for i, turn in enumerate(qa):
        if turn.role is Role.OPERATOR:
            operator_since = True
        elif turn.role is Role.ANALYST:
            if not opened or opened[-1].analyst != turn.speaker or operator_since:
                opened.append(_OpenExchange(turn.speaker, [], []))
            opened[-1].questions.append(turn.index)
            operator_since = False
        elif turn.role is Role.EXECUTIVE and opened:
            if operator_since and (turn.index > last_question or next_other[i] is Role.ANALYST):
                # After the operator: the closing remarks (no question follows), or a greeting
                # to the analyst just introduced ("Hey, Steve."), not an answer to the last one.
                continue
            opened[-1].answers.append(turn.index)
    return tuple(
        Exchange(
            index=i,
            analyst=ex.analyst,
            firm=firms.get(ex.analyst),
            question_turns=tuple(ex.questions),
            answer_turns=tuple(ex.answers),
            answerers=tuple(dict.fromkeys(turns[a].speaker for a in ex.answers)),
        )
        for i, ex in enumerate(opened)
    )
