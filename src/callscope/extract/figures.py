"""Figures: every number said about the business, with its value, unit, scale and rate.

One compiled-regex pass finds number tokens (digits, spelled-out numbers, fractions, "mid-60s");
light post-processing reads what follows each (a scale, a currency, a unit, a rate), drops
numbers that are names, dates or conversation ("Model 3", "2018", "1 question"), merges spoken
ranges ("3 or 4 months"), and gives a bare number the unit of an earlier figure of the same
value ("we get to 5,000" after "5,000 units a week").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from callscope.extract import _numbers as nb
from callscope.extract import _text
from callscope.extract._extractor import Fact, Found
from callscope.model.call import Call, Turn
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan

__all__ = ["FiguresExtractor", "figures_in"]

_WS = re.compile(r"\s+")

_RATE = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?P<p>day|week|month|quarter|year|annum)\b"
    r"|\s+(?P<adv>annually|yearly|monthly|weekly|daily|quarterly)\b"
    r"|\s*/\s*(?P<s>day|week|month|quarter|year)\b",
    re.IGNORECASE,
)
_COMPOUND_RATE = re.compile(r"(?:\s+[a-z]+)?\s+(?P<p>day|week|month|quarter|year)\b")
_QUALIFIER = re.compile(
    r"\b(?P<q>approximately|approx\.|about|around|roughly|nearly|almost|over|more\s+than|"
    r"less\s+than|fewer\s+than|under|close\s+to|closer\s+to|up\s+to|north\s+of|south\s+of|"
    r"in\s+excess\s+of|above|below|at\s+least|at\s+most|just\s+over|just\s+under|upwards\s+of|"
    r"on\s+the\s+order\s+of|in\s+the\s+order\s+of|some|an\s+estimated|circa)\s+$",
    re.IGNORECASE,
)
_QUALIFIER_END = nb.words(
    "approximately approx. about around roughly nearly almost over than under to of above "
    "below least most some estimated circa"
)
_TIME_OF_DAY = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)", re.IGNORECASE)
_A_OR_TWO = re.compile(r"\ban?\s+(?P<u>day|week|month|quarter|year)\s+or\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHS = nb.words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_PER = {"annum": "year", "annually": "year", "yearly": "year", "monthly": "month"}
_PER.update({"weekly": "week", "daily": "day", "quarterly": "quarter"})


@dataclass(frozen=True, slots=True)
class _Raw:
    """A number as read, before ranges merge and before it becomes a :class:`Figure`."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: FigureKind | None  # set where the form decides it (money, percent, ratio)
    per: str | None = None
    scale: str | None = None
    qualifier: str | None = None
    high: Decimal | None = None
    spelled: bool = False
    bare: bool = False  # a plain number with no unit, scale or currency
    weak: bool = False  # kept only as one end of a range ("3 or 4 months")


def _read_all(text: str) -> list[_Raw]:
    raws: list[_Raw] = []
    for match in nb.tokens(text):
        raw = _read(text, match)
        if raw is None:
            continue
        if raws and raw.start < raws[-1].end:  # a qualifier or prefix reaching back
            continue
        raws.append(raw)
    return raws


def _read(text: str, match: re.Match[str]) -> _Raw | None:
    head = nb.head(text, match)
    if head is None:
        return None
    value, kind, unit, end = head.value, head.kind, head.currency, head.end
    if match["pct"]:
        unit, kind = "%", FigureKind.PERCENT
    if unit is None and kind is None:
        unit, kind, value, end = nb.unit_after(text, end, value)
    per, end = _rate(text, match, end, unit, kind)
    start, high = head.start, None
    if value == 2 and unit is None and kind is None:
        pair = _A_OR_TWO.search(text, max(0, start - 20), start)
        if pair:  # "a week or 2": one to two weeks
            start, value, high = pair.start(), Decimal(1), Decimal(2)
            unit, kind = pair["u"].lower(), FigureKind.DURATION
    bare = unit is None and kind is None and not head.scale and not per
    verdict = _verdict(text, match, head, unit, bare)
    if verdict == "drop":
        return None
    qualifier = None
    if start and text[start - 1].isspace() and _last_word(text, start) in _QUALIFIER_END:
        qualifier = _QUALIFIER.search(text, max(0, start - 30), start)
    return _Raw(
        start=qualifier.start() if qualifier else start,
        end=end + head.paren,
        value=-value if head.negative else value,
        unit=unit,
        kind=kind,
        per=per,
        scale=head.scale,
        qualifier=_WS.sub(" ", qualifier["q"].lower()) if qualifier else None,
        high=high,
        spelled=bool(match["words"]),
        bare=bare,
        weak=verdict == "weak",
    )


