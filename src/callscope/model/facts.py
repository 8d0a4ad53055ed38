"""Facts extracted from a call. Each carries its exact quote and its span in ``Call.text``.

Field meanings follow ``gold/FORMAT.md``: a figure's ``value`` is in base units (USD, not
millions; 25% is 25), a range keeps its low end in ``value`` and its high end in ``high``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from callscope.model.source import SourceSpan

__all__ = [
    "Commitment",
    "Confidence",
    "Figure",
    "FigureKind",
    "NonAnswer",
    "ToneScore",
]


class FigureKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DURATION = "duration"
    RATE = "rate"  # a count per time unit
    RATIO = "ratio"
    OTHER = "other"


class Confidence(StrEnum):
    """How sure the speaker says they are, strongest first."""

    CERTAIN = "certain"
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number about the business or the world, as said.

    ``scale`` is the scale word as printed ("million", "bn", "k"), already applied to
    ``value``; ``qualifier`` keeps an approximation word ("about", "over", "close to").
    ``span`` and ``quote`` may take in a few words of context around the number, as the gold
    quotes do ("revenue of $1.29 billion"); ``number``, where set, spans only the figure
    itself with its qualifier, unit and rate ("$100 million a week"). ``metric`` names what
    the figure measures ("revenue", "gross margin", "robot rate"), as commitments name theirs;
    None where its sentence names nothing known.
    """

    value: float
    unit: str
    kind: FigureKind
    quote: str
    span: SourceSpan
    high: float | None = None
    per: str | None = None
    scale: str | None = None
    qualifier: str | None = None
    speaker: str | None = None
    turn: int | None = None
    number: SourceSpan | None = None
    metric: str | None = None


@dataclass(frozen=True, slots=True)
class Commitment:
    """A forward-looking promise by a company speaker: what, how much, by when, how surely."""

    metric: str
    quote: str
    span: SourceSpan
    confidence: Confidence
    cue: str | None = None  # the words that set the confidence
    target: float | None = None
    high: float | None = None
    unit: str | None = None
    per: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None  # the time expression as said ("by the end of next year")
    topic: str | None = None
    speaker: str | None = None
    turn: int | None = None
    group: int | None = None  # repeated statements of one promise share a group number


@dataclass(frozen=True, slots=True)
class NonAnswer:
    """An executive declining, deferring or deflecting an analyst's question."""

    quote: str
    span: SourceSpan
    kind: str  # "refuse", "unable", "defer"
    cue: str
    speaker: str | None = None
    turn: int | None = None
    exchange: int | None = None


@dataclass(frozen=True, slots=True)
class ToneScore:
    """Loughran-McDonald category rates for one scope (a turn, a speaker or a section).

    Each rate is hits per 1,000 words; ``hedging`` is hedge phrases per 1,000 words.
    """

    scope: str  # "turn", "speaker", "section"
    key: str  # turn index, speaker name or section kind
    words: int
    positive: float
    negative: float
    uncertainty: float
    litigious: float
    constraining: float
    strong_modal: float
    weak_modal: float
    hedging: float
