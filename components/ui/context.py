"""What every cell reads: the analysis, its tables, the active filter. Built once per rerun."""

from __future__ import annotations

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
from components.present import tables
from components.present.filtering import PageFilter
from components.ui.state import WorkspaceState, current_filter

T = TypeVar("T")


@dataclass(frozen=True)
class PageContext:
    analysis: Analysis
    articles: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame
    texts: dict[str, str]
    page_filter: PageFilter | None
    read_only: bool
    #: frames derived from this analysis (shared by the copies made for other filters; see memo)
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict, compare=False, repr=False)

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
            outlet, title = row.outlet or "", row.title or "(untitled)"
            titles[row.article_id] = f"{outlet} · {title}" if outlet else str(title)
        return titles

    def title_of(self, article_id: str) -> str:
        """"Outlet · Title" of an article (its id when unknown); a dict lookup, as widgets call it per option."""
        return self._titles.get(article_id, article_id)


@st.cache_resource(show_spinner="Loading the language model…")
def load_model() -> str:
    """Load the spaCy pipeline once per server process; returns the model's name."""
    return nlp.model_name()


@st.cache_data(show_spinner=False, max_entries=32)
def _analysis(key: str, _articles: tuple[Article, ...], _settings: AnalysisSettings) -> Analysis:
    """The analysis of a set of articles, cached by a key of their content and the settings."""
    del key
    return analyze(list(_articles), settings=_settings)


def analysis_key(articles: list[Article], settings: AnalysisSettings) -> str:
    parts = [f"{a.id}|{a.published}|{a.title}|{a.outlet}" for a in articles]
    import hashlib

    return hashlib.sha256(("\n".join(parts) + settings.key).encode()).hexdigest()[:24]


def _warm_with_progress(articles: list[Article], settings: AnalysisSettings) -> None:
    """Parse the articles not analyzed yet, showing a progress bar when there is more than one."""
    if len(articles) < 2:
        return
    bar = st.progress(0.0, text=f"Analyzing {len(articles)} articles…")
    for done, _ in enumerate(iter_analyze(articles, settings=settings, batch_size=4), start=1):
        bar.progress(done / len(articles), text=f"Analyzed {done} of {len(articles)} articles")
    bar.empty()


def build_context(ws: WorkspaceState) -> PageContext:
    load_model()
    settings = ws.analysis_settings
    key = analysis_key(ws.articles, settings)
    memo = st.session_state.get("newslens.context")
    page_filter = current_filter()
    if memo is not None and memo[0] == key:
        base: PageContext = memo[1]
        if base.page_filter == page_filter and base.read_only == ws.read_only:
            return base
        return replace(base, page_filter=page_filter, read_only=ws.read_only)
    started = time.perf_counter()
    if key not in st.session_state.get("newslens.analyzed", set()):
        _warm_with_progress(ws.articles, settings)
    result = _analysis(key, tuple(ws.articles), settings)
    st.session_state.setdefault("newslens.analyzed", set()).add(key)
    items = list(result.articles)
    context = PageContext(
        analysis=result,
        articles=tables.articles_frame(items),
        entities=tables.entities_frame(items),
        mentions=tables.mentions_frame(items),
        quotes=tables.quotes_frame(items),
        figures=tables.figures_frame(items),
        texts={a.article.id: a.article.text for a in items},
        page_filter=page_filter,
        read_only=ws.read_only,
    )
    st.session_state["newslens.context"] = (key, context)
    st.session_state["newslens.analysis_seconds"] = time.perf_counter() - started
    return context
