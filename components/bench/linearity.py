"""``python -m components bench --linearity``: time per character of hostile texts, 1 KB to 1 MB.

Each shape is a text an attacker (or a broken scraper) could hand us, built to a given length:
repeated quotation marks, quotations opened and never closed, one endless sentence, many short
quotations, prose strewn with quotation marks, and one-word lines. For each shape and size the
text goes the whole way a pasted article goes: the loader (which may refuse it at once, with the
reason), the parse (uncached), our extraction and the comparison. The report is the time per
character of each step, and the CPU time per character of the whole point (what a busy machine
changes least); a flat column means the step is linear in the article's length.

It prints figures and asserts nothing; a test checks the shapes' behaviour at small sizes
(``tests/language/test_linearity_shapes.py``), never their timings.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from components.analysis import AnalysisSettings, analyze_doc
from components.compare import compare
from components.ingest import limits
from components.ingest.loaders import ArticleLoadError, from_text
from components.language import nlp

SIZES: tuple[int, ...] = (1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000)
DEFAULT_RUN_MAX = 64_000  # the curve in a plain ``bench`` run; ``--linearity`` goes to 1 MB


def repeated(unit: str) -> Callable[[int], str]:
    """A shape: ``unit`` repeated and cut to the size asked for."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "quote-marks": repeated('"'),
    "unclosed-quotes": repeated("“The army said, "),
    "endless-sentence": repeated("the army moved north and the ministry said that "),
    "short-quotes": repeated("“Yes,” she said. “No.” Ilse Varga said “we stay” and "),
    "prose-quotes": repeated('The army " said that 4 people " were killed " in Brenna, '),
    "one-word-lines": repeated("word\n"),
}


@dataclass(frozen=True, slots=True)
class Point:
    """One shape at one size: seconds per step, or the refusal and how long it took."""

    shape: str
    chars: int
    tokens: int | None
    load_s: float
    parse_s: float | None = None
    extract_s: float | None = None
    compare_s: float | None = None
    refused: str | None = None
    cpu_s: float | None = None  # CPU seconds of the whole point (a fair measure on a busy machine)

    @property
    def total_s(self) -> float:
        return self.load_s + (self.parse_s or 0.0) + (self.extract_s or 0.0) + (self.compare_s or 0.0)

    def per_char_us(self, seconds: float | None) -> float | None:
        return None if seconds is None else 1e6 * seconds / self.chars


def measure(shape: str, chars: int) -> Point:
    """Load, parse, extract and compare one hostile text, timing each step."""
    text = SHAPES[shape](chars)
    cpu = time.process_time()
    started = time.perf_counter()
    try:
        article = from_text(text, title=f"{shape} {chars}")
    except ArticleLoadError as error:
        return Point(shape, chars, None, time.perf_counter() - started, refused=str(error),
                     cpu_s=time.process_time() - cpu)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    try:
        doc = next(nlp.iter_parse([article.text], cache=nlp.ParseCache(size=0)))
    except ArticleLoadError as error:
        return Point(shape, chars, None, load_s, parse_s=time.perf_counter() - started, refused=str(error),
                     cpu_s=time.process_time() - cpu)
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    result = analyze_doc(article, doc, settings=AnalysisSettings())
    extract_s = time.perf_counter() - started
    started = time.perf_counter()
    compare([result])
    compare_s = time.perf_counter() - started
    return Point(shape, chars, len(doc), load_s, parse_s, extract_s, compare_s, cpu_s=time.process_time() - cpu)


def run_curve(*, sizes: Sequence[int] = SIZES, shapes: Sequence[str] = tuple(SHAPES),
              progress: Callable[[Point], None] | None = None) -> list[Point]:
    """Every shape at every size, in ascending size (a refused size ends nothing: larger ones are tried too)."""
    nlp.get_nlp()
    measure("prose-quotes", 1_000)  # quotes, figures, units: the extractors' lazy tables load outside the timings
    points: list[Point] = []
    for shape in shapes:
        for size in sorted(sizes):
            point = measure(shape, size)
            points.append(point)
            if progress is not None:
                progress(point)
    return points


def growth(points: Sequence[Point]) -> dict[str, float | None]:
    """Per shape, the largest time per character over the smallest, among sizes of 4 KB and more
    that were analyzed (1 for a flat curve; the 1 KB point is mostly fixed cost)."""
    out: dict[str, float | None] = {}
    for shape in dict.fromkeys(p.shape for p in points):
        costs = [p.total_s / p.chars for p in points if p.shape == shape and p.refused is None and p.chars >= 4_000]
        out[shape] = round(max(costs) / min(costs), 2) if len(costs) >= 2 else None
    return out


def _us(value: float | None) -> str:
    return f"{value:9.1f}" if value is not None else f"{'-':>9}"


def format_curve(points: Sequence[Point]) -> str:
    header = (f"{'shape':<17} {'chars':>9} {'tokens':>8} {'load us/c':>9} {'parse us/c':>10} {'ours us/c':>9} "
              f"{'total s':>8} {'cpu us/c':>9}  refused")
    lines = [header, "-" * len(header)]
    for p in points:
        ours = None if p.extract_s is None else (p.extract_s + (p.compare_s or 0.0))
        tokens = f"{p.tokens:>8}" if p.tokens is not None else f"{'-':>8}"
        lines.append(
            f"{p.shape:<17} {p.chars:>9} {tokens} {_us(p.per_char_us(p.load_s))} {_us(p.per_char_us(p.parse_s)):>10} "
            f"{_us(p.per_char_us(ours))} {p.total_s:>8.2f} {_us(p.per_char_us(p.cpu_s))}  {p.refused or ''}"
        )
    return "\n".join(lines)


def report(points: Sequence[Point]) -> dict[str, Any]:
    """The curve as JSON: every point, the growth per shape, and the limits it ran under."""
    return {
        "points": [{**asdict(p), "total_s": p.total_s} for p in points],
        "growth_max_over_min": growth(points),
        "max_article_chars": limits.MAX_ARTICLE_CHARS, "max_article_tokens": limits.MAX_ARTICLE_TOKENS,
        "slowest_s": round(max((p.total_s for p in points), default=0.0), 2),
    }
