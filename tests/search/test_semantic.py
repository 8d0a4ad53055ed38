"""Semantic search with the bundled model (the [semantic] extra), and its absence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from callscope.cli.demo import example_paths
from callscope.corpus import Corpus
from callscope.errors import CallscopeError
from callscope.search import semantic


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    if not semantic.available():
        pytest.skip("the [semantic] extra is not installed")
    corpus = Corpus(tmp_path_factory.mktemp("sem") / "sem.db")
    corpus.ingest(example_paths())
    assert corpus.embed() == corpus.stats()["turns"]
    return corpus


def test_embedding_is_idempotent(embedded: Corpus) -> None:
    assert embedded.embed() == 0


def test_vectors_are_unit_length_float32(embedded: Corpus) -> None:
    import numpy as np

    [blob] = semantic.embed(["robots shipped per week"])
    vector = np.frombuffer(blob, dtype=np.float32)
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


def test_meaning_finds_turns_without_shared_words(embedded: Corpus) -> None:
    # No word of the query is needed in the turn: "machines" / "weekly output" vs robots/week.
    hits = embedded.search("how many machines are built in a typical seven-day period",
                           semantic=True, limit=5)  # fmt: skip
    assert hits
    texts = [embedded.get(h["call_id"]).call.turns[h["turn"]].text.lower() for h in hits]
    assert any("week" in t and "robot" in t for t in texts[:3])


def test_hybrid_keeps_the_full_text_match(embedded: Corpus) -> None:
    plain = embedded.search("Leipzig", limit=3)
    fused = embedded.search("Leipzig", semantic=True, limit=10)
    assert plain and (plain[0]["call_id"], plain[0]["turn"]) in {
        (h["call_id"], h["turn"]) for h in fused[:3]
    }


def test_without_the_extra_the_error_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "available", lambda: False)
    with (
        Corpus(tmp_path / "x.db") as corpus,
        pytest.raises(CallscopeError, match=r"pip install 'callscope\[semantic\]'"),
    ):
        corpus.search("anything", semantic=True)
    result = CliRunner().invoke(
        cli, ["search", "anything", "--semantic", "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("pip install 'callscope[semantic]'")
