"""Private helpers of the figures extractor: the unit a number's next words name.

Separate from the tokenizer (``_numbers``), which finds a number and reads it as printed: this
reads what follows it, in one anchored match or a few words -- a percent or basis points, a
currency word ("5 million euros"), a measure ("kilowatt hour"), a time unit or the counted
noun ("net reservations") -- with the vocabulary that takes: currencies and measures by name,
the plural rules, and the nouns that make a number a label or a conversational count.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from callscope.extract._numbers import _WORD_VALUE, SCALE, words
from callscope.model.facts import FigureKind

__all__ = [
    "COUNTED_STOP",
    "CURRENCY_WORD",
    "LABEL_WORDS",
    "MEASURE",
    "NO_UNIT_NEXT",
    "STOP",
    "TIME_UNIT",
    "is_plural",
    "singular",
    "unit_after",
]

# Currency named after the number: "5 million euros". The value of "cents" and "pence" is
# divided by 100 so that the unit stays the currency.
CURRENCY_WORD: dict[str, tuple[str, int]] = {
    "dollar": ("USD", 1),
    "u.s. dollar": ("USD", 1),
    "us dollar": ("USD", 1),
    "canadian dollar": ("CAD", 1),
    "australian dollar": ("AUD", 1),
    "euro": ("EUR", 1),
    "pound": ("GBP", 1),
    "pound sterling": ("GBP", 1),
    "sterling": ("GBP", 1),
    "yen": ("JPY", 1),
    "yuan": ("CNY", 1),
    "renminbi": ("CNY", 1),
    "rupee": ("INR", 1),
    "franc": ("CHF", 1),
    "cent": ("USD", 100),
    "penny": ("GBP", 100),
    "pence": ("GBP", 100),
}

TIME_UNIT = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year"})

# Physical measures: normalised unit name. Their figures are of kind "other".
MEASURE: dict[str, str] = {
    "kwh": "kWh",
    "kilowatt hour": "kWh",
    "kilowatt-hour": "kWh",
    "mwh": "MWh",
    "megawatt hour": "MWh",
    "megawatt-hour": "MWh",
    "gwh": "GWh",
    "gigawatt hour": "GWh",
    "gigawatt-hour": "GWh",
    "twh": "TWh",
    "terawatt hour": "TWh",
    "kw": "kilowatt",
    "kilowatt": "kilowatt",
    "mw": "megawatt",
    "megawatt": "megawatt",
    "gw": "gigawatt",
    "gigawatt": "gigawatt",
    "mva": "MVA",
    "watt": "watt",
    "degree": "degree",
    "mile": "mile",
    "kilometer": "kilometer",
    "km": "kilometer",
    "meter": "meter",
    "metre": "meter",
    "foot": "foot",
    "feet": "foot",
    "square foot": "square foot",
    "square feet": "square foot",
    "square meter": "square meter",
    "square mile": "square mile",
    "board foot": "board foot",
    "board feet": "board foot",
    "cubic foot": "cubic foot",
    "cubic feet": "cubic foot",
    "cubic meter": "cubic meter",
    "metric ton": "tonne",
    "bcf": "bcf",
    "mmcf": "mmcf",
    "mmbtu": "mmbtu",
    "bbl": "barrel",
    "acre": "acre",
    "ton": "ton",
    "tonne": "tonne",
    "barrel": "barrel",
    "boe": "boe",
    "mcf": "mcf",
    "gallon": "gallon",
    "liter": "liter",
    "litre": "liter",
    "ounce": "ounce",
    "tera op": "tera op",
    "terabyte": "terabyte",
    "petabyte": "petabyte",
    "exabyte": "exabyte",
    "gigabyte": "gigabyte",
}

# Words after which a number is a name, a label or a place in a document, not a quantity.
LABEL_WORDS = words(
    "model version generation gen phase tier level page slide chapter section step item note "
    "form type class series number no part stage round wave release gigafactory gigafactories "
    "quarter fiscal fy q article rule schedule exhibit table figure line row column category "
    "channel route highway building floor unit suite room track option chart appendix"
)

# Nouns that make a small count conversational ("2 things", "1 question", "one follow-up",
# "the two factors", "3 important takeaways"): the parts of what is being said.
COUNTED_STOP = words(
    "question follow-up followup thing point comment example anecdote reason way topic "
    "need issue area bucket piece part time one other minute-thing item observation note "
    "clarification quick observation quickie follow-on thought takeaway fact factor "
    "priority theme pillar plank element dimension side trend lens angle front difference "
    "variable take kind sort number answer lesson message headline highlight"
) | {"follow up"}

_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    # "-ies" nouns whose singular keeps the "ie", and "-oes" nouns that drop the "es"
    "movies": "movie",
    "cookies": "cookie",
    "calories": "calorie",
    "rookies": "rookie",
    "zombies": "zombie",
    "selfies": "selfie",
    "cargoes": "cargo",
    "heroes": "hero",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "echoes": "echo",
    "vetoes": "veto",
}
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ous)$")
# Words ending in "s" that are not plurals: mass nouns in "-ics", singulars in "-as"/"-ns",
# and the verbs and adverbs that follow a number often enough to be taken for its noun.
_S_SINGULAR = words(
    "data staff series sheep species means news lens gas bias canvas atlas alias chassis "
    "economics analytics logistics physics politics ethics mathematics genetics electronics "
    "has does goes says always sometimes perhaps besides towards afterwards its this thus yes"
)


def is_plural(word: str) -> bool:
    """Whether a lower-case noun looks plural ("cars", "people", "deliveries")."""
    if word in _S_SINGULAR:
        return False
    if word in _IRREGULAR:
        return True
    return len(word) > 2 and word.endswith("s") and not _NOT_PLURAL.search(word)


def singular(word: str) -> str:
    """The singular of a lower-case English noun, by the regular rules plus a few irregulars."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not is_plural(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if _ES_PLURAL.search(word):
        return word[:-2]
    return word[:-1]


