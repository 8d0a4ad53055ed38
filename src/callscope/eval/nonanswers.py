"""Scoring the non-answer detector on a labelled CSV (``callscope eval --non-answers CSV``).

The CSV is the Gow, Larcker & Zakolyukina (2021) gold standard layout described in
``gold/FORMAT.md``: one manager's response per row, with the columns ``response`` and
``is_nonanswer`` ("true"/"false"); other columns are ignored.
"""

from __future__ import annotations

import csv
from pathlib import Path

from callscope.errors import InputError
from callscope.extract.evasion import classify_response

__all__ = ["score_nonanswers"]

_TRUE = frozenset({"true", "1", "yes", "t"})
_FALSE = frozenset({"false", "0", "no", "f"})
_COLUMNS = ("response", "is_nonanswer")


def _label(value: str, path: Path, line: int) -> bool:
    text = value.strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(str(path), f"line {line}: is_nonanswer must be true or false, not {value!r}")


def score_nonanswers(csv_path: str | Path) -> dict[str, float | int]:
    """Classify each response and compare with its label.

    Returns ``{"n", "precision", "recall", "f1", "accuracy"}``, the positive class being a
    non-answer. A ratio with an empty denominator is 0.0.
    """
    path = Path(csv_path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(str(path), f"CSV lacks the column(s) {', '.join(missing)}")
            pairs = [
                (
                    classify_response(row["response"] or "") is not None,
                    _label(row["is_nonanswer"] or "", path, reader.line_num),
                )
                for row in reader
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InputError(str(path), f"unreadable labelled CSV ({e})") from None
    tp = sum(1 for predicted, gold in pairs if predicted and gold)
    fp = sum(1 for predicted, gold in pairs if predicted and not gold)
    fn = sum(1 for predicted, gold in pairs if gold and not predicted)
    n = len(pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (n - fp - fn) / n if n else 0.0
    return {"n": n, "precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}
