"""Parse speed on the reference call against a floor: one regex pass that tokenizes it.

Prints the median of repeated runs of each and their ratio (target: parse <= 8x the floor).
Usage: python bench/parse.py [TRANSCRIPT] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from callscope.parse import parse_document, read_document

REFERENCE = Path(__file__).resolve().parents[2] / "shared/fixtures/capiq/tesla-2017-q2-capiq.txt"
TOKEN = re.compile(r"\w+|[^\w\s]")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches and lazy imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("transcript", nargs="?", type=Path, default=REFERENCE)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    if not args.transcript.exists():
        raise SystemExit(f"{args.transcript}: not found (the shared fixtures are absent)")
    doc = read_document(args.transcript)
    floor = median_seconds(lambda: TOKEN.findall(doc.text), args.repeat)
    parse = median_seconds(lambda: parse_document(doc), args.repeat)
    print(f"transcript          {args.transcript.name} ({len(doc.text):,} chars)")
    print(f"floor (regex pass)  {floor * 1000:8.2f} ms")
    print(f"parse (median)      {parse * 1000:8.2f} ms")
    print(f"ratio               {parse / floor:8.1f}x   (target <= 8x)")


if __name__ == "__main__":
    main()
