"""The page in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Skips when chromium or playwright is absent (a user's machine); CI installs both.

Every wait is on a page condition, never a fixed sleep: the script has run since the action
and is no longer running (``stApp``'s ``data-test-script-state``), no element is stale, every
chart has drawn, the DOM has been quiet for a moment, and the element the action should bring
is there (see :func:`_settle`). So the tests pass on a busy machine too, only slower.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from components.bench.browser import (
    CHROMIUM_ARGS,
    INSTRUMENT_JS,
    SETTLED_JS,
    free_port,
    start_streamlit,
    stop_streamlit,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TIMEOUT_MS = 180_000
QUIET_MS = 300
XSS_ARTICLE = (
    "Harbour master Ilse Varga said on Monday that the port of Marlow would reopen. "
    "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> "
    "\"We are ready,\" she said."
)
GOOD_FILE = (b"Title: Grain ship leaves Marlow\nOutlet: The Test Courier\n\n"
             b"The grain ship Aurora left Marlow on Sunday with 40,000 tonnes of wheat, the port authority said. "
             b"\"The corridor is open,\" harbour master Ilse Varga told reporters.")
BAD_FILE = b"\x89PNG\r\n\x1a\n" + bytes(300)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"),
]


def _start_server(*, port: int, database: Path) -> subprocess.Popen[bytes]:
    """``streamlit run dashboard.py`` on ``port`` with its own workspace database; waits until healthy."""
    env = {**os.environ, "NEWSLENS_DB": str(database)}
    env.pop("DATABASE_URL", None)
    log = database.with_suffix(".log")
    with log.open("ab") as out:
        try:
            return start_streamlit(port, env, stdout=out, timeout=90)
        except RuntimeError:
            pytest.fail("streamlit did not start: " + log.read_text(errors="replace"))


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    port = free_port()
    proc = _start_server(port=port, database=tmp_path_factory.mktemp("db") / "ws.sqlite")
    yield f"http://127.0.0.1:{port}"
    stop_streamlit(proc)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# ----------------------------------------------------------------------------- waiting on the page


def _runs(tab) -> int:
    return int(tab.evaluate("() => window.__nl.finished"))


def _settle(tab, *, after: int = 0, expect: str | None = None) -> None:
    """Wait until a script run after run number ``after`` has finished and the page has settled,
    and, with ``expect`` (a selector), until that element is there."""
    if expect is not None:
        tab.wait_for_selector(expect, state="attached", timeout=TIMEOUT_MS)
    tab.wait_for_function(SETTLED_JS, arg=[after + 1 if after else 1, QUIET_MS], timeout=TIMEOUT_MS, polling=100)
    if expect is not None:
        tab.wait_for_selector(expect, state="attached", timeout=TIMEOUT_MS)


def _do(tab, action: Callable[[], None], *, expect: str | None = None) -> None:
    """Run ``action`` and wait for the run it causes to settle (and ``expect`` to be there)."""
    before = _runs(tab)
    action()
    _settle(tab, after=before, expect=expect)


def _open_tab(browser, url: str, *, width: int = 1400, **context_options: object):
    """A page in a fresh browser context (a new visitor), loaded until it has settled."""
    context = browser.new_context(viewport={"width": width, "height": 1000}, **context_options)
    context.add_init_script(INSTRUMENT_JS)
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    _settle(tab, expect='[data-testid="stDataFrame"]')
    return tab


@pytest.fixture(scope="module")
def page(server: str, browser):
    tab = _open_tab(browser, server, accept_downloads=True)
    yield tab
    tab.context.close()


def _cell(tab, name: str):
    title = tab.locator('summary [data-testid="stMarkdownContainer"]').filter(has_text=re.compile(rf"^\s*{name}\s*$"))
    return tab.locator('[data-testid="stExpander"]').filter(has=title).first


def _marks(scope, role: str, *, title: str | None = None):
    marks = f'path[aria-roledescription="{role}"]'
    charts = scope.locator(".vega-embed")
    chart = charts.filter(has_text=title) if title else charts.filter(has=scope.page.locator(marks))
    return chart.first.locator(marks)


def _click_mark(tab, mark, *, expect: str | None = None) -> None:
    mark.scroll_into_view_if_needed()
    _do(tab, lambda: mark.click(force=True), expect=expect)


def _clear_filter(tab) -> None:
    if tab.get_by_role("button", name="Clear filter").count():
        _do(tab, lambda: tab.get_by_role("button", name="Clear filter").first.click())
    assert tab.get_by_text("Filtered by", exact=False).count() == 0


def _row_box(grid, row: int) -> tuple[float, float]:
    """Where to click the selection box of a dataframe's ``row`` (0 = first data row)."""
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    return box["x"] + 14, box["y"] + 35 * (row + 1) + 17


