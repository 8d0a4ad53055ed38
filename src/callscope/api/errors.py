"""One exception handler: every error leaves as ``{"ok": false, "error": "...", "status": N}``.

The status comes from the error's class, never from its wording: a missing call or commitment
is 404, a file that is not a transcript 422, a write without the token 401, a body over the
size limit 413, a storage failure 503, any other :class:`CallscopeError` 400. Bad query or
path parameters (FastAPI's validation) are 422 with the first problem as one line. Web pages
get the same message on an HTML page.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from callscope.errors import CallscopeError, InputError, NotFound, StoreError

__all__ = ["TooLarge", "Unauthorized", "error_body", "install", "status_of"]


class TooLarge(CallscopeError):
    """A request body over the server's size limit."""


class Unauthorized(CallscopeError):
    """A write without the server's token."""


def status_of(error: CallscopeError) -> int:
    for kind, status in ((NotFound, 404), (InputError, 422), (Unauthorized, 401),
                         (TooLarge, 413), (StoreError, 503)):  # fmt: skip
        if isinstance(error, kind):
            return status
    return 400


def error_body(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def _respond(request: Request, message: str, status: int) -> Response:
    if request.url.path.startswith("/api/"):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    from callscope.web.views import error_page  # pages render errors as pages

    return error_page(request, message, status)


def _validation_message(error: RequestValidationError) -> str:
    problems = error.errors()
    if not problems:
        return "invalid request"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path"))
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))


def install(app: FastAPI) -> None:
    async def on_callscope(request: Request, error: Exception) -> Response:
        assert isinstance(error, CallscopeError)
        return _respond(request, str(error), status_of(error))

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return _respond(request, _validation_message(error), 422)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        return _respond(request, str(error.detail), error.status_code)

    app.add_exception_handler(CallscopeError, on_callscope)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
