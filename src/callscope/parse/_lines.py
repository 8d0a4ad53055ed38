"""A text as lines that keep their character offsets, shared by the text layouts.

Layouts find headings line by line but report spans as offsets into the whole text, so each
line carries where it starts and ends. Hand-written rather than ``str.splitlines`` alone
because that drops the offsets, and because the layouts split in two ways that must stay
apart (see :func:`lines`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Line", "lines"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text.

    ``raw`` is the line as printed, without its line break (with ``universal=False`` a
    ``"\\r"`` before the ``"\\n"`` stays in it); ``text`` is ``raw`` stripped of white space
    at both ends. ``start`` and ``end`` are the offsets of ``raw`` in the whole text.
    """

    number: int  # 1-based, as in error messages
    start: int
    raw: str
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.raw.strip())

    @property
    def end(self) -> int:
        """Offset just past ``raw``: where the line break is, or the end of the text."""
        return self.start + len(self.raw)

    @property
    def index(self) -> int:
        """0-based position among all the lines of the text."""
        return self.number - 1

    def trimmed(self) -> Line:
        """The same line narrowed to its stripped ``text`` (``start``/``end`` move with it)."""
        lead = len(self.raw) - len(self.raw.lstrip())
        return Line(self.number, self.start + lead, self.text)


def lines(text: str, *, universal: bool = False, limit: int | None = None) -> list[Line]:
    """``text`` cut into lines (only the first ``limit`` of them when given).

    By default it is cut at ``"\\n"`` only, as ``str.split("\\n")`` does: a text ending in a
    newline has an empty last line after it, and an empty text is one empty line.

    With ``universal=True`` it is cut as ``str.splitlines`` does: at every line boundary
    Python knows (also ``"\\r"``, ``"\\r\\n"``, form feeds, ``"\\x85"``, ``"\\u2028"``...), with
    no line after the last break; trailing ``"\\r"``/``"\\n"`` are kept out of ``raw``, other
    boundary characters (a form feed) stay in it.
    """
    out = []
    pos = 0
    if universal:
        for number, piece in enumerate(text.splitlines(keepends=True), start=1):
            if limit is not None and number > limit:
                break
            out.append(Line(number, pos, piece.rstrip("\r\n")))
            pos += len(piece)
        return out
    # With a limit, the text is cut only that far (the rest stays one piece, left out).
    pieces = text.split("\n") if limit is None else text.split("\n", limit)[:limit]
    for number, piece in enumerate(pieces, start=1):
        out.append(Line(number, pos, piece))
        pos += len(piece) + 1
    return out
