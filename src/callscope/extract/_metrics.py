"""Metric names: what a number measures, or what a promise is about, as one short noun phrase.

The one namer of the project. Figures (``FiguresExtractor``), commitments (``commitments.py``)
and user-supplied actuals (:func:`normalise_metric`) are all named here, so that "gross margin
was 29.1%" and "we expect gross margin between 29% and 30%" both speak of ``gross margin``, and
"we built 910 robots a week" and "we will reach 1,000 Tern robots per week" of ``robot rate``.

A metric is a term of a compact vocabulary with the content words just before it as its
modifiers ("software and services revenue", "non-GAAP operating loss", "net sales"). Dropped
from the modifiers: generic words ("total", "full-year", "record"), magnitudes
("double-digit"), words with digits ("Q4") and proper names inside a sentence ("Office",
"Tern": a product or a place names a part of the business, not another measure).

A number placed at ``at`` in a sentence is named by the first rule that applies:

0. a rate of counted things ("450 robots a week") is the rate of that thing ("robot rate"),
   whatever verb or metric word surrounds it;
1. a metric named right after the number ("$412 million in cash", "30% gross margin");
   "N% of revenue" is the share of revenue of the thing named before it;
2. a count that an action verb governs ("opened 12 stores") is named by the action
   ("store openings"; people hired: "headcount");
3. a percent after "up", "grew", "to grow" is the growth (decline) of the metric before it; an
   amount after "decreased by" is its change;
4. the metric that heads the noun phrase before the number ("gross margin of 29.1%");
5. the metric named nearest before the number, unless it belongs to an earlier number.

A promise (a sentence with a forward cue, given as ``cue`` or found) whose number these rules
leave unnamed, or that has none, is named by the metric said between its cue and its number,
else the subject just before the cue ("45% will be recognized"), else the first metric after
the cue; else by the action promised ("invest $500 million": "investment"); else by the
object the cue governs ("we expect a small drag": "small drag").

Hand-written rather than a parser: a few dozen terms cover what calls report, and no model
is needed at run time. Past the ~400-line budget because most of it is the word lists, and
because a number's sentence is read once per number: the patterns that end at the number are
tried only where their first words are (``_places``), and terms are found on the lower-case
text, where the engine can skip to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from callscope.extract._text import folded, search_ending, word_starts
from callscope.model.facts import Figure, FigureKind

__all__ = [
    "KEEP_WORDS",
    "STOP_WORDS",
    "forward_cue",
    "is_subject",
    "is_thing",
    "metric_of",
    "normalise_metric",
    "number_at",
    "number_end",
]

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


# Words that end a modifier chain: function words, verbs and adverbs of reporting, time words,
# magnitudes, and generic or evaluative qualifiers that do not change what is measured.
STOP_WORDS = _words(
    """a an the our their its his her my your this that these those we i you they it he she
    of in on at for to from by with as and or but so than then also still now just only
    is are was were be been being has have had do does did will would should could can may
    might must shall up down about around roughly approximately nearly almost over under
    total overall reported record strong solid healthy robust good great better best higher
    lower weaker full-year annual quarterly consolidated year quarter month week day first
    second third fourth last next prior previous current same period fiscal full half
    million billion thousand percent per each every all some more most less least very
    really further another other while which who whose where when what how if not no
    make makes made account accounts accounted represent represents represented came come
    comes stood reached reach ended grew rose fell improved averaged totaled totalled
    narrowed widened increased decreased declined exited added shipped delivered generated
    produced contributed remain remains remained get got including included expect expects
    anticipate see sees hold holds keep give gave provide guide raise reach deliver drive
    carry say think believe reduce took take off basis points bps ago since into onto like
    across through within without between among toward towards via after before during
    until upon beyond versus vs high low mid single double digit digits double-digit
    single-digit triple-digit"""
)  # fmt: skip
# Verb forms ("-ed", "-ing") are not modifiers, except these adjectives and nouns.
KEEP_WORDS = _words(
    """adjusted diluted annualized normalized weighted combined operating recurring existing
    outstanding remaining manufacturing marketing advertising lending banking trading housing
    shipping licensing consulting processing pricing funding"""
)  # fmt: skip
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


def number_at(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The offset of the first number (digits or a number word) in ``text[start:end]``."""
    m = _NUMBER.search(text, start, len(text) if end is None else end)
    return m.start() if m else None


def number_end(sentence: str, at: int) -> int:
    """Where the number at ``at`` ends, with its scale and percent sign ("$5.4 million")."""
    m = _NUMBER.match(sentence, at)
    end = m.end() if m else at
    tail = _NUMBER_TAIL.match(sentence, end)
    return tail.end() if tail else end


