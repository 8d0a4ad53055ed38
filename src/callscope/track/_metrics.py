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

The second half, :func:`term_counts` and :func:`distinctive_terms`, finds the topics a call
talks about. Both halves are word lists and rules over speech, which is why they share this
module (and why it runs past 400 lines: most of it is the lists themselves).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from callscope.model.facts import Figure, FigureKind

__all__ = [
    "TermCounts",
    "TopicTerm",
    "distinctive_terms",
    "is_reference",
    "is_thing",
    "looks_forward",
    "metric_of",
    "normalise_metric",
    "number_at",
    "term_counts",
]

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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
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
    until upon beyond versus vs"""
)  # fmt: skip
# Verb forms ("-ed", "-ing") are not modifiers, except these adjectives and nouns.
_KEEP = _words(
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
    r"\b(?P<w>up|down|grew|grown|growth\s+of|increased?|decreased?|rose|fell|declined?|"
    r"higher|lower|jumped|dropped)(?P<by>\s+by)?\s+"
    r"(?:[$€£]?[\d.,]+\s*(?:million|billion|thousand|trillion|mn|bn|m|b|k)?\s+or\s+)?"
    r"(?:(?:about|approximately|roughly|nearly|almost|over|more\s+than|some|around)\s+)?$",
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
    AUM ARR ARPU costs"""
) | {"net income", "net loss", "operating income", "operating loss", "free cash flow",
     "operating cash flow", "cash flow", "operating expenses", "share count", "book value",
     "net interest income"}  # fmt: skip
_DOWN = frozenset({"down", "decrease", "decreased", "fell", "decline", "declined", "lower",
                   "dropped"})  # fmt: skip
