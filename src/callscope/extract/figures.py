"""Figures: every number said about the business, with its value, unit, scale and rate.

One compiled-regex pass finds number tokens (digits, spelled-out numbers, fractions, "mid-60s");
light post-processing reads what follows each (a scale, a currency, a unit, a rate), drops
numbers that are names, dates or conversation ("Model 3", "2018", "1 question"), merges spoken
ranges ("3 or 4 months"), and gives a bare number the unit of an earlier figure of the same
value ("we get to 5,000" after "5,000 units a week").

Reading and merging the numbers of one text is ``_raw_figures``; this module places them in
the call, resolves bare numbers against the figures around them, and quotes and names each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from callscope.extract import _numbers as nb
from callscope.extract import _text
from callscope.extract import _units as un
from callscope.extract._extractor import Fact, Found
from callscope.extract._metrics import metric_of, number_at
from callscope.extract._raw_figures import _MONTHS, _OPENERS, _merge, _Raw, _read_all
from callscope.model.call import Call, Turn
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan

__all__ = ["FiguresExtractor", "figures_in", "name_figures"]


class _Placed(NamedTuple):
    """A merged number placed in the text it will be quoted from, with its clause bounds."""

    raw: _Raw
    lo: int  # the quote may not widen past these (the turn, the text)
    hi: int
    turn: Turn | None = None


# How far a bare number looks for an equal figure to take the unit of ("we get to 5,000"
# after "5,000 units a week"): far for a value too particular to recur by chance, near for a
# small round one ("10", "25", which recur as ages, ranks and other units); and how far back
# for any figure ("approximately 30" after "70 to 90 days").
_SAME_VALUE_REACH = 15000
_SAME_SMALL_REACH = 1500
_NEAREST_REACH = 600
_ENDS_SENTENCE = re.compile(r"\s*[.?!]")


def _resolve(placed: list[_Placed], text: str) -> list[Figure]:
    """Figures from merged numbers; a bare number takes the unit of a nearby figure."""
    names = _product_numbers(text)
    if names:  # "the 737 program", "777 freighters": a product's number counts nothing
        placed = [item for item in placed if not _named(item.raw, names)]
    known = [item for item in placed if item.raw.unit is not None]
    equals: dict[tuple[Decimal, Decimal | None], list[_Raw]] | None = None
    figures: list[Figure] = []
    last = len(placed) - 1
    for i, item in enumerate(placed):
        raw = item.raw
        if raw.unit is None and raw.kind is None:
            if equals is None:
                equals = _by_value(known)
            elided = _ENDS_SENTENCE.match(text, raw.end) is not None
            source = _antecedent(item, known, equals, elided)
            if source is not None:
                raw = raw._replace(unit=source.unit, kind=source.kind, per=raw.per or source.per)
            elif raw.bare:
                continue
        kind = raw.kind or FigureKind.COUNT
        if raw.per is not None and kind in {FigureKind.COUNT, FigureKind.DURATION}:
            kind = FigureKind.RATE
        lo = max(item.lo, placed[i - 1].raw.end if i else 0)
        hi = min(item.hi, placed[i + 1].raw.start if i < last else len(text))
        start, end = _context(text, raw.start, raw.end, lo, hi)
        turn = item.turn
        # positional, in the field order of ``Figure``: keywords cost more, for every figure
        figures.append(
            Figure(
                float(raw.value),
                raw.unit or "",
                kind,
                " ".join(text[start:end].split()),  # whitespace runs as one space, trimmed
                SourceSpan(start, end),
                float(raw.high) if raw.high is not None else None,
                raw.per,
                raw.scale,
                raw.qualifier,
                turn.speaker if turn else None,
                turn.index if turn else None,
                SourceSpan(raw.start, raw.end),
            )
        )
    return figures


# A number of three or more digits that names a product where the text writes it with a
# capital letter after it ("737 MAX", "777X", "777-F") or a capitalised word before it inside
# a sentence ("the Microsoft 365 suite", "Boeing 787"); twice, so that one "Fortune 500"
# does not rule out "500 stores".
_LONG_NUMBER = re.compile(r"[1-9](?<![\w.,$/:'’-][1-9])\d{2,4}(?![\w,.]\d|,\d)")
_NAME_AFTER = re.compile(r"[A-Z]\b|-[A-Z]|\s[A-Z]{2,}\b(?![a-z'’])")
_NAME_BEFORE = re.compile(r"[a-z,]\s(?P<w>[A-Z][a-z]+)\s$")
_NOT_NAMES = nb.words("am pm et est gmt usd eur gbp bps pp") | un.MEASURE.keys()


def _product_numbers(text: str) -> frozenset[Decimal]:
    seen: dict[str, int] = {}
    for match in _long_numbers(text):
        after = _NAME_AFTER.match(text, match.end())
        if after:
            named = after.group().strip(" -").lower() not in _NOT_NAMES
        else:
            before = _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
            named = before is not None and not _is_label_word(before["w"].lower())
        if named:
            seen[match.group()] = seen.get(match.group(), 0) + 1
    return frozenset(Decimal(number) for number, count in seen.items() if count > 1)


# Each ASCII byte to "1" for a digit, else to a space; and a run of three digits or more in
# such a copy of a text (a pattern with a literal first byte, which the engine finds quickly).
_DIGIT_MARKS = bytes(0x31 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_RUN_OF_THREE = re.compile(b"111+")


def _long_numbers(text: str) -> list[re.Match[str]]:
    """``_LONG_NUMBER.finditer(text)``, as a list. In an ASCII text a match starts a run of
    three digits or more (a digit after another is a word character, which the pattern's
    look-behind refuses), so the pattern is tried only where such a run starts, found in a
    copy of the text as bytes: scanning a call's whole text with the pattern costs several
    times more."""
    if not text.isascii():
        return list(_LONG_NUMBER.finditer(text))
    marks = text.encode("ascii").translate(_DIGIT_MARKS)
    found = []
    for run in _RUN_OF_THREE.finditer(marks):
        match = _LONG_NUMBER.match(text, run.start())
        if match is not None:
            found.append(match)
    return found


def _is_label_word(lower: str) -> bool:
    return lower in un.LABEL_WORDS or lower in _MONTHS or lower in _OPENERS


def _named(raw: _Raw, names: frozenset[Decimal]) -> bool:
    return (
        raw.value in names
        and raw.scale is None
        and raw.high is None
        and raw.kind in {None, FigureKind.COUNT}
    )


def _by_value(known: list[_Placed]) -> dict[tuple[Decimal, Decimal | None], list[_Raw]]:
    """The figures with a unit by value and high end, each list in text order: a bare number
    looks up its equals here rather than scanning every figure of the call."""
    equals: dict[tuple[Decimal, Decimal | None], list[_Raw]] = {}
    for other in known:
        equals.setdefault((other.raw.value, other.raw.high), []).append(other.raw)
    return equals


def _antecedent(
    item: _Placed,
    known: list[_Placed],
    equals: dict[tuple[Decimal, Decimal | None], list[_Raw]],
    elided: bool,
) -> _Raw | None:
    """The figure whose unit a bare number takes: an equal one nearby (a range: an equal
    range), else, where the number ends its sentence ("would be approximately 30."), the one
    just before it, said by the same speaker, when of a like size."""
    raw = item.raw
    reach = _SAME_VALUE_REACH if _particular(raw.value) else _SAME_SMALL_REACH
    equal = [
        other
        for other in equals.get((raw.value, raw.high), ())
        if abs(other.start - raw.start) <= reach
    ]
    if equal:
        return min(equal, key=lambda other: abs(other.start - raw.start))
    if not elided:
        return None
    speaker = _speaker(item)
    # the last figure (in text order) ending within reach before it, said by the same speaker
    for placed in reversed(known):
        other = placed.raw
        if raw.start - _NEAREST_REACH <= other.end <= raw.start and _speaker(placed) == speaker:
            like = other.kind is not FigureKind.MONEY and other.value > 0
            return other if like and Decimal("0.2") <= raw.value / other.value <= 5 else None
    return None


def _speaker(item: _Placed) -> str | None:
    return item.turn.speaker if item.turn else None


def _particular(value: Decimal) -> bool:
    """Whether a value is unlikely to recur by chance: 1,000 or more, or three significant
    digits ("469", "1.29")."""
    digits = value.normalize().as_tuple().digits
    return abs(value) >= 1000 or len(digits) >= 3


def figures_in(text: str, *, offset: int = 0) -> list[Figure]:
    """The figures in a piece of raw text, with spans shifted by ``offset``.

    Pure: speaker and turn are left None. Each quote is the figure with a few words of its
    clause around it. A bare number ("we get to 5,000") takes the unit of a nearby figure of
    the same value in this text, or is dropped.
    """
    placed = [_Placed(raw, 0, len(text)) for raw in _merge(_read_all(text), text)]
    figures = _resolve(placed, text)
    if not offset:
        return figures
    return [
        replace(f, span=_shift(f.span, offset), number=_shift(f.number or f.span, offset))
        for f in figures
    ]


def _shift(span: SourceSpan, offset: int) -> SourceSpan:
    return SourceSpan(span.start + offset, span.end + offset)


class FiguresExtractor:
    """Every figure said in the call's speech, with the speaker and turn that said it."""

    name = "figures"
    requires: tuple[str, ...] = ()
    produces = "figures"

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        placed: list[_Placed] = []
        for turn, text, offset in _text.turn_slices(call):
            end = offset + len(text)
            for raw in _merge(_read_all(text), text):
                placed.append(_Placed(_moved(raw, offset), offset, end, turn))
        return tuple(name_figures(call, _resolve(placed, call.text)))