def forward_cue(sentence: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first word in ``sentence[start:end]`` that looks ahead ("expect", "will", "plan")."""
    return _FORWARD.search(sentence, start, len(sentence) if end is None else end)


def is_thing(unit: str | None) -> bool:
    """True for a unit that names a counted thing ("robot"), not a time, sign or stray word."""
    return bool(unit and re.fullmatch(r"[a-z]{2,}", unit)) and unit not in _TIME_UNITS | STOP_WORDS


def normalise_metric(name: str) -> str:
    """A metric named by a person ("Total Revenues", "Capital expenditures", "Gross Margin")
    as :func:`metric_of` names figures and commitments ("revenue", "capex", "gross margin"),
    so user-supplied actuals meet them. A name with no known metric is kept, lower-cased with
    its whitespace collapsed ("robots produced per week")."""
    text = " ".join(name.split())
    m = _TERM.search(text)
    return _name(text, m) if m else text.lower()


def metric_of(
    sentence: str, figure: Figure | None = None, *, at: int | None = None, cue: int | None = None
) -> str | None:
    """The metric a number in ``sentence`` measures, or a promise is about; None where no
    metric is named.

    ``at`` is the offset of the number in ``sentence``; without it the number is found by the
    figure's quote. ``cue`` is the offset of a promise's forward cue: where given, or where no
    number is placed, a number the rules leave unnamed is named as a promise (module doc).
    """
    if figure is not None and figure.per and is_thing(figure.unit):
        return f"{figure.unit} rate"
    if at is None and figure is not None:
        at = _locate(sentence, figure)
    if at is not None:
        name = _placed(sentence, at, figure)
        if name is not None or cue is None:
            return name
    return _promised(sentence, figure, cue, at)


# --- a placed number ---------------------------------------------------------------------------


def _placed(sentence: str, at: int, figure: Figure | None) -> str | None:
    unit = figure.unit if figure is not None else ""
    after = _after(sentence, number_end(sentence, at))
    if after is not None:
        m, of = after
        if unit == "%" and of:
            subject = _subject(sentence, at)
            return f"{subject} share of {_name(sentence, m)}" if subject else None
        return _name(sentence, m)
    if figure is not None and figure.kind is FigureKind.DURATION:
        return None  # "9 weeks", "41 days": only "N weeks of inventory" names a metric
    if figure is not None and figure.kind is FigureKind.COUNT:
        done = _ending(_ACTION_BEFORE, _action_places(sentence), sentence, at)
        counted = _counted(figure, _verb(done)) if done is not None else None
        if counted is not None:
            return counted
    growth = _ending(_GROWTH, _growth_places(sentence), sentence, at)
    if unit == "%" and growth is None:
        growth = _ending(_GROWTH_LIST, _growth_places(sentence), sentence, at)
    if unit in ("%", "bps", "pp") and growth:
        return _changed(sentence, growth, "decline" if growth.group("w").lower() in _DOWN
                        else "growth")  # fmt: skip
    if growth and growth.group("by"):  # "EBITDA decreased by $51 million": a change, not a level
        return _changed(sentence, growth, "change")
    start, end, phrase = _phrase_before(sentence, at)
    if phrase:  # the number follows a noun phrase: named by its head, or by nothing we know
        named = _mention(sentence, start, end)
        if named is None or named.end() != end or not _fits(named, unit):
            return None
        return _name(sentence, named)
    nearest = _before(sentence, at)
    if nearest is None or not _fits(nearest, unit):
        return None
    return _name(sentence, nearest)


def _changed(sentence: str, growth: re.Match[str], change: str) -> str | None:
    grown = _before(sentence, growth.start())
    if grown is None:
        return None
    name = _name(sentence, grown)
    return name if name.endswith((" growth", " decline")) else f"{name} {change}"


def _after(sentence: str, end: int) -> tuple[re.Match[str], bool] | None:
    """A mention straight after the number (its modifiers and "of"/"in" between allowed)."""
    m = _mention(sentence, end, min(len(sentence), end + 60))
    if m is None:
        return None
    first, _ = _modifiers(sentence, m.start(), floor=end)
    gap = _CONNECTOR.match(sentence[end:first])
    if gap is None:
        return None
    return m, gap.group("of") is not None and gap.group("of").lower() == "of"


def _before(sentence: str, at: int) -> re.Match[str] | None:
    """The mention nearest before ``at``, not across a ";" or a dash, and not one that belongs
    to an earlier number ("81% of revenue and Europe 17%": revenue is the 81%'s)."""
    barrier = 0
    for b in _BARRIER.finditer(sentence, 0, at):
        barrier = b.end()
    mentions = list(_mentions(sentence, barrier, at))
    for m in reversed(mentions):
        first, _ = _modifiers(sentence, m.start())
        if not _OWNED.search(sentence, 0, first):
            return m
    return None


def _phrase_before(sentence: str, at: int) -> tuple[int, int, str]:
    """The content words ending just before the number, past qualifiers and an "of"
    ("pick rates about 12%", "sales of $2.3 billion"): start, end and the words."""
    lead = _lead_in(sentence, at)
    end = len(sentence[: lead.start() if lead else at].rstrip())
    start, phrase = _modifiers(sentence, end)
    return start, end, phrase


def _subject(sentence: str, at: int) -> str | None:
    """What comes before the number: a named metric, else the noun phrase before the verb."""
    m = _before(sentence, at)
    if m:
        return _name(sentence, m)
    end = None
    for t in _TOKEN.finditer(sentence, 0, at):
        if _content(t.group(0)):
            end = t.end()
        elif end is not None and not t.group(0)[0].isalpha():
            end = None  # punctuation or a number between: not the subject
    if end is None:
        return None
    return _modifiers(sentence, end)[1] or None


def _fits(m: re.Match[str], unit: str) -> bool:
    """False for a percent given to an amount ("revenue ... 25%" is not revenue's level)."""
    return unit != "%" or _canonical(m) not in _AMOUNTS


def _locate(sentence: str, figure: Figure) -> int | None:
    words = figure.quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), sentence)
    if found is None:
        return None
    return number_at(sentence, found.start(), found.end())


