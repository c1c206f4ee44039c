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
from components.present.filtering import filter_entities, filter_figures, filter_quotes
from components.present.report import build_report
from components.present.safe_markdown import escape_markdown
from components.ui.context import PageContext

KEY = "export."


def _csv(frame: pd.DataFrame) -> Callable[[], bytes]:
    return lambda: frame.to_csv(index=False).encode("utf-8")


def _json(analysis: Analysis) -> Callable[[], str]:
    return lambda: json.dumps(analysis.to_json(), ensure_ascii=False, indent=1)


def _report(analysis: Analysis, title: str) -> Callable[[], str]:
    return lambda: build_report(analysis, title=title)


def _tables(ctx: PageContext) -> list[tuple[str, pd.DataFrame]]:
    """The tables as the page shows them: filtered when a filter is active."""
    f = ctx.page_filter
    if f is None:
        return [("articles", ctx.articles), ("entities", ctx.entities), ("quotes", ctx.quotes),
                ("figures", ctx.figures), ("mentions", ctx.mentions)]
    matching = ctx.matching_articles()
    entities = filter_entities(ctx.entities, f)
    return [("articles", ctx.articles[ctx.articles["article_id"].isin(matching)]), ("entities", entities),
            ("quotes", filter_quotes(ctx.quotes, f)), ("figures", filter_figures(ctx.figures, f, texts=ctx.texts)),
            ("mentions", ctx.mentions[ctx.mentions["article_id"].isin(set(entities["article_id"]))
                                      & ctx.mentions["name"].isin(set(entities["name"]))])]


def render(ctx: PageContext) -> None:
    st.caption("Take the analysis with you: each table as CSV, everything as JSON (the same document the "
               "command line prints), or one HTML file that opens offline with its charts. Each file is "
               "built when you click it.")
    if ctx.page_filter is not None:
        st.caption(f"Filtered: the CSV files hold only the rows that match ({escape_markdown(ctx.filter_text)}); "
                   "analysis.json and report.html always hold everything.")
    columns = st.columns(5)
    for column, (name, frame) in zip(columns, ctx.memo("export_tables", lambda: _tables(ctx)), strict=True):
        column.download_button(f"{name}.csv", _csv(frame), file_name=f"{name}.csv", mime="text/csv",
                               key=f"{KEY}{name}", help=f"{len(frame):,} rows")
    c1, c2 = st.columns(2)
    c1.download_button("analysis.json", _json(ctx.analysis), file_name="analysis.json", mime="application/json",
                       key=KEY + "json", help="Every article, whatever the filter.")
    c2.download_button("report.html", _report(ctx.analysis, ctx.name), file_name="report.html", mime="text/html",
                       key=KEY + "html", help="Charts and tables of every article in one file that opens "
                                              "offline (a few MB), titled with the workspace's name.")
