"""The corpus over each backend (a temporary SQLite file; a PostgreSQL schema when a server is
given): ingest, idempotency, search, atomicity."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from callscope.corpus import Corpus
from callscope.search.fulltext import terms
from callscope.store.sqlite import _fts5
from tests.conftest import FIXTURES
from tests.store.conftest import BACKENDS, fixtures_db

TESLA = FIXTURES / "capiq" / "tesla-2017-q2-capiq.txt"
needs_fixtures = pytest.mark.skipif(not FIXTURES.exists(), reason=f"{FIXTURES} is absent")


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest) -> Iterator[Corpus]:
    """Every shared fixture, ingested into each backend (PostgreSQL: see conftest.py)."""
    with Corpus(fixtures_db(request, request.param)) as corpus:
        yield corpus


@needs_fixtures
def test_every_fixture_is_stored_once(corpus: Corpus) -> None:
    files = [p for p in FIXTURES.rglob("*") if p.is_file()]
    assert corpus.stats()["calls"] == len({p.read_bytes() for p in files})
    again = corpus.ingest([FIXTURES])
    assert again.added == [] and again.failed == []
    assert corpus.stats()["calls"] == len({p.read_bytes() for p in files})


@needs_fixtures
def test_search_ranks_the_supercharger_turn_first(corpus: Corpus) -> None:
    hits = corpus.search("Supercharger capacity")
    assert hits
    top = hits[0]
    assert top["ticker"] == "TSLA"
    call = corpus.get(top["call_id"]).call
    assert "Supercharger" in call.turns[top["turn"]].text
    assert "congest" in call.turns[top["turn"]].text.lower()
    assert any(top["snippet"][s:e].lower().startswith("supercharg") for s, e in top["highlights"])


@needs_fixtures
@pytest.mark.parametrize(
    "query",
    ['"Model 3', "(production", "NEAR(a b)", "Supercharger*", "x' OR 1=1; DROP TABLE calls; --",
     "-", "", "   ", "AND OR NOT", "speaker:Elon", "^start", "{}[]", "\"\"\""],
)  # fmt: skip
def test_hostile_queries_never_error(corpus: Corpus, query: str) -> None:
    assert isinstance(corpus.search(query), list)
    assert corpus.stats()["calls"] > 0


@needs_fixtures
def test_search_filters(corpus: Corpus) -> None:
    hits = corpus.search("production", company="TSLA", role="analyst", limit=50)
    assert hits and all(h["ticker"] == "TSLA" and h["role"] == "analyst" for h in hits)
    assert corpus.search("revenue", section="qa", since="2030-01-01") == []


def test_query_text_is_only_ever_terms() -> None:
    assert terms('"net income" rose (NEAR rose') == [("net", "income"), ("rose",), ("NEAR",)]
    assert terms('*** -- "" AND') == [("AND",)]
    assert terms("*** --") == []
    assert len(terms(" ".join(f"w{i}" for i in range(100)))) == 32


@pytest.mark.parametrize(
    ("terms_", "any_term", "expected"),
    [
        ([("net", "income"), ("rose",)], False, '"net income" "rose"'),
        ([("net", "income"), ("rose",)], True, '"net income" OR "rose"'),
        ([('say"',), ("NEAR",)], False, '"say""" "NEAR"'),  # a quote from another caller
    ],
)
def test_sqlite_writes_each_term_as_a_quoted_string(
    terms_: list[tuple[str, ...]], any_term: bool, expected: str
) -> None:
    assert _fts5(terms_, any_term) == expected


@needs_fixtures
def test_get_round_trips_the_analysis(corpus: Corpus, tmp_path: Path) -> None:
    from callscope.pipeline import analyze_file

    # Every layout: the stored document leaves turn text out, rebuilt from the call's text.
    paths = {p.read_bytes(): p for p in FIXTURES.rglob("*") if p.is_file()}
    hashes = {r["id"]: r["content_hash"] for r in corpus.rows("calls")}
    checked = 0
    for row in corpus.calls():
        path = next(p for data, p in paths.items()
                    if hashlib.sha256(data).hexdigest() == hashes[row["id"]])  # fmt: skip
        assert corpus.get(row["id"]).to_dict() == analyze_file(path).to_dict(), path.name
        checked += 1
    assert checked == corpus.stats()["calls"] and any(p.name == TESLA.name for p in paths.values())


def test_bad_files_are_skipped_and_listed(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "junk.json").write_text("{")
    with Corpus(db_url) as corpus:
        report = corpus.ingest([tmp_path])
        assert report.added == []
        assert sorted(Path(p).name for p, _ in report.failed) == ["empty.txt", "junk.json"]
        assert all(Path(p).name in reason for p, reason in report.failed)
        assert corpus.stats()["calls"] == 0


def test_migrations_are_recorded(tmp_path: Path) -> None:
    from callscope.store.sqlite import SQLiteStore

    store = SQLiteStore(str(tmp_path / "m.db"))
    assert store.migrations() == ["0001_initial", "0002_turn_vectors", "0003_figure_metric"]
    store.close()
    again = SQLiteStore(str(tmp_path / "m.db"))
    assert again.migrations() == ["0001_initial", "0002_turn_vectors", "0003_figure_metric"]
    again.close()


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    from callscope.errors import StoreError

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable callscope database"):
        Corpus(bogus)


@needs_fixtures
def test_killed_ingest_leaves_no_partial_call(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    script = (
        "import sys; from callscope.corpus import Corpus; Corpus(sys.argv[1]).ingest([sys.argv[2]])"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(db), str(FIXTURES)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some calls are in, then kill mid-run
        if db.exists() and _count(db, "calls") >= 3:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Corpus(db) as corpus:
        for row in corpus.calls():  # whatever got in is complete
            assert corpus.get(row["id"]).call.turns
        corpus.ingest([FIXTURES])
        files = [p for p in FIXTURES.rglob("*") if p.is_file()]
        assert corpus.stats()["calls"] == len({p.read_bytes() for p in files})
    db_rows = _count(db, "turns")
    stored_turns = sum(r["turns"] for r in Corpus(db).calls())
    assert db_rows == stored_turns


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0
