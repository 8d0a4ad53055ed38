"""Full analysis (parse + every extractor) on the reference call, against a floor and quantulum3.

Prints the median time of the full analysis and of one regex pass that tokenizes the text
(target: analysis <= 20x the floor); quantulum3's time on the same text (target: callscope
>= 500x faster); and the figure precision/recall/F1 of both against the answer keys, scored
by the same function (``callscope.eval.score.score_file``, figures only).

quantulum3 (the ``bench`` extra) runs without its unit classifier: the model it ships
cannot be unpickled by the scikit-learn installed here, and without it quantulum3 uses its
own documented fallback (and is, if anything, faster).
Usage: python bench/extract.py [TRANSCRIPT] [--repeat N] [--quantulum-repeat N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import warnings
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from _timing import REFERENCE, SHARED, TOKEN, machine, median_seconds

from callscope.eval.gold import find_transcript
from callscope.eval.score import score_file, summarise
from callscope.model.call import Call
from callscope.parse import parse_document, parse_file, read_document
from callscope.pipeline import Pipeline

GOLD = (
    SHARED / "gold/tesla-2017-q2-capiq.gold.json",
    SHARED / "gold/Q3 2022 Iron Mountain Inc Earnings Call.gold.json",
)
WORD = re.compile(r"\S+")
# quantulum3 unit names -> the answer key's units (FORMAT.md): currencies by ISO code.
CURRENCIES = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY"}
RATE = re.compile(r"^(?P<unit>.*?)\s*\bper (?P<per>day|week|month|quarter|year)$")
KINDS = {"currency": "money", "time": "duration", "dimensionless": "count"}


def load_quantulum() -> ModuleType | None:
    try:
        with warnings.catch_warnings():  # it warns at import when scikit-learn is absent
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser
    except ImportError:
        return None
    classifier.USE_CLF = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("about 5 miles")  # loads its unit tables (about 3 s), not timed
    module: ModuleType = parser
    return module


def quantulum_figure(quantity: Any, offset: int, turn: int, speaker: str) -> dict[str, Any]:
    """One quantulum3 quantity in the answer key's shape."""
    name, entity = quantity.unit.name, quantity.unit.entity.name
    rate = RATE.match(name)
    per = rate["per"] if rate else None
    name = rate["unit"] if rate else name
    if entity == "currency" or name in CURRENCIES or name.startswith("dollar"):
        unit: str | None = CURRENCIES.get(name, "USD")
    elif name == "percentage":
        unit = "%"
    elif name in ("dimensionless", ""):
        unit = None
    else:
        unit = name
    kind = "percent" if unit == "%" else "rate" if per else KINDS.get(entity, "other")
    start, end = quantity.span
    return {
        "value": quantity.value, "high": None, "unit": unit, "per": per, "kind": kind,
        "turn": turn, "speaker": speaker, "quote": quantity.surface,
        "start": offset + start, "end": offset + end,
    }  # fmt: skip


def quantulum_figures(parser: ModuleType, call: Call) -> tuple[list[dict[str, Any]], float]:
    """quantulum3 run on each turn's source text, offsets into ``call.text``; and its time."""
    out: list[dict[str, Any]] = []
    elapsed = 0.0
    for turn in call.turns:
        text = call.text[turn.span.start : turn.span.end]
        start = time.perf_counter()
        quantities = parser.parse(text)
        elapsed += time.perf_counter() - start
        out.extend(
            quantulum_figure(q, turn.span.start, turn.index, turn.speaker) for q in quantities
        )
    return out, elapsed


def widened(figures: list[dict[str, Any]], call: Call, words: int) -> list[dict[str, Any]]:
    """The figures with ``words`` words of context each side, within their turn.

    A diagnostic: the answer key's quotes carry a few words of context ("announced 80
    minutes ago") and a match needs half the quote's characters, so a bare "80 minutes"
    misses; callscope's quotes take context in, quantulum3's surface text does not.
    """
    out = []
    for figure in figures:
        span = call.turns[figure["turn"]].span
        bounds = [m.span() for m in WORD.finditer(call.text, span.start, span.end)]
        first = next((i for i, (_, b) in enumerate(bounds) if b > figure["start"]), 0)
        last = max((i for i, (a, _) in enumerate(bounds) if a < figure["end"]), default=first)
        start = bounds[max(0, first - words)][0]
        end = bounds[min(len(bounds) - 1, last + words)][1]
        out.append({**figure, "start": start, "end": end, "quote": call.text[start:end]})
    return out


