"""Naming a stored call: by id, by its transcript file, or by the name it was stored from."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli
from callscope.cli.demo import example_paths
from callscope.corpus import Corpus
from callscope.errors import CallscopeError, NotFound

Q2 = "northwind-2025-q2-seekingalpha.txt"


def _id_of(corpus: Corpus, name: str) -> int:
    return next(int(r["id"]) for r in corpus.calls() if Path(r["source"]).name == name)


def test_a_call_is_found_by_id_file_or_name(examples_db: Path, tmp_path: Path) -> None:
    moved = tmp_path / "renamed.txt"  # found by its bytes, wherever the file now lies
    shutil.copy(next(p for p in example_paths() if p.endswith(Q2)), moved)
    with Corpus(examples_db) as corpus:
        q2 = _id_of(corpus, Q2)
        assert corpus.resolve(q2) == corpus.resolve(str(q2)) == q2
        assert corpus.resolve(Q2) == corpus.resolve(f"some/dir/{Q2}") == q2
        assert corpus.resolve(str(moved)) == q2


@pytest.mark.parametrize(
    ("ref", "error", "message"),
    [
        ("tesla.txt", NotFound, "no stored call is 'tesla.txt': give an id from `callscope calls`"),
        ("README", NotFound, "no stored call is 'README'"),
    ],
)
def test_an_unknown_call_is_a_clear_error(
    examples_db: Path, ref: str, error: type[Exception], message: str
) -> None:
    with Corpus(examples_db) as corpus, pytest.raises(error, match="^" + re.escape(message)):
        corpus.resolve(ref)


def test_an_unstored_file_and_a_shared_name(tmp_path: Path) -> None:
    source = Path(example_paths()[0])
    db = tmp_path / "calls.db"
    for folder, extra in (("a", ""), ("b", "\nOperator: Thank you.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / source.name).write_text(source.read_text() + extra)
    unstored = tmp_path / "new.txt"
    unstored.write_text(source.read_text() + "\n\n")
    with Corpus(db) as corpus:
        corpus.ingest([tmp_path / "a", tmp_path / "b"])
        with pytest.raises(NotFound, match=r"new\.txt: this transcript is not stored"):
            corpus.resolve(str(unstored))
        with pytest.raises(
            CallscopeError, match=re.escape(f"{source.name}: 2 stored calls have this name")
        ):
            corpus.resolve(source.name)


def test_cli_show_and_compare_take_a_file_name(examples_db: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["show", Q2, "--db", str(examples_db), "--json"])
    assert shown.exit_code == 0, shown.output
    assert '"fiscal_period": "Q2 2025"' in shown.output
    compared = runner.invoke(cli, ["compare", Q2, "--db", str(examples_db), "--json"])
    assert compared.exit_code == 0, compared.output
    assert "FQ1 2025" in compared.output
    missing = runner.invoke(cli, ["show", "nothing.txt", "--db", str(examples_db)])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("callscope: error: no stored call is 'nothing.txt'")
