"""Forward-looking commitments: what a company speaker says will happen, by when, how surely.

A commitment is a clause, spoken by the company's side, that looks forward (a future or
intent cue: "will", "expect", "plan", "on track") and names something checkable: a target
figure, a deadline, or an outcome the speaker says they intend. The quote is the clause that
holds the promise: the sentence, cut at the dashes of a spoken restart ("And I'm -- we are
very confident ..."), without a leading "And"/"So"/"But".

Confidence comes from the words used, with the most guarded cue winning (an "I think" turns
"we will" into a moderate promise), except that an outright certainty ("100%", "for sure")
overrides every hedge. Repeated statements of one promise (same metric and target) share a
``group`` number.

The figure, date and metric of a promise are read within its scope: from its forward cue to
the next contrast or aside (", but", ", including"); the figure after the cue wins over a fact
before it, "from 10% to 25%" promises 25%. Where the transcript prints no date, deadlines resolve
against a typical date for the quarter it reports.

The metric is named by :func:`callscope.extract._metrics.metric_of` over the promise's scope,
as figures are named, so a promise and the figure that later fulfils it share a name; a clause
that names no metric ("we will be at 1,000 a week early next year") has the metric "".

Split in three: ``_commitment_reading`` cuts a sentence into clauses and reads one (its
forward cue, its scope, the confidence it voices); ``_commitment_rules`` judges whether a read
clause is a promise and finds its target and deadline; this module picks the clauses of the
company's speech, builds each ``Commitment``, names its metric and groups the repeats. A call
has hundreds of clauses, so a clause without a cue word is dropped here by ``in`` checks before
it is read; no fast path changes what is found (``tests/extract/test_commitments_fast.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from callscope.extract._commitment_lists import list_items
from callscope.extract._commitment_reading import (
    _DISCOURSE,
    _blank,
    _Clause,
    _clauses,
    _may_look_forward,
    _read,
    _Reading,
    _straight,
    _voiced,
)
from callscope.extract._commitment_rules import (
    _deadline,
    _Figures,
    _is_commitment,
    _may_promise,
    _place,
    _target,
)
from callscope.extract._dates import Deadline, find_deadline
from callscope.extract._extractor import Fact, Found
from callscope.extract._fiscal import (
    FiscalCalendar,
    fiscal_year_end_from_period,
    fiscal_year_end_month,
)
from callscope.extract._metrics import forward_cue, metric_of, number_at
from callscope.extract._text import folded, split_sentences, turn_slices
from callscope.model.call import Call, Role, SectionKind, Turn
from callscope.model.facts import Commitment, Confidence, Figure
from callscope.model.source import SourceSpan

__all__ = ["CommitmentsExtractor", "clauses", "confidence_of", "split_sentences"]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at its restarts (dashes) and semicolons, leading "And"/"So" dropped."""
    return _clauses(text, folded(text), start, end)


def confidence_of(text: str) -> tuple[Confidence, str] | None:
    """The confidence a clause voices and the cue that set it, or None where it voices none.

    A certainty cue wins outright; otherwise the most guarded cue present wins.
    """
    return _voiced(_blank(_DISCOURSE, _straight(text)))


# --- the extractor ------------------------------------------------------------------------


def _company_side(turn: Turn) -> bool:
    if turn.role is Role.EXECUTIVE:
        return True
    # Layouts that cannot tell roles leave OTHER; in prepared remarks that is the company.
    return turn.role is Role.OTHER and turn.section is SectionKind.PRESENTATION


# Every forward cue (``_FORWARD``) and weak one (``_WEAK_FORWARD``) holds one of these words
# (its apostrophe maybe curly), so a clause with none of them is no promise: ``in`` checks on
# the folded text spare the long patterns most clauses of a call.
_PLAIN_CUE_WORDS = (
    "will", "'ll", "\u2019ll", "\u2018ll", "going to", "gonna", "expect", "anticipat",
    "intend", "aim", "target", "on track", "forecast", "probabl", "should", "may", "might",
    "for sure", "100%", "guidance", "outlook", "due", "scheduled", "to be paid",
    "to be deliver", "to be complet", "for deliver", "on pace",
)  # fmt: skip
# ... and those often met with no cue ("the plan", "the project"), checked last: a sentence
# that holds only these is read clause by clause only where ``_may_look_forward``.
_LOOSE_CUE_WORDS = ("plan", "estimate", "project", "commit", "hop", "assumption", "back ")
_CUE_WORDS = _PLAIN_CUE_WORDS + _LOOSE_CUE_WORDS
# The same check where folding cannot be trusted; no anchors, so ``pos``/``endpos`` act as a slice.
_CUE_WORD = re.compile("|".join(map(re.escape, _CUE_WORDS)), re.I)


