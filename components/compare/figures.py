"""Figures across articles: within each event, the casualty tolls the articles give as the event's own.

The rule for "the event's own figures" (a figure takes part in an event's comparison only when):

1. it is a casualty figure with a number (a vague "dozens" has none), a total: not a part of
   another figure (``subset_of``, ``partitive``: "19 of the injured"), not an increment ("two more
   bodies"), not reported as superseded ("earlier reports put the toll at 12"), and not a body
   count beside a toll of its category;
2. its sentence does not put it at another place: when its ``scene`` names places, one of them
   must be one of the event's main places (looked for among the sentence's ``names`` too, so a
   place the model missed still counts). Countries, capitals and nationalities name the parties,
   not the scene (the language layer leaves them out of ``scene``);
3. nothing near it puts it at another time: a ``time_cue`` ("last year", "since the war began")
   or a date, month or year it is ``dated`` by farther than ``far_days`` from the event's
   publication dates.

Where and when a figure is was read by the language layer (:mod:`components.language.figure_context`);
this module decides on the records alone. Figures of two groups of people ("US service members"
and "Afghans", the two armies of a clash) are lined up apart (``group_side``). Detained and
displaced counts are lined up but, being mostly standing numbers, not flagged unless asked (see
:func:`figure_discrepancies`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from components.compare.events import Event, cluster_events
from components.language.extract import ArticleAnalysis
from components.language.figures import Figure

CATEGORY_ORDER = ("killed", "wounded", "casualties", "missing", "detained", "displaced")
TOLL_CATEGORIES = ("killed", "wounded", "casualties", "missing")  # flagged by default
FAR_DAYS = 30  # a date this far from the event's dates puts a figure in another event

# ---- figures across articles --------------------------------------------------------------------
def _names(names: Iterable[str], key: str) -> bool:
    return any(key == name or f" {key} " in f" {name} " for name in names)


def _other_place(figure: Figure, event: Event) -> bool:
    """True when the figure's sentence puts it at places and none of them is one of the event's."""
    if any(_names(figure.names, place) for place in event.places):
        return False
    return bool(figure.scene) and not set(figure.scene) & set(event.places)


def _far(when: str, start: date, end: date, far: timedelta) -> bool:
    """Whether a date (``YYYY-MM-DD``), month (``YYYY-MM``) or year (``YYYY``) lies outside the event's dates."""
    low, high = start - far, end + far
    try:
        if len(when) == 4:
            return not low.year <= int(when) <= high.year
        if len(when) == 7:
            first = date(int(when[:4]), int(when[5:7]), 1)
            last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
            return last < low or first > high
        day = date.fromisoformat(when[:10])
    except ValueError:
        return False
    return day < low or day > high


def _other_time(figure: Figure, event: Event, *, far_days: int) -> bool:
    """True when a time phrase or a date near the figure dates it away from the event."""
    if figure.time_cue:
        return True
    if event.start is None or event.end is None:
        return False
    far = timedelta(days=far_days)
    return any(_far(when, event.start, event.end, far) for when in figure.dated)


def _not_a_total(figure: Figure) -> bool:
    """True for an increment ("two more bodies"), a part ("19 of the injured") or a replaced figure."""
    return figure.increment or figure.partitive or figure.superseded


def event_figures(result: ArticleAnalysis, event: Event, *, far_days: int = FAR_DAYS) -> list[Figure]:
    """The article's own casualty totals for the event: not parts, not vague, not body counts beside a
    toll, not at another place or time.

    Args:
        result: one article of the event.
        event: its event.
        far_days: a date this far from the event's publication dates is another time.
    """
    totals: list[Figure] = []
    for figure in result.figures:
        if figure.type != "casualty" or not figure.category or figure.subset_of is not None:
            continue
        if figure.vague or (figure.value is None and figure.low is None and figure.high is None):
            continue  # "dozens": a word, never a number to disagree with
        if _not_a_total(figure) or _other_place(figure, event) or _other_time(figure, event, far_days=far_days):
            continue
        totals.append(figure)
    return [f for f in totals if not (f.body_count and _running_count(f, totals))]


def _running_count(bodies: Figure, totals: Sequence[Figure]) -> bool:
    """A body count beside a toll that is a running count, not a toll of its own: the same voice gives
    a toll too, or the article itself recounts a recovery ("divers recovered two bodies") below a toll.
    A body count a source gives beside another's toll ("133 bodies, the ministry said" beside the
    governor's 148) is that source's claim."""
    for toll in totals:
        if toll.body_count or toll.category != bodies.category:
            continue
        if _voice(toll) == _voice(bodies):
            return True
        if not bodies.source and (toll.low or toll.value or 0) >= (bodies.value or bodies.low or 0):
            return True
    return False


