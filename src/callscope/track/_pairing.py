"""Promises of two calls paired: which commitment of a later call restates which of an earlier.

:func:`_promises` names each distinct commitment of a call (:class:`_Promise`) and
:func:`_pairs` pairs two calls' promises (same metric and target, then same metric, then same
target, then the same words). ``compare.py`` turns the pairs into commitment changes; the
commitment ledger (``tracker.py``) chains them call to call into versions of a promise.
Kept apart from both because both use it as it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from callscope.model.facts import Commitment
from callscope.pipeline import AnalyzedCall
from callscope.track import _metrics


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


@dataclass(frozen=True, slots=True)
class _Promise:
    metric: str
    commitment: Commitment
    named: bool = True  # False where the extractor named no metric (the metric is "")


def _promises(analyzed: AnalyzedCall) -> list[_Promise]:
    """Each distinct commitment with its metric named like the figures'.

    A repeat is dropped: the same metric and target and deadline, or the same target said
    again without a metric we can name ("we will be at 1,000 a week early next year").
    """
    out: list[_Promise] = []
    for c in analyzed.commitments:
        promise = _promise(analyzed, c)
        if not any(_repeats(promise, p) for p in out):
            out.append(promise)
    return out


def _promise(analyzed: AnalyzedCall, c: Commitment) -> _Promise:
    """A commitment with the metric the extractor named it by ("" where it named none)."""
    return _Promise(c.metric, c, named=bool(c.metric))


def _repeats(a: _Promise, b: _Promise) -> bool:
    x, y = a.commitment, b.commitment
    if a.metric == b.metric:
        return _same(x.target, y.target) and _same(x.high, y.high) and x.deadline == y.deadline
    return (not a.named or not b.named) and _same_target(x, y)


def _unit(unit: str | None) -> str:
    """A unit as compared: empty where it names no thing ("a-week", "a")."""
    if not unit or unit in ("USD", "%", "bps", "pp") or unit.isupper():
        return unit or ""
    return unit if _metrics.is_thing(unit) else ""


def _same_target(a: Commitment, b: Commitment) -> bool:
    units = _unit(a.unit) == _unit(b.unit) or not _unit(a.unit) or not _unit(b.unit)
    return (
        a.target is not None and _same(a.target, b.target) and _same(a.high, b.high)
        and a.per == b.per and units
    )  # fmt: skip


def _pairs(
    previous: list[_Promise], current: list[_Promise]
) -> tuple[list[tuple[_Promise, _Promise]], list[_Promise], list[_Promise]]:
    """Pair promises: same metric and target, then same metric, then same target; promises
    that name no metric, by the same words."""
    rules: tuple[Callable[[_Promise, _Promise], bool], ...] = (
        lambda p, c: p.metric == c.metric and _same_target(p.commitment, c.commitment),
        lambda p, c: p.named and p.metric == c.metric,
        lambda p, c: _same_target(p.commitment, c.commitment),
        lambda p, c: not p.named and not c.named and _words(p) == _words(c),
    )
    left_prev, left_cur = list(previous), list(current)
    pairs: list[tuple[_Promise, _Promise]] = []
    for rule in rules:
        for c in list(left_cur):
            match = next((p for p in left_prev if rule(p, c)), None)
            if match is not None:
                pairs.append((match, c))
                left_prev.remove(match)
                left_cur.remove(c)
    return pairs, left_prev, left_cur


def _words(promise: _Promise) -> str:
    return " ".join(promise.commitment.quote.lower().split())