_ES_PLURAL = re.compile(r"(?:ches|shes|xes|sses|zes)$")


def unit_word(printed: str) -> str:
    """The unit named by a printed noun: its lower-case singular, except that an acronym in
    capitals keeps its last "S" ("70 NPS") and loses a lower-case one ("3 CSPs")."""
    if len(printed) > 2 and printed[:-1].isupper():
        return printed[:-1].lower() if printed[-1] == "s" else printed.lower()
    return singular(printed.lower())


# What follows a number and names its unit: one anchored match per number.
_SUFFIX = re.compile(
    r"(?i:(?P<pct>[\s-]+(?:percent|per\s*cent)\b)"
    r"|(?P<pp>[\s-]+percentage[\s-]+points?\b|\s*pp(?:ts?)?\b)"
    r"|(?P<bps>[\s-]+basis[\s-]+points?\b|\s*bps?\b)"
    r"|(?P<cur>(?:\s+|(?<=illion)-|(?<=thousand)-)(?:(?:u\.s\.|us|canadian|australian)\s+)?"
    r"(?:dollars?|euros?|pounds?"
    r"(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|francs?|cents?|pence|pennies)\b)"
    r"|(?P<times>\s+times\b))"
    r"|[\s-]?(?P<symbol>kWh|MWh|GWh|TWh|MW|GW|kW|MVA)\b"
    # "30 (production) Model 3s": the counted thing is a product
    r"|\s+(?:[a-z]+\s+)?(?P<model>[A-Z][a-z]+ \d+)s\b"
)
# Up to four words after a number, each with its separator (a hyphen joins "5,000-unit").
_W = r"(?P<s{0}>[ \t\r\n]+|[ \t]*-[ \t]*)(?P<w{0}>[A-Za-z][A-Za-z'-]*[A-Za-z])"
_WORDS = re.compile(
    _W.format(1) + "(?:" + _W.format(2) + "(?:" + _W.format(3) + "(?:" + _W.format(4) + ")?)?)?"
)
STOP = words(
    "a an the of in on at to for and or but that which who is are was were be been this these "
    "those it its per each every from by with as than so if we our you your they their"
)
_DETERMINERS = words("the our those these their its your")


def unit_after(
    text: str, end: int, value: Decimal
) -> tuple[str | None, FigureKind | None, Decimal, int]:
    """The unit named after a number, its kind, the value in base units, and the new end."""
    approx = _APPROX.match(text, end)
    if approx:
        unit, kind, value, after = unit_after(text, approx.end(), value)
        return (unit, kind, value, after) if unit or kind else (None, None, value, end)
    found = _SUFFIX.match(text, end)
    if found is None:
        return _noun_after(text, end, value)
    for group, unit, kind in _SUFFIX_UNITS:
        if found[group]:
            return unit, kind, value, found.end()
    if found["symbol"]:
        return MEASURE[found["symbol"].lower()], FigureKind.OTHER, value, found.end()
    if found["model"]:
        return found["model"].lower(), FigureKind.COUNT, value, found.end()
    words = found["cur"].lower().replace("-", " ").split()
    key = " ".join(singular(word) for word in words)
    code, divisor = CURRENCY_WORD.get(key, CURRENCY_WORD[singular(words[-1])])
    return code, FigureKind.MONEY, value / divisor, found.end()


