"""What every cell reads: the analysis, its tables, the active filter. Built once per analysis.

The tables and lookups (:class:`~components.present.views.AnalysisViews`) are built once per
set of articles and settings and kept in the session; a click only makes a new, cheap
:class:`PageContext` around them with the new filter, and every frame a cell derives from them
is kept in :meth:`PageContext.memo` for the next run with the same filter.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from components.analysis import Analysis, AnalysisSettings, analyze, iter_analyze
from components.ingest import loaders
from components.ingest.loaders import Article
from components.language import nlp
from components.present.colors import SideColors
from components.present.filtering import PageFilter, matching_articles
from components.present.views import AnalysisViews, build_views
from components.ui.state import WorkspaceState, current_filter

T = TypeVar("T")
MODEL_MESSAGE = "Loading the English model…"
#: Analysis keys (content hashes) this server process has analysed: a new session with the same
#: articles needs no progress bar. Holds no article data.
_ANALYSED: set[str] = set()


@dataclass(frozen=True)
class PageContext:
    analysis: Analysis
    views: AnalysisViews
    page_filter: PageFilter | None
    read_only: bool
    name: str = "News analysis"
    #: frames derived from this analysis (shared by the copies made for other filters; see memo)
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    # the tables, as the cells read them
    @property
    def articles(self) -> pd.DataFrame:
        return self.views.articles

    @property
    def entities(self) -> pd.DataFrame:
        return self.views.entities

    @property
    def mentions(self) -> pd.DataFrame:
        return self.views.mentions

    @property
    def quotes(self) -> pd.DataFrame:
        return self.views.quotes

    @property
    def figures(self) -> pd.DataFrame:
        return self.views.figures

    @property
    def texts(self) -> dict[str, str]:
        return self.views.texts

    @property
    def colors(self) -> SideColors:
        return self.views.colors

    def memo(self, name: str, build: Callable[[], T], *, by_filter: bool = True) -> T:
        """``build()`` once per analysis (and per filter when ``by_filter``), then from memory.

        A rerun after a click rebuilds no table the click did not change; the memory goes with
        the analysis (a new set of articles or settings builds a new context).
        """
        key = (name, self.page_filter if by_filter else None)
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]

    @cached_property
    def _titles(self) -> dict[str, str]:
        titles: dict[str, str] = {}
        for row in self.articles[["article_id", "outlet", "title"]].itertuples(index=False):
            outlet = row.outlet if isinstance(row.outlet, str) else ""
            title = row.title if isinstance(row.title, str) and row.title else "(untitled)"
            titles[row.article_id] = f"{outlet} · {title}" if outlet else title
        return titles

    def title_of(self, article_id: str) -> str:
        """"Outlet · Title" of an article (its id when unknown); a dict lookup, as widgets call it per option."""
        return self._titles.get(article_id, article_id)

    @property
    def filter_text(self) -> str:
        """The active filter in words ("entity Valdoran", an article by its title), "" when none."""
        return self.page_filter.describe(self.title_of) if self.page_filter is not None else ""

    def matching_articles(self) -> list[str]:
        """Ids of the articles the filter keeps (every article without a filter)."""
        return self.memo("matching_articles", lambda: matching_articles(
            self.page_filter, articles=self.articles, entities=self.entities, quotes=self.quotes,
            figures=self.figures, texts=self.texts))


@st.cache_resource(show_spinner=MODEL_MESSAGE)
def load_model() -> str:
    """Load the spaCy pipeline once per server process; returns the model's name."""
    return nlp.model_name()


@st.cache_data(show_spinner=False, max_entries=32)
def _analysis(key: str, _articles: tuple[Article, ...], _settings: AnalysisSettings) -> tuple[Analysis, AnalysisViews]:
    """The analysis of a set of articles and its tables, cached by a key of their content and the settings.

    ``st.cache_data`` hands each session its own copy, so a new session with the same articles
    builds nothing and no session can change another's tables.
    """
    del key
    result = analyze(list(_articles), settings=_settings)
    return result, build_views(result)


@st.cache_data(show_spinner=False, max_entries=4)
def _analysis_kept(key: str, _kept: tuple[Analysis, AnalysisViews]) -> tuple[Analysis, AnalysisViews]:
    """An analysis read from disk, kept in memory like :func:`_analysis` keeps the ones it makes."""
    del key
    return _kept


