"""Cell "Compare": the sides' statements side by side, and figures where the sources disagree."""

from __future__ import annotations

import zlib
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from components.present import charts, tables
from components.present.filtering import filter_figures, filter_pairs, filter_quotes, filter_statements
from components.present.highlight import sentence_html
from components.present.safe_markdown import escape_markdown
from components.ui import vega
from components.ui.context import PageContext
from components.ui.legend import capped, side_legend
from components.ui.state import WorkspaceState, chart_key, picker, selection_value

KEY = "compare."
CHART = KEY + "sides_chart"
PAIR_COLUMNS = {"event": "event", "a_side": "side", "a_speaker": "speaker", "a_text": "statement",
                "b_side": "other side", "b_speaker": "its speaker", "b_text": "its statement",
                "overlap": "shared words"}
FILTER_NOTES = {
    "article": "the statements and figures of this article",
    "side": "this side's statements, and the disagreements its sources take part in (the chart shows every "
            "side, the one you clicked highlighted)",
    "speaker": "this speaker's statements, and the disagreements that name them",
    "entity": "the statements by or naming it, and the disagreements that name it",
}


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _discrepancy_rows(ctx: PageContext) -> pd.DataFrame:
    rows = []
    for item in ctx.analysis.comparison.get("figure_discrepancies", []):
        for value in item.get("values", []):
            source = tables.canonical_name(value.get("source"))
            article_id = str(value.get("article_id"))
            data = {**value, "source": source}
            rows.append({
                "key": f"{item.get('event', '')} · {item.get('category', '')} ({item.get('spread', '')})",
                "event": item.get("event", ""), "category": item.get("category"), "outlet": value.get("outlet"),
                "source": source, "side": tables.side_of_source(ctx.views.sides, article_id, source),
                "point": value["value"] if value.get("value") is not None else value.get("low"),
                "label": charts.figure_label(data), "article_id": article_id, "id": str(value.get("id", "")),
                "text": value.get("text", ""), "start": value.get("start"), "end": value.get("end"),
                "sentence_start": value.get("sentence_start", value.get("start")),
                "sentence_end": value.get("sentence_end", value.get("end")),
                "low_end": value["low"] if value.get("low") is not None else value.get("value"),
                "high_end": value["high"] if value.get("high") is not None else value.get("value"),
            })
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["point"] = frame["point"].fillna(frame["high_end"])
        frame["low_end"] = frame["low_end"].fillna(frame["point"])
        frame["high_end"] = frame["high_end"].fillna(frame["point"])
    return frame


def _statements(ctx: PageContext) -> pd.DataFrame:
    by_side: dict[str, list[dict[str, Any]]] = ctx.analysis.comparison.get("statements_by_side", {})
    frame = pd.DataFrame([s for items in by_side.values() for s in items])
    if frame.empty:
        return pd.DataFrame(columns=["article_id", "side", "speaker", "text", "outlet"])
    frame["speaker"] = frame["speaker"].map(tables.canonical_name)
    frame["side"] = frame["side"].map(tables.canonical_name).fillna("unknown")
    return frame


def _side_lists(ctx: PageContext, chosen: list[str]) -> None:
    statements = ctx.memo("statements", lambda: filter_statements(
        ctx.memo("all_statements", lambda: _statements(ctx), by_filter=False), ctx.page_filter))
    columns = st.columns(len(chosen))
    for column, side in zip(columns, chosen, strict=True):
        items = statements[statements["side"] == side]
        column.markdown(f"**{escape_markdown(side)}** · {_plural(len(items), 'statement')}")
        if not items.empty:
            with column:
                shown = capped(items[["speaker", "text", "outlet"]], "statements", rows=200)
            column.dataframe(shown, hide_index=True, key=f"{KEY}side.{side}", width="stretch", placeholder="")


def _pairs(ctx: PageContext, chosen: list[str]) -> None:
    def build() -> pd.DataFrame:
        pairs = ctx.analysis.comparison.get("statement_pairs", [])
        frame = pd.DataFrame(pairs)
        if frame.empty:
            return frame
        for column in ("a_speaker", "b_speaker", "a_side", "b_side"):
            frame[column] = frame[column].map(tables.canonical_name)
        frame["overlap"] = frame["overlap"].map(lambda words: ", ".join(words) if isinstance(words, list) else "")
        return filter_pairs(frame, ctx.page_filter)

    frame = ctx.memo("pairs", build)
    if frame.empty:
        st.caption("No statements of different sides share a subject.")
        return
    if chosen:
        frame = frame[frame["a_side"].isin(chosen) & frame["b_side"].isin(chosen)] if len(chosen) > 1 else \
            frame[frame["a_side"].isin(chosen) | frame["b_side"].isin(chosen)]
    st.markdown(f"**{_plural(len(frame), 'pair')} of statements on the same subject**")
    if not frame.empty:
        st.dataframe(capped(frame[list(PAIR_COLUMNS)].rename(columns=PAIR_COLUMNS), "pairs", rows=200),
                     hide_index=True, key=KEY + "pairs", width="stretch", placeholder="")


