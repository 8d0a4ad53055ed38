"""What a promise without a target promises, named in one style; and how a vocabulary
mention is named.

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

Separate from the rules that place a number (``_metrics``) because it is one reading of its
own: the verb a forward cue governs, that verb's object and its subject, with the word lists
only this reading uses. ``_name`` is here, below ``_metrics``, because both read it: a deed
whose object names a metric is named as that metric.
"""

from __future__ import annotations

import re
from functools import lru_cache

from callscope.extract._metric_modifiers import _content, _modifiers
from callscope.extract._metric_terms import (
    _ACTIONS,
    _AMOUNTS,
    _AUXILIARIES,
    _FORWARD,
    _GROWS_AFTER,
    _GUIDANCE,
    _NUMBER,
    _OBJECT_LEAD,
    _PRONOUNS,
    _TOKEN,
    _VERB_THEN_LEAD,
    _canonical,
    _words,
)

# --- the words a promise's verb and object are read by -----------------------------------------

# Cues after which a verb follows ("we will open", "we should see"); after the others ("we
# expect", "on track") a noun phrase does, or "to" and a verb.
_MODAL = re.compile(r"will|\w*'ll|going\s+to|gonna|should|could|can|may|might|would", re.I)
# Words between a cue and its verb that do not change what is promised.
_ADVERBS = _words(
    """also then now still further not never just soon again first actually really certainly
    definitely likely ultimately eventually finally even once already only clearly obviously
    hopefully probably quickly fully both all"""
)
# Verbs that pass the promise on to the verb after their "to": "continue to invest".
_CHAIN = _words(
    """continue start begin keep try need want look seek work expect plan intend aim hope
    have use help strive"""
)
# Particles that belong to their verb: "ramp up", "break even", "go back".
_PARTICLES = _words("up down out back off even forward ahead")
# Verbs of telling or deciding: the metric they govern is not what changes ("give guidance",
# "consider a share buyback"), so the verb stays in the name.
_TELL = _words(
    """give provide update announce issue share disclose discuss consider evaluate review
    revisit reassess reinstate initiate resume suspend publish host introduce launch
    complete finalize finalise"""
)
# Words a promise's object opens with that do not name it: determiners, quantities, degree
# and judgement ("a small drag", "a number of milestones", "continued strength").
_OBJECT_SKIP = _words(
    """a an the our its their this that these those some all any each every both many much
    more most additional further new another continued strong solid healthy robust good great
    better best higher lower high low mid full total overall small slight modest significant
    meaningful substantial big bigger large larger huge little bit lot tiny sizable
    considerable whole same similar certain various several few number couple series range
    bunch handful kind sort type level amount degree part portion majority very real fy cy
    them us him me one ones everything something anything nothing itself themselves late early"""
)
# Quantity words whose "of" continues the object: "a number of milestones".
_OF_AFTER = _words(
    """all some most each one many much none any both part number couple series range bunch
    handful lot bit kind sort type level amount degree portion majority few"""
)
# Objects too vague to name a promise ("provide more details", "make progress", "things will
# improve"): the promise is named by the other rules.
_VAGUE = _words(
    """detail details specifics review update updates color colour information progress time
    thing things stuff sense look view visibility"""
)
# Nouns whose final "s" is no plural.
_NOT_PLURAL = _words(
    "headquarters series news means species sales earnings proceeds savings analytics economics"
)
# Words that end an object: adverbs of place, time and manner after a noun ("here", "such").
_OBJECT_END = _words(
    """such here there throughout already too well soon again right together away alone given
    ago apart instead altogether anyway though yet due"""
)
# Verbs of a state: the promise is named by their subject ("Power will be down").
_COPULAS = _words("be become remain stay seem prove turn")
# Words of a time inside a noun phrase ("our March quarter revenue", "a stronger fourth
# quarter"): the words before them are the time's, not the object's.
_TIME_WORDS = _words(
    """first second third fourth last next full half quarter quarters year years month months
    week weeks period"""
)
# Words that can follow a cue but are no verb.
_NOT_VERB = re.compile(
    r"(?:toward|towards|around|about|like|under|behind|above|below|near|up|down|off|out|over|"
    r"beyond|against|along|among|upon|via|versus|than|because|where|when|how|what|well|also|"
    r"more|less|very|too|not|no|the|a|an|do|did|in|on|at|by|for|with|from|into|through|during|"
    r"before|after|as|and|or|but|to|of|which|that|while|so|per|across|within|between|including)$"
)


# --- the subject and the object of a cue -------------------------------------------------------


def _subject_before(sentence: str, cue: int) -> str:
    """The content words just before the cue and its auxiliaries ("the plant will")."""
    word = _WORD_END.search(sentence[:cue])  # the cue's word: "we'll" of "'ll"
    aux = _AUXILIARIES.search(sentence, 0, cue - len(word.group(0)) if word else cue)
    return _modifiers(sentence, aux.start() if aux else cue)[1]


_WORD_END = re.compile(r"[\w'’]*\Z")  # (not "$": a line break may end the text before the cue)


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


# --- what a promise without a target does ------------------------------------------------------


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
