"""Metric names: what a number in a sentence measures, as one short normalised noun phrase.

Figures and commitments are named by the same function, :func:`metric_of`, so that "gross
margin was 29.1%" and "we expect gross margin between 29% and 30%" both speak of
``gross margin``. The rule, in order:

1. a metric named right after the number ("$412 million in cash", "30% gross margin");
   "N% of revenue" is the share of revenue of the thing named before it;
2. a percent right after "up", "grew", "down" is the growth (decline) of the metric before it;
3. the metric named nearest before the number in the sentence;
4. a rate of things ("450 robots a week") is a production rate when the verb before it
   builds or produces, else the rate of that thing ("robot rate").

A metric is a term of a compact vocabulary with the content words just before it as its
modifiers ("software and services revenue", "non-GAAP operating loss", "fleet uptime");
generic words ("total", "full-year", "record") are dropped. Hand-written rather than a
parser: a few dozen terms cover what calls report, and no model is needed at run time.
"""

from __future__ import annotations

import re

from callscope.model.facts import Figure

__all__ = ["is_reference", "looks_forward", "metric_of", "number_at"]

# Surface form -> canonical name. Plurals and synonyms share one name.
_VOCAB: dict[str, str] = {
    "revenue": "revenue", "revenues": "revenue", "top line": "revenue", "sales": "sales",
    "gross margin": "gross margin", "gross margins": "gross margin",
    "operating margin": "operating margin", "operating margins": "operating margin",
    "net margin": "net margin", "ebitda margin": "EBITDA margin", "margin": "margin",
    "margins": "margin", "net interest margin": "net interest margin",
    "operating income": "operating income", "operating profit": "operating income",
    "operating loss": "operating loss", "net income": "net income", "net loss": "net loss",
    "net interest income": "net interest income", "ebitda": "EBITDA",
    "eps": "EPS", "earnings per share": "EPS",
    "free cash flow": "free cash flow", "operating cash flow": "operating cash flow",
    "cash flow": "cash flow", "cash": "cash",
    "operating expenses": "operating expenses", "opex": "operating expenses",
    "capital spending": "capex", "capital expenditures": "capex", "capital expenditure": "capex",
    "capex": "capex", "research and development": "R&D", "r&d": "R&D",
    "debt": "debt", "backlog": "backlog", "bookings": "bookings", "orders": "orders",
    "production": "production", "output": "production", "deliveries": "deliveries",
    "shipments": "shipments", "customers": "customers", "subscribers": "subscribers",
    "users": "users", "headcount": "headcount", "employees": "headcount",
    "inventory": "inventory", "inventories": "inventory", "share count": "share count",
    "dividend": "dividend", "dividends": "dividend", "buyback": "buyback",
    "share buyback": "buyback", "share repurchase": "buyback", "share repurchases": "buyback",
    "buybacks": "buyback", "uptime": "uptime", "availability": "availability",
    "yield": "yield", "tax rate": "tax rate", "market share": "market share",
    "book value": "book value", "deposits": "deposits", "loans": "loans",
    "assets under management": "AUM", "aum": "AUM", "occupancy": "occupancy", "churn": "churn",
    "arr": "ARR", "annual recurring revenue": "ARR", "arpu": "ARPU",
    "costs": "costs", "cost": "costs",
}  # fmt: skip
_TERM = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(_VOCAB, key=len)[::-1])
    + r")(?![\w-])",
    re.I,
)
_GUIDANCE = re.compile(r"\s+(?:guidance|outlook|forecast|guide)\b", re.I)

