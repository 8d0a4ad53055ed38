"""Non-answers: an executive declining, deferring or deflecting an analyst's question.

Three kinds, after Gow, Larcker & Zakolyukina (2021), "Non-answers during conference calls":

- ``refuse``: the speaker will not say ("we don't disclose that", "I won't comment",
  "we're not going to give guidance on", "we don't break that out");
- ``unable``: the speaker cannot say ("we don't know yet", "too early to tell",
  "I don't have that number in front of me", "hard to quantify");
- ``defer``: the speaker will say later or elsewhere ("we'll talk about that at investor
  day", "more color next quarter", "let's take it offline", "get back to you").

The cues are phrase patterns built from a few grammatical parts (a first-person subject, a
negation, a verb of telling or knowing, an object that names information) rather than a
list of one-off sentences, so that they carry over to calls they were not written from.
A cue can be unmade by its sentence: "I don't know" as a filler ("we'll hire, I don't know,
maybe 50") or a hand-over ("I don't know if Mike wants to add anything"), doubt about the
question rather than the answer, a hedge on a claim that follows ("I'm not sure it would
differ"), or past narrative ("the thing we didn't talk about"); see ``_aside``.
Which patterns to keep was checked by repeated stratified cross-validation, with selection
redone inside each fold, on the labelled responses of the Gow-Larcker-Zakolyukina training
half (``callscope eval --non-answers``): dropping low-precision patterns did not raise the
held-out F1, so all are kept. The module is long because the cue table is, with beside it the
words each cue needs (so that a cue runs only where it can match); the logic is the last
hundred lines.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from callscope.extract._extractor import Fact, Found
from callscope.extract._text import WordStartScanner, quote
from callscope.model.call import Call, Role
from callscope.model.facts import NonAnswer
from callscope.model.source import SourceSpan

__all__ = ["CUES", "Cue", "NonAnswerHit", "NonAnswersExtractor", "classify_response", "find_all"]

REFUSE = "refuse"
UNABLE = "unable"
DEFER = "defer"


@dataclass(frozen=True, slots=True)
class NonAnswerHit:
    """One non-answer cue found in a response.

    ``start``/``end`` bound the cue words in the text given; ``clause_start``/``clause_end``
    bound the sentence or clause that holds them (what a fact quotes).
    """

    kind: str
    cue: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    pattern: str  # the name of the pattern in ``CUES`` that fired


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    kind: str
    regex: re.Pattern[str]


# ---- grammatical parts -------------------------------------------------------------------
# A first-person subject, with its contracted auxiliary ("we're", "I'm", "we've").
_WE = r"\b(?:we|i)(?:'ve|'d|'ll|'re|'m)?"
# Adverbs that sit between a subject and its negation ("we obviously don't").
_PRE = (
    r"(?:\s+(?:also|just|really|certainly|obviously|generally|typically|usually|normally|"
    r"actually|probably|still|simply|honestly|frankly))*"
)
# Negated auxiliaries, contracted or not ("'re not" and "'m not" follow a subject directly).
_NEG = (
    r"(?:\s*(?:'re|'m)\s+not|\s+(?:don't|do\s+not|doesn't|does\s+not|didn't|did\s+not|"
    r"won't|will\s+not|wouldn't|would\s+not|can't|cannot|can\s+not|couldn't|could\s+not|"
    r"shouldn't|should\s+not|"
    r"aren't|are\s+not|am\s+not|haven't|have\s+not|hasn't|has\s+not|never|not|"
    r"are\s+never|have\s+never|would\s+never))"
)
# Softeners and modal phrases between the negation and the verb ("don't typically
# disclose", "are not going to", "not in a position to", "haven't yet").
_MID = (
    r"(?:,?\s+(?:really|typically|generally|normally|usually|actually|necessarily|obviously|"
    r"specifically|historically|currently|yet|ever|publicly|just|even|quite|now|"
    r"want\s+to|wanna|going\s+to|gonna|intend\s+to|plan\s+to|planning\s+to|like\s+to|"
    r"prefer\s+to|looking\s+to|be\s+able\s+to|able\s+to|prepared\s+to|"
    r"in\s+a\s+position\s+to|at\s+liberty\s+to|allowed\s+to|willing\s+to|ready\s+to|"
    r"comfortable|comfortable\s+with|try\s+to|trying\s+to|be|been|ever\s+really))*,?"
)
# What an information-giving verb gives: a number, a breakdown, guidance, detail.
_INFO = (
    r"(?:numbers?|figures?|data|information|info|details?|specifics|breakdown|breakout|"
    r"split|guidance|colou?r|outlook|forecasts?|projections?|metrics?|percentages?|"
    r"targets?|dates?|timing|timeline|estimates?|ranges?|updates?|answer|quantification|guide|"
    r"granularity)"
)
# Verbs of telling that, negated, refuse information.
_TELL = (
    r"(?:disclos\w*|comment\w*|break\w*\s+(?:\w+\s+){0,2}(?:out|down)|broken\s+(?:\w+\s+)?out|"
    r"split\w*\s+(?:\w+\s+)?out|publiciz\w*|publish\w*|reveal\w*|guid(?:e|ing)|"
    r"speculat\w*|quantif\w*|specif(?:y|ied)|elaborat\w*|mention\w*|"
    r"tell\s+(?:you|the\s+market|anyone|anybody|people)\b(?!\s+how\b)|"
    r"(?:talk|speak)\w*\s+(?:specifically\s+)?(?:about|to|of)|discuss\w*|"
    r"(?:get|getting|gotten|got)\s+(?:\w+\s+){0,2}(?:into|granular|specific|detailed)|"
    # "go into" enters places as well as topics ("we're not going into that blind"): it
    # needs an information object, or a bare "that" closing the clause.
    r"(?:go|going|gone|went)\s+(?:\w+\s+){0,2}(?:granular|specific|detailed|into\s+"
    r"(?:(?:\w+\s+){0,3}(?:details?|specifics|numbers|granular\w*|particulars|nuances|"
    r"breakdown)\b|(?:that|it|this|those)(?=\s*[.,;!?]|\s*$|\s+(?:today|now|here|on|at|"
    r"right|in|too|much|any|further|with|for)\b)))|"
    r"(?:giv|provid|shar)\w*\s+(?:out\s+)?(?:that|this|those|it)\b|"
    r"(?:giv|provid|shar|offer|put)\w*\s+(?:out\s+)?(?:\w+\s+){0,5}"
    r"(?:" + _INFO + r"|specific|exact|precise|particular)\b|"
    r"shar\w*\s+(?:\w+\s+){0,3}with\s+you|"
    # pre-empting a decision or an event: "I'd rather not get ahead of the board"
    r"get\w*\s+ahead\s+of\s+(?:ourselves|myself|(?:the|our)\s+(?:board|process|\w+\s+day)|"
    r"that|this|it|any)\b|"
    r"mak\w*\s+(?:\w+\s+){0,2}(?:forecasts?|projections?|predictions?|estimates?)\b)"
)
# What a speaker does not have or know.
_LACK = (
    r"(?:numbers?|figures?|data|information|info|details?|breakdown|breakout|split|"
    r"answer|estimate|visibility|clarity|feel|sense|idea|view|crystal\s+ball|"
    r"quantification|guidance|updates?|forecasts?|outlook)"
)
# A schedule, only after a plain determiner: "we don't have a date", not "a call date".
_SCHEDULE = (
    r"(?:a|an|any|the)\s+(?:(?:specific|firm|exact|precise|set)\s+)?"
    r"(?:date|time\s?frame|timetable|timeline)s?"
)

_CUE_SOURCES: tuple[tuple[str, str, str], ...] = (
    # -- refuse --
    ("neg_tell", REFUSE, _WE + _PRE + _NEG + _MID + r"\s+" + _TELL),
    (
        "think_we_tell",
        REFUSE,
        r"\b(?:don't|do\s+not)\s+think\s+(?:that\s+)?(?:we|i)(?:'ve|'d|'ll|'re|'m)?\s+"
        r"(?:\w+\s+){0,3}" + _TELL,
    ),
    (
        "rather_not",
        REFUSE,
        r"\b(?:rather|prefer|refrain|decline|uncomfortable|reluctant|hesitant)\s+"
        r"(?:\w+\s+){0,3}?(?:not\s+)?(?:to\s+|from\s+)?" + _TELL,
    ),
    (
        "defer_on",
        REFUSE,
        r"\b(?:i'll|i\s+will|we'll|we\s+will|i'd|we'd|let\s+me)\s+(?:\w+\s+)?defer\s+"
        r"(?:on\s+)?(?:that|this|it)\b|\bnot\s+(?:\w+\s+)?appropriate\s+(?:for\s+(?:us|me)\s+)?"
        r"to\s+(?:\w+\s+)?(?:comment|speculate|discuss|disclose|elaborat\w*|get\s+into|talk)",
    ),
    ("no_comment", REFUSE, r"\bno\s+(?:further\s+)?comment\b|\btoo\s+much\s+detail\b"),
    # Not "we signed confidentialities" (the agreements).
    ("confidential", REFUSE, r"\bconfidential(?:ity)?\b"),
    (
        "not_something",
        REFUSE,
        r"\bnot\s+(?:something|a\s+number|a\s+metric|a\s+figure)\s+(?:that\s+)?(?:we|i)"
        r"(?:'re|'m)?\s+(?:\w+\s+){0,3}(?:say\b|" + _TELL + ")",
    ),
    (
        "as_far_as",
        REFUSE,
        r"\b(?:about\s+)?(?:all|as\s+far\s+as|as\s+much\s+as)\s+(?:that\s+)?(?:we|i)\s+"
        r"(?:can|could|want\s+to|would\s+like\s+to|will|would)\s+(?:say|go|share|tell|give)"
        r"|\bthe\s+extent\s+(?:that\s+)?(?:we|i)(?:'ll)?\s+(?:\w+\s+)?(?:disclose|say|go|share)\b",
    ),
    (
        # Choosing not to tell: "we're keen not to comment", "without getting into specifics".
        "not_to_tell",
        REFUSE,
        r"\bnot\s+to\s+(?:comment|disclose|speculate|guide|elaborate|quantify|break\s+\w+\s+out)"
        r"|\bwithout\s+(?:getting|going)\s+into\s+(?:\w+\s+){0,2}?(?:details?|specifics|"
        r"numbers|particulars)\b",
    ),
    (
        "nothing_more",
        REFUSE,
        # ("nothing new to report" is news, "nothing more to add" a hand-back; neither declines)
        r"\b(?:nothing|not\s+(?:much|anything))\s+(?:more|further|else)\s+(?:that\s+)?"
        r"(?:(?:we|i)\s+(?:can|could|would|want\s+to)\s+)?(?:to\s+)?(?:say|share|disclose)\b"
        r"|\banything\s+(?:more|further)\s+(?:that\s+)?(?:we|i)\s+can\s+say\b",
    ),
    # -- unable --
    (
        # Not yet decided: "we haven't decided", "timing is still TBD".
        "undecided",
        UNABLE,
        _WE + _PRE + _NEG + r"(?:\s+(?:yet|really|fully))?\s+(?:decided|determined|"
        r"made\s+(?:a|any|that|the|our|a\s+final)\s+decision)\b"
        r"|\bno\s+(?:final\s+)?decision\s+(?:has\s+been|yet|on)\b|\bTBD\b"
        r"|\b(?:yet\s+|still\s+)to\s+be\s+(?:determined|decided|finali[sz]ed)\b",
    ),
    (
        "dont_know",
        UNABLE,
        _WE + _PRE + _NEG + r"(?:\s+(?:really|exactly|actually|yet))?\s+know\b"
        r"(?!\s+(?:if|whether)\s+(?:you|anybody|anyone)\b)",
    ),
    (
        "not_sure",
        UNABLE,
        # Unsure of something left open ("not sure yet", "not sure how", "not sure we can
        # say"), not a hedge on a claim that follows ("I'm not sure it would be different").
        _WE + _PRE + _NEG + r"\s+(?:\w+\s+)?(?:aware\b|(?:sure|certain)\b"
        r"(?=\s*(?:[.,;:!?)\-\u2014\u2013]|$)|\s+(?:yet|exactly|now|today|at\s+this|about|of|"
        r"what|how|when|where|which|who|why|whether|if|there|to|the\s+(?:exact|precise|amount|"
        r"number|figure|size|timing|extent|split|breakdown|answer))\b|\s+(?:that\s+)?(?:we|i)"
        r"(?:'ve|'d|'ll|'re|'m)?\s+(?:\w+\s+){0,3}?(?:" + _TELL + r"|can\s+say|know|have)))"
        # "I'm not sure whether I understood the question" is about the question.
        r"(?!(?:\s+(?:if|that|whether))?\s+(?:i|i've|we've)\s+(?:\w+\s+)?"
        r"(?:understand|understood|answered|follow|heard|got)\b)",
    ),
    (
        "dont_recall",
        UNABLE,
        _WE + _PRE + _NEG + r"\s+(?:recall|remember)\b"
        r"(?!\s+(?:what|the)\s+(?:\w+\s+){0,4}question)",
    ),
    (
        "dont_have_info",
        UNABLE,
        _WE
        + _PRE
        + _NEG
        + r"(?:\s+\w+)?\s+(?:have|got)\s+(?:(?:\w+\s+){0,3}"
        + _LACK
        + r"|"
        + _SCHEDULE
        + r")\b",
    ),
    ("no_idea", UNABLE, r"\bno\s+(?:idea|clue|visibility|way\s+of\s+knowing|crystal\s+ball)\b"),
    (
        "too_early",
        UNABLE,
        r"\b(?:too\s+|a\s+(?:little\s+|bit\s+)*)(?:early|soon)\s+to\s+(?:say|tell|know|predict|"
        r"comment|call|quantify|speculate|judge|determine|give|project|estimate|forecast)",
    ),
    (
        "hard_to_say",
        UNABLE,
        r"\b(?:hard|difficult|tough|impossible|premature|tricky)\s+(?:for\s+(?:us|me)\s+)?"
        r"to\s+(?:say|tell|predict|quantify|know|estimate|forecast|answer|comment|speculate|"
        r"project|pin\s+down|gauge|call|judge|determine|handicap|give|pick|put\s+a\s+number)",
    ),
    (
        "cannot_say",
        UNABLE,
        r"\b(?:can't|cannot|can\s+not|couldn't|could\s+not|unable\s+to|not\s+able\s+to)\s+"
        r"(?:\w+\s+)?(?:say|tell\s+you(?!\s+how)|predict|quantify|estimate|forecast|answer)",
    ),
    (
        "top_of_head",
        UNABLE,
        r"\boff\s+the\s+top\s+of\s+my\s+head\b|\bin\s+front\s+of\s+me\b"
        r"|\bat\s+my\s+fingertips\b",
    ),
    (
        "wait_and_see",
        UNABLE,
        r"\bremains\s+to\s+be\s+seen\b|\bwait\s+and\s+see\b",
    ),
    # -- defer --
    (
        "get_back",
        DEFER,
        r"\b(?:get|come|circle)\s+back\s+(?:to\s+you|on\s+(?:that|this|it))\b"
        r"|\bfollow\s+up\s+with\s+you\b|\b(?:we'll|i'll|will)\s+let\s+you\s+know\b",
    ),
    (
        # Taking a topic offline, not a machine or a sales channel ("online or offline").
        "offline",
        DEFER,
        r"\b(?:talk\w*|discuss\w*|chat\w*|follow\w*\s+up|speak\w*|connect\w*|call|deal\w*|"
        r"dealt|get|answer\w*|conversation|discussion)\s+(?:\w+\s+){0,4}?off-?line\b"
        # ("a storm can take some capacity offline": taking needs the topic as its object)
        r"|\b(?:tak\w*|took)\s+(?:(?:it|that|this|those|the\s+(?:rest|conversation|discussion|"
        r"question|details?))\s+)?off-?line\b|\boff-?line\s+(?:conversation|discussion|call|chat|follow-up|meeting)",
    ),
    (
        # A future event only: "as we discussed at the investor day" is no deferral.
        "investor_day",
        DEFER,
        r"(?:\b(?:we|i|you)(?:'ll|\s+will)|\b(?:more|further|updat\w*))\b[^.?!,;]{0,60}?\b(?:at|on|during)\s+(?:our|the)\s+"
        r"(?:\w+\s+)?(?:investor|analyst|capital\s+markets)\s+(?:day|meeting|conference|event)",
    ),
    (
        "more_later",
        DEFER,
        r"\b(?:more|further)\s+(?:detail|details|colou?r|information|clarity|specifics|"
        r"from\s+us)\s+(?:\w+\s+){0,3}(?:later|next\s+(?:year|quarter|call|time)|"
        r"in\s+the\s+future|over\s+time|in\s+due\s+course|when\s+we|at\s+(?:the|that)\s+time)",
    ),
    (
        # A promise to tell later: "we'll give you more guidance as we get closer".
        "tell_later",
        DEFER,
        r"\b(?:we'll|we\s+will|i'll|i\s+will|we're\s+going\s+to|we\s+are\s+going\s+to|"
        r"we\s+(?:expect|plan|hope|look\s+forward)\s+to)\s+(?:\w+\s+){0,3}?(?:give|provid\w*|"
        r"shar\w*|updat\w*|talk\s+(?:\w+\s+)?about|discuss|report|announc\w*|communicat\w*|"
        # (a topic, so that "we'll talk to you later" closing a call is no deferral)
        r"outline|lay\s+out|address|say\s+more|tell\s+you\s+more|have\s+more)\b"
        # (but "I'll talk about that in a moment" is later in this call)
        r"(?:(?!\bin\s+a\s+(?:moment|minute|second|bit)\b)[^.?!;]){0,80}?\b(?:later|soon|shortly|next\s+(?:year|quarter|call|time|month)|"
        r"in\s+the\s+(?:coming|next)\s+(?:days|weeks|months|quarters?)|in\s+(?:a\s+)?"
        r"(?:few|couple\s+of)\s+(?:days|weeks|months)|as\s+we\s+(?:get\s+closer|learn|move|"
        r"progress|go\s+(?:through|forward))|when\s+we\s+(?:report|get|have|do|give|announce|"
        r"provide|release|close|finalize|know)|once\s+we|on\s+(?:our|the)\s+(?:\w+\s+){0,2}call)\b",
    ),
    ("later_date", DEFER, r"\bat\s+a\s+(?:later|future)\s+(?:date|time|point|stage)\b"),
    ("due_course", DEFER, r"\bin\s+due\s+course\b|\bat\s+the\s+appropriate\s+time\b"),
    ("when_get_there", DEFER, r"\bwhen\s+we\s+get\s+(?:there|closer)\b"),
    ("stay_tuned", DEFER, r"\bstay\s+tuned\b|\bput\s+a\s+pin\s+(?:in|on)\b"),
)

CUES: tuple[Cue, ...] = tuple(
    Cue(name, kind, re.compile(source, re.IGNORECASE)) for name, kind, source in _CUE_SOURCES
)

# ---- where a cue can match ---------------------------------------------------------------
# Running thirty case-blind patterns over every answer costs ten times a plain pass over its
# words, so each cue runs only where it can match. No cue consumes a ".", "?" or "!" (only a
# lookahead reads past one), so a match lies inside one stretch between such marks; and each
# needs some words ("I don't know" needs a negation and "know"). Below, for each cue, groups
# of such words read off its pattern: every match holds a word of each group, lower-cased.
# One pass finds the words of each cue's first group (the rarest in the fixtures); a stretch that
# holds one and a word of each other group is searched for the cue, with the text cut at the
# stretch's end: the lookaheads read that end as the text's, which changes no match.
_NEG_WORDS = "n't not never cannot"
_TELL_WORDS = (
    "disclos comment break broken split publi reveal guid speculat quantif specif elaborat "
    "mention tell talk speak discuss get got go went giv provid shar offer put mak"
)
_LACK_WORDS = (
    "number figure data info detail break split answer estimate visibility clarity feel sense "
    "idea view crystal quantification guidance update forecast outlook date time"
)
_ANCHORS: dict[str, tuple[str, ...]] = {
    "neg_tell": (_NEG_WORDS, _TELL_WORDS),
    "think_we_tell": ("n't not", "think", _TELL_WORDS),
    "rather_not": (
        "rather prefer refrain decline uncomfortable reluctant hesitant",
        _TELL_WORDS,
    ),
    "defer_on": ("defer appropriate",),
    "no_comment": ("comment detail",),
    "confidential": ("confidential",),
    "not_something": ("something number metric figure", "not", "say " + _TELL_WORDS),
    "as_far_as": (
        "all far much extent",
        "can could want will would extent",
        "say go share tell give disclose",
    ),
    "not_to_tell": (
        "comment disclose speculate guide elaborate quantify break detail specifics numbers "
        "particulars",
        "not without",
    ),
    "nothing_more": ("say share disclose", "not anything", "more further else"),
    "undecided": ("decided determined decision tbd finali",),
    "dont_know": ("know", _NEG_WORDS),
    "not_sure": ("aware sure certain", _NEG_WORDS),
    "dont_recall": ("recall remember", _NEG_WORDS),
    "dont_have_info": (_NEG_WORDS, "have got", _LACK_WORDS),
    "no_idea": ("idea clue visibility knowing crystal",),
    "too_early": ("early soon",),
    "hard_to_say": (
        "hard difficult tough impossible premature tricky",
        "say tell predict quantify know estimate forecast answer comment speculate project "
        "pin gauge call judge determine handicap give pick put",
    ),
    "cannot_say": ("say tell predict quantify estimate forecast answer", _NEG_WORDS + " unable"),
    "top_of_head": ("head front fingertips",),
    "wait_and_see": ("remains wait",),
    "get_back": ("back follow let",),
    "offline": ("offline off-line",),
    "investor_day": ("investor analyst capital", "day meeting conference event"),
    "more_later": (
        "more further",
        "detail colo information clarity specifics from",
        "later next future time course when",
    ),
    "tell_later": (
        "'ll will going expect plan hope forward",
        "give provid shar updat talk discuss report announc communicat outline lay address "
        "say tell have",
        "later soon shortly next coming few couple closer learn move progress go when once call",
    ),
    "later_date": ("later future",),
    "due_course": ("course appropriate",),
    "when_get_there": ("when", "get", "there closer"),
    "stay_tuned": ("tuned pin",),
}
# Words found inside a word ("don't", "we'll"); each other word of a first group starts a word
# in any match (it follows a space or a "\b" in its pattern), so it is looked for only there.
_INSIDE = ("n't", "'ll")


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a prefix tree: the engine tries each letter once, and at a
    position takes the longest word there."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_FIRST = tuple(frozenset(_ANCHORS[cue.name][0].split()) for cue in CUES)
_REST = tuple(tuple(tuple(group.split()) for group in _ANCHORS[cue.name][1:]) for cue in CUES)
_STARTS = frozenset().union(*_FIRST).difference(_INSIDE)
# Where a cue's first word opens a word of the text (see WordStartScanner).
_FIRST_WORDS = WordStartScanner(_trie(_STARTS), (word[0] for word in _STARTS))
# The word found at a position (the longest there) stands for every first word it starts
# with: a bit mask of the cues whose first group it is in.
_CUES_OF: dict[str, int] = {
    found: sum(
        1 << index
        for index, group in enumerate(_FIRST)
        if any(found.startswith(word) and (word in _INSIDE) == (found in _INSIDE) for word in group)
    )
    for found in _STARTS | frozenset(_INSIDE)
}
_STOP = re.compile(r"[.?!]")
# The letters that a case-blind pattern letter matches beyond its two cases
# ("K", the Kelvin sign, matches "k"): folded to it so that the anchors see them.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """Lower case, same length: what the anchors are looked for in."""
    if text.isascii():
        return text.lower()
    text = text.translate(_FOLD)
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is two characters: kept as it is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _first_words(low: str) -> Iterator[tuple[int, str]]:
    """Where each first word of a cue is in ``low`` (position, word), in no set order."""
    for start, end in _FIRST_WORDS.spans(low):
        yield start, low[start:end]
    for word in _INSIDE:
        at = low.find(word)
        while at >= 0:
            yield at, word
            at = low.find(word, at + 1)


def _matches(norm: str) -> Iterator[tuple[Cue, re.Match[str]]]:
    """Each cue's matches in ``norm``, cue by cue in ``CUES`` order, each in text order: as
    ``cue.regex.finditer(norm)`` finds them, run only over the stretches that can hold one."""
    low = _fold(norm)
    stops: list[int] | None = None
    marked: dict[int, int] = {}  # stretch index -> bit mask of the cues it may hold
    for at, word in _first_words(low):
        if stops is None:
            stops = [stop.start() for stop in _STOP.finditer(norm)]
        stretch = bisect_right(stops, at)
        marked[stretch] = marked.get(stretch, 0) | _CUES_OF[word]
    if stops is None:
        return
    runs: list[tuple[int, int, int]] = []
    for stretch, cues in marked.items():
        start = stops[stretch - 1] + 1 if stretch else 0
        end = stops[stretch] if stretch < len(stops) else len(norm)
        piece = low[start:end]
        while cues:
            index = (cues & -cues).bit_length() - 1
            cues &= cues - 1
            for group in _REST[index]:  # (loops: generators here cost twice as much)
                for word in group:
                    if word in piece:
                        break
                else:
                    break
            else:
                runs.append((index, start, end))
    runs.sort()
    for index, start, end in runs:
        cue = CUES[index]
        for match in cue.regex.finditer(norm, start, end):
            yield cue, match


# Sentence ends: a stop, a question or exclamation mark, or a blank line (a single line break
# may be a hard wrap inside a sentence). A fact quotes the sentence that holds its cue.
_SENTENCE = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
# Clause ends inside a sentence: a dash or a semicolon. Used only where a run-on sentence
# (some transcripts barely punctuate) is too long to be a useful quote.
_CLAUSE = re.compile(r"[.!?](?=\s|$)|\s--?\s|\s[\u2014\u2013]\s|\n\s*\n|;")
_LONG = 400

# Cues whose sentences are at most this many characters apart are one non-answer.
_NEAR = 40

# ---- context that unmakes a cue ----------------------------------------------------------
# "I don't know" as a filler: bracketed by commas ("you've got, I don't know, 100 labs"),
# or leading into a guess ("I don't know, $100 billion") or a rhetorical "how else".
_FILLER_AFTER = re.compile(
    r"\s*[,\u2014\u2013-]+\s*(?:\$?\d|maybe|probably|perhaps|about|around|roughly|"
    r"approximately|something|somewhere|say\b|call\s+it|like\b|how\s+else|what\s+else)"
    r"|,?\s+how\s+else\b",
    re.IGNORECASE,
)
_COMMA_BEFORE = re.compile(r"(?:,|\blike)\s*$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_SINGULAR = re.compile(r"i\b", re.IGNORECASE)
# Handing the question to a colleague: "I don't know if Mike wants to add anything?"
_HANDOFF = re.compile(
    r"\b(?:to\s+add|add\s+(?:anything|something|to\s+that)|anything\s+else)\b", re.IGNORECASE
)
# Unsure about the question, not the answer: "I can't remember what your question was".
_ABOUT_QUESTION = re.compile(
    r"\W*(?:if|whether|that|what)\s+(?:\w+\s+){0,6}?(?:question|asked)\b", re.IGNORECASE
)
# Past narrative, not refusal: "the other thing we didn't talk about", "if we didn't get
# into that in detail" (but "we did not disclose any guidance" still refuses).
_PAST_TALK = re.compile(
    r"\b(?:didn't|did\s+not)\s+(?:\w+\s+)?(?:talk|speak|spoke|mention|discuss|get|got|go|"
    r"went|touch|cover)",
    re.IGNORECASE,
)
_KNOWING = frozenset({"dont_know", "not_sure", "dont_recall"})


def _aside(text: str, name: str, start: int, end: int, clause_end: int) -> bool:
    """True where the cue at ``[start, end)`` is, in its sentence, no non-answer."""
    cue = text[start:end]
    if name == "neg_tell":
        return _PAST_TALK.search(cue) is not None
    if name not in _KNOWING:
        return False
    rest = text[end:clause_end]
    if _HANDOFF.search(rest) or _ABOUT_QUESTION.match(rest):
        return True
    if name == "not_sure" or not _SINGULAR.match(cue):
        return False
    bracketed = _COMMA_BEFORE.search(text, 0, start) and _COMMA_AFTER.match(rest)
    return bool(bracketed) or _FILLER_AFTER.match(rest) is not None


def _normalise(text: str) -> str:
    """Straight apostrophes for curly ones; same length, so offsets still hold."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """The stretch between the ``boundary`` marks around ``[start, end)``, trimmed."""
    left = 0
    for before in boundary.finditer(text, 0, start):
        left = before.end()
    after = boundary.search(text, end)
    if after is None:
        right = len(text)
    else:  # keep a sentence's own stop; leave a dash or blank line out
        right = after.end() if text[after.start()] in ".!?" else after.start()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``; in an overlong sentence, the clause."""
    left, right = _bounds(text, start, end, _SENTENCE)
    if right - left > _LONG:
        return _bounds(text, start, end, _CLAUSE)
    return left, right


