"""Figures: every number said about the business, with its value, unit, scale and rate.

One compiled-regex pass finds number tokens (digits, spelled-out numbers, fractions, "mid-60s");
light post-processing reads what follows each (a scale, a currency, a unit, a rate), drops
numbers that are names, dates or conversation ("Model 3", "2018", "1 question"), merges spoken
ranges ("3 or 4 months"), and gives a bare number the unit of an earlier figure of the same
value ("we get to 5,000" after "5,000 units a week").
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
from callscope.extract._extractor import Fact, Found
from callscope.extract._metrics import metric_of, number_at
from callscope.model.call import Call, Turn
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan

__all__ = ["FiguresExtractor", "figures_in", "name_figures"]

_WS = re.compile(r"\s+")

_RATE = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?P<p>day|week|month|quarter|year|annum)\b"
    r"|\s+(?P<adv>annually|yearly|monthly|weekly|daily|quarterly)\b"
    r"|\s*/\s*(?P<s>day|week|month|quarter|year)\b",
    re.IGNORECASE,
)
_OF_THING = re.compile(r"\s+of\s+[a-z]+(?:\s+equivalent)?", re.IGNORECASE)
# A word after "monthly", "daily"... that makes it an adjective: one that is neither a
# function word nor a verb form ("annually going forward", "daily in the US").
_ADJECTIVE_NEXT = re.compile(
    r"\s+(?!(?:a|an|the|in|on|at|to|for|of|and|or|but|by|from|with|over|through|until|"
    r"since|so|as|if|that|which|we|it|this|these|those|our|their)\b)"
    r"[A-Za-z]+(?<!ing)(?<!ed)\b(?!['’])"
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
# After a number in digits: a time of day ("9 a.m.") or a code's letter ("10-K", "7-Eleven").
_TIME_OR_CODE = re.compile(r"\s*(?i:a\.?m\.?|p\.?m\.?)(?!\w)|-[A-Z]")
_A_OR_TWO = re.compile(r"\ban?\s+(?P<u>day|week|month|quarter|year)\s+or\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHS = nb.words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_PER = {"annum": "year", "annually": "year", "yearly": "year", "monthly": "month"}
_PER.update({"weekly": "week", "daily": "day", "quarterly": "quarter"})


class _Raw(NamedTuple):
    """A number as read, before ranges merge and before it becomes a :class:`Figure`. A
    named tuple, as ``nb.Head``: one is built for every number, and a frozen dataclass costs
    several times more to build."""

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
    lowered = text.lower()
    fractions = _fractions(text, lowered)
    raws: list[_Raw] = []
    for match in nb.tokens(text, lowered):
        if fractions:  # rare: most turns have none, and skip this for every token
            while fractions and fractions[0].start <= match.start():
                raws.append(fractions.pop(0))
        raw = _read(text, match)
        if raw is None:
            continue
        if raws and raw.start < raws[-1].end:  # a qualifier or prefix reaching back
            continue
        raws.append(raw)
    return raws + fractions


# A spoken share of something named: "a third of our", "two-thirds of the", "nearly half of
# that"; not a time ("three quarters of the year", "the second half of"), a part of a unit
# ("a quarter of a point") or a period ("a quarter of investment"). Found from the
# denominator back, since "a" and "one" are everywhere.
_FRACTION = re.compile(
    r"(?P<d>half|thirds?|quarters?|fifths?)\s+of\s+"
    r"(?=(?:the|our|their|its|all|them|that|those|these|this|his|her|your|us|total)\b)"
    r"(?!(?:the|this|that|last|next)\s+(?:year|quarter|month|week|day|decade|century)\b)",
    re.IGNORECASE,
)


def _denominators(text: str, lowered: str) -> list[re.Match[str]]:
    """The matches of ``_FRACTION``, in order: each denominator word is found by ``str.find``
    in ``lowered`` (``text.lower()``) and matched there, as an alternation scanned over every
    character costs more."""
    found = []
    for word in _DENOMINATOR:
        at = lowered.find(word)
        while at >= 0:
            match = _FRACTION.match(text, at)
            if match is None and lowered[at - 1 : at] == "-":  # "owned two-thirds by"
                match = _HYPHENATED.match(text, at)
            if match and not (at and lowered[at - 1].isalpha()):
                found.append(match)
            at = lowered.find(word, at + len(word))
    return sorted(found, key=lambda match: match.start())


_HYPHENATED = re.compile(r"(?P<d>thirds?|quarters|fifths?)\b(?![\s-]+(?:year|quarter)s?\b)")
_NUMERATOR = re.compile(r"\b(?P<n>a|one|two|three|four)[ -]$", re.IGNORECASE)
_DENOMINATOR = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_NUMERATOR_VALUE = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_HALF_LEAD = nb.words("nearly almost about roughly over than just around approximately only")


def _fractions(text: str, lowered: str) -> list[_Raw]:
    found: list[_Raw] = []
    for match in _denominators(text, lowered):
        start = match.start()
        lead = _NUMERATOR.search(text, max(0, start - 6), start)
        denominator = _DENOMINATOR[nb.singular(match["d"].lower())]
        if lead:
            numerator, start = _NUMERATOR_VALUE[lead["n"].lower()], lead.start()
        elif denominator == 2 and _prev_word(text, start)[0].lower() in _HALF_LEAD:
            numerator = 1  # "nearly half of our book"
        else:
            continue
        if numerator >= denominator or (numerator > 1) != match["d"].lower().endswith("s"):
            continue
        if start and text[start - 1] in "-'’":
            continue
        value = Decimal(numerator) / denominator
        found.append(_Raw(start, match.end("d"), value, None, FigureKind.RATIO))
    return found


def _read(text: str, match: re.Match[str]) -> _Raw | None:
    head = nb.head(text, match)
    if head is None:
        return None
    digits, _, _, words, _, _, pct, _ = match.groups()
    after = match.end()
    value, kind, unit, end = head.value, head.kind, head.currency, head.end
    if pct:
        unit, kind = "%", FigureKind.PERCENT
    if unit is None and kind is None and text[end : end + 1] not in nb.NO_UNIT_NEXT:
        unit, kind, value, end = nb.unit_after(text, end, value)
    per = None
    if text[end : end + 1] not in nb.NO_UNIT_NEXT:
        per, end = _rate(text, after, end, unit, kind)
    start, high = head.start, None
    if value == 2 and unit is None and kind is None:
        pair = _A_OR_TWO.search(text, max(0, start - 20), start)
        if pair:  # "a week or 2": one to two weeks
            start, value, high = pair.start(), Decimal(1), Decimal(2)
            unit, kind = pair["u"].lower(), FigureKind.DURATION
    bare = unit is None and kind is None and not head.scale and not per
    verdict = _verdict(text, digits, words, after, head, unit, bare, end)
    if verdict == "drop":
        return None
    qualifier = None
    if start and text[start - 1].isspace() and _prev_word(text, start)[0].lower() in _QUALIFIER_END:
        qualifier = _QUALIFIER.search(text, max(0, start - 30), start)
    # positional, in field order: keywords cost more, and this runs for every number
    return _Raw(
        qualifier.start() if qualifier else start,
        end + head.paren,
        -value if head.negative else value,
        unit,
        kind,
        per,
        head.scale,
        _WS.sub(" ", qualifier["q"].lower()) if qualifier else None,
        high,
        bool(words),
        bare,
        verdict == "weak",
    )


def _prev_word(text: str, at: int) -> tuple[str, int]:
    """The word just before ``at`` as printed, and where it starts; a bracket or parenthesis
    in between is skipped ("with us [30]")."""
    window = text[at - 24 if at > 24 else 0 : at]
    stripped = window.rstrip(" \t[(")
    if not stripped[-1:].strip():
        return "", at
    word = stripped.rsplit(None, 1)[-1]
    bare = word.lstrip("[(\"'“‘")  # "your [CET 1 ratio]"
    return bare, at - len(window) + len(stripped) - len(bare)


def _rate(
    text: str, after: int, end: int, unit: str | None, kind: FigureKind | None
) -> tuple[str | None, int]:
    """The time unit of a rate after a figure ("a week", "per year", "annually"); ``after``
    is where the number's token ends, ``end`` where its unit does."""
    if kind is FigureKind.RATIO and unit is None:
        return None, end
    rate = _RATE.match(text, end)
    if rate is None and unit not in {None, "%"}:
        of = _OF_THING.match(text, end)  # "120,000 barrels of oil per day"
        rate = _RATE.match(text, of.end()) if of else None
        if rate and rate["adv"]:
            rate = None
    if rate and rate["adv"] and _ADJECTIVE_NEXT.match(text, rate.end()):
        rate = None  # "2.2 billion monthly active people": an adjective, not a rate
    if rate:
        word = (rate["p"] or rate["adv"] or rate["s"]).lower()
        return _PER.get(word, word), rate.end()
    if unit is not None and unit not in nb.TIME_UNIT and text[after : after + 1] == "-":
        compound = _COMPOUND_RATE.match(text, end)  # "a 5,000-unit week"
        if compound:
            return compound["p"].lower(), compound.end()
    return None, end


