"""Non-answers: the response classifier, the extractor on a built call, and the scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from callscope.errors import InputError
from callscope.eval.nonanswers import score_nonanswers
from callscope.extract.evasion import NonAnswersExtractor, classify_response, find_all
from callscope.model.call import Call, Metadata, Participant, Role, SectionKind
from callscope.model.facts import NonAnswer
from callscope.model.source import SourceSpan
from callscope.parse import parse_file
from callscope.parse._build import RawTurn, build_call
from tests.conftest import GOLD, SHARED, shared_path


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        ("We don't disclose that by region.", "refuse", "We don't disclose"),
        ("Yeah, I won't comment on pricing.", "refuse", "I won't comment"),
        ("We're not going to give guidance on it.", "refuse", "We're not going to give guidance"),
        ("We don't typically break that out.", "refuse", "We don't typically break that out"),
        ("We don't, obviously, publicize those.", "refuse", "We don't, obviously, publicize"),
        ("I'd rather not get into that.", "refuse", "rather not get into"),
        ("That's about all I can say.", "refuse", "about all I can say"),
        ("Honestly, we don't know yet.", "unable", "we don't know"),
        ("It's too early to tell.", "unable", "too early to tell"),
        ("That's hard to quantify.", "unable", "hard to quantify"),
        ("I don't have that number in front of me.", "unable", "I don't have that number"),
        (
            "We'll talk more about that at our investor day.",
            "defer",
            "We'll talk more about that at our investor day",
        ),
        ("Let's take it offline.", "defer", "take it offline"),
        # kept private, in words other than "confidential"
        (
            "Their price is something we keep to ourselves for now.",
            "refuse",
            "keep to ourselves",
        ),
        ("We hold those numbers close to the vest.", "refuse", "close to the vest"),
        ("We'll get back to you on that.", "defer", "get back to you"),
        (
            "You'll hear more from us on that next quarter.",
            "defer",
            "more from us on that next quarter",
        ),
    ],
)
def test_classify_finds_the_cue(text: str, kind: str, cue: str) -> None:
    _assert_cue(text, kind, cue)


def _assert_cue(text: str, kind: str, cue: str) -> None:
    hit = classify_response(text)
    assert hit is not None
    assert (hit.kind, hit.cue) == (kind, cue)
    assert text[hit.start : hit.end] == cue


@pytest.mark.parametrize(
    "text",
    [
        "I can't tell you how pleased we are with the quarter.",  # enthusiasm, not refusal
        "I don't know if you want to add anything, Mike?",  # handing over
        "I'm not sure I understood the question, but margins were 40%.",  # about the question
        "We don't provide services to banks.",  # "provide" with no information object
        "As we discussed at the investor day, margins rose.",  # past event, no deferral
        "I'll come back to that in a second: revenue grew 12%.",  # answered in the same turn
        "What kind of growth? About 10%.",
        "Revenue grew 12% and we expect more.",
    ],
)
def test_classify_answers_are_none(text: str) -> None:
    assert classify_response(text) is None


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        # not decided yet
        ("We haven't decided on the structure yet.", "unable", "We haven't decided"),
        ("Timing is still TBD, frankly.", "unable", "TBD"),
        ("That part is yet to be determined.", "unable", "yet to be determined"),
        # no schedule or update to give
        ("We don't have a timeline to share today.", "unable", "We don't have a timeline"),
        ("Honestly we don't have any update on pricing.", "unable", "we don't have any update"),
        # a promise to tell later or elsewhere
        (
            "We'll give you more guidance as we get closer to launch.",
            "defer",
            "We'll give you more guidance as we get closer",
        ),
        (
            "I will update you on that when we report the fourth quarter.",
            "defer",
            "I will update you on that when we report",
        ),
        ("We'll update you at our investor day.", "defer", "We'll update you at our investor day"),
        ("That part comes at a later date.", "defer", "at a later date"),
        # declining in so many words
        ("We're careful not to comment on rumors.", "refuse", "not to comment"),
        (
            "Without getting into specifics, demand is fine.",
            "refuse",
            "Without getting into specifics",
        ),
        (
            "That's about the extent that I will disclose.",
            "refuse",
            "the extent that I will disclose",
        ),
        ("I'll defer on that one for now.", "refuse", "I'll defer on that"),
        (
            "It's not appropriate for us to comment on the lawsuit.",
            "refuse",
            "not appropriate for us to comment",
        ),
        ("There's nothing more I can say about it.", "refuse", "nothing more I can say"),
        (
            "We shouldn't be talking about next year's launches.",
            "refuse",
            "We shouldn't be talking about",
        ),
        (
            "We're not going to give you a sort of a guide for 2025.",
            "refuse",
            "We're not going to give you a sort of a guide",
        ),
        ("We're not going to guide to 2025 today.", "refuse", "We're not going to guide"),
        (
            "I'd rather not get ahead of the board on the dividend.",
            "refuse",
            "rather not get ahead of the board",
        ),
        ("We're not going into the details here.", "refuse", "We're not going into the details"),
        # unsure of something left open
        ("I'm not sure yet.", "unable", "I'm not sure"),
        ("I'm not sure how that plays out.", "unable", "I'm not sure"),
        ("I'm not sure we can say much more.", "unable", "I'm not sure"),
        ("Whether the rate holds, I don't know.", "unable", "I don't know"),
        ("It's up a bit, but I don't know.", "unable", "I don't know"),
        # taking a topic offline
        ("Happy to discuss it offline with you.", "defer", "discuss it offline"),
        ("Maybe that is for an offline conversation.", "defer", "offline conversation"),
    ],
)
def test_classify_finds_the_general_cue(text: str, kind: str, cue: str) -> None:
    _assert_cue(text, kind, cue)


@pytest.mark.parametrize(
    "text",
    [
        # "I don't know" as a filler, a guess, a rhetorical turn or a hand-over
        "You've got, I don't know, maybe 100 labs there.",
        "Our size comes down, I don't know, $100 million, $150 million.",
        "I don't know how else to put it: demand is strong.",
        "Greg, I don't know if there's anything else you want to add?",
        "I don't know, Ann, anything to add to that?",
        "We'll open, I don't recall, six stores in the east.",
        # unsure about the question, not the answer
        "I can't remember what the second part of your question was.",
        "So I don't know if I answered your question, but that's where we are.",
        # a hedge on a claim that follows
        "I'm not sure it would be very different from last year.",
        "Maybe 10%, but I'm not even sure it was that much.",
        # past narrative
        "The other thing we didn't talk about is the service backlog.",
        "Forgive us if we didn't get into that in detail earlier.",
        # "offline", "confidential", "date" and "go into" in their other senses
        "Sales happen online or offline.",
        "A storm can take some capacity offline.",
        "We signed confidentialities with both bidders.",
        "We don't have a call date until 2025.",
        "We're not going into that blind.",
        # a sign-off, an agenda, news
        "We'll talk to you later, thanks everyone.",
        "I'll talk about that in a moment, as we move through the slides.",
        "Slide 13 lists the upcoming investor events.",
        "There's nothing new to report on the lawsuit.",
        "And that's not something that we're saying lightly.",
    ],
)
def test_classify_general_answers_are_none(text: str) -> None:
    assert classify_response(text) is None


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the whole sentence, across a dash, without its neighbours
        (
            "Revenue grew. Now, we don't break out the segments -- it is small. Thanks.",
            "Now, we don't break out the segments -- it is small.",
        ),
        (
            "Margins rose.\n\nSo whether we keep that -- I don't know. We will see.",
            "So whether we keep that -- I don't know.",
        ),
        # a run-on sentence over 400 characters is cut to the clause at its dashes
        (
            "We grew " + "and grew " * 50 + "-- we don't disclose backlog -- " + "and so on " * 5,
            "we don't disclose backlog",
        ),
    ],
)
def test_clause_is_the_sentence_holding_the_cue(text: str, quoted: str) -> None:
    (hit,) = find_all(text)
    assert text[hit.clause_start : hit.clause_end] == quoted


def test_neighbouring_cues_are_one_non_answer() -> None:
    text = "So, we don't know. Right? We don't know. Margins grew a lot over the year, though."
    (hit,) = find_all(text)
    assert text[hit.clause_start : hit.clause_end] == "So, we don't know. Right? We don't know."


def test_curly_apostrophes_keep_offsets() -> None:
    text = "Well, we haven\u2019t disclosed that."
    hit = classify_response(text)
    assert hit is not None
    assert hit.cue == "we haven\u2019t disclosed"


def _call(speeches: list[tuple[str, Role, SectionKind, str]]) -> Call:
    text = ""
    raws = []
    for speaker, role, section, speech in speeches:
        text += f"{speaker}\n"
        raws.append(RawTurn(speaker, len(text), len(text) + len(speech), section, role))
        text += speech + "\n\n"
    people = list({s: Participant(s, r) for s, r, _, _ in speeches}.values())
    return build_call(
        source="t.txt",
        layout="test",
        text=text,
        metadata=Metadata(),
        participants=people,
        raw_turns=raws,
    )


def test_extractor_reads_only_executive_answers() -> None:
    pres, qa = SectionKind.PRESENTATION, SectionKind.QA
    call = _call(
        [
            ("Ann Chief", Role.EXECUTIVE, pres, "We don't disclose backlog."),
            ("Operator", Role.OPERATOR, qa, "Our first question comes from Bob."),
            ("Bob Analyst", Role.ANALYST, qa, "I don't know if you can say, but what is backlog?"),
            (
                "Ann Chief",
                Role.EXECUTIVE,
                qa,
                "Thanks, Bob. We don't break out backlog.\nIt grew, though.",
            ),
            ("Operator", Role.OPERATOR, qa, "Next question comes from Cy."),
            ("Cy Analyst", Role.ANALYST, qa, "And 2019?"),
            ("Dan Money", Role.EXECUTIVE, qa, "Too early to tell. We'll see."),
        ]
    )
    facts = NonAnswersExtractor().extract(call, {})
    start = call.text.index("We don't break out backlog.")
    late = call.text.index("Too early to tell.")
    assert facts == (
        NonAnswer(
            quote="We don't break out backlog.",
            span=SourceSpan(start, start + 27),
            kind="refuse",
            cue="We don't break out",
            speaker="Ann Chief",
            turn=3,
            exchange=0,
        ),
        NonAnswer(
            quote="Too early to tell.",
            span=SourceSpan(late, late + 18),
            kind="unable",
            cue="Too early to tell",
            speaker="Dan Money",
            turn=6,
            exchange=1,
        ),
    )


def test_extractor_declares_itself() -> None:
    extractor = NonAnswersExtractor()
    assert (extractor.name, extractor.requires, extractor.produces) == (
        "non_answers",
        (),
        "non_answers",
    )


def test_score_literal_csv(tmp_path: Path) -> None:
    path = tmp_path / "labels.csv"
    path.write_text(
        "id,response,is_nonanswer\n"
        'a,"We don\'t disclose that.",true\n'
        'b,"Revenue grew 10%.",false\n'
        'c,"Margins were fine, we think.",true\n'
        'd,"It\'s too early to tell.",false\n',
        encoding="utf-8",
    )
    assert score_nonanswers(path) == {
        "n": 4,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "accuracy": 0.5,
    }


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,text\n1,hello\n", "lacks the column(s) response, is_nonanswer"),
        ("response,is_nonanswer\nhello,maybe\n", "is_nonanswer must be true or false"),
    ],
)
def test_score_rejects_bad_csv(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        score_nonanswers(path)


def test_benchmark_beats_published_rules() -> None:
    path = SHARED / "benchmarks" / "non-answers" / "train.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    scores = score_nonanswers(path)
    assert scores["n"] == 1296
    # Gow, Larcker & Zakolyukina's rules score F1 0.749 (P 0.684, R 0.828) on this half.
    # In sample; repeated 5-fold CV with pattern selection inside each fold gives about the
    # same F1 (0.83-0.84), which measures selection, not the bias of writing the cues.
    assert scores["f1"] > 0.83
    assert scores["precision"] > 0.75
    assert scores["recall"] > 0.92


def _matches(gold: dict[str, str], fact: NonAnswer) -> bool:
    quote = " ".join(gold["quote"].split())
    shared = 0
    if quote in fact.quote:
        shared = len(quote)
    elif fact.quote in quote:
        shared = len(fact.quote)
    return fact.speaker == gold["speaker"] and shared >= len(quote) / 2


@pytest.mark.parametrize(
    ("fixture", "found", "extra"),
    [
        ("seeking-alpha/CT_JPM_2018_q2.txt", 3, 0),
        ("refinitiv/Q3 2022 Iron Mountain Inc Earnings Call.txt", 0, 0),
        ("capiq/tesla-2017-q2-capiq.txt", 7, 3),
        ("company-pdf-text/qec_jpm_2023_1Q.pdftotext.txt", 8, 3),
        ("motley-fool-web/FIG_Q2_2025_earnings_call.txt", 2, 0),
    ],
)
def test_real_call_against_gold(fixture: str, found: int, extra: int) -> None:
    path = shared_path(fixture)
    gold = json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    facts = [
        f for f in NonAnswersExtractor().extract(parse_file(path), {}) if isinstance(f, NonAnswer)
    ]
    hits = [g for g in gold["non_answers"] if any(_matches(g, f) for f in facts)]
    assert len(hits) >= found
    assert len(facts) - len(hits) <= extra


@pytest.mark.parametrize(
    ("fixture", "quote", "found"),
    [
        ("seeking-alpha/CT_GE_2018_q4.txt", "Timing is still TBD.", True),
        ("seeking-alpha/CT_GE_2018_q4.txt", "if we didn't get into that in detail", False),
        ("seeking-alpha/CT_GE_2018_q4.txt", "I don't know, how else to frame it", False),
        ("seeking-alpha/CT_FB_2018_q2.txt", "rings online or offline", False),
        ("seeking-alpha/CT_FB_2018_q2.txt", "We don't break that out either.", True),
        ("company-pdf-text/qec_boa_2025_1Q.pdftotext.txt", "I don't know, $100 billion", False),
        (
            "company-pdf-text/qec_boa_2025_1Q.pdftotext.txt",
            "So we'll give you a little more guidance as we get closer.",
            True,
        ),
        ("refinitiv/Q3 2022 Equinix Inc Earnings Call.txt", "not going into that blind", False),
        ("refinitiv/Q3 2022 Equinix Inc Earnings Call.txt", "before, I don't know.", True),
    ],
)
def test_real_call_quotes(fixture: str, quote: str, found: bool) -> None:
    facts = [
        f
        for f in NonAnswersExtractor().extract(parse_file(shared_path(fixture)), {})
        if isinstance(f, NonAnswer)
    ]
    assert any(quote in f.quote for f in facts) is found


@pytest.mark.parametrize(
    "fixture",
    [
        "seeking-alpha/CT_FB_2018_q2.txt",
        "seeking-alpha/CT_TIF_2018_q3.txt",
        "refinitiv/Q3 2022 Equinix Inc Earnings Call.txt",
        "motley-fool-json/HES_q1_2021.txt",
    ],
)
def test_real_call_non_answers_follow_their_question(fixture: str) -> None:
    call = parse_file(shared_path(fixture))
    facts = [f for f in NonAnswersExtractor().extract(call, {}) if isinstance(f, NonAnswer)]
    assert facts
    for fact in facts:
        assert fact.exchange is not None and fact.turn is not None
        exchange = call.exchanges[fact.exchange]
        assert fact.turn in exchange.answer_turns
        # the analyst's latest question before the answer belongs to the same exchange
        asked = max(t.index for t in call.turns[: fact.turn] if t.role is Role.ANALYST)
        assert asked in exchange.question_turns
        assert call.text[fact.span.start : fact.span.end].strip()[-1] in ".?!"


def _brute_force(norm: str) -> list[tuple[str, int, int]]:
    from callscope.extract.evasion import CUES

    return [(cue.name, m.start(), m.end()) for cue in CUES for m in cue.regex.finditer(norm)]


def test_fast_cue_search_finds_what_every_cue_regex_finds() -> None:
    """The per-cue word lists that prefilter the search must never hide a match."""
    import csv

    from callscope.extract.evasion import _matches, _normalise
    from tests.conftest import FIXTURES, SHARED

    benchmark = SHARED / "benchmarks" / "non-answers" / "train.csv"
    if not benchmark.exists():
        pytest.skip(f"{benchmark} is absent")
    with benchmark.open(encoding="utf-8", newline="") as handle:
        texts = [row["response"] for row in csv.DictReader(handle)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in
              sorted(FIXTURES.glob("seeking-alpha/*.txt"))]  # fmt: skip
    for text in texts:
        norm = _normalise(text)
        fast = [(cue.name, m.start(), m.end()) for cue, m in _matches(norm)]
        assert fast == _brute_force(norm)


@pytest.mark.parametrize(
    ("text", "kind", "cue"),
    [
        # a hyphenated object ("a three-year target"), a pronoun ("them"), sizing an effect,
        # and "too soon to put a number on it"
        ("We don't give a three-year target, but it grows.", "refuse",
         "We don't give a three-year target"),
        ("There is no decision, and I would not want to get ahead of them.", "refuse",
         "I would not want to get ahead of them"),
        ("I'm not going to size next year's buyback on this call.", "refuse",
         "I'm not going to size next year's buyback"),
        ("It's too soon to put a dollar figure on the savings.", "unable",
         "too soon to put a dollar figure"),
    ],
)  # fmt: skip
def test_classify_finds_cues_of_written_calls(text: str, kind: str, cue: str) -> None:
    _assert_cue(text, kind, cue)


@pytest.mark.parametrize(
    "text", ["We won't size the plant until next year.", "We have to size the buyback to cash."]
)
def test_sizing_a_thing_is_no_refusal(text: str) -> None:
    assert classify_response(text) is None
