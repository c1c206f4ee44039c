"""``python -m components bench --browser``: the real page in a real browser, timed as a user feels it.

It starts ``streamlit run dashboard.py`` on a free port with its own workspace database and
drives Debian's chromium through Playwright. For each corpus (the 13 bundled samples, which a
first visit loads by itself, and N generated articles saved as a workspace and opened with
``?ws=TOKEN``) it times, over several runs:

- ``cold, first ever`` and ``cold visit``: a fresh server (no model, no analysis in memory), a
  new visitor: until the page first says something (``first words``), until it first says what
  it is doing ("Loading the English model", "Analysing 13 articles": ``first status``), and
  until it is fully drawn. The first cold start has an empty disk cache; the next ones find the
  bundled samples' analysis the first one kept there (generated articles are never kept);
- ``new session``: the warm server, another visitor, until fully drawn;
- click to settled for: an entity bar, a speaker bar, a side, a figure point, a quote row,
  *Clear filter*, switching the reading view's article, changing a cell's control.

"Fully drawn" and "settled" are page conditions, polled in the browser: the script is not
running (``stApp``'s ``data-test-script-state``), a run happened since the click, no element is
stale or a skeleton, every vega chart has drawn its SVG, and the DOM has been quiet for
``QUIET_MS``; the time reported is that of the last DOM change (tooltips excluded), so the quiet
wait itself is not counted. Every WebSocket message is recorded in the page too, which splits each
time into *server* (click to the last message of the run: script time and transfer), *bytes*
received, and *draw* (last message to settled: the browser drawing charts and tables).

It prints a table and JSON; it never asserts (a slow figure is a finding, not a failure).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 1000}
QUIET_MS = 400
TIMEOUT_MS = 900_000  # a cold visit of 1,000 articles parses them all
CLICK_TIMEOUT_MS = 120_000
TARGET_CLICK_MS = 300.0
TARGET_CLICK_MAX_MS = 800.0
TARGET_CLICK_1000_MS = 1000.0
TARGET_SESSION_MS = 1500.0
TARGET_STATUS_MS = 1000.0
TARGET_COLD_MS = 5000.0

#: Installed before the page's own scripts: records WebSocket traffic, DOM changes, script runs
#: and the user's input, all on the page's clock (``performance.now()``).
INSTRUMENT_JS = r"""
(() => {
  const nl = window.__nl = {frames: [], sent: [], runs: 0, finished: 0, finishedAt: 0, lastMut: 0,
                            input: 0, firstWords: null, firstStatus: null, awaiting: false, replied: false};
  const scriptState = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  // A run whose messages all arrive in one go is never drawn as running (React draws the last
  // state only): such a run counts as finished once the server answered what the page sent and
  // has been silent for REPLY_QUIET ms with the script shown as not running (long enough that a
  // run drawn as running would have been: React draws within a frame).
  const REPLY_QUIET = 400;
  const replyDone = () => {
    const now = performance.now();
    if (nl.awaiting && nl.replied && now - nl.frames[nl.frames.length - 1][0] >= REPLY_QUIET - 5
        && scriptState() === 'notRunning') {
      nl.runs += 1; nl.finished += 1; nl.finishedAt = now; nl.awaiting = false;
    }
  };
  const Native = window.WebSocket;
  class Recorded extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const d = e.data;
        nl.frames.push([performance.now(), d.byteLength ?? d.size ?? d.length ?? 0]);
        if (nl.awaiting) { nl.replied = true; setTimeout(replyDone, REPLY_QUIET); }
      });
    }
    send(data) {
      nl.sent.push(performance.now()); nl.awaiting = true; nl.replied = false;
      return super.send(data);
    }
  }
  window.WebSocket = Recorded;
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, () => { nl.input = performance.now(); }, true);
  }
  const STATUS = '[data-testid="stSpinner"], [data-testid="stProgress"], [data-testid="stAlert"]';
  const watch = () => {
    let state = null;
    new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) {
        const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (t && t.closest && t.closest('#vg-tooltip-element, [data-testid="stTooltipContent"]')) continue;
        nl.lastMut = now;
        break;
      }
      // every state the run went through, from the records (a run shorter than one batch of
      // mutations is running and done again by the time this callback reads the attribute)
      const app = document.querySelector('[data-testid="stApp"]');
      const states = records.filter((r) => r.target === app && r.attributeName === 'data-test-script-state')
        .slice(1).map((r) => r.oldValue);
      states.push(app ? app.getAttribute('data-test-script-state') : null);
      for (const next of states) {
        if (next === state) continue;
        if (next === 'running') { nl.runs += 1; nl.awaiting = false; }
        if (next === 'notRunning' && state !== null) { nl.finished += 1; nl.finishedAt = now; }
        state = next;
      }
      if (nl.firstWords === null) {
        const main = document.querySelector('[data-testid="stMain"]');
        if (main && main.innerText.trim().length > 0) nl.firstWords = now;
      }
      if (nl.firstStatus === null) {
        for (const el of document.querySelectorAll(STATUS)) {
          if (/Loading|Analys/.test(el.innerText)) { nl.firstStatus = now; break; }
        }
      }
    }).observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeOldValue: true,
                                       characterData: true});
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();
"""

#: True once the page has settled after run number ``minFinished``; ``quiet`` ms without DOM change.
SETTLED_JS = """
([minFinished, quiet]) => {
  const nl = window.__nl;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!nl || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (nl.finished < minFinished) return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"], [data-testid="stSkeletonElement"]'))
    return false;
  for (const chart of document.querySelectorAll('.vega-embed')) {
    if (!chart.querySelector('svg, canvas')) return false;
  }
  return performance.now() - nl.lastMut >= quiet;
}
"""


@dataclass
class Sample:
    """One timed action: milliseconds from the user's input (or the navigation) on the page's clock."""

    settled_ms: float
    answer_ms: float | None = None  # the expected element appeared
    server_ms: float | None = None  # input to the last WebSocket message of the run
    draw_ms: float | None = None  # last message to settled
    kbytes: float = 0.0
    extra: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Series:
    """Every sample of one action on one corpus."""

    corpus: str
    action: str
    samples: list[Sample] = field(default_factory=list)

    def stat(self, name: str) -> tuple[float | None, float | None]:
        values = [getattr(s, name) for s in self.samples if getattr(s, name) is not None]
        return (statistics.median(values), max(values)) if values else (None, None)

    def extra_stat(self, name: str) -> tuple[float | None, float | None]:
        values = [s.extra[name] for s in self.samples if s.extra.get(name) is not None]
        return (statistics.median(values), max(values)) if values else (None, None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"corpus": self.corpus, "action": self.action, "runs": len(self.samples)}
        for name in ("settled_ms", "answer_ms", "server_ms", "draw_ms", "kbytes"):
            median, worst = self.stat(name)
            out[f"{name}_median"] = None if median is None else round(median, 1)
            out[f"{name}_max"] = None if worst is None else round(worst, 1)
        for name in sorted({k for s in self.samples for k in s.extra}):
            median, worst = self.extra_stat(name)
            out[f"{name}_median"] = None if median is None else round(median, 1)
            out[f"{name}_max"] = None if worst is None else round(worst, 1)
        return out


def chromium_path() -> str | None:
    """Debian's chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_streamlit(port: int, env: dict[str, str], *, stdout: Any = subprocess.DEVNULL,
                    timeout: float = 120) -> subprocess.Popen[bytes]:
    """``streamlit run dashboard.py`` on ``port`` with ``env``, returned once its health check answers.

    Raises:
        RuntimeError: the server exited or did not answer within ``timeout`` seconds (it is killed).
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "dashboard.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],  # edits to the tree during a run must not reload modules
        cwd=REPO_ROOT, env=env, stdout=stdout, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("streamlit did not start") from None
            time.sleep(0.2)  # polling the health check, not waiting out a guess


def stop_streamlit(proc: subprocess.Popen[bytes], *, crash: bool = False, timeout: float = 15) -> None:
    """Stop a server: SIGTERM and wait, or SIGKILL (a crash: nothing gets to clean up)."""
    if crash:
        proc.kill()
    else:
        proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)


@contextmanager
def serve(database: Path, *, log: Path | None = None, cache_dir: Path | None = None) -> Iterator[str]:
    """``streamlit run dashboard.py`` on a free port with ``database`` (and the page's disk cache in
    ``cache_dir``); yields its URL, stops it after."""
    port = free_port()
    env = {**os.environ, "NEWSLENS_DB": str(database)}
    if cache_dir is not None:
        env["NEWSLENS_CACHE_DIR"] = str(cache_dir)
    env.pop("DATABASE_URL", None)
    out = log.open("ab") if log is not None else subprocess.DEVNULL
    try:
        proc = start_streamlit(port, env, stdout=out)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            stop_streamlit(proc)
    finally:
        if log is not None:
            out.close()  # type: ignore[union-attr]


def save_workspace(database: Path, n: int) -> str:
    """A workspace of ``make_corpus(n)`` in ``database``; returns its edit token."""
    from components.bench.throughput import make_corpus
    from components.store import Store

    with Store(f"sqlite+pysqlite:///{database}") as store:
        return store.create(name=f"bench {n}", articles=make_corpus(n), settings={}).edit_token


class Driver:
    """One browser tab with the instrumentation; actions return a :class:`Sample`."""

    def __init__(self, browser: Any, url: str, *, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or VIEWPORT)
        self.context.add_init_script(INSTRUMENT_JS)
        self.page = self.context.new_page()
        self.url = url

    def close(self) -> None:
        self.context.close()

    def _now(self) -> float:
        return float(self.page.evaluate("() => performance.now()"))

    def _wait_settled(self, min_finished: int, *, timeout: float = TIMEOUT_MS) -> None:
        self.page.wait_for_function(SETTLED_JS, arg=[min_finished, QUIET_MS], timeout=timeout, polling=50)

    def _sample(self, since: float, *, answer_at: float | None = None) -> Sample:
        nl = self.page.evaluate("() => window.__nl")
        settled = nl["lastMut"]
        frames = [(t, n) for t, n in nl["frames"] if t >= since]
        last = max((t for t, _ in frames if t <= settled + 1), default=None)
        sent = min((t for t in nl["sent"] if t >= since), default=None)
        first = min((t for t, _ in frames if sent is not None and t >= sent), default=None)
        return Sample(
            settled_ms=settled - since,
            answer_ms=None if answer_at is None else answer_at - since,
            server_ms=None if last is None else last - since,
            draw_ms=None if last is None else settled - last,
            kbytes=sum(n for _, n in frames) / 1024,
            extra={"sent_ms": None if sent is None else sent - since,
                   "first_message_ms": None if first is None else first - since},
        )

    def visit(self) -> Sample:
        """Open the URL as a new visitor and wait until the page is fully drawn."""
        self.page.goto(self.url, wait_until="commit", timeout=TIMEOUT_MS)
        self._wait_settled(1)
        sample = self._sample(0.0)
        nl = self.page.evaluate("() => window.__nl")
        sample.extra = {"first_words_ms": nl["firstWords"], "first_status_ms": nl["firstStatus"]}
        return sample

    def act(self, action: Callable[[], None], *, answer: str | None = None) -> Sample:
        """Run ``action`` (a click, a key), wait for a script run to finish and the page to settle.

        ``answer`` is a CSS/text selector that shows the action's result; its time is reported too.
        """
        finished = int(self.page.evaluate("() => window.__nl.finished"))
        self.page.evaluate("() => { window.__nl.input = 0; }")
        action()
        answer_at = None
        if answer is not None:
            self.page.wait_for_selector(answer, state="attached", timeout=CLICK_TIMEOUT_MS)
            answer_at = self._now()
        self._wait_settled(finished + 1, timeout=CLICK_TIMEOUT_MS)
        since = float(self.page.evaluate("() => window.__nl.input"))
        return self._sample(since, answer_at=answer_at)


# ----------------------------------------------------------------------------- the page's parts

def cell(page: Any, name: str) -> Any:
    """The expander of the cell titled ``name``."""
    title = page.locator('summary [data-testid="stMarkdownContainer"]').filter(
        has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))
    return page.locator('[data-testid="stExpander"]').filter(has=title).first


def open_cell(page: Any, name: str) -> Any:
    """The cell titled ``name``, expanded (a click on its title when it is collapsed)."""
    box = cell(page, name)
    details = box.locator("details").first
    if details.count() and details.get_attribute("open") is None:
        box.locator("summary").first.click()
        page.wait_for_function(SETTLED_JS, arg=[0, QUIET_MS], timeout=TIMEOUT_MS, polling=50)
    return box


def chart_marks(scope: Any, title: str | None, role: str) -> Any:
    """The marks (``bar`` or ``point``) of the vega chart whose title is ``title`` (None: the first
    chart in ``scope`` that has such marks)."""
    marks = f'path[aria-roledescription="{role}"]'
    charts = scope.locator(".vega-embed")
    chart = charts.filter(has_text=title) if title else charts.filter(has=scope.page.locator(marks))
    return chart.first.locator(marks)


def clear_filter(page: Any) -> None:
    button = page.get_by_role("button", name="Clear filter").first
    button.click()


FILTER_ON = 'button:has-text("Clear filter")'


def _click_mark(marks: Any, n: int) -> Callable[[], None]:
    def click() -> None:
        count = marks.count()
        mark = marks.nth(n % max(count, 1))
        mark.scroll_into_view_if_needed()
        mark.click(force=True)
    return click


def _row_click(frame: Any, row: int) -> Callable[[], None]:
    """Click the selection box of a dataframe's ``row`` (0 = first data row)."""
    def click() -> None:
        frame.scroll_into_view_if_needed()
        box = frame.bounding_box()
        frame.page.mouse.click(box["x"] + 14, box["y"] + 35 * (row + 1) + 17)
    return click


