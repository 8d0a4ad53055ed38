"""Hedges: words and phrases by which a speaker softens a claim ("I think", "sort of").

A small hand list, on purpose. The Loughran-McDonald word lists already give single-word
uncertainty and weak-modal rates ("may", "perhaps", "approximately"); what they cannot see is
the multi-word hedging of unscripted speech: epistemic verbs with a first-person subject
("I think", "we believe", "I guess"), vague category markers ("sort of", "kind of") and
approximators ("roughly", "more or less"). Those are the hedge types of Hyland's taxonomy that
are frequent in spoken English, and they are what tells a prepared remark from a hedged answer.
Each entry is matched as a whole phrase, case-insensitively.
"""

from __future__ import annotations

import re

from callscope.extract._text import folded

__all__ = ["HEDGES", "find_hedges", "hedge_count"]

# Epistemic verbs with a first-person subject: the speaker marks a claim as opinion.
_THINK = r"(?:think|believe|guess|suppose|suspect|feel|assume)"
_SAY = r"(?:'d|\s+would)\s+(?:say|imagine|think|guess|suspect)"
# Each alternative opens with a lower-case letter (see ``_by_first_letter``); order matters
# where two can match at one place, as the first wins.
_ALTERNATIVES = (
    r"i\s+" + _THINK,
    r"we\s+" + _THINK,
    r"i" + _SAY,
    r"we" + _SAY,
    # Vague category markers; "what kind of", "this sort of" and the like are plain nouns,
    # which find_hedges drops by the word before (a check after the match: lookbehinds tried
    # at every position made this pattern the slowest part of tone scoring).
    r"sort\s+of",
    r"kind\s+of",
    # Approximators and epistemic adverbs.
    "maybe", "perhaps", "probably", "possibly", "presumably", "arguably", "somewhat",
    "approximately", "roughly", r"more\s+or\s+less", r"to\s+some\s+(?:extent|degree)",
    r"in\s+a\s+sense", r"it\s+seems", r"it\s+appears", r"seems\s+to", r"appears\s+to", "likely",
    "unlikely", r"generally\s+speaking",
)  # fmt: skip
_VAGUE = re.compile("sort|kind", re.IGNORECASE)  # the start of a vague marker
_NOUN_BEFORE = re.compile(r"(?:what|this|that|some|any|one|a|the)\s\Z", re.IGNORECASE)

# The reference pattern, for any text.
HEDGES = re.compile(r"\b(?:" + "|".join(_ALTERNATIVES) + r")\b", re.IGNORECASE)


def _by_first_letter(alternatives: tuple[str, ...]) -> str:
    """The alternatives as one branch per first letter (each keeping its order): the engine
    reads a place's letter once instead of trying each alternative there."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + r")\b"


# Tone scoring reads every word of a call, and ``HEDGES`` tried at every word start was half
# its time. Over lower-cased text (``folded``) a case-sensitive pattern may open with a literal,
# which the engine finds by a fast scan: hedges after a space are found so, and those after
# any other character (or at the start) are matched at the places a byte table points to.
_BODY = _by_first_letter(_ALTERNATIVES)
_AFTER_SPACE = re.compile(" (?P<h>" + _BODY + ")")
_AT_WORD_START = re.compile(r"(?<!\w)" + _BODY)
_FIRST_LETTERS = frozenset(a[0] for a in _ALTERNATIVES)
# Bytes of ASCII-encoded text (a "?" for each other character) -> "f" for a letter a hedge can
# open with, "w" for any other word character, " " for a space and "#" for the rest.
_CLASSES = bytes(
    ord(
        "f" if chr(c) in _FIRST_LETTERS
        else "w" if chr(c).isalnum() or c == ord("_")
        else " " if c == ord(" ")
        else "#"
    )
    if c < 128 else ord("#")
    for c in range(256)
)  # fmt: skip


def _spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in HEDGES.finditer(text)]``."""
    low = folded(text)
    if low is None:
        return [m.span() for m in HEDGES.finditer(text)]
    found = []  # the match at every place a hedge starts, overlapping or not
    m = _AFTER_SPACE.search(low)
    while m is not None:
        found.append(m.span("h"))
        m = _AFTER_SPACE.search(low, m.start("h"))
    # (one "#" before the text, so that a hedge at its start follows one too)
    classes = b"#" + low.encode("ascii", "replace").translate(_CLASSES)
    at = classes.find(b"#f")  # the class of ``low[at - 1]`` is at ``at``, of ``low[at]`` after
    while at >= 0:
        m = _AT_WORD_START.match(low, at)
        if m is not None:
            found.append(m.span())
        at = classes.find(b"#f", at + 1)
    # finditer's order: the first match, then the first to start at or after its end, ...
    spans = []
    end = 0
    for a, b in sorted(found):
        if a >= end:
            spans.append((a, b))
            end = b
    return spans


def find_hedges(text: str) -> list[tuple[int, int]]:
    """Spans of the hedges in ``text``."""
    text = text.replace("\u2019", "'")
    return [
        (a, b)
        for a, b in _spans(text)
        if not _VAGUE.match(text, a) or not _NOUN_BEFORE.search(text[max(0, a - 5) : a])
    ]


def hedge_count(text: str) -> int:
    """How many hedges ``text`` holds."""
    return len(find_hedges(text))
