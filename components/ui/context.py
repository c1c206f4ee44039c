"""What every cell reads: the analysis, its tables, the active filter. Built once per analysis.

The tables and lookups (:class:`~components.present.views.AnalysisViews`) are built once per
set of articles and settings and kept in the session; a click only makes a new, cheap
:class:`PageContext` around them with the new filter, and every frame a cell derives from them
is kept in :meth:`PageContext.memo` for the next run with the same filter.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from components.analysis import Analysis, AnalysisSettings, analyze, iter_analyze
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


def analysis_key(articles: list[Article], settings: AnalysisSettings) -> str:
    parts = [f"{a.id}|{a.published}|{a.title}|{a.outlet}" for a in articles]
    return hashlib.sha256(("\n".join(parts) + settings.key).encode()).hexdigest()[:24]


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
    load_model()
    if key not in _ANALYSED:
        _warm_with_progress(ws.articles, settings)
    result, views = _analysis(key, tuple(ws.articles), settings)
    _ANALYSED.add(key)
    context = PageContext(analysis=result, views=views, page_filter=page_filter, read_only=ws.read_only,
                          name=ws.name)
    st.session_state["newslens.context"] = (key, context)
    st.session_state["newslens.analysis_seconds"] = time.perf_counter() - started
    return context

