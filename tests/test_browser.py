"""The page in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Skips when chromium or playwright is absent (a user's machine); CI installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
XSS_ARTICLE = (
    "Harbour master Ilse Varga said on Monday that the port of Marlow would reopen. "
    "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> "
    "\"We are ready,\" she said."
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "NEWSLENS_DB": str(tmp_path_factory.mktemp("db") / "ws.sqlite")}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + (proc.stdout.read().decode(errors="replace") if proc.stdout else ""))
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def page(server: str):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.goto(server, wait_until="domcontentloaded")
        tab.wait_for_selector("text=News Lens", timeout=120_000)
        tab.wait_for_selector(".vega-embed", timeout=180_000)
        tab.wait_for_selector('[data-testid="stDataFrame"]', timeout=60_000)
        yield tab
        browser.close()


def _wait_idle(page) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')?.innerText?.includes('Running')",
        timeout=120_000,
    )
    page.wait_for_timeout(500)


def test_page_shows_every_cell_with_charts_and_tables(page) -> None:
    for name in ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export"):
        assert page.get_by_text(name, exact=True).first.is_visible()
    assert page.locator(".vega-embed").count() >= 3
    assert page.locator('[data-testid="stDataFrame"]').count() >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    page.set_viewport_size({"width": 1400, "height": 7000})  # the page scrolls inside a div: grow the window
    _wait_idle(page)
    page.screenshot(path=str(shot), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    print(f"screenshot: {shot}")


def test_clicking_an_entity_bar_filters_the_page(page) -> None:
    chart = page.locator(".vega-embed").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    for dy in range(28, 90, 6):  # the first (longest) bar sits just under the title
        page.mouse.click(box["x"] + box["width"] * 0.45, box["y"] + dy)
        try:
            page.wait_for_selector("text=Filtered by entity", timeout=4_000)
            break
        except Exception:  # noqa: BLE001 - playwright's timeout type; try the next row of pixels
            continue
    else:
        pytest.fail("no click on the entity chart set the filter")
    _wait_idle(page)
    assert page.get_by_text("mentions of", exact=False).first.is_visible()
    page.get_by_role("button", name="Clear filter").click()
    _wait_idle(page)
    assert page.get_by_text("Filtered by", exact=False).count() == 0


def test_reading_view_escapes_markup(page) -> None:
    _wait_idle(page)
    page.get_by_role("tab", name="Paste").click()
    page.get_by_label("Article text", exact=True).fill(XSS_ARTICLE)
    page.get_by_label("Title", exact=True).first.fill("Script test")
    page.get_by_role("button", name="Add article").click()
    try:
        page.wait_for_selector("text=Added 1 article", timeout=120_000)
    finally:
        page.screenshot(path=str(ARTIFACTS / "after-paste.png"), full_page=True)
    _wait_idle(page)
    reading = page.locator('[data-testid="stSelectbox"]').filter(has_text="Article").first
    reading.click()
    page.keyboard.type("Script test")
    page.keyboard.press("Enter")
    _wait_idle(page)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".nl-read").filter(has_text="<script>window.__xss = 1</script>").count() == 1
