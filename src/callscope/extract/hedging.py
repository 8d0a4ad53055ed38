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

from callscope.extract._text import WordStartScanner, folded

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
# its time: over lower-cased text (``folded``) the scanner finds the same places fast.
_SCANNER = WordStartScanner(_by_first_letter(_ALTERNATIVES), (a[0] for a in _ALTERNATIVES))


def _spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in HEDGES.finditer(text)]``."""
    low = folded(text)
    if low is None:
        return [m.span() for m in HEDGES.finditer(text)]
    found = _SCANNER.spans(low)  # the match at every place a hedge starts
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
