"""Shared fixtures. Real transcripts are read from ../shared, never copied into the repo."""

from __future__ import annotations

from pathlib import Path

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


@pytest.fixture
def shared_fixture():  # type: ignore[no-untyped-def]
    return shared_path
