"""The web UI in a real browser (Debian's Chromium driven by Playwright), over a live server.

Skips with a message where Playwright or /usr/bin/chromium is absent (`apt-get install
chromium`); nothing is downloaded.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the [web] extra is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium", allow_module_level=True)

from callscope.api import Settings, create_app  # noqa: E402
from tests.conftest import TOKEN  # noqa: E402


@pytest.fixture(scope="module")
def base_url(examples_db: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db_url=str(examples_db), token=TOKEN))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[sync_api.Page]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1280, "height": 800})
        browser.close()


def test_from_the_list_to_a_call_and_its_q_and_a(page: sync_api.Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Northwind Robotics, Inc.").first.click()
    sync_api.expect(page.locator("h1")).to_contain_text("Northwind Robotics, Inc.")
    second = page.locator("#exchanges a").nth(1)
    target = second.get_attribute("href")
    assert target is not None and target.startswith("#turn-")
    second.click()
    assert page.url.endswith(target)
    turn = page.locator(target)
    sync_api.expect(turn).to_be_in_viewport()
    sync_api.expect(turn.locator(".role")).to_have_text("analyst")
    sync_api.expect(second).to_have_attribute("aria-current", "true")
    figure = page.locator("article.turn mark.figure").first
    sync_api.expect(figure).to_be_visible()
    assert figure.get_attribute("title")


def test_searching_from_the_header(page: sync_api.Page, base_url: str) -> None:
    page.goto(base_url + "/commitments")
    sync_api.expect(page.locator("#ledger tbody tr, #ledger tr").first).to_be_visible()
    box = page.get_by_role("searchbox", name="Search")
    box.fill("Leipzig")
    box.press("Enter")
    page.wait_for_url("**/search?q=Leipzig")
    hits = page.locator("#hits mark.hit")
    sync_api.expect(hits.first).to_have_text("Leipzig")
    page.locator("#hits li a").first.click()
    sync_api.expect(page.locator("article.turn:target")).to_contain_text("Leipzig")


def test_api_documentation_renders_offline(page: sync_api.Page, base_url: str) -> None:
    # This machine reaches no CDN: the page renders only from the files served locally.
    page.goto(base_url + "/docs")
    operation = page.locator(".opblock-summary-path", has_text="/api/calls/{call_id}/compare")
    sync_api.expect(operation.first).to_be_visible()
