"""How a call differs from the same company's previous call.

:func:`compare` is a pure function of two analysed calls: the figures of one metric whose
value changed, the commitments added, restated, moved or dropped, the tone shift of each
section and of the executives, and the topics that appeared or vanished. Which call is the
previous one is decided by :func:`latest_earlier` over :class:`CallKey` values (the corpus
builds them from the store), with company identity from :func:`same_company`.

Metric names are the extractors' (``Figure.metric``, ``Commitment.metric``), named by one
namer, :func:`callscope.extract._metrics.metric_of`, so a figure and a promise of one metric
pair up across calls.

Sections: company identity and call order; the result types; figures; commitments; tone;
JSON. They are kept in one module (just past 400 lines) because each is short and they share
the public result types. What the commitment ledger reuses lives apart: the figures a call
reports (``_reported``) and the pairing of two calls' promises (``_pairing``); the text rules
live in ``_metrics``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from callscope.model.call import Call, Company, Role
from callscope.model.codec import call_datetime, fact_to_dict
from callscope.model.facts import Commitment, Figure, ToneScore
from callscope.pipeline import AnalyzedCall
from callscope.track._metrics import TermCounts, TopicTerm, distinctive_terms, term_counts
from callscope.track._pairing import _pairs, _Promise, _promises, _same, _same_target
from callscope.track._reported import _named_figures

__all__ = [
    "CallKey",
    "CallRef",
    "CommitmentChange",
    "CommitmentStatus",
    "Comparison",
    "FigureChange",
    "ToneShift",
    "TopicTerm",
    "company_key",
    "compare",
    "comparison_to_dict",
    "latest_earlier",
    "same_company",
    "value_text",
]

# --- company identity and call order ---------------------------------------------------------

_SUFFIXES = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
     "llc", "lp", "sa", "ag", "nv", "se"}
)  # fmt: skip
_PUNCT = re.compile(r"[^\w\s]+")


def company_key(name: str | None) -> str | None:
    """A company name reduced for comparison: "Northwind Robotics, Inc." -> "northwind robotics"."""
    if not name:
        return None
    text = name.casefold().replace("&", " and ").replace(".", "")
    words = _PUNCT.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words) or None


def same_company(a: Company, b: Company) -> bool:
    """Same ticker when both have one, else the same normalised name."""
    if a.ticker and b.ticker:
        return a.ticker.casefold() == b.ticker.casefold()
    key = company_key(a.name)
    return key is not None and key == company_key(b.name)


@dataclass(frozen=True, slots=True)
class CallKey:
    """What ordering calls of one company needs: identity, call date, fiscal period."""

    id: int
    company: Company
    call_date: dt.date | None = None
    fiscal_year: int | None = None
    fiscal_quarter: int | None = None

    def _order(self) -> tuple[dt.date, int, int, int]:
        day = self.call_date or dt.date.min
        return day, self.fiscal_year or 0, self.fiscal_quarter or 0, self.id


def _earlier(a: CallKey, b: CallKey) -> bool:
    """True when call ``a`` was held before call ``b`` (by date, then fiscal period)."""
    if a.call_date is not None and b.call_date is not None:
        return a._order()[:3] < b._order()[:3]
    if a.fiscal_year is not None and b.fiscal_year is not None:
        return (a.fiscal_year, a.fiscal_quarter or 0) < (b.fiscal_year, b.fiscal_quarter or 0)
    return False  # no date and no period on one side: the order is unknown


def latest_earlier(current: CallKey, candidates: Iterable[CallKey]) -> CallKey | None:
    """The latest call of the same company held before ``current``, or None."""
    earlier = [
        c for c in candidates
        if c.id != current.id and same_company(c.company, current.company) and _earlier(c, current)
    ]  # fmt: skip
    return max(earlier, key=CallKey._order, default=None)


# --- the comparison --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallRef:
    source: str
    company: str | None
    ticker: str | None
    period: str | None
    when: str | None  # ISO date (and time where known)

    @classmethod
    def of(cls, call: Call) -> CallRef:
        meta = call.metadata
        period = meta.fiscal_period.label if meta.fiscal_period else None
        return cls(call.source, meta.company.name, meta.company.ticker, period,
                   call_datetime(meta))  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureChange:
    """The first figure reported for one metric, unit and rate in each call, where they differ."""

    metric: str
    unit: str
    per: str | None
    previous: Figure
    current: Figure


class CommitmentStatus(StrEnum):
    ADDED = "added"  # a metric the previous call promised nothing about
    RESTATED = "restated"  # same metric, same target and deadline
    RAISED = "raised"  # same metric, a higher target
    LOWERED = "lowered"  # same metric, a lower target
    NARROWED = "narrowed"  # a target range inside the previous one
    WIDENED = "widened"  # a target range around the previous one
    DEFERRED = "deferred"  # same target, a later deadline
    ADVANCED = "advanced"  # same target, an earlier deadline
    DROPPED = "dropped"  # promised before, not now, and not yet due
    DUE = "due"  # promised before with a deadline now passed (the tracker says if it was met)


@dataclass(frozen=True, slots=True)
class CommitmentChange:
    status: CommitmentStatus
    metric: str
    previous: Commitment | None
    current: Commitment | None
    detail: str = ""  # what moved: "deadline 2025-12-31 → 2026-03-31"


@dataclass(frozen=True, slots=True)
class ToneShift:
    """Tone of one scope in both calls: a section ("presentation", "qa") or "executives"."""

    scope: str
    previous: ToneScore
    current: ToneScore

    @property
    def net_change(self) -> float:
        return (self.current.positive - self.current.negative) - (
            self.previous.positive - self.previous.negative
        )


@dataclass(frozen=True, slots=True)
class Comparison:
    current: CallRef
    previous: CallRef
    figures: tuple[FigureChange, ...] = ()
    commitments: tuple[CommitmentChange, ...] = ()
    tone: tuple[ToneShift, ...] = ()
    tone_note: str | None = None  # why tone is not compared, when it is not
    new_topics: tuple[TopicTerm, ...] = ()
    vanished_topics: tuple[TopicTerm, ...] = ()


def compare(current: AnalyzedCall, previous: AnalyzedCall, *, topics: int = 8) -> Comparison:
    """How ``current`` differs from ``previous`` (normally the same company's earlier call)."""
    tone, note = _tone_shifts(current, previous)
    now, before = _topics(current.call), _topics(previous.call)
    return Comparison(
        current=CallRef.of(current.call),
        previous=CallRef.of(previous.call),
        figures=_figure_changes(current, previous),
        commitments=_commitment_changes(current, previous),
        tone=tone,
        tone_note=note,
        new_topics=distinctive_terms(now, before, top=topics),
        vanished_topics=distinctive_terms(before, now, top=topics),
    )


def _topics(call: Call) -> TermCounts:
    """Term counts of everything said except by the operator; names are not topics."""
    names = [p.name for p in call.participants] + [t.speaker for t in call.turns]
    names += [call.metadata.company.name or "", call.metadata.company.ticker or ""]
    texts = (t.text for t in call.turns if t.role is not Role.OPERATOR)
    return term_counts(texts, exclude=" ".join(names).replace(",", " ").split())


# --- figures ----------------------------------------------------------------------------------


def _first_by_key(analyzed: AnalyzedCall) -> dict[tuple[str, str, str | None], Figure]:
    out: dict[tuple[str, str, str | None], Figure] = {}
    for metric, figure in _named_figures(analyzed):
        out.setdefault((metric, figure.unit, figure.per), figure)
    return out


def _figure_changes(current: AnalyzedCall, previous: AnalyzedCall) -> tuple[FigureChange, ...]:
    before = _first_by_key(previous)
    out = []
    for key, now in _first_by_key(current).items():
        then = before.get(key)
        if then is not None and not (_same(then.value, now.value) and _same(then.high, now.high)):
            out.append(FigureChange(key[0], key[1], key[2], then, now))
    return tuple(out)


# --- commitments ------------------------------------------------------------------------------


def _commitment_changes(
    current: AnalyzedCall, previous: AnalyzedCall
) -> tuple[CommitmentChange, ...]:
    pairs, dropped, added = _pairs(_promises(previous), _promises(current))
    day = current.call.metadata.call_date
    out = [_moved(p, c) for p, c in pairs]  # named as first promised
    out += [CommitmentChange(CommitmentStatus.ADDED, c.metric, None, c.commitment) for c in added]
    for p in dropped:
        deadline = p.commitment.deadline
        due = deadline is not None and day is not None and deadline < day
        status = CommitmentStatus.DUE if due else CommitmentStatus.DROPPED
        out.append(CommitmentChange(status, p.metric, p.commitment, None))
    order = list(CommitmentStatus)
    return tuple(sorted(out, key=lambda change: order.index(change.status)))


def _moved(p: _Promise, c: _Promise) -> CommitmentChange:
    old, new = p.commitment, c.commitment
    notes = []
    status = CommitmentStatus.RESTATED
    if old.target is not None and new.target is not None and not _same_target(old, new):
        status = _target_move(old, new)
        notes.append(f"target {value_text(old)} → {value_text(new)}")
    if old.deadline and new.deadline and old.deadline != new.deadline:
        if status is CommitmentStatus.RESTATED:
            later = new.deadline > old.deadline
            status = CommitmentStatus.DEFERRED if later else CommitmentStatus.ADVANCED
        notes.append(f"deadline {old.deadline.isoformat()} → {new.deadline.isoformat()}")
    metric = p.metric if p.named or not c.named else c.metric
    return CommitmentChange(status, metric, old, new, "; ".join(notes))


def _target_move(old: Commitment, new: Commitment) -> CommitmentStatus:
    assert old.target is not None and new.target is not None
    old_high = old.high if old.high is not None else old.target
    new_high = new.high if new.high is not None else new.target
    if old.high is not None and new.high is not None:
        if old.target <= new.target and new_high <= old_high:
            return CommitmentStatus.NARROWED
        if new.target <= old.target and old_high <= new_high:
            return CommitmentStatus.WIDENED
    if (new.target + new_high) > (old.target + old_high):
        return CommitmentStatus.RAISED
    return CommitmentStatus.LOWERED


# --- tone -------------------------------------------------------------------------------------

_TONE_FIELDS = ("positive", "negative", "uncertainty", "litigious", "constraining",
                "strong_modal", "weak_modal", "hedging")  # fmt: skip


def _executives(analyzed: AnalyzedCall) -> ToneScore | None:
    """The word-weighted tone of every executive's speech together."""
    call = analyzed.call
    roles = {t.speaker: t.role for t in call.turns}
    scores = [
        s for s in analyzed.tone
        if s.scope == "speaker" and roles.get(s.key) is Role.EXECUTIVE and s.words
    ]  # fmt: skip
    words = sum(s.words for s in scores)
    if not words:
        return None
    rates = {f: sum(getattr(s, f) * s.words for s in scores) / words for f in _TONE_FIELDS}
    return ToneScore(scope="executives", key="executives", words=words, **rates)


def _tone_shifts(
    current: AnalyzedCall, previous: AnalyzedCall
) -> tuple[tuple[ToneShift, ...], str | None]:
    missing = [
        name for name, a in (("this call", current), ("the previous call", previous))
        if not a.tone_available
    ]  # fmt: skip
    if missing:
        return (), (
            f"tone not compared: unavailable for {' and '.join(missing)} "
            "(install the extra: pip install 'callscope[tone]', then ingest again)"
        )

    def scores(a: AnalyzedCall) -> dict[str, ToneScore]:
        out = {s.key: s for s in a.tone if s.scope == "section"}
        executives = _executives(a)
        if executives is not None:
            out["executives"] = executives
        return out

    now, before = scores(current), scores(previous)
    shifts = tuple(ToneShift(k, before[k], now[k]) for k in now if k in before)
    return shifts, None if shifts else "tone not compared: no section scored in both calls"


# --- JSON -------------------------------------------------------------------------------------


_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def _number(value: float, unit: str | None) -> str:
    """A compact number: 205100000 USD -> "$205.1M", 143000000 -> "143M", 11600 -> "11,600"."""
    sign, size = ("-" if value < 0 else ""), abs(value)
    money = "$" if unit == "USD" else ""
    for scale, mark in _SCALES if money else _SCALES[:3]:
        if size >= scale:
            return f"{sign}{money}{size / scale:,.4g}{mark}"
    return f"{sign}{money}{size:,.12g}"


def _value(value: float, high: float | None, unit: str | None, per: str | None) -> str:
    """ "$820M–$860M", "29–30%", "80–100 bps", "1,000/week"."""
    text = _number(value, unit)
    if high is not None:
        text = f"{text}–{_number(high, unit)}"
    if unit == "%":
        text += "%"
    elif unit in ("bps", "pp"):
        text += f" {unit}"
    return text + (f"/{per}" if per else "")


def value_text(fact: Figure | Commitment) -> str:
    """A figure's value or a commitment's target as shown ("none" for no target)."""
    if isinstance(fact, Commitment):
        return "none" if fact.target is None else _value(fact.target, fact.high, fact.unit,
                                                         fact.per)  # fmt: skip
    return _value(fact.value, fact.high, fact.unit, fact.per)


def _figure_dict(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "high": f.high, "text": value_text(f), "quote": f.quote,
            "speaker": f.speaker, "turn": f.turn, "start": f.span.start,
            "end": f.span.end}  # fmt: skip


def _tone_dict(s: ToneScore) -> dict[str, Any]:
    return {"words": s.words, "net": round(s.positive - s.negative, 3),
            **{f: round(getattr(s, f), 3) for f in _TONE_FIELDS}}  # fmt: skip


def _ref_dict(r: CallRef) -> dict[str, Any]:
    return {"source": r.source, "company": r.company, "ticker": r.ticker,
            "fiscal_period": r.period, "call_datetime": r.when}  # fmt: skip


def _change_dict(m: CommitmentChange) -> dict[str, Any]:
    return {"status": m.status.value, "metric": m.metric, "detail": m.detail,
            "previous": fact_to_dict(m.previous) if m.previous else None,
            "current": fact_to_dict(m.current) if m.current else None}  # fmt: skip


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The public JSON of a comparison (``callscope compare --json``); ``tone`` None when
    tone was not compared (``tone_note`` says why)."""
    c = comparison
    figures = [
        {"metric": f.metric, "unit": f.unit, "per": f.per,
         "previous": _figure_dict(f.previous), "current": _figure_dict(f.current)}
        for f in c.figures
    ]  # fmt: skip
    tone = [
        {"scope": t.scope, "net_change": round(t.net_change, 3),
         "previous": _tone_dict(t.previous), "current": _tone_dict(t.current)}
        for t in c.tone
    ]  # fmt: skip
    return {
        "current": _ref_dict(c.current),
        "previous": _ref_dict(c.previous),
        "figures": figures,
        "commitments": [_change_dict(m) for m in c.commitments],
        "tone": tone if c.tone or c.tone_note is None else None,
        "tone_note": c.tone_note,
        "topics": {
            "new": [_topic_dict(t) for t in c.new_topics],
            "vanished": [_topic_dict(t) for t in c.vanished_topics],
        },
    }


def _topic_dict(term: TopicTerm) -> dict[str, Any]:
    return {"term": term.term, "count": term.count, "other": term.other}
