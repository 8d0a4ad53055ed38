"""The rows of one analysed call, table by table, the same for every backend.

Each backend writes them with its own placeholders (``?`` or ``%s``) and its own way of
getting the new call's id; what goes into which column is decided here, once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from callscope.store._document import encode_document

__all__ = ["CALL_COLUMNS", "CALL_LISTING", "call_row", "child_rows", "insert_sql"]

Row = tuple[Any, ...]

CALL_COLUMNS = (
    "content_hash", "source", "path", "layout", "publisher", "company", "ticker", "exchange",
    "fiscal_period", "fiscal_year", "fiscal_quarter", "call_date", "call_datetime", "text",
    "document",
)  # fmt: skip

# What ``Store.calls`` lists of each call (``c``), with its counts; the order is the backend's.
CALL_LISTING = (
    "SELECT c.id, c.source, c.publisher, c.company, c.ticker, c.fiscal_period, "
    "c.fiscal_year, c.fiscal_quarter, c.call_date, c.call_datetime, c.layout, "
    "(SELECT count(*) FROM turns t WHERE t.call_id = c.id) AS turns, "
    "(SELECT count(*) FROM exchanges x WHERE x.call_id = c.id) AS exchanges, "
    "(SELECT count(*) FROM commitments m WHERE m.call_id = c.id) AS commitments "
    "FROM calls c"
)


def insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    """``INSERT INTO table (columns) VALUES (mark, ...)``; "end" is quoted, a keyword."""
    names = ", ".join(f'"{c}"' if c == "end" else c for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join([mark] * len(columns))})"


def call_row(content_hash: str, path: str, doc: dict[str, Any], text: str) -> Row:
    """The ``calls`` row, in ``CALL_COLUMNS`` order."""
    meta = doc["metadata"]
    return (content_hash, doc["source"], path, doc.get("layout", ""), meta["publisher"],
            meta["company"], meta["ticker"], meta["exchange"], meta["fiscal_period"],
            meta.get("fiscal_year"), meta.get("fiscal_quarter"),
            (meta["call_datetime"] or "")[:10] or None, meta["call_datetime"], text,
            encode_document(doc))  # fmt: skip


def _indexed(items: list[dict[str, Any]], row: Callable[[dict[str, Any]], Row]) -> list[Row]:
    return [(i, *row(item)) for i, item in enumerate(items)]


# Each child table: its columns after ``call_id``, and the rows of a call's document.
_CHILDREN: tuple[tuple[str, tuple[str, ...], Callable[[dict[str, Any]], list[Row]]], ...] = (
    ("participants", ("idx", "name", "role", "title", "firm"),
     lambda doc: _indexed(doc["participants"],
                          lambda p: (p["name"], p["role"], p["title"], p["firm"]))),
    ("turns", ("idx", "speaker", "role", "section", "text", "start", "end"),
     lambda doc: [(t["index"], t["speaker"], t["role"], t["section"], t["text"], t["start"],
                   t["end"]) for t in doc["turns"]]),
    ("exchanges", ("idx", "analyst", "firm", "first_question_turn", "answerers", "followups"),
     lambda doc: [(x["index"], x["analyst"], x["firm"],
                   x["question_turns"][0] if x["question_turns"] else None,
                   json.dumps(x["answerers"]), x["followups"]) for x in doc["exchanges"]]),
    ("figures", ("idx", "turn", "speaker", "value", "high", "unit", "per", "kind", "scale",
                 "qualifier", "quote", "start", "end", "metric"),
     lambda doc: _indexed(doc["figures"], lambda f: (
         f["turn"], f["speaker"], f["value"], f["high"], f["unit"], f["per"], f["kind"],
         f["scale"], f["qualifier"], f["quote"], f["start"], f["end"], f.get("metric")))),
    ("commitments", ("idx", "turn", "speaker", "metric", "target", "high", "unit", "per",
                     "deadline", "confidence", "cue", "topic", "grp", "quote", "start", "end"),
     lambda doc: _indexed(doc["commitments"], lambda c: (
         c["turn"], c["speaker"], c["metric"], c["target"], c["high"], c["unit"], c["per"],
         c["deadline"], c["confidence"], c["cue"], c["topic"], c["group"], c["quote"],
         c["start"], c["end"]))),
    ("non_answers", ("idx", "turn", "exchange", "speaker", "kind", "cue", "quote", "start",
                     "end"),
     lambda doc: _indexed(doc["non_answers"], lambda n: (
         n["turn"], n["exchange"], n["speaker"], n["kind"], n["cue"], n["quote"], n["start"],
         n["end"]))),
    ("tone", ("scope", "key", "words", "positive", "negative", "uncertainty", "litigious",
              "constraining", "strong_modal", "weak_modal", "hedging"),
     lambda doc: [(s["scope"], s["key"], s["words"], s["positive"], s["negative"],
                   s["uncertainty"], s["litigious"], s["constraining"], s["strong_modal"],
                   s["weak_modal"], s["hedging"]) for s in doc["tone"] or []]),
)  # fmt: skip


def child_rows(call_id: int, doc: dict[str, Any]) -> list[tuple[str, tuple[str, ...], list[Row]]]:
    """Each child table, its columns (``call_id`` first) and the call's rows for it, in the
    order they are written: turns before anything that points at a turn."""
    return [
        (table, ("call_id", *columns), [(call_id, *row) for row in rows(doc)])
        for table, columns, rows in _CHILDREN
    ]
