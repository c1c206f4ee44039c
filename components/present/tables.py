"""pandas tables of an analysis: one builder per table, records in, DataFrame out.

The page, the CSV/Parquet exports and the charts all read these frames, so a column has one
name everywhere. No streamlit here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from components.analysis import ArticleAnalysis
from components.language.lexicon.sides import DEMONYM_ENDINGS, DEMONYMS

ARTICLE_COLUMNS = ["article_id", "title", "outlet", "published", "n_words", "source", "url"]
ENTITY_COLUMNS = ["article_id", "outlet", "name", "label", "count", "aliases", "side"]
MENTION_COLUMNS = ["article_id", "outlet", "name", "label", "text", "start", "end", "context"]
QUOTE_COLUMNS = [
    "article_id", "outlet", "title", "quote_id", "speaker", "speaker_text", "speaker_type", "side", "kind", "cue",
    "text", "start", "end", "sentence_start", "sentence_end",
]
FIGURE_COLUMNS = [
    "article_id", "outlet", "title", "published", "id", "type", "category", "value", "low", "high", "qualifier",
    "number_text", "unit", "si_value", "si_unit", "group", "subset_of", "source", "location", "iso", "superseded",
    "text", "start", "end", "sentence_start", "sentence_end",
]
CONTEXT_CHARS = 70
UNKNOWN_SIDE = "unknown"

#: Apostrophes and quotation marks that spell the same name: "Kestria’s" and "Kestria's" are one key.
_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")


def canonical_name(name: Any) -> Any:
    """One spelling per name: curly apostrophes and quotes made straight, runs of spaces one space.

    Anything that is not a string (None, NaN) is returned as it is. It cannot merge two names
    that differ in their words ("the ministry" and "the health ministry").
    """
    if not isinstance(name, str):
        return name
    return _SPACES.sub(" ", name.translate(_MARKS)).strip()


def _canonical(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    for column in columns:
        if column in frame.columns and len(frame):
            frame[column] = frame[column].map(canonical_name)
    return frame


def is_nationality_word(name: str, *, side: str | None) -> bool:
    """True for a one-word name that is a nationality word ("Valdoran" of the side "Valdora").

    A listed demonym ("Russian") always is; an unlisted word counts when it ends like one
    ("-an", "-ian", "-ese", ...) and shares its first four letters with the side the analysis gave
    it (the side of "Kestrian" is "Kestria"). It cannot tell a surname that happens to look like a
    demonym of its own side ("Kestrian" as a family name in Kestria).
    """
    word = name.strip().casefold()
    if not word or " " in word:
        return False
    if word in DEMONYMS or word.rstrip("s") in DEMONYMS:
        return True
    if not side or word == side.casefold():
        return False
    stem = word.rstrip("s")
    return stem.endswith(DEMONYM_ENDINGS) and stem[:4] == side.casefold()[:4]


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


def _label(name: str, label: str, side: str | None) -> str:
    """The entity's label, corrected where its side shows the model wrong.

    A nationality word the model called a person, organisation or place is NORP ("Valdoran");
    a "person" whose name is its own side is a country ("Valdora").
    """
    if label in ("PERSON", "ORG", "GPE") and is_nationality_word(name, side=side):
        return "NORP"
    if label == "PERSON" and side and canonical_name(name).casefold() == canonical_name(side).casefold():
        return "GPE"
    return label


def entities_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """One row per entity per article (names in one spelling, nationality words labelled NORP)."""
    frame = _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "name": e.name,
             "label": _label(e.name, e.label, e.side), "count": e.count, "aliases": ", ".join(e.aliases),
             "side": e.side}
            for r in results
            for e in r.entities
        ),
        ENTITY_COLUMNS,
    )
    frame = _canonical(frame, ["name", "aliases", "side"])
    if frame.duplicated(["article_id", "name", "label"]).any():  # two spellings of one name became one
        frame = frame.groupby(["article_id", "name", "label"], as_index=False, sort=False).agg(
            outlet=("outlet", "first"), count=("count", "sum"), aliases=("aliases", "first"), side=("side", "first"))
    return frame[ENTITY_COLUMNS]


def entity_totals(entities: pd.DataFrame, *, labels: Sequence[str] | None = None, top: int = 25) -> pd.DataFrame:
    """Mentions per entity across the given rows, most frequent first."""
    if labels:
        entities = entities[entities["label"].isin(list(labels))]
    if entities.empty:
        return pd.DataFrame({"name": [], "label": [], "count": [], "articles": [], "side": []})
    grouped = entities.groupby(["name", "label"], as_index=False, dropna=False).agg(
        count=("count", "sum"), articles=("article_id", "nunique"), side=("side", "first")
    )
    return grouped.sort_values(["count", "name"], ascending=[False, True]).head(top).reset_index(drop=True)


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def mentions_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """Every entity mention with a snippet of context around it."""
    frame = _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "name": e.name,
             "label": _label(e.name, e.label, e.side), "text": t, "start": s, "end": end,
             "context": _context(r.article.text, s, end)}
            for r in results
            for e in r.entities
            for s, end, t in e.mentions
        ),
        MENTION_COLUMNS,
    )
    return _canonical(frame, ["name"])


def quotes_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """One row per statement; ``quote_id`` is ``<article id>:q<n>``, the id the comparison gives it too."""
    frame = _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "title": r.article.title,
             "quote_id": f"{r.article.id}:q{n}", **q.to_dict()}
            for r in results
            for n, q in enumerate(r.quotes)
        ),
        QUOTE_COLUMNS,
    )
    return _canonical(frame, ["speaker", "side"])


def _number_text(text: str, figure: Mapping[str, Any]) -> str | None:
    start, end = figure.get("number_start"), figure.get("number_end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return None


def figures_frame(results: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """One row per figure; ``number_text`` is the number as written ("Dozens", "59 or 60").

    ``superseded`` is copied from the figure when the language layer marks it, else empty.
    """
    frame = _frame(
        (
            {"article_id": r.article.id, "outlet": r.article.outlet, "title": r.article.title,
             "published": r.article.published, **(d := f.to_dict()), "number_text": _number_text(r.article.text, d)}
            for r in results
            for f in r.figures
        ),
        FIGURE_COLUMNS,
    )
    return _canonical(frame, ["source", "location"])


def unify_spellings(frames: Sequence[tuple[pd.DataFrame, str]]) -> None:
    """Give every name one spelling across the frames, in place: "Kestria's Health Ministry" as a
    speaker and "Kestria's health ministry" as a figure's source become the spelling used most
    (ties: the first seen). ``frames`` are (frame, column) pairs. Names that differ in more than
    letter case stay apart.
    """
    counts: dict[str, dict[str, int]] = {}
    for frame, column in frames:
        for name in frame[column].dropna():
            spellings = counts.setdefault(name.casefold(), {})
            spellings[name] = spellings.get(name, 0) + 1
    chosen = {key: max(spellings, key=spellings.__getitem__) for key, spellings in counts.items() if len(spellings) > 1}
    if not chosen:
        return
    for frame, column in frames:
        frame[column] = frame[column].map(lambda n: chosen.get(n.casefold(), n) if isinstance(n, str) else n)


def source_sides(quotes: pd.DataFrame, entities: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The side of each (article, name) that speaks or is named: from its statements, else its entity.

    Used to give a figure's source a side ("Kestria's health ministry" quoted as Kestria). A name
    with no side in its own article takes the side it has in the other articles, when they agree.
    """
    sides: dict[tuple[str, str], str] = {}
    anywhere: dict[str, set[str]] = {}
    for frame, name in ((quotes, "speaker"), (entities, "name")):
        if frame.empty:
            continue
        known = frame[frame["side"].notna()]
        for article_id, who, side in zip(known["article_id"], known[name], known["side"], strict=True):
            sides.setdefault((article_id, who), side)
            anywhere.setdefault(who, set()).add(side)
    sides.update({("*", who): next(iter(found)) for who, found in anywhere.items() if len(found) == 1})
    return sides


def side_of_source(sides: Mapping[tuple[str, str], str], article_id: str, source: Any) -> str:
    """The side of a figure's source (see :func:`source_sides`), ``"unknown"`` when none is known."""
    if not isinstance(source, str) or not source:
        return UNKNOWN_SIDE
    return sides.get((article_id, source)) or sides.get(("*", source)) or UNKNOWN_SIDE


def article_events(comparison: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Article id -> (event id, event label), from the comparison's events."""
    return {article_id: (str(event.get("id", "")), str(event.get("label", "")))
            for event in comparison.get("events", []) for article_id in event.get("article_ids", [])}


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for a table on the page: empty text cells empty (never "None" or "nan").

    Text columns get "" for missing values; number columns keep NaN, which tables show blank.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else v)
    return out


TABLES = {
    "articles": articles_frame,
    "entities": entities_frame,
    "mentions": mentions_frame,
    "quotes": quotes_frame,
    "figures": figures_frame,
}
