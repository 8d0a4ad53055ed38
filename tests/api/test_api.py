"""The REST API over the bundled example calls: reads, the error shape, token-guarded uploads."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from callscope.cli.demo import example_paths
from callscope.corpus import Corpus
from callscope.errors import CallscopeError
from callscope.pipeline import analyze_file
from tests.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
MakeClient = Callable[..., tuple[TestClient, Path]]


def _stored(db: Path) -> int:
    with Corpus(db) as corpus:
        return len(corpus.calls())


def test_lists_the_stored_calls(client: TestClient) -> None:
    rows = client.get("/api/calls").json()
    assert [(r["ticker"], r["fiscal_period"], r["publisher"]) for r in rows] == [
        ("NWRB", "FQ1 2025", "S&P Capital IQ"),
        ("NWRB", "Q2 2025", "Seeking Alpha"),
        ("NWRB", "Q3 2025", None),
    ]
    assert client.get("/api/calls", params={"company": "nobody"}).json() == []
    assert len(client.get("/api/calls", params={"since": "2025-07-01"}).json()) == 2


def test_a_call_is_the_json_of_parse(client: TestClient) -> None:
    rows = client.get("/api/calls").json()
    first = next(r for r in rows if r["source"] == "northwind-2025-q1-capiq.txt")
    served = client.get(f"/api/calls/{first['id']}").json()
    direct = json.loads(json.dumps(analyze_file(example_paths()[0]).to_dict()))
    assert served == direct
    for key in ("source", "metadata", "estimates", "participants", "turns", "exchanges",
                "figures", "commitments", "non_answers", "tone"):  # fmt: skip
        assert key in served


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/calls/999", 404, "no call with id 999"),
        ("/api/calls/abc", 422, "call_id"),
        ("/api/calls/1/compare", 404, "no earlier call of the same company"),
        ("/api/commitments/000000000000", 404, "no commitment with id"),
        ("/api/search?q=x&limit=0", 422, "limit"),
        ("/api/search?q=x&role=ceo", 422, "role"),
        ("/api/calls?since=yesterday", 422, "since"),
        ("/api/search", 422, "q"),
    ],
)
def test_errors_have_one_shape(client: TestClient, path: str, status: int, words: str) -> None:
    response = client.get(path)
    body = response.json()
    assert response.status_code == status
    assert body["ok"] is False and body["status"] == status
    assert words in body["error"] and "\n" not in body["error"]


def test_compare_with_the_previous_call(client: TestClient) -> None:
    ids = {r["source"]: r["id"] for r in client.get("/api/calls").json()}
    body = client.get(f"/api/calls/{ids['northwind-2025-q2-seekingalpha.txt']}/compare").json()
    assert body["current"]["fiscal_period"] == "Q2 2025"
    assert body["previous"]["fiscal_period"] == "FQ1 2025"
    assert body["commitments"], "the Q2 call restates or changes Q1's promises"


def test_search_ranks_and_highlights(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Leipzig"}).json()
    assert hits
    for hit in hits:
        marked = [hit["snippet"][a:b] for a, b in hit["highlights"]]
        assert marked and all(word.lower() == "leipzig" for word in marked)
    analysts = client.get("/api/search", params={"q": "Leipzig", "role": "analyst"}).json()
    assert analysts and {h["role"] for h in analysts} == {"analyst"}
    assert len(analysts) < len(hits)


@pytest.mark.parametrize(
    "query", ['"', "NEAR(margin, 5)", "rev*", "'; DROP TABLE calls; --", "((((", "a AND OR b",
              "text:robots", "\U0001f916 robots", "%_"],
)  # fmt: skip
def test_hostile_search_text_never_errors(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200
    assert isinstance(response.json(), list)
    assert len(client.get("/api/calls").json()) == 3  # nothing dropped


def test_commitment_ledger(client: TestClient) -> None:
    ledger = client.get("/api/commitments").json()
    assert ledger
    statuses = {t["status"] for t in ledger}
    assert statuses <= {"met", "met late", "partly met", "missed", "revised", "withdrawn",
                        "pending", "unclear"}  # fmt: skip
    some = ledger[0]["status"]
    only = client.get("/api/commitments", params={"status": some}).json()
    assert only and {t["status"] for t in only} == {some}
    one = client.get(f"/api/commitments/{ledger[0]['id']}").json()
    assert one["id"] == ledger[0]["id"] and one["commitment"]["quote"]


def test_openapi_documents_the_api_not_the_pages(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/calls", "/api/calls/{call_id}", "/api/search", "/api/commitments"} <= set(paths)
    assert "/" not in paths and "/search" not in paths


@pytest.mark.parametrize(
    ("page", "asset"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")]
)
def test_documentation_pages_load_nothing_from_elsewhere(
    client: TestClient, page: str, asset: str
) -> None:
    html = client.get(page).text
    sources = re.findall(r"""(?:src|href)=["']([^"']+)""", html) + re.findall(
        r"""url: ?["']([^"']+)""", html
    )
    assert sources and all(s.startswith("/") for s in sources), sources
    local = next(s for s in sources if s.endswith(asset))
    assert client.get(local).status_code == 200


