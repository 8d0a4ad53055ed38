"""Parse speed on the reference call against a floor: one regex pass that tokenizes it.

Prints the median of repeated runs of each and their ratio (target: parse <= 8x the floor).
Usage: python bench/parse.py [TRANSCRIPT] [--repeat N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _timing import REFERENCE, TOKEN, median_seconds

from callscope.parse import parse_document, read_document


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
