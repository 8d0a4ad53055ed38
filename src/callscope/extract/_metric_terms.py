"""The metric vocabulary: the terms a metric is named by, the word lists and patterns the
naming rules read, and the fast finders of those terms in a sentence.

Separate from the rules (``_metrics``) because it is data more than logic: a few dozen terms
and their synonyms (``_VOCAB``), the words of growth, actions and lead-ins with the patterns
built from them, and the ``word_starts`` tables that let a pattern ending at a number be tried
only where its first words are. Adding a term or a synonym is an edit here alone. Terms are
found on the lower-case text (``_mentions``), where the engine can skip to them. The words
only the reading of a promise's deed uses are with that reading, in ``_metric_promises``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from callscope.extract._text import folded, search_ending, word_starts

# Surface form -> canonical name. Plurals and synonyms share one name.
_VOCAB: dict[str, str] = {
    "revenue": "revenue", "revenues": "revenue", "top line": "revenue", "top-line": "revenue",
    "sales": "sales",
    "gross margin": "gross margin", "gross margins": "gross margin",
    "operating margin": "operating margin", "operating margins": "operating margin",
    "net margin": "net margin", "net margins": "net margin",
    "ebitda margin": "EBITDA margin", "ebitda margins": "EBITDA margin",
    "free cash flow margin": "free cash flow margin",
    "free cash flow margins": "free cash flow margin",
    "margin": "margin", "margins": "margin",
    "net interest margin": "net interest margin", "net interest margins": "net interest margin",
    "nim": "net interest margin",
    "operating income": "operating income", "operating profit": "operating income",
    "operating profits": "operating income", "operating loss": "operating loss",
    "operating losses": "operating loss", "net income": "net income",
    "net earnings": "net income", "net loss": "net loss", "net losses": "net loss",
    "net interest income": "net interest income", "nii": "net interest income",
    "other income and expense": "other income and expense",
    "other income and expenses": "other income and expense",
    "oi&e": "other income and expense",
    "interest expense": "interest expense", "interest expenses": "interest expense",
    "ebitda": "EBITDA", "eps": "EPS", "earnings per share": "EPS",
    "earnings per diluted share": "EPS",
    "net debt-to-ebitda": "net debt-to-EBITDA", "net debt to ebitda": "net debt-to-EBITDA",
    "net debt-to-ebitda ratio": "net debt-to-EBITDA",
    "net debt to ebitda ratio": "net debt-to-EBITDA",
    "debt-to-equity": "debt-to-equity", "debt to equity": "debt-to-equity",
    "debt-to-equity ratio": "debt-to-equity", "debt to equity ratio": "debt-to-equity",
    "ffo": "FFO", "affo": "AFFO", "ffo per share": "FFO per share",
    "affo per share": "AFFO per share",
    "free cash flow": "free cash flow", "free cash flows": "free cash flow",
    "operating cash flow": "operating cash flow", "operating cash flows": "operating cash flow",
    "cash flow from operations": "operating cash flow",
    "cash flows from operations": "operating cash flow",
    "cash flow": "cash flow", "cash flows": "cash flow", "cash": "cash",
    "operating expenses": "operating expenses", "operating expense": "operating expenses",
    "opex": "operating expenses",
    "capital spending": "capex", "capital expenditures": "capex", "capital expenditure": "capex",
    "capex": "capex", "research and development": "R&D", "r&d": "R&D",
    "cogs": "COGS", "cost of goods sold": "COGS", "cost of sales": "COGS",
    "cost of revenue": "COGS", "cost of revenues": "COGS",
    "cost savings": "cost savings", "savings": "cost savings",
    "debt": "debt", "leverage": "leverage", "backlog": "backlog", "bookings": "bookings",
    "orders": "orders", "rpo": "RPO", "remaining performance obligations": "RPO",
    "production": "production", "output": "production", "deliveries": "deliveries",
    "shipments": "shipments", "shipment": "shipments", "customers": "customers",
    "subscribers": "subscribers", "users": "users", "headcount": "headcount",
    "employees": "headcount", "inventory": "inventory", "inventories": "inventory",
    "share count": "share count", "dividend": "dividend", "dividends": "dividend",
    "buyback": "buyback", "share buyback": "buyback", "share repurchase": "buyback",
    "share repurchases": "buyback", "buybacks": "buyback", "repurchases": "buyback",
    "capital return": "capital return", "capital returns": "capital return",
    "distributions": "capital return",
    "uptime": "uptime", "availability": "availability", "yield": "yield",
    "tax rate": "tax rate", "effective tax rate": "tax rate", "market share": "market share",
    "book value": "book value", "deposits": "deposits", "loans": "loans",
    "assets under management": "AUM", "aum": "AUM", "occupancy": "occupancy", "churn": "churn",
    "arr": "ARR", "annual recurring revenue": "ARR", "arpu": "ARPU",
    "cet1": "CET1 ratio", "cet1 ratio": "CET1 ratio",
    "investment": "investment", "investments": "investment",
    "pricing": "pricing", "price": "pricing", "prices": "pricing",
    "expenses": "expenses", "costs": "costs", "cost": "costs",
    "guidance": "guidance", "growth": "growth",
}  # fmt: skip


def _alternation(terms: list[str], before: str = "") -> str:
    """``terms`` as one alternation, longest first, any whitespace between their words, with
    the terms that share a first letter behind it: "r(?:evenues|evenue|...)|s(?:...)". The
    engine then tries one group at a word instead of every term; as the terms are ASCII words,
    no two groups match at one place, so the first term to match is the same. ``before``, a
    class, may not come before a term: tested after its first letter."""
    groups: dict[str, list[str]] = {}
    for term in sorted(terms, key=len)[::-1]:
        pattern = r"\s+".join(map(re.escape, term.split()))
        first = re.escape(term[0])
        groups.setdefault(first, []).append(pattern[len(first) :])
    guard = "(?<!{0}{1})" if before else ""
    return "|".join(
        f"{first}{guard.format(before, first)}(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


_TERM = re.compile(r"(?<![\w-])(?:" + _alternation(list(_VOCAB)) + r")(?![\w-])", re.I)
# ``_TERM`` for lower-case text (``folded``): the same places and spans, as a character that
# ``str.lower`` makes ASCII is ASCII or a letter ("K" for kelvin), and ``folded`` gives up on
# the few others that ignoring case would take for an ASCII letter. Each branch opens with its
# letter, which lets the engine skip to it: a case-insensitive pattern, or one opening with a
# lookbehind, makes it try every character.
_TERM_LOW = re.compile(
    "(?:" + _alternation([term.lower() for term in _VOCAB], before=r"[\w-]") + r")(?![\w-])"
)
_GUIDANCE = re.compile(r"\s+(?:guidance|outlook|forecast|guide)\b", re.I)
# An amount followed by its growth: "revenue growth", "revenue to grow"; or its decline.
_GROWS_AFTER = re.compile(
    r"\s+(?:(?P<noun>growth)\b|to\s+(?:(?P<up>grow|increase)|(?P<down>decline|decrease))\b"
    r"(?!\s+(?:to|from)\b))",
    re.I,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"[A-Za-z][\w&'’-]*|\S")
_NUMBER = re.compile(
    r"(?<![\w.])[$€£¥]?\(?\d[\d,]*(?:\.\d+)?"
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
    r"\b(?P<w>up|down|grew|grown|grow(?:s|ing)?|growth\s+of|increased?|decreased?|rose|fell|"
    r"declined?|higher|lower|jumped|dropped)(?P<by>\s+by)?\s+"
    r"(?:[$€£]?[\d.,]+\s*(?:million|billion|thousand|trillion|mn|bn|m|b|k)?\s+or\s+)?"
    r"(?:(?:about|approximately|roughly|nearly|almost|over|more\s+than|some|around|between)\s+)?$",
    re.I,
)
# The second of two changes: "Loans were up 13% year-on-year and 1% sequentially".
_GROWTH_LIST = re.compile(
    r"\b(?P<w>up|down|grew|increased?|decreased?|rose|fell|declined?)\s+(?:by\s+)?"
    r"[^.;%]{0,30}%[^.;%\d]{0,30}\s+and\s+(?:(?:about|approximately|roughly)\s+)?$",
    re.I,
)
# Amounts: a percent is never their level, only their growth or a share of them.
_AMOUNTS = _words(
    """revenue sales EBITDA EPS cash capex R&D debt backlog bookings orders deliveries
    shipments customers subscribers users headcount inventory dividend buyback deposits loans
    AUM ARR ARPU costs COGS FFO AFFO RPO investment expenses"""
) | {"net income", "net loss", "operating income", "operating loss", "free cash flow",
     "operating cash flow", "cash flow", "operating expenses", "share count", "book value",
     "net interest income", "interest expense", "other income and expense", "cost savings",
     "capital return", "FFO per share", "AFFO per share"}  # fmt: skip
_DOWN = frozenset({"down", "decrease", "decreased", "fell", "decline", "declined", "lower",
                   "dropped"})  # fmt: skip
_OWNED = re.compile(
    r"(?:(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*|%|\b(?:million|billion|thousand|percent|points|"
    r"bps))\s*"
    r"(?:(?:of|in)\s+(?:(?:our|the|total|its)\s+)?)?$",
    re.I,
)
_LEAD_IN = re.compile(
    r"(?:\bof\s+)?(?:\b(?:about|approximately|roughly|nearly|almost|over|around|some|just|"
    r"negative|minus|more\s+than|less\s+than|close\s+to|up\s+to|an\s+estimated)\s+)*$",
    re.I,
)
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year"})
_BARRIER = re.compile(
    r";|\s--\s|\s[–—]\s|—|,\s+(?:and|but|including|while|with|which|where|whereas)\b", re.I
)
# A sentence (or a clause after a stop) begins here: its first word's capital is no name.
_OPENING = re.compile(r"(?:^|[.!?:;]\s)[\s\"'“‘(\[]*$")
_FORWARD = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|anticipat\w*|will|going\s+to|gonna|should|plan(?:s|ning)?|"
    r"aim(?:s|ing)?|target(?:s|ing)?|forecast\w*|project(?:s|ed|ing)?|intend\w*|hope|"
    r"on\s+track|outlook|could|can|may|might|would)\b|\w'll\b",
    re.I,
)
_OBJECT_LEAD = re.compile(
    r"(?:\s+(?:to|be|the|a|an|our|its|their|some|that|this|further|continued|more))*\s+", re.I
)
_VERB_THEN_LEAD = re.compile(
    r"[A-Za-z]+(?:\s+(?:to|be|the|a|an|our|its|their|some|that|this|further|continued|more))+"
    r"\s+",
    re.I,
)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:is|are|was|were|will|would|should|be|been|being|also|still|now))*\s*$", re.I
)
# "margin as a percent of revenue": the base of a ratio is not what is promised.
_SHARE_OF = re.compile(r"\b(?:percent|percentage|%|share|portion|proportion) of\s+$", re.I)

# An action whose name is the thing done: "open 12 stores" -> "store openings".
_ACTIONS = {
    "open": "openings", "ship": "shipments", "deliver": "deliveries", "hire": "hiring",
    "add": "additions", "launch": "launch", "introduce": "launch", "release": "release",
    "unveil": "unveiling", "build": "build-out", "close": "closing", "acquire": "acquisition",
    "repurchase": "repurchases", "invest": "investment", "spend": "spending",
    "contribute": "contribution", "reduce": "reduction", "cut": "cuts", "sell": "sale",
    "divest": "divestiture", "exit": "exit", "complete": "completion", "announce": "announcement",
    "expand": "expansion", "enter": "entry", "deploy": "deployment", "return": "return",
    "pay down": "paydown", "pay": "payment", "retire": "retirement", "refinance": "refinancing",
    "raise": "increase",
}  # fmt: skip
_IRREGULAR = {"built": "build", "sold": "sell", "spent": "spend", "paid": "pay"}
_VERB = (
    r"(?P<verb>" + "|".join(_IRREGULAR)
    + r"|(?:" + "|".join(_ACTIONS) + r")(?:s|es|d|ed|ing|ped|ping|ting)?)\b"
)  # fmt: skip
# The action a promise names after its cue ("we plan to open 12 stores", "to be built").
_ACTION = re.compile(
    r"(?:\S+\s+){0,5}?(?:(?:to|be)\s+)?(?:also\s+|further\s+)?" + _VERB + r"(?P<rest>[^,;:.]*)",
    re.I,
)
# The action whose object is the number at hand: "we opened 12 new stores".
_ACTION_BEFORE = re.compile(
    _VERB + r"\s+(?:(?:about|approximately|roughly|nearly|almost|over|some|around|another|"
    r"an\s+additional|more\s+than)\s+)*$",
    re.I,
)
# Where the patterns that end at a number (``_ACTION_BEFORE``, ``_GROWTH``, ``_GROWTH_LIST``,
# ``_LEAD_IN``) can start: their first words (or the start of each), lower-case.
_ACTION_STARTS = word_starts([*_IRREGULAR, *_ACTIONS])
_GROWTH_STARTS = word_starts(
    _words("""up down grew grown grow grows growing growth increase increased decrease decreased
    rose fell decline declined higher lower jumped dropped"""),
    after="a-z0-9_",
    space=True,
)
_LEAD_STARTS = word_starts(
    _words("""of about approximately roughly nearly almost over around some just negative minus
    more less close up an"""),
    after="a-z0-9_",
    space=True,
)


_FILLER = _words(
    """a an the our its their this that these those some all more additional about
    approximately roughly around nearly over up to just under least at another further new
    also"""
)
_OBJECT_STOP = re.compile(
    r"\b(?:in|on|at|by|for|with|from|into|over|through|during|before|after|as|and|or|but|"
    r"to|of|than|which|that|while|so|because|per|across|within|between|including)\b|[\d$%£€]",
    re.I,
)
# The amount that opens an object: "approximately $4 billion of parent support" -> "parent support"
_AMOUNT = re.compile(
    r"\s*(?:(?:about|approximately|roughly|around|nearly|up to|just under|more than|less than|"
    r"over|some)\s+)*(?:[$£€]\s?[\d.,]+|[\d.,]+\s?%?)?\s*(?:(?:percent|million|billion|"
    r"thousand|bn|mm|m|k|x)\b)?\s*(?:of\s+)?",
    re.I,
)
_PEOPLE = frozenset({"employee", "person", "people", "hire", "engineer", "worker"})
_PRONOUNS = _words(
    """we i it they you that this there which so believe think say can may might could would
    one year quarter"""
)


# --- finding the terms ------------------------------------------------------------------------


# A sentence is named once per number in it: its lower-case form is kept for the last few.
_folded = lru_cache(maxsize=256)(folded)


def _mentions(sentence: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """``_TERM.finditer(sentence, start, end)``, matched on the lower-case text where it can
    be (``_TERM_LOW``): the matches' places and lower-cased words are the same."""
    end = len(sentence) if end is None else end
    low = _folded(sentence)
    if low is None:
        return _TERM.finditer(sentence, start, end)
    return _TERM_LOW.finditer(low, start, end)


