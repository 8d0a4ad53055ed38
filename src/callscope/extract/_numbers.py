"""Private helpers of the figures extractor: the number tokenizer and its vocabulary.

Hand-written rather than taken from a library: quantulum3 (the closest peer) is slow, has no
notion of a rate ("a week") or of a spoken range ("3 or 4 months"), and reads "2017 Q" as
quintals; word2number and text2num parse number words but not "half a million" or "a couple
of", and would still need this module's tables of scales, currencies and units.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from callscope.model.facts import FigureKind


def words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a literal."""
    return frozenset(text.split())


__all__ = [
    "COUNTED_STOP",
    "CURRENCY_WORD",
    "LABEL_WORDS",
    "MEASURE",
    "NO_UNIT_NEXT",
    "SCALE",
    "STOP",
    "TIME_UNIT",
    "Head",
    "head",
    "is_plural",
    "singular",
    "tokens",
    "unit_after",
    "words",
]

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_WORD_VALUE: dict[str, int] = {word: i for i, word in enumerate(_SMALL.split())}
_WORD_VALUE.update({word: 20 + 10 * i for i, word in enumerate(_TENS.split())})

_LEADS = ("dozen", "couple", "half", "hundred", "thousand", "million", "billion")


def _trie(words: list[str]) -> str:
    """An alternation of words as a prefix tree, so that the engine tries each letter once."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree)


def _emit(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


def _guarded(words: list[str]) -> str:
    """Words as branches that each start with a literal letter, the word-start check after
    it: a pattern whose branches all start with a literal lets the engine skip to candidate
    characters, which keeps the one pass over a call at a few milliseconds."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(rf"{c}(?<![\w'’]{c}){_trie(tails)}" for c, tails in sorted(by_first.items()))


_ALL_WORDS = sorted(_WORD_VALUE)
_FIRSTS = "".join(sorted({word[0] for word in _ALL_WORDS + list(_LEADS)}))
# The one pass, over the lower-cased text: a number in digits (with a fraction or a decade
# "60s") or in words ("twenty-five", "two hundred and fifty", "one and a half", or a word that
# is a number after "a": "a dozen", "a million"; "half a million"), then an optional scale,
# percent sign or "x". What precedes it (currency, parenthesis, "negative", "mid-") is read
# afterwards from the text before the match, for the same reason as ``_guarded``.
# Every branch starts a word (a digit or first letter with no word character before it), so
# the leading word-start test and first-character class change no match: they only let the
# engine reject the inside of a word in one step, which halves the cost of the pass.
_TOKEN = re.compile(
    rf"""
    \b(?=[\d{_FIRSTS}])
    (?:
        (?P<digits>\d(?:(?<![\w.,/:'’\\-]\d)|(?<=[a-z]-\d)(?=0s\b))
            (?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?)
        (?:/(?P<den>\d{{1,2}})(?![/\d])|(?<=0)(?P<decs>s))?
      | (?P<words>(?:{_guarded(_ALL_WORDS + list(_LEADS))})
            (?:(?:[- ]|\s+and\s+)(?:{_trie(_ALL_WORDS)}|hundred|thousand)\b)*
            (?:\s+and\s+a\s+half)?)\b
    )
    (?:(?:\+?[ \t]*\n?[ \t]*|-)(?P<scale>thousand|million|billion|trillion|bn|mm|mn|mln|bln)\b
      | (?P<gscale>[kmb])(?!\w))?
    (?:(?P<pct>\s?%)|(?P<times>x)(?!\w))?
    (?![\w/]|:\d)
    """,
    re.VERBOSE,
)
# The same pattern with ASCII classes, for a text of ASCII characters only: there ``\b``,
# ``\w`` and ``\d`` mean the same, and the word-start test, made at every character, costs
# a third less. ``\s`` differs only on the separators U+001C..U+001F, which send a text to
# ``_TOKEN``.
_TOKEN_ASCII = re.compile(_TOKEN.pattern, re.VERBOSE | re.ASCII)
_UNICODE_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")
# Where a token may start in an ASCII text, found in a copy of it as bytes with each
# character that is no word character made a space: a space, then a digit or a number word.
# A token starts a word, with one of these, so ``_TOKEN_ASCII`` need only be tried there; the
# leading literal space lets the engine skip ahead in a tight loop, where ``_TOKEN``'s
# word-start test is made at every character.
_WORD_MARKS = bytes(byte if re.match(rb"\w", bytes([byte])) else 0x20 for byte in range(256))
_CANDIDATE = re.compile(f" (?:[0-9]|{_trie(_ALL_WORDS + list(_LEADS))})".encode("ascii"), re.ASCII)

# Scale words and abbreviations, as printed, to their multiplier.
SCALE: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mm": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "t": 10**12,
}

_SYMBOL = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_DOLLAR_PREFIX = {"us": "USD", "c": "CAD", "a": "AUD", "r": "BRL", "hk": "HKD", "s": "SGD"}
_CODES = words(
    "USD EUR GBP JPY CAD AUD CHF CNY INR SEK NOK DKK MXN BRL KRW ZAR HKD SGD NZD PLN TRY ILS TWD"
)

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


_SPLIT = re.compile(r"[\s-]+")


def word_value(words: str) -> Decimal | None:
    """The value of a spelled-out number ("twenty-five", "two hundred and fifty", "a dozen")."""
    text = words.lower().strip()
    if text == "dozen":
        return Decimal(12)
    if text == "couple":
        return Decimal(2)
    if text == "half":
        return Decimal("0.5")
    half = text.endswith("and a half")
    if half:
        text = text[: -len("and a half")].strip()
    total = 0
    current = 0
    for part in _SPLIT.split(text):
        if part == "and" or not part:
            continue
        if part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif part in _WORD_VALUE:
            current += _WORD_VALUE[part]
        else:
            return None
    value = Decimal(total + current)
    return value + Decimal("0.5") if half else value


class Head(NamedTuple):
    """A number as printed, before its unit: span, value in base units, scale, currency.

    ``paren`` is True for an accounting negative "($0.12)": the closing parenthesis comes
    after ``end`` and belongs to the figure. A named tuple, not a frozen dataclass: one is
    built for every token, and a frozen dataclass sets each field through
    ``object.__setattr__``, several times the cost.
    """

    start: int
    end: int
    value: Decimal
    kind: FigureKind | None
    scale: str | None
    currency: str | None
    negative: bool = False
    paren: bool = False


def tokens(text: str, lowered: str | None = None) -> list[re.Match[str]]:
    """The number tokens of a text, matched on its lower-cased form (offsets are the same);
    ``lowered`` is ``text.lower()`` where the caller has it.

    A run of number words that is no one number ("two one million barrel cargoes", "scope
    one and two") is cut where it stops being one, and the rest is read again."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text):  # a few non-ASCII letters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if lowered.isascii() and not any(c in lowered for c in _UNICODE_SPACES):
        return _ascii_tokens(lowered)
    found: list[re.Match[str]] = []
    pos = 0
    while True:
        for match in _TOKEN.finditer(lowered, pos):
            if match["words"] and " " in match["words"].strip():
                cut = _words_cut(match)
                if cut is not None:
                    short = _TOKEN.match(lowered, match.start(), cut)
                    if short is not None:
                        found.append(short)
                    pos = cut
                    break  # read again from the cut
            found.append(match)
        else:
            return found


def _ascii_tokens(lowered: str) -> list[re.Match[str]]:
    """``tokens`` of an ASCII text, ``_TOKEN_ASCII`` tried in turn where ``_CANDIDATE`` finds
    a token may start: the first of these where it matches is where a search would find it."""
    marks = b" " + lowered.encode("ascii").translate(_WORD_MARKS)  # marks[i + 1] is lowered[i]
    found: list[re.Match[str]] = []
    pos = 0
    for candidate in _CANDIDATE.finditer(marks):
        at = candidate.start()  # the space before the token, one byte on: where it starts
        if at < pos:
            continue
        match = _TOKEN_ASCII.match(lowered, at)
        if match is None:
            continue
        pos = match.end()
        if match["words"] and " " in match["words"].strip():
            cut = _words_cut(match)
            if cut is not None:
                short = _TOKEN_ASCII.match(lowered, at, cut)
                if short is not None:
                    found.append(short)
                pos = cut  # read again from the cut
                continue
        found.append(match)
    return found


# Which number word may follow which: "twenty-one", "two hundred and five", not "two one".
_FOLLOWS = {
    "unit": frozenset({"hundred", "thousand"}),
    "ten": frozenset({"unit", "hundred", "thousand"}),
    "hundred": frozenset({"unit", "ten", "thousand", "and"}),
    "thousand": frozenset({"unit", "ten", "and"}),
    "and": frozenset({"unit", "ten"}),
    "lead": frozenset(),
}
_PART = re.compile(r"[a-z]+")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half$")


def _word_class(word: str) -> str:
    if word in {"hundred", "thousand", "and"}:
        return word
    value = _WORD_VALUE.get(word)
    if value is None:
        return "lead"
    return "ten" if value >= 20 else "unit"


def _words_cut(match: re.Match[str]) -> int | None:
    """Where a run of number words stops being one number, or None where it is one."""
    words, base = match["words"], match.start("words")
    half = _AND_A_HALF.search(words)
    previous, last_end = "", 0
    for part in _PART.finditer(words, 0, half.start() if half else len(words)):
        kind = _word_class(part.group())
        if previous and kind not in _FOLLOWS[previous]:
            return base + last_end
        previous, last_end = kind, part.end()
    return None


_DECADE = re.compile(r"(?:low|mid|high|upper)(?:[- ]to[- ](?:low|mid|high|upper))?[- ]?$")
_ARTICLE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_PRODUCT = re.compile(r"\d{3,}")
_HALF_OF = re.compile(r"\s+an?\b(?:\s+(?P<scale>thousand|million|billion)\b)?", re.IGNORECASE)
_COUPLE_OF = re.compile(r"\s+of\b(?!\s+(?:hundred|thousand|million|billion)\b)", re.IGNORECASE)


def head(text: str, match: re.Match[str]) -> Head | None:
    """Value, scale and currency of a token, or None where the token is no number."""
    digits, den, decs, words, scale, gscale, _, times = match.groups()
    start, end = match.span()
    kind = FigureKind.RATIO if den or times else None
    # "x" ends the token when it is there, so ``end`` is where "times" ends
    if times and text[end - 1] == "X" and _PRODUCT.fullmatch(digits or ""):
        return None  # "the 777X": a product name, not a multiple
    if digits:
        value = Decimal(digits.replace(",", ""))
        if den:
            if not 0 < value < int(den) <= 10:
                return None  # "24/7" is an idiom, "3/31" a date, not a fraction
            value /= int(den)
        if decs:  # "low to mid-60s": the decade itself
            decade = _DECADE.search(text.lower(), max(0, start - 20), start)
            if decade is None:
                return None
            start = decade.start()
        scale = scale or gscale
    else:
        if gscale:
            return None  # "two m": a letter after a spelled number is no scale
        spelled = _spelled(text, words, scale, start, end)
        if spelled is None:
            return None
        value, start, end, scale = spelled
    if scale:
        value *= SCALE[scale]
    return _prefixed(text, start, end, value, kind, scale)


def _spelled(
    text: str, words: str, scale: str | None, start: int, end: int
) -> tuple[Decimal, int, int, str | None] | None:
    if words == "half":  # "half a million", "half an hour"
        half = _HALF_OF.match(text, end)
        if half is None:
            return None
        return Decimal("0.5"), start, half.end(), (half["scale"] or "").lower() or scale
    value = word_value(words)
    if words in _LEADS:  # "a dozen", "a couple of", "a million"
        article = _ARTICLE.search(text, max(0, start - 4), start)
        if article is None or value is None:
            return None
        if words == "couple":
            of = _COUPLE_OF.match(text, end)
            if scale or of is None:
                return None  # "a couple (of) hundred" is vague; "a couple of months" is two
            end = of.end()
        if words in SCALE:
            value, scale = Decimal(1), words
        start = article.start()
    return (value, start, end, scale) if value is not None else None


def _prefixed(
    text: str, at: int, end: int, value: Decimal, kind: FigureKind | None, scale: str | None
) -> Head:
    """The head of the number at ``[at, end)``, widened over a currency sign or code,
    "negative"/"minus", or an opening parenthesis closed right after the number. Plain
    slicing, and one ``Head`` built: this runs for every token."""
    currency = None
    sign = text[at - 1 : at]
    if sign == "(" and text[at - 2 : at - 1] in _SYMBOL and text[end : end + 1] == ")":
        code = _SYMBOL[text[at - 2]]  # "$(0.12)": an accounting negative after the sign
        return Head(at - 2, end, value, FigureKind.MONEY, scale, code, True, True)
    if sign in _SYMBOL:
        at -= 1
        currency = _SYMBOL[sign]
        at -= text[at - 1 : at] == "\\"  # "\$" in some publishers' text
        if sign == "$":
            letters = _dollar_prefix(text, at)
            size = len(letters)
            if letters and not text[at - size - 1 : at - size].isalnum():
                at, currency = at - size, _DOLLAR_PREFIX[letters]
    elif sign == " " and text[at - 4 : at - 1] in _CODES and not text[at - 5 : at - 4].isalpha():
        at, currency = at - 4, text[at - 4 : at - 1]
    negative = paren = False
    if text[at - 1 : at] == "(" and text[end : end + 1] == ")":
        at, negative, paren = at - 1, True, True
    elif text[at - 1 : at] == " ":  # "negative 5%", "minus $2"
        before = text[max(0, at - 9) : at].lower()
        if before.endswith(("negative ", "minus ")):
            at, negative = at - (9 if before.endswith("negative ") else 6), True
    return Head(
        at, end, value, FigureKind.MONEY if currency else kind, scale, currency, negative, paren
    )


def _dollar_prefix(text: str, at: int) -> str:
    """The letters of ``_DOLLAR_PREFIX`` just before the "$" at ``at`` ("US$", "C$"), or "".
    The two-letter ones are tried first: "US" would otherwise read as "S" (Singapore)."""
    two = text[at - 2 : at].lower()
    if two in _DOLLAR_PREFIX:
        return two
    one = text[at - 1 : at].lower()
    return one if one in _DOLLAR_PREFIX else ""


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
    if first.hyphen:  # "a 33,000-person company", "a 5,000-unit week"
        return (one, first.end) if first.lower not in STOP else (None, 0)
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
