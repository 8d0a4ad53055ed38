"""Helpers every extractor uses to walk a call's speech with source offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from callscope.model.call import Call, Turn
from callscope.model.source import SourceSpan

__all__ = ["folded", "quote", "split_sentences", "turn_slices"]

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


# --- sentences --------------------------------------------------------------------------
# Hand-written: the transcripts are speech, full of restarts, initials ("J.B."), "U.S." and
# decimals; a dozen lines handle them, where a tokenizer library would be a heavy dependency.

_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc",
     "plc", "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "a.m", "p.m"}
)  # fmt: skip
# The lookahead names every first character the alternatives can start with, so the engine
# skips other characters at once instead of trying each alternative on each one.
_END = re.compile(r"(?=[.!?…\n])(?:(?:[.!?]+|\.\.\.|…)[\"'’”)\]]*(?=\s+|$)|\n[ \t]*\n)")
_DOTTED = re.compile(r"^(?:[a-z]\.)+[a-z]?$")
# Text broken by a blank line, with no end punctuation before it and a lower-case word after.
_OPEN = re.compile(r"[\w,]\s*$")
_MID_SENTENCE = re.compile(r"\s*[a-z]")
_STARTER = re.compile(r"\s+(?:We|I|And|So|But|The|It|This|That|Our|In|As|Now|Yes|No)\b")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if (
            m.group(0).startswith("\n")
            and _MID_SENTENCE.match(text, m.end())
            and _OPEN.search(text, start, m.start())
        ):
            continue  # a PDF line break mid-sentence: "what we expect to happen in the\n\nmacro"
        if m.group(0).startswith(".") and not m.group(0).startswith("..."):
            token = _last_word(text, start, m.start()).lower()
            initial = len(token) == 1 and token.isalpha()
            # "U.S", "J.B": an abbreviation unless a sentence follows (a number is not one)
            dotted = "." in token and bool(_DOTTED.match(token))
            if token in _ABBREVIATIONS or initial or (dotted and not _STARTER.match(text, m.end())):
                continue
        _append(out, text, start, m.end())
        start = m.end()
    _append(out, text, start, len(text))
    return out


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
