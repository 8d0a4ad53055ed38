"""``/api/search``: ranked turns with highlighted snippets."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from callscope.api.settings import open_corpus

__all__ = ["router"]

router = APIRouter(tags=["search"])

Text = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="ISO date")]


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=1000, description="words or a quoted phrase")],
    company: Text = None,
    speaker: Text = None,
    role: Literal["executive", "analyst", "operator", "other"] | None = None,
    section: Literal["presentation", "qa"] | None = None,
    publisher: Text = None,
    since: Date = None,
    until: Date = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    semantic: bool = False,
) -> list[dict[str, Any]]:
    """Turns matching every word (else any), best BM25 first; ``semantic`` fuses a ranking
    by meaning (needs the [semantic] extra). Any text is safe: it never breaks the query."""
    with open_corpus(request) as corpus:
        return corpus.search(q, limit=limit, semantic=semantic, company=company,
                             speaker=speaker, role=role, section=section,
                             publisher=publisher, since=since, until=until)  # fmt: skip
