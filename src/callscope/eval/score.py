"""Scoring predicted call JSON against an answer key, field by field.

Both sides are the public JSON shape (``model/codec.py``), so the scorer knows nothing of the
pipeline. Lists are matched one-to-one: turns and exchanges by ordered alignment, facts by
quote overlap within the same speaker (at least half of the gold quote's characters).
Scores are micro-averaged: counts are summed over files before dividing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["Tally", "score_file", "summarise"]

Item = dict[str, Any]
Tally = dict[str, Counter[str]]

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")
METADATA_FIELDS = ("publisher", "company", "ticker", "exchange", "fiscal_period", "call_datetime")


def _ws(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _name(text: str | None) -> str:
    return " ".join(_PUNCT.sub(" ", (text or "").casefold()).split())


def _norm(text: str) -> str:
    """Comparable text: collapsed whitespace, straight quotes."""
    return (
        _ws(text)
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _same_unit(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = str(a).casefold(), str(b).casefold()
    return x.removesuffix("s") == y.removesuffix("s")


def _align(
    gold: Sequence[Item], pred: Sequence[Item], same: Callable[[Item, Item], bool]
) -> list[tuple[int, int]]:
    """Longest ordered one-to-one matching (LCS) of gold to predicted items."""
    n, m = len(gold), len(pred)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same(gold[i], pred[j]):
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if same(gold[i], pred[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _prf(c: Counter[str], gold: int, pred: int, tp: int) -> None:
    c["gold"] += gold
    c["pred"] += pred
    c["tp"] += tp


def _metadata(gold: Item, pred: Item) -> Counter[str]:
    c: Counter[str] = Counter()
    for key in METADATA_FIELDS:
        if key in gold:
            c["fields"] += 1
            c["correct"] += int(_ws(str(gold[key])) == _ws(str(pred.get(key))))
    return c


def _estimates(gold: list[Item], pred: list[Item]) -> Counter[str]:
    c: Counter[str] = Counter()
    remaining = list(pred)
    tp = 0
    for g in gold:
        for p in remaining:
            if (
                _ws(g["metric"]) == _ws(p["metric"])
                and _ws(g["period"]) == _ws(p["period"])
                and _same_number(g.get("consensus"), p.get("consensus"))
                and _same_number(g.get("actual"), p.get("actual"))
            ):
                tp += 1
                remaining.remove(p)
                break
    _prf(c, len(gold), len(pred), tp)
    return c


def _participants(gold: list[Item], pred: list[Item]) -> Counter[str]:
    c: Counter[str] = Counter()
    by_name = {_name(p["name"]): p for p in pred}
    tp = 0
    for g in gold:
        p = by_name.pop(_name(g["name"]), None)
        if p is None:
            continue
        tp += 1
        c["role_ok"] += int(g.get("role") == p.get("role"))
        c["firm_ok"] += int(_ws(g.get("firm")) == _ws(p.get("firm")))
        c["title_ok"] += int(_ws(g.get("title")) == _ws(p.get("title")))
    _prf(c, len(gold), len(pred), tp)
    return c


def _turn_matches(g: Item, p: Item) -> bool:
    return _name(g["speaker"]) == _name(p["speaker"]) and _norm(p["text"]).startswith(
        _norm(g["starts_with"])
    )


def _turns(gold: list[Item], pred: list[Item]) -> Counter[str]:
    c: Counter[str] = Counter()
    pairs = _align(gold, pred, _turn_matches)
    for i, j in pairs:
        c["section_ok"] += int(gold[i].get("section") == pred[j].get("section"))
        c["role_ok"] += int(gold[i].get("role") == pred[j].get("role"))
    _prf(c, len(gold), len(pred), len(pairs))
    return c


def _exchanges(gold: list[Item], pred: list[Item], turns: list[Item]) -> Counter[str]:
    c: Counter[str] = Counter()

    def question(p: Item) -> str:
        first = p.get("question_turns") or []
        return _norm(turns[first[0]]["text"]) if first else _norm(p.get("question_starts_with", ""))

    def same(g: Item, p: Item) -> bool:
        return _name(g["analyst"]) == _name(p["analyst"]) and question(p).startswith(
            _norm(g["question_starts_with"])
        )

    pairs = _align(gold, pred, same)
    for i, j in pairs:
        names_g = [_name(a) for a in gold[i].get("answerers", [])]
        names_p = [_name(a) for a in pred[j].get("answerers", [])]
        c["answerers_ok"] += int(names_g == names_p)
        c["firm_ok"] += int(_ws(gold[i].get("firm")) == _ws(pred[j].get("firm")))
    _prf(c, len(gold), len(pred), len(pairs))
    return c


class _Located:
    """Finds quotes in a call's text with whitespace collapsed, as FORMAT.md anchors them."""

    def __init__(self, text: str) -> None:
        out: list[str] = []
        self.index: list[int] = []  # original offset -> collapsed offset
        last_space = True
        for ch in text:
            self.index.append(len(out))
            if ch.isspace():
                if not last_space:
                    out.append(" ")
                last_space = True
            else:
                out.append(ch)
                last_space = False
        self.index.append(len(out))
        self.text = _norm("".join(out))

    def pred_range(self, item: Item) -> tuple[int, int] | None:
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return None
        if not 0 <= start <= end < len(self.index):
            return None
        return self.index[start], self.index[end]

    def gold_ranges(self, quote: str) -> list[tuple[int, int]]:
        needle = _norm(quote)
        out = []
        at = self.text.find(needle)
        while at >= 0 and needle:
            out.append((at, at + len(needle)))
            at = self.text.find(needle, at + 1)
        return out


