"""Cell "Figures": casualty counts per event, each source's toll over time, and other figures."""

from __future__ import annotations

import zlib
from functools import partial

import pandas as pd
import streamlit as st

from components.present import charts
from components.present.filtering import filter_figures
from components.present.highlight import sentence_html
from components.present.safe_markdown import escape_markdown
from components.ui import vega
from components.ui.context import PageContext
from components.ui.legend import capped, side_legend
from components.ui.state import selection_value

KEY = "figures."
SELECTED = KEY + "selected"  # (article id, figure id) of the figure the reader picked
CASUALTY_COLUMNS = ["category", "figure", "that is", "source", "side", "location", "outlet"]
OTHER_COLUMNS = ["type", "text", "value", "unit", "si_value", "si_unit", "iso", "outlet"]
FILTER_NOTES = {
    "article": "the figures of this article",
    "side": "the figures whose source is of this side",
    "speaker": "the figures this speaker claims or whose sentence names them",
    "entity": "the figures claimed by it or whose sentence names it",
}


def _show_sentence(ctx: PageContext, row: pd.Series) -> None:
    text = ctx.texts.get(row["article_id"], "")
    st.markdown(f"**{escape_markdown(str(row['label']))}** · {escape_markdown(str(row['who']))} · "
                f"{escape_markdown(ctx.title_of(row['article_id']))}")
    st.html(sentence_html(text, int(row["sentence_start"]), int(row["sentence_end"]),
                          focus=(int(row["start"]), int(row["end"]))))


def _pick_point(key: str) -> None:
    event = st.session_state.get(key)
    figure, article = selection_value(event, "figure", "id"), selection_value(event, "figure", "article_id")
    st.session_state[SELECTED] = (article, figure) if figure and article else None


def _pick_row(key: str, ids: list[tuple[str, str]]) -> None:
    rows = st.session_state.get(key, {}).get("selection", {}).get("rows", [])
    st.session_state[SELECTED] = ids[rows[0]] if rows and rows[0] < len(ids) else None


def _rows_of(ctx: PageContext, casualties: pd.DataFrame) -> pd.DataFrame:
    """The chart rows of the casualty figures the filter keeps (derived once for all, then selected)."""
    views = ctx.views
    everything = ctx.memo("all_figure_rows", lambda: charts.figure_rows(
        views.figures[views.figures["type"] == "casualty"], events=views.events, own=views.own_figures,
        sides=views.sides), by_filter=False)
    if ctx.page_filter is None:
        return everything
    return everything[everything.index.isin(casualties.index)]


def _events(rows: pd.DataFrame) -> dict[str, str]:
    """Event id -> label, the events with most figures first."""
    counts = rows.groupby(["event_id", "event"], sort=False).size().sort_values(ascending=False, kind="stable")
    return {event_id: label for (event_id, label), _ in counts.items()}


def render(ctx: PageContext) -> None:
    st.caption("Killed, wounded, missing and other figures as each article states them, with who claims "
               "them, one event at a time. Sources are grouped by side; ranges are drawn as intervals, parts of a "
               "larger figure as diamonds. Click a point or a row to read its sentence.")
    figures = ctx.memo("figures", lambda: filter_figures(ctx.figures, ctx.page_filter, texts=ctx.texts))
    if ctx.page_filter is not None:
        st.caption(f"Filtered: {FILTER_NOTES.get(ctx.page_filter.kind, 'what the filter keeps')}.")
    casualties = figures[figures["type"] == "casualty"]
    others = figures[figures["type"] != "casualty"]
    if casualties.empty:
        st.info("No casualty figures in these articles.")
    else:
        rows = ctx.memo("figure_rows", lambda: _rows_of(ctx, casualties))
        events = _events(rows)
        event_id = st.selectbox("Event", list(events), format_func=lambda e: events[e], key=KEY + "event",
                                help="Articles about the same event, as the comparison grouped them.")
        event_rows = ctx.memo(f"event_rows|{event_id}",
                              lambda: rows[rows["event_id"] == event_id].reset_index(drop=True))
        _casualties(ctx, event_rows, event_id)
        _tolls(ctx, event_id, casualties)
    other = st.expander(f"Other figures ({len(others)}): distances, counts, money, percentages, dates",
                        key=KEY + "others_open", on_change="rerun")
    if other.open:  # drawn only when opened
        with other:
            if others.empty:
                st.caption("None.")
            else:
                st.dataframe(capped(others[OTHER_COLUMNS], "other figures"), hide_index=True, key=KEY + "others",
                             width="stretch", placeholder="")


def _casualties(ctx: PageContext, rows: pd.DataFrame, event_id: str) -> None:
    panels = vega.shared(ctx, "casualty_panels", rows, lambda: [
        (panel, vega.prepare(chart)) for panel, chart in charts.casualty_panels(rows, colors=ctx.colors)],
        columns=["article_id", "id"])
    st.markdown("**Casualty figures by category and source**")
    side_legend(ctx.colors, sides=rows["side"])
    for panel, chart in panels:
        point_key = f"{KEY}chart.{event_id}.{panel}"
        vega.show(chart, on_select=partial(_pick_point, point_key), key=point_key)
    ids = list(zip(rows["article_id"].astype(str), rows["id"].astype(str), strict=True))
    table = rows.assign(figure=rows["label"], source=rows["who"], **{"that is": rows["bound"]})
    key = f"{KEY}table.{zlib.crc32(repr(ids).encode())}"
    selected = st.session_state.get(SELECTED)
    default = {"selection": {"rows": [ids.index(selected)]}} if selected in ids else None
    st.dataframe(table[CASUALTY_COLUMNS], hide_index=True, on_select=partial(_pick_row, key, ids),
                 selection_mode="single-row", selection_default=default, key=key, width="stretch", placeholder="")
    if selected in ids:
        _show_sentence(ctx, rows.iloc[ids.index(selected)])


def _tolls(ctx: PageContext, event_id: str, figures: pd.DataFrame) -> None:
    """Each source's toll by publication date for the chosen event: the figures the comparison counts
    as the event's own, of those the filter keeps (``figures``)."""
    def build() -> pd.DataFrame:
        kept = set(zip(figures["article_id"].astype(str), figures["id"].astype(str), strict=True))
        own = [r for r in ctx.views.event_figures
               if r.get("event_id") == event_id and (str(r.get("article_id")), str(r.get("id"))) in kept]
        marked = figures[figures["superseded"].map(lambda v: v is True)] if "superseded" in figures else figures[:0]
        superseded = {(str(a), str(i)): True for a, i in zip(marked["article_id"], marked["id"], strict=True)}
        return charts.toll_rows(own, sides=ctx.views.sides, superseded=superseded)

    rows = ctx.memo(f"toll_rows|{event_id}", build)
    if rows.empty or rows["published"].nunique() < 2:
        st.caption("Tolls over time: these articles were all published on one day, or give no toll of their own.")
        return
    st.markdown("**Tolls over time** · each source's figure by the day it was published; a line joins one "
                "source's figures, hollow points are figures a later one superseded")
    categories = charts.panel_order(rows["category"])
    category = st.radio("Toll", categories, horizontal=True, key=f"{KEY}toll_category.{event_id}",
                        label_visibility="collapsed") if len(categories) > 1 else categories[0]
    shown = rows[rows["category"] == category]
    chart = vega.shared(ctx, "tolls", shown, lambda: vega.prepare(charts.toll_panels(shown, colors=ctx.colors)[0][1]))
    vega.show(chart)
