"""Cell "Export": every table as CSV, the analysis as JSON, a standalone HTML report."""

from __future__ import annotations

import json

import streamlit as st

from components.report import build_report
from components.ui.context import PageContext

KEY = "export."


@st.cache_data(show_spinner="Building the report…", max_entries=8)
def _report(key: str, _ctx: PageContext) -> str:
    del key
    return build_report(_ctx.analysis, title="News analysis report")


def render(ctx: PageContext, analysis_key: str) -> None:
    st.caption("Take the analysis with you: each table as CSV, everything as JSON (the same document the "
               "command line prints), or one HTML file that opens offline with its charts.")
    columns = st.columns(5)
    for column, (name, frame) in zip(columns, (("articles", ctx.articles), ("entities", ctx.entities),
                                               ("quotes", ctx.quotes), ("figures", ctx.figures),
                                               ("mentions", ctx.mentions)), strict=True):
        column.download_button(f"{name}.csv", frame.to_csv(index=False).encode("utf-8"), file_name=f"{name}.csv",
                               mime="text/csv", key=f"{KEY}{name}")
    c1, c2 = st.columns(2)
    c1.download_button("analysis.json", json.dumps(ctx.analysis.to_json(), ensure_ascii=False, indent=1),
                       file_name="analysis.json", mime="application/json", key=KEY + "json")
    if c2.button("Build the HTML report", key=KEY + "build"):
        st.session_state[KEY + "ready"] = analysis_key
    if st.session_state.get(KEY + "ready") == analysis_key:
        c2.download_button("report.html", _report(analysis_key, ctx), file_name="report.html", mime="text/html",
                           key=KEY + "html")
