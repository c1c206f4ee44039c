"""Assemble the analysis of a set of articles: parse once, extract, attach sides, compare.

``analyze(articles)`` returns an :class:`Analysis`; ``Analysis.to_json()`` is the contract of
``../shared/design.md`` that the CLI prints and the acceptance scorer reads. Per-article results
are cached by (content hash, metadata, settings), so adding one article to a set, or changing a
setting that only the comparison uses, never redoes the other articles. This is the one module
that joins the language layer (per article) and the comparison (across articles).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from components.compare import compare
from components.ingest.article import Article
from components.ingest.batching import batched
from components.language import nlp
from components.language.extract import AnalysisSettings, ArticleAnalysis, EntityRecord, analyze_doc

__all__ = ["SCHEMA", "Analysis", "AnalysisSettings", "ArticleAnalysis", "EntityRecord", "analyze", "analyze_doc",
           "iter_analyze"]

SCHEMA = "article-analysis/1"
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Analysis:
    """The analysis of a set of articles plus the comparison across them."""

    model: str
    articles: tuple[ArticleAnalysis, ...]
    comparison: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self, *, include_text: bool = False) -> dict[str, Any]:
        articles = []
        for item in self.articles:
            data = item.to_dict()
            if include_text:
                data["text"] = item.article.text
            articles.append(data)
        return {"schema": SCHEMA, "model": self.model, "articles": articles, "comparison": dict(self.comparison)}

    def by_id(self, article_id: str) -> ArticleAnalysis | None:
        return next((a for a in self.articles if a.article.id == article_id), None)


class _ResultCache:
    """Bounded cache of per-article results keyed by article content, metadata and settings."""

    def __init__(self, size: int = 4096) -> None:
        self._items: OrderedDict[tuple[Any, ...], ArticleAnalysis] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> ArticleAnalysis | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: tuple[Any, ...], value: ArticleAnalysis) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RESULT_CACHE = _ResultCache()


def _cache_key(article: Article, settings: AnalysisSettings) -> tuple[Any, ...]:
    return (article.id, article.published, article.title, article.outlet, settings.key)


#: Articles per window in one process (see iter_analyze).
OVERLAP_WINDOW = 4


def iter_analyze(
    articles: Iterable[Article],
    *,
    settings: AnalysisSettings | None = None,
    n_process: int = 1,
    batch_size: int = nlp.BATCH_SIZE,
    use_cache: bool = True,
) -> Iterator[ArticleAnalysis]:
    """Analyze articles one by one, in order, streaming (the corpus never sits in memory whole).

    Articles are read in windows: :data:`OVERLAP_WINDOW` articles in one process (the batch size
    hardly changes the parse's speed, and small windows leave only the last one's extraction
    outside the overlap, which matters for a dozen articles), one ``nlp.pipe`` batch per worker
    with ``n_process`` > 1. Cached results are returned without parsing. The extraction of one
    window runs in a helper thread while spaCy parses the next (the parse spends much of its time
    in code that releases the GIL), so on two cores our work hides largely behind the parse; at
    most two windows of Docs are alive.
    ``use_cache=False`` (corpus mode) keeps neither parses nor results once yielded.
    """
    settings = settings or AnalysisSettings()
    size = batch_size * n_process if n_process > 1 else OVERLAP_WINDOW
    parse_cache = None if use_cache else nlp.ParseCache(size=0)
    pending: list[tuple[Article, ArticleAnalysis | Future[ArticleAnalysis]]] = []

    def collect(items: list[tuple[Article, ArticleAnalysis | Future[ArticleAnalysis]]]) -> Iterator[ArticleAnalysis]:
        for article, item in items:
            if isinstance(item, Future):
                item = item.result()
                if use_cache:
                    RESULT_CACHE.put(_cache_key(article, settings), item)
            yield item

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslens-analysis") as pool:
        for window in batched(articles, size):
            cached = {a.id: RESULT_CACHE.get(_cache_key(a, settings)) for a in window} if use_cache else {}
            todo = [a for a in window if cached.get(a.id) is None]
            docs = iter(list(nlp.iter_parse((a.text for a in todo), batch_size=batch_size, n_process=n_process,
                                            cache=parse_cache)))
            current: list[tuple[Article, ArticleAnalysis | Future[ArticleAnalysis]]] = []
            for article in window:
                hit = cached.get(article.id)
                if hit is None:
                    current.append((article, pool.submit(analyze_doc, article, next(docs), settings=settings)))
                else:
                    current.append((article, hit))
            yield from collect(pending)
            pending = current
        yield from collect(pending)


def analyze(
    articles: Sequence[Article],
    *,
    settings: AnalysisSettings | None = None,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
) -> Analysis:
    """Analyze a set of articles and compare them.

    Args:
        articles: the articles, in the order they are shown.
        settings: alias groups and side overrides.
        n_process: worker processes for the parse (helps from a few hundred articles on).
        progress: called with (done, total) after each article.
    """
    settings = settings or AnalysisSettings()
    results: list[ArticleAnalysis] = []
    for done, item in enumerate(iter_analyze(articles, settings=settings, n_process=n_process), start=1):
        results.append(item)
        if progress is not None:
            progress(done, len(articles))
    return Analysis(model=nlp.model_name(), articles=tuple(results), comparison=compare(results))
