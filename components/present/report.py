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


def _chart_specs(analysis: Analysis) -> list[tuple[str, alt.TopLevelMixin]]:
    items = list(analysis.articles)
    found: list[tuple[str, alt.TopLevelMixin]] = []
    totals = tables.entity_totals(tables.entities_frame(items), labels=["PERSON", "ORG", "GPE"], top=20)
    if not totals.empty:
        found.append(("Entities", charts.entity_bar(totals)))
    quotes = tables.quotes_frame(items)
    if not quotes.empty:
        found.append(("Speakers", charts.speaker_bar(quotes)))
        found.append(("Sides", charts.side_by_article(quotes)))
    figures = tables.figures_frame(items)
    casualties = figures[figures["type"] == "casualty"]
    if not casualties.empty:
        found.append(("Casualty figures", charts.casualty_chart(casualties)))
    return found


def build_report(analysis: Analysis, *, title: str = "News analysis") -> str:
    """The whole report as one HTML string (several MB: the chart libraries are inside)."""
    items = list(analysis.articles)
    figures = tables.figures_frame(items)
    quotes = tables.quotes_frame(items)
    sections: list[str] = []
    scripts: list[str] = []
    for n, (name, chart) in enumerate(_chart_specs(analysis)):
        spec = _script_json(chart.to_dict())
        sections.append(f'<h2>{html.escape(name)}</h2><div id="chart{n}" class="nl-chart"></div>')
        scripts.append(f"vegaEmbed('#chart{n}', {spec}, {{actions: false}});")
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{len(items)} articles · model {html.escape(analysis.model)}</p>",
        "<h2>Articles</h2>", _table(tables.articles_frame(items)),
        *sections,
        "<h2>Quotes</h2>", _table(quotes[["outlet", "speaker", "side", "kind", "cue", "text"]]),
        "<h2>Casualty figures</h2>",
        _table(figures[figures["type"] == "casualty"][
            ["outlet", "category", "value", "low", "high", "qualifier", "group", "source", "text"]]),
        "<h2>Other figures</h2>",
        _table(figures[figures["type"] != "casualty"][["outlet", "type", "value", "unit", "iso", "text"]]),
    ]
    style = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}"
             ".nl-table{border-collapse:collapse;font-size:.9em}.nl-table td,.nl-table th{border:1px solid #ddd;"
             "padding:3px 6px;vertical-align:top}.nl-chart{margin:1em 0}")
    # chart specs carry article text in their data: _script_json left no "<" in them to end the script
    safe_scripts = "\n".join(scripts)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{style}</style>"
        f"<script>{_vega_bundle()}</script></head><body>{''.join(body)}"
        f"<script>{safe_scripts}</script></body></html>"
    )