# --- a promise ---------------------------------------------------------------------------------


def _promised(sentence: str, figure: Figure | None, cue: int | None, at: int | None) -> str | None:
    """A promise's metric: a mention placed by its cue and number, else its action, else the
    object its cue governs (module doc)."""
    if cue is None:
        found = _FORWARD.search(sentence)
        cue = found.start() if found else None
    mentions = [m for m in _mentions(sentence) if not _SHARE_OF.search(sentence, 0, m.start())]
    if cue is None:
        return _name(sentence, mentions[0]) if mentions else None
    subject = next((m for m in reversed(mentions) if is_subject(sentence, m.end(), cue)), None)
    if at is not None:
        chosen = next((m for m in reversed(mentions) if cue <= m.start() and m.end() <= at), None)
        chosen = chosen or subject or next((m for m in reversed(mentions) if m.end() <= at), None)
    else:
        chosen = subject or next((m for m in mentions if m.start() >= cue), None)
    if chosen is not None:
        return _name(sentence, chosen)
    action = _action(sentence, cue, figure) if figure is not None else None
    if action is not None:
        return action
    if mentions:
        return _name(sentence, mentions[0])
    said = _FORWARD.match(sentence, cue) or _TOKEN.match(sentence, cue)
    named = _object(sentence, said.end() if said else cue)
    if named is None:  # the noun phrase before the cue ("asset monetizations will generate")
        word = _WORD_END.search(sentence[:cue])  # the cue's word: "we'll" of "'ll"
        aux = _AUXILIARIES.search(sentence, 0, cue - len(word.group(0)) if word else cue)
        named = _modifiers(sentence, aux.start() if aux else cue)[1] or None
    if named is None and at is not None:  # before the number ("D&A of about $1.4 billion")
        named = _phrase_before(sentence, at)[2] or None
    return named


def is_subject(text: str, end: int, cue: int) -> bool:
    """Whether what ends at ``end`` is the subject of the forward cue at ``cue`` ("45% will
    be", "revenue is expected"): at most two words between, no comma and no pronoun."""
    between = text[end:cue] if end <= cue else ","
    return len(between.split()) <= 2 and not _NOT_SUBJECT.search(between)


_WORD_END = re.compile(r"[\w'’]*$")
_NOT_SUBJECT = re.compile(r"[,;:]|\b(?:we|I|you|they)\b", re.I)


def _object(sentence: str, at: int) -> str | None:
    """The noun phrase after ``at``, past determiners and one verb before a determiner."""
    lead = _OBJECT_LEAD.match(sentence, at)
    at = lead.end() if lead else at
    verb = _VERB_THEN_LEAD.match(sentence, at)
    at = verb.end() if verb else at
    words: list[str] = []
    for t in _TOKEN.finditer(sentence, at):
        if not _content(t.group(0)) or len(words) == 3:
            break
        words.append(t.group(0).lower())
    return " ".join(words) or None


def _verb(m: re.Match[str]) -> str:
    """The base form of an action verb as matched ("opened" -> "open", "built" -> "build")."""
    said = " ".join(m.group("verb").lower().split())
    if said in _IRREGULAR:
        return _IRREGULAR[said]
    return next(v for v in sorted(_ACTIONS, key=len, reverse=True) if said.startswith(v))


def _counted(figure: Figure, verb: str) -> str | None:
    """A count an action governs, named by what it counts: "store openings", "headcount"."""
    if verb == "add" and figure.kind is not FigureKind.COUNT:
        return None  # "add $100 million in NII": the metric named is what grows
    if figure.kind is not FigureKind.COUNT or not is_thing(figure.unit):
        return None
    if figure.unit in _PEOPLE:
        return "headcount"
    return f"{figure.unit} {_ACTIONS[verb]}"