# Words that end a modifier chain: function words, verbs and adverbs of reporting, time words,
# and generic or evaluative qualifiers that do not change what is measured.
_STOP = frozenset(
    """a an the our their its his her my your this that these those we i you they it he she
    of in on at for to from by with as and or but so than then also still now just only
    is are was were be been being has have had do does did will would should could can may
    might must shall up down about around roughly approximately nearly almost over under
    total overall reported record strong solid healthy robust good great better best higher
    lower weaker full-year annual quarterly consolidated year quarter month week day first
    second third fourth last next prior previous current same period fiscal full half
    million billion thousand percent per each every all some more most less least very
    really further another other new-ish while which who whose where when what how if""".split()
)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z][\w&'’-]*|\S")
_NUMBER = re.compile(
    r"[$€£¥]?\(?\d[\d,]*(?:\.\d+)?"
    r"|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half)\b",
    re.I,
)
# What a number carries straight after it: a scale, a percent or basis-point sign.
_NUMBER_TAIL = re.compile(
    r"\)?(?:\s*(?:million|billion|thousand|trillion|mn|bn|m|b|k)\b)?"
    r"(?:\s*(?:%|percent\b|per\s+cent\b|basis\s+points?\b|bps\b|percentage\s+points?\b))?",
    re.I,
)
_CONNECTOR = re.compile(r"\s*(?:(?P<of>of|in)\s+(?:(?:our|the|total|its)\s+)?)?$", re.I)
_GROWTH = re.compile(
    r"\b(?P<w>up|down|grew|grown|growth\s+of|increased?|decreased?|rose|fell|declined?|"
    r"higher|lower|jumped|dropped)(?:\s+by)?\s+(?:(?:about|approximately|roughly|nearly|"
    r"almost|over|more\s+than|some|around)\s+)?$",
    re.I,
)
_DOWN = frozenset({"down", "decrease", "decreased", "fell", "decline", "declined", "lower",
                   "dropped"})  # fmt: skip
_BUILD = re.compile(
    r"\b(?:producing|produce[sd]?|building|build|built|builds|making|manufacturing|"
    r"manufactured?)\s+(?:(?:about|approximately|roughly|nearly|almost|over|some|around)\s+)?$",
    re.I,
)
_BARRIER = re.compile(r";|\s--\s|\s[–—]\s|—")
_REFERENCE_BEFORE = re.compile(
    r"\b(?:from|versus|vs\.?|compared\s+(?:to|with)|against|than)\s+(?:(?:about|approximately|"
    r"roughly|nearly|almost|just|over|under|around)\s+)?(?:negative\s+)?$",
    re.I,
)
_REFERENCE_AFTER = re.compile(
    r"\s*(?:a\s+year\s+ago|last\s+(?:quarter|year)|(?:in\s+)?the\s+(?:prior|previous|same)\s+"
    r"(?:quarter|year|period)|a\s+quarter\s+ago|previously|before)\b",
    re.I,
)
_FORWARD = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|anticipat\w*|will|going\s+to|gonna|should|plan(?:s|ning)?|"
    r"aim(?:s|ing)?|target(?:s|ing)?|forecast\w*|project(?:s|ed|ing)?|intend\w*|hope|"
    r"on\s+track|outlook|could|may|might|would)\b|\w'll\b",
    re.I,
)


