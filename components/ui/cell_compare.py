"""Cell "Compare": the sides' statements side by side, and figures where the sources disagree."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.present import charts
from components.present.highlight import sentence_html
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext
from components.ui.state import WorkspaceState, pick_from_chart, selection_value

KEY = "compare."


def _discrepancy_rows(discrepancies: list[dict[str, Any]], sides: dict[tuple[str, str], str | None]) -> pd.DataFrame:
    rows = []
    for item in discrepancies:
        for value in item.get("values", []):
            point = value.get("value") if value.get("value") is not None else value.get("low")
            low = value.get("low") if value.get("low") is not None else point
            high = value.get("high") if value.get("high") is not None else point
            qualifier = f"{value['qualifier']} " if value.get("qualifier") else ""
            number = f"{low:g}–{high:g}" if low is not None and high not in (None, low) else f"{point:g}"
            rows.append({
                "key": f"{item.get('event', '')} · {item.get('category', '')} ({item.get('spread', '')})",
                "event": item.get("event", ""), "category": item.get("category"), "outlet": value.get("outlet"),
                "source": value.get("source"), "side": sides.get((value.get("article_id"), value.get("source"))),
                "point": point, "low_end": low, "high_end": high, "label": f"{qualifier}{number}",
                "article_id": value.get("article_id"), "id": value.get("id", ""), "text": value.get("text", ""),
                "start": value.get("start"), "end": value.get("end"),
                "sentence_start": value.get("sentence_start", value.get("start")),
                "sentence_end": value.get("sentence_end", value.get("end")),
            })
    return pd.DataFrame(rows)


def _source_sides(ctx: PageContext) -> dict[tuple[str, str], str | None]:
    """Side of each figure source, from the quotes of the same speaker in the same article."""
    sides: dict[tuple[str, str], str | None] = {}
    for row in ctx.quotes[["article_id", "speaker", "side"]].itertuples(index=False):
        if isinstance(row.side, str):
            sides.setdefault((row.article_id, row.speaker), row.side)
    return sides


def _statements(ctx: PageContext, chosen: list[str]) -> None:
    by_side: dict[str, list[dict[str, Any]]] = ctx.analysis.comparison.get("statements_by_side", {})
    columns = st.columns(len(chosen))
    for column, side in zip(columns, chosen, strict=True):
        items = by_side.get(side, [])
        column.markdown(f"**{escape_markdown(side)}** · {len(items)} statements")
        if items:
            frame = pd.DataFrame(items)
            keep = [c for c in ("speaker", "text", "outlet") if c in frame.columns]
            column.dataframe(frame[keep], hide_index=True, key=f"{KEY}side.{side}", width="stretch")


def _pairs(ctx: PageContext, chosen: list[str]) -> None:
    pairs = ctx.analysis.comparison.get("statement_pairs", [])
    frame = pd.json_normalize(pairs) if pairs else pd.DataFrame()
    if frame.empty:
        st.caption("No statements of different sides share a subject.")
        return
    side_columns = [c for c in frame.columns if c.endswith("side")]
    if side_columns and chosen:
        mask = frame[side_columns].isin(chosen).sum(axis=1) >= min(2, len(chosen))
        frame = frame[mask]
    st.markdown(f"**{len(frame)} pairs of statements on the same subject**")
    st.dataframe(frame, hide_index=True, key=KEY + "pairs", width="stretch")


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
    frame = pd.DataFrame({"name": names, "detected side": [detected.get(n) for n in names],
                          "your side": [current.get(n, "") for n in names]})
    edited = st.data_editor(frame, hide_index=True, disabled=["name", "detected side"] if not ws.read_only
                            else True, key=KEY + "overrides", width="stretch")
    wanted = {r["name"]: r["your side"].strip() for r in edited.to_dict("records")
              if isinstance(r["your side"], str) and r["your side"].strip()}
    if not ws.read_only and wanted != current and st.button("Apply side changes", key=KEY + "apply"):
        ws.settings = {**ws.settings, "side_overrides": wanted}
        ws.dirty = True
        st.rerun()


def render(ctx: PageContext, ws: WorkspaceState) -> None:
    st.caption("What each side said, aligned by subject, and the casualty figures that different outlets and "
               "sources report for the same event. Click a bar or a point to filter or read the sentence.")
    if ctx.quotes.empty and ctx.figures.empty:
        st.info("Nothing to compare yet: load articles that quote officials or report figures.")
        return
    if not ctx.quotes.empty:
        chart = ctx.memo("side_chart", lambda: charts.side_by_article(ctx.quotes), by_filter=False)
        event = st.altair_chart(chart, on_select="rerun", key=KEY + "sides_chart", width="stretch")
        if pick_from_chart(event, key=KEY + "sides_chart", name="side", field_name="side", kind="side"):
            st.rerun()
        sides = sorted({s for s in ctx.quotes["side"].fillna("unknown")})
        default = [s for s in sides if s != "unknown"][:2] or sides[:2]
        chosen = st.multiselect("Sides to compare", sides, default=default, key=KEY + "sides")
        if chosen:
            _statements(ctx, chosen)
            _pairs(ctx, chosen)
    discrepancies = ctx.analysis.comparison.get("figure_discrepancies", [])
    st.markdown(f"**{len(discrepancies)} figures on which the sources disagree**")
    rows = ctx.memo("discrepancy_rows", lambda: _discrepancy_rows(discrepancies, _source_sides(ctx)),
                    by_filter=False)
    if not rows.empty:
        chart = ctx.memo("discrepancy_chart", lambda: charts.discrepancy_chart(rows), by_filter=False)
        event = st.altair_chart(chart, on_select="rerun", key=KEY + "fig_chart", width="stretch")
        picked = selection_value(event, "figure", "id")
        picked_article = selection_value(event, "figure", "article_id")
        match = rows[(rows["id"].astype(str) == str(picked)) & (rows["article_id"] == picked_article)]
        if picked and not match.empty:
            row = match.iloc[0]
            st.html(sentence_html(ctx.texts.get(row["article_id"], ""), int(row["sentence_start"]),
                                  int(row["sentence_end"]), focus=(int(row["start"]), int(row["end"]))))
        st.dataframe(rows[["event", "category", "label", "outlet", "source", "side", "text"]], hide_index=True,
                     key=KEY + "fig_table", width="stretch")
    with st.expander("Sides: check and correct who belongs to which side"):
        _overrides(ws, ctx)
