"""Judging one commitment: what it promises, what later calls and actuals say, the verdict.

:class:`_Case` is a commitment as judged (its target, deadline, metric, unit; whether a
measure matches it and speaks for its period). Its events (:class:`_Event`) come from its
later versions (:func:`_version_events`), from measures (:func:`_measures`: figures of later
calls and actuals rows) and from statements (``_statements``); :func:`_resolve` settles them
into a verdict as ``tracker``'s docstring describes. Separate from the ledger's driver, which
prepares a company's calls and walks its commitments, and from the statement word lists.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from callscope.model.facts import Commitment
from callscope.track import _metrics
from callscope.track._calls import _WORD, _fold, _Node, _passed, _Seen
from callscope.track._ledger import PARTLY, Evidence, Verdict, commitment_id
from callscope.track.actuals import Actual
from callscope.track.compare import value_text

# --- one commitment --------------------------------------------------------------------------

_LOWER_IS_BETTER = re.compile(
    r"\b(?:costs?|expenses?|opex|capex|loss(?:es)?|debt|drag|churn|leverage|dilution)\b", re.I
)
_QUARTER = re.compile(r"\bquarter\b|\bQ[1-4]\b|\bthree months\b", re.I)
# Not names of a promise: what a metric's words say about it, and the talk of the call itself
# ("we expect to make that call": "call" would find every mention of the conference call).
_GENERIC = frozenset({"rate", "growth", "change", "decline", "guidance", "of", "and", "the",
                      "a", "call", "question", "line", "time", "thing", "way", "lot",
                      "make"})  # fmt: skip
# The counted thing that stands for any ("a 5,000-unit week"), as ``_fold`` leaves it.
_GENERIC_THING = "unit"


@dataclass(frozen=True, slots=True)
class _Case:
    """A commitment as judged: its own target and deadline, its promise's metric and unit."""

    commitment: Commitment
    metric: str
    unit: str | None
    per: str | None
    made: dt.date | None  # its call's date

    @property
    def deadline(self) -> dt.date | None:
        return self.commitment.deadline

    @property
    def level(self) -> bool:
        """A percent or a rate is a level, comparable at any date; an amount is per period."""
        return self.unit in ("%", "bps", "pp") or self.per is not None

    @property
    def ceiling(self) -> bool:
        return bool(_LOWER_IS_BETTER.search(self.metric))

    def reached(self, value: float, share: float = 1.0) -> bool:
        """True where ``value`` reaches ``share`` of the target (a ceiling: ``1 / share`` of it);
        a share below 1 of a target at or below zero means nothing, so is never reached."""
        c = self.commitment
        assert c.target is not None
        bound = (c.high if c.high is not None else c.target) if self.ceiling else c.target
        if share < 1 and bound <= 0:
            return False
        slack = 1e-9 * abs(bound)
        return value <= bound / share + slack if self.ceiling else value >= bound * share - slack

    def keys(self) -> frozenset[str]:
        """The words a statement must name to speak of this promise."""
        words = {_fold(w) for w in _WORD.findall(self.metric)} - _GENERIC
        if _metrics.is_thing(self.unit):
            words.add(_fold(self.unit or ""))
        return frozenset(words)

    def matches(self, metric: str, unit: str | None, per: str | None) -> bool:
        if per != self.per:
            return False
        if per is not None and _metrics.is_thing(unit) and _metrics.is_thing(self.unit):
            # A rate of the same thing; "units" count whatever the company makes ("a
            # 5,000-unit week" is measured by vehicles a week).
            mine, theirs = _fold(self.unit or ""), _fold(unit or "")
            return mine == theirs or _GENERIC_THING in (mine, theirs)
        return metric == self.metric and _unit(unit) == _unit(self.unit)

    def speaks_for(self, day: dt.date | None, *, quarterly: bool) -> bool:
        """True where a measure dated ``day`` is of the period the promise names."""
        if self.level:
            return True
        text = self.commitment.deadline_text or ""
        return day == self.deadline and (not quarterly or bool(_QUARTER.search(text)))


def _unit(unit: str | None) -> str:
    """A unit as compared: a sign or currency, a thing (singular), or "" for a stray word."""
    if not unit or not (unit in ("%", "bps", "pp") or unit.isupper() or _metrics.is_thing(unit)):
        return ""
    return _fold(unit) if _metrics.is_thing(unit) else unit


def _case(seen: _Seen, index: int) -> _Case:
    c = seen.ledger.analyzed.commitments[index]
    promise = seen.promises[seen.canonical[index]]
    unit = c.unit if _unit(c.unit) else promise.commitment.unit  # "1,000 a week": the promise's
    return _Case(c, promise.metric, unit, c.per or promise.commitment.per, seen.day)


# --- what later calls and actuals say about one commitment ------------------------------------


@dataclass(frozen=True, slots=True)
class _Event:
    known: dt.date  # when it became known: its call's date, or the actual's period end
    kind: str  # "measure", "done", "restate", "revise", "withdraw"
    evidence: Evidence
    revised_by: str | None = None


