"""A standalone HTML report of an analysis: article list, charts and tables, working offline.

The Vega libraries are inlined once (from ``vl-convert-python``), each chart is embedded as its
Vega-Lite spec, every table is rendered by pandas with escaping on, so a report opens in a
browser with no network and no markup from the articles can run.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

import altair as alt
import pandas as pd

from components.analysis import Analysis
from components.present import charts, tables
from components.present.colors import legend_html
from components.present.views import AnalysisViews, build_views

TABLE_LIMIT = 2000


@lru_cache(maxsize=1)
def _vega_bundle() -> str:
    import vl_convert

    return vl_convert.javascript_bundle()


def _script_json(data: object) -> str:
    """JSON to write inside a ``<script>``: ``<``, ``>`` and ``&`` become ``\\u`` escapes.

    Article text in a chart's data can then neither close the script (``</script>``) nor open the
    ``<!--<script>`` state in which the HTML parser stops seeing the real closing tag (the rest of
    the page would be swallowed into the script). JavaScript reads the same strings.
    """
    return json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "<p><em>None.</em></p>"
    return frame.head(TABLE_LIMIT).to_html(index=False, escape=True, border=0, classes="nl-table", na_rep="")


def _chart_specs(views: AnalysisViews) -> list[tuple[str, alt.TopLevelMixin, str]]:
    """(heading, chart, HTML shown above it) for every chart of the report."""
    found: list[tuple[str, alt.TopLevelMixin, str]] = []
    totals = tables.entity_totals(views.entities, labels=["PERSON", "ORG", "GPE"], top=20)
    if not totals.empty:
        found.append(("Entities", charts.entity_bar(totals), ""))
    if not views.quotes.empty:
        found.append(("Speakers", charts.speaker_bar(views.quotes, colors=views.colors), ""))
        found.append(("Sides", charts.side_by_article(views.quotes, colors=views.colors), ""))
    casualties = views.figures[views.figures["type"] == "casualty"]
    if not casualties.empty:
        rows = charts.figure_rows(casualties, events=views.events, own=views.own_figures, sides=views.sides)
        for event_id, event_rows in rows.groupby("event_id", sort=False):
            label = event_rows["event"].iloc[0]
            found.append((f"Casualty figures: {label}" if event_id != "all" else "Casualty figures",
                          charts.casualty_chart(event_rows, colors=views.colors),
                          legend_html(views.colors, sides=event_rows["side"])))
    return found


def _casualty_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Casualty figures as the page's table shows them: the number as written, its bound, the source's side."""
    if figures.empty:
        return figures
    shown = figures.assign(figure=[charts.figure_label(r) for r in figures.to_dict("records")],
                           bound=[charts.figure_bound(r) for r in figures.to_dict("records")])
    return shown[["outlet", "category", "figure", "bound", "source", "side", "text"]].rename(
        columns={"bound": "that is"})


def build_report(analysis: Analysis, *, title: str = "News analysis") -> str:
    """The whole report as one HTML string (several MB: the chart libraries are inside).

    ``title`` is the workspace's name; it heads the page and names the browser tab.
    """
    items = list(analysis.articles)
    views = build_views(analysis)
    figures = tables.for_display(views.figures)
    quotes = tables.for_display(views.quotes)
    sections: list[str] = []
    scripts: list[str] = []
    for n, (name, chart, above) in enumerate(_chart_specs(views)):
        spec = _script_json(chart.to_dict())
        sections.append(f'<h2>{html.escape(name)}</h2>{above}<div id="chart{n}" class="nl-chart"></div>')
        scripts.append(f"vegaEmbed('#chart{n}', {spec}, {{actions: false}});")
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{len(items)} articles · model {html.escape(analysis.model)}</p>",
        "<h2>Articles</h2>", _table(tables.for_display(views.articles[["title", "outlet", "published", "n_words",
                                                                       "url"]]).rename(columns={"n_words": "words"})),
        *sections,
        "<h2>Quotes</h2>", _table(quotes[["outlet", "speaker", "side", "kind", "cue", "text"]]),
        "<h2>Casualty figures</h2>",
        _table(_casualty_table(figures[figures["type"] == "casualty"])),
        "<h2>Other figures</h2>",
        _table(figures[figures["type"] != "casualty"][["outlet", "type", "value", "unit", "iso", "text"]]),
    ]
    # vega-embed makes its element an inline block, whose width is its content's: a chart sized
    # to its container would get none. The chart's box is a full-width block instead.
    style = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}"
             ".nl-table{border-collapse:collapse;font-size:.9em}.nl-table td,.nl-table th{border:1px solid #ddd;"
             "padding:3px 6px;vertical-align:top}.nl-chart{margin:1em 0;width:100%}"
             ".nl-chart .vega-embed{display:block;width:100%}")
    # chart specs carry article text in their data: _script_json left no "<" in them to end the script
    safe_scripts = "\n".join(scripts)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{style}</style>"
        f"<script>{_vega_bundle()}</script></head><body>{''.join(body)}"
        f"<script>{safe_scripts}</script></body></html>"
    )