def _prev_word(text: str, at: int) -> tuple[str, int]:
    """The word just before ``at`` as printed, and where it starts; a bracket or parenthesis
    in between is skipped ("with us [30]")."""
    window = text[max(0, at - 24) : at]
    stripped = window.rstrip(" \t[(")
    if not stripped[-1:].strip():
        return "", at
    word = stripped.rsplit(None, 1)[-1]
    return word, at - len(window) + len(stripped) - len(word)


def _last_word(text: str, at: int) -> str:
    return _prev_word(text, at)[0].lower()


def _rate(
    text: str, match: re.Match[str], end: int, unit: str | None, kind: FigureKind | None
) -> tuple[str | None, int]:
    """The time unit of a rate after a figure ("a week", "per year", "annually")."""
    if kind is FigureKind.RATIO and unit is None:
        return None, end
    rate = _RATE.match(text, end)
    if rate:
        word = (rate["p"] or rate["adv"] or rate["s"]).lower()
        return _PER.get(word, word), rate.end()
    if unit is not None and unit not in nb.TIME_UNIT and text[match.end() : match.end() + 1] == "-":
        compound = _COMPOUND_RATE.match(text, end)  # "a 5,000-unit week"
        if compound:
            return compound["p"].lower(), compound.end()
    return None, end


def _verdict(text: str, match: re.Match[str], head: nb.Head, unit: str | None, bare: bool) -> str:
    """ "drop" for names, dates, times, labels, conversational counts and rhetorical zeros;
    "weak" for a number that is a figure only as one end of a range; "keep" otherwise."""
    digits = match["digits"]
    plain = not (head.currency or head.scale or unit == "%" or head.negative)
    if digits and plain and _YEAR.fullmatch(digits) and unit not in nb.TIME_UNIT:
        return "drop"  # a year: "in 2017", "fiscal 2026", "2017 earnings"
    if digits and _TIME_OF_DAY.match(text, match.end()):
        return "drop"
    if unit in nb.COUNTED_STOP or (head.value == 0 and plain):
        return "drop"
    if digits and plain and len(digits) > 4 and digits.isdigit():
        return "drop"  # "18650 cells", a code: spoken counts this large print a separator
    if plain:
        word, at = _prev_word(text, head.start)
        lower = word.lower()
        if lower.rstrip(".") in nb.LABEL_WORDS or lower in _MONTHS:
            return "drop"
        if word[:1].isupper() and word.isalpha() and not _sentence_start(text, at):
            return "drop"  # "Gigafactory 2", "Windows 10": a name with a number
    if match["words"] and head.value == 1 and plain:
        return "weak"  # "one of the", "one quarter over the next"
    if bare and (match["words"] or (head.value < 10 and "." not in (digits or ""))):
        return "weak"  # "all 3", "So 2, if I could"
    return "keep"


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] in ".?!:\n"


