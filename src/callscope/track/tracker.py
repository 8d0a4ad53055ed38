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

- later versions of the promise: compare.py's pairing (``_pairs`` over ``_promises``, reused as
  is) chained call to call, so a promise restated unchanged in Q2 and moved in Q3 is revised
  by Q3;
- figures the company reports in later calls (compare.py's ``_named_figures``: not forward
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

The module runs past 400 lines because its parts (preparing a company's calls, matching a
measure to a promise, reading statements, settling the verdict, JSON) share the private
per-call and per-promise types; most of the length is the word lists and their comments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from callscope.extract._dates import find_deadlines
from callscope.extract._fiscal import FiscalCalendar, fiscal_year_end_from_period
from callscope.extract._text import split_sentences
from callscope.model.call import Call, Company
from callscope.model.codec import fact_to_dict
from callscope.model.facts import Commitment, Figure
from callscope.pipeline import AnalyzedCall
from callscope.track import _metrics
from callscope.track.actuals import Actual
from callscope.track.compare import CallKey, CallRef, same_company, value_text

# compare.py's promise naming and pairing, and its reported figures, reused as they are.
from callscope.track.compare import (  # isort: skip
    _company_side, _named_figures, _pairs, _Promise, _promise, _promises, _repeats,
)  # fmt: skip

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


def commitment_id(content_hash: str, commitment: Commitment) -> str:
    """12 hex digits, stable while the transcript's bytes and the extraction are the same."""
    key = f"{content_hash}:{commitment.span.start}:{commitment.span.end}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


# --- one company's calls, prepared once ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sentence:
    speaker: str
    start: int  # in the call's text
    text: str
    words: list[tuple[int, str]]  # (offset in text, folded word)
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, speaker: str, start: int, text: str) -> _Sentence:
        words = [(m.start(), _fold(m.group(0))) for m in _WORD.finditer(text)]
        return cls(speaker, start, text, words, frozenset(w for _, w in words))


@dataclass(frozen=True, slots=True)
class _Seen:
    ledger: LedgerCall
    promises: list[_Promise]
    canonical: list[int]  # per commitment, the index of the promise it states (or repeats)
    figures: list[tuple[str, Figure]]  # reported figures with their metric, in call order
    reported: dt.date | None  # the period end a call's figures speak for
    sentences: list[_Sentence]  # said by the company's side

    @property
    def call(self) -> Call:
        return self.ledger.analyzed.call

    @property
    def day(self) -> dt.date | None:
        return self.call.metadata.call_date

    def evidence(self, kind: str, start: int, end: int, speaker: str | None, **more: Any
                 ) -> Evidence:  # fmt: skip
        quote = " ".join(self.call.text[start:end].split())
        return Evidence(kind, self.call.source, quote, call_id=self.ledger.id, speaker=speaker,
                        start=start, end=end, **more)  # fmt: skip


def _seen(ledger: LedgerCall) -> _Seen:
    analyzed = ledger.analyzed
    promises = _promises(analyzed)
    canonical = []
    for c in analyzed.commitments:
        own = _promise(analyzed, c)
        at = next((i for i, p in enumerate(promises) if p.commitment is c or _repeats(own, p)),
                  None)  # fmt: skip
        if at is None:
            promises.append(own)
            at = len(promises) - 1
        canonical.append(at)
    call = analyzed.call
    sentences = []
    for turn in call.turns:
        if _company_side(turn):
            raw = call.text[turn.span.start : turn.span.end]
            sentences += [_Sentence.of(turn.speaker, turn.span.start + s, raw[s:e])
                          for s, e in split_sentences(raw)]  # fmt: skip
    figures = list(_named_figures(analyzed))
    return _Seen(ledger, promises, canonical, figures, _period_end(call), sentences)


def _period_end(call: Call) -> dt.date | None:
    """The last day of the fiscal quarter a call reports, else its date."""
    meta = call.metadata
    period, day = meta.fiscal_period, meta.call_date
    if period and period.year and period.quarter and day:
        month = fiscal_year_end_from_period(year=period.year, quarter=period.quarter,
                                            call_date=day)  # fmt: skip
        if month is not None:
            return FiscalCalendar(month).quarter_end(period.year, period.quarter)
    return day


_Node = tuple[int, int]  # (call index, promise index)


def _passed(deadline: dt.date | None, day: dt.date | None) -> bool:
    return deadline is not None and day is not None and deadline < day


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


def _fold(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


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


# Statements: a promise without a number said done, any promise said to be off. A statement
# must name the promise (every word of its metric, and the thing of a rate) and, for done,
# put a past-tense cue within a few words of those names.
_WITHDRAWN = re.compile(
    r"\bno\s+longer\s+(?:expect|plan|intend|target|anticipat|pursu|going|on\s+track)\w*|"
    r"\b(?:withdr[ae]w\w*|suspend\w*|abandon\w*|cancel\w*|scrap(?:ped|ping|s)?|shelv\w*|"
    r"discontinu\w*)\b|\bon\s+hold\b|\boff\s+the\s+table\b|\bnot\s+going\s+to\s+happen\b",
    re.I,
)
_DONE = frozenset(
    {"opened", "launched", "completed", "finished", "started", "began", "begun", "closed",
     "signed", "delivered", "shipped", "achieved", "introduced", "released", "commissioned",
     "finalized", "finalised", "executed"}
)  # fmt: skip
_DONE_STATE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:now|already|fully)\s+)*(?:open|live|complete|completed|"
    r"done|finished|operational|in\s+place|up\s+and\s+running|in\s+service)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|yet)\b|n't\b", re.I)  # just before the cue
