"""The scorer on literal predicted and gold items."""

from __future__ import annotations

from callscope.eval.score import score_file, summarise

TEXT = "Elon: We will make 5,000 cars a week   by the end of this year. Revenue was $2 billion."


def _turn(speaker: str, text: str, section: str = "qa") -> dict[str, object]:
    return {"speaker": speaker, "text": text, "section": section, "role": "executive"}


def test_metadata_accuracy_counts_fields() -> None:
    gold = {"metadata": {"company": "Tesla, Inc.", "ticker": "TSLA", "exchange": None}}
    pred = {"metadata": {"company": "Tesla, Inc.", "ticker": "TSL", "exchange": None}}
    assert summarise([score_file(gold, pred, "")])["metadata"] == {"accuracy": 0.6667}


def test_turns_align_in_order_and_need_the_same_speaker() -> None:
    gold = {
        "turns": [
            {"speaker": "A", "section": "presentation", "starts_with": "Good day, ladies"},
            {"speaker": "B", "section": "qa", "starts_with": "Thank you"},
            {"speaker": "C", "section": "qa", "starts_with": "Next question"},
        ]
    }
    pred = {
        "turns": [
            _turn("A", "Good  day, ladies and gentlemen", "presentation"),
            _turn("X", "Thank you very much"),
            _turn("C", "Next question please", "presentation"),
            _turn("D", "extra"),
        ]
    }
    scores = summarise([score_file(gold, pred, "")])["turns"]
    assert scores["precision"] == 0.5
    assert scores["recall"] == 0.6667
    assert scores["section_accuracy"] == 0.5


def test_facts_match_by_half_overlap_within_speaker() -> None:
    start = TEXT.index("5,000")
    end = TEXT.index(" by the end")
    gold = {
        "figures": [
            {"quote": "5,000 cars a week", "speaker": "Elon", "value": 5000, "unit": "car",
             "per": "week"},
            {"quote": "$2 billion", "speaker": "Elon", "value": 2e9, "unit": "USD", "per": None},
        ]
    }  # fmt: skip
    pred = {
        "figures": [
            {"quote": "5,000 cars", "start": start, "end": start + 10, "speaker": "Elon",
             "value": 5000, "unit": "cars", "per": None},
            {"quote": "$2 billion", "start": TEXT.index("$2"), "end": TEXT.index("$2") + 10,
             "speaker": "Someone else", "value": 2e9, "unit": "USD", "per": None},
        ]
    }  # fmt: skip
    assert end > start
    scores = summarise([score_file(gold, pred, TEXT)])["figures"]
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5
    assert scores["value_accuracy"] == 1.0
    assert scores["unit_accuracy"] == 1.0  # plural s ignored
    assert scores["per_accuracy"] == 0.0


def test_empty_gold_list_scores_predictions_as_false_positives() -> None:
    gold = {"non_answers": []}
    pred = {"non_answers": [{"quote": "no", "start": 0, "end": 2, "speaker": "A"}]}
    assert summarise([score_file(gold, pred, "no comment")])["non_answers"]["precision"] == 0.0


def test_absent_gold_list_is_not_scored() -> None:
    assert "figures" not in summarise([score_file({}, {"figures": []}, "")])


def test_micro_average_sums_counts() -> None:
    one = score_file({"metadata": {"ticker": "A"}}, {"metadata": {"ticker": "A"}}, "")
    three = score_file(
        {"metadata": {"ticker": "B", "company": "C", "exchange": "D"}},
        {"metadata": {"ticker": "x", "company": "y", "exchange": "z"}},
        "",
    )
    assert summarise([one, three])["metadata"]["accuracy"] == 0.25


def test_empty_gold_and_empty_prediction_is_perfect() -> None:
    scores = summarise([score_file({"non_answers": []}, {"non_answers": []}, "")])
    assert scores["non_answers"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
