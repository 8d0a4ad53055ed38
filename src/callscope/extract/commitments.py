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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from callscope.extract._dates import (
    Deadline,
    find_deadline,
    fiscal_year_end_from_period,
    fiscal_year_end_month,
)
from callscope.extract._extractor import Fact, Found
from callscope.extract._text import turn_slices
from callscope.model.call import Call, Role, SectionKind, Turn
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind
from callscope.model.source import SourceSpan

__all__ = ["CommitmentsExtractor", "clauses", "confidence_of", "split_sentences"]

# --- sentences --------------------------------------------------------------------------
# Hand-written: the transcripts are speech, full of restarts, initials ("J.B."), "U.S." and
# decimals; a dozen lines handle them, where a tokenizer library would be a heavy dependency.

_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc",
     "plc", "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "a.m", "p.m"}
)  # fmt: skip
_END = re.compile(r"(?:[.!?]+|\.\.\.|…)[\"'’”)\]]*(?=\s+|$)|\n[ \t]*\n")
_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?$")
_STARTER = re.compile(r"\s+(?:We|I|And|So|But|The|It|This|That|Our|In|As|Now|Yes|No)\b")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0).startswith(".") and not m.group(0).startswith("..."):
            word = re.search(r"([\w.]+)$", text[start : m.start()])
            token = word.group(1).lower() if word else ""
            initial = len(token) == 1 and token.isalpha()
            # "U.S", "J.B": an abbreviation unless a sentence follows (a number is not one)
            dotted = bool(_DOTTED.match(token))
            if token in _ABBREVIATIONS or initial or (dotted and not _STARTER.match(text, m.end())):
                continue
        _append(out, text, start, m.end())
        start = m.end()
    _append(out, text, start, len(text))
    return out


