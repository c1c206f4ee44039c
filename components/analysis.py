"""Assemble the analysis of a set of articles: parse once, extract, attach sides, compare.

``analyze(articles)`` returns an :class:`Analysis`; ``Analysis.to_json()`` is the contract of
``../shared/design.md`` that the CLI prints and the acceptance scorer reads. Per-article results
are cached by (content hash, metadata, settings), so adding one article to a set, or changing a
setting that only the comparison uses, never redoes the other articles.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc

from components import nlp
from components.articles import Article
from components.entities import EntityIndex, extract_entities
from components.figures import Figure, extract_figures
from components.iterutils import batched
from components.quotes import Quote, extract_quotes
from components.sides import SideResolver

SCHEMA = "article-analysis/1"
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """What the user can change about the analysis (saved with the workspace).

    Both fields are tuples so the settings are hashable and can key caches.
    """

    alias_groups: tuple[tuple[str, ...], ...] = ()
    side_overrides: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> AnalysisSettings:
        data = data or {}
        groups = tuple(tuple(str(n) for n in g) for g in data.get("alias_groups", ()) if len(g) >= 2)
        overrides = tuple(sorted((str(k), str(v)) for k, v in dict(data.get("side_overrides", {})).items() if v))
        return cls(alias_groups=groups, side_overrides=overrides)

    def to_mapping(self) -> dict[str, Any]:
        return {"alias_groups": [list(g) for g in self.alias_groups], "side_overrides": dict(self.side_overrides)}

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.to_mapping(), sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity as the contract shows it: canonical name, label, count, aliases, side, mentions."""

    name: str
    label: str
    count: int
    aliases: tuple[str, ...]
    side: str | None
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, text as written)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "label": self.label, "count": self.count, "aliases": list(self.aliases),
            "side": self.side, "mentions": [{"start": s, "end": e, "text": t} for s, e, t in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything extracted from one article. Holds no spaCy objects, so it pickles small."""

    article: Article
    entities: tuple[EntityRecord, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "id": art.id, "title": art.title, "outlet": art.outlet, "author": art.author,
            "published": art.published, "url": art.url, "source": art.source, "n_words": art.n_words,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
        }


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


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def analyze_doc(article: Article, doc: Doc, *, settings: AnalysisSettings) -> ArticleAnalysis:
    """Extract entities, quotes and figures from one parsed article and attach sides.

    A pure function of its inputs: it never parses and never touches the page.
    """
    index: EntityIndex = extract_entities(doc, alias_groups=settings.alias_groups)
    resolver = SideResolver(doc, index, overrides=dict(settings.side_overrides))
    quotes = tuple(
        replace(q, side=resolver.side_of(q.speaker, start=q.speaker_start, end=q.speaker_end))
        for q in extract_quotes(doc, entities=index)
    )
    figures = tuple(extract_figures(doc, entities=index, published=_published(article)))
    entity_sides = resolver.entity_sides()
    entities = tuple(
        EntityRecord(
            name=e.name, label=e.label, count=e.count, aliases=e.aliases, side=entity_sides.get(e.name),
            mentions=tuple((m.start, m.end, m.text) for m in e.mentions),
        )
        for e in index.entities
    )
    return ArticleAnalysis(article=article, entities=entities, quotes=quotes, figures=figures)


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
    from components.compare import compare  # late: compare builds on the records above

    settings = settings or AnalysisSettings()
    results: list[ArticleAnalysis] = []
    for done, item in enumerate(iter_analyze(articles, settings=settings, n_process=n_process), start=1):
        results.append(item)
        if progress is not None:
            progress(done, len(articles))
    return Analysis(model=nlp.model_name(), articles=tuple(results), comparison=compare(results))
