"""Events: articles grouped by what they say and when they were published.

Articles are grouped by the cosine of tf-idf word vectors (the small model mislabels too many
invented names for entities alone to tell events apart) within a window of publication dates (7
days by default), provided one of two articles names one of the other's main places.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from components.compare.terms import cosine, idf_table, published_date, tfidf
from components.language.extract import ArticleAnalysis
from components.language.figure_context import PLACE_LABELS, name_key

EVENT_THRESHOLD = 0.12  # cosine of two articles' tf-idf vectors
EVENT_WINDOW_DAYS = 7
TITLE_BOOST = 2.0  # a title word counts this many times
VECTOR_TERMS = 80  # terms kept per article vector (more lets incidental words link events)
LOOKUP_TERMS = 15  # terms per article used to find candidate articles
MAX_LINKS_PER_KEY = 50  # articles per term looked at for a newcomer (the most recent ones)
MAX_CANDIDATES = 30  # articles compared with a newcomer: those sharing most of its weightiest terms
SCENE_PLACES = 2  # an article's main places: two articles naming none of each other's are two events


# ---- events -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Event:
    """Articles about one event (see :func:`cluster_events`), with its main places and dates."""

    id: str  # "e1", "e2", ... in order of first publication
    label: str  # "Sevastopol, 2024-06-23 to 2024-06-25"
    article_ids: tuple[str, ...]
    places: tuple[str, ...]  # main places (lowercase keys), the scene of the event
    start: date | None
    end: date | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        data["article_ids"] = list(self.article_ids)
        data["places"] = list(self.places)
        return data


@dataclass(frozen=True, slots=True)
class _Profile:
    vector: dict[str, float]  # term -> tf-idf weight, unit length, the weightiest terms only
    lookup: tuple[str, ...]  # the weightiest terms, to find candidate articles
    places: dict[str, float]  # non-party place keys (GPE/LOC/FAC, or any name in the title) -> weight
    in_title: frozenset[str]  # name keys found in the title
    names: dict[str, str]  # name key -> name as written
    scene: tuple[str, ...]  # the weightiest places, as keys
    named: frozenset[str]  # keys of every proper name of the article (title included)


def _other_scene(a: _Profile, b: _Profile) -> bool:
    """True when neither article names the other's main places: two scenes, two events.

    Checked on every proper name of the articles, not only their entities, since the model misses
    or mislabels names.
    """
    if not a.scene or not b.scene:
        return False
    return not any(_names(b.named, place) for place in a.scene) and not any(_names(a.named, p) for p in b.scene)


def _names(named: frozenset[str], key: str) -> bool:
    """Whether an article's name keys hold ``key``, alone or inside a longer name ("orvel" in "orvel pass")."""
    return key in named or any(f" {key} " in f" {name} " for name in named if len(name) > len(key))


def _entity_places(result: ArticleAnalysis) -> tuple[dict[str, float], frozenset[str], dict[str, str]]:
    """Places of an article from its entities: GPE/LOC/FAC, or any name in the title, not parties.

    The small model often calls a town ORG or PERSON; a name in the title is taken as a place.
    """
    places: dict[str, float] = {}
    names: dict[str, str] = {}
    in_title: set[str] = set()
    for entity in result.entities:
        key = name_key(entity.name)
        if not key or entity.party:
            continue
        if key not in names or names[key].isupper():  # "Seoul" beats the dateline's "SEOUL"
            names[key] = entity.name
        titled = _names(result.title_names, key)
        if titled:
            in_title.add(key)
        if entity.label in PLACE_LABELS or titled:
            weight = (1.0 + math.log(max(entity.count, 1))) * (TITLE_BOOST if titled else 1.0)
            places[key] = places.get(key, 0.0) + weight
    return places, frozenset(in_title), names


def _article_terms(result: ArticleAnalysis) -> dict[str, float]:
    """An article's term counts, its title's terms counted ``TITLE_BOOST`` times more."""
    counts: dict[str, float] = dict(result.terms)
    for term in result.title_terms:
        counts[term] = counts.get(term, 0.0) + TITLE_BOOST
    return counts


def _profiles(results: Sequence[ArticleAnalysis]) -> list[_Profile]:
    """tf-idf profiles of every article (idf over the set, smoothed so that two articles suffice)."""
    counts = [_article_terms(r) for r in results]
    idf = idf_table(counts)
    profiles: list[_Profile] = []
    for result, terms in zip(results, counts, strict=True):
        weights = tfidf(terms, idf)
        top = sorted(weights, key=lambda k: (-weights[k], k))[:VECTOR_TERMS]
        norm = math.sqrt(sum(weights[k] ** 2 for k in top)) or 1.0
        places, in_title, names = _entity_places(result)
        scene = tuple(sorted(places, key=lambda k: (-places[k], k))[:SCENE_PLACES])
        profiles.append(_Profile(vector={k: weights[k] / norm for k in top}, lookup=tuple(top[:LOOKUP_TERMS]),
                                 places=places, in_title=in_title, names=names, scene=scene,
                                 named=result.names | result.title_names))
    return profiles


