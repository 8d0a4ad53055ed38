"""The server's settings, and what every route needs from them: the corpus and the token."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from fastapi import Request

from callscope.api.errors import Unauthorized
from callscope.corpus import Corpus
from callscope.errors import CallscopeError
from callscope.parse import DEFAULT_MAX_BYTES
from callscope.store import DEFAULT_DB

__all__ = ["Settings", "open_corpus", "require_token", "settings_of"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server runs. ``token`` guards every write; when none is given one is made
    (``callscope serve`` prints it)."""

    db_url: str = DEFAULT_DB
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if len(self.token) < 16:
            raise CallscopeError("the server token must be at least 16 characters long")


def settings_of(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def open_corpus(request: Request) -> Corpus:
    """The corpus, opened for this request in the handler's own thread; use it in a ``with``
    block (``Corpus`` closes itself on leaving it)."""
    return Corpus(settings_of(request).db_url)


def require_token(request: Request) -> None:
    """Raise :class:`Unauthorized` unless the request carries the server's token."""
    given = request.headers.get("x-callscope-token", "")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        given = credentials.strip()
    expected = settings_of(request).token
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("this request writes to the corpus and needs the server's token")
