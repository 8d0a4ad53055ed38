"""What every benchmark measures against: the reference call, the floor, median timing."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "fixtures/capiq/tesla-2017-q2-capiq.txt"
# The floor: one compiled-regex pass that tokenizes the text.
TOKEN = re.compile(r"\w+|[^\w\s]")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches and lazy imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
