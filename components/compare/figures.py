"""Figures across articles: within each event, the casualty tolls the articles give as the event's own.

The rule for "the event's own figures" (a figure takes part in an event's comparison only when):

1. it is a casualty figure with a category and a number, not a part of another figure
   (``subset_of``, or "19 of the injured") and not an increment ("two more bodies");
2. its sentence does not put it at another place: when the sentence (or the figure's
   ``location``) names places, one of them must be one of the event's main places (also found
   by its text, so a place the model missed still counts). Countries, capitals and states
   ("Moscow", "Kestria" when the article calls its people "Kestrian", "Valdoran Federation")
   name the parties, not the scene, so they never decide; nor does the place just after the
   figure's source ("Kestrian officials in Velm put the toll at 21");
3. nothing near it in its sentence (``CUE_REACH`` characters) puts it at another time: a phrase
   such as "last year", "last October", "since the war began", "over the same period"
   (``lexicon.sides.OTHER_TIME_PATTERNS``), a year, a month or a date figure farther than
   ``far_days`` from the event's publication dates.

These are rules on the text around a figure: "the deadliest strike since last year's flood
killed 4" loses its figure, and a figure with no place or time near it always counts.
Detained and displaced counts are lined up but, being mostly standing numbers, not flagged
unless asked (see :func:`figure_discrepancies`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from components.compare.events import PLACE_LABELS, Event, cluster_events, is_party, is_party_place
from components.compare.terms import published_date
from components.language.extract import ArticleAnalysis
from components.language.figures import Figure
from components.language.lexicon.sides import (
    BODY_COUNT_PATTERN,
    DESTINATION_PATTERN,
    MONTHS,
    NUMBER_WORDS,
    OTHER_TIME_PATTERNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
)

CATEGORY_ORDER = ("killed", "wounded", "casualties", "missing", "detained", "displaced")
TOLL_CATEGORIES = ("killed", "wounded", "casualties", "missing")  # flagged by default
FAR_DAYS = 30  # a date this far from the event's dates puts a figure in another event
CUE_REACH = 100  # a time phrase this many characters from a figure (same sentence) dates it
SOURCE_REACH = 20  # a place this close after a figure's source is where the source sits

_POSSESSIVE = re.compile(r"[’']s?$")
_OTHER_TIME = re.compile("|".join(OTHER_TIME_PATTERNS), re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|May(?=\s+\d))\b"
    r"|\b(?:in|since|last|early|late|mid-?)\s+(May)\b"
)
_PLACE_CUE = re.compile(
    rf"(?:\b(?:{'|'.join(PLACE_PREPOSITIONS)})\s+(?:the\s+)?|\b(?:{'|'.join(PLACE_NOUNS)})\s+of\s+)$",
    re.IGNORECASE,
)
_DESTINATION = re.compile(DESTINATION_PATTERN, re.IGNORECASE)
_BODY_COUNT = re.compile(BODY_COUNT_PATTERN, re.IGNORECASE)
_NUMBER = rf"(?:\d[\d,.]*|{'|'.join(NUMBER_WORDS)}|\w+teen|\w+ty(?:-\w+)?|a\s+(?:few|dozen|hundred))"
_INCREMENT = re.compile(rf"^{_NUMBER}\s+more\b(?!\s+than)", re.IGNORECASE)  # "two more bodies"
_PARTITIVE = re.compile(rf"^{_NUMBER}\s+of\s+(?:the|those|them|these|its|their)\b", re.IGNORECASE)


# ---- figures across articles --------------------------------------------------------------------
def _source_span(text: str, figure: Figure) -> tuple[int, int] | None:
    """Offsets of the figure's source as written in its sentence, if it is there."""
    if not figure.source:
        return None
    at = text.find(figure.source, figure.sentence_start, figure.sentence_end)
    return (at, at + len(figure.source)) if at >= 0 else None


def _place_mentions(result: ArticleAnalysis, *, sides: Iterable[str] = ()) -> list[tuple[int, int, str, bool]]:
    """Mentions of the article's non-party names: ``(start, end, key, labelled a place)``."""
    known = set(sides) | {e.side for e in result.entities if e.side}
    return sorted(
        (start, end, " ".join(entity.name.casefold().split()), entity.label in PLACE_LABELS)
        for entity in result.entities if not is_party(entity, sides=known)
        for start, end, _ in entity.mentions
    )


