"""Helpers every extractor uses to walk a call's speech with source offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from callscope.model.call import Call, Turn
from callscope.model.source import SourceSpan

__all__ = [
    "WordStartScanner",
    "folded",
    "quote",
    "search_ending",
    "split_sentences",
    "turn_slices",
    "word_starts",
]

_WS = re.compile(r"\s+")


def turn_slices(call: Call) -> Iterator[tuple[Turn, str, int]]:
    """Each turn with its raw speech text and the offset of that text in ``call.text``.

    Offsets found in the slice plus the returned offset are offsets into ``call.text``.
    """
    for turn in call.turns:
        yield turn, call.text[turn.span.start : turn.span.end], turn.span.start


def quote(call: Call, span: SourceSpan) -> str:
    """The source text of a span with whitespace runs collapsed (the gold ``quote`` form)."""
    return _WS.sub(" ", call.text[span.start : span.end]).strip()


# --- literal pre-checks ---------------------------------------------------------------------
# The characters IGNORECASE matching equates with an ASCII letter that ``str.lower`` does not
# map to it ("ſ" is "s", "ı" is "i"), or maps to two characters ("İ"), shifting offsets.
_FOLD_BREAKERS = ("\u0130", "\u0131", "\u017f")


def folded(text: str) -> str | None:
    """``text`` lower-cased with its offsets kept, for cheap ``in`` checks before a slow
    pattern: an ASCII word is in ``folded(text)[a:b]`` exactly where an IGNORECASE pattern
    would find it in ``text[a:b]``. None where a rare character breaks that; check
    with the pattern itself then."""
    if not text.isascii() and any(c in text for c in _FOLD_BREAKERS):
        return None
    return text.lower()


# --- patterns that end where a number starts ----------------------------------------------
# A pattern anchored at the end of ``text[:end]`` ("grew by about $" before a number) searched
# from 0 tries every character before ``end``; once per number of a sentence, that is most of
# the cost of naming figures. Such a pattern can only start where one of its first words
# starts: those places, found once per text by a pattern whose branches each open with a
# literal letter (which lets the engine skip every other character), are all it need try.


def word_starts(words: Iterable[str], *, after: str = "", space: bool = False) -> re.Pattern[str]:
    """A pattern that matches the first character of each place in lower-case text where one
    of the lower-case ``words`` starts; ``finditer`` yields every such place, overlapping ones
    too, as each match is one character long. ``after`` (the inside of a character class of
    ASCII characters) keeps only places not after one of those characters, and ``space`` only
    words followed by whitespace: as a character that ``str.lower`` makes ASCII is ASCII or a
    letter, "a-z0-9_" in ``after`` keeps every place where ``\\b`` would hold."""
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    then = r"\s" if space else ""
    branches = []
    for first, tails in rests.items():
        char = re.escape(first)
        before = f"(?<![{after}]{char})" if after else ""
        branches.append(f"{char}{before}(?=(?:{'|'.join(tails)}){then})")
    return re.compile("|".join(branches))


def search_ending(
    pattern: re.Pattern[str], starts: Iterable[int], text: str, end: int
) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern that can only start at one of ``starts``
    (ascending): the first of them where it matches. ``match`` at a position sees the text
    before it (``\\b``, lookbehinds) as ``search`` does, so the result is the same."""
    for at in starts:
        if at >= end:
            break
        found = pattern.match(text, at, end)
        if found is not None:
            return found
    return None


