"""Shared fixtures. Real transcripts are read from ../shared, never copied into the repo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
GOLD = SHARED / "gold"


def shared_path(relative: str) -> Path:
    """A file under ../shared/fixtures, or skip the test with a message when it is absent."""
    path = FIXTURES / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared fixtures are not beside this checkout)")
    return path


def fixture_lines(*relative: str) -> list[str]:
    """The lines of shared fixtures (real text to check fast paths against), or skip."""
    return [line for name in relative
            for line in shared_path(name).read_text(encoding="utf-8").splitlines()]  # fmt: skip


@pytest.fixture
def shared_fixture():  # type: ignore[no-untyped-def]
    return shared_path


# --- the server (the [web] extra): a client over the bundled examples, or over a fresh db ----

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from callscope.cli.demo import example_paths
    from callscope.corpus import Corpus

    db = tmp_path_factory.mktemp("server") / "examples.db"
    with Corpus(db) as corpus:
        report = corpus.ingest(example_paths())
    assert len(report.added) == len(example_paths()) == 3
    return db


def _test_client(db: Path, **settings: Any) -> Any:
    pytest.importorskip("fastapi", reason="the [web] extra is not installed")
    from fastapi.testclient import TestClient

    from callscope.api import Settings, create_app

    return TestClient(create_app(Settings(db_url=str(db), token=TOKEN, **settings)))


@pytest.fixture
def client(examples_db: Path) -> Any:
    """A TestClient over the bundled example calls (read-only: shared by the session)."""
    return _test_client(examples_db)


@pytest.fixture
def make_client(tmp_path: Path) -> Callable[..., tuple[Any, Path]]:
    """make_client(**settings) -> (TestClient, db): a server over a fresh database of its own."""

    def make(**settings: Any) -> tuple[Any, Path]:
        db = tmp_path / "fresh.db"
        return _test_client(db, **settings), db

    return make
