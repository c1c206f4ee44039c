"""Cell "Quotes": who said what, direct, indirect or mixed, with the speaker resolved."""

from __future__ import annotations

import streamlit as st

from components.present import charts
from components.present.filtering import filter_quotes
from components.present.highlight import sentence_html
from components.ui.context import PageContext
from components.ui.state import pick_from_chart

KEY = "quotes."
COLUMNS = ["speaker", "side", "kind", "cue", "text", "outlet"]


def _choices(values: list[str]) -> list[str]:
    return sorted({v for v in values if isinstance(v, str) and v})


def render(ctx: PageContext) -> None:
    st.caption("Every statement the articles attribute, with its speaker (pronouns and \"the ministry\" "
               "resolved), side and kind. Click a speaker's bar to filter the page; select a row to read it "
               "in context.")
    quotes = filter_quotes(ctx.quotes, ctx.page_filter)
    c1, c2, c3, c4 = st.columns(4)
    speakers = c1.multiselect("Speaker", _choices(quotes["speaker"].tolist()), key=KEY + "speaker")
    sides = c2.multiselect("Side", _choices(quotes["side"].fillna("unknown").tolist()), key=KEY + "side")
    kinds = c3.multiselect("Kind", ["direct", "indirect", "mixed"], key=KEY + "kind")
    article_ids = c4.multiselect("Article", ctx.articles["article_id"].tolist(), format_func=ctx.title_of,
                                 key=KEY + "article")
    if speakers:
        quotes = quotes[quotes["speaker"].isin(speakers)]
    if sides:
        quotes = quotes[quotes["side"].fillna("unknown").isin(sides)]
    if kinds:
        quotes = quotes[quotes["kind"].isin(kinds)]
    if article_ids:
        quotes = quotes[quotes["article_id"].isin(article_ids)]
    if quotes.empty:
        st.info("No statements match. Clear the filters or load more articles.")
        return
    st.markdown(f"**{len(quotes)} statements by {quotes['speaker'].nunique()} speakers**")
    chart = ctx.memo(f"speaker_chart|{speakers}|{sides}|{kinds}|{article_ids}", lambda: charts.speaker_bar(quotes))
    event = st.altair_chart(chart, on_select="rerun", key=KEY + "chart", width="stretch")
    if pick_from_chart(event, key=KEY + "chart", name="speaker", field_name="speaker", kind="speaker"):
        st.rerun()
    table = quotes.reset_index(drop=True)
    chosen = st.dataframe(table[COLUMNS], hide_index=True, on_select="rerun", selection_mode="single-row",
                          key=KEY + "table", width="stretch")
    rows = list(getattr(chosen, "selection", {}).get("rows", [])) if chosen else []
    if rows and rows[0] < len(table):
        row = table.iloc[rows[0]]
        text = ctx.texts.get(row["article_id"], "")
        st.html(sentence_html(text, int(min(row["sentence_start"], row["start"])),
                              int(max(row["sentence_end"], row["end"])),
                              focus=(int(row["start"]), int(row["end"]))))
