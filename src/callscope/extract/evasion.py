"""Non-answers: an executive declining, deferring or deflecting an analyst's question.

Three kinds, after Gow, Larcker & Zakolyukina (2021), "Non-answers during conference calls":

- ``refuse``: the speaker will not say ("we don't disclose that", "I won't comment",
  "we're not going to give guidance on", "we don't break that out");
- ``unable``: the speaker cannot say ("we don't know yet", "too early to tell",
  "I don't have that number in front of me", "hard to quantify");
- ``defer``: the speaker will say later or elsewhere ("we'll talk about that at investor
  day", "more color next quarter", "let's take it offline", "get back to you").

The cues are phrase patterns built from a few grammatical parts (a first-person subject, a
negation, a verb of telling or knowing, an object that names information) rather than a
list of one-off sentences, so that they carry over to calls they were not written from.
A cue can be unmade by its sentence: "I don't know" as a filler ("we'll hire, I don't know,
maybe 50") or a hand-over ("I don't know if Mike wants to add anything"), doubt about the
question rather than the answer, a hedge on a claim that follows ("I'm not sure it would
differ"), or past narrative ("the thing we didn't talk about"); see ``_aside``.
Which patterns to keep was checked by repeated stratified cross-validation, with selection
redone inside each fold, on the labelled responses of the Gow-Larcker-Zakolyukina training
half (``callscope eval --non-answers``): dropping low-precision patterns did not raise the
held-out F1, so all are kept. The cue table, with beside it the words each cue needs (so that a
cue runs only where it can match), is in ``_evasion_cues``; here are the rules that use it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from callscope.extract._evasion_cues import _ANCHORS, _CUE_SOURCES
from callscope.extract._extractor import Fact, Found
from callscope.extract._text import WordStartScanner, quote
from callscope.model.call import Call, Role
from callscope.model.facts import NonAnswer
from callscope.model.source import SourceSpan

__all__ = ["CUES", "Cue", "NonAnswerHit", "NonAnswersExtractor", "classify_response", "find_all"]


@dataclass(frozen=True, slots=True)
class NonAnswerHit:
    """One non-answer cue found in a response.

    ``start``/``end`` bound the cue words in the text given; ``clause_start``/``clause_end``
    bound the sentence or clause that holds them (what a fact quotes).
    """

    kind: str
    cue: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    pattern: str  # the name of the pattern in ``CUES`` that fired


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    kind: str
    regex: re.Pattern[str]


CUES: tuple[Cue, ...] = tuple(
    Cue(name, kind, re.compile(source, re.IGNORECASE)) for name, kind, source in _CUE_SOURCES
)

# ---- where a cue can match ---------------------------------------------------------------
# Running thirty case-blind patterns over every answer costs ten times a plain pass over its
# words, so each cue runs only where it can match. No cue consumes a ".", "?" or "!" (only a
# lookahead reads past one), so a match lies inside one stretch between such marks; and each
# needs some words ("I don't know" needs a negation and "know"). ``_ANCHORS`` holds, for each
# cue, groups of such words read off its pattern: every match holds a word of each group.
# One pass finds the words of each cue's first group (the rarest in the fixtures); a stretch that
# holds one and a word of each other group is searched for the cue, with the text cut at the
# stretch's end: the lookaheads read that end as the text's, which changes no match.
# Words found inside a word ("don't", "we'll"); each other word of a first group starts a word
# in any match (it follows a space or a "\b" in its pattern), so it is looked for only there.
_INSIDE = ("n't", "'ll")


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a prefix tree: the engine tries each letter once, and at a
    position takes the longest word there."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_FIRST = tuple(frozenset(_ANCHORS[cue.name][0].split()) for cue in CUES)
_REST = tuple(tuple(tuple(group.split()) for group in _ANCHORS[cue.name][1:]) for cue in CUES)
_STARTS = frozenset().union(*_FIRST).difference(_INSIDE)
# Where a cue's first word opens a word of the text (see WordStartScanner).
_FIRST_WORDS = WordStartScanner(_trie(_STARTS), (word[0] for word in _STARTS))
# The word found at a position (the longest there) stands for every first word it starts
# with: a bit mask of the cues whose first group it is in.
_CUES_OF: dict[str, int] = {
    found: sum(
        1 << index
        for index, group in enumerate(_FIRST)
        if any(found.startswith(word) and (word in _INSIDE) == (found in _INSIDE) for word in group)
    )
    for found in _STARTS | frozenset(_INSIDE)
}
_STOP = re.compile(r"[.?!]")
# The letters that a case-blind pattern letter matches beyond its two cases
# ("K", the Kelvin sign, matches "k"): folded to it so that the anchors see them.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """Lower case, same length: what the anchors are looked for in."""
    if text.isascii():
        return text.lower()
    text = text.translate(_FOLD)
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is two characters: kept as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _first_words(low: str) -> Iterator[tuple[int, str]]:
    """Where each first word of a cue is in ``low`` (position, word), in no set order."""
    for start, end in _FIRST_WORDS.spans(low):
        yield start, low[start:end]
    for word in _INSIDE:
        at = low.find(word)
        while at >= 0:
            yield at, word
            at = low.find(word, at + 1)


def _matches(norm: str) -> Iterator[tuple[Cue, re.Match[str]]]:
    """Each cue's matches in ``norm``, cue by cue in ``CUES`` order, each in text order: as
    ``cue.regex.finditer(norm)`` finds them, run only over the stretches that can hold one."""
    low = _fold(norm)
    stops: list[int] | None = None
    marked: dict[int, int] = {}  # stretch index -> bit mask of the cues it may hold
    for at, word in _first_words(low):
        if stops is None:
            stops = [stop.start() for stop in _STOP.finditer(norm)]
        stretch = bisect_right(stops, at)
        marked[stretch] = marked.get(stretch, 0) | _CUES_OF[word]
    if stops is None:
        return
    runs: list[tuple[int, int, int]] = []
    for stretch, cues in marked.items():
        start = stops[stretch - 1] + 1 if stretch else 0
        end = stops[stretch] if stretch < len(stops) else len(norm)
        piece = low[start:end]
        while cues:
            index = (cues & -cues).bit_length() - 1
            cues &= cues - 1
            for group in _REST[index]:  # (loops: generators here cost twice as much)
                for word in group:
                    if word in piece:
                        break
                else:
                    break
            else:
                runs.append((index, start, end))
    runs.sort()
    for index, start, end in runs:
        cue = CUES[index]
        for match in cue.regex.finditer(norm, start, end):
            yield cue, match


# Sentence ends: a stop, a question or exclamation mark, or a blank line (a single line break
# may be a hard wrap inside a sentence). A fact quotes the sentence that holds its cue.
_SENTENCE = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
# Clause ends inside a sentence: a dash or a semicolon. Used only where a run-on sentence
# (some transcripts barely punctuate) is too long to be a useful quote.
_CLAUSE = re.compile(r"[.!?](?=\s|$)|\s--?\s|\s[\u2014\u2013]\s|\n\s*\n|;")
_LONG = 400

# Cues whose sentences are at most this many characters apart are one non-answer.
_NEAR = 40

# ---- context that unmakes a cue ----------------------------------------------------------
# "I don't know" as a filler: bracketed by commas ("you've got, I don't know, 100 labs"),
# or leading into a guess ("I don't know, $100 billion") or a rhetorical "how else".
_FILLER_AFTER = re.compile(
    r"\s*[,\u2014\u2013-]+\s*(?:\$?\d|maybe|probably|perhaps|about|around|roughly|"
    r"approximately|something|somewhere|say\b|call\s+it|like\b|how\s+else|what\s+else)"
    r"|,?\s+how\s+else\b",
    re.IGNORECASE,
)
_COMMA_BEFORE = re.compile(r"(?:,|\blike)\s*$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_SINGULAR = re.compile(r"i\b", re.IGNORECASE)
# Handing the question to a colleague: "I don't know if Mike wants to add anything?"
_HANDOFF = re.compile(
    r"\b(?:to\s+add|add\s+(?:anything|something|to\s+that)|anything\s+else)\b", re.IGNORECASE
)
# Unsure about the question, not the answer: "I can't remember what your question was".
_ABOUT_QUESTION = re.compile(
    r"\W*(?:if|whether|that|what)\s+(?:\w+\s+){0,6}?(?:question|asked)\b", re.IGNORECASE
)
# Past narrative, not refusal: "the other thing we didn't talk about", "if we didn't get
# into that in detail" (but "we did not disclose any guidance" still refuses).
_PAST_TALK = re.compile(
    r"\b(?:didn't|did\s+not)\s+(?:\w+\s+)?(?:talk|speak|spoke|mention|discuss|get|got|go|"
    r"went|touch|cover)",
    re.IGNORECASE,
)
_KNOWING = frozenset({"dont_know", "not_sure", "dont_recall"})


def _aside(text: str, name: str, start: int, end: int, clause_end: int) -> bool:
    """True where the cue at ``[start, end)`` is, in its sentence, no non-answer."""
    cue = text[start:end]
    if name == "neg_tell":
        return _PAST_TALK.search(cue) is not None
    if name not in _KNOWING:
        return False
    rest = text[end:clause_end]
    if _HANDOFF.search(rest) or _ABOUT_QUESTION.match(rest):
        return True
    if name == "not_sure" or not _SINGULAR.match(cue):
        return False
    bracketed = _COMMA_BEFORE.search(text, 0, start) and _COMMA_AFTER.match(rest)
    return bool(bracketed) or _FILLER_AFTER.match(rest) is not None


def _normalise(text: str) -> str:
    """Straight apostrophes for curly ones; same length, so offsets still hold."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """The stretch between the ``boundary`` marks around ``[start, end)``, trimmed."""
    left = 0
    for before in boundary.finditer(text, 0, start):
        left = before.end()
    after = boundary.search(text, end)
    if after is None:
        right = len(text)
    else:  # keep a sentence's own stop; leave a dash or blank line out
        right = after.end() if text[after.start()] in ".!?" else after.start()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``; in an overlong sentence, the clause."""
    left, right = _bounds(text, start, end, _SENTENCE)
    if right - left > _LONG:
        return _bounds(text, start, end, _CLAUSE)
    return left, right


