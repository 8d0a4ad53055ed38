"""The commitment ledger's shared types: a verdict, its evidence, a stored call as read.

:class:`Verdict` (and :data:`PARTLY`, the share that makes "partly met"), :class:`Evidence`,
:class:`LedgerCall` and :func:`commitment_id` are used both by the rules that judge one
commitment (``_judge``, ``_statements``) and by the ledger that drives them (``tracker``,
which re-exports them as its public names); they live here so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum

from callscope.model.facts import Commitment
from callscope.pipeline import AnalyzedCall
from callscope.track.compare import CallKey

PARTLY = 0.8  # share of the target reached by the deadline that makes "partly met"


class Verdict(StrEnum):
    MET = "met"
    MET_LATE = "met late"
    PARTLY_MET = "partly met"
    MISSED = "missed"
    REVISED = "revised"
    WITHDRAWN = "withdrawn"
    PENDING = "pending"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class LedgerCall:
    """A stored call as the ledger reads it: its store id, content hash and analysis."""

    id: int
    content_hash: str
    analyzed: AnalyzedCall

    def key(self) -> CallKey:
        meta = self.analyzed.call.metadata
        period = meta.fiscal_period
        year, quarter = (period.year, period.quarter) if period else (None, None)
        return CallKey(self.id, meta.company, meta.call_date, year, quarter)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a verdict rests on: a later call's words or figure, or an actuals row.

    ``kind``: "commitment" (the promise restated or revised), "figure", "statement" (said
    done, or withdrawn) or "actual". ``start``/``end`` are offsets into the call's text;
    an actual has ``line`` (of its file) instead. ``date``: the day it speaks for.
    """

    kind: str
    source: str  # the call's source file, or the actual's source (else its file)
    quote: str
    date: dt.date | None
    note: str = ""
    call_id: int | None = None
    speaker: str | None = None
    start: int | None = None
    end: int | None = None
    value: float | None = None
    line: int | None = None


def commitment_id(content_hash: str, commitment: Commitment) -> str:
    """12 hex digits, stable while the transcript's bytes and the extraction are the same."""
    key = f"{content_hash}:{commitment.span.start}:{commitment.span.end}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]
