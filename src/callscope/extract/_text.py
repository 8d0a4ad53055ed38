"""Helpers every extractor uses to walk a call's speech with source offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from callscope.model.call import Call, Turn
from callscope.model.source import SourceSpan

__all__ = ["quote", "turn_slices"]

_WS = re.compile(r"\s+")


def turn_slices(call: Call) -> Iterator[tuple[Turn, str, int]]:
    """Each turn with its raw speech text and the offset of that text in ``call.text``.

    Offsets found in the slice plus the returned offset are offsets into ``call.text``.
    """
    for turn in call.turns:
        yield turn, call.text[turn.span.start : turn.span.end], turn.span.start


def quote(call: Call, span: SourceSpan) -> str:
    """The source text of a span with whitespace runs collapsed (the gold ``quote`` form)."""
    return _WS.sub(" ", call.text[span.start : span.end]).strip()
