"""Cell "Reading view": one article with its entities, quotes and figures highlighted."""

from __future__ import annotations

import streamlit as st

from components.present.highlight import Mark, render_html
from components.ui.context import PageContext

KEY = "reading."


def marks_for(ctx: PageContext, article_id: str, *, layers: list[str]) -> list[Mark]:
    marks: list[Mark] = []
    if "entities" in layers:
        rows = ctx.mentions[ctx.mentions["article_id"] == article_id]
        marks += [Mark(int(r.start), int(r.end), "nl-ent", f"{r.name} ({r.label})") for r in rows.itertuples()]
    if "quotes" in layers:
        rows = ctx.quotes[ctx.quotes["article_id"] == article_id]
        marks += [Mark(int(r.start), int(r.end), "nl-quote", f"{r.speaker} · {r.kind} · {r.side or 'side unknown'}")
                  for r in rows.itertuples()]
    if "figures" in layers:
        rows = ctx.figures[ctx.figures["article_id"] == article_id]
        marks += [Mark(int(r.start), int(r.end), "nl-fig", f"{r.type}: {r.category or r.unit or ''}")
                  for r in rows.itertuples()]
    return marks


def render(ctx: PageContext) -> None:
    st.caption("Read an article with what was found in it marked: names underlined, quotes shaded "
               "(hover for the speaker), figures in green.")
    ids = ctx.articles["article_id"].tolist()
    if not ids:
        st.info("Load an article to read it here.")
        return
    focus = ctx.page_filter.value if ctx.page_filter is not None and ctx.page_filter.kind == "article" else None
    wanted = st.query_params.get("article") or focus
    c1, c2 = st.columns([3, 2])
    article_id = c1.selectbox("Article", ids, index=ids.index(wanted) if wanted in ids else 0,
                              format_func=ctx.title_of, key=KEY + "article")
    if st.query_params.get("article") != article_id:
        st.query_params["article"] = article_id
    layers = c2.multiselect("Show", ["entities", "quotes", "figures"], default=["entities", "quotes", "figures"],
                            key=KEY + "layers")
    text = ctx.texts.get(article_id, "")
    st.html(render_html(text, marks_for(ctx, article_id, layers=layers)))