def _event_places(profiles: Sequence[_Profile]) -> list[str]:
    """Main places of an event: the weightiest, those weighing half as much, those most articles
    name, those in a title."""
    total: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    titled: set[str] = set()
    for profile in profiles:
        total.update(profile.places)
        seen.update(profile.names.keys())
        titled |= profile.in_title
    if not total:
        return []
    top = max(total.values())
    shared = max(2, math.ceil(len(profiles) / 2))  # named by at least two articles and half of them
    main = [k for k, w in total.items() if w >= 0.5 * top or seen[k] >= shared or k in titled]
    return sorted(main, key=lambda k: (-total[k], k))


def _event_label(profiles: Sequence[_Profile], places: Sequence[str], start: date | None, end: date | None,
                 fallback: str) -> str:
    names: dict[str, str] = {}
    for profile in profiles:
        for key, name in profile.names.items():
            if key not in names or names[key].isupper():  # "Seoul" and "SEOUL" are one place, shown "Seoul"
                names[key] = name
    where = names.get(places[0], places[0]) if places else fallback
    if start is None or end is None:
        return where
    when = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    return f"{where}, {when}"


def _in_window(day: date | None, span: tuple[date | None, date | None], window: timedelta) -> bool:
    """True when ``day`` may join an event whose dated articles span ``span``."""
    low, high = span
    if day is None or low is None or high is None:
        return True
    return day - low <= window and high - day <= window


def _widen(span: tuple[date | None, date | None], day: date | None) -> tuple[date | None, date | None]:
    low, high = span
    if day is None:
        return span
    return min(low or day, day), max(high or day, day)


def _merge_events(
    into: int, other: int, members: list[list[int]], spans: list[tuple[date | None, date | None]],
    cluster_of: dict[int, int],
) -> None:
    """Move every article of event ``other`` into event ``into`` (``other`` is left empty)."""
    for k in members[other]:
        cluster_of[k] = into
    members[into].extend(members[other])
    members[other] = []
    for day in spans[other]:
        spans[into] = _widen(spans[into], day)


def cluster_events(
    results: Sequence[ArticleAnalysis],
    *,
    window_days: int = EVENT_WINDOW_DAYS,
    threshold: float = EVENT_THRESHOLD,
) -> list[Event]:
    """Group articles into events by what they say and when they were published.

    Articles are taken in order of publication; each joins the events of the earlier articles
    it is similar to (cosine of the tf-idf vectors of their 80 weightiest words, title words
    counting double, at least ``threshold``) provided every dated article of that event is within
    ``window_days`` of it, and one of them names one of the other's two main places (the
    weightiest places, a name in the title counting double); otherwise it starts an event. An
    article similar to members of two events joins them into one, so an event does not depend on
    which of its articles happened to be the most alike (nor on what else is in the set).
    Articles without a date join by words and places only. Candidates are found through each
    article's weightiest terms (an inverted index), so the cost grows with the number of
    articles, not its square. It cannot tell two strikes on the same town in the same week
    apart, nor follow a story that runs longer than the window.
    """
    profiles = _profiles(results)
    dates = [published_date(r.article.published) for r in results]
    order = sorted(range(len(results)), key=lambda i: (dates[i] is None, dates[i] or date.min,
                                                      results[i].article.id))
    window = timedelta(days=window_days)
    cluster_of: dict[int, int] = {}
    members: list[list[int]] = []
    spans: list[tuple[date | None, date | None]] = []
    by_term: dict[str, list[int]] = defaultdict(list)
    for i in order:
        shared: Counter[int] = Counter(
            j for term in profiles[i].lookup for j in by_term.get(term, [])[-MAX_LINKS_PER_KEY:]
            if _in_window(dates[i], spans[cluster_of[j]], window)
        )
        linked: dict[int, float] = {}  # event -> best score of its members with this article
        for j, _ in shared.most_common(MAX_CANDIDATES):
            score = cosine(profiles[i].vector, profiles[j].vector)
            if score >= threshold and score > linked.get(cluster_of[j], 0.0) and not _other_scene(
                profiles[i], profiles[j]
            ):
                linked[cluster_of[j]] = score
        if not linked:
            members.append([])
            spans.append((dates[i], dates[i]))
            c = len(members) - 1
        else:
            c = max(linked, key=lambda k: (linked[k], -k))
            for other in sorted(linked):  # an article that links two events makes them one
                if other != c:
                    _merge_events(c, other, members, spans, cluster_of)
        members[c].append(i)
        spans[c] = _widen(spans[c], dates[i])
        cluster_of[i] = c
        for term in profiles[i].lookup:
            by_term[term].append(i)
    events: list[Event] = []
    kept = [(items, span) for items, span in zip(members, spans, strict=True) if items]
    for n, (items, (start, end)) in enumerate(kept, start=1):
        group = [profiles[i] for i in items]
        places = _event_places(group)
        named_by = {k: sum(_names(p.named, k) for p in group) for k in places}
        places = sorted(places, key=lambda k: -named_by[k])  # stable: ties keep the weight order
        first = results[items[0]].article
        label = _event_label(group, places, start, end, fallback=first.title or first.id)
        events.append(Event(id=f"e{n}", label=label, article_ids=tuple(results[i].article.id for i in items),
                            places=tuple(places), start=start, end=end))
    return events
