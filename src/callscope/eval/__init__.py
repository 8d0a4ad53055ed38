"""Measuring callscope against answer keys: ``evaluate(gold_dir, fixtures_dir)``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from callscope.errors import CallscopeError
from callscope.eval.gold import find_transcript, load_gold_dir
from callscope.eval.score import score_file, summarise
from callscope.parse import parse_file
from callscope.pipeline import Pipeline

__all__ = ["evaluate"]


def evaluate(gold_dir: str | Path, fixtures_dir: str | Path) -> dict[str, Any]:
    """Scores against every answer key in ``gold_dir``: the ``eval --json`` report.

    A transcript that fails to parse scores as if nothing was predicted, and its error is
    listed under ``errors``.
    """
    pipeline = Pipeline()
    tallies = []
    per_file: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for gold in load_gold_dir(gold_dir):
        try:
            path = find_transcript(fixtures_dir, gold.source)
            analyzed = pipeline.run(parse_file(path))
            pred, text = analyzed.to_dict(), analyzed.call.text
        except CallscopeError as e:
            errors[gold.source] = str(e)
            pred, text = {}, ""
        tally = score_file(gold.data, pred, text)
        tallies.append(tally)
        per_file[gold.source] = summarise([tally])
    report: dict[str, Any] = {
        "files": len(tallies),
        "scores": summarise(tallies),
        "per_file": per_file,
    }
    if errors:
        report["errors"] = errors
    return report
