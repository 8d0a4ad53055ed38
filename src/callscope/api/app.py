"""``create_app(settings)``: the REST API and the web UI over one corpus.

Every request opens the corpus for itself and closes it when done: SQLite connections belong
to the thread that opened them, and the server runs blocking handlers on a thread pool.
Reading needs nothing; anything that writes needs the server's token (``Authorization:
Bearer TOKEN`` or ``X-Callscope-Token: TOKEN``), compared in constant time. Bodies are
size-limited before they are read whole. The server binds to 127.0.0.1 unless told otherwise
(``callscope serve``).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from callscope.api import errors
from callscope.api.routes import calls, commitments, search
from callscope.api.settings import Settings
from callscope.web import views

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI application: ``/api/...`` (JSON, documented at ``/docs`` and ``/redoc``) and
    the web pages. The documentation pages load Swagger UI and ReDoc from files that
    ``fastapi-offline`` ships (FastAPI's defaults load them from a CDN, blank offline)."""
    settings = settings or Settings()
    app = FastAPIOffline(
        title="callscope",
        summary="Earnings-call transcripts as structured, searchable, checkable facts.",
        version=_version(),
    )
    app.state.settings = settings
    errors.install(app)
    for module in (calls, search, commitments):
        app.include_router(module.router, prefix="/api")
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=Path(views.__file__).parent / "static"), "static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("callscope")
    except PackageNotFoundError:
        return "0"
