"""Private helpers of the figures extractor: the numbers of one text, read and merged.

Each number token (``_numbers``) is read with what follows it (``_units``) and a rate ("a
week", "per year") into a :class:`_Raw`; numbers that are names, dates or conversation ("Model
3", "2018", "1 question") are dropped; spoken shares ("two-thirds of our") are added; spoken
ranges ("3 or 4 months") and odds ("1 in 1,000") are merged. Separate from ``figures``, which
places these in a call, gives a bare number the unit of a nearby figure, and quotes and names
each: this part sees one text at a time and knows nothing of turns or of other figures.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from callscope.extract import _numbers as nb
from callscope.extract import _units as un
from callscope.model.facts import FigureKind

_WS = re.compile(r"\s+")

# "a year" as a time reference ("$39.8 million a year ago", "a quarter earlier") is no rate.
_RATE = re.compile(
    r"(?:\s+|-)(?:a|an|per|each|every)(?:\s+|-)(?P<p>day|week|month|quarter|year|annum)\b"
    r"(?!\s+(?:ago|earlier|before|prior|back|later)\b)"
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
        denominator = _DENOMINATOR[un.singular(match["d"].lower())]
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
    if unit is None and kind is None and text[end : end + 1] not in un.NO_UNIT_NEXT:
        unit, kind, value, end = un.unit_after(text, end, value)
    per = None
    if text[end : end + 1] not in un.NO_UNIT_NEXT:
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
    if unit is not None and unit not in un.TIME_UNIT and text[after : after + 1] == "-":
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
        if plain and _YEAR.fullmatch(digits) and unit not in un.TIME_UNIT:
            return "drop"  # a year: "in 2017", "fiscal 2026", "2017 earnings"
        if plain and len(digits) > 4 and digits.isdigit():
            return "drop"  # "18650 cells", a code: spoken counts this large print a separator
        if _TIME_OR_CODE.match(text, after) or text[head.start - 1 : head.start] == "#":
            return "drop"  # "9 a.m.", "the 10-K", "8-Ks", "7-Eleven", "our #1 concern"
    if unit in un.COUNTED_STOP and head.value < 20 and not _measured_points(text, head, end):
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
    if lower in un.LABEL_WORDS or un.singular(lower) in un.LABEL_WORDS or lower in _MONTHS:
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
# ... and "up about 3 points", "a little under 3 points": a change or an estimate of a size,
# which no one says of the points of an argument.
_POINTS_BEFORE = re.compile(
    r"\b(?:up|down|by|under|over|rose|fell|grew|gained|lost|added|contributed|improved|"
    r"expanded|contracted|declined|increased|decreased)"
    r"(?:\s+(?:about|roughly|around|nearly|almost|approximately))?\s+$",
    re.IGNORECASE,
)


def _measured_points(text: str, head: nb.Head, end: int) -> bool:
    if _MEASURED_POINTS.match(text, end):
        return True
    return text[end - 6 : end].lower() in {" point", "points"} and bool(
        _POINTS_BEFORE.search(text, max(0, head.start - 40), head.start)
    )


_LIST_WORDS = nb.words("and or to through")
_LIST_SEP = r"(?:,\s*(?:and\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–]\s*)"
_LABEL_LIST = re.compile(
    rf"\b(?:{'|'.join(sorted(un.LABEL_WORDS))})s?\.?\s+\d[\d.]*(?:{_LIST_SEP}\d[\d.]*)*"
    rf"{_LIST_SEP}$",
    re.IGNORECASE,
)
# Words that open a sentence before a number without naming anything ("About 1,800 a day").
_OPENERS = (
    un.STOP
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
# "from X to Y" is a change, two figures; but a range is what narrows or widens: "expenses of
# $395 million to $410 million, narrowed from $385 million to $420 million".
_FROM = re.compile(r"(?<!narrowed )(?<!widened )(?<!tightened )\bfrom\s+$", re.IGNORECASE)
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
