"""The Python API over a store of many calls: ``Corpus``.

Each ingest stores one call in one transaction, keyed by the sha256 of the file's bytes,
so re-ingesting changes nothing and a killed ingest never leaves half a call behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from callscope.errors import CallscopeError, InputError, NotFound
from callscope.model.call import Company
from callscope.model.codec import call_from_dict, facts_from_dict
from callscope.parse import DEFAULT_MAX_BYTES
from callscope.pipeline import AnalyzedCall, analyze_file, warm_up
from callscope.search import semantic as semantic_search
from callscope.search.fulltext import terms
from callscope.store import DEFAULT_DB, open_store
from callscope.track.actuals import Actual, read_actuals
from callscope.track.compare import CallKey, Comparison, latest_earlier
from callscope.track.compare import compare as compare_calls
from callscope.track.tracker import LedgerCall, TrackedCommitment, Verdict
from callscope.track.tracker import track as track_commitments

__all__ = ["Corpus", "IngestReport", "expand_paths"]

SUFFIXES = (".txt", ".json", ".pdf", ".html", ".htm")
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and transcript files found recursively in folders, in name order."""
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )  # fmt: skip
        else:
            out.append(path)
    return out


def _hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None


# Runs in worker processes: returns plain data so results pickle cheaply.
def _analyze(path: str, max_bytes: int) -> tuple[str, dict[str, Any] | None, str]:
    try:
        analyzed = analyze_file(path, max_bytes=max_bytes)
    except CallscopeError as e:
        return path, None, str(e)
    except Exception as e:  # a bug must not sink a batch: the file is listed as skipped
        return path, None, f"{path}: internal error ({type(e).__name__}: {e}); please report it"
    return path, analyzed.to_dict(), analyzed.call.text


def _highlight(hit: dict[str, Any]) -> dict[str, Any]:
    """Replace the store's snippet markers (STX/ETX) by ``highlights`` offsets."""
    plain: list[str] = []
    spans: list[list[int]] = []
    length = 0
    for part in hit["snippet"].split("\x02"):
        marked, _, rest = part.rpartition("\x03") if "\x03" in part else ("", "", part)
        if marked:
            spans.append([length, length + len(marked)])
            plain.append(marked)
            length += len(marked)
        plain.append(rest)
        length += len(rest)
    return {**hit, "snippet": "".join(plain), "highlights": spans}


def _fuse(
    first: list[dict[str, Any]], second: list[dict[str, Any]], limit: int, k: int = 60
) -> list[dict[str, Any]]:
    """Reciprocal-rank fusion of two rankings of turns (Cormack et al., 2009)."""
    scores: dict[tuple[int, int], float] = {}
    best: dict[tuple[int, int], dict[str, Any]] = {}
    for ranking in (first, second):
        for rank, hit in enumerate(ranking):
            key = (hit["call_id"], hit["turn"])
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank + 1)
            best.setdefault(key, hit)
    order = sorted(scores, key=lambda key: -scores[key])[:limit]
    return [{**best[key], "score": round(scores[key], 6)} for key in order]


def _verdict(status: str | None) -> Verdict | None:
    if status is None:
        return None
    known = {v.value: v for v in Verdict}
    found = known.get(" ".join(status.lower().replace("-", " ").replace("_", " ").split()))
    if found is None:
        raise CallscopeError(f"unknown commitment status {status!r}; one of: {', '.join(known)}")
    return found


