"""Where a thing came from: character offsets into a call's source text."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceSpan"]


@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    """A half-open range ``[start, end)`` of character offsets into ``Call.text``.

    ``Call.text`` is the transcript as decoded (text layouts) or as rendered from the
    publisher's structure (JSON, HTML, PDF), with page furniture blanked out by spaces so
    that every offset still points at the same character of the original reading.
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start