def analysis_key(articles: list[Article], settings: AnalysisSettings) -> str:
    parts = [f"{a.id}|{a.published}|{a.title}|{a.outlet}" for a in articles]
    return hashlib.sha256(("\n".join(parts) + settings.key).encode()).hexdigest()[:24]


# ----------------------------------------------------------------------------- the samples, kept on disk

_LOG = logging.getLogger(__name__)
_CODE_ROOT = Path(__file__).resolve().parents[1]
_DISK_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _code_version() -> str:
    """A hash of every module of ``components`` and the pinned requirements (the model's version):
    an analysis kept on disk is used only by the code and model that made it."""
    digest = hashlib.sha256()
    for path in sorted(_CODE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(_CODE_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    requirements = _CODE_ROOT.parent / "requirements.txt"
    if requirements.is_file():
        digest.update(requirements.read_bytes())
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def _sample_ids() -> frozenset[str]:
    try:
        return frozenset(a.id for a in loaders.load_samples())
    except loaders.ArticleLoadError:
        return frozenset()


def _cache_dir() -> Path:
    """Where the samples' analysis is kept: ``$NEWSLENS_CACHE_DIR``, else ``data/cache`` beside the
    workspace database. Never a shared temp folder: the file is unpickled, so only the app may write it."""
    return Path(os.environ.get("NEWSLENS_CACHE_DIR") or _CODE_ROOT.parent / "data" / "cache")


def _disk_path(key: str, articles: list[Article]) -> Path | None:
    """The file of the analysis of ``articles``, only when they are the bundled samples (public texts):
    no user's article is ever written to disk here."""
    if not articles or {a.id for a in articles} - _sample_ids() or any(a.source != "sample" for a in articles):
        return None
    return _cache_dir() / f"samples-{key}-{_code_version()}.pickle"


def _from_disk(path: Path | None) -> tuple[Analysis, AnalysisViews] | None:
    """The samples' analysis as a previous server process left it (a cold start skips the model and
    the parse); None when there is none or it cannot be read."""
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # our own file in the app's own data folder (see _cache_dir)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        _LOG.warning("the samples' analysis on disk could not be read (%s); analysing again", exc)
        return None
    return found if isinstance(found, tuple) and len(found) == 2 else None


def _to_disk(path: Path | None, value: tuple[Analysis, AnalysisViews]) -> None:
    if path is None:
        return
    try:
        with _DISK_LOCK:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            with partial.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(path)
    except OSError as exc:  # a read-only host: the page works, the next cold start analyses again
        _LOG.warning("the samples' analysis could not be kept on disk: %s", exc)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _warm_with_progress(articles: list[Article], settings: AnalysisSettings) -> None:
    """Parse the articles not analysed yet, with a progress bar saying how far it is."""
    if not articles:
        return
    bar = st.progress(0.0, text=f"Analysing {_plural(len(articles), 'article')}…")
    for done, _ in enumerate(iter_analyze(articles, settings=settings, batch_size=4), start=1):
        bar.progress(done / len(articles), text=f"Analysing {_plural(len(articles), 'article')}: {done:,} done")
    bar.empty()


def build_context(ws: WorkspaceState) -> PageContext:
    """The page's context for the workspace and the active filter (the analysis from cache when it can)."""
    settings = ws.analysis_settings
    key = analysis_key(ws.articles, settings)
    memo = st.session_state.get("newslens.context")
    page_filter = current_filter()
    if memo is not None and memo[0] == key:
        base: PageContext = memo[1]
        if base.page_filter == page_filter and base.read_only == ws.read_only and base.name == ws.name:
            return base
        return replace(base, page_filter=page_filter, read_only=ws.read_only, name=ws.name)
    started = time.perf_counter()
    disk = _disk_path(key, ws.articles) if not settings.side_overrides and not settings.alias_groups else None
    kept = _from_disk(disk) if key not in _ANALYSED and disk is not None else None
    if kept is not None:  # the bundled samples, analysed by an earlier process of this code: no model needed
        result, views = _analysis_kept(key, kept)
    else:
        load_model()
        if key not in _ANALYSED:
            _warm_with_progress(ws.articles, settings)
        result, views = _analysis(key, tuple(ws.articles), settings)
        if disk is not None and not disk.is_file():
            _to_disk(disk, (result, views))
    _ANALYSED.add(key)
    context = PageContext(analysis=result, views=views, page_filter=page_filter, read_only=ws.read_only,
                          name=ws.name)
    st.session_state["newslens.context"] = (key, context)
    st.session_state["newslens.analysis_seconds"] = time.perf_counter() - started
    return context

