"""``callscope search QUERY [filters]``: ranked turns with highlighted snippets."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from callscope.cli._options import db_option
from callscope.corpus import Corpus

__all__ = ["command"]


@click.command("search")
@click.argument("query")
@db_option
@click.option("--company", help="Ticker or part of the company name.")
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--role", type=click.Choice(["executive", "analyst", "operator", "other"]))
@click.option("--section", type=click.Choice(["presentation", "qa"]))
@click.option("--publisher", help="Part of the publisher's name.")
@click.option("--since", help="Calls on or after this ISO date.")
@click.option("--until", help="Calls on or before this ISO date.")
@click.option("--limit", type=click.IntRange(1, 500), default=10, show_default=True)
@click.option("--semantic", is_flag=True, help="Rank by meaning (needs the [semantic] extra).")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON lines.")
def command(query: str, db_url: str, limit: int, semantic: bool, as_json: bool,
            **filters: str | None) -> None:  # fmt: skip
    """Search the turns of stored calls (BM25 full text)."""
    with Corpus(db_url) as corpus:
        hits = corpus.search(query, limit=limit, semantic=semantic, **filters)
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit, ensure_ascii=False))
        return
    console = Console()
    if not hits:
        console.print("no matching turns")
    for rank, hit in enumerate(hits, 1):
        where = f"{hit['company'] or hit['source']} {hit['fiscal_period'] or ''}".strip()
        console.print(
            f"[bold]{rank}.[/bold] {escape(where)} · call {hit['call_id']} turn {hit['turn']} · "
            f"{escape(hit['speaker'])} ({hit['role']}, {hit['section']})"
        )
        snippet = Text("   " + hit["snippet"])
        for start, end in hit["highlights"]:
            snippet.stylize("bold yellow", start + 3, end + 3)
        console.print(snippet)
