"""``callscope export`` in each format, from a store holding the bundled examples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from callscope.cli.demo import example_paths
from callscope.corpus import Corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("export") / "ex.db"
    with Corpus(path) as corpus:
        assert len(corpus.ingest(example_paths()).added) == 3
    return str(path)


def _export(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_calls_as_csv(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(db, "--what", "calls"))))
    assert [r["fiscal_period"] for r in rows] == ["FQ1 2025", "Q2 2025", "Q3 2025"]
    assert {r["ticker"] for r in rows} == {"NWRB"}
    assert "text" not in rows[0] and "document" not in rows[0]


def test_commitments_as_jsonl(db: str) -> None:
    lines = _export(db, "--what", "commitments", "--format", "jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows and all(r["confidence"] in {"certain", "high", "moderate", "low"} for r in rows)
    assert any(r["target"] == 1000 and r["unit"] == "robot" for r in rows)


def test_figures_to_parquet(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "figures.parquet"
    _export(db, "--what", "figures", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == Corpus(db).stats()["figures"]
    assert {"value", "unit", "per", "quote"} <= set(table.column_names)


def test_parquet_needs_an_output_file(db: str) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--db", db, "--what", "turns", "--format", "parquet"]
    )
    assert result.exit_code == 2