def _screenshot(tab, name: str, *, width: int) -> Path:
    """The whole page: the window is grown to the page's height (the page scrolls inside a div)."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.set_viewport_size({"width": width, "height": min(int(height) + 80, 16_000)})
    _settle(tab)
    path = ARTIFACTS / name
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size({"width": width, "height": 1000})
    return path


# ----------------------------------------------------------------------------- the tests


def test_page_shows_every_cell_with_charts_and_tables(page) -> None:
    for name in ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export", "Corpus"):
        assert _cell(page, name).is_visible()
    assert page.locator(".vega-embed").count() >= 3
    assert page.locator('[data-testid="stDataFrame"]').count() >= 2
    assert page.get_by_text(re.compile(r"\bnan\b|\bNone\b")).count() == 0
    print(f"screenshot: {_screenshot(page, 'dashboard.png', width=1400)}")


def _side_fills(tab) -> dict[str, set[str]]:
    """The fill of every mark whose hover text names a side, by side, over every chart coloured by side
    (all but the entities chart, coloured by type)."""
    return tab.evaluate("""() => {
        const found = {};
        const bySide = [...document.querySelectorAll('.vega-embed')]
            .filter(c => !c.textContent.includes('Most mentioned'));
        for (const mark of bySide.flatMap(c => [...c.querySelectorAll('path[aria-label*="side: "]')])) {
            const side = /side: ([^;]*)/.exec(mark.getAttribute('aria-label'))[1].trim();
            const fill = mark.getAttribute('fill');
            if (side && fill && fill !== 'transparent') (found[side] = found[side] || []).push(fill);
        }
        return Object.fromEntries(Object.entries(found).map(([s, f]) => [s, [...new Set(f)]]));
    }""")


def test_one_colour_per_side_everywhere_and_unknown_grey(page) -> None:
    before = _side_fills(page)
    assert len(before) >= 3, before
    assert all(len(fills) == 1 for fills in before.values()), f"a side in two colours: {before}"
    assert before["unknown"] == ["#a3a3a3"], "unknown is neutral grey"
    assert len({fills[0] for fills in before.values()}) == len(before), "two sides share a colour"
    compare = _cell(page, "Compare")
    _click_mark(page, _marks(compare, "bar", title="Statements per side").first, expect='text="Clear filter"')
    after = _side_fills(page)
    assert all(after[side] == before[side] for side in after if side in before), (before, after)
    _clear_filter(page)


def test_the_active_filter_stays_in_view_and_every_cell_honours_it(page) -> None:
    quotes = _cell(page, "Quotes")
    _click_mark(page, _marks(quotes, "bar", title="Statements per speaker").nth(1),
                expect='text="Clear filter"')
    speaker = re.search(r"Filtered by speaker (.+?):", page.get_by_text("Filtered by").first.inner_text()).group(1)
    figures = _cell(page, "Figures")
    figures.scroll_into_view_if_needed()
    clear = page.get_by_role("button", name="Clear filter").first
    box, window = clear.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] <= window["height"], "Clear filter must stay in view"
    for name in ("Entities", "Quotes", "Figures", "Compare", "Export"):
        assert _cell(page, name).get_by_text("Filtered:", exact=False).count() >= 1, f"{name} says nothing"
    table = quotes.locator('[data-testid="stDataFrame"]').last
    assert table.is_visible()
    assert page.get_by_text(re.compile(r"\d+ statements? by 1 speaker")).count() == 1, speaker
    _do(page, lambda: clear.click())
    assert page.get_by_text("Filtered by", exact=False).count() == 0


def test_clicking_an_entity_bar_filters_the_page_and_lists_its_mentions(page) -> None:
    entities = _cell(page, "Entities")
    _click_mark(page, _marks(entities, "bar", title="Most mentioned").first, expect='text="Clear filter"')
    assert page.get_by_text("Filtered by entity", exact=False).first.is_visible()
    assert page.get_by_text("mentions of", exact=False).first.is_visible()
    _clear_filter(page)


def test_focus_on_an_article_shows_its_title_and_moves_the_reading_view(page) -> None:
    articles = _cell(page, "Articles")
    grid = articles.locator('[data-testid="stDataFrame"]').first
    x, y = _row_box(grid, 3)
    _do(page, lambda: page.mouse.click(x, y))
    _do(page, lambda: articles.get_by_role("button", name="Focus the page on this article").click(),
        expect='text="Clear filter"')
    banner = page.get_by_text("Filtered by article", exact=False).first.inner_text()
    title = re.search(r"“(.+)”", banner)
    assert title is not None and not re.search(r"\b[0-9a-f]{16}\b", banner), banner
    reading = _cell(page, "Reading view").locator('[data-testid="stSelectbox"] input').first
    assert reading.input_value().removeprefix("✓ ") == title.group(1), "the reading view shows the focused article"
    _clear_filter(page)


def test_a_selected_quote_stays_selected_by_record_not_by_row(page) -> None:
    quotes = _cell(page, "Quotes")
    grid = quotes.locator('[data-testid="stDataFrame"]').last
    x, y = _row_box(grid, 6)
    _do(page, lambda: page.mouse.click(x, y), expect=".nl-read")
    heading = quotes.locator('[data-testid="stMarkdownContainer"]').filter(has=page.locator("strong")).last
    chosen, sentence = heading.inner_text(), quotes.locator(".nl-read").last.inner_text()
    speaker = chosen.split(" · ")[0]
    box = quotes.locator('[data-testid="stMultiSelect"]').first  # Speaker: the list shrinks, the rows move
    box.click()
    page.keyboard.type(speaker)
    _do(page, lambda: page.keyboard.press("Enter"))
    page.keyboard.press("Escape")
    _settle(page, expect=".nl-read")
    assert quotes.get_by_text(re.compile(r"^\d+ statements? by 1 speaker")).count() == 1
    assert heading.inner_text() == chosen and quotes.locator(".nl-read").last.inner_text() == sentence, \
        "the selected statement is the same record, wherever its row went"
    box.click()
    _do(page, lambda: page.keyboard.press("Backspace"))
    page.keyboard.press("Escape")


def test_loader_tabs_stay_where_the_user_is(browser, server: str) -> None:
    tab = _open_tab(browser, server)
    try:
        articles = _cell(tab, "Articles")
        _do(tab, lambda: articles.get_by_role("tab", name="Paste").click(), expect='text="Add article"')
        _do(tab, lambda: articles.get_by_role("button", name="Add article").click(),
            expect="text=/contains only whitespace|is empty/")
        assert articles.get_by_role("tab", name="Paste").get_attribute("aria-selected") == "true"
        assert articles.get_by_text(re.compile("contains only whitespace|is empty")).first.is_visible()
        _do(tab, lambda: articles.get_by_role("tab", name="Upload").click(), expect='[data-testid="stFileUploader"]')
        _do(tab, lambda: articles.locator('input[type="file"]').set_input_files(
            [{"name": "grain.txt", "mimeType": "text/plain", "buffer": GOOD_FILE}]),
            expect='button:has-text("Add uploaded files")')
        assert articles.get_by_role("tab", name="Upload").get_attribute("aria-selected") == "true"
        assert articles.get_by_role("button", name="Add uploaded files").is_visible()
    finally:
        tab.context.close()


def test_a_good_and_a_bad_file_each_get_their_line_and_the_good_one_opens(browser, server: str) -> None:
    tab = _open_tab(browser, server)
    try:
        articles = _cell(tab, "Articles")
        _do(tab, lambda: articles.get_by_role("tab", name="Upload").click(), expect='[data-testid="stFileUploader"]')
        _do(tab, lambda: articles.locator('input[type="file"]').set_input_files([
            {"name": "grain.txt", "mimeType": "text/plain", "buffer": GOOD_FILE},
            {"name": "photo.txt", "mimeType": "text/plain", "buffer": BAD_FILE},
        ]), expect='button:has-text("Add uploaded files")')
        _do(tab, lambda: articles.get_by_role("button", name="Add uploaded files").click(),
            expect='text=/grain.txt: added/')
        assert articles.get_by_text(re.compile(r"^grain\.txt: added")).count() == 1
        refused = articles.get_by_text(re.compile(r"^photo\.txt")).all_inner_texts()
        assert len(refused) == 1 and refused[0].count("photo.txt") == 1 and "binary" in refused[0], refused
        reading = _cell(tab, "Reading view")
        assert reading.locator(".nl-read").filter(has_text="The grain ship Aurora left Marlow").count() == 1, \
            "the uploaded article opens in the reading view"
    finally:
        tab.context.close()


def test_a_pasted_article_opens_in_the_reading_view_escaped(browser, server: str) -> None:
    tab = _open_tab(browser, server)
    try:
        articles = _cell(tab, "Articles")
        _do(tab, lambda: articles.get_by_role("tab", name="Paste").click(), expect='text="Add article"')
        tab.get_by_label("Article text", exact=True).fill(XSS_ARTICLE)
        tab.get_by_label("Title", exact=True).first.fill("Script test")
        _do(tab, lambda: tab.get_by_role("button", name="Add article").click(), expect="text=Added 1 article")
        assert articles.get_by_role("tab", name="Paste").get_attribute("aria-selected") == "true"
        reading = _cell(tab, "Reading view")
        assert reading.locator('[data-testid="stSelectbox"] input').first.input_value().endswith("Script test")
        assert tab.evaluate("() => window.__xss") is None
        assert reading.locator(".nl-read").filter(has_text="<script>window.__xss = 1</script>").count() == 1
    finally:
        tab.context.close()


def test_the_420px_view_fits_its_charts(browser, server: str) -> None:
    tab = _open_tab(browser, server, width=420)
    try:
        figures = _cell(tab, "Figures")
        figures.scroll_into_view_if_needed()
        widths = figures.locator(".vega-embed svg").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
        assert widths and max(widths) <= 420, f"a chart runs off a 420 px screen: {widths}"
        print(f"screenshot: {_screenshot(tab, 'dashboard-420.png', width=420)}")
    finally:
        tab.context.close()


def _blocking_network(context) -> list[str]:
    """Abort every http(s) request of the context; return the list the attempted URLs go to."""
    attempted: list[str] = []

    def abort(route) -> None:
        attempted.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^https?://"), abort)
    return attempted


def test_html_report_from_the_export_cell_works_offline(page, browser, tmp_path) -> None:
    download = _cell(page, "Export").get_by_role("button", name="report.html")
    download.wait_for(timeout=TIMEOUT_MS)
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
        assert tab.title() == "Untitled workspace", "the report is titled with the workspace's name"
        assert tab.locator("h1").inner_text() == "Untitled workspace"
        assert tab.locator(".nl-chart").count() >= 4, "entity, speaker, side and casualty charts expected"
        widths = tab.locator(".nl-chart svg").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
        assert min(widths) > 300, f"every chart is drawn at a readable width: {widths}"
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


def _is_open(tab, name: str) -> bool:
    return _cell(tab, name).locator("details").first.get_attribute("open") is not None


def _toggle(tab, name: str, *, to_open: bool) -> None:
    """Click cell ``name``'s title and wait until the page draws it open (or collapsed): the
    expander follows the run its click starts, which may end before the expander is redrawn."""
    from playwright.sync_api import expect  # only reached when the browser fixture found playwright

    details = _cell(tab, name).locator("details").first
    _do(tab, lambda: _cell(tab, name).locator("summary").first.click())
    if to_open:
        expect(details).to_have_attribute("open", "", timeout=TIMEOUT_MS)
    else:
        expect(details).not_to_have_attribute("open", "", timeout=TIMEOUT_MS)


def _page_summary(tab) -> tuple[str, str]:
    """The sidebar's article count and the quotes cell's statement count, as the page shows them."""
    articles = tab.get_by_text(re.compile(r"^\d+ articles · page built in")).first.inner_text().split(" · ")[0]
    statements = tab.get_by_text(re.compile(r"^\d+ statements by \d+ speakers")).first.inner_text().split(" · ")[0]
    return articles, statements


def test_share_link_opens_the_same_workspace_after_a_server_restart(browser, tmp_path) -> None:
    port, database = free_port(), tmp_path / "ws.sqlite"
    proc = _start_server(port=port, database=database)
    try:
        owner = _open_tab(browser, f"http://127.0.0.1:{port}")
        _do(owner, lambda: owner.locator('[aria-label="Remove Compare"]').click())
        _do(owner, lambda: owner.get_by_role("button", name="Save and get a share link").click(),
            expect="text=Read-only link for colleagues")
        _toggle(owner, "Entities", to_open=False)
        _toggle(owner, "Reading view", to_open=False)
        assert not _is_open(owner, "Entities"), "a collapsed cell stays collapsed after the next click"
        _toggle(owner, "Reading view", to_open=True)
        found = SHARE_LINK.search(owner.locator('[data-testid="stSidebar"] [data-testid="stCode"]').inner_text())
        assert found is not None
        link = found.group(0)
        cells, summary = _cell_titles(owner), _page_summary(owner)
        assert "Compare" not in cells and "Articles" in cells
        owner.context.close()
    finally:
        stop_streamlit(proc, crash=True)  # killed, as a crash would: only the database survives

    proc = _start_server(port=port, database=database)
    try:
        viewer = _open_tab(browser, link)
        assert viewer.get_by_text("(read-only link)").first.is_visible()
        assert _cell_titles(viewer) == cells
        assert not _is_open(viewer, "Entities"), "the collapsed cell was saved with the workspace"
        assert _page_summary(viewer) == summary
        assert viewer.get_by_role("button", name="Add article").count() == 0
        assert viewer.get_by_text("This is a read-only shared workspace").first.is_visible()
        assert viewer.locator('[aria-label="Remove Articles"]:not([disabled])').count() == 0
        _do(viewer, lambda: viewer.get_by_role("button", name="Make a copy I can edit").click(),
            expect="text=Saved automatically")
        fork = SHARE_LINK.search(viewer.url)
        assert fork is not None and fork.group(0) != link
        assert viewer.get_by_role("tab", name="Paste").count() == 1, "the copy can be edited"
        assert _cell_titles(viewer) == cells
        viewer.context.close()
    finally:
        stop_streamlit(proc)
