"""Storage backends behind one small protocol; ``open_store(url)`` picks one.

URLs: a plain path or ``sqlite:///path`` (the default, embedded); ``:memory:`` for tests;
``postgresql://user:password@host/db`` (or ``postgres://``) with the ``[postgres]`` extra.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from callscope.errors import StoreError

__all__ = ["DEFAULT_DB", "PASSWORD_IN_URL", "SearchFilters", "Store", "open_store", "redact"]

DEFAULT_DB = "callscope.db"

SearchFilters = dict[str, Any]


class Store(Protocol):
    """What the corpus needs from a database. Every write is one transaction."""

    def has(self, content_hash: str) -> bool: ...

    def id_of(self, content_hash: str) -> int | None: ...

    def put(self, content_hash: str, path: str, document: dict[str, Any], text: str) -> int: ...

    def delete(self, content_hash: str) -> None: ...

    def get(self, call_id: int) -> tuple[dict[str, Any], str]: ...

    def calls(self, filters: SearchFilters) -> list[dict[str, Any]]: ...

    def search(
        self,
        terms: Sequence[Sequence[str]],
        filters: SearchFilters,
        limit: int,
        *,
        any_term: bool = False,
    ) -> list[dict[str, Any]]:
        """Turns holding every term (or, with ``any_term``, any), best first; a term is a
        word or a phrase's words, never query syntax: each backend writes its own."""

    def turns_without_vectors(self, model: str, limit: int) -> list[tuple[int, str]]: ...

    def put_vectors(self, model: str, rows: list[tuple[int, bytes]]) -> None: ...

    def vector_search(
        self, vector: bytes, model: str, filters: SearchFilters, limit: int
    ) -> list[dict[str, Any]]: ...

    def rows(self, table: str) -> Iterator[dict[str, Any]]: ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...


# A password in a URL: after the user name (``user:secret@``) or as a ``password=`` parameter.
PASSWORD_IN_URL = re.compile(r"://[^:/?#@]*:([^@/?#]+)@|(?i:password)=([^&\s]+)")


def redact(url: str) -> str:
    """The URL without its password (in the user part or a ``password=`` parameter)."""

    def hide(match: re.Match[str]) -> str:
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        return url[match.start() : start] + "***" + url[end : match.end()]

    return PASSWORD_IN_URL.sub(hide, url)


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    text = str(url)
    if text.startswith(("postgres://", "postgresql://")):
        from callscope.store.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("duckdb://"):
        raise StoreError(f"{text}: this backend is not available yet; use a SQLite file path")
    path = text.removeprefix("sqlite:///").removeprefix("sqlite://")
    from callscope.store.sqlite import SQLiteStore

    return SQLiteStore(path)


def table_names() -> Sequence[str]:
    return ("calls", "participants", "turns", "exchanges", "figures", "commitments",
            "non_answers", "tone")  # fmt: skip
