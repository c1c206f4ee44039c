"""Cell "Entities": who and what is named most; click a bar to see its mentions in context."""

from __future__ import annotations

import streamlit as st

from components.present import charts, tables
from components.present.filtering import filter_entities
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext
from components.ui.state import pick_from_chart

KEY = "entities."
LABELS = {"PERSON": "people", "ORG": "organisations", "GPE": "countries and cities", "LOC": "places",
          "NORP": "nationalities and groups", "FAC": "facilities"}


def render(ctx: PageContext) -> None:
    st.caption("The people, organisations and places each article names, with name variants merged "
               "(\"Austin\" and \"Lloyd Austin\" are one person). Click a bar to filter the page by it.")
    c1, c2, c3 = st.columns([3, 2, 1])
    labels = c1.multiselect("Types", list(LABELS), default=["PERSON", "ORG", "GPE"],
                            format_func=lambda k: LABELS[k], key=KEY + "labels")
    scope_options = ["all", *ctx.articles["article_id"].tolist()]
    scope = c2.selectbox("Articles", scope_options, format_func=lambda a: "all articles" if a == "all"
                         else ctx.title_of(a), key=KEY + "scope")
    top = c3.number_input("Show", min_value=5, max_value=100, value=20, step=5, key=KEY + "top")
    if not labels:
        st.info("No entities of these types here: choose at least one type.")
        return
    rows = ctx.entities if scope == "all" else ctx.entities[ctx.entities["article_id"] == scope]
    page_filter = ctx.page_filter
    if page_filter is not None and page_filter.kind in ("article", "side"):
        rows = filter_entities(rows, page_filter)
    totals = tables.entity_totals(rows, labels=labels, top=int(top))
    if totals.empty:
        st.info("No entities of these types here.")
        return
    chart = ctx.memo(f"entity_chart|{labels}|{scope}|{int(top)}", lambda: charts.entity_bar(totals))
    event = st.altair_chart(chart, on_select="rerun", key=KEY + "chart", width="stretch")
    if pick_from_chart(event, key=KEY + "chart", name="entity", field_name="name", kind="entity"):
        st.rerun()
    focus = page_filter.value if page_filter is not None and page_filter.kind == "entity" else None
    if focus:
        mentions = ctx.mentions[ctx.mentions["name"] == focus]
        st.markdown(f"**{len(mentions)} mentions of {escape_markdown(focus)}**")
        table = mentions.assign(article=mentions["article_id"].map(ctx.title_of))
        st.dataframe(table[["article", "text", "context"]], hide_index=True, width="stretch",
                     key=KEY + "mentions")
    else:
        st.caption("Click a bar to list that entity's mentions in context.")