def _has_cue_word(raw: str, low: str | None, start: int, end: int) -> bool:
    return _cue_kind(raw, low, start, end) != 0


def _cue_kind(raw: str, low: str | None, start: int, end: int) -> int:
    """``_has_cue_word`` for a sentence, told apart: 0 where it holds no cue word, 2 where it
    holds only loose ones (``_LOOSE_CUE_WORDS``), else 1 (also where folding fails)."""
    if low is None:
        return 1 if _CUE_WORD.search(raw, start, end) is not None else 0
    part = low[start:end]
    # Loops of ``in`` checks: faster here than any() over a generator, or than one search for
    # all the words (whose first letters are most letters, so the engine can skip few).
    for word in _PLAIN_CUE_WORDS:
        if word in part:
            return 1
    for word in _LOOSE_CUE_WORDS:
        if word in part:
            return 2
    return 0


def _units(call: Call) -> Iterator[tuple[Turn, _Clause]]:
    """The clauses of the company's speech that hold a forward cue's word (``_CUE_WORDS``)."""
    for turn, raw, offset in turn_slices(call):
        if not _company_side(turn):
            continue
        low = folded(raw)
        if not _has_cue_word(raw, low, 0, len(raw)):
            continue  # nor then has any of its sentences
        for s, e in split_sentences(raw):
            kind = _cue_kind(raw, low, s, e)
            if not kind:
                continue
            loose = kind == 2
            for a, b in _clauses(raw, low, s, e):
                if loose and not _may_look_forward(raw[a:b], _PLAIN_CUE_WORDS):
                    continue  # "the plan", "the project": no cue, so nothing to read
                if (a, b) == (s, e) or _has_cue_word(raw, low, a, b):
                    part = None if low is None else low[a:b]
                    yield turn, _Clause(raw[a:b], offset + a, offset + b, part)


class CommitmentsExtractor:
    """Finds commitments in the company's speech; reads the ``figures`` output for targets.

    ``fy_end_month`` is the company's fiscal year-end month; None reads it from the transcript
    where stated ("fiscal year ending June 30"), else December.
    """

    name = "commitments"
    requires = ("figures",)
    produces = "commitments"

    def __init__(self, *, fy_end_month: int | None = None) -> None:
        self.fy_end_month = fy_end_month

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        fy_end = self.fy_end_month or fiscal_year_end_month(call.text) or _period_year_end(call)
        call_date = call.metadata.call_date or _estimated_call_date(call, fy_end)
        figures = _Figures.of(
            sorted(
                (f for f in found.get("figures", ()) if isinstance(f, Figure)),
                key=lambda f: f.span.start,
            )
        )
        out = []
        for turn, clause in _units(call):
            out += _commitment(turn, clause, figures, call_date, fy_end)
        return tuple(group(_resolve_anaphora(out)))


# Days from a quarter's end to the call that reports it, where the transcript gives no date:
# a typical lag, so that "next quarter" and "this year" still resolve.
_TYPICAL_LAG = dt.timedelta(days=35)


def _estimated_call_date(call: Call, fy_end: int) -> dt.date | None:
    """Where a transcript prints no date, a month after the end of the quarter it reports."""
    period = call.metadata.fiscal_period
    if period is None or period.year is None or period.quarter is None:
        return None
    return FiscalCalendar(fy_end).quarter_end(period.year, period.quarter) + _TYPICAL_LAG


def _period_year_end(call: Call) -> int:
    """The year-end month implied by the reported quarter and the call date; else December."""
    period, day = call.metadata.fiscal_period, call.metadata.call_date
    if period is None or period.year is None or period.quarter is None or day is None:
        return 12
    month = fiscal_year_end_from_period(year=period.year, quarter=period.quarter, call_date=day)
    return month or 12


