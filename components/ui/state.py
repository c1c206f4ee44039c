"""Session state of the page: the workspace being viewed, in one typed place.

Everything user-specific lives in ``st.session_state`` (one per browser session), never in
module globals or ``st.cache_resource``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from components.analysis import AnalysisSettings
from components.ingest.loaders import Article
from components.present.filtering import PageFilter

CELLS: tuple[str, ...] = ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export", "Corpus")
#: Cells that start collapsed: the corpus cell opens a command-line result, not the workspace's articles.
COLLAPSED_AT_FIRST: tuple[str, ...] = ("Corpus",)
STATE_KEY = "newslens.workspace"


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


def current_filter() -> PageFilter | None:
    return st.session_state.get("newslens.filter")


def set_filter(page_filter: PageFilter | None) -> None:
    st.session_state["newslens.filter"] = page_filter
    if page_filter is None:
        st.query_params.pop("filter", None)
    else:
        st.query_params["filter"] = page_filter.to_param()


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


def pick_from_chart(event: Any, *, key: str, name: str, field_name: str, kind: str) -> bool:
    """Set the page filter when a chart's selection changed since the last run; True if it did.

    A chart keeps its selection across reruns, so only a change is a new click: this keeps a
    stale selection in one chart from overriding a newer click in another.
    """
    value = selection_value(event, name, field_name)
    memory = st.session_state.setdefault("newslens.last_pick", {})
    if memory.get(key) == value:
        return False
    memory[key] = value
    if value is None:
        return False
    set_filter(PageFilter(kind, value))
    return True
