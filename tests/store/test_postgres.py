"""The PostgreSQL backend: the same tables, answers and guarantees as the SQLite one.

Tests that need a server skip unless CALLSCOPE_TEST_POSTGRES is set (see conftest.py); the
URL, query and snippet helpers are checked without one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from callscope.corpus import Corpus
from callscope.errors import NotFound, StoreError
from callscope.store import open_store, table_names
from tests.conftest import FIXTURES

pytest.importorskip("psycopg", reason="the [postgres] extra is not installed")

from callscope.store import redact
from callscope.store.postgres import PostgresStore, _snippet, _tsquery

needs_fixtures = pytest.mark.skipif(not FIXTURES.exists(), reason=f"{FIXTURES} is absent")
MIGRATIONS = ["0001_initial", "0002_turn_vectors", "0003_figure_metric"]


# --- without a server ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://me:s3cret@db.example/calls", "postgresql://me:***@db.example/calls"),
        ("postgres://me:p%40ss@h:5432/c?sslmode=require", "postgres://me:***@h:5432/c?sslmode=require"),
        ("postgresql://h/c?user=me&password=s3cret", "postgresql://h/c?user=me&password=***"),
        ("postgresql://me@h/c", "postgresql://me@h/c"),
        ("postgresql:///c", "postgresql:///c"),
        ("postgresql://same:same@h/same", "postgresql://same:***@h/same"),
    ],
)  # fmt: skip
def test_redact_hides_the_password(url: str, expected: str) -> None:
    assert redact(url) == expected


@pytest.mark.parametrize(
    ("terms", "any_term", "sql", "params"),
    [
        ([("net", "income"), ("rose",)], False,
         "phraseto_tsquery('english', %(t0)s) && phraseto_tsquery('english', %(t1)s)",
         {"t0": "net income", "t1": "rose"}),
        ([("net", "income"), ("rose",)], True,
         "phraseto_tsquery('english', %(t0)s) || phraseto_tsquery('english', %(t1)s)",
         {"t0": "net income", "t1": "rose"}),
        ([("a:*", "&"), ("x\x00y",)], False,  # tsquery syntax is a value, NUL a space
         "phraseto_tsquery('english', %(t0)s) && phraseto_tsquery('english', %(t1)s)",
         {"t0": "a:* &", "t1": "x y"}),
    ],
)  # fmt: skip
def test_each_term_is_a_bound_phrase(
    terms: list[tuple[str, ...]], any_term: bool, sql: str, params: dict[str, str]
) -> None:
    assert _tsquery(terms, any_term) == (sql, params)


TEXT = "Thank you. The Superchargers are busy on holidays, and we add capacity every week."


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Thank you. The \x02Superchargers\x03 are busy",
         "Thank you. The \x02Superchargers\x03 are busy … "),
        ("\x02Superchargers\x03 are busy on holidays, and we add \x02capacity\x03 every week.",
         " … \x02Superchargers\x03 are busy on holidays, and we add \x02capacity\x03 every week."),
        ("The \x02Superchargers\x03 are", " … The \x02Superchargers\x03 are … "),
        (TEXT, TEXT),
    ],
)  # fmt: skip
def test_snippets_mark_cuts_as_sqlite_does(headline: str, expected: str) -> None:
    assert _snippet(headline, TEXT) == expected


def test_without_psycopg_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://me:s3cret@127.0.0.1/calls")
    assert str(caught.value) == (
        "postgresql://me:***@127.0.0.1/calls: the PostgreSQL backend needs psycopg: "
        "pip install 'callscope[postgres]'"
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql://me:s3cret@127.0.0.1:1/calls", "Connection refused"),
        ("postgres://me:s3cret@127.0.0.1:notaport/calls", "port"),
        ("postgresql://me:s3cret@[::1/calls", "IPv6"),
        ("postgresql://me:s3cret@127.0.0.1/calls?bogus=1", "bogus"),
    ],
)
def test_a_bad_url_is_a_one_line_error_without_password(url: str, reason: str) -> None:
    with pytest.raises(StoreError) as caught:
        Corpus(url)
    message = str(caught.value)
    assert message.startswith(redact(url) + ": cannot connect to PostgreSQL (")
    assert reason in message and "s3cret" not in message and "\n" not in message


# --- against the server ----------------------------------------------------------------------


def _other(url: str, **parts: str) -> str:
    """The server URL with a wrong password or database, the rest kept."""
    from urllib.parse import urlsplit, urlunsplit

    split = urlsplit(url)
    netloc = split.netloc
    if "password" in parts:
        user = (split.username or "callscope") + ":" + parts["password"]
        netloc = f"{user}@{split.hostname}:{split.port or 5432}"
    path = "/" + parts.get("database", split.path.lstrip("/"))
    return urlunsplit((split.scheme, netloc, path, "", ""))


@pytest.mark.parametrize(
    ("change", "reason"),
    [({"password": "wrong-pass-1234"}, "password authentication failed"),
     ({"database": "no_such_db_42"}, 'database "no_such_db_42" does not exist')],
)  # fmt: skip
def test_refused_logins_are_one_line_errors(
    pg_server: str, change: dict[str, str], reason: str
) -> None:
    url = _other(pg_server, **change)
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(redact(url) + ": cannot connect to PostgreSQL (")
    assert reason in message and "wrong-pass-1234" not in message and "\n" not in message


def test_open_store_picks_postgres_and_records_migrations(pg_url: str) -> None:
    store = open_store(pg_url.replace("postgresql://", "postgres://"))
    assert isinstance(store, PostgresStore)
    assert store.migrations() == MIGRATIONS
    assert store.stats() == dict.fromkeys(table_names(), 0)
    store.close()
    again = open_store(pg_url)  # opening again applies nothing twice
    assert isinstance(again, PostgresStore) and again.migrations() == MIGRATIONS
    with pytest.raises(NotFound, match="no call with id 7 in postgresql://"):
        again.get(7)
    with pytest.raises(StoreError, match="unknown table 'turns_fts'"):
        list(again.rows("turns_fts"))
    again.close()


def _normalised(corpus: Corpus, table: str) -> list[tuple[Any, ...]]:
    """A table's rows comparable across backends: call ids as content hashes, no surrogate
    ids or ingest times, sorted (SQLite lists rows in insertion order, PostgreSQL by key)."""
    hashes = {r["id"]: r["content_hash"] for r in corpus.rows("calls")}
    out = []
    for row in corpus.rows(table):
        row = {k: v for k, v in row.items() if k not in ("id", "ingested_at")}
        if "call_id" in row:
            row["call_id"] = hashes[row["call_id"]]
        out.append(tuple(row.items()))
    return sorted(out, key=repr)


@pytest.fixture(scope="module")
def both(sqlite_fixtures_db: str, pg_fixtures_db: str) -> Iterator[tuple[Corpus, Corpus]]:
    """The shared fixtures in SQLite and in PostgreSQL (read-only)."""
    with Corpus(sqlite_fixtures_db) as lite, Corpus(pg_fixtures_db) as pg:
        yield lite, pg


@needs_fixtures
@pytest.mark.parametrize("table", table_names())
def test_every_table_holds_the_same_rows(both: tuple[Corpus, Corpus], table: str) -> None:
    lite, pg = both
    assert pg.stats()[table] == lite.stats()[table] > 0
    assert [list(r) for r in pg.rows(table)][:1] == [list(r) for r in lite.rows(table)][:1]
    assert _normalised(pg, table) == _normalised(lite, table)


@needs_fixtures
def test_a_second_ingest_adds_nothing(both: tuple[Corpus, Corpus]) -> None:
    _, pg = both
    before = pg.stats()
    again = pg.ingest([FIXTURES])
    assert again.added == [] and again.failed == [] and len(again.unchanged) >= before["calls"]
    assert pg.stats() == before


@needs_fixtures
def test_get_reads_back_what_sqlite_does(both: tuple[Corpus, Corpus]) -> None:
    lite, pg = both
    lite_ids = {r["content_hash"]: r["id"] for r in lite.rows("calls")}
    pairs = [(lite_ids[r["content_hash"]], r["id"]) for r in pg.rows("calls")]
    assert len(pairs) == lite.stats()["calls"]
    for lite_id, pg_id in pairs:
        assert pg.store.get(pg_id) == lite.store.get(lite_id)


def _without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in ("id", "call_id", "score")} for r in rows]


@needs_fixtures
@pytest.mark.parametrize(
    "filters",
    [{}, {"company": "tsla"}, {"company": "TESLA"}, {"company": "inc"}, {"publisher": "MOTLEY"},
     {"since": "2021-01-01", "until": "2021-12-31"}, {"company": "%"}, {"company": "\\"},
     {"company": "x\x00y"}, {"since": "not a date"}],
)  # fmt: skip
def test_calls_filter_as_sqlite_does(both: tuple[Corpus, Corpus], filters: dict[str, str]) -> None:
    lite, pg = both
    assert _without_ids(pg.calls(**filters)) == _without_ids(lite.calls(**filters))


@needs_fixtures
@pytest.mark.parametrize(
    ("query", "filters"),
    [("Supercharger capacity", {}),
     ("production", {"company": "tsla", "role": "analyst"}),
     ("guidance", {"speaker": "MUSK", "section": "qa"}),
     ("revenue", {"section": "qa", "since": "2030-01-01"}),
     ("dividend", {"publisher": "refinitiv", "role": "executive"})],
)  # fmt: skip
def test_search_finds_the_turns_sqlite_finds(
    both: tuple[Corpus, Corpus], query: str, filters: dict[str, str]
) -> None:
    """The same matching turns (the rankings differ: bm25 and ts_rank_cd weigh differently)."""
    lite, pg = both

    def found(corpus: Corpus) -> set[tuple[Any, ...]]:
        hits = corpus.search(query, limit=10_000, **filters)
        assert all(set(h) == {*KEYS, "highlights"} for h in hits)
        return {(h["source"], h["turn"], h["speaker"], h["role"], h["section"]) for h in hits}

    assert found(pg) == found(lite)


KEYS = ["call_id", "source", "company", "ticker", "fiscal_period", "call_date", "turn",
        "speaker", "role", "section", "snippet", "score"]  # fmt: skip


@needs_fixtures
def test_search_rows_have_sqlite_keys_and_marked_snippets(both: tuple[Corpus, Corpus]) -> None:
    _, pg = both
    hits = pg.store.search([("supercharger",)], {}, 3)
    assert hits and all(list(h) == KEYS for h in hits)
    assert all("\x02" in h["snippet"] and "\x03" in h["snippet"] for h in hits)
    assert [h["score"] for h in hits] == sorted(h["score"] for h in hits)  # lower is better


@needs_fixtures
@pytest.mark.parametrize(
    "words",
    [("Model 3",), ("'",), ('"',), ("a:*",), ("!tesla",), ("tesla & !model",), ("<->",),
     ("x') OR 1=1; DROP TABLE calls; --",), ("\x00",), ("super\x00charger",), ("w" * 2000,),
     ("w" * 5000,), ("the",), ("NEAR(a b)",), ("",), ("\\",), ("%",)],
)  # fmt: skip
def test_hostile_terms_never_raise(both: tuple[Corpus, Corpus], words: tuple[str, ...]) -> None:
    _, pg = both
    for any_term in (False, True):
        hits = pg.store.search([words, ("capacity",)], {"speaker": words[0]}, 5, any_term=any_term)
        assert isinstance(hits, list)
        assert isinstance(pg.store.search([words], {"company": words[0]}, 5), list)
    assert pg.stats()["calls"] > 0


def test_examples_compare_and_track_alike(tmp_path: Path, pg_url: str) -> None:
    from callscope.cli.demo import example_paths

    answers = []
    for url in (str(tmp_path / "examples.db"), pg_url):
        with Corpus(url) as corpus:
            assert len(corpus.ingest(example_paths()).added) == 3
            ids = [r["id"] for r in corpus.calls()]
            comparisons = [corpus.compare(i) for i in ids if corpus.previous(i) is not None]
            answers.append((ids, comparisons, corpus.commitments()))
    lite, pg = answers
    assert len(lite[1]) == 2 and len(lite[2]) > 0
    assert pg == lite


def test_replace_re_analyses_and_delete_removes_everything(pg_url: str) -> None:
    import psycopg

    from callscope.cli.demo import example_paths

    with Corpus(pg_url) as corpus:
        corpus.ingest(example_paths())
        before = corpus.stats()
        with psycopg.connect(pg_url, autocommit=True) as db:  # a stale analysis, by hand
            db.execute("UPDATE commitments SET metric = 'stale'")
        assert corpus.ingest(example_paths()).added == []  # unchanged files: kept as they are
        assert {r["metric"] for r in corpus.rows("commitments")} == {"stale"}
        report = corpus.ingest(example_paths(), replace=True)
        assert len(report.added) == 3 and corpus.stats() == before
        assert "stale" not in {r["metric"] for r in corpus.rows("commitments")}
        for digest in [r["content_hash"] for r in corpus.rows("calls")]:
            corpus.store.delete(digest)
        assert corpus.stats() == dict.fromkeys(table_names(), 0)


def test_vectors_rank_as_in_sqlite(tmp_path: Path, pg_url: str) -> None:
    np = pytest.importorskip("numpy")
    from callscope.cli.demo import example_paths

    rng = np.random.default_rng(7)
    found = []
    for url in (str(tmp_path / "vectors.db"), pg_url):
        with Corpus(url) as corpus:
            corpus.ingest(example_paths())
            todo = corpus.store.turns_without_vectors("m", 10_000)
            vectors = rng.standard_normal((len(todo), 8)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            rng = np.random.default_rng(7)  # the same vectors for the next backend
            corpus.store.put_vectors(
                "m", [(t, v.tobytes()) for (t, _), v in zip(todo, vectors, strict=True)]
            )
            assert corpus.store.turns_without_vectors("m", 10) == []
            assert len(corpus.store.turns_without_vectors("other", 10)) == 10
            query = vectors[3].tobytes()
            hits = corpus.store.vector_search(query, "m", {"section": "qa"}, 5)
            found.append([(h["turn"], h["snippet"], round(h["score"], 5)) for h in hits])
    assert len(found[0]) == 5 and found[1] == found[0]


@needs_fixtures
def test_killed_ingest_leaves_no_partial_call(pg_url: str) -> None:
    import psycopg

    def count(table: str) -> int:
        with psycopg.connect(pg_url) as db:
            return int(next(iter(db.execute(f"SELECT count(*) FROM {table}")))[0])

    script = (
        "import sys; from callscope.corpus import Corpus; Corpus(sys.argv[1]).ingest([sys.argv[2]])"
    )
    Corpus(pg_url).close()  # the schema first, so counting never races the migrations
    proc = subprocess.Popen([sys.executable, "-c", script, pg_url, str(FIXTURES)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and count("calls") < 3:  # some calls in: kill mid-run
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Corpus(pg_url) as corpus:
        assert count("turns") == sum(r["turns"] for r in corpus.calls())
        for row in corpus.calls():  # whatever got in is complete
            assert corpus.get(row["id"]).call.turns
        corpus.ingest([FIXTURES])
        files = [p for p in FIXTURES.rglob("*") if p.is_file()]
        assert corpus.stats()["calls"] == len({p.read_bytes() for p in files})


def test_put_is_one_transaction(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A call that fails half-way through its rows leaves nothing behind."""
    from callscope.cli.demo import example_paths
    from callscope.pipeline import analyze_file

    analyzed = analyze_file(example_paths()[0])
    doc = analyzed.to_dict()
    broken: dict[str, Any] = {**doc, "tone": [{"scope": "call"}]}  # a tone row without values
    with Corpus(pg_url) as corpus:
        with pytest.raises(KeyError):
            corpus.store.put("h1", "a.txt", broken, analyzed.call.text)
        assert corpus.stats() == dict.fromkeys(table_names(), 0)
        bad_text = analyzed.call.text + "\x00"  # PostgreSQL text cannot hold NUL
        with pytest.raises(StoreError, match=r"could not store a\.txt \("):
            corpus.store.put("h1", "a.txt", doc, bad_text)
        assert corpus.stats() == dict.fromkeys(table_names(), 0)
        assert corpus.store.put("h1", "a.txt", doc, analyzed.call.text) > 0
        assert corpus.stats()["calls"] == 1
