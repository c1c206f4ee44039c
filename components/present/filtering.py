"""The page's one linked selection, as pure pandas: a filter in, filtered tables out.

A filter is a kind and a value: ``entity`` (a canonical name), ``speaker``, ``side`` or
``article`` (an article id). It round-trips through the URL as ``kind:value``. Every table the
page shows has its function here, so each cell honours the filter the same way:

- ``article``: that article's rows;
- ``side``: statements of that side, figures whose source is of that side, entities of that side;
- ``speaker``: that speaker's statements, figures that speaker claims or whose sentence names
  them, entities of the articles that quote them;
- ``entity``: statements by or naming it, figures claimed by or naming it, entities of the
  articles that name it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

KINDS: tuple[str, ...] = ("entity", "speaker", "side", "article")
UNKNOWN_SIDE = "unknown"


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
        return self.describe()

    def describe(self, title_of: Callable[[str], str] | None = None) -> str:
        """``"entity Valdoran"``; an article by its title (``title_of``), never by its id alone."""
        if self.kind == "article":
            return f"article “{title_of(self.value) if title_of else self.value}”"
        return f"{self.kind} {self.value}"


def _contains(series: pd.Series, value: str) -> pd.Series:
    return series.fillna("").astype(str).str.contains(value, case=False, regex=False)


def _needle(value: str) -> str:
    """The word a name is found by in running text: its last word ("Varga" for "Ilse Varga")."""
    words = value.split()
    return words[-1] if words else value


def filter_quotes(quotes: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    if page_filter is None or quotes.empty:
        return quotes
    kind, value = page_filter.kind, page_filter.value
    if kind == "speaker":
        return quotes[quotes["speaker"] == value]
    if kind == "side":
        return quotes[quotes["side"].fillna(UNKNOWN_SIDE) == value]
    if kind == "article":
        return quotes[quotes["article_id"] == value]
    return quotes[(quotes["speaker"] == value) | _contains(quotes["text"], _needle(value))]


def filter_figures(figures: pd.DataFrame, page_filter: PageFilter | None, *, texts: Mapping[str, str]) -> pd.DataFrame:
    """Figures whose article, source (or its side) or sentence matches the filter.

    A side filter needs a ``side`` column (the side of each figure's source, see
    ``tables.source_sides``); figures without it keep no row under a side filter. A ``sentence``
    column, when there, is read instead of cutting each sentence out of ``texts``.
    """
    if page_filter is None or figures.empty:
        return figures
    kind, value = page_filter.kind, page_filter.value
    if kind == "article":
        return figures[figures["article_id"] == value]
    if kind == "side":
        if "side" not in figures.columns:
            return figures.iloc[0:0]
        return figures[figures["side"].fillna(UNKNOWN_SIDE) == value]
    sentences = figures["sentence"] if "sentence" in figures.columns else pd.Series(
        [texts.get(a, "")[int(s) : int(e)] for a, s, e in zip(figures["article_id"], figures["sentence_start"],
                                                                figures["sentence_end"], strict=True)],
        index=figures.index, dtype=object,
    )
    return figures[(figures["source"] == value) | _contains(sentences, _needle(value))]


def filter_entities(entities: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    if page_filter is None or entities.empty:
        return entities
    kind, value = page_filter.kind, page_filter.value
    if kind == "article":
        return entities[entities["article_id"] == value]
    if kind == "side":
        return entities[entities["side"].fillna(UNKNOWN_SIDE) == value]
    if kind in ("entity", "speaker"):
        articles = entities.loc[entities["name"] == value, "article_id"].unique()
        return entities[entities["article_id"].isin(articles)]
    return entities


def matching_articles(page_filter: PageFilter | None, *, articles: pd.DataFrame, entities: pd.DataFrame,
                      quotes: pd.DataFrame, figures: pd.DataFrame, texts: Mapping[str, str]) -> list[str]:
    """Ids of the articles that hold anything the filter keeps, in the articles table's order."""
    ids = articles["article_id"].tolist()
    if page_filter is None:
        return ids
    if page_filter.kind == "article":
        return [a for a in ids if a == page_filter.value]
    found = set(filter_quotes(quotes, page_filter)["article_id"])
    found |= set(filter_figures(figures, page_filter, texts=texts)["article_id"])
    if page_filter.kind in ("entity", "side"):
        named = entities if page_filter.kind == "side" else entities[entities["name"] == page_filter.value]
        found |= set(filter_entities(named, page_filter)["article_id"])
    return [a for a in ids if a in found]


def filter_statements(statements: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    """The comparison's statements (article_id, side, speaker, text) that the filter keeps."""
    return filter_quotes(statements, page_filter)


def filter_pairs(pairs: pd.DataFrame, page_filter: PageFilter | None) -> pd.DataFrame:
    """Statement pairs of which at least one statement passes the filter."""
    if page_filter is None or pairs.empty:
        return pairs
    keep = pd.Series(False, index=pairs.index)
    for prefix in ("a", "b"):
        side = pairs[[f"{prefix}_article_id", f"{prefix}_side", f"{prefix}_speaker", f"{prefix}_text"]]
        side = side.set_axis(["article_id", "side", "speaker", "text"], axis=1)
        keep |= pairs.index.isin(filter_quotes(side, page_filter).index)
    return pairs[keep]
