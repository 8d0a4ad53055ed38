"""``callscope compare CALL``: how a stored call differs from the company's previous call."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from callscope.cli._options import db_option
from callscope.corpus import Corpus
from callscope.track.compare import (
    CallRef,
    CommitmentChange,
    Comparison,
    FigureChange,
    comparison_to_dict,
    value_text,
)

__all__ = ["command"]


@click.command("compare")
@click.argument("call_ref", metavar="CALL")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def command(call_ref: str, db_url: str, as_json: bool) -> None:
    """How a stored call differs from the same company's previous stored call. CALL is its
    id (from `callscope calls`), the transcript file, or the name of the file it was stored
    from."""
    with Corpus(db_url) as corpus:
        comparison = corpus.compare(corpus.resolve(call_ref))
    if as_json:
        click.echo(json.dumps(comparison_to_dict(comparison), ensure_ascii=False))
    else:
        render_comparison(comparison, Console())


def _label(ref: CallRef) -> str:
    when = (ref.when or "date unknown")[:10]
    return f"{ref.period or 'period unknown'} ({when})"


def _header(c: Comparison) -> Panel:
    ticker = f" ({c.current.ticker})" if c.current.ticker else ""
    lines = [
        Text(f"{c.current.company or 'Unknown company'}{ticker}", style="bold"),
        Text(f"{_label(c.current)} compared with {_label(c.previous)}"),
        Text(f"{c.current.source} · {c.previous.source}", style="dim"),
    ]
    return Panel(Text("\n").join(lines), expand=False)


def _change(f: FigureChange) -> str:
    old, new = f.previous.value, f.current.value
    if f.unit in ("%", "bps", "pp"):
        points = "pt" if f.unit == "%" else f.unit
        return f"{new - old:+,.4g} {points}"
    if old > 0 and new > 0 and f.previous.high is None and f.current.high is None:
        return f"{(new - old) / old:+.1%}"
    return ""


def _figures(c: Comparison) -> Table | Text:
    if not c.figures:
        return Text("Figures: no metric reported in both calls changed.", style="dim")
    table = Table(title="Figures that changed", title_justify="left")
    for column in ("metric", "previous", "current", "change"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for f in c.figures:
        table.add_row(f.metric, value_text(f.previous), value_text(f.current), _change(f))
    return table


def _promise(change: CommitmentChange, which: str) -> str:
    commitment = change.previous if which == "previous" else change.current
    if commitment is None:
        return ""
    target = value_text(commitment) if commitment.target is not None else ""
    deadline = f"by {commitment.deadline.isoformat()}" if commitment.deadline else ""
    return " ".join(x for x in (target, deadline) if x) or "—"


def _commitments(c: Comparison) -> Table | Text:
    if not c.commitments:
        return Text("Commitments: none in either call.", style="dim")
    table = Table(title="Commitments", title_justify="left")
    for column in ("status", "metric", "previous", "current"):
        table.add_column(column)
    for m in c.commitments:
        table.add_row(m.status.value, m.metric, _promise(m, "previous"), _promise(m, "current"))
    return table


def _tone(c: Comparison) -> Table | Text:
    if not c.tone:
        return Text(f"Tone: {c.tone_note or 'not compared'}", style="dim")
    table = Table(title="Tone (per 1,000 words; net = positive − negative)", title_justify="left")
    for column in ("scope", "net before", "net now", "change", "uncertainty"):
        table.add_column(column, justify="left" if column == "scope" else "right")
    for t in c.tone:
        table.add_row(
            t.scope,
            f"{t.previous.positive - t.previous.negative:.1f}",
            f"{t.current.positive - t.current.negative:.1f}",
            f"{t.net_change:+.1f}",
            f"{t.previous.uncertainty:.1f} → {t.current.uncertainty:.1f}",
        )
    return table


def _topics(c: Comparison) -> Text:
    new = ", ".join(
        f"{t.term} ({t.count}, was {t.other})" if t.other else f"{t.term} ({t.count})"
        for t in c.new_topics
    )
    gone = ", ".join(
        f"{t.term} (was {t.count}, now {t.other})" if t.other else f"{t.term} (was {t.count})"
        for t in c.vanished_topics
    )
    return Text(f"New topics: {new or '—'}\nVanished topics: {gone or '—'}")


def render_comparison(comparison: Comparison, console: Console) -> None:
    for part in (_header(comparison), _figures(comparison), _commitments(comparison),
                 _tone(comparison), _topics(comparison)):  # fmt: skip
        console.print(part)
