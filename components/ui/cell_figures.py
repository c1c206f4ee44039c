"""Cell "Figures": casualty counts and other figures, with qualifiers, subsets and sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.present import charts
from components.present.filtering import filter_figures
from components.present.highlight import sentence_html
from components.ui.context import PageContext
from components.ui.state import selection_value

KEY = "figures."
CASUALTY_COLUMNS = ["category", "figure", "qualifier", "group", "part of", "source", "location", "outlet"]
OTHER_COLUMNS = ["type", "value", "unit", "si_value", "si_unit", "group", "iso", "text", "outlet"]


def _show_sentence(ctx: PageContext, row: pd.Series) -> None:
    text = ctx.texts.get(row["article_id"], "")
    st.html(sentence_html(text, int(row["sentence_start"]), int(row["sentence_end"]),
                          focus=(int(row["start"]), int(row["end"]))))


def render(ctx: PageContext) -> None:
    st.caption("Killed, wounded, missing and other figures as each article states them, with who claims "
               "them. Ranges are drawn as intervals, parts of a larger figure as diamonds; click a point to "
               "read its sentence.")
    figures = ctx.memo("figures", lambda: filter_figures(ctx.figures, ctx.page_filter, texts=ctx.texts))
    casualties = figures[figures["type"] == "casualty"].reset_index(drop=True)
    others = figures[figures["type"] != "casualty"].reset_index(drop=True)
    if casualties.empty:
        st.info("No casualty figures in these articles.")
    else:
        rows = ctx.memo("figure_rows", lambda: charts.figure_rows(casualties))
        chart = ctx.memo("casualty_chart", lambda: charts.casualty_chart(rows))  # facets cost to build
        event = st.altair_chart(chart, on_select="rerun", key=KEY + "chart",
                                width="stretch")
        picked = selection_value(event, "figure", "id")
        picked_article = selection_value(event, "figure", "article_id")
        by_id = {f: i for i, f in enumerate(rows["id"].astype(str) + "@" + rows["article_id"].astype(str))}
        table = rows.assign(figure=rows["label"], **{"part of": rows["subset_of"]})
        chosen = st.dataframe(table[CASUALTY_COLUMNS], hide_index=True, on_select="rerun",
                              selection_mode="single-row", key=KEY + "table", width="stretch")
        selected_rows = list(getattr(chosen, "selection", {}).get("rows", [])) if chosen else []
        index = by_id.get(f"{picked}@{picked_article}") if picked else (selected_rows[0] if selected_rows else None)
        if index is not None and index < len(rows):
            _show_sentence(ctx, rows.iloc[index])
    with st.expander(f"Other figures ({len(others)}): distances, counts, money, percentages, dates"):
        if others.empty:
            st.caption("None.")
        else:
            st.dataframe(others[OTHER_COLUMNS], hide_index=True, key=KEY + "others", width="stretch")