def interactions(driver: Driver, *, rounds: int, corpus: str, report: Callable[[str, Sample], None]) -> None:
    """The clicks a reader makes, ``rounds`` times each; each filter is cleared again (timed too).

    An action that fails (its mark is missing, the page never settles) is reported on stderr
    and the round goes on with the next one.
    """
    page = driver.page
    act = driver.act

    def timed(name: str, action: Callable[[], None], *, answer: str | None = None) -> None:
        try:
            report(name, act(action, answer=answer))
        except Exception as exc:  # noqa: BLE001 - playwright's errors; a benchmark reports and goes on
            print(f"  {corpus:>14} {name:<16} failed: {str(exc).splitlines()[0]}", file=sys.stderr, flush=True)

    for n in range(rounds):
        entities = open_cell(page, "Entities")
        timed("entity bar", _click_mark(chart_marks(entities, "Most mentioned", "bar"), n), answer=FILTER_ON)
        timed("Clear filter", lambda: clear_filter(page))
        quotes = open_cell(page, "Quotes")
        timed("speaker bar", _click_mark(chart_marks(quotes, "Statements per speaker", "bar"), n), answer=FILTER_ON)
        timed("Clear filter", lambda: clear_filter(page))
        compare = open_cell(page, "Compare")
        timed("side", _click_mark(chart_marks(compare, "Statements per side", "bar"), n), answer=FILTER_ON)
        timed("Clear filter", lambda: clear_filter(page))
        figures = open_cell(page, "Figures")
        timed("figure point", _click_mark(chart_marks(figures, None, "point"), 3 * n + 1))
        quotes = open_cell(page, "Quotes")
        timed("quote row", _row_click(quotes.locator('[data-testid="stDataFrame"]').last, n % 5 + 1))
        reading = open_cell(page, "Reading view")

        def switch_article(scope: Any = reading, k: int = n) -> None:
            box = scope.locator('[data-testid="stSelectbox"]').first.locator("input")
            box.click()
            page.keyboard.press("ArrowDown")  # opens the list on the current article
            options = page.locator('[data-testid="stSelectboxVirtualDropdown"] [role="option"]')
            options.first.wait_for(timeout=CLICK_TIMEOUT_MS)
            # another article than the one shown (choosing the shown one runs nothing: no sample)
            others = [i for i in range(options.count()) if options.nth(i).get_attribute("aria-selected") != "true"]
            options.nth(others[k % min(3, len(others))]).click()

        timed("reading article", switch_article)
        entities = open_cell(page, "Entities")
        step = "Up" if n % 2 == 0 else "Down"
        timed("cell control",
              lambda scope=entities, s=step: scope.locator(f'[data-testid="stNumberInputStep{s}"]').first.click())

