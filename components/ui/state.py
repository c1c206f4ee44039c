"""Session state of the page: the workspace being viewed, in one typed place.

Everything user-specific lives in ``st.session_state`` (one per browser session), never in
module globals or ``st.cache_resource``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import streamlit as st

from components.analysis import AnalysisSettings
from components.ingest.loaders import Article
from components.present.filtering import PageFilter

CELLS: tuple[str, ...] = ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export", "Corpus")
#: Cells that start collapsed: the corpus cell opens a command-line result, not the workspace's articles.
COLLAPSED_AT_FIRST: tuple[str, ...] = ("Corpus",)
STATE_KEY = "newslens.workspace"
FILTER_KEY = "newslens.filter"
READING_KEY = "reading.article"
#: An article to open in the reading view on the next run, before its selectbox exists.
OPEN_ARTICLE_KEY = "newslens.open_article"
#: Cells to expand on the next run, before their expanders exist.
OPEN_CELLS_KEY = "newslens.open_cells"
CHART_GENERATION_KEY = "newslens.chart_generation"


@dataclass
class WorkspaceState:
    """The articles, settings and layout the user works on; saved and shared as one unit."""

    articles: list[Article] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    layout: list[str] = field(default_factory=lambda: list(CELLS))
    collapsed: list[str] = field(default_factory=lambda: list(COLLAPSED_AT_FIRST))
    name: str = "Untitled workspace"
    token: str | None = None  # the edit or view token this workspace was opened with
    role: str | None = None  # "edit", "view" or None (not saved yet)
    version: int | None = None
    dirty: bool = False
    samples_offered: bool = False

    @property
    def read_only(self) -> bool:
        return self.role == "view"

    @property
    def analysis_settings(self) -> AnalysisSettings:
        return AnalysisSettings.from_mapping(self.settings)

    def add(self, new: list[Article]) -> tuple[int, int]:
        """Add articles, skipping ones already loaded. Returns (added, duplicates)."""
        known = {a.id for a in self.articles}
        fresh: list[Article] = []
        for article in new:
            if article.id not in known:
                known.add(article.id)
                fresh.append(article)
        self.articles.extend(fresh)
        if fresh:
            self.dirty = True
        return len(fresh), len(new) - len(fresh)

    def remove(self, ids: set[str]) -> None:
        before = len(self.articles)
        self.articles = [a for a in self.articles if a.id not in ids]
        self.dirty = self.dirty or len(self.articles) != before

    def set_collapsed(self, name: str, collapsed: bool) -> None:
        """Remember a cell's state; it is saved with the workspace (not on read-only links)."""
        now = [c for c in self.collapsed if c != name] + ([name] if collapsed else [])
        if now != self.collapsed:
            self.collapsed = now
            self.dirty = self.dirty or not self.read_only

    def move(self, name: str, step: int) -> None:
        """Move a shown cell ``step`` places up (-1) or down (+1) in the layout."""
        if name not in self.layout:
            return
        at = self.layout.index(name)
        to = max(0, min(len(self.layout) - 1, at + step))
        if to != at:
            self.layout.insert(to, self.layout.pop(at))
            self.dirty = True

    def settings_for_store(self) -> dict[str, Any]:
        return {**self.settings, "layout": list(self.layout), "collapsed": list(self.collapsed)}

    def load_settings(self, stored: dict[str, Any]) -> None:
        stored = dict(stored)
        self.layout = [c for c in stored.pop("layout", CELLS) if c in CELLS] or list(CELLS)
        self.collapsed = [c for c in stored.pop("collapsed", []) if c in CELLS]
        self.settings = stored


def workspace() -> WorkspaceState:
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = WorkspaceState()
    return st.session_state[STATE_KEY]


def cell_key(name: str) -> str:
    """The widget key of a cell's expander (its open/closed state)."""
    return "cell." + name.lower().replace(" ", "_")


def current_filter() -> PageFilter | None:
    return st.session_state.get(FILTER_KEY)


def _chart_number(key: str, generations: dict[str, Any]) -> int:
    return int(generations["source_n"]) if generations.get("source") == key else int(generations.get("n", 0))


def set_filter(page_filter: PageFilter | None, *, source: str | None = None) -> None:
    """Make ``page_filter`` the page's filter (None clears it); it goes into the URL too.

    Every chart but ``source`` (the chart it was clicked in) gets a fresh widget, so no chart
    keeps highlighting an older click. A filter on an article also opens it in the reading view.
    """
    if page_filter == current_filter():
        return
    st.session_state[FILTER_KEY] = page_filter
    generations: dict[str, Any] = st.session_state.setdefault(CHART_GENERATION_KEY, {"n": 0})
    kept = _chart_number(source, generations) if source is not None else None
    generations.update(n=int(generations.get("n", 0)) + 1, source=source, source_n=kept)
    if page_filter is None:
        st.query_params.pop("filter", None)
    else:
        st.query_params["filter"] = page_filter.to_param()
        if page_filter.kind == "article":
            open_article(page_filter.value)


def chart_key(key: str) -> str:
    """The widget key of a selectable chart now: it changes whenever another chart or a button
    sets or clears the filter, so a chart never shows a stale selection."""
    return f"{key}.{_chart_number(key, st.session_state.get(CHART_GENERATION_KEY, {}))}"


def open_article(article_id: str) -> None:
    """Show ``article_id`` in the reading view from the next run on, expanding the cell if collapsed."""
    st.session_state[OPEN_ARTICLE_KEY] = article_id
    st.session_state.setdefault(OPEN_CELLS_KEY, set()).add("Reading view")
    st.query_params["article"] = article_id


def selection_value(event: Any, name: str, field_name: str) -> str | None:
    """The value of ``field_name`` in the first point of selection ``name`` of a chart event."""
    try:
        points = event["selection"][name]
    except (KeyError, TypeError):
        return None
    if isinstance(points, list) and points and isinstance(points[0], dict):
        value = points[0].get(field_name)
        return None if value is None else str(value)
    return None


def pick_callback(*, key: str, name: str, field_name: str, kind: str) -> None:
    """``on_select`` of a filtering chart: the clicked value becomes the page's filter.

    A cleared selection (double click) clears the filter it had set. Runs before the script, so
    the run that follows already draws the filtered page.
    """
    value = selection_value(st.session_state.get(chart_key(key)), name, field_name)
    if value is not None:
        set_filter(PageFilter(kind, value), source=key)
    elif (now := current_filter()) is not None and now.kind == kind:
        set_filter(None)


def picker(key: str, *, name: str, field_name: str, kind: str) -> Callable[[], None]:
    """The ``on_select`` callback of the filtering chart ``key`` (see :func:`pick_callback`)."""
    return partial(pick_callback, key=key, name=name, field_name=field_name, kind=kind)
