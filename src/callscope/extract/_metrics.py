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
leave unnamed is named by the metric said between its cue and its number, else the subject
just before the cue ("45% will be recognized"), else the first metric after the cue; else by
the action promised ("invest $500 million": "investment"); else by the object the cue governs.

A promise with no number (no target) is named, after a metric that is its subject, by what it
promises: the verb its cue governs ("will", "plan to", "expect to", past "continue to", "be
able to") and that verb's object, in one style: lower case, the verb in its base form, then
at most three words of the object without determiners, quantities, degree words ("small",
"significant") or times, its last word singular: "open leipzig facility", "make call", "host
investor day". A metric the object names is the name ("we will invest in R&D": "R&D"; "we
expect a decline in oil production": "oil production"), but a verb of telling or deciding
keeps its place before it ("give guidance", "consider buyback"). Where the cue governs a noun
phrase, that phrase alone ("we expect a small drag": "drag"; "we expect margins to come
down": "margin"). Where the verb has no object, its subject takes the object's place for an
action done to it ("the Leipzig facility will open": "open leipzig facility") and is the name
otherwise ("demand will recover": "demand"), as for a state ("Power will be down": "power").
So a promise restated in other words keeps its name, which ``group`` and the tracker match.

Hand-written rather than a parser: a few dozen terms cover what calls report, and no model
is needed at run time. Here are the rules; the terms, word lists and patterns they read are
in ``_metric_terms`` (which also finds terms fast: a number's sentence is read once per
number), and the modifier chain before a term is read by ``_metric_modifiers``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from callscope.extract._metric_modifiers import STOP_WORDS, _content, _modifiers
from callscope.extract._metric_terms import (
    _ACTION,
    _ACTION_BEFORE,
    _ACTIONS,
    _ADVERBS,
    _AMOUNT,
    _AMOUNTS,
    _AUXILIARIES,
    _BARRIER,
    _CHAIN,
    _CONNECTOR,
    _COPULAS,
    _DOWN,
    _FILLER,
    _FORWARD,
    _GROWS_AFTER,
    _GROWTH,
    _GROWTH_LIST,
    _GUIDANCE,
    _IRREGULAR,
    _MODAL,
    _NOT_PLURAL,
    _NOT_VERB,
    _NUMBER,
    _NUMBER_TAIL,
    _OBJECT_END,
    _OBJECT_LEAD,
    _OBJECT_SKIP,
    _OBJECT_STOP,
    _OF_AFTER,
    _OWNED,
    _PARTICLES,
    _PEOPLE,
    _PRONOUNS,
    _SHARE_OF,
    _TELL,
    _TERM,
    _TIME_UNITS,
    _TIME_WORDS,
    _TOKEN,
    _VAGUE,
    _VERB_THEN_LEAD,
    _action_places,
    _canonical,
    _ending,
    _growth_places,
    _lead_in,
    _mention,
    _mentions,
)
from callscope.model.facts import Figure, FigureKind

__all__ = [
    "forward_cue",
    "is_subject",
    "is_thing",
    "metric_of",
    "normalise_metric",
    "number_at",
    "number_end",
]


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
        chosen = subject
        if chosen is None and figure is None:  # no target: named by what it promises
            deed = _deed(sentence, cue, mentions)
            if deed:
                return deed
        chosen = chosen or next((m for m in mentions if m.start() >= cue), None)
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
        named = _subject_before(sentence, cue) or None
    if named is None and at is not None:  # before the number ("D&A of about $1.4 billion")
        named = _phrase_before(sentence, at)[2] or None
    return named


def is_subject(text: str, end: int, cue: int) -> bool:
    """Whether what ends at ``end`` is the subject of the forward cue at ``cue`` ("45% will
    be", "revenue is expected"): at most two words between, no comma and no pronoun."""
    between = text[end:cue] if end <= cue else ","
    return len(between.split()) <= 2 and not _NOT_SUBJECT.search(between)


def _subject_before(sentence: str, cue: int) -> str:
    """The content words just before the cue and its auxiliaries ("the plant will")."""
    word = _WORD_END.search(sentence[:cue])  # the cue's word: "we'll" of "'ll"
    aux = _AUXILIARIES.search(sentence, 0, cue - len(word.group(0)) if word else cue)
    return _modifiers(sentence, aux.start() if aux else cue)[1]


_WORD_END = re.compile(r"[\w'’]*\Z")  # (not "$": a line break may end the text before the cue)
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


def _deed(sentence: str, cue: int, mentions: list[re.Match[str]], depth: int = 0) -> str | None:
    """What a promise without a target promises (module doc): the verb its cue governs and
    that verb's object, a metric its object names, or the noun phrase its cue governs."""
    said = _FORWARD.match(sentence, cue) or _TOKEN.match(sentence, cue)
    if said is None:
        return None
    tokens = list(_TOKEN.finditer(sentence, said.end(), said.end() + _READ))
    low = [t.group(0).lower() for t in tokens]
    i = _past(low, 0)
    verbal = _MODAL.fullmatch(said.group(0)) is not None
    if not verbal and _at(low, i) == "that" and _at(low, i + 1) in _PRONOUNS:
        inner = _FORWARD.search(sentence, tokens[i].end())  # "we expect that we will open"
        return _deed(sentence, inner.start(), mentions, 1) if inner and not depth else None
    ahead = tokens[i].start() if i < len(tokens) and not depth else None
    if ahead is not None and not _FORWARD.match(sentence, cue) and _FORWARD.match(sentence, ahead):
        return _deed(sentence, ahead, mentions, 1)  # "probably will", "probably target"
    i += _at(low, i) == "there"  # "we expect there to be"
    if not verbal and _at(low, i) == "to":
        verbal, i = True, i + 1
    verb = None
    if verbal:
        found = _verb_at(low, i)
        if found is None or found[0] == "do":
            return None
        verb, i = found
        if verb in _COPULAS:  # a state ("Power will be down"): named by its subject
            return _compact(_subject_before(sentence, cue).split()) or None
        if verb in ("expect", "anticipate"):  # "you should expect volatility"
            verb = None
    return _done(sentence, cue, (said.end(), tokens, low, i), verb, mentions)


def _done(
    sentence: str,
    cue: int,
    read: tuple[int, list[re.Match[str]], list[str], int],
    verb: str | None,
    mentions: list[re.Match[str]],
) -> str | None:
    """The name of a deed from its verb (None: the cue governs a noun phrase) and the noun
    phrase from ``i``: a metric it names, else the verb and the phrase's words."""
    after_cue, tokens, low, i = read
    words, j = _noun_words(tokens, low, i)
    going = _verb_at(low, j + 1) if verb is None and words and _at(low, j) == "to" else None
    if going is not None:  # "we expect FX to lower COGS growth"
        j = _noun_words(tokens, low, going[1])[1]
    elif _at(low, j) in ("of", "in", "for", "to"):  # a metric it is of: "a decline in output"
        of = _at(low, j) != "to" and verb is not None
        said, j = _noun_words(tokens, low, j + 1)
        words = words or (said if of else [])  # "aim for maximum carryover"
    reach = tokens[j - 1].end() if j > i else after_cue
    named = next((m for m in mentions if after_cue <= m.start() and m.end() <= reach), None)
    if named is not None:
        name = _name(sentence, named)
        told = verb is not None and verb.split()[0] in _TELL and not name.startswith(verb)
        return f"{verb} {name}" if told else name
    thing = _compact(words)
    if thing.rpartition(" ")[2] in _VAGUE:
        return None
    if verb is None:
        return thing or None
    if thing:
        return f"{verb} {thing}"
    subject = _compact(_subject_before(sentence, cue).split())
    if subject.rpartition(" ")[2] in _VAGUE:
        return None
    if subject and verb in _ACTIONS:  # done to it: "the plant will open" is "open plant"
        return f"{verb} {subject}"
    return subject or None  # what it does: "demand will recover" is "demand"


_CHAINS = frozenset({("be", "able", "to"), ("be", "going", "to"), ("make", "sense", "to")})
_READ = 120  # characters read after a cue: a promise's verb and object come first


def _at(words: list[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def _past(words: list[str], i: int) -> int:
    """The index of the first word from ``i`` that is no adverb."""
    while i < len(words) and (words[i] in _ADVERBS or _ADVERB_LY.fullmatch(words[i])):
        i += 1
    return i


_ADVERB_LY = re.compile(r"(?!(?:sup|ap|com|multi|re)ply$)[a-z]{3,}ly")


def _verb_at(words: list[str], i: int) -> tuple[str, int] | None:
    """The verb a modal or "to" governs from ``i``, past adverbs and chains ("continue to",
    "be able to"), with its particle ("ramp up"), and the index after it; None where the
    word there can be no verb (a function word, a determiner, a pronoun)."""
    while True:
        i = _past(words, i)
        if _at(words, i) in _CHAIN and _at(words, i + 1) == "to":
            i += 2
        elif tuple(words[i : i + 3]) in _CHAINS:  # "be able to", "make sense to"
            i += 3
        else:
            break
    verb = _at(words, i)
    if not verb.isalpha() or verb.endswith("ing") or verb in _PRONOUNS or verb in _OBJECT_SKIP:
        return None  # (a gerund, "committed to achieving", is left to the other rules)
    if _NOT_VERB.match(verb):
        return None
    if verb != "be" and _at(words, i + 1) in _PARTICLES:
        return f"{verb} {words[i + 1]}", i + 2
    return verb, i + 1


def _noun_words(tokens: list[re.Match[str]], low: list[str], i: int) -> tuple[list[str], int]:
    """The content words of the noun phrase from ``i`` (past determiners, quantities and
    degree words, "a number of"), at most five, and the index after them."""
    while i < len(low) and (
        _leading(low[i])
        or (low[i] == "of" and i > 0 and low[i - 1] in _OF_AFTER)
        or (low[i].endswith(("ed", "ing")) and _content_at(tokens, i + 1))  # "detailed review"
    ):
        i += 1
    words: list[str] = []
    while i < len(low) and len(words) < 5 and low[i] not in _OBJECT_END and len(low[i]) > 1:
        if low[i] in _TIME_WORDS:  # "our March quarter revenue": the time is no part of it
            k = next((k for k in range(i, len(low)) if low[k] not in _TIME_WORDS), len(low))
            if not _content_at(tokens, k):
                break  # a time after the object: "a drag next quarter"
            words, i = [], k
            continue
        if low[i] in ("and", "&") and words and "and" not in words and _content_at(tokens, i + 1):
            words.append("and")  # "raw material and energy costs"
        elif not _in_name(tokens[i].group(0), bool(words)):
            break
        else:
            words.append(low[i])
        i += 1
    return words, i


@lru_cache(maxsize=2048)
def _leading(word: str) -> bool:
    """A word an object may open with that does not name it: a determiner, a degree, an
    adverb, a number or a year ("'25"), a magnitude ("double-digit")."""
    return (
        word in _OBJECT_SKIP
        or word in _ADVERBS
        or word in ("'", "’")
        or _NUMBER.fullmatch(word) is not None
        or any(c.isdigit() for c in word)
        or "digit" in word
    )


def _content_at(tokens: list[re.Match[str]], i: int) -> bool:
    return i < len(tokens) and _content(tokens[i].group(0))


def _in_name(word: str, inside: bool) -> bool:
    """A content word, or a capitalised one inside a name ("Investor Day")."""
    if _content(word):
        return True
    return inside and word[0].isupper() and word.isalpha() and word.lower() not in _PRONOUNS


def _compact(words: list[str]) -> str:
    """Words as a name: no determiners, degree words or pronouns, at most the last three,
    the last singular."""
    kept = [w.replace("’", "'").removesuffix("'s") for w in words]
    kept = [w for w in kept if w not in _OBJECT_SKIP and w not in _PRONOUNS][-3:]
    while kept and kept[0] == "and":
        kept.pop(0)
    last = kept[-1] if kept else ""
    if last.endswith(("sses", "xes", "ches", "shes")):
        kept[-1] = last[:-2]  # "losses", "taxes"
    elif last and last not in _NOT_PLURAL and not last.endswith(("us", "is", "ics")):
        kept[-1] = _singular(last)
    return " ".join(kept)


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
