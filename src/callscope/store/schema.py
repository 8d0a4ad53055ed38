"""The database schema as named, ordered migrations, recorded in the ``migrations`` table.

Tables are plain and documented so the database opens usefully in any SQLite tool: one row
per call, participant, turn, exchange, figure, commitment, non-answer and tone score, each
keyed by ``call_id`` and the item's index within its call. ``turns_fts`` is an FTS5 index over
turn text (external content: the text lives once, in ``turns``).
"""

from __future__ import annotations

__all__ = ["MIGRATIONS"]

_INITIAL = """
CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the file's bytes: ingest is idempotent
    source TEXT NOT NULL,                -- file name
    path TEXT,                           -- path as given at ingest
    layout TEXT NOT NULL,
    publisher TEXT,
    company TEXT,
    ticker TEXT,
    exchange TEXT,
    fiscal_period TEXT,
    fiscal_year INTEGER,
    fiscal_quarter INTEGER,
    call_date TEXT,                      -- ISO date
    call_datetime TEXT,                  -- ISO date-time in UTC, or the date alone
    text TEXT NOT NULL,                  -- the source text that offsets index
    document BLOB NOT NULL,              -- the call's public JSON (model/codec.py), zlib
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX calls_company ON calls (ticker, company, call_date);

CREATE TABLE participants (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    title TEXT,
    firm TEXT,
    PRIMARY KEY (call_id, idx)
);

CREATE TABLE turns (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    role TEXT NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    UNIQUE (call_id, idx)
);

CREATE VIRTUAL TABLE turns_fts USING fts5 (
    text, content='turns', content_rowid='id', tokenize='porter unicode61'
);

CREATE TABLE exchanges (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    analyst TEXT NOT NULL,
    firm TEXT,
    first_question_turn INTEGER,
    answerers TEXT NOT NULL,             -- JSON list of names
    followups INTEGER NOT NULL,
    PRIMARY KEY (call_id, idx)
);

CREATE TABLE figures (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    turn INTEGER,
    speaker TEXT,
    value REAL NOT NULL,
    high REAL,
    unit TEXT,                           -- null for a unitless figure (a ratio)
    per TEXT,
    kind TEXT NOT NULL,
    scale TEXT,
    qualifier TEXT,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (call_id, idx)
);

CREATE TABLE commitments (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    turn INTEGER,
    speaker TEXT,
    metric TEXT NOT NULL,
    target REAL,
    high REAL,
    unit TEXT,
    per TEXT,
    deadline TEXT,
    confidence TEXT NOT NULL,
    cue TEXT,
    topic TEXT,
    grp INTEGER,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (call_id, idx)
);

CREATE TABLE non_answers (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    turn INTEGER,
    exchange INTEGER,
    speaker TEXT,
    kind TEXT NOT NULL,
    cue TEXT,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (call_id, idx)
);

CREATE TABLE tone (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    words INTEGER NOT NULL,
    positive REAL, negative REAL, uncertainty REAL, litigious REAL,
    constraining REAL, strong_modal REAL, weak_modal REAL, hedging REAL,
    PRIMARY KEY (call_id, scope, key)
);
"""

_VECTORS = """
CREATE TABLE turn_vectors (
    turn_id INTEGER PRIMARY KEY REFERENCES turns (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL                 -- float32, unit length (semantic search extra)
);
"""

# What a figure measures ("revenue", "robot rate"), named as commitments' metrics; null where
# its sentence names nothing known, and for calls stored before this migration.
_FIGURE_METRIC = """
ALTER TABLE figures ADD COLUMN metric TEXT
"""

# (name, SQL). Append only: a released migration is never edited or reordered.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", _INITIAL),
    ("0002_turn_vectors", _VECTORS),
    ("0003_figure_metric", _FIGURE_METRIC),
)