def _moved(raw: _Raw, offset: int) -> _Raw:
    """``raw`` shifted by ``offset``; built directly, as ``_replace`` costs several times more
    and runs for every number of a call."""
    return _Raw(
        raw.start + offset,
        raw.end + offset,
        raw.value,
        raw.unit,
        raw.kind,
        raw.per,
        raw.scale,
        raw.qualifier,
        raw.high,
        raw.spelled,
        raw.bare,
        raw.weak,
    )


def name_figures(call: Call, figures: Iterable[Figure]) -> list[Figure]:
    """``figures`` each with the metric its sentence gives it (``_metrics.metric_of``): the
    sentence of its turn (else of the call's text) that holds its number."""
    turns = {turn.index: turn for turn in call.turns}
    # per turn (None: the whole text): its text, its sentences and their starts, split once
    split: dict[int | None, tuple[str, list[tuple[int, int]], list[int]]] = {}
    out = []
    for figure in figures:
        turn = turns.get(figure.turn) if figure.turn is not None else None
        lo, hi = (turn.span.start, turn.span.end) if turn else (0, len(call.text))
        key = turn.index if turn else None
        if key not in split:
            raw = call.text[lo:hi]
            sentences = _text.split_sentences(raw)
            split[key] = raw, sentences, [s for s, _ in sentences]
        raw, sentences, starts = split[key]
        span = figure.number or figure.span
        found = number_at(call.text, span.start, span.end)
        local = (span.start if found is None else found) - lo
        # the sentence that holds ``local``: sentences are in order and do not overlap
        i = bisect_right(starts, local) - 1
        start, end = sentences[i] if i >= 0 and local < sentences[i][1] else (0, len(raw))
        metric = metric_of(raw[start:end], figure, at=local - start) if local >= 0 else None
        out.append(figure if metric == figure.metric else _named_as(figure, metric))
    return out


