"""Private helpers of the figures extractor: the number tokenizer and its vocabulary.

A number token is read here as printed: its value, a scale ("million", "bn"), a currency sign
or code before it, a sign or an accounting parenthesis. What follows it and names its unit
("percent", "euros", "barrels a day") is read in ``_units``.

Hand-written rather than taken from a library: quantulum3 (the closest peer) is slow, has no
notion of a rate ("a week") or of a spoken range ("3 or 4 months"), and reads "2017 Q" as
quintals; word2number and text2num parse number words but not "half a million" or "a couple
of", and would still need this module's tables of scales and currencies and ``_units``' tables
of units.
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
    "SCALE",
    "Head",
    "head",
    "tokens",
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