_BUILD = re.compile(
    r"\b(?:producing|produce[sd]?|building|build|built|builds|making|manufacturing|"
    r"manufactured?)\s+(?:(?:about|approximately|roughly|nearly|almost|over|some|around)\s+)?$",
    re.I,
)
_OWNED = re.compile(
    r"(?:(?<!\b(?:19|20)\d)\d|%|\b(?:million|billion|thousand|percent|points|bps))\s*"
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
_DEADLINE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:next\s+(?:year|quarter)|by\s+(?:the\s+end|year[- ]end)|"
    r"in\s+the\s+(?:coming|next)\b)",
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


def _content(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if not word[0].isalpha() or low in _STOP:
        return False
    if "'" in low and not (low.endswith("'s") and word[0].isupper()):
        return False  # "we're", "it's"; a name's possessive ("Europe's") is kept
    return low in _KEEP or not low.endswith(("ed", "ing", "ly"))


def _modifiers(sentence: str, start: int, floor: int = 0, limit: int = 3) -> tuple[int, str]:
    """The content words just before ``start`` and after ``floor`` (at most ``limit``, one
    inner "and"); returns where they begin and the words, lower-cased."""
    words = [(m.start(), m.group(0)) for m in _TOKEN.finditer(sentence, floor, start)]
    chain: list[str] = []
    first = start
    used_and = False
    i = len(words) - 1
    while i >= 0 and len(chain) - used_and < limit:
        at, word = words[i]
        inner_and = word.lower() in ("and", "&") and chain and not used_and and i > 0
        if inner_and and _content(words[i - 1][1]):
            chain.insert(0, "and")
            used_and = True
            i -= 1
            continue
        if not _content(word):
            break
        chain.insert(0, word.lower())
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
    """The mention nearest before ``at``, not across a ";" or a dash, and not one that belongs
    to an earlier number ("81% of revenue and Europe 17%": revenue is the 81%'s)."""
    barrier = 0
    for b in _BARRIER.finditer(sentence, 0, at):
        barrier = b.end()
    mentions = list(_TERM.finditer(sentence, barrier, at))
    for m in reversed(mentions):
        first, _ = _modifiers(sentence, m.start())
        if not _OWNED.search(sentence, 0, first):
            return m
    return None


def _after(sentence: str, end: int) -> tuple[re.Match[str], bool] | None:
    """A mention straight after the number (its modifiers and "of"/"in" between allowed)."""
    m = _TERM.search(sentence, end, min(len(sentence), end + 60))
    if m is None:
        return None
    first, _ = _modifiers(sentence, m.start(), floor=end)
    gap = _CONNECTOR.match(sentence[end:first])
    if gap is None:
        return None
    return m, gap.group("of") is not None and gap.group("of").lower() == "of"


def _phrase_before(sentence: str, at: int) -> tuple[int, int, str]:
    """The content words ending just before the number, past qualifiers and an "of"
    ("pick rates about 12%", "sales of $2.3 billion"): start, end and the words."""
    lead = _LEAD_IN.search(sentence, 0, at)
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


def metric_of(sentence: str, figure: Figure | None = None, *, at: int | None = None) -> str | None:
    """The metric a number in ``sentence`` measures, or None where no metric is named.

    ``at`` is the offset of the number in ``sentence``; without it the number is found by the
    figure's quote, and without a figure the first metric the sentence names is taken.
    """
    if at is None and figure is not None:
        at = _locate(sentence, figure)
    if at is None:
        return _promised(sentence, figure)
    unit = figure.unit if figure is not None else ""
    after = _after(sentence, _number_end(sentence, at))
    if after is not None:
        m, of = after
        if unit == "%" and of:
            subject = _subject(sentence, at)
            return f"{subject} share of {_name(sentence, m)}" if subject else None
        return _name(sentence, m)
    if figure is not None and figure.kind is FigureKind.DURATION:
        return None  # "9 weeks", "41 days": only "N weeks of inventory" names a metric
    growth = _GROWTH.search(sentence, 0, at)
    if unit == "%" and growth is None:
        growth = _GROWTH_LIST.search(sentence, 0, at)
    if unit in ("%", "bps", "pp") and growth:
        grown = _before(sentence, growth.start())
        if grown is None:
            return None
        change = "decline" if growth.group("w").lower() in _DOWN else "growth"
        return f"{_name(sentence, grown)} {change}"
    if growth and growth.group("by"):  # "EBITDA decreased by $51 million": a change, not a level
        grown = _before(sentence, growth.start())
        return None if grown is None else f"{_name(sentence, grown)} change"
    start, end, phrase = _phrase_before(sentence, at)
    if phrase:  # the number follows a noun phrase: named by its head, or by nothing we know
        named = _TERM.search(sentence, start, end)
        if named is None or named.end() != end or not _fits(named, unit):
            return _rate_name(sentence, at, figure)
        return _name(sentence, named)
    return _named_before(sentence, at, figure)


def _fits(m: re.Match[str], unit: str) -> bool:
    """False for a percent given to an amount ("revenue ... 25%" is not revenue's level)."""
    return unit != "%" or _VOCAB[" ".join(m.group(0).lower().split())] not in _AMOUNTS


def _promised(sentence: str, figure: Figure | None) -> str | None:
    """What a sentence with no placed number promises: the first metric after its forward
    cue, else the object of the cue ("expect a small drag", "will open the Leipzig
    facility"), else its first metric."""
    cue = _FORWARD.search(sentence)
    named = _TERM.search(sentence, cue.end()) if cue else None
    if named is None and cue is not None:
        phrase = _object(sentence, cue.end())
        if phrase:
            return phrase
    named = named or _TERM.search(sentence)
    return _name(sentence, named) if named else _rate_name(sentence, None, figure)


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


def _named_before(sentence: str, at: int, figure: Figure | None) -> str | None:
    m = _before(sentence, at)
    if m is None or not _fits(m, figure.unit if figure is not None else ""):
        return _rate_name(sentence, at, figure)
    name = _name(sentence, m)
    if name.endswith("production") and figure is not None and figure.per:
        return name + " rate"
    return name


def _rate_name(sentence: str, at: int | None, figure: Figure | None) -> str | None:
    if figure is None or not figure.per or not is_thing(figure.unit):
        return None
    if at is not None and _BUILD.search(sentence, 0, at):
        return "production rate"
    return f"{figure.unit} rate"


def is_thing(unit: str | None) -> bool:
    """True for a unit that names a counted thing ("robot"), not a time, sign or stray word."""
    return bool(unit and re.fullmatch(r"[a-z]{2,}", unit)) and unit not in _TIME_UNITS | _STOP


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
    if _FORWARD.search(sentence, 0, at):
        return True
    return bool(_DEADLINE_AFTER.match(sentence, _number_end(sentence, at)))


def normalise_metric(name: str) -> str:
    """A metric named by a person ("Total Revenues", "Capital expenditures", "Gross Margin")
    as :func:`metric_of` names figures and commitments ("revenue", "capex", "gross margin"),
    so user-supplied actuals meet them. A name with no known metric is kept, lower-cased with
    its whitespace collapsed ("robots produced per week")."""
    text = " ".join(name.split())
    m = _TERM.search(text)
    return _name(text, m) if m else text.lower()


# --- distinctive terms ------------------------------------------------------------------------
# What a call talks about, without a tagger: lower-case words and adjacent word pairs, plurals
# folded, after a stop list of function words, conversation and earnings-call boilerplate.
# Lives beside the metric rules because both are word lists over a call's speech.


@dataclass(frozen=True, slots=True)
class TopicTerm:
    """A term distinctive of one call: its count there and in the other call."""

    term: str
    count: int
    other: int


_TOPIC_STOP = _STOP | _words(
    """about above after again against also always among any anything around back because
    before below between both bit call calls can't couldn't didn't doesn't don't down during
    either else enough even ever everyone everything few from going gonna great here hi
    hello i'd i'll i'm i've into it's just kind know let let's lot lots like little look
    looking maybe mean much need okay once one ones only out part point pretty quite
    question questions rather right said same saw seeing sense should sort still sure
    thank thanks that's then there there's these thing things think though through today
    together too two three four five six seven eight nine ten twenty hundred upon us used
    using want way ways we'd we'll we're we've well what's whether why within without work
    yeah yes yet you're you've afternoon morning evening everybody everyone operator line
    instructions conference remarks forward-looking statements risks uncertainties
    materially results call's ladies gentlemen welcome listen-only session congrats
    congratulations appreciate helpful great thank-you go went done doing getting making
    taking coming talking trying saying having being giving putting starting continue
    continued continues continuing expect expected expecting talk said says tell told
    ask asked asking answer answered help helps helped time times end start level levels
    number numbers term terms side area areas piece pieces detail details color view
    cents dollars percent percentage basis january february march april may june july august
    september october november december monday tuesday wednesday thursday friday"""
)
_TOPIC_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[.,;:!?()\[\]]|\d+")


def _lemma(word: str) -> str:
    """Lower case, possessive and plural folded: "robots" -> "robot", "companies" -> "company"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def _topical(word: str) -> bool:
    if len(word) < 3 or word in _TOPIC_STOP or not word[0].isalpha():
        return False
    return word in _KEEP or not word.endswith(("ed", "ly", "n't"))


_NOUN_BEFORE = _words(
    """the a an our its their this that these those his her my your some any each every
    of in on for with about from into per new more"""
)


@dataclass(frozen=True, slots=True)
class TermCounts:
    """How often each topical word and pair is said, and which words are used as nouns."""

    counts: Counter[str]
    nouns: frozenset[str]


def term_counts(texts: Iterable[str], *, exclude: Iterable[str] = ()) -> TermCounts:
    """Counts of topical words and adjacent pairs in ``texts`` (words in ``exclude`` skipped).

    A word is a noun where it follows a determiner or a preposition at least once ("the
    buyback") or is capitalised inside a sentence ("Leipzig"); only nouns and pairs are
    topics, which keeps verbs and adjectives ("assume", "confident") out.
    """
    skip = {w.lower() for w in exclude}
    counts: Counter[str] = Counter()
    nouns: set[str] = set()
    for text in texts:
        previous: str | None = None
        before = "."
        for token in _TOPIC_TOKEN.findall(text):
            raw = token.lower()
            word = _lemma(token)
            if not _topical(raw) or not _topical(word) or raw in skip or word in skip:
                previous, before = None, raw
                continue
            counts[word] += 1
            if previous is not None:
                counts[f"{previous} {word}"] += 1
            if before in _NOUN_BEFORE or (token[0].isupper() and before not in (".", "!", "?")):
                nouns.add(word)
            previous, before = word, raw
    return TermCounts(counts, frozenset(nouns))


def distinctive_terms(
    mine: TermCounts, other: TermCounts, *, top: int = 8, least: int = 2
) -> tuple[TopicTerm, ...]:
    """The ``top`` nouns and pairs most frequent in ``mine`` and absent or rare in ``other``.

    Rare: at most a quarter as frequent. A word is left out when a chosen pair holds it and
    the pair accounts for at least half its uses ("drive motor" rather than "drive", "motor").
    """
    n, m = mine.counts, other.counts
    candidates = sorted(
        (t for t, k in n.items()
         if k >= least and m[t] * 4 <= k and (" " in t or t in mine.nouns)),
        key=lambda t: (-n[t], -t.count(" "), t),
    )  # fmt: skip
    pairs = [t for t in candidates if " " in t][: top * 2]
    chosen: list[str] = []
    for term in candidates:
        if " " not in term and any(term in p.split() and n[p] * 2 >= n[term] for p in pairs):
            continue
        if " " in term and any(w in chosen and n[w] > n[term] * 2 for w in term.split()):
            continue
        chosen.append(term)
        if len(chosen) == top:
            break
    return tuple(TopicTerm(t, n[t], m[t]) for t in chosen)