def _sentence_places(
    result: ArticleAnalysis, figure: Figure, *, mentions: Sequence[tuple[int, int, str, bool]]
) -> set[str]:
    """Non-party places named in the figure's sentence, and its ``location``.

    A place is a GPE/LOC/FAC entity, or any entity right after "in", "near", "town of" and the
    like (the model often calls a town ORG or PERSON). A place right after the figure's source
    ("officials in Velm") is where the source sits, not the scene, and is left out.
    ``mentions`` are the article's :func:`_place_mentions`.
    """
    found: set[str] = set()
    text = result.article.text
    source = _source_span(text, figure)
    first = bisect_left(mentions, (figure.sentence_start,))
    for start, end, key, geo in mentions[first:bisect_right(mentions, (figure.sentence_end,))]:
        if end > figure.sentence_end:
            continue
        if source is not None and source[0] <= start <= source[1] + SOURCE_REACH:
            continue  # "officials in Velm": where the source sits, not the scene
        if _DESTINATION.search(text[figure.sentence_start:start]):
            continue  # "taken to the hospital in Saulmont": where victims went, not the scene
        if geo or _PLACE_CUE.search(text[max(figure.sentence_start, start - 30):start]):
            found.add(key)
    if figure.location and not is_party_place(figure.location, side=None):
        found.add(" ".join(_POSSESSIVE.sub("", figure.location).removeprefix("the ").casefold().split()))
    return found


def _other_place(
    result: ArticleAnalysis, figure: Figure, event: Event, *, mentions: Sequence[tuple[int, int, str, bool]]
) -> bool:
    """True when the figure's sentence names places and none of them is one of the event's.

    The event's places are looked for in the sentence's text too, so a place the model missed
    ("Orvel Pass") still counts.
    """
    sentence = result.article.text[figure.sentence_start:figure.sentence_end].casefold()
    if any(re.search(rf"\b{re.escape(place)}\b", sentence) for place in event.places):
        return False
    where = _sentence_places(result, figure, mentions=mentions)
    return bool(where) and not where & set(event.places)


def _months_near(start: date, end: date, far: timedelta) -> set[int]:
    day, last, months = start - far, end + far, set()
    while day <= last:
        months.add(day.month)
        day += timedelta(days=14)
    return months | {last.month}


def _near(figure: Figure, start: int, end: int) -> bool:
    """True when ``start:end`` (article offsets) lies within ``CUE_REACH`` characters of the figure."""
    return start - figure.end <= CUE_REACH and figure.start - end <= CUE_REACH


def _other_time(result: ArticleAnalysis, figure: Figure, event: Event, *, far_days: int) -> bool:
    """True when a time phrase near the figure dates it away from the event (module docstring)."""
    text = result.article.text
    base = figure.sentence_start
    sentence = text[base:figure.sentence_end]
    if any(_near(figure, base + m.start(), base + m.end()) for m in _OTHER_TIME.finditer(sentence)):
        return True
    if event.start is None or event.end is None:
        return False
    far = timedelta(days=far_days)
    same_sentence = [f for f in result.figures if figure.sentence_start <= f.start < figure.sentence_end]
    for other in same_sentence:
        when = published_date(other.iso) if other.type == "date" else None
        if when is not None and (when < event.start - far or when > event.end + far) and _near(
            figure, other.start, other.end
        ):
            return True
    numbers = [(f.start, f.end) for f in same_sentence if f.type != "date"]
    years = {event.start.year, event.end.year, (event.start - far).year, (event.end + far).year}
    for match in _YEAR.finditer(sentence):
        at = base + match.start()
        if int(match.group()) not in years and not any(s <= at < e for s, e in numbers) and _near(
            figure, at, base + match.end()
        ):
            return True
    months = _months_near(event.start, event.end, far)
    return any(
        MONTHS.index((m.group(1) or m.group(2)).lower()) + 1 not in months
        and _near(figure, base + m.start(), base + m.end())
        for m in _MONTH.finditer(sentence)
    )


def _not_a_total(figure: Figure, text: str) -> bool:
    """True for an increment ("two more bodies") or a part ("19 of the injured")."""
    return _INCREMENT.match(figure.text) is not None or _PARTITIVE.match(text[figure.start:]) is not None


