"""Cell "Reading view": one article with its entities, quotes and figures highlighted."""

from __future__ import annotations

import streamlit as st

from components.present.colors import ENTITY_TYPE_WORDS
from components.present.filtering import PageFilter
from components.present.highlight import Mark, render_html
from components.ui.context import PageContext
from components.ui.state import OPEN_ARTICLE_KEY, READING_KEY

KEY = "reading."
LAYERS = ["entities", "quotes", "figures"]
READING_HEIGHT = 560


def _tip(*parts: object) -> str:
    """A hover text of the parts that are known (no "None", no "nan")."""
    return " · ".join(str(p) for p in parts if isinstance(p, str) and p)


def marks_for(ctx: PageContext, article_id: str, *, layers: list[str], focus: PageFilter | None = None) -> list[Mark]:
    """The article's marks; the filter's entity or speaker is outlined too."""
    marks: list[Mark] = []
    name = focus.value if focus is not None and focus.kind in ("entity", "speaker") else None
    if "entities" in layers:
        rows = ctx.mentions[ctx.mentions["article_id"] == article_id]
        for r in rows.itertuples():
            css = "nl-ent nl-focus" if name is not None and r.name == name else "nl-ent"
            marks += [Mark(int(r.start), int(r.end), css, _tip(r.name, ENTITY_TYPE_WORDS.get(r.label, r.label)))]
    if "quotes" in layers:
        rows = ctx.quotes[ctx.quotes["article_id"] == article_id]
        for r in rows.itertuples():
            side = r.side if isinstance(r.side, str) and r.side else "side unknown"
            css = "nl-quote nl-focus" if name is not None and r.speaker == name else "nl-quote"
            marks += [Mark(int(r.start), int(r.end), css, _tip(r.speaker, r.kind, side))]
    if "figures" in layers:
        rows = ctx.figures[ctx.figures["article_id"] == article_id]
        marks += [Mark(int(r.start), int(r.end), "nl-fig",
                       _tip(r.type, r.category if isinstance(r.category, str) else r.unit,
                            r.source if isinstance(r.source, str) else None))
                  for r in rows.itertuples()]
    return marks


def render(ctx: PageContext) -> None:
    st.caption("Read an article with what was found in it marked: names underlined, quotes shaded "
               "(hover for the speaker), figures in green.")
    ids = ctx.articles["article_id"].tolist()
    if not ids:
        st.info("Load an article to read it here.")
        return
    matching: set[str] = set()
    if ctx.page_filter is not None:
        matching = set(ctx.matching_articles())
        st.caption(f"Filtered: {len(matching)} of {len(ids)} articles hold what the filter keeps (marked ✓ in the "
                   "list); in the text, its matches are outlined in red.")
    opened = st.session_state.pop(OPEN_ARTICLE_KEY, None)
    if opened in ids:
        st.session_state[READING_KEY] = opened
    elif st.session_state.get(READING_KEY) not in ids:
        from_url = st.query_params.get("article")
        st.session_state[READING_KEY] = from_url if from_url in ids else ids[0]
    c1, c2 = st.columns([3, 2])
    article_id = c1.selectbox("Article", ids, key=READING_KEY,
                              format_func=lambda a: f"✓ {ctx.title_of(a)}" if a in matching else ctx.title_of(a))
    if st.query_params.get("article") != article_id:
        st.query_params["article"] = article_id
    layers = c2.multiselect("Show", LAYERS, default=LAYERS, key=KEY + "layers")
    text = ctx.texts.get(article_id, "")
    with st.container(height=READING_HEIGHT, border=False):  # the article scrolls in its own pane
        st.html(render_html(text, marks_for(ctx, article_id, layers=layers, focus=ctx.page_filter)))