def _named_as(figure: Figure, metric: str | None) -> Figure:
    """``figure`` with ``metric``, built directly (``dataclasses.replace`` costs more)."""
    return Figure(
        figure.value,
        figure.unit,
        figure.kind,
        figure.quote,
        figure.span,
        figure.high,
        figure.per,
        figure.scale,
        figure.qualifier,
        figure.speaker,
        figure.turn,
        figure.number,
        metric,
    )


# A word of context: not across a sentence end, a semicolon or a dash (a restart in speech).
_LEFT_WORD = re.compile(r"(?<![^\s\[(])(?![-–—])[^\s.?!;–—]+\s+[\[(]?$")
# Words of context each side: the gold quotes name the figure with the few words around it
# ("revenue of $1.29 billion", "the 25% margin on Model 3").
_LEFT, _RIGHT = 3, 3
# The words on the right in one match: a greedy repeat takes each word as long as one match
# of a single word would, so this ends where ``_RIGHT`` such matches in turn would.
_RIGHT_WORDS = re.compile(rf"(?:[\])]?,?\s+(?![-–—])[^\s.?!;–—]+){{1,{_RIGHT}}}")


def _context(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen a figure's span by a few words of its clause, within ``[lo, hi)``."""
    for _ in range(_LEFT):
        # ``_LEFT_WORD.search(text, max(lo, start - 40), start)``, tried first over the last
        # few characters: a word found there after a space is the one the wide search finds,
        # as a word found further back would have to take in that space, which only the
        # closing bracket may follow ("by [\n"); a bracket may also come before a word inside
        # another ("sales(ex-FX) "). Else, or where none is found, the wide search. Written
        # out here, with no ``max``: this runs three times for every figure.
        wide = start - 40 if start - 40 > lo else lo
        found = _LEFT_WORD.search(text, start - 16, start) if start - 16 > wide else None
        if found is not None:
            at = found.start()
            if text[at - 1] in _BRACKETS or text[at] in _BRACKETS:
                found = None
        if found is None:
            found = _LEFT_WORD.search(text, wide, start)
            if found is None:
                break
        start = found.start()
    right = _RIGHT_WORDS.match(text, end, hi)
    if right:
        end = right.end()
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


_EDGE = frozenset(",;:-–— \t\r\n")
_BRACKETS = frozenset("[(")
