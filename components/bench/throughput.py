"""``python -m components bench``: throughput, memory, growth with N and page timings, in one run.

For each N it builds N distinct articles of about 700 words from the bundled samples (paragraphs
of two articles of the same event, shuffled with a fixed seed, so no two texts are equal and no
cache can help), then measures on the same texts with the same batch size and processes:

- ``parse_wps``: words per second of the bare spaCy pipeline (``nlp.pipe``), the floor;
- ``analysis_wps``: words per second of our per-article analysis (parse + entities, sides,
  quotes, figures), and ``ratio`` = analysis_wps / parse_wps (target >= 0.85);
- ``compare_s``: the cross-article comparison of the whole set, timed on its own;
- ``analysis_peak_mb``: the process's peak resident memory once the N articles are analyzed and
  compared, and ``peak_rss_mb`` once the page has shown them too (the peak only grows, so each
  figure bounds the step from above, earlier steps included);
- ``seconds_per_1k_words``: how the cost grows with N (flat means linear);
- page timings (AppTest, the real ``dashboard.py``): the first render of a workspace holding the
  N articles once they are analyzed, a cached rerun, and the number of parses the rerun did.

It prints a table and JSON (also written to ``--json-out``). Nothing here asserts: the targets
are reported beside the figures, and the exit code is 0 unless the benchmark itself fails.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from components.analysis import RESULT_CACHE, AnalysisSettings, iter_analyze
from components.ingest.loaders import SAMPLES_DIR, Article, from_path
from components.language import nlp

TARGET_WORDS = 700
TARGET_RATIO = 0.85
TARGET_RERUN_MS = 300.0
TARGET_PEAK_MB = 1536.0


@dataclass(frozen=True, slots=True)
class StepResult:
    """The figures of one N (``label`` "samples" is the bundled set itself, best of a few runs)."""

    label: str
    n_articles: int
    n_words: int
    parse_s: float
    analysis_s: float
    parse_wps: float
    analysis_wps: float
    ratio: float
    compare_s: float
    seconds_per_1k_words: float
    peak_rss_mb: float
    analysis_peak_mb: float | None = None
    first_render_ms: float | None = None
    cached_rerun_ms: float | None = None
    rerun_parses: int | None = None


def _samples_by_event() -> list[tuple[str, Article]]:
    """The bundled samples with their event, named by the file ("port-strike-harbor-ledger.txt")."""
    return [("-".join(path.stem.split("-")[:2]), from_path(path))
            for path in sorted(SAMPLES_DIR.glob("*.txt")) if path.stem.lower() != "readme"]


def make_corpus(n: int, *, seed: int = 7, words: int = TARGET_WORDS) -> list[Article]:
    """``n`` distinct articles of about ``words`` words, mixed from samples of the same event."""
    samples = _samples_by_event()
    by_event: dict[str, list[Article]] = {}
    for event, sample in samples:
        by_event.setdefault(event, []).append(sample)
    rng = random.Random(seed)
    made: list[Article] = []
    for i in range(n):
        event, base = samples[i % len(samples)]
        peers = by_event[event]
        other = peers[(i // len(samples) + 1) % len(peers)]
        paragraphs = [p for p in base.text.split("\n\n") if p.strip()]
        extra = [p for p in other.text.split("\n\n") if p.strip()][1:]
        rng.shuffle(extra)
        body: list[str] = [paragraphs[0]]
        count = len(paragraphs[0].split())
        for paragraph in paragraphs[1:] + extra:
            if count >= words:
                break
            body.append(paragraph)
            count += len(paragraph.split())
        body.append(f"This report is number {i + 1} in the benchmark set.")
        made.append(Article(text="\n\n".join(body), title=f"{base.title} ({i + 1})", outlet=base.outlet,
                            published=base.published, source=f"bench-{i + 1}"))
    return made


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _time_parse(texts: Sequence[str], *, n_process: int) -> float:
    start = time.perf_counter()
    for _ in nlp.get_nlp().pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=n_process):
        pass
    return time.perf_counter() - start


def _time_analysis(corpus: Sequence[Article], *, n_process: int) -> tuple[float, list[Any]]:
    """Parse (uncached) and analyze every article as corpus mode does; returns the seconds and the results."""
    start = time.perf_counter()
    results = list(iter_analyze(corpus, settings=AnalysisSettings(), n_process=n_process, use_cache=False))
    return time.perf_counter() - start, results


def _time_compare(results: Sequence[Any]) -> float:
    from components.compare import compare

    start = time.perf_counter()
    compare(results)
    return time.perf_counter() - start


def run_step(n: int, *, n_process: int = 1, with_app: bool = True) -> StepResult:
    """Measure one N (see the module docstring)."""
    corpus = make_corpus(n)
    texts = [a.text for a in corpus]
    words = sum(len(t.split()) for t in texts)
    parse_s = _time_parse(texts, n_process=n_process)
    analysis_s, results = _time_analysis(corpus, n_process=n_process)
    compare_s = _time_compare(results)
    del results
    analysis_peak = peak_rss_mb()
    first = rerun = None
    rerun_parses = None
    if with_app:
        from components.ui.page_timing import time_page

        first, rerun, rerun_parses = time_page(corpus)
    return StepResult(
        label=str(n), n_articles=n, n_words=words, parse_s=parse_s, analysis_s=analysis_s,
        parse_wps=words / parse_s, analysis_wps=words / analysis_s, ratio=parse_s / analysis_s,
        compare_s=compare_s, seconds_per_1k_words=1000 * (analysis_s + compare_s) / words,
        peak_rss_mb=peak_rss_mb(), analysis_peak_mb=analysis_peak, first_render_ms=first, cached_rerun_ms=rerun,
        rerun_parses=rerun_parses,
    )


def run_samples_step(*, repeats: int = 3) -> StepResult:
    """The bundled samples as they are: parse alone and full analysis, best of ``repeats`` runs each."""
    samples = [article for _, article in _samples_by_event()]
    texts = [a.text for a in samples]
    words = sum(len(t.split()) for t in texts)
    parse_s = analysis_s = float("inf")
    results: list[Any] = []
    for _ in range(repeats):  # interleaved, so a slow moment of the machine hits both alike
        parse_s = min(parse_s, _time_parse(texts, n_process=1))
        seconds, results = _time_analysis(samples, n_process=1)
        analysis_s = min(analysis_s, seconds)
    compare_s = _time_compare(results)
    return StepResult(
        label="samples", n_articles=len(samples), n_words=words, parse_s=parse_s, analysis_s=analysis_s,
        parse_wps=words / parse_s, analysis_wps=words / analysis_s, ratio=parse_s / analysis_s,
        compare_s=compare_s, seconds_per_1k_words=1000 * (analysis_s + compare_s) / words,
        peak_rss_mb=peak_rss_mb(), analysis_peak_mb=peak_rss_mb(),
    )


def _fmt(value: float | int | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def format_table(steps: Sequence[StepResult]) -> str:
    header = (f"{'N':>8} {'words':>8} {'parse w/s':>10} {'analysis w/s':>13} {'ratio':>6} {'compare s':>10} "
              f"{'s/1k words':>11} {'an. MB':>7} {'peak MB':>8} {'first ms':>9} {'rerun ms':>9} {'reparsed':>8}")
    lines = [header, "-" * len(header)]
    for s in steps:
        lines.append(
            f"{s.label:>8} {s.n_words:>8} {s.parse_wps:>10.0f} {s.analysis_wps:>13.0f} {s.ratio:>6.2f} "
            f"{s.compare_s:>10.2f} {s.seconds_per_1k_words:>11.3f} {_fmt(s.analysis_peak_mb, '7.0f')} "
            f"{s.peak_rss_mb:>8.0f} "
            f"{_fmt(s.first_render_ms, '9.0f')} {_fmt(s.cached_rerun_ms, '9.0f')} {_fmt(s.rerun_parses, '8d')}"
        )
    return "\n".join(lines)


def verdicts(steps: Sequence[StepResult]) -> dict[str, Any]:
    """The targets beside the figures (reported, never asserted)."""
    worst_ratio = min(s.ratio for s in steps)
    grown = [s for s in steps if s.label != "samples"] or list(steps)
    growth = max(s.seconds_per_1k_words for s in grown) / min(s.seconds_per_1k_words for s in grown)
    reruns = [s.cached_rerun_ms for s in steps if s.cached_rerun_ms is not None]
    out: dict[str, Any] = {
        "ratio_min": round(worst_ratio, 3), "ratio_target": TARGET_RATIO, "ratio_ok": worst_ratio >= TARGET_RATIO,
        "cost_growth_per_word_max_over_min": round(growth, 2), "linear": growth <= 1.5,
        "peak_rss_mb": round(max(s.peak_rss_mb for s in steps)), "peak_ok": max(s.peak_rss_mb for s in steps)
        <= TARGET_PEAK_MB,
    }
    analysis_peaks = [s.analysis_peak_mb for s in steps if s.analysis_peak_mb is not None]
    if analysis_peaks:
        out.update(analysis_peak_mb=round(max(analysis_peaks)), analysis_peak_ok=max(analysis_peaks) <= TARGET_PEAK_MB)
    if reruns:
        out.update(cached_rerun_ms_max=round(max(reruns)), cached_rerun_ok=max(reruns) < TARGET_RERUN_MS)
    big = [s for s in steps if s.n_articles >= 1000]
    if big:
        per_1000 = big[0].analysis_s * 1000 / big[0].n_articles
        out.update(seconds_for_1000_articles=round(per_1000, 1), thousand_under_3_min=per_1000 < 180)
    return out


def _curve(sizes: Sequence[int]) -> dict[str, Any]:
    """The linearity curve (:mod:`components.bench.linearity`): printed as a table, returned as JSON."""
    from components.bench import linearity

    def progress(point: linearity.Point) -> None:
        state = f"refused in {point.load_s + (point.parse_s or 0):.2f} s" if point.refused else f"{point.total_s:.2f} s"
        print(f"linearity {point.shape} {point.chars:,} chars: {state}", file=sys.stderr, flush=True)

    points = linearity.run_curve(sizes=sizes, progress=progress)
    print(linearity.format_curve(points))
    return linearity.report(points)


def run_bench(
    *, n_values: Sequence[int], n_process: int = 1, with_app: bool = True, json_out: Path | None = None,
    curve_sizes: Sequence[int] = (), throughput: bool = True, repeats: int = 3,
) -> int:
    """Run every N in ascending order, then the linearity curve over ``curve_sizes`` (none: no
    curve); print the tables and the JSON, optionally save the JSON. ``throughput=False`` runs
    the curve alone; ``repeats`` runs of the samples step, the best reported."""
    nlp.get_nlp()
    report: dict[str, Any] = {"model": nlp.model_name(), "n_process": n_process, "batch_size": nlp.BATCH_SIZE,
                              "cpus": os.cpu_count()}
    if throughput:
        warm = make_corpus(2)  # load the model and the extractors' lazy tables outside the timings
        _time_analysis(warm, n_process=1)
        RESULT_CACHE.clear()
        steps: list[StepResult] = [run_samples_step(repeats=repeats)]
        print(f"samples: ratio {steps[0].ratio:.2f}", file=sys.stderr, flush=True)
        for n in sorted(set(n_values)):
            step = run_step(n, n_process=n_process, with_app=with_app)
            steps.append(step)
            print(f"N={n}: {step.analysis_s:.1f} s analysis, ratio {step.ratio:.2f}", file=sys.stderr, flush=True)
        report.update(steps=[asdict(s) for s in steps], verdicts=verdicts(steps))
        print(format_table(steps))
    if curve_sizes:
        report["linearity"] = _curve(curve_sizes)
    print(json.dumps(report, indent=1))
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0
