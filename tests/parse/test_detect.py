"""Layout detection: the registry's order, ``max_score`` skipping, and the thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope.parse as parse
from callscope.errors import UnknownLayout
from callscope.model.call import Call
from callscope.parse import detect, document_from_text, layouts, read_document
from callscope.parse._layout import Layout, max_score
from callscope.parse._read import Document
from tests.conftest import FIXTURES

ALL = sorted(p for p in FIXTURES.rglob("*") if p.is_file()) if FIXTURES.exists() else []


class _Fake:
    """A layout that returns a fixed score and records how often it was asked."""

    def __init__(self, name: str, score: float, declared: float | None = None) -> None:
        self.name = name
        self.score = score
        self.asked = 0
        if declared is not None:
            self.max_score = declared

    def sniff(self, doc: Document) -> float:
        self.asked += 1
        return self.score

    def parse(self, doc: Document) -> Call:
        raise NotImplementedError


def _registry(monkeypatch: pytest.MonkeyPatch, *fakes: _Fake) -> None:
    monkeypatch.setattr(parse, "_REGISTRY", {fake.name: fake for fake in fakes})
    monkeypatch.setattr(parse, "_loaded", True)


def test_fake_is_a_layout_without_max_score() -> None:
    # max_score is optional: a layout that does not declare it still registers.
    assert isinstance(_Fake("a", 0.5), Layout)
    assert max_score(_Fake("a", 0.5)) == 1.0
    assert max_score(_Fake("b", 0.5, declared=0.4)) == 0.4


@pytest.mark.parametrize(
    ("scores", "declared", "winner", "asked"),
    [
        # The second cannot beat 0.6 (it could only tie, and the first asked wins a tie).
        ((0.6, 0.3, 0.9), (None, 0.6, None), ("l2", 0.9), (1, 0, 1)),
        ((0.6, 0.3, 0.4), (None, 0.5, None), ("l0", 0.6), (1, 0, 1)),
        # Declared above the best so far: asked, and it wins with a higher score.
        ((0.3, 0.45, 0.1), (None, 0.5, 0.4), ("l1", 0.45), (1, 1, 0)),
        # A tie keeps the first.
        ((0.5, 0.5, 0.0), (None, None, 0.5), ("l0", 0.5), (1, 1, 0)),
        # CERTAIN ends the search.
        ((0.96, 0.99, 0.0), (None, None, None), ("l0", 0.96), (1, 0, 0)),
    ],
)
def test_detect_skips_layouts_that_cannot_win(
    monkeypatch: pytest.MonkeyPatch,
    scores: tuple[float, ...],
    declared: tuple[float | None, ...],
    winner: tuple[str, float],
    asked: tuple[int, ...],
) -> None:
    fakes = [_Fake(f"l{i}", s, d) for i, (s, d) in enumerate(zip(scores, declared, strict=True))]
    _registry(monkeypatch, *fakes)
    layout, score = detect(document_from_text("anything"))
    assert (layout.name, score) == winner
    assert tuple(fake.asked for fake in fakes) == asked


def test_detect_below_the_threshold_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    _registry(monkeypatch, _Fake("low", 0.1), _Fake("lower", 0.05, declared=0.1))
    with pytest.raises(UnknownLayout, match="not an earnings-call transcript"):
        detect(document_from_text("anything"))


@pytest.mark.parametrize(
    ("name", "declared"),
    [("motleyfool", 0.95), ("earningscall", 0.95), ("companypdf", 0.9), ("plain", 0.5)],
)
def test_builtin_declarations(name: str, declared: float) -> None:
    assert max_score(layouts()[name]) == declared


@pytest.mark.skipif(not ALL, reason=f"{FIXTURES} is absent")
@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_no_builtin_sniffs_above_its_declared_max(path: Path) -> None:
    doc = read_document(path)
    for layout in layouts().values():
        assert layout.sniff(doc) <= max_score(layout), layout.name