# Characters after a number that no unit, scale word or rate can start with: there
# ``unit_after`` and a rate find nothing, and callers skip them ("in 2017, we", "5.").
NO_UNIT_NEXT = frozenset(("", ".", ",", "?", "!", ";", ":", ")"))

# Skipped between a number and its unit: "-ish", "-plus", "+", and a transcriber's closing
# bracket ("[30] production Model 3s").
_APPROX = re.compile(r"-(?:ish|plus|odd)\b|\+|\]")
_SUFFIX_UNITS = (
    ("pct", "%", FigureKind.PERCENT),
    ("pp", "pp", FigureKind.PERCENT),
    ("bps", "bps", FigureKind.PERCENT),
    ("times", None, FigureKind.RATIO),
)


def _noun_after(
    text: str, end: int, value: Decimal
) -> tuple[str | None, FigureKind | None, Decimal, int]:
    """The counted thing, time or measure in the next few words ("net reservations")."""
    found = _WORDS.match(text, end)
    if found is None:
        return None, None, value, end
    groups = found.groups()  # separator and word, four times over
    if "\n\n" in groups[0]:
        return None, None, value, end
    run: list[_Word] = []
    for i in range(0, 8, 2):
        space, word = groups[i], groups[i + 1]
        if not word or "\n\n" in space:
            break
        lower = word.lower()
        if i and (lower in _WORD_VALUE or lower in SCALE):
            break  # another number: "two one-million barrel cargoes"
        run.append(_Word(lower, found.end(i + 2), "-" in space, word))
    unit, unit_end = _head_noun(run, value)
    if unit is None:
        return None, None, value, end
    if unit in TIME_UNIT:
        return unit, FigureKind.DURATION, value, unit_end
    if unit in _MEASURES:
        return unit, FigureKind.OTHER, value, unit_end
    return unit, FigureKind.COUNT, value, unit_end


_MEASURES = frozenset(MEASURE.values())


class _Word(NamedTuple):
    lower: str
    end: int
    hyphen: bool  # joined to what precedes by a hyphen: "5,000-unit"
    printed: str


def _head_noun(run: list[_Word], value: Decimal) -> tuple[str | None, int]:
    """The counted thing of a phrase after a number: a measure, a time unit, the word of a
    hyphen compound, or the first plural that is not a name ("150 Copilot capabilities")."""
    if len(run) > 1:
        pair = f"{run[0].lower} {singular(run[1].lower)}"
        if pair in MEASURE:  # "kilowatt hour", "square feet"
            return MEASURE[pair], run[1].end
        if pair in COUNTED_STOP:  # "a couple of follow ups"
            return pair, run[1].end
    first = run[0]
    one = singular(first.lower)
    if first.hyphen:  # "a 40-foot-tall screen": the measure of a longer compound
        one = singular(one.split("-", 1)[0]) if "-" in one else one
    if one in MEASURE:
        return MEASURE[one], first.end
    if one in TIME_UNIT:
        return one, first.end
    if first.hyphen:  # "a 33,000-person company", "a 5,000-unit week"; not "1,000-a-week"
        return (one, first.end) if first.lower not in STOP and one not in STOP else (None, 0)
    if first.lower == "of" and len(run) > 2 and run[1].lower in _DETERMINERS:
        noun = run[2]  # "20 of the units"
        if is_plural(noun.lower) and (len(run) == 3 or run[3].lower in STOP):
            return unit_word(noun.printed), noun.end
    return _first_noun(run, value)


def _first_noun(run: list[_Word], value: Decimal) -> tuple[str | None, int]:
    """The first plural of the phrase that is not a name ("10 million social media views");
    a capitalised one ("4 million Healthcare Systems") only where no common noun follows
    within four words ("100 million Baker Hughes GE shares" counts shares)."""
    common: list[_Word] = []
    names: list[_Word] = []
    for i, word in enumerate(run):
        if word.lower in STOP:
            break
        if is_plural(word.lower) or (value == 1 and i == 0):
            if not word.printed[0].isupper():
                common.append(word)
            elif i < 3:
                names.append(word)
    nouns = common or names
    if not nouns:
        return None, 0
    noun = nouns[0]
    # A plural that modifies the noun after it: "20 cash equities platforms", "5 sales reps"
    # (not "25,000 mountaineers continues").
    at = run.index(noun) + 1
    if noun.lower in _PLURAL_MODIFIERS and at < len(run) and is_plural(run[at].lower):
        noun = run[at]
    return unit_word(noun.printed), noun.end


_PLURAL_MODIFIERS = words(
    "sales savings earnings equities securities services operations goods sports "
    "communications futures claims"
)
