"""The web pages: what they show, and that transcript text can never become markup."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from callscope.corpus import Corpus
from callscope.web.views import Mark, marked_text

MakeClient = Callable[..., tuple[TestClient, Path]]


def _ids(client: TestClient) -> dict[str, int]:
    return {r["source"]: r["id"] for r in client.get("/api/calls").json()}


def test_index_lists_the_calls(client: TestClient) -> None:
    page = client.get("/").text
    assert page.count('href="/calls/') == 3
    assert "Northwind Robotics, Inc." in page and "FQ1 2025" in page
    assert "No calls stored" in client.get("/", params={"company": "nobody"}).text


def test_call_page_marks_facts_and_navigates_the_q_and_a(client: TestClient) -> None:
    call_id = _ids(client)["northwind-2025-q1-capiq.txt"]
    call = client.get(f"/api/calls/{call_id}").json()
    page = client.get(f"/calls/{call_id}").text
    for turn in call["turns"]:
        assert f'id="turn-{turn["index"]}"' in page
    for exchange in call["exchanges"]:
        assert f'href="#turn-{exchange["question_turns"][0]}"' in page
    marks = page.count('<mark class="figure" title=')
    assert 0 < marks <= len(call["figures"])
    assert len(re.findall(r'<span class="commitment \w+" title=', page)) == len(call["commitments"])
    rows = re.search(r'<table id="commitments">(.*?)</table>', page, re.S)
    assert rows is not None and rows.group(1).count("<tr>") == len(call["commitments"]) + 1
    assert "Tone by speaker" in page
    speakers = [s for s in call["tone"] or [] if s["scope"] == "speaker"]
    bars = re.findall(r'<span class="bar (up|down)" style="width: ([\d.]+)%"', page)
    assert len(bars) == len(speakers)
    if speakers:  # the widest bar is the speaker with the most net tone either way
        assert max(float(width) for _, width in bars) == 50.0
        nets = [s["positive"] - s["negative"] for s in speakers]
        assert [kind for kind, _ in bars] == ["up" if n >= 0 else "down" for n in nets]


def test_compare_search_and_ledger_pages(client: TestClient) -> None:
    ids = _ids(client)
    compare = client.get(f"/calls/{ids['northwind-2025-q2-seekingalpha.txt']}/compare").text
    assert "Q2 2025" in compare and "FQ1 2025" in compare
    found = client.get("/search", params={"q": "Leipzig"}).text
    assert '<mark class="hit" title="">Leipzig</mark>' in found
    ledger = client.get("/commitments", params={"company": "NWRB"}).text
    assert '<table id="ledger">' in ledger


@pytest.mark.parametrize(
    ("path", "status"), [("/calls/999", 404), ("/calls/1/compare", 404), ("/calls/x", 422)]
)
def test_errors_are_pages(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"Error {status}" in response.text


HOSTILE = """Acme Widgets Inc (NYSE: ACME)
Q1 2026 Earnings Call
April 30, 2026

Operator: Welcome to the Acme Widgets first quarter call. <script>alert("operator")</script>

Jane Doe: Thank you. Revenue was $10 million, up 12%, and we expect revenue of $12 million
next quarter. <img src=x onerror="alert(1)"> We will open two plants by the end of 2026.

Operator: Our first question comes from Bob Roe with Some Bank.

Bob Roe: What about margins? </p><b>bold</b>

Jane Doe: We don't comment on margins mid-quarter. Gross margin was 40% & rising.
"""


def test_transcript_text_is_escaped_everywhere(make_client: MakeClient, tmp_path: Path) -> None:
    client, db = make_client()
    source = tmp_path / "acme-2026-q1.txt"
    source.write_text(HOSTILE)
    with Corpus(db) as corpus:
        assert corpus.ingest([source]).added
    call_id = _ids(client)["acme-2026-q1.txt"]
    pages = [client.get(f"/calls/{call_id}").text,
             client.get("/search", params={"q": "alert"}).text,
             client.get("/search", params={"q": "<script>"}).text,
             client.get("/", params={"company": "<script>alert(2)</script>"}).text,
             client.get("/commitments").text]  # fmt: skip
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "<b>bold" not in page
    assert "&lt;script&gt;alert(&#34;operator&#34;)&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in pages[0]
    assert "&amp; rising" in pages[0] and "& rising" not in pages[0]


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ([], [], "a &lt;b&gt; c $5 d"),
        ([], [Mark(8, 10, "figure", "5 USD")], 'a &lt;b&gt; c <mark class="figure" '
         'title="5 USD">$5</mark> d'),
        ([Mark(6, 12, "commitment high", 'say "x"')], [Mark(8, 10, "figure", "")],
         'a &lt;b&gt; <span class="commitment high" title="say &#34;x&#34;">c <mark '
         'class="figure" title="">$5</mark> d</span>'),
        # a figure across a statement's edge is left out, so the markup nests
        ([Mark(0, 7, "non-answer", "")], [Mark(6, 10, "figure", "")],
         '<span class="non-answer" title="">a &lt;b&gt; c</span> $5 d'),
        # overlapping statements: the earlier is kept
        ([Mark(0, 3, "a", ""), Mark(2, 6, "b", "")], [],
         '<span class="a" title="">a &lt;</span>b&gt; c $5 d'),
    ],
)  # fmt: skip
def test_marked_text(outer: list[Mark], inner: list[Mark], expected: str) -> None:
    text = "a <b> c $5 d"
    assert str(marked_text(text, 0, len(text), outer, inner)) == expected
