"""Ingest throughput, memory, database size and search latency on a synthetic corpus.

Builds N deterministic variants of the shared fixtures (bench/_synth.py), ingests them with
one worker and with two, each into a fresh SQLite database in a process of its own (so peak
memory is that run's), then times mixed searches on the two-worker database.
Targets: >= 50 calls/s on 2 cores, peak RSS < 500 MB, search p95 <= 30 ms.
Usage: python bench/ingest.py [--calls N] [--single-calls N] [--queries N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _synth import FIXTURES, find_seeds, write_corpus
from _timing import machine

from callscope import Corpus
from callscope.errors import CallscopeError

MB = 1024 * 1024
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
HOSTILE = (
    '"', '""', '"unterminated phrase', "'; DROP TABLE calls; --", 'revenue" OR 1=1 --',
    "NEAR(margin guidance, 5)", "*", "rev*", "a AND OR NOT b", "((((margin", "text:revenue",
    "^start -minus +plus", "\x00null", "\U0001f4b0 revenue", "   ", "%_ LIKE \\ wildcard",
    "SELECT * FROM turns WHERE 1=1", "margin\nguidance\ttabbed", "x" * 2000,
    " ".join(["growth"] * 200),
)  # fmt: skip


# --- one measured ingest (runs in a child process) ----------------------------------------


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its direct children, read from /proc (Linux)."""
    pids = [root]
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == root:  # field 4: the parent's pid
                pids.append(int(entry.name))
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(found.group(1)) * 1024 if found else 0
    return total


