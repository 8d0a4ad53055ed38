"""``callscope demo``: the bundled example calls of a fictional company, end to end."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import click
from rich.console import Console

from callscope.cli._options import db_option
from callscope.cli._view import calls_table
from callscope.corpus import Corpus

__all__ = ["command", "example_paths"]

DEMO_DB = "callscope-demo.db"


def example_paths() -> list[str]:
    """Paths of the bundled example transcripts, in name order."""
    root = files("callscope") / "examples"
    return sorted(str(p) for p in root.iterdir() if p.name.endswith((".txt", ".json", ".html")))


@click.command("demo")
@db_option
def command(db_url: str) -> None:
    """Ingest the bundled example calls into a local database and report on them."""
    if db_url == "callscope.db":
        db_url = DEMO_DB
    paths = example_paths()
    if not paths:
        raise click.ClickException("no bundled examples found in the installed package")
    console = Console()
    with Corpus(db_url) as corpus:
        report = corpus.ingest(paths)
        console.print(
            f"Ingested {len(report.added)} new, {len(report.unchanged)} already stored "
            f"example calls into [bold]{db_url}[/bold]."
        )
        for path, reason in report.failed:
            console.print(f"[red]skipped[/red] {path}: {reason}")
        console.print(calls_table(corpus.calls(), title="Calls", width=console.width))
        confidence = Counter(row["confidence"] for row in corpus.rows("commitments"))
        console.print(
            "Commitments by confidence: "
            + (", ".join(f"{k} {v}" for k, v in confidence.most_common()) or "none")
        )
        dodges = list(corpus.rows("non_answers"))[:5]
        if dodges:
            console.print("Non-answers:")
            for row in dodges:
                console.print(f"  {row['speaker']}: “{row['quote']}”")
    console.print(
        f"\nNext: callscope search 'gross margin' --db {db_url}   ·   "
        f"callscope show 1 --db {db_url}   ·   callscope calls --db {db_url}   ·   "
        f"callscope serve --db {db_url} (browser and REST API)"
    )
