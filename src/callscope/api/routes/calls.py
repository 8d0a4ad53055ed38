"""``/api/calls``: list, read, compare and upload calls."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from callscope.api.errors import TooLarge
from callscope.api.settings import open_corpus, require_token, settings_of
from callscope.corpus import SUFFIXES
from callscope.errors import InputError
from callscope.track.compare import comparison_to_dict

__all__ = ["router"]

router = APIRouter(tags=["calls"])

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._()-]{0,199}")
Date = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="ISO date")]


@router.get("/calls")
def list_calls(
    request: Request,
    company: Annotated[str | None, Query(max_length=200)] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Date = None,
    until: Date = None,
) -> list[dict[str, Any]]:
    """Stored calls, by ticker, company and date; filters as for search."""
    with open_corpus(request) as corpus:
        return corpus.calls(company=company, publisher=publisher, since=since, until=until)


@router.get("/calls/{call_id}")
def get_call(request: Request, call_id: int) -> dict[str, Any]:
    """One call: structure and every fact, the JSON of ``callscope parse --json``."""
    with open_corpus(request) as corpus:
        return corpus.get(call_id).to_dict()


@router.get("/calls/{call_id}/compare")
def compare_call(request: Request, call_id: int) -> dict[str, Any]:
    """How the call differs from the same company's previous stored call."""
    with open_corpus(request) as corpus:
        return comparison_to_dict(corpus.compare(call_id))


@router.post("/calls", status_code=201)
async def upload_call(
    request: Request,
    filename: Annotated[str, Query(max_length=200, description="the transcript's file name")],
    replace: bool = False,
) -> dict[str, Any]:
    """Ingest one transcript sent as the request body (needs the token). Idempotent: the
    same bytes again change nothing (``"added": false``)."""
    require_token(request)
    name = _safe_name(filename)
    body = await _read_body(request, settings_of(request).max_bytes, name)
    return await run_in_threadpool(_ingest, request, name, body, replace)


def _safe_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name
    if not _SAFE_NAME.fullmatch(name):
        raise InputError(filename or "<no name>", "file names may use letters, digits, "
                         "spaces and . _ ( ) - only")  # fmt: skip
    if not name.lower().endswith(SUFFIXES):
        raise InputError(name, f"not a transcript file (expected one of {', '.join(SUFFIXES)})")
    return name


async def _read_body(request: Request, limit: int, name: str) -> bytes:
    """The body, refused as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"{name}: {int(declared):,} bytes is over the limit of {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"{name}: over the limit of {limit:,} bytes")
        chunks.append(chunk)
    if not size:
        raise InputError(name, "empty body: send the transcript's bytes")
    return b"".join(chunks)


def _ingest(request: Request, name: str, body: bytes, replace: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="callscope-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        with open_corpus(request) as corpus:
            report = corpus.ingest([path], replace=replace, max_bytes=len(body))
            if report.failed:
                _, reason = report.failed[0]
                raise InputError(name, reason.replace(f"{path}: ", "").replace(str(path), name))
            call_id = corpus.call_id(hashlib.sha256(body).hexdigest())
    return {"ok": True, "call_id": call_id, "source": name, "added": bool(report.added)}
