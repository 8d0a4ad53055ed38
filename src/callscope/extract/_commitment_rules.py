"""Whether a read clause is a commitment, and what it promises: its target and its deadline.

A clause with a forward cue is a promise where it names a target figure or a deadline, or
where the speaker puts the cue on the company's own plan ("we intend to"); never a question,
a clause cut off, a hypothetical, the call's logistics or someone else's plan
(``_NOT_A_PROMISE``). The cheap tests (``_may_promise``) run before the deadline and target
are read, and the long ``_NOT_A_PROMISE`` last (``_is_commitment``). The target is the first
figure in the promise's scope after its cue, else the one just before it, looked up by
position (``_Figures``); "from 10% to 25%" promises 25%.

Separate from reading a clause (``_commitment_reading``): these are the judgements, with the
long cue lists that tell a promise from talk; ``commitments`` calls them once per clause.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from callscope.extract._commitment_reading import (
    _blank,
    _Clause,
    _folding,
    _holds,
    _Reading,
    _search,
)
from callscope.extract._dates import Deadline, find_deadline, may_name_time
from callscope.extract._metrics import is_subject
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan

# The weak cues (a possibility, a guess) make a commitment only with a date attached.
_WEAK_FORWARD = re.compile(
    r"(?=[mhf1])\b(?:(?-i:\bmay\b)|\bmight\b|\bhop(?:e|ing) to\b|\bfor sure\b|\b100%)", re.I
)
_WEAK_WORDS = ("may", "might", "hop", "for sure", "100%")  # one of which each match holds
# A forward cue the speaker puts on the company's own plan: enough without a number or date.
_INTENT = re.compile(
    r"\b(?:we|I)(?:'re| are| am|'m| do| also| still| now| really| fully)*\s+"
    r"(?:expect|anticipate|plan|intend|aim|target|estimate|commit|project|forecast|"
    r"on track|(?:very )?confident)\b"
    r"|\bwe(?:'re| are)\s+(?:not\s+)?(?:going to|gonna)\s+(?!continue|be\b|see\b|"
    r"talk|discuss|have to\b)\w+"
    r"|\b(?:is|'s) (?:\w+ )?going to make sense (?:for us )?to\b"
    r"|\byou (?:should|can|will) expect\b|\bon track\b|\bplans? in place\b",
    re.I,
)
# Laid out for speed, as it is tried at every character of every promise: the lookahead holds
# the first character of every alternative, so the engine passes over any other at once, and
# the alternatives that start a word sit behind one "\b", so the inside of a word fails at once.
_NOT_A_PROMISE = re.compile(
    r"(?=[fsarun\"\u201c\u201d'wdcmitgphe])(?:"
    r"forward[- ]looking|safe harbou?r|actual results|risks? (?:and|&) uncertaint|"
    r"undertake no|no obligation|non-GAAP (?:financial )?measures|reconciliation|"
    # someone quoted ("They're like, \"We're going to run out\"")
    r"[\"\u201c\u201d]|"
    r"\b(?:"
    # "open" only as call logistics ("open the line/floor/call"), not "open a facility"
    r"\b(?:will|'ll|going to|gonna)\s+(?:now\s+)?(?:turn|hand|pass|"
    r"open (?:up )?(?:the )?(?:lines?|floor|call|it up)|begin|start|take "
    r"(?:your|a|the|some|questions)|answer|address|repeat|review|walk|cover|"
    r"go (?:through|over|into)|ask|let|get back|follow up|comment|elaborate|flip|"
    r"provide (?:more|additional) (?:detail|color)|talk|discuss|see (?:how|what|if|whether)|"
    r"be happy|be glad|find out|leave it|keep (?:you|it) (?:posted|brief))\b|"
    r"\b(?:don't|do not|doesn't|does not|didn't|won't|wouldn't)\s+(?:\w+\s+)?"
    r"(?:expect|anticipate|plan|intend|want|think|know)\b|"
    r"\b(?:would|could|should|might|may) have\b|\bwe'll see\b|\bremains? to be seen\b|"
    r"\bwould (?:like|love) to\b|\bI'd like to\b|\bas (?:we|I) (?:said|mentioned|noted)\b|"
    r"\b(?:typically|usually|normally|generally|historically|tend to)\b|\bsaid\b|"
    # walking the audience through the call, and its logistics
    r"\b(?:take|walk) you through\b|\bhelp you (?:understand|think)\b|\bway to think about\b|"
    r"\breplay\b|\bwebcast\b|\bconference call\b|\bpress release\b|"
    r"\b(?:will|'ll) be (?:made )?available\b|"
    # declining to say, or a negated expectation ("you should not expect")
    r"\b(?:premature|too early) to\b|\bnot\s+(?:\w+\s+)?(?:expect|anticipate|plan|intend)\b|"
    # guidance left as it was: "we're not updating our outlook at this point"
    r"\bnot\s+(?:\w+\s+)?(?:updat|chang|rais|lower|narrow)\w*\s+(?:[\w-]+\s+){0,3}"
    r"(?:guidance|outlook)\b|"
    # someone else's forecast: a third party's plan, a study's trend line
    r"\b(?:they|he|she)(?:'re| are| is|'s)? (?:going to|gonna)\b|\b(?:they|he|she)(?:'ll| will)\b|"
    r"\baccording to\b|\bindicates? that\b|"
    # a topic ("what we expect to happen"), a deferral ("we'll give you more color on that"), a
    # goodbye ("see you")
    r"\bwhat (?:we|I) (?:expect|anticipate)(?:ed)? to happen\b|\bwhat (?:we|I) "
    r"(?:\w+ )?expected\b|\bgive you (?:\w+ ){0,4}(?:on|about) (?:that|this|it)\b|"
    r"\bmore (?:color|detail|transparency|clarity)\b|\bsee you\b|"
    r"\bnot (?:going to|gonna) (?:give|provide|comment|guide|talk|discuss|update|disclose|size|"
    r"quantify|speculate|break)\b|"
    # discretion, not a plan ("if and when we see opportunities", "as we see fit"), wait-and-see
    r"\bif and when\b|\bas (?:we|I) see fit\b|\b(?:will|'ll) have to see\b|"
    r"\bwrap (?:it |this )?up\b|"
    r"\b(?:plan|intend|aim|want|expect|hope|going)s?\s+to\s+(?:remain\s+|continue\s+to\s+be\s+|"
    r"be\s+)(?:very\s+)?(?:intentional|thoughtful|disciplined|prudent|careful|mindful|balanced|"
    r"measured|flexible|opportunistic|patient|judicious|focused|deliberate|vigilant)\b"
    r"))",
    re.I,
)
# ... and a clause about another's plan: "Their plan is to ..." (matched at the start).
_THEIRS = re.compile(r"\W*(?:their|his|her)\b", re.I)
# A hypothetical: a condition with a "would" ("if there is no mitigation, you would expect").
_WOULD = re.compile(r"\bwould\b|\w'd\b", re.I)
# A clause cut off mid-thought ("we do expect that power is going to --") names nothing.
_DANGLING = re.compile(
    r"\b(?:to|the|a|an|is|are|of|in|on|for|and|or|be|our|we|will|with|at|by|from)\W*$",
    re.I,
)


def _dangles(plain: str) -> bool:
    r"""``_DANGLING.search(plain)``, tried only where a match can start: at the last word, as
    nothing but non-word characters may follow it (``\w`` is ``str.isalnum`` or "_")."""
    end = len(plain)
    while end and not (plain[end - 1].isalnum() or plain[end - 1] == "_"):
        end -= 1
    start = end
    while start and (plain[start - 1].isalnum() or plain[start - 1] == "_"):
        start -= 1
    return start < end and _DANGLING.match(plain, start) is not None


# "continue to" promises more of the same: a commitment only with a number to check.
_CONTINUE = re.compile(r"\bcontinu(?:e|es|ing) to\b|\bkeep (?:on )?\w+ing\b", re.I)
# An intent whose object is only a pronoun ("we intend to capture it") names nothing.
_PRONOUN_END = re.compile(
    r"\b(?:it|that|this|them|so|do|there|one)\W*$|\bwhat (?:we|I) (?:\w+ )?\w+\W*$", re.I
)
# A condition's figures and dates are not the promise's ("if that goes above 10,000 a week").
_CONDITION = re.compile(
    r"(?=[iuwofa])\b(?:if|unless|whether|once|whenever|from the point|at which)\b[^,;]*", re.I
)
# A target said as a multiple, with no figure: "we expect to double it".
_MULTIPLE = re.compile(r"\b(?P<w>double|triple|quadruple|tenfold)\b(?![\s-]+digits?)", re.I)
_MULTIPLES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "tenfold": 10.0}
_MULTIPLE_WORDS = tuple(_MULTIPLES)
# The case-blind patterns read most, folded to run over the folded clause (``_folding``).
_INTENT_FOLDED = _folding(_INTENT)
_CONTINUE_FOLDED = _folding(_CONTINUE)
_PRONOUN_END_FOLDED = _folding(_PRONOUN_END)
_NOT_A_PROMISE_FOLDED = _folding(_NOT_A_PROMISE)


def _may_promise(reading: _Reading) -> bool:
    """What rules a clause out whatever its target and deadline: a question, a clause cut off,
    a hypothetical, no forward cue but a weak one. Checked first, as the cheap part."""
    plain = reading.plain
    if plain.rstrip().endswith("?") or _dangles(plain):
        return False
    # A condition's blanking changes the text where, and only where, it has a condition.
    if reading.unconditioned != plain and _WOULD.search(reading.unconditioned):
        return False  # a hypothetical, not a plan
    return reading.cue is not None or (
        _holds(reading.low, _WEAK_WORDS) and _WEAK_FORWARD.search(plain) is not None
    )


def _is_commitment(
    reading: _Reading, target: Figure | float | None, deadline: Deadline | None
) -> bool:
    """Whether a clause that :func:`_may_promise` is a promise, given its target and deadline.

    The long ``_NOT_A_PROMISE`` is searched last, only where all else says yes.
    """
    plain, low = reading.plain, reading.low
    if reading.cue is None:
        promised = deadline is not None
    elif _search(_CONTINUE, _CONTINUE_FOLDED, plain, low):
        promised = isinstance(target, Figure)
    elif target is not None or deadline is not None:
        promised = True
    else:
        short = len(plain[reading.cue :].split()) <= 5  # the promise is all in the words after
        promised = bool(_search(_INTENT, _INTENT_FOLDED, plain, low)) and not (
            short and _search(_PRONOUN_END, _PRONOUN_END_FOLDED, plain, low)
        )
    return promised and not (
        _search(_NOT_A_PROMISE, _NOT_A_PROMISE_FOLDED, plain, low) or _THEIRS.match(plain)
    )


# --- deadlines and targets ----------------------------------------------------------------


def _deadline(reading: _Reading, call_date: dt.date, fy_end: int) -> Deadline | None:
    """The period the promise names: after its forward cue first ("we are improving this year,
    and will do so in all stores next year"), else before it ("For Q3, we expect ...")."""
    text = reading.unconditioned
    lo, hi = reading.scope
    at = lo if reading.cue is None else reading.cue
    for a, b in ((at, hi), (lo, at)):
        # Most parts name no time; the words a time needs are looked for in ``plain`` folded
        # (``text`` only lacks what ``plain`` has blanked: its conditions).
        if reading.low is not None and not may_name_time(reading.plain, reading.low, a, b):
            continue
        found = find_deadline(text[a:b], call_date=call_date, fy_end_month=fy_end)
        if found is not None:
            return replace(found, start=found.start + a, end=found.end + a)
    return None


_FROM = re.compile(r"\bfrom\s+$", re.I)
_TO = re.compile(r"\W*(?:to|up to)\W*(?:(?:about|approximately|roughly|around|nearly)\s*)?$", re.I)
_DOCUMENT = re.compile(r"-[A-Z]\b")  # "10-K", "8-K": a filing's name, not a number


def _place(figure: Figure) -> SourceSpan:
    """The figure itself, not the words of context its quote takes in (an empty number, as
    falsy, the quote). Spelt out: ``number or span`` would call ``len`` on every look-up."""
    number = figure.number
    return number if number is not None and number.end > number.start else figure.span


@dataclass(frozen=True, slots=True)
class _Figures:
    """A call's figures in text order, indexed by where their numbers start: a clause looks up
    its own few by bisection instead of reading every figure of the call."""

    figures: tuple[Figure, ...]
    starts: tuple[int, ...]  # where each number starts, ascending
    order: tuple[int, ...]  # the index in ``figures`` of the number at each of ``starts``

    @classmethod
    def of(cls, figures: Sequence[Figure]) -> _Figures:
        placed = sorted((_place(f).start, i) for i, f in enumerate(figures))
        return cls(tuple(figures), tuple(s for s, _ in placed), tuple(i for _, i in placed))

    def starting_in(self, lo: int, hi: int) -> list[Figure]:
        """The figures whose number starts in ``[lo, hi]``, in text order."""
        found = self.order[bisect_left(self.starts, lo) : bisect_right(self.starts, hi)]
        return [self.figures[i] for i in sorted(found)]


def _target(
    clause: _Clause, reading: _Reading, figures: _Figures, deadline: Deadline | None
) -> Figure | float | None:
    """The figure a clause promises: the first in the promise's scope after its cue (else before
    it); the far end of "from 10% to 25%"; not a duration, the deadline or a "100%" of certainty.
    """
    lo, hi = (clause.start + x for x in reading.scope)
    at = clause.start + (reading.scope[0] if reading.cue is None else reading.cue)
    in_scope = figures.starting_in(lo, hi)
    conditions = [  # (read only where there are figures to rule out: most clauses have none)
        (clause.start + m.start(), clause.start + m.end())
        for m in (_CONDITION.finditer(clause.text) if in_scope else ())
    ]
    candidates = []
    for figure in in_scope:
        span = _place(figure)
        if span.end > hi:
            continue
        if any(a <= span.start < b for a, b in conditions) or figure.kind is FigureKind.DURATION:
            continue
        if deadline is not None and (
            clause.start + deadline.start <= span.start < clause.start + deadline.end
        ):
            continue
        threshold = _THRESHOLD.match(figure.qualifier or "")
        if figure.value == 100 and figure.unit == "%" and not threshold:
            continue  # "100%" voices certainty far more often than it sets a target ...
        if _DOCUMENT.match(clause.text, span.end - clause.start):
            continue
        candidates.append(figure)
    after = [f for f in candidates if _place(f).start >= at]
    # "Roughly 45% will be recognized ..., up 20%": a figure just before the cue is its subject
    subject = [
        f
        for f in candidates
        if is_subject(clause.text, _place(f).end - clause.start, at - clause.start)
    ]
    # A figure further before the cue is context ("8% have a passport, so there's going to be").
    pool = subject or after or (candidates if reading.cue is None else [])
    if pool:
        return _far_end(clause, pool)
    if clause.low is not None and not _holds(clause.low[slice(*reading.scope)], _MULTIPLE_WORDS):
        return None
    multiple = _MULTIPLE.search(clause.text, reading.scope[0], reading.scope[1])
    return _MULTIPLES[multiple.group("w").lower()] if multiple else None


def _far_end(clause: _Clause, pool: Sequence[Figure]) -> Figure:
    """``pool[0]``, or the figure after it where the two say "from X to Y"."""
    first = pool[0]
    if len(pool) < 2:
        return first
    a, b = _place(first), _place(pool[1])
    before = clause.text[: a.start - clause.start]
    between = clause.text[a.end - clause.start : b.start - clause.start]
    if _FROM.search(_blank(_QUALIFIER, before)) and _TO.match(between):
        return pool[1]
    return first


# ... but not as a threshold: "free cash flow conversion above 100%".
_THRESHOLD = re.compile(r"(?:above|over|below|under|at least|more than|north of|in excess of)$")
_QUALIFIER = re.compile(r"\b(?:about|approximately|roughly|around|nearly|some)\s*$", re.I)
