"""The one extension point for fact extractors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from callscope.model.call import Call
from callscope.model.facts import Commitment, Figure, NonAnswer, ToneScore

__all__ = ["Extractor", "Fact", "Found"]

Fact = Figure | Commitment | NonAnswer | ToneScore
# What earlier extractors produced, by the name in their ``produces``.
Found = Mapping[str, tuple[Fact, ...]]


@runtime_checkable
class Extractor(Protocol):
    """Finds one kind of fact in a call.

    ``requires`` names the outputs of other extractors it reads from ``found``; ``produces``
    names its own output. ``extract`` returns facts and never mutates the call.
    """

    name: str
    requires: tuple[str, ...]
    produces: str

    def extract(self, call: Call, found: Found) -> tuple[Fact, ...]: ...