class _Sampler(threading.Thread):
    """The highest tree RSS seen, sampled every ``interval`` seconds."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval, self.peak, self.done = interval, 0, threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/status").exists():
            return
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self.done.wait(self.interval)


def measure(db: str, workers: int, listing: str) -> None:
    paths = Path(listing).read_text(encoding="utf-8").splitlines()
    sampler = _Sampler()
    sampler.start()
    start = time.perf_counter()
    with Corpus(db) as corpus:
        report = corpus.ingest(paths, workers=workers)
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": seconds,
        "cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
        "added": len(report.added),
        "unchanged": len(report.unchanged),
        "failed": report.failed[:3],
        "failed_count": len(report.failed),
        "self_kb": own.ru_maxrss,
        "children_kb": kids.ru_maxrss,
        "sampled": sampler.peak,
    }))  # fmt: skip


def run_ingest(db: Path, workers: int, paths: list[Path], work: Path) -> dict[str, Any]:
    listing = work / f"list-{workers}.txt"
    listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
    child = [sys.executable, __file__, "--measure", str(db), str(workers), str(listing)]
    out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


# --- search -------------------------------------------------------------------------------


Query = tuple[str, str, dict[str, Any]]  # kind, text, filters


def _queries(count: int, paths: list[Path], corpus: Corpus) -> list[Query]:
    """``count`` (kind, query, filters) drawn from the text of ``paths``.

    Single words are content words (any but the 100 most frequent, drawn uniformly) or, as
    their own kind, the 100 most frequent; phrases are adjacent words of one sentence.
    """
    rng = random.Random(2024)
    sentences: list[list[str]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences.extend(s.split() for s in re.split(r"[.?!\n]", text) if len(s) > 40)
    counts = Counter(w.lower() for s in sentences for w in s if _WORD.fullmatch(w))
    ranked = [w for w, _ in counts.most_common()]
    common, words = ranked[:100], ranked[100:]  # function words vs content words
    calls = corpus.calls()
    companies = [c["ticker"] or c["company"] for c in calls if c["ticker"] or c["company"]]

    def pair(size: int) -> str:
        while True:
            sentence = rng.choice(sentences)
            at = rng.randrange(len(sentence))
            chunk = sentence[at : at + size]
            if len(chunk) == size and all(_WORD.fullmatch(w) for w in chunk):
                return " ".join(chunk)

    def filters() -> dict[str, Any]:
        options: list[dict[str, Any]] = [
            {"company": rng.choice(companies)},
            {"role": rng.choice(["executive", "analyst", "operator"])},
            {"section": rng.choice(["presentation", "qa"])},
            {"company": rng.choice(companies), "section": "qa", "role": "executive"},
            {"since": "2015-01-01", "until": "2026-12-31", "role": "analyst"},
        ]
        return rng.choice(options)

    mix = {"word": 0.20, "common word": 0.05, "two words": 0.175, "quoted": 0.15,
           "filtered": 0.25, "hostile": 0.10, "no hit": 0.075}  # fmt: skip
    out: list[Query] = []
    for kind, share in mix.items():
        for i in range(round(count * share)):
            if kind == "word":
                out.append((kind, rng.choice(words), {}))
            elif kind == "common word":
                out.append((kind, rng.choice(common), {}))
            elif kind == "two words":
                out.append((kind, pair(2), {}))
            elif kind == "quoted":
                out.append((kind, f'"{pair(rng.choice((2, 3)))}"', {}))
            elif kind == "filtered":
                out.append((kind, rng.choice((rng.choice(words), pair(2))), filters()))
            elif kind == "hostile":
                out.append((kind, HOSTILE[i % len(HOSTILE)], {}))
            else:
                out.append((kind, f"zqx{rng.randrange(10**6)}vv", {}))
    while len(out) < count:
        out.append(("word", rng.choice(words), {}))
    rng.shuffle(out)
    return out[:count]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def search_latency(db: Path, sample: list[Path], count: int) -> None:
    with Corpus(db) as corpus:
        queries = _queries(count, sample, corpus)
        corpus.search("revenue")  # warm the page cache and the statement cache
        times: dict[str, list[float]] = {}
        errors: list[str] = []
        empty = 0
        for kind, query, filters in queries:
            start = time.perf_counter()
            try:
                hits = corpus.search(query, **filters)
            except CallscopeError as e:
                hits = []
                errors.append(f"{query[:40]!r}: {e}")
            times.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
            empty += not hits
    every = [t for ts in times.values() for t in ts]
    print(f"search ({len(every)} queries)  p50 {_pct(every, 0.5):6.2f} ms   "
          f"p95 {_pct(every, 0.95):6.2f} ms   max {max(every):6.1f} ms   "
          "(target p95 <= 30 ms)")  # fmt: skip
    for kind, ts in times.items():
        print(f"  {kind:<12} n={len(ts):<4} p50 {_pct(ts, 0.5):6.2f} ms   "
              f"p95 {_pct(ts, 0.95):6.2f} ms   max {max(ts):6.1f} ms")  # fmt: skip
    print(f"  no hits: {empty}   errors: {len(errors)}")
    for line in errors[:5]:
        print(f"    {line}")


# --- the run ------------------------------------------------------------------------------


def _ingest_line(label: str, result: dict[str, Any], target: str = "") -> None:
    stored = result["added"]
    rate = stored / result["seconds"] if result["seconds"] else 0.0
    cpu = result["cpu"] * 1000 / max(1, stored)
    print(f"{label:<20}{stored:6,} calls in {result['seconds']:6.1f} s = {rate:6.1f} calls/s, "
          f"{cpu:5.0f} ms CPU a call{target}")  # fmt: skip
    if result["failed_count"] or result["unchanged"]:
        print(f"{'':<20}failed {result['failed_count']}, unchanged {result['unchanged']}")
        for path, reason in result["failed"]:
            print(f"{'':<22}{Path(path).name}: {reason[:90]}")


def _rss_line(result: dict[str, Any], workers: int) -> None:
    parent, child = result["self_kb"] / 1024, result["children_kb"] / 1024
    bound = parent + workers * child if workers > 1 else parent
    print(f"peak RSS, {workers} worker{'s' if workers > 1 else ' '}  parent {parent:5.0f} MB, "
          f"largest worker {child:5.0f} MB, bound {bound:5.0f} MB, "
          f"sampled tree {result['sampled'] / MB:5.0f} MB   (target < 500 MB)")  # fmt: skip


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def run(args: argparse.Namespace, work: Path) -> None:
    start = time.perf_counter()
    print(f"machine             {machine()} before the run")
    seeds = find_seeds()
    paths, duplicates = write_corpus(work / "calls", args.calls, seeds)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus              {len(paths):,} calls from {len(seeds)} fixtures, "
          f"{size / MB:.1f} MB, {duplicates} duplicate files "
          f"(built in {time.perf_counter() - start:.1f} s)")  # fmt: skip
    single = paths[: args.single_calls] if args.single_calls else paths
    one = run_ingest(work / "one.db", 1, single, work)
    _ingest_line("ingest, 1 worker", one)
    two = run_ingest(work / "two.db", 2, paths, work)
    _ingest_line("ingest, 2 workers", two, "   (target >= 50 calls/s on 2 cores)")
    _rss_line(one, 1)
    _rss_line(two, 2)
    db_size = _db_bytes(work / "two.db")
    print(
        f"database            {db_size / MB:.1f} MB for {two['added']:,} calls "
        f"({db_size / max(1, two['added']) / 1024:.0f} kB a call; text {size / MB:.1f} MB)"
    )
    search_latency(work / "two.db", paths[: len(seeds)], args.queries)


def main() -> None:
    # The parent re-runs this file as "--measure DB WORKERS LISTING" for each measured ingest.
    if len(sys.argv) == 5 and sys.argv[1] == "--measure":
        measure(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument(
        "--single-calls",
        type=int,
        default=200,
        help="calls the one-worker run ingests (default 200, 0 = all)",
    )
    parser.add_argument("--queries", type=int, default=200, help="searches timed (default 200)")
    parser.add_argument("--keep", type=Path, help="build the corpus and databases here, keep them")
    args = parser.parse_args()
    if not FIXTURES.is_dir():
        raise SystemExit(f"{FIXTURES}: not found (the shared fixtures are absent)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for db in args.keep.glob("*.db*"):  # each run ingests into a fresh database
            db.unlink()
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="callscope-bench-") as work:
            run(args, Path(work))


if __name__ == "__main__":
    main()