def _append(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


_RESTART = re.compile(r"\s+(?:--|–|—)\s*|\s*(?:--|—)\s+|;\s+")
# A reason or an aside after the promise is not part of it ("..., which is hard because").
_TAIL = re.compile(r",\s+which\b|,?\s+because\b", re.I)
_LEAD = re.compile(r"(?:(?:and|so|but|now|well|also|again|yes|okay|ok|or|then)\b[,\s]*)+", re.I)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at its restarts (dashes) and semicolons, leading "And"/"So" dropped."""
    out = []
    at = start
    for m in _RESTART.finditer(text, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    trimmed = []
    for a, b in out:
        lead = _LEAD.match(text, a, b)
        if lead:
            a = lead.end()
        tail = _TAIL.search(text, a, b)
        if tail and len(text[a : tail.start()].split()) >= 5:
            b = tail.start()
        if len(text[a:b].split()) >= 3:
            trimmed.append((a, b))
    return trimmed


# --- confidence -------------------------------------------------------------------------

# Speech habits that look like hedges but hedge nothing: "I would say", "if I may",
# "as you may have seen", "I should clarify". Blanked before the confidence is read.
_DISCOURSE = re.compile(
    r"\b(?:I|we)(?:'d| would| should| could| might| may| want to)\s+(?:just\s+)?"
    r"(?:say|clarify|note|mention|point out|add|emphasi[sz]e|stress|remind|tell|argue|"
    r"characterize|describe|highlight)\b|\bif I (?:may|might|could)\b|\blet me\b|"
    r"\byou(?:'ll| will| may| might| could| can)? (?:have )?(?:seen|see|know|recall|remember|"
    r"notice|note|heard|read|find)\b",
    re.I,
)
_CUES: tuple[tuple[Confidence, re.Pattern[str]], ...] = (
    (
        Confidence.CERTAIN,
        re.compile(
            r"\b100\s?%(?! of)|\b100 percent\b(?! of)|\bfor sure\b|\b(?:0|zero|no) concerns?\b|"
            r"\babsolutely\b|\bguarantee\b|\bwithout (?:a|any) doubt\b|\bno doubt\b|"
            r"\bcertainly will\b",
            re.I,
        ),
    ),
    (
        Confidence.LOW,
        re.compile(
            r"(?-i:\bmay\b)|\bmight\b|\bcould\b|\bpossibl[ey]\b|\baspiration(?:al|ally)?\b|"
            r"\bnot promising\b|\bno promises?\b|\bhopefully\b|\bmaybe\b|\bperhaps\b|\bstretch\b",
            re.I,
        ),
    ),
    (
        Confidence.MODERATE,
        re.compile(
            r"\bI (?:think|believe|guess|suspect)\b|\bwe think\b|\bprobabl[ey]\b|\blikely\b|"
            r"\bplan(?:s|ned|ning)?\b|\bshould(?! expect)\b|\bhop(?:e|es|ing)\b|\baim(?:s|ing)?\b|"
            r"\b(?:we|I)(?:'re| are| am|'m)? target(?:ing)?\b|\btargeting\b|\bintend(?:s|ing)?\b|"
            r"\bwould\b|\bwant to\b|\bgoal\b|\blook(?:ing)? to\b|\bmake sense\b",
            re.I,
        ),
    ),
    (
        Confidence.HIGH,
        re.compile(
            r"\bvery confident\b|\bconfident\b|\bon track\b|\bexpect(?:s|ing)?\b|\bexpected to\b|"
            r"\banticipat(?:e|es|ing)\b|\bestimate\b|\bwill\b|\w'll\b|\bgoing to\b|\bgonna\b|"
            r"\bcommit(?:ted)? to\b|\bproject(?:s|ed)? (?:to|that)\b|\bforecast\b|"
            r"\bguid(?:e|ing)\b",
            re.I,
        ),
    ),
)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with ``pattern``'s matches overwritten by spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def confidence_of(text: str) -> tuple[Confidence, str] | None:
    """The confidence a clause voices and the cue that set it, or None where it voices none.

    A certainty cue wins outright; otherwise the most guarded cue present wins.
    """
    plain = _blank(_DISCOURSE, text)
    for level, pattern in _CUES:
        m = pattern.search(plain)
        if m:
            return level, m.group(0)
    return None


# --- what makes a clause a commitment -------------------------------------------------------

# Cues that look forward; without one a clause is a report, not a promise. The weak ones
# (a possibility, a guess) make a commitment only with a date attached.
_FORWARD = re.compile(
    r"\bwill\b|\w'll\b|\bgoing to\b(?!\s+(?:the|a|an|our|their|its|my|your)\b)|\bgonna\b|"
    r"\bexpect(?:s|ing)?\b|\bexpected to\b|\banticipat(?:e|es|ing)\b|\bplan(?:s|ning)? (?:to|on)\b|"
    r"\bplans? in place\b|\bintend|\baim(?:s|ing)? (?:to|for)\b|\btargeting\b|"
    r"\b(?:we|I) target\b|\bon track\b|\bestimate that\b|\bforecast|\bproject(?:s|ed)? "
    r"(?:to|that)\b|\bcommit(?:ted)? to\b|\bprobably\b|\bshould\b",
    re.I,
)
_WEAK_FORWARD = re.compile(r"(?-i:\bmay\b)|\bmight\b|\bhop(?:e|ing) to\b|\bfor sure\b|\b100%", re.I)
# A forward cue the speaker puts on the company's own plan: enough without a number or date.
_INTENT = re.compile(
    r"\b(?:we|I)(?:'re| are| am|'m| do| also| still| now| really| fully)*\s+"
    r"(?:expect|anticipate|plan|intend|aim|target|estimate|commit|project|forecast|"
    r"on track|(?:very )?confident)\b"
    r"|\bwe(?:'re| are)\s+(?:not\s+)?(?:going to|gonna)\s+(?!continue|be\b|see\b|"
    r"talk|discuss|have to\b)\w+"
    r"|\byou (?:should|can|will) expect\b|\bon track\b|\bplans? in place\b",
    re.I,
)
_NOT_A_PROMISE = re.compile(
    r"forward[- ]looking|safe harbou?r|actual results|risks? (?:and|&) uncertaint|"
    r"undertake no|no obligation|non-GAAP (?:financial )?measures|reconciliation|"
    r"\b(?:will|'ll|going to|gonna)\s+(?:now\s+)?(?:turn|hand|pass|open|begin|start|take "
    r"(?:your|a|the|some|questions)|answer|address|repeat|review|walk|cover|"
    r"go (?:through|over|into)|ask|let|get back|follow up|comment|elaborate|flip|"
    r"provide (?:more|additional) (?:detail|color)|talk|discuss|see (?:how|what|if|whether)|"
    r"be happy|be glad|find out|leave it|keep (?:you|it) (?:posted|brief))\b|"
    r"\b(?:don't|do not|doesn't|does not|didn't|won't|wouldn't)\s+(?:\w+\s+)?"
    r"(?:expect|anticipate|plan|intend|want|think|know)\b|"
    r"\b(?:would|could|should|might|may) have\b|\bwe'll see\b|\bremains? to be seen\b|"
    r"\bwould (?:like|love) to\b|\bI'd like to\b|\bas (?:we|I) (?:said|mentioned|noted)\b|"
    r"\b(?:typically|usually|normally|generally|historically|tend to)\b|\bsaid\b",
    re.I,
)
# "continue to" promises more of the same: a commitment only with a number to check.
_CONTINUE = re.compile(r"\bcontinu(?:e|es|ing) to\b|\bkeep (?:on )?\w+ing\b", re.I)
# An intent whose object is only a pronoun ("we intend to capture it") names nothing.
_PRONOUN_END = re.compile(
    r"\b(?:it|that|this|them|so|do|there|one)\W*$|\bwhat (?:we|I) (?:\w+ )?\w+\W*$", re.I
)
# A condition's figures and dates are not the promise's ("if that goes above 10,000 a week").
_CONDITION = re.compile(r"\b(?:if|unless|once|whenever|from the point|at which)\b[^,;]*", re.I)
_IF = re.compile(r"\b(?:if|unless)\b[^,;]*", re.I)
_MULTIPLE = re.compile(r"\b(?P<w>double|triple|quadruple|tenfold)\b", re.I)
_MULTIPLES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "tenfold": 10.0}


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str  # the clause as in the source
    start: int  # offset in call.text
    end: int


def _is_commitment(clause: str, target: Figure | float | None, deadline: Deadline | None) -> bool:
    clause = _blank(_DISCOURSE, clause)
    if clause.rstrip().endswith("?") or _NOT_A_PROMISE.search(clause):
        return False
    if not _FORWARD.search(clause):
        return deadline is not None and bool(_WEAK_FORWARD.search(clause))
    if _CONTINUE.search(clause):
        return isinstance(target, Figure)
    if target is not None or deadline is not None:
        return True
    return bool(_INTENT.search(clause)) and not _PRONOUN_END.search(clause)


# --- metric names -------------------------------------------------------------------------

_METRICS = (
    "gross margin", "operating margin", "operating income", "operating loss",
    "operating cash flow", "free cash flow", "cash flow", "net income", "net loss", "EBITDA",
    "EPS", "earnings per share", "revenue", "sales", "bookings", "backlog", "ARR",
    "capital expenditures", "capex", "opex", "operating expenses", "expenses", "margin",
    "deliveries", "production", "volume", "units", "customers", "subscribers", "headcount",
    "market share", "dividend", "buyback", "share repurchase", "guidance", "investment",
    "growth", "cost", "costs", "price", "pricing", "tax rate", "leverage", "debt",
)  # fmt: skip
_METRIC = re.compile(
    r"\b(?:(?:GAAP|non-GAAP|adjusted|full-year|annual|quarterly|total|organic)\s+)*"
    r"(?:" + "|".join(re.escape(m) for m in sorted(_METRICS, key=len, reverse=True)) + r")\b",
    re.I,
)
_OBJECT = re.compile(
    r"\b(?:will|'ll|going to|gonna|expect|anticipate|plan|plans|intend|aim|on track|"
    r"committed|target)\b(?:\s+(?:to|on|for|that|be|have|see))*\s+(?P<obj>(?:[\w'-]+\s*){1,6})",
    re.I,
)


def metric_of(clause: str, target: Figure | None) -> str:
    """A short normalised name for what is promised: a known metric, else the object phrase."""
    m = _METRIC.search(clause)
    if m:
        name = " ".join(m.group(0).split()).lower()
        name = name.replace("full-year ", "").replace("annual ", "")
        name = re.sub(
            r"\bgaap\b",
            "GAAP",
            re.sub(r"\b(ebitda|eps|arr|capex|opex)\b", lambda w: w.group(0).upper(), name),
        )
        if name == "production" and target is not None and target.per:
            return "production rate"
        return name
    if target is not None and target.per:
        return f"{target.unit} rate"
    obj = _OBJECT.search(clause)
    if obj:
        return " ".join(obj.group("obj").split()).rstrip(",.").lower()
    return " ".join(clause.split()[:6]).lower()


# --- targets ------------------------------------------------------------------------------


def _target(
    clause: _Clause, figures: Sequence[Figure], deadline: Deadline | None
) -> Figure | float | None:
    """The figure a clause promises: not a duration, not the deadline, not a "100%" of certainty."""
    conditions = [
        (clause.start + m.start(), clause.start + m.end()) for m in _CONDITION.finditer(clause.text)
    ]
    for figure in figures:
        # The figure itself, not the words of context its quote takes in.
        span = figure.number or figure.span
        if not (clause.start <= span.start and span.end <= clause.end):
            continue
        if any(a <= span.start < b for a, b in conditions):
            continue
        if figure.kind is FigureKind.DURATION:
            continue
        if deadline is not None and (
            clause.start + deadline.start <= span.start < clause.start + deadline.end
        ):
            continue
        if figure.value == 100 and figure.unit == "%":
            continue  # "100%" voices certainty far more often than it sets a target
        return figure
    multiple = _MULTIPLE.search(clause.text)
    return _MULTIPLES[multiple.group("w").lower()] if multiple else None


# --- the extractor ------------------------------------------------------------------------


def _company_side(turn: Turn) -> bool:
    if turn.role is Role.EXECUTIVE:
        return True
    # Layouts that cannot tell roles leave OTHER; in prepared remarks that is the company.
    return turn.role is Role.OTHER and turn.section is SectionKind.PRESENTATION


def _units(call: Call) -> Iterator[tuple[Turn, _Clause]]:
    for turn, raw, offset in turn_slices(call):
        if not _company_side(turn):
            continue
        for s, e in split_sentences(raw):
            for a, b in clauses(raw, s, e):
                yield turn, _Clause(raw[a:b], offset + a, offset + b)


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
        call_date = call.metadata.call_date
        fy_end = self.fy_end_month or fiscal_year_end_month(call.text) or _period_year_end(call)
        figures = sorted(
            (f for f in found.get("figures", ()) if isinstance(f, Figure)),
            key=lambda f: f.span.start,
        )
        out = []
        for turn, clause in _units(call):
            commitment = _commitment(call, turn, clause, figures, call_date, fy_end)
            if commitment is not None:
                out.append(commitment)
        return tuple(group(_resolve_anaphora(out)))


def _period_year_end(call: Call) -> int:
    """The year-end month implied by the reported quarter and the call date; else December."""
    period, day = call.metadata.fiscal_period, call.metadata.call_date
    if period is None or period.year is None or period.quarter is None or day is None:
        return 12
    month = fiscal_year_end_from_period(year=period.year, quarter=period.quarter, call_date=day)
    return month or 12


def _commitment(
    call: Call,
    turn: Turn,
    clause: _Clause,
    figures: Sequence[Figure],
    call_date: dt.date | None,
    fy_end: int,
) -> Commitment | None:
    unconditional = _blank(_IF, clause.text)
    deadline = (
        find_deadline(unconditional, call_date=call_date, fy_end_month=fy_end)
        if call_date is not None
        else None
    )
    target = _target(clause, figures, deadline)
    if not _is_commitment(clause.text, target, deadline):
        return None
    voiced = confidence_of(clause.text)
    confidence, cue = voiced if voiced else (Confidence.HIGH, None)
    figure = target if isinstance(target, Figure) else None
    return Commitment(
        metric=metric_of(clause.text, figure),
        quote=" ".join(clause.text.split()),
        span=SourceSpan(clause.start, clause.end),
        confidence=confidence,
        cue=cue,
        target=figure.value if figure else target if isinstance(target, float) else None,
        high=figure.high if figure else None,
        unit=figure.unit if figure else None,
        per=figure.per if figure else None,
        deadline=deadline.date if deadline else None,
        deadline_text=deadline.text if deadline else None,
        speaker=turn.speaker,
        turn=turn.index,
    )


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