def number_at(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The offset of the first number (digits or a number word) in ``text[start:end]``."""
    m = _NUMBER.search(text, start, len(text) if end is None else end)
    return m.start() if m else None


def _number_end(sentence: str, at: int) -> int:
    m = _NUMBER.match(sentence, at)
    end = m.end() if m else at
    tail = _NUMBER_TAIL.match(sentence, end)
    return tail.end() if tail else end


def _modifiers(sentence: str, start: int, limit: int = 3) -> tuple[int, str]:
    """The content words just before ``start`` (at most ``limit``, one inner "and")."""
    words: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(sentence, 0, start):
        words.append((m.start(), m.group(0)))
    chain: list[str] = []
    first = start
    used_and = False
    i = len(words) - 1
    while i >= 0 and len([w for w in chain if w != "and"]) < limit:
        at, word = words[i]
        low = word.lower()
        if low in ("and", "&") and chain and not used_and and i > 0:
            before = words[i - 1][1]
            if before[0].isalpha() and before.lower() not in _STOP:
                chain.insert(0, "and")
                used_and = True
                i -= 1
                continue
        if not word[0].isalpha() or low in _STOP:
            break
        chain.insert(0, low)
        first = at
        i -= 1
    return first, " ".join(chain)


def _name(sentence: str, m: re.Match[str]) -> str:
    """A vocabulary mention with its modifiers and a following "guidance"."""
    canonical = _VOCAB[" ".join(m.group(0).lower().split())]
    _, modifiers = _modifiers(sentence, m.start())
    if canonical == "buyback":
        modifiers = " ".join(w for w in modifiers.split() if w != "share")
    modifiers = re.sub(r"\bgaap\b", "GAAP", modifiers)
    name = f"{modifiers} {canonical}" if modifiers else canonical
    if _GUIDANCE.match(sentence, m.end()):
        name += " guidance"
    return name


def _before(sentence: str, at: int) -> re.Match[str] | None:
    """The vocabulary mention nearest before ``at``, not across a ";" or a dash."""
    barrier = 0
    for b in _BARRIER.finditer(sentence, 0, at):
        barrier = b.end()
    last = None
    for m in _TERM.finditer(sentence, barrier, at):
        last = m
    return last


def _after(sentence: str, end: int) -> tuple[re.Match[str], bool] | None:
    """A mention straight after the number (its modifiers and "of"/"in" between allowed)."""
    m = _TERM.search(sentence, end, min(len(sentence), end + 60))
    if m is None:
        return None
    first, _ = _modifiers(sentence, m.start())
    gap = _CONNECTOR.match(sentence[end:first])
    if gap is None:
        return None
    return m, gap.group("of") is not None and gap.group("of").lower() == "of"


def _subject(sentence: str, at: int) -> str | None:
    """What comes before the number: a named metric, else the plain noun phrase."""
    m = _before(sentence, at)
    if m:
        return _name(sentence, m)
    verb = re.search(r"(\S+)\s+(?:\S+\s+){0,2}$", sentence[:at])
    stop = verb.start() if verb else at
    words = [w for w in _TOKEN.findall(sentence[:stop])]
    while words and (not words[-1][0].isalpha() or words[-1].lower() in _STOP):
        words.pop()
    _, phrase = _modifiers(sentence, stop) if words else (0, "")
    return phrase or None


def metric_of(sentence: str, figure: Figure | None = None, *, at: int | None = None) -> str | None:
    """The metric a number in ``sentence`` measures, or None where no metric is named.

    ``at`` is the offset of the number in ``sentence``; without it the number is found by the
    figure's quote, and without a figure the first metric the sentence names is taken.
    """
    if at is None and figure is not None:
        at = _locate(sentence, figure)
    if at is None:
        first = _TERM.search(sentence)
        if first:
            return _name(sentence, first)
        return _rate_name(sentence, None, figure)
    end = _number_end(sentence, at)
    percent = figure is not None and figure.unit in ("%", "bps", "pp")
    after = _after(sentence, end)
    if after is not None:
        m, of = after
        if percent and of and figure is not None and figure.unit == "%":
            subject = _subject(sentence, at)
            return f"{subject} share of {_name(sentence, m)}" if subject else None
        return _name(sentence, m)
    growth = _GROWTH.search(sentence, 0, at)
    if percent and growth and growth.end() == at:
        m = _before(sentence, growth.start())
        if m is None:
            return None
        change = "decline" if growth.group("w").lower() in _DOWN else "growth"
        return f"{_name(sentence, m)} {change}"
    m = _before(sentence, at)
    if m is not None:
        name = _name(sentence, m)
        if name.endswith("production") and figure is not None and figure.per:
            return name + " rate"
        return name
    return _rate_name(sentence, at, figure)


def _rate_name(sentence: str, at: int | None, figure: Figure | None) -> str | None:
    if figure is None or not figure.per or not re.fullmatch(r"[a-z]+", figure.unit or ""):
        return None
    if at is not None and _BUILD.search(sentence, 0, at):
        return "production rate"
    return f"{figure.unit} rate"


def _locate(sentence: str, figure: Figure) -> int | None:
    words = figure.quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), sentence)
    if found is None:
        return None
    return number_at(sentence, found.start(), found.end())


def is_reference(sentence: str, at: int) -> bool:
    """True where the number is a point of comparison ("up from 27.5%", "$9.9M last quarter")."""
    if _REFERENCE_BEFORE.search(sentence, 0, at):
        return True
    return bool(_REFERENCE_AFTER.match(sentence, _number_end(sentence, at)))


def looks_forward(sentence: str, at: int) -> bool:
    """True where the words before the number look ahead ("we expect revenue of ...")."""
    return bool(_FORWARD.search(sentence, 0, at))
