"""altair chart builders: a DataFrame in, an ``alt.Chart`` out. No streamlit, no side effects.

Every interactive chart carries a named point selection so the page can read which mark was
clicked (``st.altair_chart(..., on_select="rerun")``) and filter the other cells by it. The
selection names are the keys the page reads: ``entity``, ``speaker``, ``side``, ``figure``.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

LABEL_COLORS = {"PERSON": "#4c78a8", "ORG": "#f58518", "GPE": "#54a24b", "LOC": "#88d27a", "NORP": "#b279a2",
                "FAC": "#9d755d"}
KIND_ORDER = ["direct", "mixed", "indirect"]
BAR_HEIGHT = 18


def _height(n_rows: int) -> int:
    return max(80, min(900, BAR_HEIGHT * n_rows))


def entity_bar(totals: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of mentions per entity; click a bar to select that entity (``entity``).

    Expects columns name, label, count, articles, side (see ``tables.entity_totals``).
    """
    select = alt.selection_point(name="entity", fields=["name"], on="click", clear="dblclick")
    return (
        alt.Chart(totals, title="Most mentioned")
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="mentions"),
            y=alt.Y("name:N", sort="-x", title=None),
            color=alt.Color(
                "label:N",
                title="type",
                scale=alt.Scale(domain=list(LABEL_COLORS), range=list(LABEL_COLORS.values())),
            ),
            opacity=alt.condition(select, alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("name:N"), alt.Tooltip("label:N", title="type"), alt.Tooltip("count:Q", title="mentions"),
                alt.Tooltip("articles:Q"), alt.Tooltip("side:N"),
            ],
        )
        .add_params(select)
        .properties(height=_height(len(totals)), width="container")
    )


def speaker_bar(quotes: pd.DataFrame) -> alt.Chart:
    """Statements per speaker, stacked by kind and coloured by side; click selects ``speaker``."""
    data = quotes.assign(side=quotes["side"].fillna("unknown"))
    select = alt.selection_point(name="speaker", fields=["speaker"], on="click", clear="dblclick")
    return (
        alt.Chart(data, title="Statements per speaker")
        .mark_bar()
        .encode(
            x=alt.X("count():Q", title="statements"),
            y=alt.Y("speaker:N", sort="-x", title=None),
            color=alt.Color("side:N", title="side"),
            opacity=alt.condition(select, alt.value(1.0), alt.value(0.35)),
            tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("side:N"), alt.Tooltip("count():Q", title="statements")],
        )
        .add_params(select)
        .properties(height=_height(data["speaker"].nunique()), width="container")
    )


def side_by_article(quotes: pd.DataFrame) -> alt.Chart:
    """Statements per side in each article; click a bar segment to select that ``side``."""
    data = quotes.assign(side=quotes["side"].fillna("unknown"), article=quotes["outlet"].fillna("") + " · "
                         + quotes["title"].fillna("").str.slice(0, 40))
    select = alt.selection_point(name="side", fields=["side"], on="click", clear="dblclick")
    return (
        alt.Chart(data, title="Statements per side, per article")
        .mark_bar()
        .encode(
            y=alt.Y("article:N", title=None),
            x=alt.X("count():Q", title="statements"),
            color=alt.Color("side:N", title="side"),
            opacity=alt.condition(select, alt.value(1.0), alt.value(0.35)),
            tooltip=[alt.Tooltip("article:N"), alt.Tooltip("side:N"), alt.Tooltip("count():Q", title="statements")],
        )
        .add_params(select)
        .properties(height=_height(data["article"].nunique() * 2), width="container")
    )


def _figure_rows(figures: pd.DataFrame) -> pd.DataFrame:
    data = figures.copy()
    data["source"] = data["source"].fillna("(article)")
    data["who"] = data["outlet"].fillna("").astype(str) + " · " + data["source"].astype(str)
    data["point"] = data["value"].fillna(data["low"])
    data["low_end"] = data["low"].fillna(data["value"])
    data["high_end"] = data["high"].fillna(data["point"])
    data["part"] = data["subset_of"].notna().map({True: "part of another figure", False: "total"})
    columns = [c for c in ("qualifier", "low", "high", "point", "group") if c in data.columns]
    data["label"] = [_figure_label(row) for row in data[columns].to_dict("records")]
    return data


