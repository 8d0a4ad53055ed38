"""How a commitment's clause reads: a sentence cut into clauses, and one clause's forward
cue, the scope that cue governs and the confidence the clause voices.

A sentence is cut at the dashes of a spoken restart and at semicolons, and trimmed of a
leading "And"/"So" and of a trailing reason or aside (``_clauses``). A clause is then read
once (``_read``) into a ``_Reading``: its text with habits of speech ("I'd say") and
conditions ("if ...") blanked, its first forward cue, and the part of it that cue governs (up
to the next contrast or aside). Its confidence is the most guarded cue word's, an outright
certainty overriding every hedge (``_voiced``).

Separate from the judgement whether a clause is a promise (``_commitment_rules``) and from
the extractor (``commitments``): every clause of the company's speech that holds a cue word
goes through here, so this is the part laid out for speed. The case-blind patterns read most
are also run case-sensitively over the folded clause (``_folding``), and those a clause rarely
needs only where it holds their words (``_holds``); the rules use the same helpers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from callscope.extract._text import folded
from callscope.model.facts import Confidence

# Patterns tried at every character of a clause open with a lookahead of the characters their
# matches can start with, so the engine passes over any other at once; those whose matches
# start a word have one "\b" before their alternatives, which fails inside a word at once.
# "..., and we expect to generate $300 million": a second promise in one sentence
_AND_WE = (
    r",\s+and\s+(?=(?:we|I)(?:'re|'ll|’re|’ll| will| expect| anticipate| plan| are| now|"
    r" still expect| also expect| also| intend| have|'ve|’ve)\b)"
)
_RESTART = re.compile(r"(?=[\s\-—;,])(?:\s+(?:--|–|—)\s*|\s*(?:--|—)\s+|;\s+|" + _AND_WE + ")")
# ``_RESTART`` where the sentence holds none of ``_RESTART_MARKS``: only its ", and we" branch
# can match then, and this pattern, opening with a literal, is scanned for far faster.
_AND_RESTART = re.compile(_AND_WE)
# A reason or an aside after the promise is not part of it ("..., which is hard because").
_TAIL = re.compile(r"(?=[,\s])(?:,\s+which\b|,?\s+because\b)", re.I)
# A conjunction left hanging by a restart: "in the U.S. and -- but, it's ...".
_TRAIL = re.compile(r"(?=[\s,])[\s,]+(?:and|or|but|so)[\s,]*$", re.I)
_LEAD = re.compile(r"(?:(?:and|so|but|now|well|also|again|yes|okay|ok|or|then)\b[,\s]*)+", re.I)


# Text every ``_RESTART`` match holds, but for the ", and we ..." restart (a lone hyphen, as in
# "year-over-year", is none: a dash is "--", "–" or "—").
_RESTART_MARKS = ("--", "\u2013", "\u2014", ";")


def _clauses(text: str, low: str | None, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`clauses`, given ``folded(text)``. A sentence is cut and trimmed by patterns that
    would each read all of it; ``in`` checks first rule out those that cannot match."""
    sentence = text[start:end]
    out = []
    at = start
    restarts = None
    if "--" in sentence or "\u2013" in sentence or "\u2014" in sentence or ";" in sentence:
        restarts = _RESTART  # (the ``_RESTART_MARKS`` spelt out: ``any()`` costs more)
    elif "," in sentence and "and" in sentence:
        restarts = _AND_RESTART
    if restarts is not None:
        for m in restarts.finditer(text, start, end):
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
        if len(text[a:b].split(None, 2)) == 3:  # three words or more: split no further
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


# --- folding and blanking ---------------------------------------------------------------


def _straight(text: str) -> str:
    """``text`` with curly apostrophes straightened and line breaks made spaces (one character
    each, so offsets hold): a PDF's hard wrap ("I'm not\\ngoing to") reads as the space it is."""
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", "  ").replace("\n", " ").replace("\r", " ")
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


