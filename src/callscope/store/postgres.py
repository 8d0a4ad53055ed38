"""A PostgreSQL backend (the ``[postgres]`` extra): the SQLite backend's tables and behaviour
on a server many users share, with PostgreSQL's own full text (``tsvector``, GIN, ts_rank_cd).

psycopg 3 is imported when a ``postgresql://`` URL is opened, never before. Every value is a
bound parameter; each call is stored in one transaction, serialised per content hash by an
advisory lock so two ingests of the same file never collide.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from callscope.errors import NotFound, StoreError
from callscope.store import PASSWORD_IN_URL, SearchFilters, redact, table_names
from callscope.store._document import decode_document
from callscope.store._rows import CALL_COLUMNS, CALL_LISTING, call_row, child_rows, insert_sql
from callscope.store.schema_pg import FTS_CONFIG, MIGRATIONS, MIGRATIONS_TABLE

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresStore"]

INSTALL_HINT = "the PostgreSQL backend needs psycopg: pip install 'callscope[postgres]'"

# Filters a caller may pass, and the SQL each adds (always with a bound parameter). As in
# SQLite: ticker equal and names contained, ignoring case; role and section exact. ESCAPE ''
# makes a backslash an ordinary character, as in SQLite's LIKE (no escape by default).
_CALL_FILTERS = {
    "company": "(lower(c.ticker) = lower(%(company)s) "
    "OR c.company ILIKE '%%' || %(company)s || '%%' ESCAPE '')",
    "publisher": "c.publisher ILIKE '%%' || %(publisher)s || '%%' ESCAPE ''",
    "since": "c.call_date >= %(since)s",
    "until": "c.call_date <= %(until)s",
}
_TURN_FILTERS = {
    "speaker": "t.speaker ILIKE '%%' || %(speaker)s || '%%' ESCAPE ''",
    "role": "t.role = %(role)s",
    "section": "t.section = %(section)s",
}
# SQLite sorts NULL first and text bytewise; PostgreSQL, NULL last and by locale, unless told.
_CALL_ORDER = (
    'c.ticker COLLATE "C" NULLS FIRST, c.company COLLATE "C" NULLS FIRST, '
    'c.call_date COLLATE "C" NULLS FIRST, c.id'
)
# rows(): SQLite's rowid order is insertion order; here each table's key order (the same for
# every table but tone, whose keys are text) and never the full-text column.
_ROW_ORDER = {"calls": "id", "turns": "id", "tone": "call_id, scope, key"}
_ROW_OMIT = {"calls": {"document", "text"}, "turns": {"fts"}}

# Snippets as SQLite's snippet(turns_fts, 0, char(2), char(3), ' … ', 24) writes them: hits
# between STX and ETX, about 24 words, an ellipsis where the turn's text was cut.
ELLIPSIS = " … "
_HEADLINE = (
    "StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=10, ShortWord=2, "
    'MaxFragments=1, FragmentDelimiter="' + ELLIPSIS + '"'
)
_MARKS = re.compile("[\x02\x03]")
_CURSORS = itertools.count()
_MIGRATION_LOCK = 0x63616C6C  # any fixed number: one migrating process at a time


def _where(filters: SearchFilters, allowed: dict[str, str]) -> tuple[str, dict[str, Any]]:
    params = {k: _value(v) for k, v in filters.items() if k in allowed and v is not None}
    return "".join(f" AND {allowed[k]}" for k in params), params


def _value(value: Any) -> Any:
    """A filter value as SQLite would compare it: dates as ISO text; PostgreSQL text cannot
    hold NUL, so a NUL becomes U+FFFD (no match, where psycopg would refuse the query)."""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _tsquery(terms: Sequence[Sequence[str]], any_term: bool) -> tuple[str, dict[str, str]]:
    """A tsquery built by PostgreSQL from plain words: each term one ``phraseto_tsquery``
    (which reads no operators), joined by && (every term) or || (any). Never user syntax."""
    params = {f"t{i}": " ".join(term).replace("\x00", " ") for i, term in enumerate(terms)}
    parts = [f"phraseto_tsquery('{FTS_CONFIG}', %({name})s)" for name in params]
    return (" || " if any_term else " && ").join(parts), params


def _snippet(headline: str, text: str) -> str:
    """Add the ellipses SQLite's snippet() puts where the turn was cut (ts_headline doesn't)."""
    plain = _MARKS.sub("", headline)
    parts = plain.split(ELLIPSIS)
    first, last = parts[0], parts[-1]
    lead = "" if text.lstrip().startswith(first.lstrip()) else ELLIPSIS
    tail = "" if text.rstrip().endswith(last.rstrip()) else ELLIPSIS
    return f"{lead}{headline}{tail}"


class PostgresStore:
    def __init__(self, url: str) -> None:
        self.url = redact(url)
        try:
            import psycopg
        except ImportError:
            raise StoreError(f"{self.url}: {INSTALL_HINT}") from None
        options: dict[str, Any] = {} if "connect_timeout" in url else {"connect_timeout": 10}
        try:
            self.db: psycopg.Connection[Any] = psycopg.connect(url, autocommit=True, **options)
        except psycopg.Error as e:
            reason = _line(e).replace(url, self.url).removeprefix("connection failed: ")
            for secret in (g for m in PASSWORD_IN_URL.finditer(url) for g in m.groups() if g):
                reason = reason.replace(secret, "***")
            raise StoreError(f"{self.url}: cannot connect to PostgreSQL ({reason})") from None
        try:
            with self._errors("not a usable callscope database"):
                self._migrate()
        except BaseException:
            self.db.close()
            raise

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """psycopg's errors as one-line StoreErrors naming the database (without password)."""
        import psycopg

        try:
            yield
        except psycopg.Error as e:
            raise StoreError(f"{self.url}: {doing} ({_line(e)})") from None

    def _migrate(self) -> None:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self.db.execute(MIGRATIONS_TABLE)
            done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                with self.db.transaction():  # a savepoint: each migration whole or not at all
                    self.db.execute(sql)
                    self.db.execute("INSERT INTO migrations (name) VALUES (%s)", (name,))

    def migrations(self) -> list[str]:
        cursor = self.db.execute("SELECT name FROM migrations ORDER BY name")
        return [row[0] for row in cursor]

    def has(self, content_hash: str) -> bool:
        return self.id_of(content_hash) is not None

    def id_of(self, content_hash: str) -> int | None:
        with self._errors("could not look a call up"):
            found = self.db.execute(
                "SELECT id FROM calls WHERE content_hash = %s", (content_hash,)
            ).fetchone()
        return None if found is None else int(found[0])

    def put(self, content_hash: str, path: str, document: dict[str, Any], text: str) -> int:
        """Store one analysed call in one transaction (replacing one of the same hash)."""
        with self._errors(f"could not store {path}"), self.db.transaction():
            self._lock(content_hash)
            self.db.execute("DELETE FROM calls WHERE content_hash = %s", (content_hash,))
            return _insert(self.db, content_hash, path, document, text)

    def delete(self, content_hash: str) -> None:
        with self._errors("could not delete a call"), self.db.transaction():
            self._lock(content_hash)
            self.db.execute("DELETE FROM calls WHERE content_hash = %s", (content_hash,))

    def _lock(self, content_hash: str) -> None:
        self.db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (content_hash,))

    def get(self, call_id: int) -> tuple[dict[str, Any], str]:
        with self._errors("could not read a call"):
            row = self.db.execute(
                "SELECT document, text FROM calls WHERE id = %s", (call_id,)
            ).fetchone()
        if row is None:
            raise NotFound(f"no call with id {call_id} in {self.url}")
        return decode_document(bytes(row[0])), str(row[1])

    def calls(self, filters: SearchFilters) -> list[dict[str, Any]]:
        where, params = _where(filters, _CALL_FILTERS)
        sql = f"{CALL_LISTING} WHERE 1 = 1{where} ORDER BY {_CALL_ORDER}"
        with self._errors("could not list calls"):
            return self._dicts(sql, params)

    def search(
        self,
        terms: Sequence[Sequence[str]],
        filters: SearchFilters,
        limit: int,
        *,
        any_term: bool = False,
    ) -> list[dict[str, Any]]:
        """Turns holding every term (or any), best ts_rank_cd first, with snippets.

        Ranked in the inner query, so ts_headline (costly) runs on the ``limit`` best rows
        only. Rank is negated so that, as with SQLite's bm25, a lower score is better.
        """
        words = [term for term in terms if any(word.strip("\x00") for word in term)]
        if not words:
            return []
        query, words_ = _tsquery(words, any_term)
        call_where, params = _where(filters, _CALL_FILTERS)
        turn_where, more = _where(filters, _TURN_FILTERS)
        params.update(words_, **more, limit=max(int(limit), 0), options=_HEADLINE)
        # The query is written out where it is used (not a CTE) so the planner sees a
        # constant tsquery and can use the GIN index.
        sql = (
            "WITH top AS ("
            f"SELECT t.id, -ts_rank_cd(t.fts, {query}, 1) AS score FROM turns t "
            f"JOIN calls c ON c.id = t.call_id WHERE t.fts @@ ({query}){call_where}{turn_where} "
            "ORDER BY score, t.id LIMIT %(limit)s) "
            "SELECT c.id AS call_id, c.source, c.company, c.ticker, c.fiscal_period, "
            "c.call_date, t.idx AS turn, t.speaker, t.role, t.section, "
            f"ts_headline('{FTS_CONFIG}', t.text, {query}, %(options)s) AS snippet, "
            "top.score, t.text FROM top JOIN turns t ON t.id = top.id "
            "JOIN calls c ON c.id = t.call_id ORDER BY top.score, top.id"
        )
        with self._errors("search failed"):
            rows = self._dicts(sql, params)
        for row in rows:
            row["snippet"] = _snippet(row["snippet"], row.pop("text"))
            row["score"] = float(row["score"])
        return rows

    def turns_without_vectors(self, model: str, limit: int) -> list[tuple[int, str]]:
        with self._errors("could not list turns to embed"):
            cursor = self.db.execute(
                "SELECT t.id, t.text FROM turns t LEFT JOIN turn_vectors v ON v.turn_id = t.id "
                "AND v.model = %s WHERE v.turn_id IS NULL ORDER BY t.id LIMIT %s",
                (model, limit),
            )
            return [(int(r[0]), str(r[1])) for r in cursor]

    def put_vectors(self, model: str, rows: list[tuple[int, bytes]]) -> None:
        with self._errors("could not store vectors"), self.db.transaction():
            self.db.cursor().executemany(
                "INSERT INTO turn_vectors (turn_id, model, vector) VALUES (%s, %s, %s) "
                "ON CONFLICT (turn_id) DO UPDATE SET model = excluded.model, "
                "vector = excluded.vector",
                [(turn_id, model, vector) for turn_id, vector in rows],
            )

    def vector_search(
        self, vector: bytes, model: str, filters: SearchFilters, limit: int
    ) -> list[dict[str, Any]]:
        """Turns nearest to ``vector`` by cosine distance, ranked with numpy as the SQLite
        backend does without sqlite-vec (pgvector is not assumed on the server)."""
        import numpy as np

        call_where, params = _where(filters, _CALL_FILTERS)
        turn_where, more = _where(filters, _TURN_FILTERS)
        params.update(more, model=model)
        sql = (
            "SELECT c.id AS call_id, c.source, c.company, c.ticker, c.fiscal_period, "
            "c.call_date, t.idx AS turn, t.speaker, t.role, t.section, "
            "substr(t.text, 1, 240) AS snippet, v.vector AS score "
            "FROM turn_vectors v JOIN turns t ON t.id = v.turn_id "
            "JOIN calls c ON c.id = t.call_id "
            f"WHERE v.model = %(model)s{call_where}{turn_where} ORDER BY t.id"
        )
        with self._errors("vector search failed"):
            rows = self._dicts(sql, params)
        if not rows:
            return []
        matrix = np.frombuffer(b"".join(bytes(r["score"]) for r in rows), dtype=np.float32)
        query = np.frombuffer(vector, dtype=np.float32)
        distances = 1.0 - matrix.reshape(len(rows), query.size) @ query  # unit vectors
        best = np.argsort(distances, kind="stable")[:limit]
        return [{**rows[i], "score": float(distances[i])} for i in best]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table not in table_names():
            raise StoreError(f"unknown table {table!r} (known: {', '.join(table_names())})")
        # The table name is checked against a fixed list above; values are never interpolated.
        with self._errors(f"could not read {table}"):
            cursor = self.db.execute(f"SELECT * FROM {table} LIMIT 0")
            names = [d.name for d in cursor.description or ()]
            keep = [n for n in names if n not in _ROW_OMIT.get(table, set())]
            columns = ", ".join(f'"{n}"' for n in keep)
            order = _ROW_ORDER.get(table, "call_id, idx")
            # A server-side cursor: an export streams rows instead of loading the table.
            name = f"rows_{table}_{next(_CURSORS)}"
            with self.db.transaction(), self.db.cursor(name=name) as rows:
                rows.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")
                for row in rows:
                    yield dict(zip(keep, row, strict=True))

    def stats(self) -> dict[str, int]:
        with self._errors("could not count rows"):
            return {
                t: int(next(iter(self.db.execute(f"SELECT count(*) FROM {t}")))[0])
                for t in table_names()
            }

    def close(self) -> None:
        self.db.close()

    def _dicts(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d.name for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _line(error: Exception) -> str:
    return next((s.strip() for s in str(error).splitlines() if s.strip()), type(error).__name__)


def _insert(db: psycopg.Connection[Any], content_hash: str, path: str, doc: dict[str, Any],
            text: str) -> int:  # fmt: skip
    sql = insert_sql("calls", CALL_COLUMNS, "%s") + " RETURNING id"
    row = db.execute(sql, call_row(content_hash, path, doc, text)).fetchone()
    assert row is not None  # INSERT ... RETURNING returns the row it inserted
    call_id = int(row[0])
    for table, columns, rows in child_rows(call_id, doc):
        if rows:
            db.cursor().executemany(insert_sql(table, columns, "%s"), rows)
    return call_id