def _figure_label(row: dict[str, Any]) -> str:
    qualifier = f"{row['qualifier']} " if isinstance(row.get("qualifier"), str) and row["qualifier"] else ""
    if pd.notna(row.get("high")) and pd.notna(row.get("low")) and row["high"] != row["low"]:
        number = f"{row['low']:g}–{row['high']:g}"
    else:
        number = f"{row['point']:g}" if pd.notna(row.get("point")) else "?"
    group = f" {row['group']}" if isinstance(row.get("group"), str) and row["group"] else ""
    return f"{qualifier}{number}{group}"


def casualty_chart(figures: pd.DataFrame) -> alt.Chart:
    """Casualty figures by category (rows) and source (colour): ranges as intervals, subsets hollow.

    ``figures`` is the figures table, or what :func:`figure_rows` made of it (not derived twice).

    Click a point to select that ``figure`` (by id and article).
    """
    data = figures if "label" in figures.columns else _figure_rows(figures)  # figure_rows' output as it is
    select = alt.selection_point(name="figure", fields=["article_id", "id"], on="click", clear="dblclick")
    base = alt.Chart().encode(  # the data goes on the layer only: altair hashes a subchart's data
        y=alt.Y("who:N", title=None),
        tooltip=[
            alt.Tooltip("label:N", title="figure"), alt.Tooltip("category:N"), alt.Tooltip("outlet:N"),
            alt.Tooltip("source:N"), alt.Tooltip("part:N"), alt.Tooltip("text:N", title="as written"),
        ],
    )
    interval = base.mark_rule(strokeWidth=3).encode(
        x=alt.X("low_end:Q", title="people"), x2="high_end:Q", color=alt.Color("source:N", title="source")
    )
    points = base.mark_point(size=110, filled=True).encode(
        x="point:Q",
        color=alt.Color("source:N", title="source"),
        shape=alt.Shape("part:N", title=None, scale=alt.Scale(domain=["total", "part of another figure"],
                                                              range=["circle", "diamond"])),
        opacity=alt.condition(select, alt.value(1.0), alt.value(0.4)),
    ).add_params(select)
    return (
        alt.layer(interval, points, data=data)
        .facet(row=alt.Row("category:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")))
        .resolve_scale(y="independent", x="independent")  # 12,000 displaced must not flatten 4 to 9 killed
        .properties(title="Casualty figures by category and source")
    )


def discrepancy_chart(rows: pd.DataFrame) -> alt.Chart:
    """Figures that disagree across articles: one row per outlet and source, values as points or
    intervals, colour by side; click a point to select that ``figure``.

    Expects columns event, category, outlet, source, side, point, low_end, high_end, label,
    article_id, id, text.
    """
    data = rows.assign(who=rows["outlet"].astype(str) + " · " + rows["source"].fillna("(article)").astype(str),
                       side=rows["side"].fillna("unknown"))
    select = alt.selection_point(name="figure", fields=["article_id", "id"], on="click", clear="dblclick")
    base = alt.Chart().encode(  # the data goes on the layer only: altair hashes a subchart's data
        y=alt.Y("who:N", title=None),
        tooltip=[alt.Tooltip("label:N", title="figure"), alt.Tooltip("outlet:N"), alt.Tooltip("source:N"),
                 alt.Tooltip("side:N"), alt.Tooltip("text:N", title="as written")],
    )
    interval = base.mark_rule(strokeWidth=3).encode(x=alt.X("low_end:Q", title="value"), x2="high_end:Q",
                                                    color=alt.Color("side:N", title="side"))
    points = base.mark_point(size=120, filled=True).encode(
        x="point:Q", color=alt.Color("side:N", title="side"),
        opacity=alt.condition(select, alt.value(1.0), alt.value(0.4)),
    ).add_params(select)
    return (
        alt.layer(interval, points, data=data)
        .facet(row=alt.Row("key:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")))
        .resolve_scale(y="independent", x="independent")
        .properties(title="Where the sources disagree")
    )


def figure_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """The columns the figure charts draw (point, interval ends, label), for the page's tables."""
    return _figure_rows(figures)
