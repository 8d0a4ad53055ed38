"""Statements of later calls that speak of a promise: said done, or said to be off.

:func:`_statements` finds, in the company's sentences of later calls, those that name a
promise (its metric's words, or the object of its action: "open the Leipzig facility") and say
it is done ("we opened ...", "is now open") or off ("no longer expect", "on hold"). Apart
from ``_judge`` because most of it is word lists and the small grammar of a promise's verb.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from callscope.extract._dates import find_deadlines
from callscope.track import _metrics
from callscope.track._calls import _WORD, _fold, _Seen, _Sentence
from callscope.track._judge import _GENERIC, _Case, _Event, _iso

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
