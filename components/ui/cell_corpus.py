"""Cell "Corpus": open a Parquet result of the command line's corpus mode and chart it."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components.corpus import result as corpus_result
from components.corpus.result import CorpusResult, CorpusResultError
from components.ingest import limits
from components.present import charts, tables
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext

KEY = "corpus."
RESULT = KEY + "result"
PROBLEM = KEY + "problem"
TABLE_ROWS = 5_000
CHART_ROWS = 5_000
TOP = 20
QUOTE_COLUMNS = ["speaker", "side", "kind", "cue", "text", "outlet"]
FIGURE_COLUMNS = ["category", "value", "low", "high", "qualifier", "group", "source", "outlet", "text"]
OTHER_COLUMNS = ["type", "value", "unit", "iso", "text", "outlet"]


def _open_folder() -> None:
    """Button callback: read the folder typed in, before the rerun draws the cell."""
    text = str(st.session_state.get(KEY + "folder") or "")
    try:
        folder = corpus_result.resolve_folder(text)
        st.session_state[RESULT] = corpus_result.read_folder(folder, label=text.strip())
    except CorpusResultError as exc:
        st.session_state[PROBLEM] = str(exc)


def _open_upload() -> None:
    """Button callback: read the uploaded tables, before the rerun draws the cell."""
    files = st.session_state.get(KEY + "upload") or []
    try:
        st.session_state[RESULT] = corpus_result.read_files({f.name: f.getvalue() for f in files})
    except CorpusResultError as exc:
        st.session_state[PROBLEM] = str(exc)


def _close() -> None:
    st.session_state.pop(RESULT, None)


def _open_controls() -> None:
    folder_tab, upload_tab = st.tabs(["Folder on the server", "Upload the .parquet files"])
    with folder_tab:
        c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
        c1.text_input("Result folder, relative to the server's corpus folder", key=KEY + "folder",
                      placeholder="results")
        c2.button("Open", key=KEY + "open", on_click=_open_folder)
    with upload_tab:
        files = st.file_uploader("articles, entities, quotes and figures .parquet", type=["parquet"],
                                 accept_multiple_files=True, key=KEY + "upload")
        if overflow := limits.upload_overflow(sum(f.size for f in files or [])):
            shown, limit = overflow
            st.error(f"These files are {shown} together; one upload may be at most {limit}. "
                     "Put the result in the server's corpus folder and open it by name instead.")
        elif files:
            st.button("Open the uploaded result", key=KEY + "upload_open", on_click=_open_upload)
    problem = st.session_state.pop(PROBLEM, None)
    if problem:
        st.error(escape_markdown(problem))  # it may quote the folder name typed in


def _chart(chart: alt.TopLevelMixin, key: str) -> None:
    st.altair_chart(chart, key=key, width="stretch", height=charts.element_height(chart))


def _capped(frame: pd.DataFrame, what: str, *, rows: int = TABLE_ROWS) -> pd.DataFrame:
    if len(frame) > rows:
        st.caption(f"The first {rows:,} of {len(frame):,} {what}.")
        return frame.head(rows)
    return frame


def _show(result: CorpusResult) -> None:
    outlets = sorted({o for o in result.articles["outlet"].dropna() if o})
    chosen = st.multiselect("Outlets", outlets, key=KEY + "outlets", placeholder="all outlets")
    articles, entities, quotes, figures = result.articles, result.entities, result.quotes, result.figures
    if chosen:
        articles, entities, quotes, figures = (frame[frame["outlet"].isin(chosen)]
                                               for frame in (articles, entities, quotes, figures))
    st.markdown(f"**{escape_markdown(result.label)}**: {len(articles):,} articles, "
                f"{entities['name'].nunique():,} entities, {len(quotes):,} statements, {len(figures):,} figures")
    totals = tables.entity_totals(entities, labels=["PERSON", "ORG", "GPE"], top=TOP)
    if not totals.empty:
        _chart(charts.entity_bar(totals), KEY + "entities_chart")
    st.markdown("**Entities**")
    st.dataframe(_capped(tables.entity_totals(entities, top=len(entities)), "entities"), hide_index=True,
                 key=KEY + "entities", width="stretch", placeholder="")
    if not quotes.empty:
        top = quotes["speaker"].value_counts().head(TOP).index
        _chart(charts.speaker_bar(quotes.loc[quotes["speaker"].isin(top), ["speaker", "side"]]), KEY + "speakers_chart")
    st.markdown("**Quotes**")
    st.dataframe(_capped(quotes[QUOTE_COLUMNS], "statements"), hide_index=True, key=KEY + "quotes", width="stretch",
                 placeholder="")
    casualties = figures[figures["type"] == "casualty"]
    if not casualties.empty:
        rows = charts.figure_rows(_capped(casualties, "casualty figures are charted", rows=CHART_ROWS))
        for panel, chart in charts.casualty_panels(rows):
            _chart(chart, f"{KEY}figures_chart.{panel}")
    st.markdown("**Casualty figures**")
    st.dataframe(_capped(casualties[FIGURE_COLUMNS], "casualty figures"), hide_index=True, key=KEY + "figures",
                 width="stretch", placeholder="")
    others = figures[figures["type"] != "casualty"]
    with st.expander(f"Other figures ({len(others):,})"):
        st.dataframe(_capped(others[OTHER_COLUMNS], "other figures"), hide_index=True, key=KEY + "others",
                     width="stretch", placeholder="")


def render(ctx: PageContext) -> None:
    st.caption("Open the result of the command line's corpus mode (python -m components analyze --format parquet "
               "--out DIR FILES…) to see its entities, quotes and figures. It stays on this page: it is not part "
               "of the saved workspace.")
    if ctx.page_filter is not None:
        st.caption("The page's filter does not apply here: a corpus result is not the workspace's articles.")
    result: CorpusResult | None = st.session_state.get(RESULT)
    if result is None:
        _open_controls()
        return
    st.button("Close this result", key=KEY + "close", on_click=_close)
    _show(result)
