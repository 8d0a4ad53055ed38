"""The modifier chain: which content words just before a metric term belong to its name.

"software and services revenue", "non-GAAP operating loss": the words read back from a term
until a stop word (``STOP_WORDS``: function words, reporting verbs, magnitudes, generic
qualifiers), a verb form (but ``KEEP_WORDS``), a number or, where asked, a proper name.
Separate from the naming rules (``_metrics``) because it is one self-contained reading, used
by every rule that names a term, and its word lists are long (the commitment tracker reads
them too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from callscope.extract._metric_terms import _OPENING, _TOKEN, _words

__all__ = ["KEEP_WORDS", "STOP_WORDS"]

# Words that end a modifier chain: function words, verbs and adverbs of reporting, time words,
# magnitudes, and generic or evaluative qualifiers that do not change what is measured.
STOP_WORDS = _words(
    """a an the our their its his her my your this that these those we i you they it he she
    of in on at for to from by with as and or but so than then also still now just only
    is are was were be been being has have had do does did will would should could can may
    might must shall up down about around roughly approximately nearly almost over under
    total overall reported record strong solid healthy robust good great better best higher
    lower weaker full-year annual quarterly consolidated year quarter month week day first
    second third fourth last next prior previous current same period fiscal full half
    million billion thousand percent per each every all some more most less least very
    really further another other while which who whose where when what how if not no
    make makes made account accounts accounted represent represents represented came come
    comes stood reached reach ended grew rose fell improved averaged totaled totalled
    narrowed widened increased decreased declined exited added shipped delivered generated
    produced contributed remain remains remained get got including included expect expects
    anticipate see sees hold holds keep give gave provide guide raise reach deliver drive
    carry say think believe reduce took take off basis points bps ago since into onto like
    across through within without between among toward towards via after before during
    until upon beyond versus vs high low mid single double digit digits double-digit
    single-digit triple-digit"""
)  # fmt: skip
# Verb forms ("-ed", "-ing") are not modifiers, except these adjectives and nouns.
KEEP_WORDS = _words(
    """adjusted diluted annualized normalized weighted combined operating recurring existing
    outstanding remaining manufacturing marketing advertising lending banking trading housing
    shipping licensing consulting processing pricing funding"""
)  # fmt: skip


# The same few thousand words are tested for every number of a call.
@lru_cache(maxsize=4096)
def _content(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if not word[0].isalpha() or low in STOP_WORDS or any(c.isdigit() for c in word):
        return False
    if "'" in low and not (low.endswith("'s") and word[0].isupper()):
        return False  # "we're", "it's"; a name's possessive ("Europe's") is kept
    return low in KEEP_WORDS or not low.endswith(("ed", "ing", "ly"))


def _modifiers(
    sentence: str, start: int, floor: int = 0, limit: int = 3, *, names: bool = True
) -> tuple[int, str]:
    """The content words just before ``start`` and after ``floor`` (at most ``limit``, one
    inner "and"); returns where they begin and the words, lower-cased. Without ``names``, a
    capitalised word inside the sentence (a product, a place) ends them; "GAAP" does not."""
    # The words are read from the last ``_WINDOW`` characters first (from a whitespace there,
    # where the tokens are those read from ``floor``, as no token holds a space), and from
    # ``floor`` only where the chain may reach further back.
    lo = max(floor, start - _WINDOW)
    space = _SPACE.search(sentence, lo - 1, start) if lo > floor else None
    lo = space.end() if space is not None else floor
    while True:
        words = list(_TOKEN.finditer(sentence, lo, start))
        first, chain, stop = _chain(sentence, words, start, limit, names)
        if stop > 0 or lo == floor:
            return first, chain
        lo = floor


_WINDOW = 40
_SPACE = re.compile(r"\s")


def _chain(
    sentence: str, words: list[re.Match[str]], start: int, limit: int, names: bool
) -> tuple[int, str, int]:
    """``_modifiers`` over its words; also the index it stopped at, where 0 or less means
    that it read the first of ``words`` or would have gone on before it."""
    chain: list[str] = []
    first = start
    used_and = False
    i = len(words) - 1
    while i >= 0 and len(chain) - used_and < limit:
        word = words[i].group()
        inner_and = word.lower() in ("and", "&") and chain and not used_and and i > 0
        if inner_and and _content(words[i - 1].group()):
            chain.insert(0, "and")
            used_and = True
            i -= 1
            continue
        if not _content(word) or (not names and _proper(sentence, words[i].start(), word)):
            break
        chain.insert(0, word.lower())
        first = words[i].start()
        i -= 1
    if chain and chain[0] == "and":
        chain.pop(0)
    return first, " ".join(chain), i


def _proper(sentence: str, at: int, word: str) -> bool:
    """A capitalised word inside the sentence: a name, not a kind of measure."""
    if not word[0].isupper() or "gaap" in word.lower():
        return False
    return not _OPENING.search(sentence, 0, at)