_DELAYED = re.compile(r"\b(?:delay\w*|postpon\w*|slipp\w*|push(?:ed|ing)\s+(?:out|back))\b", re.I)
_ACTION = re.compile(
    r"(?:\bwill|\bshall|\bto|['’]ll)\s+(?:(?:also|then|now|finally|soon|first|fully|be)\s+)*"
    r"(?P<verb>[a-z]{3,})\b",
    re.I,
)
_NOT_ACTIONS = frozenset({"have", "get", "see", "continue", "keep", "remain", "stay", "the",
                          "our", "its", "their", "this", "that"})  # fmt: skip
_IRREGULAR = {"make": "made", "build": "built", "begin": "began begun", "hold": "held",
              "sell": "sold", "take": "took taken", "buy": "bought", "bring": "brought",
              "give": "gave given", "pay": "paid", "run": "ran", "set": "set", "put": "put",
              "win": "won", "send": "sent", "spend": "spent", "lead": "led", "meet": "met",
              "go": "went gone", "do": "did done", "grow": "grew grown"}  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "our", "its", "their", "this", "that", "these",
                          "those", "some", "new", "more", "another", "further"})  # fmt: skip
_OBJECT_END = frozenset({"in", "on", "at", "by", "for", "to", "of", "and", "or", "with", "from",
                         "into", "over", "under", "through", "during", "within", "before",
                         "after", "than", "as", "so", "but", "while", "next", "this", "later",
                         "early", "soon", "once", "when", "if", "now", "that", "which",
                         "who"})  # fmt: skip
_NEAR = 8  # words between a done cue and the promise's names
_AHEAD = 3  # words after them that may not look ahead ("... the plant will follow")


@dataclass(frozen=True, slots=True)
class _Action:
    """What a promise says will be done: its verb's past forms and the verb's object."""

    done: frozenset[str]  # "we will open" -> {"opened"}
    object: frozenset[str]  # "open the Leipzig facility in ..." -> {"leipzig", "facility"}


def _action(quote: str) -> _Action:
    for m in _ACTION.finditer(quote):
        verb = m.group("verb").lower()
        if verb in _NOT_ACTIONS:
            continue
        if verb in _IRREGULAR:
            done = frozenset(_IRREGULAR[verb].split())
        elif verb.endswith("e"):
            done = frozenset({verb + "d"})
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            done = frozenset({verb[:-1] + "ied"})
        else:
            done = frozenset({verb + "ed", verb + verb[-1] + "ed"})
        return _Action(done, _object(quote, m.end()))
    return _Action(frozenset(), frozenset())


def _object(quote: str, at: int) -> frozenset[str]:
    """Up to three words after ``at``, past determiners, up to a preposition or a comma."""
    words: list[str] = []
    end = at
    for m in _WORD.finditer(quote, at):
        word = m.group(0).lower()
        over = len(words) == 3 or word in _OBJECT_END or word.endswith("ly")
        if quote[end : m.start()].strip() or over:
            break  # punctuation between, or the object is over
        end = m.end()
        if words or word not in _DETERMINERS:
            words.append(_fold(word))
    return frozenset(words) - _GENERIC


def _done_at(sentence: _Sentence, keys: frozenset[str], verbs: frozenset[str]) -> int | None:
    """Where ``text`` says the promise is done, or None.

    The cue and the promise's names must sit within a few words with nothing looking ahead
    around them ("we opened an office, and the plant will follow" is not the plant done).
    """
    text, words = sentence.text, sentence.words
    if _DELAYED.search(text):
        return None
    starts = [at for at, _ in words]
    named = [i for i, (_, w) in enumerate(words) if w in keys]
    cues = [at for at, w in words if w in verbs or w in _DONE]
    cues += [m.start() for m in _DONE_STATE.finditer(text)]
    for cue in sorted(cues):
        i = max((k for k, at in enumerate(starts) if at <= cue), default=0)
        near = [k for k in named if abs(i - k) <= _NEAR]
        if not near or _NEGATED.search(text, max(0, cue - 25), cue):
            continue
        last = min(max([*near, i]) + _AHEAD, len(words) - 1)
        stretch = text[: words[last][0] + len(words[last][1]) + 1]
        if not _metrics.looks_forward(stretch, len(stretch)):
            return cue
    return None


def _said_date(text: str, day: dt.date | None) -> dt.date | None:
    """The first date a statement names on or before its call's date, else that date."""
    if day is None:
        return None
    found = (d.date for d in find_deadlines(text, call_date=day) if d.date <= day)
    return next(found, day)


def _statements(case: _Case, later: Sequence[_Seen]) -> list[_Event]:
    """Statements naming the promise: by its metric's words, or by its action's object."""
    action = _action(case.commitment.quote)
    names = [k for k in (case.keys(), action.object) if k]
    verbs = action.done if case.commitment.target is None else None
    out = []
    for s in later:
        for sentence in s.sentences:
            keys = next((k for k in names if k <= sentence.vocabulary), None)
            if keys is None:
                continue
            start, end = sentence.start, sentence.start + len(sentence.text)
            if _WITHDRAWN.search(sentence.text):
                said = s.evidence("statement", start, end, sentence.speaker, date=s.day,
                                  note="said to be off")  # fmt: skip
                out.append(_Event(s.day or dt.date.min, "withdraw", said))
            elif verbs is not None and _done_at(sentence, keys, verbs) is not None:
                when = _said_date(sentence.text, s.day)
                said = s.evidence("statement", start, end, sentence.speaker, date=when,
                                  note=f"said done ({_iso(when)})")  # fmt: skip
                out.append(_Event(s.day or dt.date.min, "done", said))
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
