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

from callscope.model.call import Call, Estimate, Exchange, Metadata, Participant, Turn
from callscope.model.facts import Commitment, Figure, NonAnswer, ToneScore

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
            "unit": fact.unit,
            "per": fact.per,
            "kind": fact.kind.value,
            "scale": fact.scale,
            "qualifier": fact.qualifier,
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