def _commitment(
    turn: Turn,
    clause: _Clause,
    figures: _Figures,
    call_date: dt.date | None,
    fy_end: int,
) -> list[Commitment]:
    """The clause's promise, or one per target where it gives a guidance list."""
    reading = _read(clause.text)
    if not _may_promise(reading):
        return []
    deadline = _deadline(reading, call_date, fy_end) if call_date is not None else None
    target = _target(clause, reading, figures, deadline)
    if not _is_commitment(reading, target, deadline):
        return []
    voiced = _voiced(reading.plain, reading.low)
    confidence, cue = voiced if voiced else (Confidence.HIGH, None)
    parts = [(0, len(clause.text))]
    if isinstance(target, Figure) and ("," in clause.text or " and " in clause.text):
        parts = list_items(clause, reading, figures)
    if len(parts) > 1:
        parts[0] = (0, parts[0][1])
    out = []
    for i, (a, b) in enumerate(parts):
        part, part_reading, part_target, part_deadline = clause, reading, target, deadline
        if len(parts) > 1:
            part_reading = reading._replace(
                cue=reading.cue if i == 0 else a, scope=(reading.scope[0] if i == 0 else a, b)
            )
            part_deadline = _own_deadline(reading, a, b, call_date, fy_end) or _shared(
                deadline, parts, i
            )
            part_target = _target(clause, part_reading, figures, part_deadline)
            a, b = _trimmed(clause.text, a, b)
            part = _Clause(clause.text[a:b], clause.start + a, clause.start + b)
        figure = part_target if isinstance(part_target, Figure) else None
        out.append(
            Commitment(
                metric=_metric(clause, part_reading, figure),
                quote=" ".join(part.text.split()),
                span=SourceSpan(part.start, part.end),
                confidence=confidence,
                cue=cue,
                target=figure.value
                if figure
                else part_target
                if isinstance(part_target, float)
                else None,
                high=figure.high if figure else None,
                unit=figure.unit if figure else None,
                per=figure.per if figure else None,
                deadline=part_deadline.date if part_deadline else None,
                deadline_text=part_deadline.text if part_deadline else None,
                speaker=turn.speaker,
                turn=turn.index,
            )
        )
    return out


def _own_deadline(
    reading: _Reading, a: int, b: int, call_date: dt.date | None, fy_end: int
) -> Deadline | None:
    """The period one item of a list names itself ("..., and for the fourth quarter, ...")."""
    if call_date is None:
        return None
    found = find_deadline(reading.unconditioned[a:b], call_date=call_date, fy_end_month=fy_end)
    return None if found is None else replace(found, start=found.start + a, end=found.end + a)


def _shared(deadline: Deadline | None, parts: Sequence[tuple[int, int]], i: int) -> Deadline | None:
    """The clause's deadline for an item naming none, unless a later item named it."""
    if deadline is None:
        return None
    owner = [j for j, (a, b) in enumerate(parts) if j and a <= deadline.start < b]
    return deadline if not owner or owner[0] == i else None


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """An item's span without the separators around it."""
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:."):
        b -= 1
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    return a, b


def _metric(clause: _Clause, reading: _Reading, figure: Figure | None) -> str:
    """The promise's metric, named within its scope from its cue and its target's number."""
    lo, hi = reading.scope
    at = None
    if figure is not None:
        span = _place(figure)
        at = number_at(reading.plain, span.start - clause.start, span.end - clause.start)
    cue = (lo if reading.cue is None else reading.cue) - lo
    if reading.cue is None and figure is None:  # promised by a weak cue ("we may consider")
        weak = forward_cue(reading.plain, lo, hi)
        cue = weak.start() - lo if weak else cue
    placed = at - lo if at is not None and lo <= at < hi else None
    return metric_of(reading.plain[lo:hi], figure, at=placed, cue=cue) or ""


# "100% probability of achieving that", "For sure next year.": a promise restated by
# reference to the one just made, whose metric and target it takes.
_ANAPHOR = re.compile(
    r"\b(?:achiev\w*|hit\w*|reach\w*|get\w*|do\w*|deliver\w*)\s+"
    r"(?:that|it|there)\b",
    re.I,
)


def _resolve_anaphora(commitments: Sequence[Commitment]) -> list[Commitment]:
    out: list[Commitment] = []
    for c in commitments:
        previous = out[-1] if out else None
        if (
            previous is not None
            and c.target is None
            and previous.target is not None
            and c.turn is not None
            and previous.turn is not None
            and c.turn - previous.turn <= 2
            and (_ANAPHOR.search(c.quote) or len(c.quote.split()) <= 5)
        ):
            c = replace(
                c,
                metric=previous.metric,
                target=previous.target,
                high=previous.high,
                unit=previous.unit,
                per=previous.per,
            )
        out.append(c)
    return out


def group(commitments: Sequence[Commitment]) -> list[Commitment]:
    """Number the repeated statements of one promise (same metric and target) alike.

    A promise said once keeps ``group`` None.
    """
    keys = [(c.metric, c.target, c.unit, c.per) for c in commitments]
    repeated = [k for k in dict.fromkeys(keys) if keys.count(k) > 1 and k[1] is not None]
    numbers = {key: i for i, key in enumerate(repeated)}
    return [
        replace(c, group=numbers[key]) if key in numbers else c
        for c, key in zip(commitments, keys, strict=True)
    ]
