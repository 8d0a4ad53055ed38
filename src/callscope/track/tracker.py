"""The commitment ledger: every stored commitment resolved against the company's later calls.

:func:`track` takes stored calls (:class:`LedgerCall`, any companies, any order) and
user-supplied actuals (:mod:`callscope.track.actuals`). Each commitment gets a stable id
(:func:`commitment_id`: the call's content hash and the commitment's offsets, so it survives
a re-ingest) and a :class:`Verdict` with the evidence behind it:

- ``met``: a later measure reached the target by the deadline; for a dated action without a
  number ("we will open the Leipzig facility in the third quarter"), a later call says it
  was done ("we opened the Leipzig facility in early July") by then;
- ``met late``: reached, or said done, only after the deadline;
- ``partly met``: the deadline passed and the last measure by then reached at least
  :data:`PARTLY` (80%) of the target; for a ceiling (costs, expenses, losses, drag) came in
  no more than 1 / :data:`PARTLY` (125%) of it;
- ``missed``: the deadline passed and the measures fell short of that;
- ``revised``: before the deadline passed, a later call restated the promise with a
  different target or a later deadline (``revised_by`` is the new version's id; it has a
  verdict of its own);
- ``withdrawn``: a later company statement naming the promise says it is off ("no longer
  expect", "suspended", "on hold", "abandoned");
- ``pending``: none of these, and the deadline has not passed as of the latest evidence
  (the company's latest call or actual); a numeric target without a deadline stays pending,
  since nothing says when a later figure should have answered it;
- ``unclear``: the deadline passed and nothing measured the promise.

Sources of evidence, each dated for the period it speaks for:

- later versions of the promise: ``_pairing``'s pairing (``_pairs`` over ``_promises``, as
  compare.py uses it) chained call to call, so a promise restated unchanged in Q2 and moved in
  Q3 is revised by Q3;
- figures the company reports in later calls (``_reported._named_figures``: not forward
  looking, not points of comparison) of the same metric (``Figure.metric`` and
  ``Commitment.metric``, named alike by the extract layer's ``metric_of``) in the same
  unit and rate; a rate of a counted thing ("robot rate", "production rate") matches any rate
  of that thing per the same time unit. A call's figures speak for the end of its fiscal
  quarter. Levels (%, bps, pp, rates) count at any date; amounts (money, counts) only for the
  period the promise names: a quarter the call reports, or an actual for that period end;
- actuals rows of the same company and metric (:func:`normalise_metric` names them);
- company statements in later calls that name the promise (its metric's words): done
  ("opened", "launched", "completed", the promise's own verb in the past tense, "is now
  open") for promises without a number, withdrawn for all. A statement speaks for the
  date it names ("in early July") or else its call's date.

Events are taken in the order they became known (a call's date, an actual's period end);
the first that settles the promise (met, revised, withdrawn) decides, so a promise met in
Q2 stays met whatever Q3 says, and one revised in Q3 is not met by a later actual (its new
version is). Calls held on the same day (one call from two publishers) are not later than
each other.

This module is the ledger's driver and public face: it groups calls by company, chains each
promise's versions (:func:`_versions`), judges every commitment and writes the JSON. The parts
live in private modules: ``_ledger`` (the shared types, re-exported here), ``_calls`` (a call
prepared once), ``_judge`` (one commitment: its case, events, measures and verdict) and
``_statements`` (a later call saying a promise is done or off).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from callscope.model.call import Company
from callscope.model.codec import fact_to_dict
from callscope.model.facts import Commitment
from callscope.track._calls import _Node, _passed, _Seen, _seen
from callscope.track._judge import _case, _measures, _resolve, _version_events
from callscope.track._ledger import PARTLY, Evidence, LedgerCall, Verdict, commitment_id
from callscope.track._pairing import _pairs
from callscope.track._statements import _statements
from callscope.track.actuals import Actual
from callscope.track.compare import CallRef, same_company

__all__ = [
    "PARTLY",
    "Evidence",
    "LedgerCall",
    "TrackedCommitment",
    "Verdict",
    "commitment_id",
    "track",
    "tracked_to_dict",
]


@dataclass(frozen=True, slots=True)
class TrackedCommitment:
    id: str
    call_id: int
    call: CallRef
    metric: str  # the commitment's metric, named as the figures' are
    commitment: Commitment
    status: Verdict
    detail: str  # one line: why this verdict
    evidence: tuple[Evidence, ...] = ()
    revised_by: str | None = None  # id of the later version that revised it
    as_of: dt.date | None = None  # the latest evidence known for the company


# --- versions of a promise, call to call -----------------------------------------------------


def _versions(seen: list[_Seen]) -> dict[_Node, _Node]:
    """Each promise's next version: the promise of a later call that compare pairs it with.

    Each call's promises are paired with the latest version of every promise still open
    (its deadline not passed by that call), so a promise skipped by one call is still found.
    """
    after: dict[_Node, _Node] = {}
    open_: list[_Node] = []
    for j, now in enumerate(seen):
        live = [n for n in open_ if not _passed(seen[n[0]].promises[n[1]].commitment.deadline,
                                                 now.day)]  # fmt: skip
        node_of = {id(seen[i].promises[k]): (i, k) for i, k in live}
        index = {id(p): k for k, p in enumerate(now.promises)}
        pairs, _, added = _pairs([seen[i].promises[k] for i, k in live], now.promises)
        for previous, current in pairs:
            node, new = node_of[id(previous)], (j, index[id(current)])
            after[node] = new
            open_.remove(node)
            open_.append(new)
        open_ += [(j, index[id(p)]) for p in added]
    return after


# --- the ledger ----------------------------------------------------------------------------


def track(calls: Iterable[LedgerCall], actuals: Sequence[Actual] = ()) -> list[TrackedCommitment]:
    """Every commitment of ``calls`` with its verdict, by company, then call order."""
    out: list[TrackedCommitment] = []
    for group in _companies(calls):
        company = group[0].analyzed.call.metadata.company
        mine = [a for a in actuals if same_company(Company(a.ticker, a.ticker), company)]
        out += _track_company(group, mine)
    return out


def _companies(calls: Iterable[LedgerCall]) -> list[list[LedgerCall]]:
    """Calls grouped by company (``same_company``), each group in call order (``CallKey``)."""
    groups: list[list[LedgerCall]] = []
    for ledger in sorted(calls, key=lambda c: c.key()._order()):
        company = ledger.analyzed.call.metadata.company
        group = next(
            (g for g in groups if same_company(g[0].analyzed.call.metadata.company, company)), None
        )
        if group is None:
            groups.append([ledger])
        else:
            group.append(ledger)
    return groups


def _track_company(group: list[LedgerCall], actuals: Sequence[Actual]) -> list[TrackedCommitment]:
    seen = [_seen(c) for c in group]
    versions = _versions(seen)
    as_of = max([s.day for s in seen if s.day] + [a.period_end for a in actuals], default=None)
    out = []
    for i, s in enumerate(seen):
        later = [t for t in seen[i + 1 :] if not _same_day(s, t)]
        for k, commitment in enumerate(s.ledger.analyzed.commitments):
            case = _case(s, k)
            events = _version_events(case, seen, versions, (i, s.canonical[k]))
            events += _measures(case, later, actuals) + _statements(case, later)
            status, detail, evidence, revised_by = _resolve(case, events, as_of)
            out.append(TrackedCommitment(
                commitment_id(s.ledger.content_hash, commitment), s.ledger.id, CallRef.of(s.call),
                case.metric, commitment, status, detail, evidence, revised_by, as_of))  # fmt: skip
    return out


def _same_day(a: _Seen, b: _Seen) -> bool:
    """Two transcripts of one call (two publishers): neither is later than the other."""
    return a.day is not None and a.day == b.day


# --- JSON ----------------------------------------------------------------------------------


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"kind": e.kind, "call_id": e.call_id, "source": e.source, "speaker": e.speaker,
            "quote": e.quote, "start": e.start, "end": e.end,
            "date": e.date.isoformat() if e.date else None, "value": e.value, "line": e.line,
            "note": e.note}  # fmt: skip


def tracked_to_dict(tracked: TrackedCommitment) -> dict[str, Any]:
    """The public JSON of one ledger entry (``callscope commitments --json``, one per line)."""
    t = tracked
    return {
        "id": t.id,
        "status": t.status.value,
        "metric": t.metric,
        "detail": t.detail,
        "as_of": t.as_of.isoformat() if t.as_of else None,
        "revised_by": t.revised_by,
        "call": {
            "call_id": t.call_id,
            "source": t.call.source,
            "company": t.call.company,
            "ticker": t.call.ticker,
            "fiscal_period": t.call.period,
            "call_datetime": t.call.when,
        },
        "commitment": fact_to_dict(t.commitment),
        "evidence": [_evidence_dict(e) for e in t.evidence],
    }