def _voice(figure: Figure) -> str:
    return " ".join((figure.source or "").casefold().split())


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _figure_row(result: ArticleAnalysis, figure: Figure) -> dict[str, Any]:
    art = result.article
    return {
        "article_id": art.id, "outlet": art.outlet, "published": art.published, "id": figure.id,
        "source": figure.source, "value": figure.value, "low": figure.low, "high": figure.high,
        "qualifier": figure.qualifier, "group": figure.group, "group_side": figure.group_side,
        "location": figure.location, "superseded": figure.superseded,
        "text": figure.text, "start": figure.start, "end": figure.end,
        "sentence_start": figure.sentence_start, "sentence_end": figure.sentence_end,
    }


def lined_up_figures(
    results: Sequence[ArticleAnalysis], events: Sequence[Event], *, far_days: int = FAR_DAYS
) -> list[dict[str, Any]]:
    """Every article's own casualty figures per event, one flat row each (for the figures chart).

    Within an article, a figure that repeats an earlier one (same source and number) is left out.
    """
    by_id = {r.article.id: r for r in results}
    rows: list[dict[str, Any]] = []
    for event in events:
        for article_id in event.article_ids:
            result = by_id[article_id]
            seen: set[tuple[Any, ...]] = set()
            for figure in event_figures(result, event, far_days=far_days):
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


def _holder(row: Mapping[str, Any]) -> tuple[str, str]:
    """Who holds a figure across articles: its source, or for the article's own voice its outlet."""
    source = " ".join(str(row.get("source") or "").casefold().replace("’", "'").split())
    return ("source", source) if source else ("outlet", str(row.get("outlet") or row["article_id"]))


def latest_per_holder(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows left once every holder's revised figures are dropped: a named source whose later report
    (or any source whose later sentence) gives another toll holds the new toll, not both. Reports by
    two outlets that cite the same kind of source ("officials") stay side by side: they disagree.
    """
    def when(row: Mapping[str, Any]) -> tuple[str, str, int]:
        return (row.get("published") or "", row["article_id"], row["start"])

    latest: dict[tuple[str, str], Mapping[str, Any]] = {}
    for row in rows:
        holder = _holder(row)
        if holder not in latest or when(row) > when(latest[holder]):
            latest[holder] = row

    def revised(row: Mapping[str, Any]) -> bool:
        last = latest[_holder(row)]
        if last is row:
            return False
        if _row_bounds(row) == _row_bounds(last):
            return False  # the same toll again: nothing was revised
        if row["article_id"] == last["article_id"]:
            return True
        if not _named_source(row):
            return False  # "officials" of two reports need not be the same people: both tolls stand
        earlier, later = row.get("published"), last.get("published")
        return bool(earlier and later and earlier < later)  # an undated report cannot be put in order

    return [row for row in rows if not revised(row)]


def _named_source(row: Mapping[str, Any]) -> bool:
    """A source with a name ("the Pentagon", "Khalid al-Falih"), not a kind of people ("officials")."""
    return any(ch.isupper() for ch in str(row.get("source") or ""))


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
    groups: dict[tuple[str, str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["category"] in wanted:  # two groups of people (two armies) are never one toll
            groups[(row["event_id"], row["category"], row.get("group_side") or "")].append(row)
    rank = {e.id: n for n, e in enumerate(events)}
    labels = {e.id: e.label for e in events}
    out: list[dict[str, Any]] = []
    for (event_id, category, group_side), all_items in sorted(
        groups.items(), key=lambda g: (rank[g[0][0]], _category_rank(g[0][1]), g[0][2])
    ):
        items = latest_per_holder(all_items)
        bounds = [_row_bounds(r) for r in items]
        holders = {(r["article_id"], r["source"]) for r in items}
        if len(set(bounds)) < 2 or len(holders) < 2:
            continue
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        out.append({
            "event": labels[event_id], "event_id": event_id, "category": category, "group_side": group_side or None,
            "low": low, "high": high,
            "spread": f"{_number(low)} to {_number(high)}",
            "article_ids": sorted({r["article_id"] for r in items}),
            "values": [{k: v for k, v in r.items() if k not in ("event", "event_id", "category")} for r in items],
        })
    return out
