"""altair chart builders: a DataFrame in, an altair chart out. No streamlit, no side effects.

Every interactive chart carries a named point selection so the page can read which mark was
clicked (``st.altair_chart(..., on_select=...)``) and filter the other cells by it. The
selection names are the keys the page reads: ``entity``, ``speaker``, ``side``, ``figure``.

Charts ship only the columns they draw or show on hover (the page's tables keep the rest), and
every chart that colours by side takes the one :class:`~components.present.colors.SideColors`
of the analysis. Charts with several panels are ``vconcat`` of panels whose width follows the
page (a facet has a fixed width and is clipped on a phone).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from components.present.colors import ENTITY_TYPE_COLORS, ENTITY_TYPE_WORDS, SideColors, side_colors
from components.present.tables import UNKNOWN_SIDE, side_of_source

BAR_HEIGHT = 20
#: Pixel height of each toll-over-time chart (a continuous axis has no rows to step by).
TOLL_HEIGHT = 170
LABEL_LIMIT = 170
CATEGORY_ORDER = ("killed", "wounded", "casualties", "missing", "detained", "displaced")
OWN_WORDS = "own words"
#: A toll this many times the median of the others in its panel is drawn apart (a war's total beside a day's).
OUTLIER_FACTOR = 10.0
APART = "apart"
FIGURE_CHART_COLUMNS = ["article_id", "id", "panel", "who", "side", "outlet", "point", "low_end", "high_end", "label",
                        "bound", "part", "text", "category"]


#: Pixels a chart needs beside its plot: title, x axis with its labels and title, padding.
CHROME = 110
#: Room for a legend row above the chart (two rows on a phone).
LEGEND_ROW = 44


def _height(n_rows: int) -> int:
    """The plot's height for one band per row."""
    return BAR_HEIGHT * max(1, n_rows)


def _sized(chart: alt.TopLevelMixin, plot_height: int, *, legend: bool) -> alt.TopLevelMixin:
    """Record the element height the page must give the chart (``usermeta.height``).

    Streamlit fits a chart to its element, axes and title included ("fit"): a chart of 7 rows
    and a 140 px plot, left to size itself, was drawn in a 140 px element with a 17 px plot. Given
    the plot's height plus its axes and title, the plot keeps its rows' height.
    """
    element = plot_height + CHROME
    return chart.properties(height=plot_height, usermeta={"height": element + LEGEND_ROW if legend else element})


def element_height(chart: alt.TopLevelMixin) -> int:
    """The pixel height to give ``chart`` on the page (see ``_sized``); 300 when it records none."""
    meta = chart.usermeta if isinstance(chart.usermeta, dict) else {}
    return int(meta.get("height", 300))


def _colors(colors: SideColors | None, sides: Iterable[str]) -> SideColors:
    return colors if colors is not None else side_colors(list(sides))


def _text(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The text columns of a chart's data with missing values as "" (never "null" in a tooltip)."""
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))
    return out


def _y_axis() -> alt.Axis:
    """A band axis that shows every label (no label dropped for lack of room), cut at LABEL_LIMIT px."""
    return alt.Axis(labelOverlap=False, labelLimit=LABEL_LIMIT, title=None)


def _top_legend() -> alt.Legend:
    """A legend above the chart, in a row: beside it, it would take a phone's width from the bars."""
    return alt.Legend(orient="top", direction="horizontal", title=None, columns=0, labelLimit=160)


def _opacity(predicate: alt.Parameter | alt.expr.core.Expression, on: float, off: float) -> alt.OpacityValue:
    """Opacity ``on`` where ``predicate`` (a selection or a test) holds, else ``off``.

    Channels are given as channel objects throughout this module, never as a shorthand string or
    a dict: altair turns those into objects through a lookup over every schema class, some 5 ms a
    channel, most of the time a filtered page spends building its charts.
    """
    return alt.OpacityValue(**alt.condition(predicate, alt.value(on), alt.value(off)))


def _count_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, format="d", tickMinStep=1)