class WordStartScanner:
    """Every place where ``body`` (a pattern over lower-cased text whose alternatives open
    with ASCII letters among ``openers``) matches at the start of a word, overlapping places
    too: ``[m.span() for each word start where re.compile(r"(?<!\\w)" + body) matches]``.

    Tried at every word start, such a pattern is the cost of a scan; found fast instead.
    Places after a space are found by a pattern led by that literal, which the engine finds
    by its fast scan (a leading class or lookbehind is tried at every character); the few
    after another non-word character, or at the start, are tried where a byte table of the
    text marks a non-word character before an opening letter.
    """

    def __init__(self, body: str, openers: Iterable[str]) -> None:
        self._after_space = re.compile(" (?P<at>" + body + ")")
        self._at_start = re.compile(r"(?<!\w)" + body)
        first = frozenset(openers)
        # ASCII-encoded text (a "?" for other characters) -> "f" for an opening letter, "w"
        # for another word character, " " for a space, "#" for the rest.
        self._classes = bytes(
            ord(
                "f" if chr(c) in first
                else "w" if chr(c).isalnum() or c == ord("_")
                else " " if c == ord(" ")
                else "#"
            )
            if c < 128 else ord("#")
            for c in range(256)
        )  # fmt: skip

    def spans(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of the match at each word start of ``low`` where there is one."""
        found = []
        m = self._after_space.search(low)
        while m is not None:
            found.append(m.span("at"))
            m = self._after_space.search(low, m.start("at"))
        # (one "#" before the text, so that a word at its start follows one too)
        classes = b"#" + low.encode("ascii", "replace").translate(self._classes)
        at = classes.find(b"#f")  # the class of ``low[at - 1]`` is at ``at``, of ``low[at]`` after
        while at >= 0:
            m = self._at_start.match(low, at)
            if m is not None:
                found.append(m.span())
            at = classes.find(b"#f", at + 1)
        return found


# --- sentences --------------------------------------------------------------------------
# Hand-written: the transcripts are speech, full of restarts, initials ("J.B."), "U.S." and
# decimals; a dozen lines handle them, where a tokenizer library would be a heavy dependency.

_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc",
     "plc", "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "a.m", "p.m"}
)  # fmt: skip
# Each branch opens with a literal, so the engine skips every other character at once (a
# lookahead naming the first characters, or a class, does not let it). "[.!?]+" is split by
# its first character; a run of "..." is read by it as before (a branch "\.\.\." could only
# match where "[.!?]+" already had).
_CLOSE = r"""[\"'’”)\]]*(?=\s+|$)"""
_END = re.compile(rf"\.[.!?]*{_CLOSE}|![.!?]*{_CLOSE}|\?[.!?]*{_CLOSE}|…{_CLOSE}|\n[ \t]*\n")
_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?$")
# Text broken by a blank line, with no end punctuation before it and a lower-case word after.
_OPEN = re.compile(r"[\w,]\s*$")
_MID_SENTENCE = re.compile(r"\s*[a-z]")
_STARTER = re.compile(r"\s+(?:We|I|And|So|But|The|It|This|That|Our|In|As|Now|Yes|No)\b")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed."""
    return list(_split(text))


# Figures and commitments split the same turns of a call: the splits of the last few hundred
# texts are kept (more than a call has turns).
@lru_cache(maxsize=512)
def _split(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end, mark = m.end(), m.group()
        if mark[0] == "\n":
            if _MID_SENTENCE.match(text, end) and _OPEN.search(text, start, m.start()):
                continue  # a PDF line break mid-sentence: "expect to happen in the\n\nmacro"
        elif mark[0] == "." and not mark.startswith("...") and _abbreviation(text, start, m):
            continue
        _append(out, text, start, end)
        start = end
    _append(out, text, start, len(text))
    return tuple(out)


_ABBREVIATION_ENDS = frozenset(word[-2:] for word in _ABBREVIATIONS)


def _abbreviation(text: str, start: int, period: re.Match[str]) -> bool:
    """Whether the period ends the abbreviation, initial or dotted run ("U.S", "J.B") of the
    word before it rather than a sentence."""
    at = period.start()
    # Most periods follow two letters (so no initial or dotted run) that end no abbreviation:
    # the word before need not be read then.
    last = text[at - 2 : at] if at - start >= 2 else ""
    if last.isalnum() and last.lower() not in _ABBREVIATION_ENDS:
        return False
    token = _last_word(text, start, at).lower()
    initial = len(token) == 1 and token.isalpha()
    # "U.S", "J.B": an abbreviation unless a sentence follows (a number is not one)
    dotted = "." in token and bool(_DOTTED.match(token))
    return token in _ABBREVIATIONS or initial or (dotted and not _STARTER.match(text, period.end()))


def _last_word(text: str, start: int, end: int) -> str:
    r"""The run of word characters and dots ending ``text[start:end]``, or before one final
    newline there (as ``$`` allows): what ``re.search(r"([\w.]+)$", ...)`` finds, read from the
    end instead of tried from every start. ``\w`` is ``str.isalnum`` or "_" for the engine too."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    at = end
    while at > start and (text[at - 1].isalnum() or text[at - 1] in "._"):
        at -= 1
    return text[at:end]


def _append(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
