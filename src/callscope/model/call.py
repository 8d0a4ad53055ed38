"""The structure of one earnings call: frozen values, no behaviour beyond small helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from callscope.model.source import SourceSpan

__all__ = [
    "Call",
    "Company",
    "Estimate",
    "Exchange",
    "FiscalPeriod",
    "Metadata",
    "Participant",
    "Role",
    "Section",
    "SectionKind",
    "Turn",
    "speech_text",
]


class Role(StrEnum):
    """What a speaker is on the call."""

    EXECUTIVE = "executive"  # management, investor relations: the company's side
    ANALYST = "analyst"  # anyone asking questions from outside the company
    OPERATOR = "operator"  # the conference operator or moderator
    OTHER = "other"  # unknown or none of the above


class SectionKind(StrEnum):
    PRESENTATION = "presentation"  # prepared remarks, including the operator's opening
    QA = "qa"  # questions and answers


@dataclass(frozen=True, slots=True)
class Company:
    name: str | None = None
    ticker: str | None = None
    exchange: str | None = None  # as printed by the publisher: "NasdaqGS", "NYSE"


@dataclass(frozen=True, slots=True)
class FiscalPeriod:
    """A fiscal period as the transcript names it, plus its parsed parts where known.

    ``label`` keeps the publisher's own spelling ("FQ2 2017", "Q2 2018", "1Q23"); ``year`` is
    the four-digit fiscal year and ``quarter`` 1-4, or None for a full-year or unknown period.
    """

    label: str
    year: int | None = None
    quarter: int | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    publisher: str | None = None
    company: Company = field(default_factory=Company)
    fiscal_period: FiscalPeriod | None = None
    call_date: dt.date | None = None
    # Time of day in UTC where the transcript prints one; None when only the date is known.
    call_time_utc: dt.time | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Estimate:
    """One cell of a consensus-estimates table: metric x period."""

    metric: str  # as printed, e.g. "EPS Normalized", "Revenue (mm)"
    period: str  # as printed, e.g. "FQ2 2017", "FY 2018"
    consensus: float | None
    actual: float | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: Role
    title: str | None = None
    firm: str | None = None


def speech_text(source: str, span: SourceSpan) -> str:
    """A turn's ``text``: the source under its span with each run of whitespace collapsed
    (``str.split`` splits on exactly what ``str.isspace`` and re's ``\\s`` name). Defined once
    here because the parser builds turn text by it and a stored call, which leaves turn
    text out, is rebuilt by it."""
    return " ".join(source[span.start : span.end].split())


@dataclass(frozen=True, slots=True)
class Turn:
    """One uninterrupted stretch of speech by one speaker.

    ``text`` is the speech with hard wraps joined, page furniture removed and runs of
    whitespace collapsed; ``span`` covers the speech (not the speaker heading) in
    ``Call.text``. ``annotations`` lists bracketed editorial marks found in it
    ("[indiscernible]", "(Operator Instructions)"); ``cut_off`` is True where the speech
    ends abruptly (a trailing dash or ellipsis, or an interruption mark).
    """

    index: int
    speaker: str
    role: Role
    section: SectionKind
    text: str
    span: SourceSpan
    annotations: tuple[str, ...] = ()
    cut_off: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    first_turn: int  # index of its first turn
    last_turn: int  # index of its last turn (inclusive)


@dataclass(frozen=True, slots=True)
class Exchange:
    """One analyst given the floor, the questions they asked and the answers they got.

    ``question_turns`` are the analyst's own turns, ``answer_turns`` the company's turns,
    both indices into ``Call.turns``; ``answerers`` lists each executive in order of first
    appearance. ``followups`` counts the analyst's turns after the first.
    """

    index: int
    analyst: str
    firm: str | None
    question_turns: tuple[int, ...]
    answer_turns: tuple[int, ...]
    answerers: tuple[str, ...]

    @property
    def followups(self) -> int:
        return max(0, len(self.question_turns) - 1)


@dataclass(frozen=True, slots=True)
class Call:
    """One parsed earnings call. ``source`` is the file's name; ``text`` its source text."""

    source: str
    layout: str
    text: str
    metadata: Metadata
    participants: tuple[Participant, ...]
    turns: tuple[Turn, ...]
    sections: tuple[Section, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    estimates: tuple[Estimate, ...] = ()
    warnings: tuple[str, ...] = ()

    def participant(self, name: str) -> Participant | None:
        for participant in self.participants:
            if participant.name == name:
                return participant
        return None

    def turn_source(self, turn: Turn) -> str:
        """The raw source text of a turn's speech (same length as its span)."""
        return self.text[turn.span.start : turn.span.end]
