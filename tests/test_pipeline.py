"""Pipeline ordering and failure isolation, with small fake extractors."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from callscope.extract import tone
from callscope.extract._extractor import Fact, Found
from callscope.model.call import Call, Metadata
from callscope.model.facts import Figure, FigureKind
from callscope.model.source import SourceSpan
from callscope.parse import layouts
from callscope.pipeline import Pipeline, PipelineError, warm_up

CALL = Call(source="x.txt", layout="test", text="", metadata=Metadata(), participants=(), turns=())
FIGURE = Figure(value=1.0, unit="USD", kind=FigureKind.MONEY, quote="$1", span=SourceSpan(0, 2))


@dataclass
class Fake:
    name: str
    produces: str
    requires: tuple[str, ...] = ()
    fail: bool = False

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]:
        if self.fail:
            raise RuntimeError("boom")
        assert all(r in found for r in self.requires)
        return (FIGURE,)


def test_orders_by_requirements() -> None:
    pipeline = Pipeline([Fake("b", "b", ("a",)), Fake("a", "a")])
    assert [e.name for e in pipeline.extractors] == ["a", "b"]


def test_missing_requirement_is_refused_before_running() -> None:
    with pytest.raises(PipelineError, match="requires a, which no extractor produces"):
        Pipeline([Fake("b", "b", ("a",))])


def test_duplicate_output_is_refused() -> None:
    with pytest.raises(PipelineError, match="both produce"):
        Pipeline([Fake("a", "x"), Fake("b", "x")])


def test_cycle_is_refused() -> None:
    with pytest.raises(PipelineError, match="cycle"):
        Pipeline([Fake("a", "a", ("b",)), Fake("b", "b", ("a",))])


def test_failure_is_isolated_and_recorded() -> None:
    result = Pipeline(
        [Fake("bad", "bad", fail=True), Fake("dep", "dep", ("bad",)), Fake("ok", "ok")]
    ).run(CALL)
    assert result.facts == {"ok": (FIGURE,)}
    assert result.failures == {
        "bad": "RuntimeError: boom",
        "dep": "skipped: a required extractor failed",
    }


def test_strict_mode_raises() -> None:
    with pytest.raises(RuntimeError, match="boom"):
        Pipeline([Fake("bad", "bad", fail=True)], strict=True).run(CALL)


def test_warm_up_loads_the_lexicon_once_for_workers_to_share() -> None:
    tone.load_lexicon.cache_clear()
    warm_up()
    assert tone.load_lexicon.cache_info().currsize == 1
    assert set(layouts()) >= {"capiq", "seekingalpha", "plain"}