def _mention(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """``_TERM.search(sentence, start, end)`` as ``_mentions`` finds it."""
    return next(_mentions(sentence, start, end), None)


def _places(pattern: re.Pattern[str]) -> Callable[[str], tuple[int, ...] | None]:
    """Where in a sentence ``pattern`` (a ``word_starts``) finds a word: None where a rare
    character makes the lower-case text no guide (``folded``). A sentence is named once per
    number in it, and by commitments again, so the places of the last few are kept."""

    @lru_cache(maxsize=256)
    def places(sentence: str) -> tuple[int, ...] | None:
        low = _folded(sentence)
        return None if low is None else tuple(map(_START, pattern.finditer(low)))

    return places


_START = re.Match.start  # (mapped over matches: a generator costs a frame step each)
_action_places = _places(_ACTION_STARTS)
_growth_places = _places(_GROWTH_STARTS)  # of ``_GROWTH`` and of ``_GROWTH_LIST``
_lead_places = _places(_LEAD_STARTS)


def _ending(
    pattern: re.Pattern[str], starts: tuple[int, ...] | None, sentence: str, at: int
) -> re.Match[str] | None:
    """``pattern.search(sentence, 0, at)``, tried only at ``starts`` where known."""
    if starts is None:
        return pattern.search(sentence, 0, at)
    return search_ending(pattern, starts, sentence, at)


def _lead_in(sentence: str, at: int) -> re.Match[str] | None:
    """``_LEAD_IN.search(sentence, 0, at)``. The pattern also matches empty where ``$`` does:
    at ``at``, or at ``at - 1`` before a final newline; before that, only where one of its
    words starts."""
    starts = _lead_places(sentence)
    if starts is None:
        return _LEAD_IN.search(sentence, 0, at)
    tail = max(0, at - 1)
    for start in starts:
        if start >= tail:
            break
        found = _LEAD_IN.match(sentence, start, at)
        if found is not None:
            return found
    return _LEAD_IN.search(sentence, tail, at)


def _canonical(m: re.Match[str]) -> str:
    """The canonical name (``_VOCAB``) of a term as matched."""
    return _VOCAB[" ".join(m.group(0).lower().split())]
