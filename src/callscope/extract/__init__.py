"""Fact extractors and their registry.

Built-in extractors are listed here the same way a caller would pass its own to
``Pipeline(extractors=...)``.
"""

from __future__ import annotations

from importlib import import_module

from callscope.extract._extractor import Extractor, Fact, Found

__all__ = ["Extractor", "Fact", "Found", "default_extractors"]

# (module, class) of each built-in extractor.
_BUILTINS = (
    ("figures", "FiguresExtractor"),
    ("commitments", "CommitmentsExtractor"),
    ("evasion", "NonAnswersExtractor"),
    ("tone", "ToneExtractor"),
)


def default_extractors() -> list[Extractor]:
    """A fresh instance of each built-in extractor. Their modules are imported here, on first
    use, so that importing ``callscope`` (every CLI start) does not compile their patterns."""
    return [
        getattr(import_module(f"callscope.extract.{module_name}"), class_name)()
        for module_name, class_name in _BUILTINS
    ]