# --- writes ------------------------------------------------------------------------------------


def _example() -> tuple[str, bytes]:
    path = Path(example_paths()[2])
    return path.name, path.read_bytes()


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": TOKEN},
     {"X-Callscope-Token": TOKEN[:-1]}],
)  # fmt: skip
def test_uploads_need_the_token(make_client: MakeClient, headers: dict[str, str]) -> None:
    client, db = make_client()
    name, body = _example()
    response = client.post("/api/calls", params={"filename": name}, content=body,
                           headers=headers)  # fmt: skip
    assert response.status_code == 401
    error = response.json()["error"]
    assert error == "this request writes to the corpus and needs the server's token"
    assert _stored(db) == 0


def test_upload_is_idempotent(make_client: MakeClient) -> None:
    client, db = make_client()
    name, body = _example()
    first = client.post("/api/calls", params={"filename": name}, content=body, headers=AUTH)
    assert first.status_code == 201
    assert first.json()["added"] is True and first.json()["source"] == name
    again = client.post("/api/calls", params={"filename": name}, content=body,
                        headers={"X-Callscope-Token": TOKEN})  # fmt: skip
    assert again.json()["added"] is False and again.json()["call_id"] == first.json()["call_id"]
    assert _stored(db) == 1
    call = client.get(f"/api/calls/{first.json()['call_id']}").json()
    assert call["metadata"]["ticker"] == "NWRB"


@pytest.mark.parametrize(
    ("filename", "body", "status", "words"),
    [
        ("notes.txt", b"Just some words about the weather.\n", 422, "notes.txt: not an earnings"),
        ("empty.txt", b"", 422, "empty.txt: empty body"),
        ("call.exe", b"MZ", 422, "call.exe: not a transcript file"),
        ("../../etc/passwd", b"x", 422, "passwd: not a transcript file"),
        ("<script>.txt", b"x", 422, "file names may use"),
        ("broken.pdf", b"%PDF-1.4 not really", 422, "broken.pdf"),
    ],
)
def test_bad_uploads_are_refused_and_change_nothing(
    make_client: MakeClient, filename: str, body: bytes, status: int, words: str
) -> None:
    client, db = make_client()
    name, good = _example()
    client.post("/api/calls", params={"filename": name}, content=good, headers=AUTH)
    response = client.post("/api/calls", params={"filename": filename}, content=body,
                           headers=AUTH)  # fmt: skip
    assert response.status_code == status
    error = response.json()["error"]
    assert words in error and "\n" not in error and "callscope-upload-" not in error
    assert _stored(db) == 1


def test_uploads_over_the_size_limit_are_refused(make_client: MakeClient) -> None:
    client, db = make_client(max_bytes=2_000)
    name, body = _example()
    assert len(body) > 2_000
    response = client.post("/api/calls", params={"filename": name}, content=body, headers=AUTH)
    assert response.status_code == 413
    assert response.json()["error"].startswith(f"{name}: ")
    assert "2,000" in response.json()["error"]
    assert _stored(db) == 0


def test_short_tokens_are_refused() -> None:
    from callscope.api import Settings

    with pytest.raises(CallscopeError, match="at least 16 characters"):
        Settings(token="short")
    assert len(Settings().token) >= 16 and Settings().token != Settings().token
