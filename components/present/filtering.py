"""The page's one linked selection, as pure pandas: a filter in, filtered tables out.

A filter is a kind and a value: ``entity`` (a canonical name), ``speaker``, ``side`` or
``article`` (an article id). It round-trips through the URL as ``kind:value``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

KINDS: tuple[str, ...] = ("entity", "speaker", "side", "article")


@dataclass(frozen=True, slots=True)
class PageFilter:
    kind: str
    value: str

    def to_param(self) -> str:
        return f"{self.kind}:{self.value}"

    @classmethod
    def from_param(cls, text: str | None) -> PageFilter | None:
        """Parse ``kind:value``; anything malformed is no filter (a URL is untrusted input)."""
        if not text or ":" not in text:
            return None
        kind, value = text.split(":", 1)
        value = value.strip()[:200]
        return cls(kind, value) if kind in KINDS and value else None

    @property
    def label(self) -> str:
        return f"{self.kind} = {self.value}"


def _contains(series: pd.Series, value: str) -> pd.Series:
    return series.fillna("").astype(str).str.contains(value, case=False, regex=False)


def filter_quotes(quotes: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    if page_filter is None or quotes.empty:
        return quotes
    kind, value = page_filter.kind, page_filter.value
    if kind == "speaker":
        return quotes[quotes["speaker"] == value]
    if kind == "side":
        return quotes[quotes["side"].fillna("unknown") == value]
    if kind == "article":
        return quotes[quotes["article_id"] == value]
    return quotes[(quotes["speaker"] == value) | _contains(quotes["text"], value.split()[-1])]


def filter_figures(figures: pd.DataFrame, page_filter: PageFilter | None, *, texts: dict[str, str]) -> pd.DataFrame:
    """Figures whose article, source or sentence matches the filter."""
    if page_filter is None or figures.empty:
        return figures
    kind, value = page_filter.kind, page_filter.value
    if kind == "article":
        return figures[figures["article_id"] == value]
    sentences = figures.apply(
        lambda r: texts.get(r["article_id"], "")[int(r["sentence_start"]) : int(r["sentence_end"])], axis=1
    )
    needle = value.split()[-1] if kind in ("entity", "speaker") else value
    return figures[(figures["source"] == value) | _contains(sentences, needle)]


def filter_entities(entities: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    if page_filter is None or entities.empty:
        return entities
    kind, value = page_filter.kind, page_filter.value
    if kind == "article":
        return entities[entities["article_id"] == value]
    if kind == "side":
        return entities[entities["side"].fillna("unknown") == value]
    if kind in ("entity", "speaker"):
        articles = entities.loc[entities["name"] == value, "article_id"].unique()
        return entities[entities["article_id"].isin(articles)]
    return entities