def _overlap(gold_ranges: list[tuple[int, int]], pred: tuple[int, int] | None) -> int:
    if pred is None:
        return 0
    return max((max(0, min(e, pred[1]) - max(s, pred[0])) for s, e in gold_ranges), default=0)


def _facts(gold: list[Item], pred: list[Item], located: _Located, kind: str) -> Counter[str]:
    c: Counter[str] = Counter()
    candidates = []
    for gi, g in enumerate(gold):
        ranges = located.gold_ranges(g["quote"])
        if not ranges:
            c["gold_unlocated"] += 1
        need = len(_norm(g["quote"])) / 2
        for pi, p in enumerate(pred):
            if _name(g.get("speaker")) != _name(p.get("speaker")):
                continue
            shared = _overlap(ranges, located.pred_range(p))
            if not ranges and _norm(g["quote"]) in _norm(p.get("quote", "")):
                shared = len(_norm(g["quote"]))
            if shared >= need:
                candidates.append((shared, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        _fields(c, gold[gi], pred[pi], kind)
    _prf(c, len(gold), len(pred), len(used_g))
    return c


def _fields(c: Counter[str], g: Item, p: Item, kind: str) -> None:
    if kind == "figures":
        c["value_ok"] += int(
            _same_number(g.get("value"), p.get("value"))
            and _same_number(g.get("high"), p.get("high"))
        )
        c["unit_ok"] += int(_same_unit(g.get("unit"), p.get("unit")))
        c["per_ok"] += int(g.get("per") == p.get("per"))
    elif kind == "commitments":
        c["deadline_ok"] += int(g.get("deadline") == p.get("deadline"))
        c["confidence_ok"] += int(g.get("confidence") == p.get("confidence"))
        c["target_ok"] += int(
            _same_number(g.get("target"), p.get("target"))
            and _same_number(g.get("high"), p.get("high"))
        )


def score_file(gold: Item, pred: Item, text: str) -> Tally:
    """Counts for one file; ``text`` is the call's source text that ``start``/``end`` index."""
    tally: Tally = {}
    if "metadata" in gold:
        tally["metadata"] = _metadata(gold["metadata"], pred.get("metadata", {}))
    if "estimates" in gold:
        tally["estimates"] = _estimates(gold["estimates"], pred.get("estimates", []))
    if "participants" in gold:
        tally["participants"] = _participants(gold["participants"], pred.get("participants", []))
    if "turns" in gold:
        tally["turns"] = _turns(gold["turns"], pred.get("turns", []))
    if "exchanges" in gold:
        tally["exchanges"] = _exchanges(
            gold["exchanges"], pred.get("exchanges", []), pred.get("turns", [])
        )
    located = _Located(text)
    for kind in ("figures", "commitments", "non_answers"):
        if kind in gold:
            tally[kind] = _facts(gold[kind], pred.get(kind) or [], located, kind)
    return tally


# Extra accuracies reported per list: name in the output -> counter key.
_ACCURACIES = {
    "participants": {
        "role_accuracy": "role_ok",
        "firm_accuracy": "firm_ok",
        "title_accuracy": "title_ok",
    },
    "turns": {"section_accuracy": "section_ok", "role_accuracy": "role_ok"},
    "exchanges": {"answerers_exact": "answerers_ok", "firm_accuracy": "firm_ok"},
    "figures": {"value_accuracy": "value_ok", "unit_accuracy": "unit_ok", "per_accuracy": "per_ok"},
    "commitments": {
        "deadline_accuracy": "deadline_ok",
        "confidence_accuracy": "confidence_ok",
        "target_accuracy": "target_ok",
    },
    "non_answers": {},
    "estimates": {},
}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def summarise(tallies: Sequence[Tally]) -> dict[str, dict[str, float]]:
    """Micro-averaged scores of one or more files' tallies."""
    total: dict[str, Counter[str]] = {}
    for tally in tallies:
        for kind, counts in tally.items():
            total.setdefault(kind, Counter()).update(counts)
    out: dict[str, dict[str, float]] = {}
    for kind, c in total.items():
        if kind == "metadata":
            out[kind] = {"accuracy": _ratio(c["correct"], c["fields"])}
            continue
        if c["gold"] == 0 and c["pred"] == 0:
            # Nothing to find and nothing found: perfect, not 0/0.
            out[kind] = {"precision": 1.0, "recall": 1.0, "f1": 1.0}
            continue
        p = _ratio(c["tp"], c["pred"])
        r = _ratio(c["tp"], c["gold"])
        f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
        scores = {"precision": p, "recall": r, "f1": f1}
        if c["tp"]:  # accuracies of matched items; none matched, none reported
            for name, key in _ACCURACIES.get(kind, {}).items():
                scores[name] = _ratio(c[key], c["tp"])
        out[kind] = scores
    order = ("metadata", "estimates", "participants", "turns", "exchanges", "figures",
             "commitments", "non_answers")  # fmt: skip
    return {k: out[k] for k in order if k in out}