# ----------------------------------------------------------------------------- the run


def _corpora(sizes: Sequence[int]) -> list[tuple[str, int | None]]:
    return [("13 samples", None), *[(f"{n} articles", n) for n in sizes]]


def run_browser_bench(*, sizes: Sequence[int] = (100, 1000), rounds: int = 5, cold_runs: int = 3,
                      sessions: int = 5, json_out: Path | None = None, log: Path | None = None) -> int:
    """Run the browser benchmark over the samples and ``sizes`` generated articles; print the table."""
    executable = chromium_path()
    if executable is None:
        print("chromium is not installed (apt-get install -y chromium): nothing to measure", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    results: dict[tuple[str, str], Series] = {}

    def report(corpus: str) -> Callable[[str, Sample], None]:
        def add(action: str, sample: Sample) -> None:
            results.setdefault((corpus, action), Series(corpus, action)).samples.append(sample)
            print(f"  {corpus:>14} {action:<16} {sample.settled_ms:8.0f} ms", file=sys.stderr, flush=True)
        return add

    with tempfile.TemporaryDirectory(prefix="newslens-browser-bench-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for corpus, n in _corpora(sizes):
                add = report(corpus)
                database = Path(tmp) / f"bench-{n or 'samples'}.sqlite"
                query = f"?ws={save_workspace(database, n)}" if n else ""
                cache_dir = Path(tmp) / f"cache-{n or 'samples'}"  # empty: the first cold start has nothing on disk
                for run in range(cold_runs if n is None else 1):
                    with serve(database, log=log, cache_dir=cache_dir) as url:
                        driver = Driver(browser, url + query)
                        add("cold, first ever" if run == 0 else "cold visit", driver.visit())
                        driver.close()
                        if run < (cold_runs if n is None else 1) - 1:
                            continue
                        for _ in range(sessions):
                            driver = Driver(browser, url + query)
                            add("new session", driver.visit())
                            driver.close()
                        driver = Driver(browser, url + query)
                        driver.visit()
                        interactions(driver, rounds=rounds, corpus=corpus, report=add)
                        driver.close()
        finally:
            browser.close()
    series = list(results.values())
    print(format_browser_table(series))
    document = {"cpus": os.cpu_count(), "load_average": os.getloadavg(), "quiet_ms": QUIET_MS,
                "series": [s.to_dict() for s in series]}
    print(json.dumps(document, indent=1))
    if json_out is not None:
        json_out.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return 0


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def format_browser_table(series: Sequence[Series]) -> str:
    """One line per corpus and action: settled median / max, and where the time went (medians)."""
    header = (f"{'corpus':>14} {'action':<16} {'runs':>4} {'settled med':>11} {'max':>7} {'answer':>7} "
              f"{'server':>7} {'draw':>7} {'kB':>7}  extra")
    lines = [header, "-" * len(header)]
    for s in series:
        settled, worst = s.stat("settled_ms")
        extra = "  ".join(f"{k.removesuffix('_ms')} {_ms(s.extra_stat(k)[0])}"
                          for k in sorted({k for x in s.samples for k in x.extra}))
        lines.append(
            f"{s.corpus:>14} {s.action:<16} {len(s.samples):>4} {_ms(settled):>11} {_ms(worst):>7} "
            f"{_ms(s.stat('answer_ms')[0]):>7} {_ms(s.stat('server_ms')[0]):>7} {_ms(s.stat('draw_ms')[0]):>7} "
            f"{_ms(s.stat('kbytes')[0]):>7}  {extra}"
        )
    return "\n".join(lines)
