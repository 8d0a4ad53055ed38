"""The one extension point for publishers' layouts."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from callscope.model.call import Call
from callscope.parse._read import Document

__all__ = ["Layout", "max_score"]


@runtime_checkable
class Layout(Protocol):
    """A publisher's transcript layout.

    ``sniff`` returns how sure the layout is that the document is one of its own, from 0.0
    (certainly not) to 1.0 (its unmistakable signature); it must be cheap and never raise.
    ``parse`` builds the call or raises :class:`~callscope.errors.ParseError`.

    A layout may also set ``max_score``, the highest score its ``sniff`` can ever return
    (read with :func:`max_score`; 1.0 when absent). Detection skips a layout whose
    ``max_score`` cannot beat the best score already found, so a costly sniff (the plain
    fallback's full-text scan) runs only when it could change the outcome. It is optional,
    not a protocol member, so a layout written before it still registers.
    """

    name: str

    def sniff(self, doc: Document) -> float: ...

    def parse(self, doc: Document) -> Call: ...


def max_score(layout: Layout) -> float:
    """The highest score ``layout.sniff`` can return, as it declares (1.0 when it does not)."""
    declared = getattr(layout, "max_score", 1.0)
    return float(declared) if isinstance(declared, int | float) else 1.0
