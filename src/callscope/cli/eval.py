"""``callscope eval``: accuracy against answer keys, or the non-answer benchmark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

__all__ = ["command"]


@click.command("eval")
@click.option(
    "--gold", "gold_dir", type=click.Path(path_type=Path), help="Directory of *.gold.json."
)
@click.option(
    "--fixtures",
    "fixtures_dir",
    type=click.Path(path_type=Path),
    help="Directory under which each answer key's transcript is found.",
)
@click.option(
    "--non-answers",
    "non_answers_csv",
    type=click.Path(path_type=Path),
    help="Score the non-answer detector on a labelled CSV instead.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def command(
    gold_dir: Path | None, fixtures_dir: Path | None, non_answers_csv: Path | None, as_json: bool
) -> None:
    """Score callscope against answer keys (see gold/FORMAT.md)."""
    if non_answers_csv is not None:
        from callscope.eval.nonanswers import score_nonanswers

        scores = score_nonanswers(non_answers_csv)
        if as_json:
            click.echo(json.dumps(scores))
        else:
            _print_table({"non_answers": scores})
        return
    if gold_dir is None or fixtures_dir is None:
        raise click.UsageError("give --gold DIR and --fixtures DIR, or --non-answers CSV")
    from callscope.eval import evaluate

    report = evaluate(gold_dir, fixtures_dir)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    _print_table(
        report["scores"], title=f"callscope eval — {report['files']} files (micro-average)"
    )
    for source, error in report.get("errors", {}).items():
        click.echo(f"failed to parse {source}: {error}", err=True)


def _print_table(scores: dict[str, dict[str, Any]], title: str | None = None) -> None:
    table = Table(title=title)
    table.add_column("list")
    table.add_column("scores")
    for kind, values in scores.items():
        table.add_row(
            kind,
            "  ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in values.items()
            ),
        )
    Console().print(table)
