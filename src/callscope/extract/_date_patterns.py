"""Private helpers of ``_dates``: the vocabulary and patterns of time expressions.

Each kind of expression ("Q3 of next year", "the back half", "in about 8 weeks", "calendar
2019") has one compiled pattern here, with the literal pre-checks that tell cheaply whether
some match is possible at all. Separate from ``_dates``, which resolves a match to a date and
runs the rules in order: this part knows what the words look like, not what they mean.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator

# --- the vocabulary ---------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "couple": 2, "few": 3, "several": 3,
}  # fmt: skip
_VAGUE_COUNTS = {"few", "several", "couple"}
# Season -> (first month, last month); winter's last month falls in the next calendar year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (12, 2), "holiday": (11, 12), "holidays": (11, 12)}  # fmt: skip

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty|thirty|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several)"
)
_YEAR4 = r"(?:19|20)\d\d"
# A fiscal-year tag: "fiscal 2026", "fiscal year 2026", "FY26", "FY 2026", "fiscal '26", "F'26".
_FY = r"(?:fiscal\s+(?:year\s+)?|FY\s*'?|F')(?P<fy>(?:19|20)?\d\d)\b"
# What may follow a quarter or half to fix its year.
_OF_YEAR = (
    r"(?:\s*(?:of\s+|in\s+)?(?:(?P<rel>this|next|the\s+current|the\s+following|last|the\s+"
    r"prior|the\s+previous|prior|previous|the)\s+(?:fiscal\s+)?year|(?:fiscal\s+(?:year\s+)?|FY\s*'?|F')(?P<qfy>(?:19|20)?\d\d)\b"
    r"|(?:calendar\s+(?:year\s+)?)?'?(?P<qy>(?:19|20)\d\d)\b(?![,.]\d))"
    r"|\s?'(?P<qa>\d\d)\b|(?P<qb>\d\d)\b"  # "Q3 '18", "1Q18": a short year only when attached
    r")?"
)

_I = re.IGNORECASE
_QUARTER = re.compile(
    r"\b(?:(?:fiscal\s+)?Q(?P<q1>[1-4])\b|(?P<q2>[1-4])Q(?=\d\d\b)|(?P<q3>first|second|third|"
    r"fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b|(?P<q4>[1-4])Q\b)" + _OF_YEAR,
    _I,
)
_HALF = re.compile(
    r"\b(?:(?:the\s+)?(?P<which>first|front|second|back|latter|1st|2nd)\s+half|"
    r"(?P<h1>[12])H|H(?P<h2>[12]))\b" + _OF_YEAR,
    _I,
)
_REL_PERIOD = re.compile(
    r"\b(?P<when>early|earlier|late|later|mid|middle|end|beginning|start|remainder|rest|"
    r"balance)?(?:[\s-]+(?:in|of|on))?(?:[\s-]+the)?[\s-]*"
    r"(?P<which>this|next|the\s+current|the\s+following|last|prior|previous|the)\s+"
    r"(?P<fiscal>fiscal\s+|calendar\s+|full\s+)?(?P<unit>year|quarter|month|decade)"
    r"(?![\s-]+(?:over|on|to)[\s-]+(?:year|quarter|month))(?![\s-]?(?:ago|earlier))\b",
    _I,
)
_YEAR_END = re.compile(
    r"\b(?P<which>this|next|last|prior|previous)?\s*(?:fiscal\s+)?year[\s-]end(?:ing)?\b"
    r"(?:\s+(?P<y>" + _YEAR4 + r"))?",
    _I,
)
_FULL_YEAR = re.compile(
    r"\b(?:the\s+)?(?:full|whole|entire)[\s-]+(?:fiscal\s+)?year\b(?![\s-]+(?:ago|earlier))"
    r"(?:\s+(?P<y>" + _YEAR4 + r"))?",
    _I,
)
_FISCAL_YEAR = re.compile(r"\b" + _FY, _I)
_MODIFIED_YEAR = re.compile(
    r"\b(?P<when>early|late|mid|end\s+of|middle\s+of|beginning\s+of|calendar(?:\s+year)?|CY)"
    r"[\s-]*'?(?P<y>(?:19|20)\d\d)\b",
    _I,
)
# "2019 guidance", "the 2025 plan": a year naming a document, not when something is due.
_BARE_YEAR = re.compile(
    r"(?<![$\d.,/-])\b(?P<y>" + _YEAR4 + r")\b(?![\d%]|,\d|\.\d)"
    r"(?!\s+(?:guidance|outlook|plan|budget|results|targets?|framework|forecast)\b)",
    _I,
)
# "October 24", "October 24th, 2024"; and, ordinal first, "the 24th of October".
_DATE = re.compile(
    r"\b(?:(?P<m>"
    + _MONTH_RE
    + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b|(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)\s+"
    + r"(?:of\s+)?(?P<m2>"
    + _MONTH_RE
    + r")\b)(?:,?\s+(?P<y>"
    + _YEAR4
    + r"))?"
)
# Month names are matched with their capital only, so the modal "may" never reads as a month.
_MONTH_NAME = re.compile(
    r"\b(?:(?:the\s+)?(?:end|middle)\s+of\s+)?(?P<m>" + _MONTH_RE + r")"
    r"(?:\s+(?:of\s+)?(?P<y>" + _YEAR4 + r"))?\b(?!\s+\d)"
)
_MONTH_CONTEXT = re.compile(r"\b(?:in|by|until|through|before|of|end|early|late|mid|since)\s*$", _I)
_SEASON = re.compile(
    r"\b(?P<which>this|next|the|by|in|over)\s+(?P<s>spring|summer|fall|autumn|winter|holidays|"
    r"holiday\s+season)\b",
    _I,
)
# One "\b(?:...)" around alternatives that each start a word (and, in ``_VAGUE``, a lookahead
# of the characters a match can start with) lets the engine pass over most characters at once.
_SPAN = re.compile(
    r"\b(?:"
    r"\b(?:(?P<prep>in|within|over|during|for|inside\s+of)\s+(?:the\s+)?(?:next|coming|"
    r"following)?|next)\s*(?:about|approximately|roughly|around|another|only|just)?\s*"
    r"(?P<n>" + _NUM + r")(?:\s*(?:to|-|or)\s*(?P<n2>" + _NUM + r"))?"
    r"[\s-]+(?P<unit>day|week|month|quarter|year)s?(?:'s?\s+time)?\b"
    r"|\b(?P<n3>" + _NUM + r")\s+(?P<unit3>day|week|month|year)s?\s+from\s+now\b"
    r")",
    _I,
)
_VAGUE = re.compile(
    r"(?=[tnsmlocifg])\b(?:"
    r"\b(?:the\s+)?(?:near|short|medium|mid|long)[\s-]+term\b|\bover\s+time\b|"
    r"\b(?:the\s+)?(?:next|coming)\s+(?:few\s+|several\s+|couple\s+(?:of\s+)?)?years\b|"
    r"\bin\s+(?:the\s+)?(?:coming|future)\s+(?:years|quarters)\b|\bin\s+the\s+future\b|"
    r"\b(?:the\s+)?foreseeable\s+future\b|\bgoing\s+forward\b|\bover\s+the\s+long\s+run\b"
    r")",
    _I,
)


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_WORDS = ("19", "20")  # a four-digit year's century

# Further literal pre-checks for the rules that cost most where their words are common: each
# tells, from the text and its folded form, whether a match is possible at all.
_Check = Callable[[str, str], bool]
# Month names are matched with their capital only.
_CAPITAL_MONTHS = tuple(word.capitalize() for word in _MONTH_WORDS)
_UNITS = ("day", "week", "month", "quarter", "year")
# What a ``_NUM`` ends with; an ending, so that "12" or "a couple of" is read from its end.
_NUM_ENDS = (
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "eighteen", "twenty", "thirty", "couple", "of", "few",
    "several",
)  # fmt: skip
_PERIODS = ("year", "quarter", "month", "decade")
_WHICH_ENDS = ("this", "next", "current", "following", "last", "prior", "previous", "the")
_PERIOD_KINDS = ("fiscal", "calendar", "full")


# (case-sensitive literals: the engine scans for their capitals, rare in running text)
_CAPITAL_MONTH = re.compile("|".join(_CAPITAL_MONTHS))


def _capital_month(text: str, low: str) -> bool:
    return _CAPITAL_MONTH.search(text) is not None


def _finds(low: str, words: Iterable[str]) -> Iterator[int]:
    for word in words:
        at = low.find(word)
        while at >= 0:
            yield at
            at = low.find(word, at + 1)


def _gap_before(low: str, at: int, hyphens: bool) -> int:
    """Where the run of spaces (and hyphens) that ends at ``at`` starts (``at`` where none)."""
    while at > 0 and (low[at - 1].isspace() or (hyphens and low[at - 1] == "-")):
        at -= 1
    return at


def _counted_unit(text: str, low: str) -> bool:
    """A unit after a number and a space or hyphen ("8 weeks", "a couple of years"), which
    every ``_SPAN`` match holds."""
    for at in _finds(low, _UNITS):
        gap = _gap_before(low, at, True)
        if 0 < gap < at and (low[gap - 1].isdigit() or low.endswith(_NUM_ENDS, 0, gap)):
            return True
    return False


def _named_period(text: str, low: str) -> bool:
    """A period after "this", "next", "the" ... and spaces, maybe with "fiscal" or "full" between
    ("next fiscal year"), which every ``_REL_PERIOD`` match holds."""
    for at in _finds(low, _PERIODS):
        gap = _gap_before(low, at, False)
        if gap < at and low.endswith(_WHICH_ENDS + _PERIOD_KINDS, 0, gap):
            return True
    return False


def _year_end_words(text: str, low: str) -> bool:
    """ "year" with "end" after one space or hyphen, which every ``_YEAR_END`` match holds."""
    for at in _finds(low, ("year",)):
        after = low[at + 4 : at + 5]
        if (after == "-" or after.isspace()) and low.startswith("end", at + 5):
            return True
    return False