_ORDER = {"measure": 0, "done": 1, "restate": 2, "revise": 3, "withdraw": 4}  # met wins a tie


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _revision(old: Commitment, new: Commitment) -> str:
    """What a later version changed that makes it a revision ("" for a restatement)."""
    notes = []
    if (
        old.target is not None
        and new.target is not None
        and not (_close(old.target, new.target) and _close(old.high, new.high))
    ):
        notes.append(f"target {value_text(old)} → {value_text(new)}")
    if old.deadline and new.deadline and new.deadline > old.deadline:
        notes.append(f"deadline {old.deadline.isoformat()} → {new.deadline.isoformat()}")
    return "; ".join(notes)


def _version_events(
    case: _Case, seen: list[_Seen], versions: dict[_Node, _Node], origin: _Node
) -> list[_Event]:
    out = []
    node = versions.get(origin)
    while node is not None:
        later = seen[node[0]]
        if _passed(case.deadline, later.day):
            break  # said after the deadline: neither a revision nor a restatement of it
        new = later.promises[node[1]].commitment
        note = _revision(case.commitment, new)
        evidence = later.evidence("commitment", new.span.start, new.span.end, new.speaker,
                                  date=later.day, value=new.target,
                                  note=note or "restated")  # fmt: skip
        new_id = commitment_id(later.ledger.content_hash, new) if note else None
        out.append(_Event(later.day or dt.date.min, "revise" if note else "restate", evidence,
                          new_id))  # fmt: skip
        node = versions.get(node)
    return out


def _measures(case: _Case, later: Sequence[_Seen], actuals: Sequence[Actual]) -> list[_Event]:
    if case.commitment.target is None or case.deadline is None:
        return []
    out = []
    for s in later:
        if not case.speaks_for(s.reported, quarterly=True):
            continue
        for metric, figure in s.figures:
            if figure.high is None and case.matches(metric, figure.unit, figure.per):
                note = f"{value_text(figure)} reported for the period to {_iso(s.reported)}"
                out.append(_Event(s.day or dt.date.min, "measure", s.evidence(
                    "figure", figure.span.start, figure.span.end, figure.speaker,
                    date=s.reported, value=figure.value, note=note)))  # fmt: skip
    for a in actuals:
        made = case.made is None or a.period_end > case.made
        if (
            made
            and case.matches(a.metric, a.unit, a.per)
            and case.speaks_for(a.period_end, quarterly=False)
        ):
            unit = (f" {a.unit}" if a.unit else "") + (f"/{a.per}" if a.per else "")
            quote = f"{a.name}, {a.period_end.isoformat()}: {a.value:,.12g}{unit}"
            note = (
                f"{a.value:,.12g}{unit} reported for the period to "
                f"{a.period_end.isoformat()} ({Path(a.path).name}, line {a.line})"
            )
            out.append(_Event(a.period_end, "measure", Evidence(
                "actual", a.source or a.path, quote, a.period_end, note, value=a.value,
                line=a.line)))  # fmt: skip
    return out


# --- verdicts ------------------------------------------------------------------------------


def _resolve(
    case: _Case, events: list[_Event], as_of: dt.date | None
) -> tuple[Verdict, str, tuple[Evidence, ...], str | None]:
    """The first decisive event in time order; else what the deadline and measures say."""
    shown: list[Evidence] = []
    measures: list[Evidence] = []
    deadline = case.deadline
    for event in sorted(events, key=lambda e: (e.known, _ORDER[e.kind])):
        ev = event.evidence
        shown.append(ev)
        if event.kind in ("revise", "withdraw"):
            status = Verdict.REVISED if event.kind == "revise" else Verdict.WITHDRAWN
            return status, f"{ev.note} ({ev.source}, {_iso(ev.date)})", tuple(shown), (
                event.revised_by)  # fmt: skip
        reached = event.kind == "measure" and case.reached(ev.value or 0.0)
        if event.kind == "done" or reached:
            late = deadline is not None and ev.date is not None and ev.date > deadline
            return (Verdict.MET_LATE if late else Verdict.MET), _met(case, ev), tuple(shown), None
        if event.kind == "measure":
            measures.append(ev)
    # Undecided before the deadline, and on it unless a measure speaks for that very day
    # (an actual for the period ending on the deadline is the state the promise named).
    if (
        deadline is None
        or as_of is None
        or as_of < deadline
        or (as_of == deadline and all(m.date != deadline for m in measures))
    ):
        due = f"due {deadline.isoformat()}" if deadline else "no deadline"
        return Verdict.PENDING, f"{due}; evidence as of {_iso(as_of)}", tuple(shown), None
    on_time = [m for m in measures if m.date is None or m.date <= deadline]
    last = on_time[-1] if on_time else measures[-1] if measures else None
    if last is None:
        return (
            Verdict.UNCLEAR,
            f"due {deadline.isoformat()}; nothing measured it",
            tuple(shown),
            None,
        )
    partly = bool(on_time) and case.reached(last.value or 0.0, PARTLY)
    status = Verdict.PARTLY_MET if partly else Verdict.MISSED
    target = value_text(case.commitment)
    return status, f"target {target} by {deadline.isoformat()}; {last.note}", tuple(shown), None


def _met(case: _Case, ev: Evidence) -> str:
    due = f" (due {case.deadline.isoformat()})" if case.deadline else ""
    if ev.kind == "statement":
        return f"{ev.note}{due}"
    return f"target {value_text(case.commitment)}{due}; {ev.note}"


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "unknown date"
