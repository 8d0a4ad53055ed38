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
Which patterns to keep was checked by cross-validation on the labelled responses of the
Gow-Larcker-Zakolyukina training half; see ``callscope.eval.nonanswers``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from callscope.extract._extractor import Fact, Found
from callscope.extract._text import quote
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
    r"targets?|dates?|timing|timeline|estimates?|ranges?|updates?|answer|quantification|"
    r"granularity)"
)
# Verbs of telling that, negated, refuse information.
_TELL = (
    r"(?:disclos\w*|comment\w*|break\w*\s+(?:\w+\s+){0,2}(?:out|down)|broken\s+(?:\w+\s+)?out|"
    r"split\w*\s+(?:\w+\s+)?out|publiciz\w*|publish\w*|reveal\w*|guid(?:e|ing)|"
    r"speculat\w*|quantif\w*|specif(?:y|ied)|elaborat\w*|mention\w*|"
    r"tell\s+(?:you|the\s+market|anyone|anybody|people)\b(?!\s+how\b)|"
    r"(?:talk|speak)\w*\s+(?:specifically\s+)?(?:about|to|of)|discuss\w*|"
    r"(?:get|getting|gotten|got|go|going|gone|went)\s+(?:\w+\s+){0,2}"
    r"(?:into|granular|specific|detailed)|"
    r"(?:giv|provid|shar)\w*\s+(?:out\s+)?(?:that|this|those|it)\b|"
    r"(?:giv|provid|shar|offer|put)\w*\s+(?:out\s+)?(?:\w+\s+){0,4}"
    r"(?:" + _INFO + r"|specific|exact|precise|particular)\b|"
    r"shar\w*\s+(?:\w+\s+){0,3}with\s+you|"
    r"mak\w*\s+(?:\w+\s+){0,2}(?:forecasts?|projections?|predictions?|estimates?)\b)"
)
# What a speaker does not have or know.
_LACK = (
    r"(?:numbers?|figures?|data|information|info|details?|breakdown|breakout|split|"
    r"answer|estimate|visibility|clarity|feel|sense|idea|view|crystal\s+ball|"
    r"quantification)"
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
    ("no_comment", REFUSE, r"\bno\s+(?:further\s+)?comment\b|\btoo\s+much\s+detail\b"),
    ("confidential", REFUSE, r"\bconfidential\w*"),
    (
        "not_something",
        REFUSE,
        r"\bnot\s+(?:something|a\s+number|a\s+metric|a\s+figure)\s+(?:that\s+)?(?:we|i)"
        r"(?:'re|'m)?\s+(?:\w+\s+){0,3}(?:say|" + _TELL + ")",
    ),
    (
        "as_far_as",
        REFUSE,
        r"\b(?:about\s+)?(?:all|as\s+far\s+as|as\s+much\s+as)\s+(?:that\s+)?(?:we|i)\s+"
        r"(?:can|could|want\s+to|would\s+like\s+to|will|would)\s+(?:say|go|share|tell|give)",
    ),
    # -- unable --
    (
        "dont_know",
        UNABLE,
        _WE + _PRE + _NEG + r"(?:\s+(?:really|exactly|actually|yet))?\s+know\b"
        r"(?!\s+(?:if|whether)\s+(?:you|anybody|anyone)\b)",
    ),
    (
        "not_sure",
        UNABLE,
        _WE + _PRE + _NEG + r"\s+(?:\w+\s+)?(?:sure|certain|aware)\b"
        # "I'm not sure I understand the question" is about the question, not the answer.
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
        _WE + _PRE + _NEG + r"(?:\s+\w+)?\s+(?:have|got)\s+(?:\w+\s+){0,3}" + _LACK + r"\b",
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
    ("wait_and_see", UNABLE, r"\bremains\s+to\s+be\s+seen\b|\bwait\s+and\s+see\b"),
    # -- defer --
    (
        "get_back",
        DEFER,
        r"\b(?:get|come|circle)\s+back\s+(?:to\s+you|on\s+(?:that|this|it))\b"
        r"|\bfollow\s+up\s+with\s+you\b|\b(?:we'll|i'll|will)\s+let\s+you\s+know\b",
    ),
    ("offline", DEFER, r"\boff-?line\b"),
    (
        # A future event only: "as we discussed at the investor day" is no deferral.
        "investor_day",
        DEFER,
        r"(?:\b(?:we|i|you)(?:'ll|\s+will)|\b(?:more|further|updat\w*))\b[^.?!,;]{0,60}?\b(?:at|on|during)\s+(?:our|the)\s+"
        r"(?:\w+\s+)?(?:investor|analyst|capital\s+markets)\s+(?:day|meeting|conference|event)"
        r"|\b(?:upcoming|next|coming)\s+(?:investor|analyst|capital\s+markets)\s+"
        r"(?:day|meeting|conference|event)",
    ),
    (
        "more_later",
        DEFER,
        r"\b(?:more|further)\s+(?:detail|details|colou?r|information|clarity|specifics|"
        r"from\s+us)\s+(?:\w+\s+){0,3}(?:later|next\s+(?:year|quarter|call|time)|"
        r"in\s+the\s+future|over\s+time|in\s+due\s+course|when\s+we|at\s+(?:the|that)\s+time)",
    ),
    ("due_course", DEFER, r"\bin\s+due\s+course\b|\bat\s+the\s+appropriate\s+time\b"),
    ("when_get_there", DEFER, r"\bwhen\s+we\s+get\s+(?:there|closer)\b"),
    ("stay_tuned", DEFER, r"\bstay\s+tuned\b|\bput\s+a\s+pin\s+(?:in|on)\b"),
)

CUES: tuple[Cue, ...] = tuple(
    Cue(name, kind, re.compile(source, re.IGNORECASE)) for name, kind, source in _CUE_SOURCES
)

# Sentence and clause ends: a stop, a question or exclamation mark, a dash, a semicolon or a
# blank line (a single line break may be a hard wrap inside a sentence).
_BOUNDARY = re.compile(r"[.!?](?=\s|$)|\s--?\s|\s[—–]\s|\n\s*\n|;")


# Cues whose sentences are at most this many characters apart are one non-answer.
_NEAR = 40


def _normalise(text: str) -> str:
    """Straight apostrophes for curly ones; same length, so offsets still hold."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, trimmed of surrounding whitespace."""
    left = 0
    for before in _BOUNDARY.finditer(text, 0, start):
        left = before.end()
    after = _BOUNDARY.search(text, end)
    if after is None:
        right = len(text)
    else:  # keep a sentence's own stop; leave a dash or blank line out
        right = after.end() if text[after.start()] in ".!?" else after.start()
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def find_all(text: str) -> tuple[NonAnswerHit, ...]:
    """Every non-answer in ``text``, in order of position.

    Cues in one sentence are one non-answer (the first cue names it); so are cues in
    sentences a few words apart ("We don't know. Right? We don't know."), whose clause then
    spans them all.
    """
    norm = _normalise(text)
    found: list[NonAnswerHit] = []
    for cue in CUES:
        for m in cue.regex.finditer(norm):
            left, right = _clause(norm, m.start(), m.end())
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