def find_all(text: str) -> tuple[NonAnswerHit, ...]:
    """Every non-answer in ``text``, in order of position.

    Cues in one sentence are one non-answer (the first cue names it); so are cues in
    sentences a few words apart ("We don't know. Right? We don't know."), whose clause then
    spans them all. A cue its sentence unmakes (a filler "I don't know, maybe 10%", a
    hand-over "I don't know if Mike wants to add anything") is dropped.
    """
    norm = _normalise(text)
    found: list[NonAnswerHit] = []
    for cue, m in _matches(norm):
        left, right = _clause(norm, m.start(), m.end())
        if _aside(norm, cue.name, m.start(), m.end(), right):
            continue
        found.append(
            NonAnswerHit(
                kind=cue.kind,
                cue=text[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                clause_start=left,
                clause_end=right,
                pattern=cue.name,
            )
        )
    found.sort(key=lambda hit: (hit.clause_start, hit.start))
    merged: list[NonAnswerHit] = []
    for hit in found:
        if merged and hit.clause_start - merged[-1].clause_end <= _NEAR:
            last = merged[-1]
            end = max(last.clause_end, hit.clause_end)
            merged[-1] = dataclasses.replace(last, clause_end=end)
        else:
            merged.append(hit)
    return tuple(merged)


def classify_response(text: str) -> NonAnswerHit | None:
    """The first non-answer in a manager's response, or None where it answers."""
    hits = find_all(text)
    return hits[0] if hits else None


class NonAnswersExtractor:
    """Non-answers in the executives' answer turns of each Q&A exchange."""

    name = "non_answers"
    requires: tuple[str, ...] = ()
    produces = "non_answers"

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        facts: list[Fact] = []
        for exchange in call.exchanges:
            for index in exchange.answer_turns:
                turn = call.turns[index]
                if turn.role is not Role.EXECUTIVE:
                    continue
                raw = call.turn_source(turn)
                for hit in find_all(raw):
                    span = SourceSpan(
                        turn.span.start + hit.clause_start, turn.span.start + hit.clause_end
                    )
                    facts.append(
                        NonAnswer(
                            quote=quote(call, span),
                            span=span,
                            kind=hit.kind,
                            cue=" ".join(hit.cue.split()),
                            speaker=turn.speaker,
                            turn=turn.index,
                            exchange=exchange.index,
                        )
                    )
        return tuple(facts)
