"""The web pages: calls, one call with its facts marked in the text, search, the ledger.

Pages are built from the same :class:`~callscope.corpus.Corpus` calls as the REST API and
rendered by Jinja2 with autoescaping on; the only markup made in Python is
:func:`marked_text`, which escapes every piece of transcript text it joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from callscope.corpus import Corpus
from callscope.model.call import Call, Turn
from callscope.pipeline import AnalyzedCall
from callscope.track.compare import comparison_to_dict, value_text
from callscope.track.tracker import Verdict

__all__ = ["Mark", "error_page", "marked_text", "router"]

router = APIRouter(include_in_schema=False)
# Autoescaping on for every template, whatever its name: transcript text is untrusted.
templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
)

Text = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of ``Call.text`` to mark: its kind (the CSS class) and a tooltip."""

    start: int
    end: int
    kind: str
    title: str


def _corpus(request: Request) -> Corpus:
    return Corpus(request.app.state.settings.db_url)


def _page(request: Request, template: str, *, code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=code)


def error_page(request: Request, message: str, status: int) -> Response:
    return _page(request, "error.html", code=status, message=message, status=status)


def _pick(marks: Sequence[Mark], start: int, end: int) -> list[Mark]:
    """Marks inside ``[start, end)``, earliest first, dropping any that overlaps one kept."""
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if start <= m.start < m.end <= end and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    return kept


def _wrap(tag: str, mark: Mark, inner: Markup) -> Markup:
    html = Markup('<{0} class="{1}" title="{2}">{3}</{0}>')
    return html.format(tag, mark.kind, mark.title, inner)  # format escapes all but ``inner``


def marked_text(text: str, start: int, end: int, outer: Sequence[Mark],
                inner: Sequence[Mark]) -> Markup:  # fmt: skip
    """``text[start:end]`` escaped, with ``outer`` marks (statements) as spans and ``inner``
    marks (figures) inside them or between them. Marks that would cross are left out, so the
    markup always nests."""

    def plain(a: int, b: int) -> Markup:
        parts: list[Markup] = []
        at = a
        for m in _pick(inner, a, b):
            parts += [escape(text[at : m.start]), _wrap("mark", m, escape(text[m.start : m.end]))]
            at = m.end
        parts.append(escape(text[at:b]))
        return Markup("").join(parts)

    parts: list[Markup] = []
    at = start
    for m in _pick(outer, start, end):
        parts += [plain(at, m.start), _wrap("span", m, plain(m.start, m.end))]
        at = m.end
    parts.append(plain(at, end))
    return Markup("").join(parts)


def _turn_view(call: Call, turn: Turn, outer: list[Mark], inner: list[Mark]) -> dict[str, Any]:
    return {"turn": turn, "html": marked_text(call.text, turn.span.start, turn.span.end,
                                              outer, inner)}  # fmt: skip


def _marks(analyzed: AnalyzedCall) -> tuple[list[Mark], list[Mark]]:
    outer = [Mark(c.span.start, c.span.end, f"commitment {c.confidence.value}",
                  f"commitment · {c.metric or 'no metric'} · {c.confidence.value}"
                  + (f" · by {c.deadline.isoformat()}" if c.deadline else ""))
             for c in analyzed.commitments]  # fmt: skip
    outer += [Mark(n.span.start, n.span.end, "non-answer", f"non-answer · {n.kind} · {n.cue}")
              for n in analyzed.non_answers]  # fmt: skip
    # A figure's quote carries a few words of context; the mark covers its number alone.
    inner = [Mark((f.number or f.span).start, (f.number or f.span).end, "figure",
                  value_text(f) + (f" · {f.metric}" if f.metric else ""))
             for f in analyzed.figures]  # fmt: skip
    return outer, inner


def _tone_bars(analyzed: AnalyzedCall) -> list[dict[str, Any]]:
    """Per speaker: the scores, and the net tone (positive - negative) as a bar's share of the
    widest one, so the chart compares speakers of this call."""
    scores = [s for s in analyzed.tone if s.scope == "speaker"]
    widest = max((abs(s.positive - s.negative) for s in scores), default=0.0) or 1.0
    return [{"s": s, "net": s.positive - s.negative,
             "width": round(50 * abs(s.positive - s.negative) / widest, 1)}
            for s in scores]  # fmt: skip


@router.get("/", response_class=HTMLResponse)
def index(request: Request, company: Text = None) -> HTMLResponse:
    with _corpus(request) as corpus:
        rows = corpus.calls(company=company)
    return _page(request, "calls.html", calls=rows, company=company or "")


@router.get("/calls/{call_id}", response_class=HTMLResponse)
def call_page(request: Request, call_id: int) -> HTMLResponse:
    with _corpus(request) as corpus:
        analyzed = corpus.get(call_id)
        previous = corpus.previous(call_id)
    call = analyzed.call
    outer, inner = _marks(analyzed)
    questions = {e.index: call.turns[e.question_turns[0]].text for e in call.exchanges
                 if e.question_turns}  # fmt: skip
    return _page(
        request,
        "call.html",
        call_id=call_id,
        previous=previous,
        a=analyzed,
        call=call,
        turns=[_turn_view(call, t, outer, inner) for t in call.turns],
        questions=questions,
        speaker_tone=_tone_bars(analyzed),
        value_text=value_text,
    )


@router.get("/calls/{call_id}/compare", response_class=HTMLResponse)
def compare_page(request: Request, call_id: int) -> HTMLResponse:
    with _corpus(request) as corpus:
        comparison = comparison_to_dict(corpus.compare(call_id))
    return _page(request, "compare.html", call_id=call_id, c=comparison)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=1000)] = "",
    company: Text = None,
    speaker: Text = None,
    section: Literal["presentation", "qa", ""] = "",
) -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    if q.strip():
        with _corpus(request) as corpus:
            hits = corpus.search(q, limit=50, company=company or None, speaker=speaker or None,
                                 section=section or None)  # fmt: skip
    for hit in hits:
        text = hit["snippet"]
        marks = [Mark(a, b, "hit", "") for a, b in hit["highlights"]]
        hit["html"] = marked_text(text, 0, len(text), [], marks)
    return _page(request, "search.html", q=q, hits=hits, company=company or "",
                 speaker=speaker or "", section=section)  # fmt: skip


@router.get("/commitments", response_class=HTMLResponse)
def ledger_page(
    request: Request,
    company: Text = None,
    status: Annotated[str, Query(max_length=20)] = "",
) -> HTMLResponse:
    with _corpus(request) as corpus:
        tracked = corpus.commitments(company=company or None, status=status or None)
    return _page(request, "commitments.html", tracked=tracked, company=company or "",
                 status=status, statuses=[v.value for v in Verdict],
                 value_text=value_text)  # fmt: skip
