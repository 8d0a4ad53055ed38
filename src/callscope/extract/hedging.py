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

__all__ = ["HEDGES", "find_hedges", "hedge_count"]

# Epistemic verbs with a first-person subject: the speaker marks a claim as opinion.
_EPISTEMIC = (
    r"(?:i|we)\s+(?:think|believe|guess|suppose|suspect|feel|assume)|"
    r"(?:i|we)(?:'d|\s+would)\s+(?:say|imagine|think|guess|suspect)"
)
# Vague category markers; "what kind of", "this sort of" and the like are plain nouns, which
# find_hedges drops by the word before (a check after the match: lookbehinds tried at every
# position made this pattern the slowest part of tone scoring).
_VAGUE = r"(?P<vague>sort|kind)\s+of"
_NOUN_BEFORE = re.compile(r"(?:what|this|that|some|any|one|a|the)\s\Z", re.IGNORECASE)
_ADVERBS = (
    r"maybe|perhaps|probably|possibly|presumably|arguably|somewhat|approximately|roughly|"
    r"more\s+or\s+less|to\s+some\s+(?:extent|degree)|in\s+a\s+sense|it\s+seems|"
    r"it\s+appears|seems\s+to|appears\s+to|likely|unlikely|generally\s+speaking"
)

# The lookahead of first letters lets the engine skip most word starts without trying every
# alternative (a third of tone scoring's time went to this pattern).
HEDGES = re.compile(
    r"\b(?=[aegiklmprstuw])(?:" + _EPISTEMIC + "|" + _VAGUE + "|" + _ADVERBS + r")\b",
    re.IGNORECASE,
)


def find_hedges(text: str) -> list[tuple[int, int]]:
    """Spans of the hedges in ``text``."""
    text = text.replace("\u2019", "'")
    return [
        m.span()
        for m in HEDGES.finditer(text)
        if m.group("vague") is None
        or not _NOUN_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
    ]


def hedge_count(text: str) -> int:
    """How many hedges ``text`` holds."""
    return len(find_hedges(text))
