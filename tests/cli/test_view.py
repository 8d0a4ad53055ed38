"""The terminal views: what a reader sees at the widths terminals have."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console

from callscope.cli._view import calls_table

ROWS: list[dict[str, Any]] = [
    {"id": 7, "company": "Northwind Robotics, Inc.", "ticker": "NWRB", "fiscal_period": "Q2 2025",
     "call_date": "2025-08-05", "turns": 37, "exchanges": 5, "commitments": 9,
     "source": "/data/calls/northwind-2025-q2-seekingalpha.txt"},
    {"id": 1234, "company": None, "ticker": None, "fiscal_period": None, "call_date": None,
     "turns": 1, "exchanges": 0, "commitments": 0, "source": "plain.txt"},
]  # fmt: skip


def _render(width: int) -> list[str]:
    console = Console(width=width, record=True)
    console.print(calls_table(ROWS, width=width))
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [80, 100, 140])
def test_calls_table_keeps_dates_and_counts_whole(width: int) -> None:
    lines = _render(width)
    assert all(len(line) <= width for line in lines)
    first = next(line for line in lines if line.split()[:1] == ["7"])
    assert first.split()[:7] == ["7", "NWRB", "Q2", "2025", "2025-08-05", "37", "5"]
    words = " ".join(lines).split()
    assert "Robotics," in words and "Inc." in words  # the company wraps, never loses a word
    assert any(line.split()[:1] == ["1234"] for line in lines)


def test_calls_table_names_the_file_where_there_is_room() -> None:
    assert "northwind-2025-q2-seekingalpha.txt" in " ".join(_render(140))
    assert "northwind" not in " ".join(_render(80))
