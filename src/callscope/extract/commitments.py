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

Past the ~400-line budget: the cue lists that tell a promise from talk are long, and the
reading of a clause (its cue, scope, deadline and target) shares the private ``_Reading``.
A call has hundreds of clauses, so the work is ordered for speed: a clause without a cue word
is dropped by ``in`` checks, the cheap tests run before the deadline and target are read, the
long patterns are laid out so the engine skips most characters, and figures are looked up by
position. The case-blind patterns read most are also run case-sensitively over the folded
clause (``_folding``), and those a clause rarely needs only where it holds their words
(``_holds``). None of it changes what is found (``tests/extract/test_commitments_fast.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from callscope.extract._dates import (
    Deadline,
    FiscalCalendar,
    find_deadline,
    fiscal_year_end_from_period,
    fiscal_year_end_month,
    may_name_time,
)
from callscope.extract._extractor import Fact, Found
from callscope.extract._metrics import is_subject, metric_of, number_at
from callscope.extract._text import folded, split_sentences, turn_slices
from callscope.model.call import Call, Role, SectionKind, Turn
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind
from callscope.model.source import SourceSpan

__all__ = ["CommitmentsExtractor", "clauses", "confidence_of", "split_sentences"]

# Patterns tried at every character of a clause open with a lookahead of the characters their
# matches can start with, so the engine passes over any other at once; those whose matches
# start a word have one "\b" before their alternatives, which fails inside a word at once.
_RESTART = re.compile(
    r"(?=[\s\-—;,])(?:\s+(?:--|–|—)\s*|\s*(?:--|—)\s+|;\s+|"
    # "..., and we expect to generate $300 million": a second promise in one sentence
    r",\s+and\s+(?=(?:we|I)(?:'re|'ll|’re|’ll| will| expect| anticipate| plan| are| now)\b))"
)
# A reason or an aside after the promise is not part of it ("..., which is hard because").
_TAIL = re.compile(r"(?=[,\s])(?:,\s+which\b|,?\s+because\b)", re.I)
# A conjunction left hanging by a restart: "in the U.S. and -- but, it's ...".
_TRAIL = re.compile(r"(?=[\s,])[\s,]+(?:and|or|but|so)[\s,]*$", re.I)
_LEAD = re.compile(r"(?:(?:and|so|but|now|well|also|again|yes|okay|ok|or|then)\b[,\s]*)+", re.I)


# A character every ``_RESTART`` match holds, but for the ", and we ..." restart.
_RESTART_MARKS = ("-", "\u2013", "\u2014", ";")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at its restarts (dashes) and semicolons, leading "And"/"So" dropped."""
    return _clauses(text, folded(text), start, end)


def _clauses(text: str, low: str | None, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`clauses`, given ``folded(text)``. A sentence is cut and trimmed by patterns that
    would each read all of it; ``in`` checks first rule out those that cannot match."""
    sentence = text[start:end]
    out = []
    at = start
    if any(mark in sentence for mark in _RESTART_MARKS) or ("," in sentence and "and" in sentence):
        for m in _RESTART.finditer(text, start, end):
            out.append((at, m.start()))
            at = m.end()
    out.append((at, end))
    asides = low is None or "which" in low[start:end] or "because" in low[start:end]
    trimmed = []
    for a, b in out:
        lead = _LEAD.match(text, a, b)
        if lead:
            a = lead.end()
        tail = _TAIL.search(text, a, b) if asides else None
        if tail and len(text[a : tail.start()].split()) >= 5:
            b = tail.start()
        trail = _trail(text, a, b)
        if trail is not None:
            b = trail
        if len(text[a:b].split()) >= 3:
            trimmed.append((a, b))
    return trimmed


def _trail(text: str, a: int, b: int) -> int | None:
    """Where ``_TRAIL.search(text, a, b)`` matches, tried only where it can: its conjunction is
    the last word of ``text[a:b]`` (two or three letters), after separators where it starts.
    A separator is ``[\\s,]``, as the engine's ``\\s`` is ``str.isspace``."""
    end = b
    while end > a and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    word = end
    while word > a and not (text[word - 1].isspace() or text[word - 1] == ","):
        word -= 1
        if end - word > 3:
            return None  # longer than any conjunction
    at = word
    while at > a and (text[at - 1].isspace() or text[at - 1] == ","):
        at -= 1
    if at == word or word == end:
        return None
    return at if _TRAIL.match(text, at, b) else None


# --- confidence -------------------------------------------------------------------------

# Speech habits that look like hedges but hedge nothing: "I would say", "if I may",
# "as you may have seen", "I should clarify". Blanked before the confidence is read.
_DISCOURSE = re.compile(
    r"(?=[iwlycs])\b(?:"
    r"\b(?:I|we)(?:'d| would| should| could| might| may| want to)\s+(?:just\s+)?"
    r"(?:say|clarify|note|mention|point out|add|emphasi[sz]e|stress|remind|tell|argue|"
    r"characterize|describe|highlight)\b|\bif I (?:may|might|could)\b|\blet me\b|"
    r"\byou(?:'ll| will| may| might| could| can)? (?:have )?(?:seen|see|know|recall|remember|"
    r"notice|note|heard|read|find)\b|"
    r"\bI(?:'ll| will) (?:just )?(?:call it|say|tell you|remind you)\b|\bcall it\b|\bso to speak\b"
    r")",
    re.I,
)
_CUES: tuple[tuple[Confidence, re.Pattern[str]], ...] = (
    (
        Confidence.CERTAIN,
        re.compile(
            r"(?=[1fz0nagwc])\b(?:"
            r"\b100\s?%(?! of)|\b100 percent\b(?! of)|\bfor sure\b|\b(?:0|zero|no) concerns?\b|"
            r"\babsolutely\b|\bguarantee\b|\bwithout (?:a|any) doubt\b|\bno doubt\b|"
            r"\bcertainly will\b"
            r")",
            re.I,
        ),
    ),
    (
        Confidence.LOW,
        re.compile(
            r"(?=[mcpanhs])\b(?:"
            r"(?-i:\bmay\b)|\bmight\b|\bcould\b|\bpossibl[ey]\b|\baspiration(?:al|ally)?\b|"
            r"\bnot promising\b|\bno promises?\b|\bhopefully\b|\bmaybe\b|\bperhaps\b|\bstretch\b"
            r")",
            re.I,
        ),
    ),
    (
        Confidence.MODERATE,
        re.compile(
            r"(?=[iwplshatgm])\b(?:"
            r"\bI (?:think|believe|guess|suspect)\b|\bwe think\b|\bprobabl[ey]\b|\blikely\b|"
            r"\b(?:we|I)(?:'re| are| also| still| now| do)*\s+plan(?:ning)?\b|\bplan(?:s|ning)? "
            r"(?:to|on)\b|\bplans? in place\b|\bplanned\b|\bshould(?! expect)\b|"
            r"\bhop(?:e|es|ing)\b|\baim(?:s|ing)?\b|"
            r"\b(?:we|I)(?:'re| are| am|'m)? target(?:ing)?\b|\btargeting\b|\bintend(?:s|ing)?\b|"
            r"\bwould\b|\bwant to\b|\bgoal\b|\blook(?:ing)? to\b|\bmake sense\b"
            r")",
            re.I,
        ),
    ),
    (
        Confidence.HIGH,
        re.compile(
            r"\b(?:(?=[vcoeawi])(?:"
            r"\bvery confident\b|\bconfident\b|\bon track\b|\bexpect(?:s|ing)?\b|\bexpected to\b|"
            r"\banticipat(?:e|es|ing)\b|\b(?:we|I)(?: do)? estimate\b|\bestimated? (?:to|that)\b|"
            r"\bwill\b)|\b\w+'ll\b|(?=[gcwipf])(?:\bgoing to\b|\bgonna\b|\bcommit(?:ted)? to\b|"
            r"\b(?:we|I)(?:'re| are)? project(?:ing)?\b|\bprojected to\b|\bforecast\b|"
            r"\bguid(?:e|ing)\b))",
            re.I,
        ),
    ),
)


def _straight(text: str) -> str:
    """``text`` with curly apostrophes straightened (one character each, so offsets hold)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with ``pattern``'s matches overwritten by spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with ``spans`` (in order, apart) overwritten by spaces."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for a, b in spans:
        parts += (text[at:a], " " * (b - a))
        at = b
    parts.append(text[at:])
    return "".join(parts)


def _folding(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind ``pattern`` as a case-sensitive one with lower-case letters: over
    ``folded(text)`` it matches where ``pattern`` matches ``text`` (see ``folded``), and the
    engine, spared the case-blind comparison of every letter, runs two to three times faster.
    Escapes (``\\b``, ``\\W``) and the ``P`` of ``(?P<name>`` keep their case."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or "(?-i" in source:
        raise ValueError("only a pattern case-blind throughout can be folded")
    out = []
    at = 0
    while at < len(source):
        if source[at] == "\\" or source.startswith("(?P", at):
            step = 3 if source[at] == "(" else 2
            out.append(source[at : at + step])
            at += step
            continue
        out.append(source[at].lower() if "A" <= source[at] <= "Z" else source[at])
        at += 1
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


def _search(
    pattern: re.Pattern[str], fast: re.Pattern[str], text: str, low: str | None
) -> re.Match[str] | None:
    """``pattern.search(text)``, read as ``fast`` (``_folding(pattern)``) over ``low`` where
    ``text`` folds: the match's offsets are the same, its text is ``text``'s at them."""
    return pattern.search(text) if low is None else fast.search(low)


def confidence_of(text: str) -> tuple[Confidence, str] | None:
    """The confidence a clause voices and the cue that set it, or None where it voices none.

    A certainty cue wins outright; otherwise the most guarded cue present wins.
    """
    return _voiced(_blank(_DISCOURSE, _straight(text)))


# Each cue pattern folded, but the one with a case-sensitive part (the modal "may", not May),
# which runs only where the folded clause holds one of its words.
_CUES_FOLDED = tuple(
    None if "(?-i" in pattern.pattern else _folding(pattern) for _, pattern in _CUES
)
_LOW_WORDS = (
    "may", "might", "could", "possibl", "aspiration", "promis", "hopefully", "perhaps", "stretch"
)  # fmt: skip


def _voiced(plain: str, low: str | None = None) -> tuple[Confidence, str] | None:
    """:func:`confidence_of` a clause's ``plain`` reading (see ``_Reading``), ``low`` its
    folded form where known."""
    for (level, pattern), fast in zip(_CUES, _CUES_FOLDED, strict=True):
        if fast is not None:
            m = _search(pattern, fast, plain, low)
        else:
            m = pattern.search(plain) if _holds(low, _LOW_WORDS) else None
        if m:
            return level, plain[m.start() : m.end()]
    return None


# --- what makes a clause a commitment -------------------------------------------------------

# Cues that look forward; without one a clause is a report, not a promise. The weak ones
# (a possibility, a guess) make a commitment only with a date attached.
_FORWARD = re.compile(
    r"\b(?:\bwill\b|\b\w+'ll\b|(?=[gepaitowcfs])(?:"
    r"\bgoing to\b(?!\s+(?:the|a|an|our|their|its|my|your)\b)|\bgonna\b|"
    r"\bexpect(?:s|ing)?\b|\bexpected to\b|\banticipat(?:e|es|ing)\b|\bplan(?:s|ning)? (?:to|on)\b|"
    r"\bplans? in place\b|\bintend(?:s|ing)?\b|\baim(?:s|ing)? (?:to|for)\b|\btargeting\b|"
    r"\b(?:we|I) target\b|\bon track\b|\bestimate that\b|\b(?:we|I) (?:do )?estimate\b|"
    r"\b(?:we|I)(?:'re| are)? (?:forecast|project)(?:ing)?\b|\b(?:forecast|project)ed to\b|"
    r"\bcommit(?:ted)? to\b|\bprobably\b|\bshould\b"
    r"))",
    re.I,
)
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
    # someone else's forecast: a third party's plan, a study's trend line
    r"\b(?:they|he|she)(?:'re| are| is|'s)? (?:going to|gonna)\b|\b(?:they|he|she)(?:'ll| will)\b|"
    r"\baccording to\b|\bindicates? that\b|"
    # a topic ("what we expect to happen"), a deferral ("we'll give you more color on that"), a
    # goodbye ("see you")
    r"\bwhat (?:we|I) (?:expect|anticipate)(?:ed)? to happen\b|\bwhat (?:we|I) "
    r"(?:\w+ )?expected\b|\bgive you (?:\w+ ){0,4}(?:on|about) (?:that|this|it)\b|"
    r"\bmore (?:color|detail|transparency|clarity)\b|\bsee you\b|"
    r"\bnot (?:going to|gonna) (?:give|provide|comment|guide|talk|discuss|update|disclose)\b|"
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
_IF = re.compile(r"(?=[iuw])\b(?:if|unless|whether)\b[^,;]*", re.I)
_MULTIPLE = re.compile(r"\b(?P<w>double|triple|quadruple|tenfold)\b(?![\s-]+digits?)", re.I)
_MULTIPLES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "tenfold": 10.0}
_MULTIPLE_WORDS = tuple(_MULTIPLES)
# A promise joined to a contrast or an aside: "there are going to be pressures, but we took
# $1 billion of cost out last year". The promise's figures and dates are on its own side.
_SEGMENT = re.compile(
    r"(?=[,\s])(?:,?\s+but\s+|,\s+(?:although|though|whereas|while)\s+|"
    # a component or a cause is not the target: "$19.6 billion, including $700 million of ..."
    r",?\s+(?:including|excluding|driven by|of which)\b)",
    re.I,
)


# Named tuples rather than frozen dataclasses: a call builds thousands of each, and a frozen
# dataclass's ``__init__`` sets every field through ``object.__setattr__``.
class _Clause(NamedTuple):
    text: str  # the clause as in the source
    start: int  # offset in call.text
    end: int
    low: str | None = None  # ``text`` folded (``folded``), where that can be trusted


class _Reading(NamedTuple):
    """How a clause reads: offsets are into the clause and match the source text's."""

    plain: str  # curly apostrophes straightened, habits of speech ("I'd say") blanked
    unconditioned: str  # ``plain`` with its conditions ("if ...") blanked
    cue: int | None  # where the first forward cue outside a condition starts
    scope: tuple[int, int]  # the part of the clause that cue governs
    low: str | None = None  # ``plain`` folded (``folded``), where that can be trusted


# Words one of which every match of a pattern holds (lower-cased; the text's apostrophes
# straightened): a clause without any is spared the pattern. Most clauses hold none.
_DISCOURSE_WORDS = (
    "say", "clarify", "note", "mention", "point out", "add", "emphasi", "stress", "remind",
    "tell", "argue", "characterize", "describe", "highlight", "if i", "let me", "you",
    "call it", "so to speak",
)  # fmt: skip
_IF_WORDS = ("if", "unless", "whether")
_SEGMENT_WORDS = ("but", "though", "whereas", "while", "including", "excluding", "driven", "which")
_FORWARD_FOLDED = _folding(_FORWARD)
_INTENT_FOLDED = _folding(_INTENT)
_CONTINUE_FOLDED = _folding(_CONTINUE)
_PRONOUN_END_FOLDED = _folding(_PRONOUN_END)
_NOT_A_PROMISE_FOLDED = _folding(_NOT_A_PROMISE)


def _holds(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether ``low`` (folded text) holds one of ``words``; True where folding failed."""
    if low is None:
        return True
    for word in words:  # noqa: SIM110 (a loop: faster than any() over a generator)
        if word in low:
            return True
    return False


def _read(text: str) -> _Reading:
    straight = _straight(text)
    low = folded(straight)
    plain, plain_low = straight, low
    if _holds(low, _DISCOURSE_WORDS):
        spans = [m.span() for m in _DISCOURSE.finditer(straight)]
        plain = _blanked(straight, spans)
        plain_low = None if low is None else _blanked(low, spans)
    unconditioned, unconditioned_low = plain, plain_low
    # (blanking only takes words away: what the straightened text lacks, ``plain`` lacks)
    if _holds(low, _IF_WORDS):
        spans = [m.span() for m in _IF.finditer(plain)]
        unconditioned = _blanked(plain, spans)
        unconditioned_low = None if plain_low is None else _blanked(plain_low, spans)
    cue = _search(_FORWARD, _FORWARD_FOLDED, unconditioned, unconditioned_low)
    if cue is None:
        return _Reading(plain, unconditioned, None, (0, len(text)), plain_low)
    cuts = list(_SEGMENT.finditer(plain)) if _holds(low, _SEGMENT_WORDS) else []
    lo = max((m.end() for m in cuts if m.end() <= cue.start()), default=0)
    hi = min((m.start() for m in cuts if m.start() >= cue.end()), default=len(text))
    return _Reading(plain, unconditioned, cue.start(), (lo, hi), plain_low)


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
        if figure.value == 100 and figure.unit == "%":
            continue  # "100%" voices certainty far more often than it sets a target
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


_QUALIFIER = re.compile(r"\b(?:about|approximately|roughly|around|nearly|some)\s*$", re.I)


# --- the extractor ------------------------------------------------------------------------


def _company_side(turn: Turn) -> bool:
    if turn.role is Role.EXECUTIVE:
        return True
    # Layouts that cannot tell roles leave OTHER; in prepared remarks that is the company.
    return turn.role is Role.OTHER and turn.section is SectionKind.PRESENTATION


# Every forward cue (``_FORWARD``) and weak one (``_WEAK_FORWARD``) holds one of these words
# (its apostrophe maybe curly), so a clause with none of them is no promise: ``in`` checks on
# the folded text spare the long patterns most clauses of a call.
_CUE_WORDS = (
    "will", "'ll", "\u2019ll", "\u2018ll", "going to", "gonna", "expect", "anticipat", "plan",
    "intend", "aim", "target", "on track", "estimate", "forecast", "project", "commit",
    "probabl", "should", "may", "might", "hop", "for sure", "100%",
)  # fmt: skip
# The same check where folding cannot be trusted; no anchors, so ``pos``/``endpos`` act as a slice.
_CUE_WORD = re.compile("|".join(map(re.escape, _CUE_WORDS)), re.I)


def _has_cue_word(raw: str, low: str | None, start: int, end: int) -> bool:
    if low is None:
        return _CUE_WORD.search(raw, start, end) is not None
    part = low[start:end]
    # A loop of ``in`` checks: faster here than any() over a generator, or than one search for
    # all the words (whose first letters are most letters, so the engine can skip few).
    for word in _CUE_WORDS:  # noqa: SIM110
        if word in part:
            return True
    return False


def _units(call: Call) -> Iterator[tuple[Turn, _Clause]]:
    """The clauses of the company's speech that hold a forward cue's word (``_CUE_WORDS``)."""
    for turn, raw, offset in turn_slices(call):
        if not _company_side(turn):
            continue
        low = folded(raw)
        if not _has_cue_word(raw, low, 0, len(raw)):
            continue  # nor then has any of its sentences
        for s, e in split_sentences(raw):
            if not _has_cue_word(raw, low, s, e):
                continue
            for a, b in _clauses(raw, low, s, e):
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
            commitment = _commitment(turn, clause, figures, call_date, fy_end)
            if commitment is not None:
                out.append(commitment)
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
) -> Commitment | None:
    reading = _read(clause.text)
    if not _may_promise(reading):
        return None
    deadline = _deadline(reading, call_date, fy_end) if call_date is not None else None
    target = _target(clause, reading, figures, deadline)
    if not _is_commitment(reading, target, deadline):
        return None
    voiced = _voiced(reading.plain, reading.low)
    confidence, cue = voiced if voiced else (Confidence.HIGH, None)
    figure = target if isinstance(target, Figure) else None
    return Commitment(
        metric=_metric(clause, reading, figure),
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


def _metric(clause: _Clause, reading: _Reading, figure: Figure | None) -> str:
    """The promise's metric, named within its scope from its cue and its target's number."""
    lo, hi = reading.scope
    at = None
    if figure is not None:
        span = _place(figure)
        at = number_at(reading.plain, span.start - clause.start, span.end - clause.start)
    cue = (lo if reading.cue is None else reading.cue) - lo
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
