"""Everything the page and the report derive from one analysis, built once: the tables, the side
of each figure source, the events, the figures each event counts as its own, one colour per side.

No streamlit here: the page keeps one :class:`AnalysisViews` per analysis (a filter or a
widget change never rebuilds it) and the offline report builds its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from components.analysis import Analysis
from components.present import tables
from components.present.colors import SideColors, side_colors


@dataclass(frozen=True)
class AnalysisViews:
    """The tables of an analysis (names in one spelling) and what the charts need beside them."""

    articles: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame  # with ``side`` (of each figure's source, "unknown" if none) and its ``sentence``
    texts: dict[str, str]
    sides: dict[tuple[str, str], str]  # (article id | "*", name) -> side: tables.source_sides
    events: dict[str, tuple[str, str]]  # article id -> (event id, label)
    own_figures: frozenset[tuple[str, str]]  # (article id, figure id) of each event's own tolls
    event_figures: tuple[dict[str, Any], ...]  # comparison["event_figures"], names in one spelling
    colors: SideColors


def _canonical_rows(rows: Any, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{**row, **{k: tables.canonical_name(row.get(k)) for k in keys if k in row}} for row in rows or []]


def build_views(analysis: Analysis) -> AnalysisViews:
    """Every table and lookup of ``analysis`` the page or the report draws from."""
    items = list(analysis.articles)
    entities = tables.entities_frame(items)
    quotes = tables.quotes_frame(items)
    figures = tables.figures_frame(items)
    mentions = tables.mentions_frame(items)
    tables.unify_spellings([(quotes, "speaker"), (figures, "source"), (entities, "name"), (mentions, "name")])
    sides = tables.source_sides(quotes, entities)
    figures["side"] = [tables.side_of_source(sides, a, s) for a, s in zip(figures["article_id"], figures["source"],
                                                                          strict=True)]
    texts = {a.article.id: a.article.text for a in items}
    figures["sentence"] = [texts[a][int(s):int(e)] for a, s, e in zip(figures["article_id"], figures["sentence_start"],
                                                                       figures["sentence_end"], strict=True)]
    comparison: Mapping[str, Any] = analysis.comparison
    event_figures = tuple(_canonical_rows(comparison.get("event_figures"), ("source",)))
    statement_sides = Counter(quotes["side"].dropna())
    also = sorted(set(entities["side"].dropna()) | set(figures["side"]))
    return AnalysisViews(
        articles=tables.articles_frame(items), entities=entities, mentions=mentions,
        quotes=quotes, figures=figures, texts=texts, sides=sides,
        events=tables.article_events(comparison),
        own_figures=frozenset((str(r.get("article_id")), str(r.get("id"))) for r in event_figures),
        event_figures=event_figures, colors=side_colors(statement_sides, also=also),
    )
