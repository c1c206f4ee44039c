"""Cell "Quotes": who said what, direct, indirect or mixed, with the speaker resolved."""

from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from components.present import charts
from components.present.filtering import filter_quotes
from components.present.highlight import sentence_html
from components.present.safe_markdown import escape_markdown
from components.ui import vega
from components.ui.context import PageContext
from components.ui.legend import capped
from components.ui.state import chart_key, picker

KEY = "quotes."
CHART = KEY + "chart"
SELECTED = KEY + "selected"  # the quote id of the statement the reader selected
COLUMNS = ["speaker", "side", "kind", "cue", "text", "outlet"]
TOP_SPEAKERS = 20
FILTER_NOTES = {
    "article": "the statements of this article",
    "side": "the statements of this side",
    "speaker": "this speaker's statements (the chart shows every speaker, the one you clicked highlighted)",
    "entity": "the statements by or naming it",
}


def _choices(values: list[str]) -> list[str]:
    return sorted({v for v in values if isinstance(v, str) and v})


def _table_key(ids: list[str]) -> str:
    """A key per list of rows: a list that changed starts from the selected quote, never from a row number."""
    return f"{KEY}table.{zlib.crc32('|'.join(ids).encode())}"


def _selected(table_key: str, ids: list[str]) -> None:
    """Row selection -> the selected quote's id (the row number means nothing once the list changes)."""
    rows = st.session_state.get(table_key, {}).get("selection", {}).get("rows", [])
    st.session_state[SELECTED] = ids[rows[0]] if rows and rows[0] < len(ids) else None


def _narrowed(ctx: PageContext, speakers: list[str], sides: list[str], kinds: list[str],
              article_ids: list[str], *, page_filter: bool = True) -> pd.DataFrame:
    quotes = filter_quotes(ctx.quotes, ctx.page_filter) if page_filter else ctx.quotes
    if speakers:
        quotes = quotes[quotes["speaker"].isin(speakers)]
    if sides:
        quotes = quotes[quotes["side"].fillna("unknown").isin(sides)]
    if kinds:
        quotes = quotes[quotes["kind"].isin(kinds)]
    if article_ids:
        quotes = quotes[quotes["article_id"].isin(article_ids)]
    return quotes.reset_index(drop=True)


def render(ctx: PageContext) -> None:
    st.caption("Every statement the articles attribute, with its speaker (pronouns and \"the ministry\" "
               "resolved), side and kind. Click a speaker's bar to filter the page; select a row to read it "
               "in context.")
    base = ctx.memo("quotes", lambda: filter_quotes(ctx.quotes, ctx.page_filter))
    if ctx.page_filter is not None:
        st.caption(f"Filtered: {FILTER_NOTES.get(ctx.page_filter.kind, 'what the filter keeps')}.")
    c1, c2, c3, c4 = st.columns(4)
    speakers = c1.multiselect("Speaker", ctx.memo("speakers", lambda: _choices(base["speaker"].tolist())),
                              key=KEY + "speaker")
    sides = c2.multiselect("Side", ctx.memo("sides", lambda: _choices(base["side"].fillna("unknown").tolist())),
                           key=KEY + "side")
    kinds = c3.multiselect("Kind", ["direct", "indirect", "mixed"], key=KEY + "kind")
    article_ids = c4.multiselect("Article", ctx.articles["article_id"].tolist(), format_func=ctx.title_of,
                                 key=KEY + "article")
    choice = f"{speakers}|{sides}|{kinds}|{article_ids}"
    quotes = ctx.memo(f"quotes|{choice}", lambda: _narrowed(ctx, speakers, sides, kinds, article_ids))
    if quotes.empty:
        st.info("No statements match. Clear the filters or load more articles.")
        return
    n_speakers = quotes["speaker"].nunique()
    shown = f"the {TOP_SPEAKERS} most quoted" if n_speakers > TOP_SPEAKERS else "each"
    st.markdown(f"**{len(quotes)} statement{'s' if len(quotes) != 1 else ''} by {n_speakers} "
                f"speaker{'s' if n_speakers != 1 else ''}** · the chart shows {shown}")
    # the chart that set a speaker filter keeps every speaker, the clicked one highlighted
    by_speaker = ctx.page_filter is not None and ctx.page_filter.kind == "speaker"
    drawn = ctx.memo(f"quotes_all|{choice}", lambda: _narrowed(ctx, speakers, sides, kinds, article_ids,
                                                               page_filter=False), by_filter=False) \
        if by_speaker else quotes
    chart = vega.prepared_for(ctx, "speakers", drawn, columns=["speaker", "side"],
                              build=lambda: charts.speaker_bar(drawn, colors=ctx.colors, top=TOP_SPEAKERS))
    vega.show(chart, on_select=picker(CHART, name="speaker", field_name="speaker", kind="speaker"),
              key=chart_key(CHART))
    shown = capped(quotes, "statements")
    ids = shown["quote_id"].tolist()
    selected = st.session_state.get(SELECTED)
    key = _table_key(ids)
    default = {"selection": {"rows": [ids.index(selected)]}} if selected in ids else None
    st.dataframe(shown[COLUMNS], hide_index=True, on_select=lambda: _selected(key, ids), selection_mode="single-row",
                 selection_default=default, key=key, width="stretch", placeholder="")
    if selected is None:
        return
    if selected not in ids:
        st.caption("The statement you selected is not in this list; change the filters to see it again.")
        return
    row = shown.iloc[ids.index(selected)]
    st.markdown(f"**{escape_markdown(str(row['speaker']))}** · {escape_markdown(ctx.title_of(row['article_id']))}")
    text = ctx.texts.get(row["article_id"], "")
    st.html(sentence_html(text, int(min(row["sentence_start"], row["start"])),
                          int(max(row["sentence_end"], row["end"])), focus=(int(row["start"]), int(row["end"]))))
