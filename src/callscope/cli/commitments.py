"""``callscope commitments``: the commitment ledger, each promise with its verdict."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from callscope.cli._options import db_option
from callscope.corpus import Corpus
from callscope.track.compare import value_text
from callscope.track.tracker import TrackedCommitment, Verdict, tracked_to_dict

__all__ = ["command"]

_STYLES = {Verdict.MET: "bold green", Verdict.MET_LATE: "bold yellow",
           Verdict.PARTLY_MET: "bold yellow", Verdict.MISSED: "bold red",
           Verdict.WITHDRAWN: "bold red", Verdict.REVISED: "bold cyan"}  # fmt: skip


@click.command("commitments")
@db_option
@click.option("--company", help="Ticker or part of the company name.")
@click.option(
    "--status",
    type=click.Choice([v.value for v in Verdict], case_sensitive=False),
    help='Only commitments with this verdict (quote "met late", "partly met").',
)
@click.option(
    "--actuals",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV of reported values: ticker, metric, period_end, value, unit, per, source.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per commitment.")
def command(db_url: str, company: str | None, status: str | None, actuals: Path | None,
            as_json: bool) -> None:  # fmt: skip
    """The commitment tracker: each stored promise resolved against later calls and actuals."""
    with Corpus(db_url) as corpus:
        tracked = corpus.commitments(company=company, status=status, actuals=actuals)
    if as_json:
        for entry in tracked:
            click.echo(json.dumps(tracked_to_dict(entry), ensure_ascii=False))
        return
    console = Console()
    if not tracked:
        console.print("no commitments match")
        return
    _render(tracked, console)


def _promise(entry: TrackedCommitment) -> str:
    c = entry.commitment
    target = value_text(c) if c.target is not None else ""
    deadline = f"by {c.deadline.isoformat()}" if c.deadline else ""
    return " ".join(x for x in (target, deadline) if x) or "no target or deadline"


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _entry(t: TrackedCommitment) -> Text:
    """One ledger entry: id, verdict and promise; its quote; why; the evidence."""
    call = " ".join(x for x in (t.call.ticker or t.call.company, t.call.period) if x)
    out = Text()
    out.append(f"{t.id}  ", style="bold")
    out.append(f"{t.status.value:<10}", style=_STYLES.get(t.status, "bold"))
    out.append(f" {call or t.call.source} · {t.metric} · {_promise(t)}\n")
    speaker = f" — {t.commitment.speaker}" if t.commitment.speaker else ""
    out.append(f"  “{_short(t.commitment.quote)}”{speaker}\n", style="italic")
    out.append(f"  {t.detail}")
    for e in t.evidence:
        where = f"call {e.call_id}" if e.call_id is not None else e.source
        when = f", as of {e.date.isoformat()}" if e.date else ""  # the day it speaks for
        out.append(f"\n  {e.kind} in {where}{when}: “{_short(e.quote, 90)}”", style="dim")
    return out


def _render(tracked: list[TrackedCommitment], console: Console) -> None:
    as_of = max((t.as_of for t in tracked if t.as_of), default=None)
    counts = Counter(t.status.value for t in tracked)
    summary = ", ".join(f"{v} {counts[v]}" for v in (x.value for x in Verdict) if counts[v])
    when = f" · evidence as of {as_of.isoformat()}" if as_of else ""
    console.print(Text(f"{len(tracked)} commitments: {summary}{when}\n", style="bold"))
    for entry in tracked:
        console.print(_entry(entry))
        console.print()
