"""``callscope demo``: the bundled example calls of a fictional company, analysed."""

from __future__ import annotations

from importlib.resources import files

import click

from callscope.cli._view import render_call
from callscope.pipeline import Pipeline, analyze_file

__all__ = ["command", "example_paths"]


def example_paths() -> list[str]:
    """Paths of the bundled example transcripts, in name order."""
    root = files("callscope") / "examples"
    return sorted(str(p) for p in root.iterdir() if p.name.endswith((".txt", ".json", ".html")))


@click.command("demo")
def command() -> None:
    """Analyse the bundled example calls and show them."""
    pipeline = Pipeline()
    paths = example_paths()
    if not paths:
        raise click.ClickException("no bundled examples found in the installed package")
    for path in paths:
        render_call(analyze_file(path, pipeline=pipeline))
        click.echo()
