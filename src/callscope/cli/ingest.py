"""``callscope ingest PATH... [--db URL] [--workers N] [--replace]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from callscope.cli._options import db_option
from callscope.corpus import Corpus
from callscope.parse import DEFAULT_MAX_BYTES
from callscope.store import redact

__all__ = ["command"]


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for parsing and analysis.")  # fmt: skip
@click.option("--replace", is_flag=True, help="Re-analyse files already stored.")
@click.option("--embed", is_flag=True, help="Also embed turns for --semantic search (extra).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Refuse files larger than this.")  # fmt: skip
def command(paths: tuple[Path, ...], db_url: str, workers: int, replace: bool, embed: bool,
            max_bytes: int) -> None:  # fmt: skip
    """Parse, analyse and store transcripts (files or folders, recursively).

    Idempotent: a file already stored (same bytes) is left alone unless --replace. Files that
    cannot be read are skipped and listed at the end; the exit code is 1 if any were.
    """
    console = Console(stderr=True)
    with Corpus(db_url) as corpus, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
        console=console, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=None, rate="")

        def advance(done: int, total: int, path: str) -> None:
            elapsed = progress.tasks[task].elapsed or 0.0
            rate = f"{done / elapsed:.1f} calls/s" if elapsed else ""
            progress.update(task, completed=done, total=total, rate=rate)

        report = corpus.ingest(
            paths, workers=workers, replace=replace, max_bytes=max_bytes, on_progress=advance
        )
        embedded = corpus.embed() if embed else 0
    click.echo(
        f"{len(report.added)} added, {len(report.unchanged)} already stored, "
        f"{len(report.failed)} skipped → {redact(db_url)}"
        + (f"; {embedded} turns embedded" if embed else "")
    )
    for path, reason in report.failed:
        click.echo(f"skipped: {reason}" if path in reason else f"skipped: {path}: {reason}",
                   err=True)  # fmt: skip
    if report.failed:
        sys.exit(1)