def _detected_sides(ctx: PageContext) -> tuple[list[str], dict[str, Any]]:
    """The names a user may assign a side to, and the side the analysis found for each."""
    names = sorted(set(ctx.quotes["speaker"].dropna()) | set(ctx.entities.loc[
        ctx.entities["label"].isin(["PERSON", "ORG", "GPE", "NORP"]), "name"].dropna()))
    detected = dict(zip(ctx.entities["name"], ctx.entities["side"], strict=False))
    detected.update(dict(zip(ctx.quotes["speaker"], ctx.quotes["side"], strict=False)))
    return names, detected


def _overrides(ws: WorkspaceState, ctx: PageContext) -> None:
    names, detected = ctx.memo("detected_sides", lambda: _detected_sides(ctx), by_filter=False)
    current = dict(ws.settings.get("side_overrides", {}))
    frame = pd.DataFrame({"name": names, "detected side": [d if isinstance(d := detected.get(n), str) else ""
                                                           for n in names],
                          "your side": [current.get(n, "") for n in names]})
    edited = st.data_editor(frame, hide_index=True, disabled=["name", "detected side"] if not ws.read_only
                            else True, key=KEY + "overrides", width="stretch")
    wanted = {r["name"]: r["your side"].strip() for r in edited.to_dict("records")
              if isinstance(r["your side"], str) and r["your side"].strip()}
    if not ws.read_only and wanted != current and st.button("Apply side changes", key=KEY + "apply"):
        ws.settings = {**ws.settings, "side_overrides": wanted}
        ws.dirty = True
        st.rerun()


def _pick_point(key: str) -> None:
    event = st.session_state.get(key)
    figure, article = selection_value(event, "figure", "id"), selection_value(event, "figure", "article_id")
    st.session_state[KEY + "picked"] = (article, figure) if figure and article else None


def _discrepancies(ctx: PageContext) -> None:
    rows = ctx.memo("discrepancy_rows", lambda: filter_figures(
        ctx.memo("all_discrepancies", lambda: _discrepancy_rows(ctx), by_filter=False), ctx.page_filter,
        texts=ctx.texts))
    keys = rows["key"].nunique() if not rows.empty else 0
    st.markdown(f"**{_plural(keys, 'figure')} on which the sources disagree**")
    if rows.empty:
        return
    events = list(dict.fromkeys(rows["event"]))
    event = st.selectbox("Event", events, key=KEY + "event") if len(events) > 1 else events[0]
    shown = rows[rows["event"] == event]
    side_legend(ctx.colors, sides=shown["side"])
    panels = vega.shared(ctx, "discrepancy_panels", shown, lambda: [
        vega.prepare(chart) for _, chart in charts.discrepancy_panels(shown, colors=ctx.colors)],
        columns=["key", "article_id", "id", "side"])
    for n, chart in enumerate(panels):
        key = f"{KEY}fig_chart.{zlib.crc32(event.encode())}.{n}"
        vega.show(chart, on_select=partial(_pick_point, key), key=key)
    picked = st.session_state.get(KEY + "picked")
    match = shown[(shown["article_id"] == (picked or ("", ""))[0]) & (shown["id"] == (picked or ("", ""))[1])]
    if not match.empty:
        row = match.iloc[0]
        st.html(sentence_html(ctx.texts.get(row["article_id"], ""), int(row["sentence_start"]),
                              int(row["sentence_end"]), focus=(int(row["start"]), int(row["end"]))))
    st.dataframe(shown[["category", "label", "outlet", "source", "side", "text"]], hide_index=True,
                 key=KEY + "fig_table", width="stretch", placeholder="")


def render(ctx: PageContext, ws: WorkspaceState) -> None:
    st.caption("What each side said, aligned by subject, and the casualty figures that different outlets and "
               "sources report for the same event. Click a bar to filter the page by a side, a point to read "
               "its sentence.")
    if ctx.page_filter is not None:
        st.caption(f"Filtered: {FILTER_NOTES.get(ctx.page_filter.kind, 'what the filter keeps')}.")
    if ctx.quotes.empty and ctx.figures.empty:
        st.info("Nothing to compare yet: load articles that quote officials or report figures.")
        return
    quotes = ctx.memo("quotes", lambda: filter_quotes(ctx.quotes, ctx.page_filter))
    if not quotes.empty:
        # the chart that set a side filter keeps every side, the clicked one highlighted
        drawn = ctx.quotes if ctx.page_filter is not None and ctx.page_filter.kind == "side" else quotes
        chart = vega.prepared_for(ctx, "sides", drawn, columns=["article_id", "side"],
                                  build=lambda: charts.side_by_article(drawn, colors=ctx.colors))
        vega.show(chart, on_select=picker(CHART, name="side", field_name="side", kind="side"), key=chart_key(CHART))
        by_side = ctx.analysis.comparison.get("statements_by_side", {})
        sides = [tables.canonical_name(s) for s in by_side] or sorted(set(quotes["side"].fillna("unknown")))
        default = [s for s in sides if s != "unknown"][:2] or sides[:2]
        chosen = st.multiselect("Sides to compare", sides, default=default, key=KEY + "sides",
                                help="The two sides with most statements to begin with.")
        if chosen:
            _side_lists(ctx, chosen)
            _pairs(ctx, chosen)
    _discrepancies(ctx)
    sides = st.expander("Sides: check and correct who belongs to which side", key=KEY + "sides_open",
                        on_change="rerun")
    if sides.open:  # drawn only when opened: the editor lists every name of the analysis
        with sides:
            _overrides(ws, ctx)
