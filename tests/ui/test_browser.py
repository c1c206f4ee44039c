"""The page in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Skips when chromium or playwright is absent (a user's machine); CI installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def _start_server(*, port: int, database: Path) -> subprocess.Popen[bytes]:
    """``streamlit run dashboard.py`` on ``port`` with its own workspace database; waits until healthy."""
    env = {**os.environ, "NEWSLENS_DB": str(database)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],  # edits to the tree during a run must not reload modules
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    proc.kill()
    pytest.fail("streamlit did not start: " + (proc.stdout.read().decode(errors="replace") if proc.stdout else ""))


def _stop_server(proc: subprocess.Popen[bytes], *, crash: bool = False) -> None:
    """Stop a server: SIGTERM and wait, or SIGKILL (a crash: nothing gets to clean up)."""
    if crash:
        proc.kill()
    else:
        proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    port = _free_port()
    proc = _start_server(port=port, database=tmp_path_factory.mktemp("db") / "ws.sqlite")
    yield f"http://127.0.0.1:{port}"
    _stop_server(proc)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


def _open_tab(browser, url: str, **context_options: object):
    """A page in a fresh browser context (a new visitor), loaded until its first chart is drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, **context_options)
    tab = context.new_page()
    tab.goto(url, wait_until="domcontentloaded")
    tab.wait_for_selector("text=News Lens", timeout=120_000)
    tab.wait_for_selector(".vega-embed", timeout=180_000)
    tab.wait_for_selector('[data-testid="stDataFrame"]', timeout=60_000)
    return tab


@pytest.fixture(scope="module")
def page(server: str, browser):
    tab = _open_tab(browser, server, accept_downloads=True)
    yield tab
    tab.context.close()


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


def _blocking_network(context) -> list[str]:
    """Abort every http(s) request of the context; return the list the attempted URLs go to."""
    attempted: list[str] = []

    def abort(route) -> None:
        attempted.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^https?://"), abort)
    return attempted


def test_html_report_from_the_export_cell_works_offline(page, browser, tmp_path) -> None:
    _wait_idle(page)
    download = page.get_by_role("button", name="report.html")
    download.wait_for(timeout=120_000)
    with page.expect_download(timeout=60_000) as info:
        download.click()
    report = tmp_path / "report.html"
    info.value.save_as(report)
    assert report.stat().st_size > 100_000, "the chart libraries must be inside the file"

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    attempted = _blocking_network(context)
    tab = context.new_page()
    try:
        tab.goto(report.as_uri(), wait_until="load")
        tab.wait_for_function(
            "() => { const charts = [...document.querySelectorAll('.nl-chart')];"
            " return charts.length > 0 && charts.every(c => c.querySelector('svg, canvas')); }",
            timeout=30_000,
        )
        assert tab.locator(".nl-chart").count() >= 3, "entity, speaker, side and casualty charts expected"
        assert tab.locator(".nl-chart .mark-rect path, .nl-chart canvas").count() > 0, "the bars are drawn"
        assert tab.locator("table.nl-table").count() >= 3
        assert tab.locator("table.nl-table").first.locator("tbody tr").count() >= 12
        assert tab.evaluate("() => window.__xss") is None, "article markup must not run in the report"
        assert attempted == [], f"the report asked the network for {attempted}"
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    finally:
        context.close()


CELLS = ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export", "Corpus")
SHARE_LINK = re.compile(r"https?://\S+\?ws=[A-Za-z0-9_-]{43}")


def _cell_titles(tab) -> list[str]:
    titles = tab.locator('[data-testid="stExpander"] summary [data-testid="stMarkdownContainer"]').all_inner_texts()
    return [t.strip() for t in titles if t.strip() in CELLS]


def _page_summary(tab) -> tuple[str, str]:
    """The sidebar's article count and the quotes cell's statement count, as the page shows them."""
    articles = tab.get_by_text(re.compile(r"^\d+ articles · page built in")).first.inner_text().split(" · ")[0]
    statements = tab.get_by_text(re.compile(r"^\d+ statements by \d+ speakers$")).first.inner_text()
    return articles, statements


def test_share_link_opens_the_same_workspace_after_a_server_restart(browser, tmp_path) -> None:
    port, database = _free_port(), tmp_path / "ws.sqlite"
    proc = _start_server(port=port, database=database)
    try:
        owner = _open_tab(browser, f"http://127.0.0.1:{port}")
        owner.locator('[aria-label="Remove Compare"]').click()
        _wait_idle(owner)
        owner.get_by_role("button", name="Save and get a share link").click()
        owner.wait_for_selector("text=Read-only link for colleagues", timeout=60_000)
        _wait_idle(owner)
        found = SHARE_LINK.search(owner.locator('[data-testid="stSidebar"] [data-testid="stCode"]').inner_text())
        assert found is not None
        link = found.group(0)
        cells, summary = _cell_titles(owner), _page_summary(owner)
        assert "Compare" not in cells and "Articles" in cells
        owner.context.close()
    finally:
        _stop_server(proc, crash=True)  # killed, as a crash would: only the database survives

    proc = _start_server(port=port, database=database)
    try:
        viewer = _open_tab(browser, link)
        _wait_idle(viewer)
        assert viewer.get_by_text("(read-only link)").first.is_visible()
        assert _cell_titles(viewer) == cells
        assert _page_summary(viewer) == summary
        assert viewer.get_by_role("button", name="Add article").count() == 0
        assert viewer.get_by_text("This is a read-only shared workspace").first.is_visible()
        assert viewer.locator('[aria-label="Remove Articles"]:not([disabled])').count() == 0
        viewer.get_by_role("button", name="Make a copy I can edit").click()
        viewer.wait_for_selector("text=Saved automatically", timeout=60_000)
        _wait_idle(viewer)
        fork = SHARE_LINK.search(viewer.url)
        assert fork is not None and fork.group(0) != link
        assert viewer.get_by_role("tab", name="Paste").count() == 1, "the copy can be edited"
        assert _cell_titles(viewer) == cells
        viewer.context.close()
    finally:
        _stop_server(proc)