_RANGE_JOIN = re.compile(r"\s*-?\s*(?:to|or|through|-|–|—|and)\s*", re.IGNORECASE)
_COMMA_JOIN = re.compile(r",\s*")
_IN_JOIN = re.compile(r"\s+in\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_LIST_AFTER = re.compile(r",\s*\(?\\?[$£€]?\d|\s+(?:and|or)\s+\\?[$£€]?\d")
_LIST_BEFORE = re.compile(r"\d[%)]?,\s*$")


def _merge(raws: list[_Raw], text: str) -> list[_Raw]:
    """Join spoken ranges ("70 to 90 days", "17%, 18%") and odds ("1 in 1,000")."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        low = raws[i]
        if i + 1 < len(raws):
            merged = _join(low, raws[i + 1], text)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        if not low.weak:
            out.append(low)
        i += 1
    return out


def _join(low: _Raw, high: _Raw, text: str) -> _Raw | None:
    between = text[low.end : high.start]
    if high.weak or high.value <= low.value:
        return None
    if low.bare and high.kind in {None, FigureKind.COUNT} and _IN_JOIN.fullmatch(between):
        ratio = low.value / high.value  # "1 in 1,000 cases"
        return replace(
            low, end=high.end, value=ratio, kind=FigureKind.RATIO, weak=False, bare=False
        )
    unit, kind = high.unit, high.kind
    if unit is None and kind is None and high.scale:  # "$1.2 to 1.6 billion"
        unit, kind = low.unit, low.kind
    if (low.unit is not None and low.unit != unit) or (low.kind not in {None, kind}):
        return None
    head = text[max(0, low.start - 12) : low.start]
    if _RANGE_JOIN.fullmatch(between):
        if _FROM.search(head) or ("and" in between.lower() and not _BETWEEN.search(head)):
            return None
    elif not (
        _COMMA_JOIN.fullmatch(between)
        and high.value <= 2 * low.value
        and not _LIST_AFTER.match(text, high.end)
        and not _LIST_BEFORE.search(head)
    ):
        return None
    value = low.value
    if low.scale is None and high.scale is not None:
        value *= nb.SCALE[high.scale.lower()]
    start = low.start
    between_word = _BETWEEN.search(head)
    if between_word:
        start = low.start - len(head) + between_word.start()
    return _Raw(
        start,
        high.end,
        value,
        unit,
        kind,
        high.per,
        high.scale,
        low.qualifier or high.qualifier,
        high=high.value,
        bare=high.bare,
    )


@dataclass(frozen=True, slots=True)
class _Placed:
    """A merged number placed in the text it will be quoted from, with its clause bounds."""

    raw: _Raw
    lo: int  # the quote may not widen past these (the turn, the text)
    hi: int
    turn: Turn | None = None


# How far a bare number looks for an equal figure to take the unit of ("we get to 5,000"
# after "5,000 units a week"), and how far back for any figure ("approximately 30" after
# "70 to 90 days").
_SAME_VALUE_REACH = 15000
_NEAREST_REACH = 600
_ENDS_SENTENCE = re.compile(r"\s*[.?!]")


def _resolve(placed: list[_Placed], text: str) -> list[Figure]:
    """Figures from merged numbers; a bare number takes the unit of a nearby figure."""
    known = [item.raw for item in placed if item.raw.unit is not None]
    figures: list[Figure] = []
    for i, item in enumerate(placed):
        raw = item.raw
        if raw.unit is None and raw.kind is None:
            source = _antecedent(raw, known, bool(_ENDS_SENTENCE.match(text, raw.end)))
            if source is not None:
                raw = replace(raw, unit=source.unit, kind=source.kind, per=raw.per or source.per)
            elif raw.bare:
                continue
        kind = raw.kind or FigureKind.COUNT
        if raw.per is not None and kind in {FigureKind.COUNT, FigureKind.DURATION}:
            kind = FigureKind.RATE
        lo = max(item.lo, placed[i - 1].raw.end if i else 0)
        hi = min(item.hi, placed[i + 1].raw.start if i + 1 < len(placed) else len(text))
        start, end = _context(text, raw.start, raw.end, lo, hi)
        figures.append(
            Figure(
                value=float(raw.value),
                unit=raw.unit or "",
                kind=kind,
                quote=_WS.sub(" ", text[start:end]).strip(),
                span=SourceSpan(start, end),
                high=float(raw.high) if raw.high is not None else None,
                per=raw.per,
                scale=raw.scale,
                qualifier=raw.qualifier,
                speaker=item.turn.speaker if item.turn else None,
                turn=item.turn.index if item.turn else None,
                number=SourceSpan(raw.start, raw.end),
            )
        )
    return figures


def _antecedent(raw: _Raw, known: list[_Raw], elided: bool) -> _Raw | None:
    """The figure whose unit a bare number takes: an equal one nearby, else, where the
    number ends its sentence ("would be approximately 30."), the one just before it when of
    a like size."""
    equal = [
        other
        for other in known
        if other.value == raw.value and abs(other.start - raw.start) <= _SAME_VALUE_REACH
    ]
    if equal:
        return min(equal, key=lambda other: abs(other.start - raw.start))
    if not elided:
        return None
    before = [other for other in known if raw.start - _NEAREST_REACH <= other.end <= raw.start]
    if before and before[-1].kind is not FigureKind.MONEY:
        other = before[-1]
        if other.value > 0 and Decimal("0.2") <= raw.value / other.value <= 5:
            return other
    return None


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
                moved = replace(raw, start=raw.start + offset, end=raw.end + offset)
                placed.append(_Placed(moved, offset, end, turn))
        return tuple(_resolve(placed, call.text))


# A word of context: not across a sentence end, a semicolon or a dash (a restart in speech).
_LEFT_WORD = re.compile(r"(?<![^\s\[(])(?![-–—])[^\s.?!;–—]+\s+[\[(]?$")
_RIGHT_WORD = re.compile(r"[\])]?,?\s+(?![-–—])[^\s.?!;–—]+")
# Words of context each side: the gold quotes name the figure with the few words around it
# ("revenue of $1.29 billion", "the 25% margin on Model 3").
_LEFT, _RIGHT = 2, 3


def _context(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen a figure's span by a few words of its clause, within ``[lo, hi)``."""
    for _ in range(_LEFT):
        found = _LEFT_WORD.search(text, max(lo, start - 40), start)
        if not found:
            break
        start = found.start()
    for _ in range(_RIGHT):
        found = _RIGHT_WORD.match(text, end, hi)
        if not found:
            break
        end = found.end()
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


_EDGE = frozenset(",;:-–— \t\r\n")
