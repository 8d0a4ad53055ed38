"""``callscope show CALL`` and ``callscope calls``: browse stored calls."""

from __future__ import annotations

import json

import click
from rich.console import Console

from callscope.cli._options import db_option
from callscope.cli._view import calls_table, render_call
from callscope.corpus import Corpus
from callscope.errors import NotFound
from callscope.store import redact

__all__ = ["calls_command", "command"]


@click.command("show")
@click.argument("call_ref", metavar="CALL")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the call as JSON.")
def command(call_ref: str, db_url: str, as_json: bool) -> None:
    """Show one stored call. CALL is its id (from `callscope calls`), the transcript file,
    or the name of the file it was stored from."""
    with Corpus(db_url) as corpus:
        analyzed = corpus.get(corpus.resolve(call_ref))
    if as_json:
        click.echo(json.dumps(analyzed.to_dict(), ensure_ascii=False))
    else:
        render_call(analyzed)


@click.command("calls")
@db_option
@click.option("--company", help="Ticker or part of the company name.")
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON lines.")
def calls_command(db_url: str, company: str | None, as_json: bool) -> None:
    """List stored calls."""
    with Corpus(db_url) as corpus:
        rows = corpus.calls(company=company)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        raise NotFound(
            f"no calls stored in {redact(db_url)}; add some with `callscope ingest PATH`"
        )
    console = Console()
    console.print(calls_table(rows, width=console.width))
