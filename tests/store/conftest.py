"""Store fixtures for both backends.

PostgreSQL tests need a server: set CALLSCOPE_TEST_POSTGRES to a URL whose role may create
databases (e.g. postgresql://callscope:callscope@127.0.0.1:5432/postgres). The session creates
its own database with a random name and drops it at the end; each test that needs a clean
store gets a schema of its own in it (by ``search_path``), which is cheaper than a database.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

from callscope.corpus import Corpus
from tests.conftest import FIXTURES

ENV = "CALLSCOPE_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgres"]


def with_database(url: str, database: str, schema: str | None = None) -> str:
    """``url`` pointing at another database, and at a schema of it when one is given."""
    parts = urlsplit(url)
    query = f"options={quote(f'-csearch_path={schema}')}" if schema else ""
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", query, ""))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a fresh database on the test server, dropped when the session ends."""
    base = os.environ.get(ENV)
    if not base:
        pytest.skip(f"{ENV} is unset: no PostgreSQL server to test against")
    psycopg = pytest.importorskip("psycopg", reason="the [postgres] extra is not installed")
    from psycopg import sql

    name = f"callscope_test_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(base, name)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def pg_schema(pg_server: str) -> Callable[[], str]:
    """new() -> the URL of an empty schema of its own in the session's database."""
    import psycopg
    from psycopg import sql

    def new() -> str:
        schema = f"s_{secrets.token_hex(6)}"
        with psycopg.connect(pg_server, autocommit=True) as db:
            db.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        return with_database(pg_server, urlsplit(pg_server).path.lstrip("/"), schema)

    return new


@pytest.fixture
def pg_url(pg_schema: Callable[[], str]) -> str:
    return pg_schema()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store of each backend."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "store.db")


def _ingest_fixtures(url: str | Path) -> str:
    if not FIXTURES.exists():
        pytest.skip(f"{FIXTURES} is absent")
    with Corpus(url) as corpus:
        report = corpus.ingest([FIXTURES], workers=2)
        assert report.failed == []
    return str(url)


@pytest.fixture(scope="session")
def sqlite_fixtures_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file holding every shared fixture (read-only: shared by the session)."""
    return _ingest_fixtures(tmp_path_factory.mktemp("db") / "all.db")


@pytest.fixture(scope="session")
def pg_fixtures_db(pg_schema: Callable[[], str]) -> str:
    """A PostgreSQL schema holding every shared fixture (read-only: shared by the session)."""
    return _ingest_fixtures(pg_schema())


def fixtures_db(request: pytest.FixtureRequest, backend: str) -> str:
    return str(request.getfixturevalue(f"{'pg' if backend == 'postgres' else backend}_fixtures_db"))
