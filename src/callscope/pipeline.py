"""Running extractors over a call: ordering by ``requires``/``produces``, failure isolation.

The order is checked when the pipeline is built, before any text is read: an extractor
whose requirement nobody produces, or two that produce the same thing, is refused there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from callscope.errors import CallscopeError
from callscope.extract import default_extractors
from callscope.extract._extractor import Extractor, Fact
from callscope.model.call import Call
from callscope.model.codec import JSON, call_to_dict
from callscope.model.facts import Commitment, Figure, NonAnswer, ToneScore
from callscope.parse import DEFAULT_MAX_BYTES, layouts, parse_file

T = TypeVar("T")

__all__ = [
    "AnalyzedCall",
    "Pipeline",
    "PipelineError",
    "analyze",
    "analyze_call",
    "analyze_file",
    "warm_up",
]


class PipelineError(CallscopeError):
    """The extractors cannot be ordered (a missing or duplicated output)."""


@dataclass(frozen=True, slots=True)
class AnalyzedCall:
    """A call with the facts every extractor found, and the extractors that failed on it."""

    call: Call
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    tone_available: bool = False

    def _of(self, name: str, kind: type[T]) -> tuple[T, ...]:
        return tuple(f for f in self.facts.get(name, ()) if isinstance(f, kind))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self._of("figures", Figure)

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        return self._of("commitments", Commitment)

    @property
    def non_answers(self) -> tuple[NonAnswer, ...]:
        return self._of("non_answers", NonAnswer)

    @property
    def tone(self) -> tuple[ToneScore, ...]:
        return self._of("tone", ToneScore)

    def to_dict(self) -> JSON:
        return call_to_dict(
            self.call,
            figures=self.figures,
            commitments=self.commitments,
            non_answers=self.non_answers,
            tone=self.tone if self.tone_available else None,
        )


def _order(extractors: Sequence[Extractor]) -> list[Extractor]:
    producers: dict[str, Extractor] = {}
    for extractor in extractors:
        if extractor.produces in producers:
            raise PipelineError(
                f"extractors {producers[extractor.produces].name!r} and {extractor.name!r} "
                f"both produce {extractor.produces!r}"
            )
        producers[extractor.produces] = extractor
    for extractor in extractors:
        missing = [r for r in extractor.requires if r not in producers]
        if missing:
            raise PipelineError(
                f"extractor {extractor.name!r} requires {', '.join(missing)}, which no extractor "
                f"produces (have: {', '.join(sorted(producers)) or 'none'})"
            )
    ordered: list[Extractor] = []
    done: set[str] = set()
    pending = list(extractors)
    while pending:
        ready = [e for e in pending if all(r in done for r in e.requires)]
        if not ready:
            names = ", ".join(e.name for e in pending)
            raise PipelineError(f"extractors {names} require each other in a cycle")
        for extractor in ready:
            ordered.append(extractor)
            done.add(extractor.produces)
            pending.remove(extractor)
    return ordered


class Pipeline:
    """An ordered, checked list of extractors.

    ``strict=True`` lets an extractor's exception propagate (for tests); the default records
    it in ``AnalyzedCall.failures`` and goes on, so one bad extractor never sinks a batch.
    """

    def __init__(self, extractors: Iterable[Extractor] | None = None, *, strict: bool = False):
        chosen = list(default_extractors() if extractors is None else extractors)
        self.extractors = tuple(_order(chosen))
        self.strict = strict

    def run(self, call: Call) -> AnalyzedCall:
        facts: dict[str, tuple[Fact, ...]] = {}
        failures: dict[str, str] = {}
        for extractor in self.extractors:
            if any(r in failures for r in extractor.requires):
                failures[extractor.produces] = "skipped: a required extractor failed"
                continue
            try:
                facts[extractor.produces] = tuple(extractor.extract(call, facts))
            except Exception as e:
                if self.strict:
                    raise
                failures[extractor.produces] = f"{type(e).__name__}: {e}"
        available = any(
            getattr(e, "available", lambda: False)()
            for e in self.extractors
            if e.produces == "tone"
        )
        return AnalyzedCall(call, facts, failures, tone_available=available)


def analyze_call(call: Call, *, strict: bool = False) -> AnalyzedCall:
    return Pipeline(strict=strict).run(call)


def analyze_file(
    path: str | Path, *, pipeline: Pipeline | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> AnalyzedCall:
    """Structure and facts of one transcript file; no store needed."""
    return (pipeline or Pipeline()).run(parse_file(path, max_bytes=max_bytes))


analyze = analyze_file


def warm_up() -> None:
    """Import every layout and extractor, and load what extractors read once (the tone
    lexicon). Run before worker processes are forked, it is done once and shared, instead of
    once in each worker (a fifth of a second each, as long as five calls)."""
    layouts()
    for extractor in Pipeline().extractors:
        available = getattr(extractor, "available", None)
        if available is not None:
            available()
