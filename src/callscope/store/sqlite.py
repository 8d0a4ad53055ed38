"""The default backend: one SQLite file, parameterised SQL, FTS5, one transaction per call."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from callscope.errors import NotFound, StoreError
from callscope.store import SearchFilters, table_names
from callscope.store._document import decode_document
from callscope.store._rows import CALL_COLUMNS, CALL_LISTING, call_row, child_rows, insert_sql
from callscope.store.schema import MIGRATIONS

__all__ = ["SQLiteStore"]

# Filters a caller may pass, and the SQL each adds (always with a bound parameter).
_CALL_FILTERS = {
    "company": "(c.ticker = :company COLLATE NOCASE OR c.company LIKE '%' || :company || '%')",
    "publisher": "c.publisher LIKE '%' || :publisher || '%'",
    "since": "c.call_date >= :since",
    "until": "c.call_date <= :until",
}
_TURN_FILTERS = {
    "speaker": "t.speaker LIKE '%' || :speaker || '%'",
    "role": "t.role = :role",
    "section": "t.section = :section",
}


def _where(filters: SearchFilters, allowed: dict[str, str]) -> tuple[str, dict[str, Any]]:
    clauses = [allowed[k] for k, v in filters.items() if k in allowed and v is not None]
    params = {k: v for k, v in filters.items() if k in allowed and v is not None}
    return "".join(f" AND {c}" for c in clauses), params


class SQLiteStore:
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: not a usable callscope database ({e})") from None

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT "
            "NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations (name) VALUES (?)", (name,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    def has(self, content_hash: str) -> bool:
        return self.id_of(content_hash) is not None

    def id_of(self, content_hash: str) -> int | None:
        row = self.db.execute("SELECT id FROM calls WHERE content_hash = ?", (content_hash,))
        found = row.fetchone()
        return None if found is None else int(found[0])

    def put(self, content_hash: str, path: str, document: dict[str, Any], text: str) -> int:
        """Store one analysed call in one transaction (replacing one of the same hash)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                _remove(self.db, content_hash)
                call_id = _insert(self.db, content_hash, path, document, text)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: could not store {path} ({e})") from None
        return call_id

    def delete(self, content_hash: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            _remove(self.db, content_hash)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def get(self, call_id: int) -> tuple[dict[str, Any], str]:
        row = self.db.execute(
            "SELECT document, text FROM calls WHERE id = ?", (call_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no call with id {call_id} in {self.path}")
        return decode_document(row["document"]), row["text"]

    def calls(self, filters: SearchFilters) -> list[dict[str, Any]]:
        where, params = _where(filters, _CALL_FILTERS)
        sql = f"{CALL_LISTING} WHERE 1 = 1{where} ORDER BY c.ticker, c.company, c.call_date, c.id"
        return [dict(r) for r in self.db.execute(sql, params)]

    def search(
        self,
        terms: Sequence[Sequence[str]],
        filters: SearchFilters,
        limit: int,
        *,
        any_term: bool = False,
    ) -> list[dict[str, Any]]:
        """Turns holding every term (or any), best BM25 first, with snippets.

        Ranking and snippets are two steps: ``snippet()`` is costly, so it runs only on the
        ``limit`` best rows, not on every match. Without filters FTS5 ranks on its own
        (``ORDER BY rank LIMIT``); filters join the turns and calls first.
        """
        if not terms:
            return []
        match = _fts5(terms, any_term)
        call_where, params = _where(filters, _CALL_FILTERS)
        turn_where, more = _where(filters, _TURN_FILTERS)
        params.update(more, match=match, limit=limit)
        if call_where or turn_where:
            ranked = (
                "SELECT turns_fts.rowid AS id, bm25(turns_fts) AS score FROM turns_fts "
                "JOIN turns t ON t.id = turns_fts.rowid JOIN calls c ON c.id = t.call_id "
                f"WHERE turns_fts MATCH :match{call_where}{turn_where} "
                "ORDER BY score LIMIT :limit"
            )
        else:
            ranked = (
                "SELECT rowid AS id, rank AS score FROM turns_fts WHERE turns_fts MATCH :match "
                "ORDER BY rank LIMIT :limit"
            )
        try:
            top = [(int(r["id"]), float(r["score"])) for r in self.db.execute(ranked, params)]
            if not top:
                return []
            marks = ", ".join("?" * len(top))
            snippets = dict(
                self.db.execute(
                    "SELECT rowid, snippet(turns_fts, 0, char(2), char(3), ' … ', 24) "
                    f"FROM turns_fts WHERE turns_fts MATCH ? AND rowid IN ({marks})",
                    [match, *(row_id for row_id, _ in top)],
                ).fetchall()
            )
            rows = {
                int(r["id"]): dict(r)
                for r in self.db.execute(
                    "SELECT t.id, c.id AS call_id, c.source, c.company, c.ticker, "
                    "c.fiscal_period, c.call_date, t.idx AS turn, t.speaker, t.role, t.section "
                    f"FROM turns t JOIN calls c ON c.id = t.call_id WHERE t.id IN ({marks})",
                    [row_id for row_id, _ in top],
                )
            }
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed: {e}") from None
        out = []
        for row_id, score in top:
            row = rows[row_id]
            row.pop("id")
            out.append({**row, "snippet": snippets.get(row_id, ""), "score": score})
        return out

    def turns_without_vectors(self, model: str, limit: int) -> list[tuple[int, str]]:
        cursor = self.db.execute(
            "SELECT t.id, t.text FROM turns t LEFT JOIN turn_vectors v "
            "ON v.turn_id = t.id AND v.model = ? WHERE v.turn_id IS NULL ORDER BY t.id LIMIT ?",
            (model, limit),
        )
        return [(int(r[0]), str(r[1])) for r in cursor]

    def put_vectors(self, model: str, rows: list[tuple[int, bytes]]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany(
                "INSERT OR REPLACE INTO turn_vectors (turn_id, model, vector) VALUES (?, ?, ?)",
                [(turn_id, model, vector) for turn_id, vector in rows],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def vector_search(
        self, vector: bytes, model: str, filters: SearchFilters, limit: int
    ) -> list[dict[str, Any]]:
        """Turns nearest to ``vector`` by cosine distance.

        sqlite-vec computes the distance in SQL where this Python's sqlite3 can load
        extensions; builds without that (some pyenv builds) rank the filtered vectors with
        numpy instead, with the same result.
        """
        call_where, params = _where(filters, _CALL_FILTERS)
        turn_where, more = _where(filters, _TURN_FILTERS)
        params.update(more, vector=vector, model=model, limit=limit)
        select = (
            "SELECT c.id AS call_id, c.source, c.company, c.ticker, c.fiscal_period, "
            "c.call_date, t.idx AS turn, t.speaker, t.role, t.section, "
            "substr(t.text, 1, 240) AS snippet, {score} AS score "
            "FROM turn_vectors v JOIN turns t ON t.id = v.turn_id "
            "JOIN calls c ON c.id = t.call_id "
            f"WHERE v.model = :model{call_where}{turn_where} "
        )
        if self._load_vec():
            sql = select.format(score="vec_distance_cosine(v.vector, :vector)")
            return [dict(r) for r in self.db.execute(sql + "ORDER BY score LIMIT :limit", params)]
        import numpy as np

        rows = [dict(r) for r in self.db.execute(select.format(score="v.vector"), params)]
        if not rows:
            return []
        matrix = np.frombuffer(b"".join(r["score"] for r in rows), dtype=np.float32)
        query = np.frombuffer(vector, dtype=np.float32)
        distances = 1.0 - matrix.reshape(len(rows), query.size) @ query  # unit vectors
        best = np.argsort(distances, kind="stable")[:limit]
        return [{**rows[i], "score": float(distances[i])} for i in best]

    def _load_vec(self) -> bool:
        """Load sqlite-vec into this connection if this sqlite3 build allows it."""
        if not hasattr(self, "_vec_loaded"):
            self._vec_loaded = False
            if hasattr(self.db, "enable_load_extension"):
                import sqlite_vec

                self.db.enable_load_extension(True)
                sqlite_vec.load(self.db)
                self.db.enable_load_extension(False)
                self._vec_loaded = True
        return self._vec_loaded

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table not in table_names():
            raise StoreError(f"unknown table {table!r} (known: {', '.join(table_names())})")
        # The table name is checked against a fixed list above; values are never interpolated.
        omit = {"calls": ", document, text"}.get(table, "")
        cursor = self.db.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            item = dict(zip(names, row, strict=True))
            for column in omit.strip(", ").split(", "):
                item.pop(column, None)
            yield item

    def stats(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in table_names()
        }

    def close(self) -> None:
        self.db.close()


def _fts5(terms: Sequence[Sequence[str]], any_term: bool) -> str:
    """An FTS5 match expression: each term one quoted string (a phrase), a quote inside
    doubled as FTS5 escapes it, so no term is ever read as an operator."""
    quoted = ['"' + " ".join(term).replace('"', '""') + '"' for term in terms]
    return (" OR " if any_term else " ").join(quoted)


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


def _remove(db: sqlite3.Connection, content_hash: str) -> None:
    """Delete a call, its rows (by cascade) and its entries in the external-content index."""
    rows = db.execute(
        "SELECT t.id, t.text FROM turns t JOIN calls c ON c.id = t.call_id "
        "WHERE c.content_hash = ?",
        (content_hash,),
    ).fetchall()
    db.executemany(
        "INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', ?, ?)",
        [(row["id"], row["text"]) for row in rows],
    )
    db.execute("DELETE FROM calls WHERE content_hash = ?", (content_hash,))


def _insert(db: sqlite3.Connection, content_hash: str, path: str, doc: dict[str, Any],
            text: str) -> int:  # fmt: skip
    cursor = db.execute(
        insert_sql("calls", CALL_COLUMNS, "?"), call_row(content_hash, path, doc, text)
    )
    call_id = int(cursor.lastrowid or 0)
    for table, columns, rows in child_rows(call_id, doc):
        db.executemany(insert_sql(table, columns, "?"), rows)
        if table == "turns":  # the index of the turns' text, read back from the table
            db.execute(
                "INSERT INTO turns_fts (rowid, text) SELECT id, text FROM turns WHERE call_id = ?",
                (call_id,),
            )
    return call_id
