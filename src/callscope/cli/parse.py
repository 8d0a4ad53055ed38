"""``callscope parse FILE... [--json]``: structure and facts of each file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from callscope.cli._view import render_call
from callscope.parse import DEFAULT_MAX_BYTES
from callscope.pipeline import Pipeline, analyze_file

__all__ = ["command"]


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the call as JSON (one per line).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse files larger than this.",
)
def command(files: tuple[Path, ...], as_json: bool, max_bytes: int) -> None:
    """Parse transcripts and show their structure and facts."""
    pipeline = Pipeline()
    for path in files:
        analyzed = analyze_file(path, pipeline=pipeline, max_bytes=max_bytes)
        if as_json:
            click.echo(json.dumps(analyzed.to_dict(), ensure_ascii=False))
        else:
            render_call(analyzed)
