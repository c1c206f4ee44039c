"""The page: a notebook of cells, top to bottom, over one workspace."""

from __future__ import annotations

import time

import altair as alt
import streamlit as st

from components.ingest import loaders
from components.language.nlp import ModelNotInstalledError
from components.present.filtering import PageFilter
from components.present.safe_markdown import escape_markdown
from components.ui import (
    cell_articles,
    cell_compare,
    cell_corpus,
    cell_entities,
    cell_export,
    cell_figures,
    cell_quotes,
    cell_reading,
    workspace_panel,
)
from components.ui.context import PageContext, build_context
from components.ui.state import CELLS, WorkspaceState, current_filter, set_filter, workspace

INTRO = ("Load articles about an event and see who is named, who said what, which figures each source "
         "claims, and where the sides and outlets disagree. Click any bar or point to filter the page.")


def _first_visit(ws: WorkspaceState) -> None:
    """A new visitor without a link sees the bundled samples at once."""
    if ws.samples_offered or st.query_params.get("ws"):
        return
    ws.samples_offered = True
    try:
        ws.add(loaders.load_samples())
    except loaders.ArticleLoadError as exc:
        st.warning(f"The bundled samples could not be loaded: {exc}")
    ws.dirty = False


def _layout_controls(ws: WorkspaceState) -> None:
    st.sidebar.subheader("Cells")
    chosen = st.sidebar.multiselect("Shown, in this order", list(CELLS), default=ws.layout, key="layout.cells",
                                    disabled=ws.read_only)
    if chosen != ws.layout and not ws.read_only:
        ws.layout = chosen
        ws.dirty = True


def _filter_bar() -> None:
    page_filter = current_filter()
    if not st.session_state.get("newslens.url_filter_read"):  # a shared URL's filter applies once, on open
        st.session_state["newslens.url_filter_read"] = True
        from_url = PageFilter.from_param(st.query_params.get("filter"))
        if from_url is not None:
            st.session_state["newslens.filter"] = from_url
            page_filter = from_url
    if page_filter is None:
        return
    c1, c2 = st.columns([5, 1])
    c1.info(f"Filtered by **{escape_markdown(page_filter.label)}**: tables and charts below show only what matches.")
    if c2.button("Clear filter", key="filter.clear", type="primary"):
        set_filter(None)
        for key in [k for k in st.session_state if str(k).endswith(".chart") or str(k).endswith("_chart")]:
            del st.session_state[key]
        st.rerun()


def _render_cell(name: str, ctx: PageContext, ws: WorkspaceState) -> None:
    if name == "Articles":
        cell_articles.render(ctx, ws)
    elif name == "Reading view":
        cell_reading.render(ctx)
    elif name == "Entities":
        st.fragment(cell_entities.render)(ctx)
    elif name == "Quotes":
        st.fragment(cell_quotes.render)(ctx)
    elif name == "Figures":
        st.fragment(cell_figures.render)(ctx)
    elif name == "Compare":
        cell_compare.render(ctx, ws)
    elif name == "Export":
        st.fragment(cell_export.render)(ctx)
    elif name == "Corpus":
        st.fragment(cell_corpus.render)()


def main() -> None:
    started = time.perf_counter()
    # altair validates every chart object as it is built and again when Streamlit serialises it;
    # the first pass only improves tracebacks, and costs a third of a rerun's time
    alt.utils.schemapi.disable_debug_mode()
    ws = workspace()
    st.title("News Lens")
    st.caption(INTRO)
    workspace_panel.open_from_query(ws)
    _first_visit(ws)
    save_status = workspace_panel.render(ws)
    _layout_controls(ws)
    _filter_bar()
    try:
        ctx = build_context(ws)
    except ModelNotInstalledError as exc:
        st.error(escape_markdown(str(exc)))
        return
    for name in ws.layout:
        with st.expander(f"**{name}**", expanded=name not in ws.collapsed):
            _render_cell(name, ctx, ws)
    workspace_panel.autosave(ws, status=save_status)
    st.session_state["newslens.render_seconds"] = time.perf_counter() - started
    st.sidebar.caption(f"{len(ws.articles)} articles · page built in "
                       f"{1000 * st.session_state['newslens.render_seconds']:.0f} ms")