def _verdict(
    text: str,
    digits: str | None,
    words: str | None,
    after: int,
    head: nb.Head,
    unit: str | None,
    bare: bool,
    end: int,
) -> str:
    """ "drop" for names, dates, times, labels, conversational counts and rhetorical zeros;
    "weak" for a number that is a figure only as one end of a range; "keep" otherwise.
    ``digits`` and ``words`` are the token's groups, ``after`` where the token ends."""
    plain = not (head.currency or head.scale or unit == "%" or head.negative)
    if digits:
        if plain and _YEAR.fullmatch(digits) and unit not in nb.TIME_UNIT:
            return "drop"  # a year: "in 2017", "fiscal 2026", "2017 earnings"
        if plain and len(digits) > 4 and digits.isdigit():
            return "drop"  # "18650 cells", a code: spoken counts this large print a separator
        if _TIME_OR_CODE.match(text, after) or text[head.start - 1 : head.start] == "#":
            return "drop"  # "9 a.m.", "the 10-K", "8-Ks", "7-Eleven", "our #1 concern"
    if unit in nb.COUNTED_STOP and head.value < 20 and not _MEASURED_POINTS.match(text, end):
        return "drop"
    if head.value == 0 and plain:
        return "drop"
    if unit == "degree" and head.value == 360 and text[after : after + 1] == "-":
        return "drop"  # "a 360-degree view": an idiom, like "24/7"
    if plain and _is_name(text, head.start):
        return "drop"
    if words and head.value == 1 and plain:
        return "weak"  # "one of the", "one quarter over the next"
    if bare and (words or (head.value < 10 and "." not in (digits or ""))):
        return "weak"  # "all 3", "So 2, if I could"
    return "keep"


