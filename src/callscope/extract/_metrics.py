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
promises (``_metric_promises``): the verb its cue governs and that verb's object.
So a promise restated in other words keeps its name, which ``group`` and the tracker match.

Hand-written rather than a parser: a few dozen terms cover what calls report, and no model
is needed at run time. Here are the rules; the terms, word lists and patterns they read are
in ``_metric_terms`` (which also finds terms fast: a number's sentence is read once per
number), the modifier chain before a term is read by ``_metric_modifiers``, and what a
promise without a target does is read by ``_metric_promises`` (which also holds ``_name``,
the naming of a mention that both read).
"""

from __future__ import annotations

import re

from callscope.extract._metric_modifiers import STOP_WORDS, _content, _modifiers
from callscope.extract._metric_promises import _deed, _name, _object, _singular, _subject_before
from callscope.extract._metric_terms import (
    _ACTION,
    _ACTION_BEFORE,
    _ACTIONS,
    _AMOUNT,
    _AMOUNTS,
    _BARRIER,
    _CONNECTOR,
    _DOWN,
    _FILLER,
    _FORWARD,
    _GROWTH,
    _GROWTH_LIST,
    _IRREGULAR,
    _NUMBER,
    _NUMBER_TAIL,
    _OBJECT_STOP,
    _OWNED,
    _PEOPLE,
    _PRONOUNS,
    _SHARE_OF,
    _TERM,
    _TIME_UNITS,
    _TOKEN,
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


def _share_of_before(sentence: str, at: int) -> bool:
    """``_SHARE_OF.search(sentence, 0, at)``, searched only where it can match: ``at`` after
    "of" and whitespace (``$`` holds at ``at``, or before a newline there; ``\\s`` is
    ``str.isspace``). Run per mention, the search would read the sentence up to each."""
    end = at
    while end > 0 and sentence[end - 1].isspace():
        end -= 1
    if end == at or sentence[end - 2 : end].lower() != "of":
        return False
    return _SHARE_OF.search(sentence, 0, at) is not None


def _promised(sentence: str, figure: Figure | None, cue: int | None, at: int | None) -> str | None:
    """A promise's metric: a mention placed by its cue and number, else its action, else the
    object its cue governs (module doc)."""
    if cue is None:
        found = _FORWARD.search(sentence)
        cue = found.start() if found else None
    mentions = [m for m in _mentions(sentence) if not _share_of_before(sentence, m.start())]
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


_NOT_SUBJECT = re.compile(r"[,;:]|\b(?:we|I|you|they)\b", re.I)


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
