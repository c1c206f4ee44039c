"""Cell "Export": every table as CSV, the analysis as JSON, a standalone HTML report.

Every file is built when its button is clicked (a deferred download), never on a rerun: the
JSON of a few hundred articles takes seconds to write, and a page rerun must stay fast.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.analysis import Analysis
from components.present.report import build_report
from components.ui.context import PageContext

KEY = "export."


def _csv(frame: pd.DataFrame) -> Callable[[], bytes]:
    return lambda: frame.to_csv(index=False).encode("utf-8")


def _json(analysis: Analysis) -> Callable[[], str]:
    return lambda: json.dumps(analysis.to_json(), ensure_ascii=False, indent=1)


def _report(analysis: Analysis) -> Callable[[], str]:
    return lambda: build_report(analysis, title="News analysis report")


def render(ctx: PageContext) -> None:
    st.caption("Take the analysis with you: each table as CSV, everything as JSON (the same document the "
               "command line prints), or one HTML file that opens offline with its charts. Each file is "
               "built when you click it.")
    columns = st.columns(5)
    for column, (name, frame) in zip(columns, (("articles", ctx.articles), ("entities", ctx.entities),
                                               ("quotes", ctx.quotes), ("figures", ctx.figures),
                                               ("mentions", ctx.mentions)), strict=True):
        column.download_button(f"{name}.csv", _csv(frame), file_name=f"{name}.csv", mime="text/csv",
                               key=f"{KEY}{name}")
    c1, c2 = st.columns(2)
    c1.download_button("analysis.json", _json(ctx.analysis), file_name="analysis.json", mime="application/json",
                       key=KEY + "json")
    c2.download_button("report.html", _report(ctx.analysis), file_name="report.html", mime="text/html",
                       key=KEY + "html", help="Charts and tables in one file that opens offline (a few MB).")
