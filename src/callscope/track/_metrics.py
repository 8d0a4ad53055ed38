"""The words of comparison: whether a number is a point of comparison or looks ahead, and the
topics a call talks about.

Metric names are not made here: :func:`callscope.extract._metrics.metric_of` names figures and
commitments as they are extracted (``Figure.metric``, ``Commitment.metric``), and
:func:`normalise_metric` names user-supplied actuals the same way; both are re-exported for the
track modules. What stays is about comparing calls: :func:`is_reference` and
:func:`looks_forward` over a figure's sentence, and :func:`term_counts` and
:func:`distinctive_terms`, word lists and rules over speech.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from callscope.extract._metric_modifiers import KEEP_WORDS, STOP_WORDS
from callscope.extract._metrics import (
    forward_cue,
    is_thing,
    metric_of,
    normalise_metric,
    number_at,
    number_end,
)

__all__ = [
    "TermCounts",
    "TopicTerm",
    "distinctive_terms",
    "is_reference",
    "is_thing",
    "looks_forward",
    "metric_of",
    "normalise_metric",
    "number_at",
    "term_counts",
]

_REFERENCE_BEFORE = re.compile(
    r"\b(?:from|versus|vs\.?|compared\s+(?:to|with)|against|than)\s+(?:(?:about|approximately|"
    r"roughly|nearly|almost|just|over|under|around)\s+)?(?:negative\s+)?$",
    re.I,
)
_REFERENCE_AFTER = re.compile(
    r"\s*(?:a\s+year\s+ago|last\s+(?:quarter|year)|(?:in\s+)?the\s+(?:prior|previous|same)\s+"
    r"(?:quarter|year|period)|a\s+quarter\s+ago|previously|before)\b",
    re.I,
)
_DEADLINE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:next\s+(?:year|quarter)|by\s+(?:the\s+end|year[- ]end)|"
    r"in\s+the\s+(?:coming|next)\b)",
    re.I,
)

# A number that names a goal rather than a level: "the 1,000-a-week goal", "our 30% gross
# margin target".
_TARGET_AFTER = re.compile(
    r"(?:[\s-]+[\w/]+){0,3}?[\s-]+(?:goal|target|objective|ambition|aspiration|milestone)s?\b",
    re.I,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def is_reference(sentence: str, at: int) -> bool:
    """True where the number is a point of comparison ("up from 27.5%", "$9.9M last quarter")."""
    if _REFERENCE_BEFORE.search(sentence, 0, at):
        return True
    return bool(_REFERENCE_AFTER.match(sentence, number_end(sentence, at)))


def looks_forward(sentence: str, at: int) -> bool:
    """True where the words before the number look ahead ("we expect revenue of ..."), a
    deadline follows it, or it names a goal ("the 1,000-a-week goal")."""
    if forward_cue(sentence, 0, at):
        return True
    end = number_end(sentence, at)
    return bool(_DEADLINE_AFTER.match(sentence, end) or _TARGET_AFTER.match(sentence, end))


# --- distinctive terms ------------------------------------------------------------------------
# What a call talks about, without a tagger: lower-case words and adjacent word pairs, plurals
# folded, after a stop list of function words, conversation and earnings-call boilerplate.


@dataclass(frozen=True, slots=True)
class TopicTerm:
    """A term distinctive of one call: its count there and in the other call."""

    term: str
    count: int
    other: int


_TOPIC_STOP = STOP_WORDS | _words(
    """about above after again against also always among any anything around back because
    before below between both bit call calls can't couldn't didn't doesn't don't down during
    either else enough even ever everyone everything few from going gonna great here hi
    hello i'd i'll i'm i've into it's just kind know let let's lot lots like little look
    looking maybe mean much need okay once one ones only out part point pretty quite
    question questions rather right said same saw seeing sense should sort still sure
    thank thanks that's then there there's these thing things think though through today
    together too two three four five six seven eight nine ten twenty hundred upon us used
    using want way ways we'd we'll we're we've well what's whether why within without work
    yeah yes yet you're you've afternoon morning evening everybody everyone operator line
    instructions conference remarks forward-looking statements risks uncertainties
    materially results call's ladies gentlemen welcome listen-only session congrats
    congratulations appreciate helpful great thank-you go went done doing getting making
    taking coming talking trying saying having being giving putting starting continue
    continued continues continuing expect expected expecting talk said says tell told
    ask asked asking answer answered help helps helped time times end start level levels
    number numbers term terms side area areas piece pieces detail details color view
    cents dollars percent percentage basis january february march april may june july august
    september october november december monday tuesday wednesday thursday friday"""
)
_TOPIC_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[.,;:!?()\[\]]|\d+")


def _lemma(word: str) -> str:
    """Lower case, possessive and plural folded: "robots" -> "robot", "companies" -> "company"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def _topical(word: str) -> bool:
    if len(word) < 3 or word in _TOPIC_STOP or not word[0].isalpha():
        return False
    return word in KEEP_WORDS or not word.endswith(("ed", "ly", "n't"))


_NOUN_BEFORE = _words(
    """the a an our its their this that these those his her my your some any each every
    of in on for with about from into per new more"""
)


@dataclass(frozen=True, slots=True)
class TermCounts:
    """How often each topical word and pair is said, and which words are used as nouns."""

    counts: Counter[str]
    nouns: frozenset[str]


def term_counts(texts: Iterable[str], *, exclude: Iterable[str] = ()) -> TermCounts:
    """Counts of topical words and adjacent pairs in ``texts`` (words in ``exclude`` skipped).

    A word is a noun where it follows a determiner or a preposition at least once ("the
    buyback") or is capitalised inside a sentence ("Leipzig"); only nouns and pairs are
    topics, which keeps verbs and adjectives ("assume", "confident") out.
    """
    skip = {w.lower() for w in exclude}
    counts: Counter[str] = Counter()
    nouns: set[str] = set()
    for text in texts:
        previous: str | None = None
        before = "."
        for token in _TOPIC_TOKEN.findall(text):
            raw = token.lower()
            word = _lemma(token)
            if not _topical(raw) or not _topical(word) or raw in skip or word in skip:
                previous, before = None, raw
                continue
            counts[word] += 1
            if previous is not None:
                counts[f"{previous} {word}"] += 1
            if before in _NOUN_BEFORE or (token[0].isupper() and before not in (".", "!", "?")):
                nouns.add(word)
            previous, before = word, raw
    return TermCounts(counts, frozenset(nouns))


def distinctive_terms(
    mine: TermCounts, other: TermCounts, *, top: int = 8, least: int = 2
) -> tuple[TopicTerm, ...]:
    """The ``top`` nouns and pairs most frequent in ``mine`` and absent or rare in ``other``.

    Rare: at most a quarter as frequent. A word is left out when a chosen pair holds it and
    the pair accounts for at least half its uses ("drive motor" rather than "drive", "motor").
    """
    n, m = mine.counts, other.counts
    candidates = sorted(
        (t for t, k in n.items()
         if k >= least and m[t] * 4 <= k and (" " in t or t in mine.nouns)),
        key=lambda t: (-n[t], -t.count(" "), t),
    )  # fmt: skip
    pairs = [t for t in candidates if " " in t][: top * 2]
    chosen: list[str] = []
    for term in candidates:
        if " " not in term and any(term in p.split() and n[p] * 2 >= n[term] for p in pairs):
            continue
        if " " in term and any(w in chosen and n[w] > n[term] * 2 for w in term.split()):
            continue
        chosen.append(term)
        if len(chosen) == top:
            break
    return tuple(TopicTerm(t, n[t], m[t]) for t in chosen)
