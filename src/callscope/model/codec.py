"""The public JSON shape of a call: the one place it is defined.

``call_to_dict`` gives the top-level keys of DESIGN.md: ``source``, ``metadata``,
``estimates``, ``participants``, ``turns``, ``exchanges``, ``figures``, ``commitments``,
``non_answers``, ``tone``. Items carry the field names of ``gold/FORMAT.md``; every extracted
item also carries its ``quote`` and ``start``/``end`` offsets into the source text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from callscope.model.call import (
    Call,
    Company,
    Estimate,
    Exchange,
    FiscalPeriod,
    Metadata,
    Participant,
    Role,
    Section,
    SectionKind,
    Turn,
    speech_text,
)
from callscope.model.facts import Commitment, Confidence, Figure, FigureKind, NonAnswer, ToneScore
from callscope.model.source import SourceSpan

__all__ = ["call_datetime", "call_to_dict", "fact_to_dict"]

JSON = dict[str, Any]


def call_datetime(metadata: Metadata) -> str | None:
    """ISO form: "2017-08-02T21:30:00Z" with a known UTC time, "2025-09-03" without."""
    if metadata.call_date is None:
        return None
    if metadata.call_time_utc is None:
        return metadata.call_date.isoformat()
    moment = dt.datetime.combine(metadata.call_date, metadata.call_time_utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _metadata(metadata: Metadata) -> JSON:
    period = metadata.fiscal_period
    return {
        "publisher": metadata.publisher,
        "company": metadata.company.name,
        "ticker": metadata.company.ticker,
        "exchange": metadata.company.exchange,
        "fiscal_period": period.label if period else None,
        "fiscal_year": period.year if period else None,
        "fiscal_quarter": period.quarter if period else None,
        "call_datetime": call_datetime(metadata),
        "title": metadata.title,
    }


def _estimate(estimate: Estimate) -> JSON:
    return {
        "metric": estimate.metric,
        "period": estimate.period,
        "consensus": estimate.consensus,
        "actual": estimate.actual,
    }


def _participant(participant: Participant) -> JSON:
    return {
        "name": participant.name,
        "role": participant.role.value,
        "title": participant.title,
        "firm": participant.firm,
    }


def _turn(turn: Turn) -> JSON:
    return {
        "index": turn.index,
        "speaker": turn.speaker,
        "role": turn.role.value,
        "section": turn.section.value,
        "text": turn.text,
        "start": turn.span.start,
        "end": turn.span.end,
        "annotations": list(turn.annotations),
        "cut_off": turn.cut_off,
    }


def _exchange(exchange: Exchange, turns: Sequence[Turn]) -> JSON:
    first = exchange.question_turns[0] if exchange.question_turns else None
    return {
        "index": exchange.index,
        "analyst": exchange.analyst,
        "firm": exchange.firm,
        "question_starts_with": " ".join(turns[first].text.split()[:12])
        if first is not None
        else "",
        "question_turns": list(exchange.question_turns),
        "answer_turns": list(exchange.answer_turns),
        "answerers": list(exchange.answerers),
        "followups": exchange.followups,
    }


def fact_to_dict(fact: Figure | Commitment | NonAnswer | ToneScore) -> JSON:
    if isinstance(fact, Figure):
        return {
            "quote": fact.quote,
            "start": fact.span.start,
            "end": fact.span.end,
            "speaker": fact.speaker,
            "turn": fact.turn,
            "value": fact.value,
            "high": fact.high,
            "unit": fact.unit or None,  # a unitless figure (a ratio, "5.2x") has null
            "per": fact.per,
            "kind": fact.kind.value,
            "scale": fact.scale,
            "qualifier": fact.qualifier,
            # The number itself within the quote's context words, as [start, end].
            "number": [fact.number.start, fact.number.end] if fact.number else None,
            "metric": fact.metric,
        }
    if isinstance(fact, Commitment):
        return {
            "quote": fact.quote,
            "start": fact.span.start,
            "end": fact.span.end,
            "speaker": fact.speaker,
            "turn": fact.turn,
            "metric": fact.metric,
            "target": fact.target,
            "high": fact.high,
            "unit": fact.unit,
            "per": fact.per,
            "deadline": fact.deadline.isoformat() if fact.deadline else None,
            "deadline_text": fact.deadline_text,
            "confidence": fact.confidence.value,
            "cue": fact.cue,
            "topic": fact.topic,
            "group": fact.group,
        }
    if isinstance(fact, NonAnswer):
        return {
            "quote": fact.quote,
            "start": fact.span.start,
            "end": fact.span.end,
            "speaker": fact.speaker,
            "turn": fact.turn,
            "exchange": fact.exchange,
            "kind": fact.kind,
            "cue": fact.cue,
        }
    return {
        "scope": fact.scope,
        "key": fact.key,
        "words": fact.words,
        "positive": fact.positive,
        "negative": fact.negative,
        "uncertainty": fact.uncertainty,
        "litigious": fact.litigious,
        "constraining": fact.constraining,
        "strong_modal": fact.strong_modal,
        "weak_modal": fact.weak_modal,
        "hedging": fact.hedging,
    }


def call_to_dict(
    call: Call,
    *,
    figures: Sequence[Figure] = (),
    commitments: Sequence[Commitment] = (),
    non_answers: Sequence[NonAnswer] = (),
    tone: Sequence[ToneScore] | None = None,
) -> JSON:
    """The JSON of one call. ``tone`` None means tone is unavailable (not zero)."""
    return {
        "source": call.source,
        "layout": call.layout,
        "metadata": _metadata(call.metadata),
        "estimates": [_estimate(e) for e in call.estimates],
        "participants": [_participant(p) for p in call.participants],
        "sections": [
            {"kind": s.kind.value, "first_turn": s.first_turn, "last_turn": s.last_turn}
            for s in call.sections
        ],
        "turns": [_turn(t) for t in call.turns],
        "exchanges": [_exchange(x, call.turns) for x in call.exchanges],
        "figures": [fact_to_dict(f) for f in figures],
        "commitments": [fact_to_dict(c) for c in commitments],
        "non_answers": [fact_to_dict(n) for n in non_answers],
        "tone": None if tone is None else [fact_to_dict(t) for t in tone],
        "warnings": list(call.warnings),
    }


# --- decoding: the JSON of a call back into model values (for stored calls) ---------------


def _span(item: JSON) -> SourceSpan:
    return SourceSpan(int(item["start"]), int(item["end"]))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def call_from_dict(doc: JSON, text: str) -> Call:
    """The :class:`Call` whose ``call_to_dict`` is ``doc``; ``text`` is its source text."""
    meta = doc["metadata"]
    when = meta.get("call_datetime")
    period = None
    if meta.get("fiscal_period"):
        period = FiscalPeriod(meta["fiscal_period"], meta.get("fiscal_year"),
                              meta.get("fiscal_quarter"))  # fmt: skip
    metadata = Metadata(
        publisher=meta.get("publisher"),
        company=Company(meta.get("company"), meta.get("ticker"), meta.get("exchange")),
        fiscal_period=period,
        call_date=_date(when),
        call_time_utc=dt.time.fromisoformat(when[11:19]) if when and len(when) > 10 else None,
        title=meta.get("title"),
    )
    # A stored document may leave a turn's text out (half of a document's size): it is
    # always ``speech_text`` of its span.
    turns = tuple(
        Turn(t["index"], t["speaker"], Role(t["role"]), SectionKind(t["section"]),
             t["text"] if "text" in t else speech_text(text, _span(t)),
             _span(t), tuple(t.get("annotations", ())), bool(t.get("cut_off")))
        for t in doc["turns"]
    )  # fmt: skip
    return Call(
        source=doc["source"],
        layout=doc.get("layout", ""),
        text=text,
        metadata=metadata,
        participants=tuple(
            Participant(p["name"], Role(p["role"]), p.get("title"), p.get("firm"))
            for p in doc["participants"]
        ),
        turns=turns,
        sections=tuple(
            Section(SectionKind(s["kind"]), s["first_turn"], s["last_turn"])
            for s in doc.get("sections", ())
        ),
        exchanges=tuple(
            Exchange(
                x["index"],
                x["analyst"],
                x.get("firm"),
                tuple(x["question_turns"]),
                tuple(x["answer_turns"]),
                tuple(x["answerers"]),
            )
            for x in doc["exchanges"]
        ),
        estimates=tuple(
            Estimate(e["metric"], e["period"], e.get("consensus"), e.get("actual"))
            for e in doc["estimates"]
        ),
        warnings=tuple(doc.get("warnings", ())),
    )


def facts_from_dict(
    doc: JSON,
) -> dict[str, tuple[Figure | Commitment | NonAnswer | ToneScore, ...]]:
    """The facts of a call's JSON, by extractor output name ("tone" absent when unavailable)."""
    figures = tuple(
        Figure(f["value"], f["unit"] or "", FigureKind(f["kind"]), f["quote"], _span(f),
               f.get("high"), f.get("per"), f.get("scale"), f.get("qualifier"), f.get("speaker"),
               f.get("turn"), SourceSpan(*f["number"]) if f.get("number") else None,
               f.get("metric"))
        for f in doc.get("figures", ())
    )  # fmt: skip
    commitments = tuple(
        Commitment(c["metric"], c["quote"], _span(c), Confidence(c["confidence"]), c.get("cue"),
                   c.get("target"), c.get("high"), c.get("unit"), c.get("per"),
                   _date(c.get("deadline")), c.get("deadline_text"), c.get("topic"),
                   c.get("speaker"), c.get("turn"), c.get("group"))
        for c in doc.get("commitments", ())
    )  # fmt: skip
    non_answers = tuple(
        NonAnswer(n["quote"], _span(n), n["kind"], n.get("cue") or "", n.get("speaker"),
                  n.get("turn"), n.get("exchange"))
        for n in doc.get("non_answers", ())
    )  # fmt: skip
    out: dict[str, tuple[Figure | Commitment | NonAnswer | ToneScore, ...]] = {
        "figures": figures,
        "commitments": commitments,
        "non_answers": non_answers,
    }
    if doc.get("tone") is not None:
        out["tone"] = tuple(
            ToneScore(**{k: s[k] for k in ToneScore.__dataclass_fields__}) for s in doc["tone"]
        )
    return out
