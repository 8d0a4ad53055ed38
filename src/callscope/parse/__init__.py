"""Reading transcripts: the layout registry, detection and ``parse_file``.

Built-in layouts register through :func:`register`, the same door a third-party layout uses.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from callscope.errors import CallscopeError, ParseError, UnknownLayout
from callscope.model.call import Call
from callscope.parse._layout import Layout, max_score
from callscope.parse._read import DEFAULT_MAX_BYTES, Document, document_from_text, read_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "Layout",
    "detect",
    "layouts",
    "parse_document",
    "parse_file",
    "parse_text",
    "read_document",
    "register",
]

# Below this best score no layout claims the document.
MIN_SCORE = 0.2
# At or above this score a layout has seen its publisher's signature: detection stops there.
CERTAIN = 0.95

_REGISTRY: dict[str, Layout] = {}

# Built-in layout modules; each exposes ``LAYOUT``. Listed, not discovered, so the order and
# the set are explicit.
_BUILTINS = (
    "capiq",
    "refinitiv",
    "streetevents",
    "seekingalpha",
    "motleyfool",
    "earningscall",
    "companypdf",
    "plain",
)
_loaded = False


def register(layout: Layout) -> None:
    """Add a layout to the registry (replacing one of the same name)."""
    if not isinstance(layout, Layout):
        raise TypeError(f"{layout!r} does not implement the Layout protocol")
    _REGISTRY[layout.name] = layout


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    for module_name in _BUILTINS:
        try:
            module = import_module(f"callscope.parse.{module_name}")
        except ModuleNotFoundError as e:
            if e.name != f"callscope.parse.{module_name}":
                raise
            continue  # not written yet
        register(module.LAYOUT)
    _loaded = True  # only once every built-in imported, so a failure is raised again


def layouts() -> dict[str, Layout]:
    _load_builtins()
    return dict(_REGISTRY)


def detect(doc: Document) -> tuple[Layout, float]:
    """The layout that scores the document highest, with its score.

    Layouts are asked in registration order (publishers first, the plain fallback last);
    a score of at least ``CERTAIN`` is a publisher's signature and ends the search. On a tie
    the layout asked first wins, so a layout whose declared ``max_score`` is no higher than
    the best score so far cannot win and is not asked: the fallback's full-text scan runs
    only when no publisher scored above what the fallback can reach.
    """
    registered = layouts()
    if not registered:
        raise UnknownLayout(doc.path, "no layouts are registered")
    best: Layout | None = None
    score = 0.0
    for layout in registered.values():
        if best is not None and max_score(layout) <= score:
            continue
        sniffed = layout.sniff(doc)
        if sniffed >= CERTAIN:
            return layout, sniffed
        if best is None or sniffed > score:
            best, score = layout, sniffed
    if best is None or score < MIN_SCORE:
        raise UnknownLayout(
            doc.path, "not an earnings-call transcript in any known layout (no speakers found)"
        )
    return best, score


def parse_document(doc: Document, *, layout: str | None = None) -> Call:
    if layout is not None:
        try:
            chosen = layouts()[layout]
        except KeyError:
            known = ", ".join(sorted(layouts()))
            raise UnknownLayout(doc.path, f"unknown layout {layout!r} (known: {known})") from None
    else:
        chosen, _ = detect(doc)
    try:
        return chosen.parse(doc)
    except CallscopeError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        # A layout bug on odd input must still reach the user as one line.
        raise ParseError(doc.path, f"{chosen.name} layout failed: {type(e).__name__}: {e}") from e


def parse_file(
    path: str | Path, *, layout: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Call:
    """Read and parse one transcript file into its call structure."""
    return parse_document(read_document(path, max_bytes=max_bytes), layout=layout)


def parse_text(text: str, *, source: str = "<text>", layout: str | None = None) -> Call:
    """Parse a transcript held in memory."""
    return parse_document(document_from_text(text, source), layout=layout)
