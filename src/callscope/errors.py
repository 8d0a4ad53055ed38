"""The callscope exception tree. Callers can catch :class:`CallscopeError` alone.

::

    CallscopeError                 any failure callscope reports on purpose
    ├── InputError                 a file cannot be read as a transcript (path, reason)
    │   ├── UnknownLayout          readable text, but no layout recognises it as a call
    │   └── ParseError             a layout recognised the file but could not parse it (path, line)
    ├── StoreError                 the database refused a read or a write
    └── NotFound                   a call, company or commitment that is not in the store

How an error is shown is the business of the CLI and HTTP layers; every message here
names the thing and the problem in one line.
"""

from __future__ import annotations

__all__ = ["CallscopeError", "InputError", "NotFound", "ParseError", "StoreError", "UnknownLayout"]


class CallscopeError(Exception):
    """Base of every error callscope raises on purpose."""


class InputError(CallscopeError):
    """A file cannot be read as a transcript: empty, binary, too large, truncated, ..."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UnknownLayout(InputError):
    """The text was read, but no registered layout recognises it as an earnings call."""


class ParseError(InputError):
    """A layout recognised the file but failed to build a call from it."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        CallscopeError.__init__(self, f"{where}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(CallscopeError):
    """The store could not complete a read or a write; nothing was half-written."""


class NotFound(CallscopeError):
    """The requested object is not in the store."""
