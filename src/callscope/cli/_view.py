"""The readable terminal view of an analysed call (rich)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from callscope.model.codec import call_datetime
from callscope.pipeline import AnalyzedCall

__all__ = ["render_call"]


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _header(analyzed: AnalyzedCall) -> Panel:
    call = analyzed.call
    meta = call.metadata
    company = meta.company
    name = company.name or "Unknown company"
    ticker = (
        f" ({company.exchange + ':' if company.exchange else ''}{company.ticker})"
        if company.ticker
        else ""
    )
    period = meta.fiscal_period.label if meta.fiscal_period else "period unknown"
    lines = [
        Text(f"{name}{ticker} — {period}", style="bold"),
        Text(
            f"{call_datetime(meta) or 'date unknown'} · {meta.publisher or 'publisher unknown'}"
            f" · layout {call.layout} · {call.source}",
            style="dim",
        ),
        Text(
            f"{len(call.participants)} participants · {len(call.turns)} turns · "
            f"{len(call.exchanges)} exchanges · {len(analyzed.figures)} figures · "
            f"{len(analyzed.commitments)} commitments · {len(analyzed.non_answers)} non-answers"
        ),
    ]
    for warning in call.warnings:
        lines.append(Text(f"warning: {warning}", style="yellow"))
    for name_, problem in analyzed.failures.items():
        lines.append(Text(f"extractor {name_} failed: {problem}", style="red"))
    return Panel(Group(*lines), expand=False)


def _estimates(analyzed: AnalyzedCall) -> Table | None:
    if not analyzed.call.estimates:
        return None
    table = Table(title="Consensus estimates", title_justify="left")
    for column in ("metric", "period", "consensus", "actual"):
        table.add_column(column, justify="right" if column in ("consensus", "actual") else "left")
    for e in analyzed.call.estimates:
        table.add_row(
            e.metric,
            e.period,
            "" if e.consensus is None else f"{e.consensus:,.2f}",
            "" if e.actual is None else f"{e.actual:,.2f}",
        )
    return table


def _participants(analyzed: AnalyzedCall) -> Table:
    table = Table(title="Participants", title_justify="left")
    for column in ("name", "role", "title", "firm"):
        table.add_column(column)
    for p in analyzed.call.participants:
        table.add_row(p.name, p.role.value, p.title or "", p.firm or "")
    return table


def _sections(analyzed: AnalyzedCall) -> Text:
    call = analyzed.call
    parts = [f"{s.kind.value}: turns {s.first_turn}–{s.last_turn}" for s in call.sections]
    return Text("Sections  " + "   ".join(parts))


def _exchanges(analyzed: AnalyzedCall) -> Table | None:
    call = analyzed.call
    if not call.exchanges:
        return None
    table = Table(title="Q&A exchanges", title_justify="left")
    for column in ("#", "analyst", "firm", "question", "answered by", "follow-ups"):
        table.add_column(column)
    for x in call.exchanges:
        question = call.turns[x.question_turns[0]].text if x.question_turns else ""
        table.add_row(
            str(x.index + 1),
            x.analyst,
            x.firm or "",
            _short(question, 60),
            ", ".join(x.answerers),
            str(x.followups),
        )
    return table


def _commitments(analyzed: AnalyzedCall) -> Table | None:
    if not analyzed.commitments:
        return None
    table = Table(title="Commitments", title_justify="left")
    for column in ("speaker", "metric", "target", "deadline", "confidence", "quote"):
        table.add_column(column)
    for c in analyzed.commitments:
        target = "" if c.target is None else f"{c.target:,g}"
        if c.high is not None:
            target += f"–{c.high:,g}"
        if c.unit:
            target += f" {c.unit}"
        if c.per:
            target += f"/{c.per}"
        table.add_row(
            c.speaker or "",
            c.metric,
            target,
            c.deadline.isoformat() if c.deadline else "",
            f"{c.confidence.value} ({c.cue})" if c.cue else c.confidence.value,
            _short(c.quote, 70),
        )
    return table


def _non_answers(analyzed: AnalyzedCall) -> Table | None:
    if not analyzed.non_answers:
        return None
    call = analyzed.call
    table = Table(title="Non-answers", title_justify="left")
    for column in ("speaker", "kind", "said", "question dodged"):
        table.add_column(column)
    for n in analyzed.non_answers:
        question = ""
        if n.exchange is not None and call.exchanges[n.exchange].question_turns:
            question = call.turns[call.exchanges[n.exchange].question_turns[0]].text
        table.add_row(n.speaker or "", n.kind, _short(n.quote, 60), _short(question, 60))
    return table


def _tone(analyzed: AnalyzedCall) -> Table | Text:
    if not analyzed.tone_available:
        return Text(
            "Tone: unavailable (install the extra: pip install 'callscope[tone]')", style="dim"
        )
    table = Table(title="Tone per speaker (per 1,000 words)", title_justify="left")
    for column in ("speaker", "words", "positive", "negative", "uncertainty", "hedging"):
        table.add_column(column, justify="left" if column == "speaker" else "right")
    for t in analyzed.tone:
        if t.scope == "speaker":
            table.add_row(
                t.key,
                str(t.words),
                f"{t.positive:.1f}",
                f"{t.negative:.1f}",
                f"{t.uncertainty:.1f}",
                f"{t.hedging:.1f}",
            )
    return table


def calls_table(rows: list[dict[str, Any]], *, title: str | None = None, width: int = 120) -> Table:
    """Stored calls, one row each (the rows of ``Corpus.calls``), for a terminal ``width``
    wide: ids, dates and counts never wrap, the company wraps, and the file name is shown
    where there is room for it (80 columns fit without it)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("id", "ticker", "period", "date", "turns", "Q&A", "commitments"):
        numeric = column in ("id", "turns", "Q&A", "commitments")
        table.add_column(column, no_wrap=column != "period", justify="right" if numeric else "left")
    table.add_column("company", ratio=2)
    wide = width >= 110
    if wide:
        table.add_column("file", ratio=1, overflow="fold")
    for r in rows:
        cells = [
            str(r["id"]), r["ticker"] or "", r["fiscal_period"] or "", r["call_date"] or "",
            str(r["turns"]), str(r["exchanges"]), str(r["commitments"]), r["company"] or "",
        ]  # fmt: skip
        table.add_row(*cells, *([Path(r["source"]).name] if wide else []))
    return table


def render_call(analyzed: AnalyzedCall, console: Console | None = None) -> None:
    console = console or Console()
    parts = [
        _header(analyzed), _estimates(analyzed), _participants(analyzed), _sections(analyzed),
        _exchanges(analyzed), _commitments(analyzed), _non_answers(analyzed), _tone(analyzed),
    ]  # fmt: skip
    for part in parts:
        if part is not None:
            console.print(part)