def extractor_times(call: Call, repeat: int) -> list[tuple[str, float]]:
    """Each extractor alone on a parsed call, given what the others found."""
    pipeline = Pipeline(strict=True)
    found = pipeline.run(call).facts
    return [
        (e.name, median_seconds(lambda e=e: e.extract(call, found), repeat))  # type: ignore[misc]
        for e in pipeline.extractors
    ]


def _scores(rows: list[tuple[str, str, dict[str, Any]]]) -> None:
    print(f"{'figures vs gold':<46}{'gold':>5}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}"
          f"{'value':>7}{'unit':>7}{'per':>7}")  # fmt: skip
    for system, name, tally in rows:
        counts = tally["figures"]
        s = summarise([tally])["figures"]
        print(f"{system + '  ' + name:<46.46}{counts['gold']:>5}{counts['pred']:>6}"
              f"{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
              f"{s['value_accuracy']:>7.3f}{s['unit_accuracy']:>7.3f}"
              f"{s['per_accuracy']:>7.3f}")  # fmt: skip


def accuracy(parser: ModuleType | None) -> None:
    """Figure scores of callscope and quantulum3 on each answer key, and over both."""
    rows: list[tuple[str, str, dict[str, Any]]] = []
    totals: dict[str, list[dict[str, Any]]] = {}
    for gold_path in GOLD:
        if not gold_path.exists():
            print(f"{gold_path.name}: not found, skipped")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        key = {"figures": gold["figures"]}
        analyzed = Pipeline().run(parse_file(find_transcript(SHARED / "fixtures", gold["source"])))
        text, name = analyzed.call.text, Path(gold["source"]).stem[:24]
        systems = {"callscope": analyzed.to_dict()["figures"]}
        if parser is not None:
            systems["quantulum3"] = quantulum_figures(parser, analyzed.call)[0]
            systems["quantulum3 ±1 word"] = widened(systems["quantulum3"], analyzed.call, 1)
        for system, figures in systems.items():
            tally = score_file(key, {"figures": figures}, text)
            totals.setdefault(system, []).append(tally)
            rows.append((system, name, tally))
    for system, tallies in totals.items():
        if len(tallies) > 1:
            merged: Counter[str] = Counter()
            for tally in tallies:
                merged.update(tally["figures"])
            rows.append((system, "(both, micro)", {"figures": merged}))
    _scores(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("transcript", nargs="?", type=Path, default=REFERENCE)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--quantulum-repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.transcript.exists():
        raise SystemExit(f"{args.transcript}: not found (the shared fixtures are absent)")
    where = machine()
    doc = read_document(args.transcript)
    floor = median_seconds(lambda: TOKEN.findall(doc.text), args.repeat * 5)
    parse = median_seconds(lambda: parse_document(doc), args.repeat)
    full = median_seconds(lambda: Pipeline().run(parse_document(doc)), args.repeat)
    call = parse_document(doc)
    print(f"transcript            {args.transcript.name} ({len(doc.text):,} chars; "
          f"{where})")  # fmt: skip
    print(f"floor (regex pass)    {floor * 1000:9.2f} ms")
    print(f"parse                 {parse * 1000:9.2f} ms  {parse / floor:7.1f}x")
    for name, seconds in extractor_times(call, args.repeat):
        print(f"  + {name:<18}{seconds * 1000:9.2f} ms  {seconds / floor:7.1f}x")
    print(f"full analysis         {full * 1000:9.2f} ms  {full / floor:7.1f}x   (target <= 20x)")
    quantulum = load_quantulum()
    if quantulum is None:
        print("quantulum3            not installed (pip install -e '.[bench]'): skipped")
    else:
        runs = []
        for _ in range(args.quantulum_repeat):  # already warm; each run takes tens of seconds
            start = time.perf_counter()
            quantulum.parse(doc.text)
            runs.append(time.perf_counter() - start)
        whole = statistics.median(runs)
        _, per_turn = quantulum_figures(quantulum, call)
        print(f"quantulum3 whole text {whole * 1000:9.0f} ms  ({args.quantulum_repeat} run"
              f"{'s' if args.quantulum_repeat > 1 else ''} after a warm-up)")  # fmt: skip
        print(f"quantulum3 per turn   {per_turn * 1000:9.0f} ms  "
              f"(sum over {len(call.turns)} turns)")  # fmt: skip
        print(f"speed-up              {whole / full:9.0f}x whole text, {per_turn / full:.0f}x per "
              f"turn   (target >= 500x)")  # fmt: skip
    print()
    accuracy(quantulum)


if __name__ == "__main__":
    main()
