"""pandas tables of an analysis: one builder per table, records in, DataFrame out.

The page, the CSV/Parquet exports and the charts all read these frames, so a column has one
name everywhere. No streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from components.analysis import ArticleAnalysis

ARTICLE_COLUMNS = ["article_id", "title", "outlet", "published", "n_words", "source", "url"]
ENTITY_COLUMNS = ["article_id", "outlet", "name", "label", "count", "aliases", "side"]
MENTION_COLUMNS = ["article_id", "outlet", "name", "label", "text", "start", "end", "context"]
QUOTE_COLUMNS = [
    "article_id", "outlet", "title", "speaker", "speaker_text", "speaker_type", "side", "kind", "cue", "text",
    "start", "end", "sentence_start", "sentence_end",
]
FIGURE_COLUMNS = [
    "article_id", "outlet", "title", "id", "type", "category", "value", "low", "high", "qualifier", "unit",
    "si_value", "si_unit", "group", "subset_of", "source", "location", "iso", "text", "start", "end",
    "sentence_start", "sentence_end",
]
CONTEXT_CHARS = 70


def _frame(rows: Iterable[dict[str, object]], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in columns:
        if column not in frame.columns:
            frame[column] = pd.Series(dtype="object")
    return frame[list(columns)]


def articles_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    return _frame(
        (
            {"article_id": r.article.id, "title": r.article.title, "outlet": r.article.outlet,
             "published": r.article.published, "n_words": r.article.n_words, "source": r.article.source,
             "url": r.article.url}
            for r in results
        ),
        ARTICLE_COLUMNS,
    )


def entities_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """One row per entity per article."""
    return _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "name": e.name, "label": e.label,
             "count": e.count, "aliases": ", ".join(e.aliases), "side": e.side}
            for r in results
            for e in r.entities
        ),
        ENTITY_COLUMNS,
    )


def entity_totals(entities: pd.DataFrame, *, labels: Sequence[str] | None = None, top: int = 25) -> pd.DataFrame:
    """Mentions per entity across the given rows, most frequent first."""
    if labels:
        entities = entities[entities["label"].isin(list(labels))]
    if entities.empty:
        return pd.DataFrame({"name": [], "label": [], "count": [], "articles": [], "side": []})
    grouped = entities.groupby(["name", "label"], as_index=False).agg(
        count=("count", "sum"), articles=("article_id", "nunique"), side=("side", "first")
    )
    return grouped.sort_values(["count", "name"], ascending=[False, True]).head(top).reset_index(drop=True)


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def mentions_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """Every entity mention with a snippet of context around it."""
    return _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "name": e.name, "label": e.label,
             "text": t, "start": s, "end": end, "context": _context(r.article.text, s, end)}
            for r in results
            for e in r.entities
            for s, end, t in e.mentions
        ),
        MENTION_COLUMNS,
    )


def quotes_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    return _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "title": r.article.title, **q.to_dict()}
            for r in results
            for q in r.quotes
        ),
        QUOTE_COLUMNS,
    )


def figures_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    return _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "title": r.article.title, **f.to_dict()}
            for r in results
            for f in r.figures
        ),
        FIGURE_COLUMNS,
    )


TABLES = {
    "articles": articles_frame,
    "entities": entities_frame,
    "mentions": mentions_frame,
    "quotes": quotes_frame,
    "figures": figures_frame,
}