class Corpus:
    """Many calls in a database: ingest, get, list, search."""

    def __init__(self, db_url: str | Path = DEFAULT_DB) -> None:
        self.store = open_store(db_url)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        workers: int = 1,
        replace: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_progress: Progress | None = None,
    ) -> IngestReport:
        """Parse, analyse and store files; folders are searched recursively."""
        report = IngestReport()
        todo: dict[str, str] = {}  # path -> content hash
        for path in expand_paths(paths):
            try:
                digest = _hash(path)
            except InputError as e:
                report.failed.append((str(path), str(e)))
                continue
            if not replace and (self.store.has(digest) or digest in todo.values()):
                report.unchanged.append(str(path))
            else:
                todo[str(path)] = digest
        total = len(todo)
        results = self._analyzed(todo, workers, max_bytes)
        for done, (name, doc, text) in enumerate(results, 1):
            if doc is None:
                report.failed.append((name, text))
            else:
                self.store.put(todo[name], name, doc, text)
                report.added.append(name)
            if on_progress is not None:
                on_progress(done, total, name)
        return report

    @staticmethod
    def _analyzed(
        todo: dict[str, str], workers: int, max_bytes: int
    ) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
        if workers <= 1 or len(todo) <= 1:
            for path in todo:
                yield _analyze(path, max_bytes)
            return
        warm_up()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_analyze, todo, [max_bytes] * len(todo), chunksize=4)

    def call_id(self, content_hash: str) -> int | None:
        """The id of the stored call with this sha256 of its file's bytes, or None."""
        return self.store.id_of(content_hash)

    def resolve(self, ref: str | int) -> int:
        """A stored call's id from what a reader has at hand: the id itself, the transcript
        file (found by its bytes, wherever it now lies), or the file name it was stored from.
        Raises :class:`NotFound` (or, for a name several calls share, a ``CallscopeError``)
        with a one-line reason."""
        text = str(ref).strip()
        if text.isdigit():
            return int(text)
        path = Path(text)
        if path.is_file():
            found = self.store.id_of(_hash(path))
            if found is None:
                raise NotFound(f"{text}: this transcript is not stored; `callscope ingest` it")
            return found
        named = [r["id"] for r in self.store.calls({})
                 if r["source"] == text or Path(r["source"]).name == path.name]  # fmt: skip
        if len(named) == 1:
            return int(named[0])
        if named:
            ids = ", ".join(map(str, named))
            raise CallscopeError(f"{text}: {len(named)} stored calls have this name (ids {ids})")
        raise NotFound(
            f"no stored call is {text!r}: give an id from `callscope calls`, a transcript file "
            "or the name of one stored"
        )

    def get(self, call_id: int) -> AnalyzedCall:
        doc, text = self.store.get(call_id)
        facts = facts_from_dict(doc)
        return AnalyzedCall(call_from_dict(doc, text), facts, tone_available="tone" in facts)

    def calls(self, **filters: Any) -> list[dict[str, Any]]:
        return self.store.calls(filters)

    def search(
        self, query: str, *, limit: int = 20, semantic: bool = False, **filters: Any
    ) -> list[dict[str, Any]]:
        """Turns ranked by BM25, every word required; if none match, any word.

        ``semantic=True`` (needs the extra) ranks by meaning too: the full-text and the
        nearest-vector rankings are fused by reciprocal rank.
        """
        hits: list[dict[str, Any]] = []
        wanted = terms(query)
        for any_term in (False, True)[: 2 if len(wanted) > 1 else 1]:
            found = self.store.search(wanted, filters, limit, any_term=any_term)
            hits = [_highlight(hit) for hit in found]
            if hits:
                break
        if not semantic:
            return hits
        if not semantic_search.available():
            raise CallscopeError(semantic_search.INSTALL_HINT)
        if not query.strip():
            return []
        [vector] = semantic_search.embed([query])
        near = self.store.vector_search(vector, semantic_search.MODEL_NAME, filters, limit)
        return _fuse(hits, [{**hit, "highlights": []} for hit in near], limit)

    def embed(self, *, batch: int = 256, on_progress: Progress | None = None) -> int:
        """Embed every stored turn that has no vector yet; returns how many were embedded."""
        if not semantic_search.available():
            raise CallscopeError(semantic_search.INSTALL_HINT)
        done = 0
        while todo := self.store.turns_without_vectors(semantic_search.MODEL_NAME, batch):
            vectors = semantic_search.embed([text for _, text in todo])
            rows = [(turn_id, vector) for (turn_id, _), vector in zip(todo, vectors, strict=True)]
            self.store.put_vectors(semantic_search.MODEL_NAME, rows)
            done += len(todo)
            if on_progress is not None:
                on_progress(done, done, "")
        return done

    def previous(self, call_id: int) -> int | None:
        """The id of the same company's latest stored call held before this one, or None."""
        keys = [
            CallKey(r["id"], Company(r["company"], r["ticker"]),
                    dt.date.fromisoformat(r["call_date"]) if r["call_date"] else None,
                    r["fiscal_year"], r["fiscal_quarter"])
            for r in self.store.calls({})
        ]  # fmt: skip
        current = next((k for k in keys if k.id == call_id), None)
        if current is None:
            self.store.get(call_id)  # raises NotFound naming the call and the database
            return None
        found = latest_earlier(current, keys)
        return None if found is None else found.id

    def compare(self, call_id: int) -> Comparison:
        """How a stored call differs from the same company's previous stored call."""
        earlier = self.previous(call_id)
        current = self.get(call_id)
        if earlier is None:
            meta = current.call.metadata
            what = " ".join(
                x for x in (meta.company.name or meta.company.ticker,
                            meta.fiscal_period.label if meta.fiscal_period else None) if x
            )  # fmt: skip
            raise NotFound(
                f"call {call_id} ({what or 'unknown company'}, {current.call.source}): no earlier "
                "call of the same company is stored; ingest one to compare with"
            )
        return compare_calls(current, self.get(earlier))

    def commitments(
        self,
        *,
        company: str | None = None,
        status: str | None = None,
        actuals: str | Path | Sequence[Actual] | None = None,
    ) -> list[TrackedCommitment]:
        """The commitment ledger: every stored commitment with its verdict and evidence.

        ``company``: a ticker or part of a name (as for ``calls``); ``status``: one verdict
        ("met", "met late", "partly met", "missed", "revised", "withdrawn", "pending",
        "unclear"); ``actuals``: a CSV file (format in :mod:`callscope.track.actuals`) or rows.
        """
        wanted = _verdict(status)
        rows = actuals if not isinstance(actuals, str | Path) else read_actuals(actuals)
        hashes = {r["id"]: r["content_hash"] for r in self.store.rows("calls")}
        calls = self.store.calls({"company": company} if company else {})
        ledger = [LedgerCall(r["id"], hashes[r["id"]], self.get(r["id"])) for r in calls]
        tracked = track_commitments(ledger, tuple(rows or ()))
        return [t for t in tracked if wanted is None or t.status is wanted]

    def track(
        self, commitment_id: str, *, actuals: str | Path | Sequence[Actual] | None = None
    ) -> TrackedCommitment:
        """One stored commitment, by its id, with its verdict and evidence."""
        found = (t for t in self.commitments(actuals=actuals) if t.id == commitment_id)
        tracked = next(found, None)
        if tracked is None:
            raise NotFound(
                f"no commitment with id {commitment_id!r} is stored; "
                "`callscope commitments` lists them with their ids"
            )
        return tracked

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        return self.store.rows(table)

    def stats(self) -> dict[str, int]:
        return self.store.stats()