def entity_bar(totals: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of mentions per entity, coloured by type in words; click selects ``entity``.

    Expects columns name, label, count, articles, side (see ``tables.entity_totals``). The
    legend uses the words of the page's type filter ("people", not "PERSON").
    """
    data = _text(totals.assign(type=totals["label"].map(lambda k: ENTITY_TYPE_WORDS.get(k, k))),
                 ["side"])[["name", "type", "count", "articles", "side"]]
    select = alt.selection_point(name="entity", fields=["name"], on="click", clear="dblclick")
    chart = (
        alt.Chart(data, title="Most mentioned")
        .mark_bar()
        .encode(
            x=alt.X("count:Q", axis=_count_axis("mentions")),
            y=alt.Y("name:N", sort="-x", axis=_y_axis()),
            color=alt.Color("type:N", title="type", legend=_top_legend(),
                            scale=alt.Scale(domain=list(ENTITY_TYPE_COLORS), range=list(ENTITY_TYPE_COLORS.values()))),
            opacity=_opacity(select, 1.0, 0.35),
            tooltip=[
                alt.Tooltip("name:N"), alt.Tooltip("type:N"), alt.Tooltip("count:Q", title="mentions"),
                alt.Tooltip("articles:Q"), alt.Tooltip("side:N"),
            ],
        )
        .add_params(select)
        .properties(width="container")
    )
    return _sized(chart, _height(len(data)), legend=True)


def speaker_counts(quotes: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """Statements per speaker and side, most statements first (the top ``top`` speakers)."""
    if quotes.empty:
        return pd.DataFrame({"speaker": [], "side": [], "statements": []})
    data = quotes.assign(side=quotes["side"].fillna(UNKNOWN_SIDE))
    counts = data.groupby(["speaker", "side"], as_index=False).size().rename(columns={"size": "statements"})
    totals = counts.groupby("speaker")["statements"].sum().sort_values(ascending=False, kind="stable")
    keep = totals.index[: top if top is not None else len(totals)]
    return counts[counts["speaker"].isin(keep)].reset_index(drop=True)


def speaker_bar(quotes: pd.DataFrame, *, colors: SideColors | None = None, top: int | None = 20) -> alt.Chart:
    """Statements per speaker (the ``top`` most quoted), coloured by side; click selects ``speaker``.

    ``quotes`` is the quotes table (speaker, side). The axis counts whole statements.
    """
    data = speaker_counts(quotes, top=top)
    colors = _colors(colors, data["side"])
    select = alt.selection_point(name="speaker", fields=["speaker"], on="click", clear="dblclick")
    chart = (
        alt.Chart(data, title="Statements per speaker")
        .mark_bar()
        .encode(
            x=alt.X("sum(statements):Q", axis=_count_axis("statements")),
            y=alt.Y("speaker:N", sort="-x", axis=_y_axis()),
            color=alt.Color("side:N", title="side", scale=colors.scale(), legend=_top_legend()),
            opacity=_opacity(select, 1.0, 0.35),
            tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("side:N"), alt.Tooltip("statements:Q")],
        )
        .add_params(select)
        .properties(width="container")
    )
    return _sized(chart, _height(data["speaker"].nunique()), legend=True)


def _article_label(outlet: Any, title: Any) -> str:
    outlet = outlet if isinstance(outlet, str) else ""
    title = title if isinstance(title, str) else ""
    short = title if len(title) <= 48 else title[:47].rstrip() + "…"
    return f"{outlet} · {short}" if outlet else short or "(untitled)"


#: More articles than this and the sides chart counts per outlet (a bar per article would not be read).
MAX_ARTICLE_BARS = 30


def side_by_article(quotes: pd.DataFrame, *, colors: SideColors | None = None) -> alt.Chart:
    """Statements per side in each article (in each outlet, past :data:`MAX_ARTICLE_BARS` articles);
    click a bar segment to select that ``side``."""
    by_outlet = quotes["article_id"].nunique() > MAX_ARTICLE_BARS if "article_id" in quotes else False
    rows = [o if isinstance(o, str) and o else "(no outlet)" for o in quotes["outlet"]] if by_outlet else [
        _article_label(o, t) for o, t in zip(quotes["outlet"], quotes["title"], strict=True)]
    data = quotes.assign(side=quotes["side"].fillna(UNKNOWN_SIDE), article=rows)
    data = data.groupby(["article", "side"], as_index=False).size().rename(columns={"size": "statements"})
    colors = _colors(colors, data["side"])
    select = alt.selection_point(name="side", fields=["side"], on="click", clear="dblclick")
    chart = (
        alt.Chart(data, title="Statements per side, per outlet" if by_outlet else "Statements per side, per article")
        .mark_bar()
        .encode(
            y=alt.Y("article:N", axis=_y_axis()),
            x=alt.X("sum(statements):Q", axis=_count_axis("statements")),
            color=alt.Color("side:N", title="side", scale=colors.scale(), legend=_top_legend()),
            opacity=_opacity(select, 1.0, 0.35),
            tooltip=[alt.Tooltip("article:N", title="outlet" if by_outlet else "article"), alt.Tooltip("side:N"),
                     alt.Tooltip("statements:Q")],
        )
        .add_params(select)
        .properties(width="container")
    )
    return _sized(chart, _height(data["article"].nunique()), legend=True)


# ----------------------------------------------------------------------------- figures


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _as_written(row: Mapping[str, Any]) -> str | None:
    """A vague amount as the article words it ("Dozens of others"), or None when the figure is exact."""
    words = row.get("number_text")
    if not isinstance(words, str) or not words or any(ch.isdigit() for ch in words):
        return None
    if _present(row.get("value")) or _present(row.get("high")):
        return None
    text = row.get("text") if isinstance(row.get("text"), str) else ""
    group = row.get("group") if isinstance(row.get("group"), str) else ""
    at = text.find(words)
    if at >= 0 and group and (end := text.find(group, at + len(words))) >= 0 and end - at - len(words) <= 6:
        return text[at : end + len(group)]  # "Dozens of others"
    return f"{words} {group}".strip()


def figure_label(row: Mapping[str, Any]) -> str:
    """A figure as a reader should see it: "more than 20 soldiers", "10–15 people", "Dozens of others"."""
    written = _as_written(row)
    if written is not None:
        return written
    qualifier = f"{row['qualifier']} " if isinstance(row.get("qualifier"), str) and row["qualifier"] else ""
    low, high, value = row.get("low"), row.get("high"), row.get("value")
    if _present(low) and _present(high) and high != low:
        number = f"{_number(low)}–{_number(high)}"
    elif _present(value):
        number = _number(value)
    elif _present(low) or _present(high):
        number = _number(low if _present(low) else high)
    else:
        number = "?"
    group = f" {row['group']}" if isinstance(row.get("group"), str) and row["group"] else ""
    return f"{qualifier}{number}{group}"


def figure_bound(row: Mapping[str, Any]) -> str:
    """The number a vague amount's words allow ("at least 24" for "dozens"), for a tooltip; "" otherwise.

    Exact numbers, ranges and qualified numbers say it all in their label already.
    """
    low = row.get("low")
    if _as_written(row) is not None and _present(low):
        return f"at least {_number(low)}"
    return ""


def _add_source_and_ends(data: pd.DataFrame, ids: Sequence[str], sides: Mapping[tuple[str, str], str]) -> None:
    """Add who (the source, or the outlet's own words), side, point, low_end and high_end to the
    figure rows ``data`` (of articles ``ids``), in place."""
    data["who"] = [s if isinstance(s, str) and s else f"{o or 'article'} ({OWN_WORDS})"
                   for s, o in zip(data["source"], data["outlet"], strict=True)]
    data["side"] = [side_of_source(sides, a, s) for a, s in zip(ids, data["source"], strict=True)]
    data["point"] = data["value"].fillna(data["low"]).fillna(data["high"])
    data["low_end"] = data["low"].fillna(data["point"])
    data["high_end"] = data["high"].fillna(data["point"])


def _add_labels(data: pd.DataFrame) -> None:
    """Add label (the figure as written) and bound (the numbers its words allow), in place."""
    records = data.to_dict("records")
    data["label"] = [figure_label(r) for r in records]
    data["bound"] = [figure_bound(r) for r in records]


def figure_rows(
    figures: pd.DataFrame,
    *,
    events: Mapping[str, tuple[str, str]] | None = None,
    own: Iterable[tuple[str, str]] | None = None,
    sides: Mapping[tuple[str, str], str] | None = None,
) -> pd.DataFrame:
    """The casualty figures as the chart and the page's table show them, one row per figure.

    Args:
        figures: casualty rows of the figures table.
        events: article id -> (event id, label) (``tables.article_events``); one "all" event when None.
        own: (article id, figure id) of every figure the comparison counts as its event's own toll
            (``comparison["event_figures"]``); the others (parts, other times and places) are drawn
            apart. None: every total counts.
        sides: ``tables.source_sides``, to give each source its side.

    Columns added: event_id, event, who (the source, or the outlet's own words), side, point,
    low_end, high_end, label (as written), bound (the numbers the words allow), part, apart, panel.
    """
    data = figures.copy()
    events = events or {}
    sides = sides or {}
    ids = data["article_id"].astype(str).tolist()
    data["event_id"] = [events.get(a, ("all", ""))[0] for a in ids]
    data["event"] = [events.get(a, ("all", "all articles"))[1] for a in ids]
    _add_source_and_ends(data, ids, sides)
    data["part"] = data["subset_of"].notna().map({True: "part of another figure", False: "total"})
    _add_labels(data)
    own_set = set(own) if own is not None else None
    if own_set is None:
        apart = data["subset_of"].notna()
    else:
        apart = pd.Series([(a, str(i)) not in own_set for a, i in zip(ids, data["id"], strict=True)], index=data.index)
    data["apart"] = apart | _outliers(data, apart)
    data["category"] = data["category"].fillna("casualties")
    data["panel"] = [APART if a else c for a, c in zip(data["apart"], data["category"], strict=True)]
    return data


def _outliers(data: pd.DataFrame, apart: pd.Series) -> pd.Series:
    """Tolls far above the others of their event and category (a war's total beside a day's toll)."""
    out = pd.Series(False, index=data.index)
    kept = data[~apart & data["point"].notna()]
    for _, group in kept.groupby(["event_id", "category"]):
        if len(group) < 3:
            continue
        points = group["point"].astype(float)
        for index, value in points.items():
            median = points.drop(index).median()
            if median > 0 and value > OUTLIER_FACTOR * median:
                out[index] = True
    return out


def panel_order(panels: Iterable[str]) -> list[str]:
    """Categories in reading order (killed, wounded, ...), the "apart" panel last."""
    found = set(panels)
    order = [c for c in CATEGORY_ORDER if c in found] + sorted(found - set(CATEGORY_ORDER) - {APART})
    return order + ([APART] if APART in found else [])


def _who_order(rows: pd.DataFrame, colors: SideColors) -> list[str]:
    """Sources grouped by side (in the legend's order), by name within a side."""
    rank = {side: n for n, side in enumerate(colors.sides)}
    pairs = sorted({(rank.get(s, len(rank)), w) for s, w in zip(rows["side"], rows["who"], strict=True)})
    return list(dict.fromkeys(w for _, w in pairs))


PANEL_TITLES = {APART: "Parts, other times and places, and far larger figures (their own scale)"}
Panels = list[tuple[str, alt.LayerChart]]


def _figure_select(name: str) -> alt.SelectionParameter:
    return alt.selection_point(name=name, fields=["article_id", "id"], on="click", clear="dblclick")


def _stack(panels: Panels, *, title: str, width: int | None) -> alt.VConcatChart:
    """The panels one under the other in one chart (the offline report); ``width`` px each."""
    sized = []
    for _, chart in panels:
        panel = chart.properties(width=width) if width else chart.copy()
        panel.usermeta = alt.Undefined  # the page's element height means nothing inside one chart
        sized.append(panel)
    return alt.vconcat(*sized, spacing=24).resolve_scale(color="shared").properties(
        title=alt.Title(title, anchor="start"))


def casualty_panels(rows: pd.DataFrame, *, colors: SideColors | None = None, selectable: bool = True) -> Panels:
    """Casualty figures, one chart per category, sources grouped by side: ranges as intervals,
    parts as diamonds; the figures the comparison does not count as the event's toll (parts,
    other times and places) and far larger ones in a last chart with their own scale.

    ``rows`` is what :func:`figure_rows` made of one event's figures. Each chart is one view
    whose width follows its container (a phone's too), with a selection ``figure`` (article, id)
    unless ``selectable`` is False. Returns (panel, chart) pairs in reading order.
    """
    colors = _colors(colors, rows["side"])
    data = _text(rows, ["who", "outlet", "label", "bound", "text", "side"])[FIGURE_CHART_COLUMNS]
    order = _who_order(data, colors)
    panels: Panels = []
    for panel in panel_order(data["panel"]):
        part = data[data["panel"] == panel]
        select = _figure_select("figure")
        base = alt.Chart().encode(  # data on the layer: altair compares layers' data by printing each frame
            y=alt.Y("who:N", sort=[w for w in order if w in set(part["who"])], axis=_y_axis()),
            color=alt.Color("side:N", title="side", scale=colors.scale(), legend=None),
            tooltip=[alt.Tooltip("label:N", title="figure"), alt.Tooltip("bound:N", title="that is"),
                     alt.Tooltip("category:N"), alt.Tooltip("who:N", title="source"), alt.Tooltip("side:N"),
                     alt.Tooltip("outlet:N"), alt.Tooltip("part:N"), alt.Tooltip("text:N", title="as written")],
        )
        interval = base.mark_rule(strokeWidth=3).encode(x=alt.X("low_end:Q", title="people"), x2=alt.X2("high_end:Q"))
        points = base.mark_point(size=110, filled=True).encode(
            x=alt.X("point:Q"),
            shape=alt.Shape("part:N", title=None, scale=alt.Scale(domain=["total", "part of another figure"],
                                                                  range=["circle", "diamond"]), legend=None),
            opacity=_opacity(select, 1.0, 0.45) if selectable else alt.OpacityValue(1.0),
        )
        points = points.add_params(select) if selectable else points
        chart = alt.layer(interval, points, data=part).properties(
            title=alt.Title(PANEL_TITLES.get(panel, panel), anchor="start"), width="container")
        panels.append((panel, _sized(chart, _height(part["who"].nunique()), legend=False)))
    return panels


def casualty_chart(rows: pd.DataFrame, *, colors: SideColors | None = None, width: int = 640) -> alt.VConcatChart:
    """:func:`casualty_panels` stacked in one chart, each ``width`` px wide (for the offline report)."""
    return _stack(casualty_panels(rows, colors=colors, selectable=False),
                  title="Casualty figures by category and source", width=width)


TOLL_COLUMNS = ["event", "category", "published", "who", "side", "outlet", "point", "low_end", "high_end", "label",
                "bound", "state", "text"]


def toll_rows(event_figures: Sequence[Mapping[str, Any]], *, superseded: Mapping[tuple[str, str], Any] | None = None,
              sides: Mapping[tuple[str, str], str] | None = None) -> pd.DataFrame:
    """The event's own tolls (``comparison["event_figures"]``) with a date, a side and a state.

    ``state`` is "superseded" when the figure dict (or ``superseded``, by (article id, figure id))
    marks it so, else "current"; without any mark every figure is "current".
    """
    if not event_figures:
        return pd.DataFrame(columns=TOLL_COLUMNS)
    data = pd.DataFrame([dict(r) for r in event_figures])
    for column in ("value", "low", "high"):
        data[column] = pd.to_numeric(data[column], errors="coerce") if column in data else float("nan")
    superseded = superseded or {}
    sides = sides or {}
    ids = data["article_id"].astype(str).tolist()
    marks = data["superseded"] if "superseded" in data.columns else pd.Series([None] * len(data))
    data["state"] = ["superseded" if (m is True or superseded.get((a, str(i))) is True) else "current"
                     for m, a, i in zip(marks, ids, data["id"], strict=True)]
    _add_source_and_ends(data, ids, sides)
    _add_labels(data)
    data["published"] = pd.to_datetime(data["published"], errors="coerce").dt.strftime("%Y-%m-%d")
    return data[TOLL_COLUMNS]


def _day_domain(days: pd.Series) -> list[str]:
    """The dates' range with half a day on each side, so no point sits on the frame."""
    stamps = pd.to_datetime(days.dropna())
    return [(stamps.min() - pd.Timedelta(hours=12)).isoformat(), (stamps.max() + pd.Timedelta(hours=12)).isoformat()]


def toll_panels(rows: pd.DataFrame, *, colors: SideColors | None = None) -> Panels:
    """Each source's toll by publication date, one chart per category: a line per source shows a
    toll revised and who revised it; superseded figures are hollow and faded.

    ``rows`` is :func:`toll_rows` of one event. Works on publication dates alone: two articles
    of one day share a date (the x axis has one tick per day).
    """
    colors = _colors(colors, rows["side"])
    data = _text(rows, ["who", "outlet", "label", "bound", "text", "side"]).dropna(subset=["published", "point"])
    domain = _day_domain(data["published"]) if not data.empty else None
    days = max(1, data["published"].nunique())
    superseded = alt.datum.state == "superseded"
    panels: Panels = []
    for category in panel_order(data["category"]):
        part = data[data["category"] == category]
        base = alt.Chart().encode(  # data on the layer: altair compares layers' data by printing each frame
            x=alt.X("published:T", title="published", scale=alt.Scale(domain=domain),
                    axis=alt.Axis(format="%d %b", tickCount={"interval": "day", "step": max(1, days // 8)})),
            color=alt.Color("side:N", title="side", scale=colors.scale(), legend=None),
            detail=alt.Detail("who:N"),
            tooltip=[alt.Tooltip("who:N", title="source"), alt.Tooltip("side:N"),
                     alt.Tooltip("label:N", title="figure"), alt.Tooltip("bound:N", title="that is"),
                     alt.Tooltip("outlet:N"), alt.Tooltip("published:T", format="%d %b %Y"),
                     alt.Tooltip("state:N"), alt.Tooltip("text:N", title="as written")],
        )
        line = base.transform_filter(alt.datum.state == "current").mark_line(strokeWidth=1.5, opacity=0.6).encode(
            y=alt.Y("point:Q", title=category))
        interval = base.mark_rule(strokeWidth=3).encode(y=alt.Y("low_end:Q"), y2=alt.Y2("high_end:Q"))
        points = base.mark_point(size=90).encode(
            y=alt.Y("point:Q"),
            fill=alt.Fill("side:N", scale=colors.scale(), legend=None,
                          condition={"test": superseded, "value": "white"}),
            opacity=_opacity(superseded, 0.5, 1.0),
        )
        chart = alt.layer(line, interval, points, data=part).properties(
            title=alt.Title(category, anchor="start"), width="container")
        panels.append((category, _sized(chart, TOLL_HEIGHT, legend=False)))
    return panels


DISCREPANCY_COLUMNS = ["key", "who", "side", "outlet", "source", "point", "low_end", "high_end", "label", "article_id",
                       "id", "text"]


def discrepancy_panels(rows: pd.DataFrame, *, colors: SideColors | None = None, selectable: bool = True) -> Panels:
    """Figures that disagree across articles: one chart per event and category, one row per
    source and outlet, values as points or intervals, colour by side; a click selects ``figure``.

    Expects columns key, outlet, source, side, point, low_end, high_end, label, article_id, id, text.
    """
    data = rows.assign(
        who=[f"{s} · {o}" if isinstance(s, str) and s else f"{o} ({OWN_WORDS})"
             for s, o in zip(rows["source"], rows["outlet"], strict=True)],
        side=rows["side"].fillna(UNKNOWN_SIDE))
    colors = _colors(colors, data["side"])
    data = _text(data, ["who", "outlet", "source", "label", "text", "side"])[DISCREPANCY_COLUMNS]
    order = _who_order(data, colors)
    panels: Panels = []
    for key in dict.fromkeys(data["key"]):
        part = data[data["key"] == key]
        select = _figure_select("figure")
        base = alt.Chart().encode(  # data on the layer: altair compares layers' data by printing each frame
            y=alt.Y("who:N", sort=[w for w in order if w in set(part["who"])], axis=_y_axis()),
            color=alt.Color("side:N", title="side", scale=colors.scale(), legend=None),
            tooltip=[alt.Tooltip("label:N", title="figure"), alt.Tooltip("outlet:N"), alt.Tooltip("source:N"),
                     alt.Tooltip("side:N"), alt.Tooltip("text:N", title="as written")],
        )
        interval = base.mark_rule(strokeWidth=3).encode(x=alt.X("low_end:Q", title=None), x2=alt.X2("high_end:Q"))
        points = base.mark_point(size=110, filled=True).encode(
            x=alt.X("point:Q"),
            opacity=_opacity(select, 1.0, 0.45) if selectable else alt.OpacityValue(1.0),
        )
        points = points.add_params(select) if selectable else points
        chart = alt.layer(interval, points, data=part).properties(
            title=alt.Title(key, anchor="start", fontSize=12), width="container")
        panels.append((key, _sized(chart, _height(part["who"].nunique()), legend=False)))
    return panels