def event_figures(
    result: ArticleAnalysis, event: Event, *, far_days: int = FAR_DAYS, sides: Iterable[str] = ()
) -> list[Figure]:
    """The article's own casualty totals for the event: not parts, not body counts beside a toll, not at
    another place or time.

    Args:
        result: one article of the event.
        event: its event.
        far_days: a date this far from the event's publication dates is another time.
        sides: every side of the compared articles, to tell parties ("Valdoran") from places.
    """
    kept: list[Figure] = []
    mentions = _place_mentions(result, sides=sides)
    tolls = {f.category for f in result.figures if f.type == "casualty" and not _BODY_COUNT.search(f.text)}
    for figure in result.figures:
        if figure.type != "casualty" or not figure.category or figure.subset_of is not None:
            continue
        if figure.category in tolls and _BODY_COUNT.search(figure.text):
            continue  # "recovered eleven bodies" beside a toll: a running count, not the toll
        if figure.value is None and figure.low is None and figure.high is None:
            continue
        if _not_a_total(figure, result.article.text):
            continue
        if _other_place(result, figure, event, mentions=mentions):
            continue
        if _other_time(result, figure, event, far_days=far_days):
            continue
        kept.append(figure)
    return kept


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _figure_row(result: ArticleAnalysis, figure: Figure) -> dict[str, Any]:
    art = result.article
    return {
        "article_id": art.id, "outlet": art.outlet, "published": art.published, "id": figure.id,
        "source": figure.source, "value": figure.value, "low": figure.low, "high": figure.high,
        "qualifier": figure.qualifier, "group": figure.group, "location": figure.location,
        "text": figure.text, "start": figure.start, "end": figure.end,
        "sentence_start": figure.sentence_start, "sentence_end": figure.sentence_end,
    }


def lined_up_figures(
    results: Sequence[ArticleAnalysis], events: Sequence[Event], *, far_days: int = FAR_DAYS
) -> list[dict[str, Any]]:
    """Every article's own casualty figures per event, one flat row each (for the figures chart).

    Within an article, a figure that repeats an earlier one (same source and number) is left out.
    """
    sides = {e.side for r in results for e in r.entities if e.side}
    by_id = {r.article.id: r for r in results}
    rows: list[dict[str, Any]] = []
    for event in events:
        for article_id in event.article_ids:
            result = by_id[article_id]
            seen: set[tuple[Any, ...]] = set()
            for figure in event_figures(result, event, far_days=far_days, sides=sides):
                key = (figure.category, figure.source, figure.value, figure.low, figure.high)
                if key in seen:
                    continue
                seen.add(key)
                rows.append({"event": event.label, "event_id": event.id, "category": figure.category,
                             **_figure_row(result, figure)})
    return rows


def _category_rank(category: str) -> tuple[int, str]:
    return (CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER), category)


def figure_discrepancies(
    results: Sequence[ArticleAnalysis],
    *,
    events: Sequence[Event] | None = None,
    far_days: int = FAR_DAYS,
    categories: Iterable[str] = TOLL_CATEGORIES,
) -> list[dict[str, Any]]:
    """Casualty figures of one category and event on which articles or sources disagree.

    A disagreement is two different numbers (a range counts as its ends; the qualifier does not
    count: "more than 150" and "150" agree) held by two different holders (article and source).
    Only ``categories`` are flagged: by default the tolls of an event (killed, wounded,
    casualties, missing); detained and displaced counts are mostly standing numbers ("holds 700
    prisoners", "6,000 remain displaced") that differ without disagreeing, and are only lined up.

    Returns:
        ``{"event", "event_id", "category", "low", "high", "spread": "4 to 9", "article_ids",
        "values": [{article_id, outlet, source, value, low, high, qualifier, text, start, end,
        sentence_start, sentence_end, ...}]}``, by event then category. It cannot judge which
        figure is right, nor see that a later article updates an earlier toll.
    """
    events = cluster_events(results) if events is None else events
    rows = lined_up_figures(results, events, far_days=far_days)
    return discrepancies_in(rows, events=events, categories=categories)


def _row_bounds(row: Mapping[str, Any]) -> tuple[float, float]:
    low = row["low"] if row["low"] is not None else row["value"]
    high = row["high"] if row["high"] is not None else row["value"]
    low = low if low is not None else high
    high = high if high is not None else low
    return float(low), float(high)


def discrepancies_in(
    rows: Sequence[Mapping[str, Any]], *, events: Sequence[Event], categories: Iterable[str] = TOLL_CATEGORIES
) -> list[dict[str, Any]]:
    """The disagreements among rows of :func:`lined_up_figures` (see :func:`figure_discrepancies`)."""
    wanted = set(categories)
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["category"] in wanted:
            groups[(row["event_id"], row["category"])].append(row)
    rank = {e.id: n for n, e in enumerate(events)}
    labels = {e.id: e.label for e in events}
    out: list[dict[str, Any]] = []
    for (event_id, category), items in sorted(groups.items(), key=lambda g: (rank[g[0][0]], _category_rank(g[0][1]))):
        bounds = [_row_bounds(r) for r in items]
        holders = {(r["article_id"], r["source"]) for r in items}
        if len(set(bounds)) < 2 or len(holders) < 2:
            continue
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        out.append({
            "event": labels[event_id], "event_id": event_id, "category": category, "low": low, "high": high,
            "spread": f"{_number(low)} to {_number(high)}",
            "article_ids": sorted({r["article_id"] for r in items}),
            "values": [{k: v for k, v in r.items() if k not in ("event", "event_id", "category")} for r in items],
        })
    return out
