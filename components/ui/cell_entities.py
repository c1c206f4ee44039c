"""Cell "Entities": who and what is named most; click a bar to filter the page by it."""

from __future__ import annotations

import streamlit as st

from components.present import charts, tables
from components.present.colors import ENTITY_TYPE_WORDS
from components.present.filtering import filter_entities
from components.present.safe_markdown import escape_markdown
from components.ui import vega
from components.ui.context import PageContext
from components.ui.legend import capped
from components.ui.state import chart_key, picker

KEY = "entities."
CHART = KEY + "chart"
DEFAULT_TYPES = ["PERSON", "ORG", "GPE"]
FILTER_NOTES = {
    "article": "the entities of this article",
    "side": "the entities of this side",
    "speaker": "the entities of the articles that name this speaker",
}


def render(ctx: PageContext) -> None:
    st.caption("The people, organisations and places each article names, with name variants merged "
               "(\"Austin\" and \"Lloyd Austin\" are one person). Click a bar to filter the page by it.")
    c1, c2, c3 = st.columns([3, 2, 1])
    labels = c1.multiselect("Types", list(ENTITY_TYPE_WORDS), default=DEFAULT_TYPES,
                            format_func=lambda k: ENTITY_TYPE_WORDS[k], key=KEY + "labels")
    scope_options = ["all", *ctx.articles["article_id"].tolist()]
    scope = c2.selectbox("Articles", scope_options, format_func=lambda a: "all articles" if a == "all"
                         else ctx.title_of(a), key=KEY + "scope")
    top = int(c3.number_input("Show", min_value=5, max_value=100, value=20, step=5, key=KEY + "top"))
    page_filter = ctx.page_filter
    # the chart that set the filter keeps every bar, the clicked one highlighted (and is not redrawn)
    chart_filter = None if page_filter is not None and page_filter.kind == "entity" else page_filter
    if page_filter is not None:
        note = ("the chart shows every entity, the one you clicked highlighted; below, its mentions"
                if chart_filter is None else FILTER_NOTES.get(page_filter.kind, "what the filter keeps"))
        st.caption(f"Filtered: {note}.")
    if not labels:
        st.info("No entities of these types here: choose at least one type.")
        return
    totals = ctx.memo(f"entity_totals|{labels}|{scope}|{top}|{chart_filter}", lambda: tables.entity_totals(
        filter_entities(ctx.entities if scope == "all" else ctx.entities[ctx.entities["article_id"] == scope],
                        chart_filter), labels=labels, top=top), by_filter=chart_filter is not None)
    if totals.empty:
        st.info("No entities of these types here.")
        return
    chart = vega.prepared_for(ctx, "entities", totals, lambda: charts.entity_bar(totals))
    vega.show(chart, on_select=picker(CHART, name="entity", field_name="name", kind="entity"), key=chart_key(CHART))
    focus = page_filter.value if page_filter is not None and page_filter.kind == "entity" else None
    if focus:
        mentions = ctx.memo("entity_mentions", lambda: ctx.mentions[ctx.mentions["name"] == focus].assign(
            article=lambda m: m["article_id"].map(ctx.title_of))[["article", "text", "context"]])
        st.markdown(f"**{len(mentions)} mentions of {escape_markdown(focus)}**")
        st.dataframe(capped(mentions, "mentions"), hide_index=True, width="stretch", key=KEY + "mentions",
                     placeholder="")
    else:
        st.caption("Click a bar to filter the page by that entity and list its mentions in context.")
