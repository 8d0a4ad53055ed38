"""What every benchmark measures against: the reference call, the floor, median timing."""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "fixtures/capiq/tesla-2017-q2-capiq.txt"
# The floor: one compiled-regex pass that tokenizes the text.
TOKEN = re.compile(r"\w+|[^\w\s]")


def machine() -> str:
    """CPUs, load average and interpreter: what a timing depends on besides the code (the
    same code needed a fifth less CPU time on Debian's optimised CPython than on pyenv's)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    base = getattr(sys, "_base_executable", sys.executable)  # a venv's interpreter, resolved
    python = f"Python {sys.version.split()[0]} ({os.path.realpath(base)})"
    return f"{os.cpu_count()} CPUs, load average {load}, {python}"


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches and lazy imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
