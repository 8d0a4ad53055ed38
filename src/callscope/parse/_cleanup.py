"""Repairs of PDF-to-text artefacts shared by layouts. Every repair keeps the text's length.

Blanking instead of deleting keeps every character offset valid, so spans found in the
cleaned text point at the same characters of the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["blank", "blank_lines_matching"]


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` range replaced by spaces (newlines kept)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def blank_lines_matching(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every whole line that ``pattern`` fully matches blanked out."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if pattern.fullmatch(body):
            spans.append((pos, pos + len(body)))
        pos += len(line)
    return blank(text, spans)
