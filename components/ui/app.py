"""The page: a notebook of cells, top to bottom, over one workspace.

How the page stays fast (see ``python -m components bench --browser``):

- a collapsed cell runs nothing and sends nothing (its expander tracks its state, and the cell
  is drawn only when it is open); its state lasts and is saved with the workspace;
- cells without a filtering chart are fragments: a control inside one reruns that cell alone;
- a click that changes the filter sets it in a callback, before the run, and the run that
  follows draws the whole page once, from frames kept per filter (``PageContext.memo``);
- the active filter sits in a bar that stays at the top of the window, beside *Clear filter*.
"""

from __future__ import annotations

import time
from collections.abc import Callable

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
from components.ui.state import (
    CELLS,
    FILTER_KEY,
    OPEN_CELLS_KEY,
    WorkspaceState,
    cell_key,
    current_filter,
    set_filter,
    workspace,
)

#: Seconds each cell took on its last run (read by the benchmark and the sidebar's caption).
TIMINGS_KEY = "newslens.cell_seconds"
INTRO = ("Load articles about an event and see who is named, who said what, which figures each source "
         "claims, and where the sides and outlets disagree. Click any bar or point to filter the page.")
#: The filter bar stays in view below Streamlit's header while the page scrolls (our CSS, no user text).
STYLE = """
<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-filterbar){position:sticky;top:3.75rem;z-index:990}
.st-key-filterbar{background:var(--background-color, #fff);border-bottom:1px solid rgba(49,51,63,.15);
  padding:.2rem 0 .35rem 0}
</style>
"""


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


def _layout_changed() -> None:
    ws = workspace()
    chosen = [c for c in st.session_state.get("layout.cells", []) if c in CELLS]
    if chosen != ws.layout and not ws.read_only:
        ws.layout = chosen
        ws.dirty = True


def _move(step: int) -> None:
    ws = workspace()
    name = st.session_state.get("layout.move")
    if name and not ws.read_only:
        ws.move(str(name), step)
        st.session_state["layout.cells"] = list(ws.layout)


def _layout_controls(ws: WorkspaceState) -> None:
    st.sidebar.subheader("Cells")
    if st.session_state.get("layout.cells") != ws.layout:
        st.session_state["layout.cells"] = list(ws.layout)
    st.sidebar.multiselect("Shown, in this order", list(CELLS), key="layout.cells", disabled=ws.read_only,
                           on_change=_layout_changed)
    if len(ws.layout) > 1 and not ws.read_only:
        c1, c2, c3 = st.sidebar.columns([3, 1, 1], vertical_alignment="bottom")
        c1.selectbox("Move a cell", ws.layout, key="layout.move")
        c2.button("↑", key="layout.up", on_click=_move, args=(-1,), help="Move the cell up")
        c3.button("↓", key="layout.down", on_click=_move, args=(1,), help="Move the cell down")


def _read_url_filter() -> None:
    """A shared URL's filter applies once, when the page opens."""
    if st.session_state.get("newslens.url_filter_read"):
        return
    st.session_state["newslens.url_filter_read"] = True
    from_url = PageFilter.from_param(st.query_params.get("filter"))
    if from_url is not None:
        st.session_state[FILTER_KEY] = None
        set_filter(from_url)


def _clear_filter() -> None:
    set_filter(None)


def _filter_bar(ctx: PageContext) -> None:
    """The active filter and *Clear filter*, in a bar that stays at the top of the window."""
    bar = st.container(key="filterbar")
    if ctx.page_filter is None:
        return
    c1, c2 = bar.columns([5, 1], vertical_alignment="center")
    c1.markdown(f":material/filter_alt: Filtered by **{escape_markdown(ctx.filter_text)}**: every cell shows "
                "only what matches (each says how).")
    c2.button("Clear filter", key="filter.clear", type="primary", on_click=_clear_filter)


def _toggled(name: str) -> None:
    """A cell was expanded or collapsed: remember it (and save it with the workspace)."""
    ws = workspace()
    ws.set_collapsed(name, not st.session_state.get(cell_key(name), True))


CELL_RENDERERS: dict[str, Callable[[PageContext, WorkspaceState], None]] = {
    "Articles": cell_articles.render,
    "Reading view": lambda ctx, ws: cell_reading.render(ctx),
    "Entities": lambda ctx, ws: cell_entities.render(ctx),
    "Quotes": lambda ctx, ws: cell_quotes.render(ctx),
    "Figures": lambda ctx, ws: cell_figures.render(ctx),
    "Compare": cell_compare.render,
    "Export": lambda ctx, ws: cell_export.render(ctx),
    "Corpus": lambda ctx, ws: cell_corpus.render(ctx),
}


#: Cells drawn as fragments: a control inside them reruns that cell alone. The cells whose charts
#: set the filter (Entities, Quotes, Compare) are not: a click there changes every cell, and a
#: fragment's run followed by the whole page's took twice as long in the browser as one run.
FRAGMENT_CELLS = frozenset({"Articles", "Reading view", "Figures", "Export", "Corpus"})


def _cell_body(name: str, ctx: PageContext, ws: WorkspaceState) -> None:
    """One cell's content (a fragment for :data:`FRAGMENT_CELLS`).

    A fragment reruns with the context of the last full run; when a callback changed the page's
    filter since, the whole page is drawn again instead.
    """
    if ctx.page_filter != current_filter():
        st.rerun()
    started = time.perf_counter()
    CELL_RENDERERS[name](ctx, ws)
    st.session_state.setdefault(TIMINGS_KEY, {})[name] = time.perf_counter() - started


def _open_cells(ws: WorkspaceState) -> None:
    """Cells something asked to show (an article opened in the reading view) open before they are drawn."""
    for name in st.session_state.pop(OPEN_CELLS_KEY, set()):
        st.session_state[cell_key(name)] = True
        ws.set_collapsed(name, False)


def _cells(ctx: PageContext, ws: WorkspaceState) -> None:
    if not ws.layout:
        st.info("Every cell is hidden. Choose the cells to show in the sidebar, under **Cells**.")
        return
    _open_cells(ws)
    for name in ws.layout:
        key = cell_key(name)
        if key not in st.session_state:
            st.session_state[key] = name not in ws.collapsed
        cell = st.expander(f"**{name}**", key=key, on_change=_toggled, args=(name,))
        if cell.open:
            with cell:
                if name in FRAGMENT_CELLS:
                    st.fragment(_cell_body)(name, ctx, ws)
                else:
                    _cell_body(name, ctx, ws)


def main() -> None:
    started = time.perf_counter()
    # altair validates every chart object as it is built and again when Streamlit serialises it;
    # the first pass only improves tracebacks, and costs a third of a rerun's time
    alt.utils.schemapi.disable_debug_mode()
    ws = workspace()
    st.markdown(STYLE, unsafe_allow_html=True)  # our own CSS only
    st.title("News Lens")
    st.caption(INTRO)
    workspace_panel.open_from_query(ws)
    _first_visit(ws)
    save_status = workspace_panel.render(ws)
    _layout_controls(ws)
    _read_url_filter()
    try:
        ctx = build_context(ws)
    except ModelNotInstalledError as exc:
        st.error(escape_markdown(str(exc)))
        return
    _filter_bar(ctx)
    _cells(ctx, ws)
    workspace_panel.autosave(ws, status=save_status)
    st.session_state["newslens.render_seconds"] = time.perf_counter() - started
    st.sidebar.caption(f"{len(ws.articles)} articles · page built in "
                       f"{1000 * st.session_state['newslens.render_seconds']:.0f} ms")