def _action(sentence: str, cue: int, figure: Figure) -> str | None:
    """The action a promise with a target names after its cue: what it counts ("store
    openings"), else its object and the action ("parent support contribution")."""
    m = _ACTION.match(sentence, cue)
    if m is None:
        return None
    verb = _verb(m)
    if verb == "add" and figure.kind is not FigureKind.COUNT:
        return None
    counted = _counted(figure, verb)
    if counted is not None:
        return counted
    text = m.group("rest")
    text = text[_AMOUNT.match(text).end() :]  # type: ignore[union-attr]
    stop = _OBJECT_STOP.search(text)
    head = [w.strip(",.;:!?\"'") for w in (text[: stop.start()] if stop else text).split()]
    words = [w.lower() for w in head if w and w.lower() not in _FILLER | _PRONOUNS][:3][-2:]
    if words:
        words[-1] = _singular(words[-1])
    return " ".join([*words, _ACTIONS[verb]])


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# --- names -------------------------------------------------------------------------------------

_GAAP = re.compile(r"\bgaap\b")


def _canonical(m: re.Match[str]) -> str:
    return _VOCAB[" ".join(m.group(0).lower().split())]


def _name(sentence: str, m: re.Match[str]) -> str:
    """A vocabulary mention with its modifiers, an amount's growth after it, and a following
    "guidance"."""
    canonical = _canonical(m)
    _, modifiers = _modifiers(sentence, m.start(), names=False)
    if canonical == "buyback":
        modifiers = " ".join(w for w in modifiers.split() if w != "share")
    modifiers = _GAAP.sub("GAAP", modifiers)
    name = f"{modifiers} {canonical}" if modifiers else canonical
    end = m.end()
    grows = _GROWS_AFTER.match(sentence, end) if canonical in _AMOUNTS else None
    if grows is not None:
        name += " decline" if grows.group("down") else " growth"
        end = grows.end() if grows.group("noun") else end
    if _GUIDANCE.match(sentence, end):
        name += " guidance"
    return name


# The same few thousand words are tested for every number of a call.
@lru_cache(maxsize=4096)
def _content(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if not word[0].isalpha() or low in STOP_WORDS or any(c.isdigit() for c in word):
        return False
    if "'" in low and not (low.endswith("'s") and word[0].isupper()):
        return False  # "we're", "it's"; a name's possessive ("Europe's") is kept
    return low in KEEP_WORDS or not low.endswith(("ed", "ing", "ly"))


def _modifiers(
    sentence: str, start: int, floor: int = 0, limit: int = 3, *, names: bool = True
) -> tuple[int, str]:
    """The content words just before ``start`` and after ``floor`` (at most ``limit``, one
    inner "and"); returns where they begin and the words, lower-cased. Without ``names``, a
    capitalised word inside the sentence (a product, a place) ends them; "GAAP" does not."""
    # The words are read from the last ``_WINDOW`` characters first (from a whitespace there,
    # where the tokens are those read from ``floor``, as no token holds a space), and from
    # ``floor`` only where the chain may reach further back.
    lo = max(floor, start - _WINDOW)
    space = _SPACE.search(sentence, lo - 1, start) if lo > floor else None
    lo = space.end() if space is not None else floor
    while True:
        words = list(_TOKEN.finditer(sentence, lo, start))
        first, chain, stop = _chain(sentence, words, start, limit, names)
        if stop > 0 or lo == floor:
            return first, chain
        lo = floor


_WINDOW = 40
_SPACE = re.compile(r"\s")


def _chain(
    sentence: str, words: list[re.Match[str]], start: int, limit: int, names: bool
) -> tuple[int, str, int]:
    """``_modifiers`` over its words; also the index it stopped at, where 0 or less means
    that it read the first of ``words`` or would have gone on before it."""
    chain: list[str] = []
    first = start
    used_and = False
    i = len(words) - 1
    while i >= 0 and len(chain) - used_and < limit:
        word = words[i].group()
        inner_and = word.lower() in ("and", "&") and chain and not used_and and i > 0
        if inner_and and _content(words[i - 1].group()):
            chain.insert(0, "and")
            used_and = True
            i -= 1
            continue
        if not _content(word) or (not names and _proper(sentence, words[i].start(), word)):
            break
        chain.insert(0, word.lower())
        first = words[i].start()
        i -= 1
    if chain and chain[0] == "and":
        chain.pop(0)
    return first, " ".join(chain), i


def _proper(sentence: str, at: int, word: str) -> bool:
    """A capitalised word inside the sentence: a name, not a kind of measure."""
    if not word[0].isupper() or "gaap" in word.lower():
        return False
    return not _OPENING.search(sentence, 0, at)
