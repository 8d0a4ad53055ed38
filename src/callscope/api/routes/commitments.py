"""``/api/commitments``: the commitment ledger."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam

from callscope.api.settings import open_corpus
from callscope.track.tracker import tracked_to_dict

__all__ = ["router"]

router = APIRouter(tags=["commitments"])

Status = Literal["met", "met late", "partly met", "missed", "revised", "withdrawn", "pending",
                 "unclear"]  # fmt: skip


@router.get("/commitments")
def ledger(
    request: Request,
    company: Annotated[str | None, Query(max_length=200)] = None,
    status: Status | None = None,
) -> list[dict[str, Any]]:
    """Every stored commitment with its verdict against later calls, and the evidence."""
    with open_corpus(request) as corpus:
        return [tracked_to_dict(t) for t in corpus.commitments(company=company, status=status)]


@router.get("/commitments/{commitment_id}")
def one(
    request: Request, commitment_id: Annotated[str, PathParam(max_length=100)]
) -> dict[str, Any]:
    """One commitment, by the id the ledger gives it."""
    with open_corpus(request) as corpus:
        return tracked_to_dict(corpus.track(commitment_id))