def _holds(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether ``low`` (folded text) holds one of ``words``; True where folding failed."""
    if low is None:
        return True
    for word in words:  # noqa: SIM110 (a loop: faster than any() over a generator)
        if word in low:
            return True
    return False


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
            r"(?<!above )(?<!over )(?<!than )(?<!of )(?<!least )\b100\s?%(?! of)|"
            r"\b100 percent\b(?! of)|\bfor sure\b|\b(?:0|zero|no) concerns?\b|"
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
            r"\bI (?:think|believe|guess|suspect)\b|\bI'd expect\b|\bworking assumption\b|"
            r"\bwe think\b|\bprobabl[ey]\b|\blikely\b|"
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


# --- reading a clause ---------------------------------------------------------------------

# Cues that look forward; without one a clause is a report, not a promise.
_FORWARD = re.compile(
    r"\b(?:\bwill\b|\b\w+'ll\b|(?=[gepaitowcfsrlnu'])(?:"
    r"\bgoing to\b(?!\s+(?:the|a|an|our|their|its|my|your)\b)|\bgonna\b|"
    r"\bexpect(?:s|ing)?\b|\bexpected to\b|\banticipat(?:e|es|ing)\b|\bplan(?:s|ning)? (?:to|on)\b|"
    r"\bplans? in place\b|\bintend(?:s|ing)?\b|\baim(?:s|ing)? (?:to|for)\b|\btargeting\b|"
    r"\b(?:we|I) target\b|\bon track\b|\bestimate that\b|\b(?:we|I) (?:do )?estimate\b|"
    r"\b(?:we|I)(?:'re| are)? (?:forecast|project)(?:ing)?\b|\b(?:forecast|project)ed to\b|"
    r"\bcommit(?:ted)? to\b|\bprobably\b|\bshould\b|"
    # "We plan capital spending of", "we are on pace for", "our working assumption is", "we
    # see gross margin back at 79%"
    r"\b(?:we|I) plan\b|\bon pace (?:to|for)\b|\bworking assumption is\b|"
    r"\b(?:we|I) (?:still |now )?see\s+(?:[\w-]+\s+){0,4}?back (?:at|to|above)\b|"
    # guidance given on the call ("we are raising our revenue outlook to", "Our EBITDA outlook
    # for the year rises to"): a promise voiced by its noun, not by a verb of the future
    r"(?:rais|lift|increas|narrow|reaffirm|reiterat|updat|lower|tighten)ing\s+"
    r"(?:[\w-]+\s+){0,4}?(?:guidance|outlook|targets?|goals?)\b|"
    r"we\s+(?:now\s+|again\s+|also\s+)?(?:raise|lift|increase|narrow|reaffirm|reiterate|"
    r"update|lower|tighten)\s+(?:[\w-]+\s+){0,4}?(?:guidance|outlook)\b|"
    r"(?:guidance|outlook)(?:\s+[\w-]+){0,5}?\s+(?:rises|increases|moves up|goes up)\b|"
    # a scheduled event: "the remaining 2 vessels are due in the first half of 2025", "a
    # dividend ..., to be paid in September", "ordered 400 containers for delivery in the fourth
    # quarter" (not "due to", a cause)
    r"(?:are|is|'re|'s)\s+(?:now\s+|still\s+)?(?:due|scheduled)(?=\s+(?:in|by|for|on)\b)|"
    r"to be (?:paid|delivered|completed)(?=\s+(?:in|by|on)\b)|for delivery(?=\s+(?:in|by)\b)"
    r"))",
    re.I,
)
# A condition ("if ..."), blanked before the forward cue is looked for.
_IF = re.compile(r"(?=[iuw])\b(?:if|unless|whether)\b[^,;]*", re.I)
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


# Each ``_FORWARD`` or ``_WEAK_FORWARD`` (``_commitment_rules``) match holds a plain cue word
# (``commitments._PLAIN_CUE_WORDS``), "goal", or a loose one in the form that cue takes: "plan"
# as "plan to", "we plan" ... (the second part). Looked for in the clause straightened and
# folded: blanking turns runs of two or more characters to spaces, so a word with single
# spaces that a blanked reading holds, the straightened text holds.
_FORWARD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("plan", ("plan to", "plans to", "planning to", "plan on", "plans on", "planning on",
              "plan in place", "plans in place", "we plan", "i plan")),
    ("back ", ("back at", "back to", "back above")),
    ("project", ("we project", "i project", "'re project", "are project", "projected to")),
    ("commit", ("commit to", "committed to")),
    ("hop", ("hope to", "hoping to")),
    ("assumption", ("working assumption is",)),
    ("estimate", ("estimate that", "we estimate", "i estimate", "do estimate")),
)  # fmt: skip


def _may_look_forward(text: str, plain_words: tuple[str, ...]) -> bool:
    """False where no reading (``_read``) of the clause ``text`` can find a forward or weak cue;
    True where folding fails. ``plain_words``: ``commitments._PLAIN_CUE_WORDS``."""
    low = folded(_straight(text))
    if low is None or "goal" in low or _holds(low, plain_words):
        return True
    for word, forms in _FORWARD_WORDS:  # noqa: SIM110 (as in ``_holds``)
        if word in low and _holds(low, forms):
            return True
    return False


def _read(text: str) -> _Reading:
    """A clause read once, for every test that follows (see ``_Reading``)."""
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
