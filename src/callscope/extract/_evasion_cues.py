"""The non-answer cue table: the phrase patterns that mark a refusal, an inability or a
deferral, and beside each the words every match of it holds.

Separate from ``evasion`` because it is vocabulary, not logic: the grammatical parts (a
first-person subject, a negation, a verb of telling or knowing, an object that names
information) and the thirty-odd patterns built from them (``_CUE_SOURCES``, compiled into
``evasion.CUES``), with the anchor words of each (``_ANCHORS``) that let ``evasion`` run a cue
only where it can match. Adding or changing a cue is an edit here alone, pattern and anchors
side by side.
"""

from __future__ import annotations

REFUSE = "refuse"
UNABLE = "unable"
DEFER = "defer"

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
    r"(?:giv|provid|shar|offer|put)\w*\s+(?:out\s+)?(?:[\w-]+\s+){0,5}"
    r"(?:" + _INFO + r"|specific|exact|precise|particular)\b|"
    r"shar\w*\s+(?:\w+\s+){0,3}with\s+you|"
    # pre-empting a decision or an event: "I'd rather not get ahead of the board"
    r"get\w*\s+ahead\s+of\s+(?:ourselves|myself|(?:the|our)\s+(?:board|process|\w+\s+day)|"
    r"that|this|it|them|any)\b|"
    # sizing an effect is quantifying it: "I'm not going to size next year's buyback" (not
    # "we won't size the plant until next year")
    r"siz(?:e|ing)\s+(?:(?:that|it|this|those|them)\b|(?:[\w']+\s+){0,3}?(?:impacts?|effects?|"
    r"benefits?|opportunity|buybacks?|repurchases?|headwinds?|tailwinds?|savings|upside|"
    r"downside)\b)|"
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
    # Kept private: "something we keep to ourselves", "we hold that close to the vest".
    (
        "kept_private",
        REFUSE,
        r"\b(?:keep|kept|hold|held)\s+(?:\w+\s+){0,2}?(?:to\s+ourselves|private|under\s+wraps)\b"
        r"|\bclose\s+to\s+(?:the|our)\s+(?:vest|chest)\b",
    ),
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
        r"comment|call|quantify|speculate|judge|determine|give|project|estimate|forecast|"
        r"put\s+a\s+(?:[\w-]+\s+)?(?:number|figure|value))",
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

# ---- the words each cue needs ----------------------------------------------------------
# For each cue, groups of words read off its pattern: every match holds a word of each
# group, lower-cased. The first group is the rarest in the fixtures; see ``evasion`` for how
# they are used.
_NEG_WORDS = "n't not never cannot"
_TELL_WORDS = (
    "disclos comment break broken split publi reveal guid speculat quantif specif elaborat "
    "mention tell talk speak discuss get got go went giv provid shar offer put mak siz"
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
    "kept_private": ("ourselves private wraps vest chest",),
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