def _is_name(text: str, start: int) -> bool:
    """Whether a plain number is part of a name or a label: after a label word ("slide 5",
    "Slides 11 through 15", "Phases 1 and 2"), a month, or a capitalised word that is no
    sentence opener ("Gigafactory 2", "Windows 10", "Microsoft 365 suite")."""
    word, at = _prev_word(text, start)
    lower = word.lower().rstrip(".")
    if lower in nb.LABEL_WORDS or nb.singular(lower) in nb.LABEL_WORDS or lower in _MONTHS:
        return True
    if word[:1].isdigit() or lower in _LIST_WORDS:
        return _LABEL_LIST.search(text, max(0, start - 80), start) is not None
    if not (word[:1].isupper() and word.isalpha()):
        return False
    if not _sentence_start(text, at):
        return True
    # A capitalised sentence opener is a name where the text writes it capitalised inside a
    # sentence too, and never in lower case.
    if lower in _OPENERS or lower.endswith("ly"):
        return False
    if re.search(rf"[a-z,;] {re.escape(word)}\b", text) is None:
        return False
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is None


# "5 points of margin", "3 points higher": points measured, not points made.
_MEASURED_POINTS = re.compile(
    r"(?<=points)\s+(?:of|higher|lower|better|worse|above|below)\b", re.IGNORECASE
)
_LIST_WORDS = nb.words("and or to through")
_LIST_SEP = r"(?:,\s*(?:and\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–]\s*)"
_LABEL_LIST = re.compile(
    rf"\b(?:{'|'.join(sorted(nb.LABEL_WORDS))})s?\.?\s+\d[\d.]*(?:{_LIST_SEP}\d[\d.]*)*"
    rf"{_LIST_SEP}$",
    re.IGNORECASE,
)
# Words that open a sentence before a number without naming anything ("About 1,800 a day").
_OPENERS = (
    nb.STOP
    | _QUALIFIER_END
    | nb.words(
        "another only just all both maybe probably perhaps now then there here also plus "
        "today last next first with within during after before since until across through "
        "into up down yes no okay ok well again still yet already total roughly nearly "
        "approximately almost around about some many several i he she while when where "
        "call say let like between exactly more less fewer"
    )
)


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] in ".?!:\n"


_RESTART = re.compile(r"--|\s[—–]\s")  # "more than 70 -- 7,000 turbines": a restart
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
    if high.weak or high.value <= low.value:
        return None
    # A restart in between ("70 -- 7,000") is looked for only where a join fits: the gap
    # between two numbers can be a long stretch of text.
    between = text[low.end : high.start]
    if low.bare and high.kind in {None, FigureKind.COUNT} and _IN_JOIN.fullmatch(between):
        if _RESTART.search(between):
            return None
        ratio = low.value / high.value  # "1 in 1,000 cases"
        return low._replace(
            end=high.end, value=ratio, kind=FigureKind.RATIO, weak=False, bare=False
        )
    unit, kind = high.unit, high.kind
    if unit is None and kind is None and high.scale and low.kind in {None, FigureKind.MONEY}:
        unit, kind = low.unit, low.kind  # "$1.2 to 1.6 billion", not "13% to 11.2 billion"
    if (low.unit is not None and low.unit != unit) or (low.kind not in {None, kind}):
        return None
    head = text[max(0, low.start - 40) : low.start]
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
    if _RESTART.search(between):
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
_NOT_NAMES = nb.words("am pm et est gmt usd eur gbp bps pp") | nb.MEASURE.keys()


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
    return lower in nb.LABEL_WORDS or lower in _MONTHS or lower in _OPENERS


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
