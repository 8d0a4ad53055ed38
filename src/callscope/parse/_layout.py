"""The one extension point for publishers' layouts."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from callscope.model.call import Call
from callscope.parse._read import Document

__all__ = ["Layout"]


@runtime_checkable
class Layout(Protocol):
    """A publisher's transcript layout.

    ``sniff`` returns how sure the layout is that the document is one of its own, from 0.0
    (certainly not) to 1.0 (its unmistakable signature); it must be cheap and never raise.
    ``parse`` builds the call or raises :class:`~callscope.errors.ParseError`.
    """

    name: str

    def sniff(self, doc: Document) -> float: ...

    def parse(self, doc: Document) -> Call: ...