def find_all(text: str) -> tuple[NonAnswerHit, ...]:
    """Every non-answer in ``text``, in order of position.

    Cues in one sentence are one non-answer (the first cue names it); so are cues in
    sentences a few words apart ("We don't know. Right? We don't know."), whose clause then
    spans them all. A cue its sentence unmakes (a filler "I don't know, maybe 10%", a
    hand-over "I don't know if Mike wants to add anything") is dropped.
    """
    norm = _normalise(text)
    found: list[NonAnswerHit] = []
    for cue, m in _matches(norm):
        left, right = _clause(norm, m.start(), m.end())
        if _aside(norm, cue.name, m.start(), m.end(), right):
            continue
        found.append(
            NonAnswerHit(
                kind=cue.kind,
                cue=text[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                clause_start=left,
                clause_end=right,
                pattern=cue.name,
            )
        )
    found.sort(key=lambda hit: (hit.clause_start, hit.start))
    merged: list[NonAnswerHit] = []
    for hit in found:
        if merged and hit.clause_start - merged[-1].clause_end <= _NEAR:
            last = merged[-1]
            end = max(last.clause_end, hit.clause_end)
            merged[-1] = dataclasses.replace(last, clause_end=end)
        else:
            merged.append(hit)
    return tuple(merged)


def classify_response(text: str) -> NonAnswerHit | None:
    """The first non-answer in a manager's response, or None where it answers."""
    hits = find_all(text)
    return hits[0] if hits else None


class NonAnswersExtractor:
    """Non-answers in the executives' answer turns of each Q&A exchange."""

    name = "non_answers"
    requires: tuple[str, ...] = ()
    produces = "non_answers"

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        facts: list[Fact] = []
        for exchange in call.exchanges:
            for index in exchange.answer_turns:
                turn = call.turns[index]
                if turn.role is not Role.EXECUTIVE:
                    continue
                raw = call.turn_source(turn)
                for hit in find_all(raw):
                    span = SourceSpan(
                        turn.span.start + hit.clause_start, turn.span.start + hit.clause_end
                    )
                    facts.append(
                        NonAnswer(
                            quote=quote(call, span),
                            span=span,
                            kind=hit.kind,
                            cue=" ".join(hit.cue.split()),
                            speaker=turn.speaker,
                            turn=turn.index,
                            exchange=exchange.index,
                        )
                    )
        return tuple(facts)
