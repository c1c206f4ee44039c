"""Side-by-side comparison: statements by side and speaker, figures across articles.

Three things, all pure functions of the per-article records (no spaCy objects, no model):

- **Statements** (:func:`collect_statements`, :func:`statements_by_side`, :func:`pair_statements`,
  :func:`statements_by_speaker`): every quote as a flat dict, grouped by side; pairs of
  statements of different sides about the same subject (shared entity names and key terms,
  scored by an idf-weighted cosine, with the terms that paired them); the statements left
  without a counterpart; and each speaker's statements across outlets.
- **Events** (:func:`cluster_events`): articles grouped by what they say (cosine of tf-idf
  word vectors; the small model mislabels too many invented names for entities alone to tell
  events apart) within a window of publication dates (7 days by default), provided one of two
  articles names one of the other's main places.
- **Figures** (:func:`figure_discrepancies`): within each event, the casualty tolls that the
  articles give as the event's own, lined up by category; where they disagree, the spread.

Everything returned is a list of flat dicts (or a dict of them), so the page turns it into a
DataFrame as is, and every item carries the article id and offsets it came from.

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

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from components.lexicon.sides import (
    BODY_COUNT_PATTERN,
    CONTENT_STOP_WORDS,
    COUNTRIES,
    DEMONYMS,
    DESTINATION_PATTERN,
    EXTRA_STOP_WORDS,
    MONTHS,
    NUMBER_WORDS,
    OTHER_TIME_PATTERNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    REPORTING_WORDS,
    SEATS_OF_POWER,
    STATE_WORDS,
)

if TYPE_CHECKING:
    from components.analysis import ArticleAnalysis, EntityRecord
    from components.figures import Figure

UNKNOWN_SIDE = "unknown"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CATEGORY_ORDER = ("killed", "wounded", "casualties", "missing", "detained", "displaced")
TOLL_CATEGORIES = ("killed", "wounded", "casualties", "missing")  # flagged by default

PAIR_THRESHOLD = 0.2  # idf-weighted cosine of two statements' terms
PAIR_MIN_SHARED = 2  # shared terms needed to pair, whatever the score
ENTITY_BOOST = 1.5  # an entity name weighs this much more than a word
MAX_TERM_PAIRS = 1_000  # a term proposing more pairs than this in one event proposes none

EVENT_THRESHOLD = 0.12  # cosine of two articles' tf-idf vectors
EVENT_WINDOW_DAYS = 7
FAR_DAYS = 30  # a date this far from the event's dates puts a figure in another event
CUE_REACH = 100  # a time phrase this many characters from a figure (same sentence) dates it
SOURCE_REACH = 20  # a place this close after a figure's source is where the source sits
TITLE_BOOST = 2.0  # a title word counts this many times
IDF_PRIOR = 10  # idf = log((n + prior) / (df + 0.5)): a small set does not erase shared words
VECTOR_TERMS = 80  # terms kept per article vector (more lets incidental words link events)
LOOKUP_TERMS = 15  # terms per article used to find candidate articles
MAX_LINKS_PER_KEY = 50  # articles per term looked at for a newcomer (the most recent ones)
MAX_CANDIDATES = 30  # articles compared with a newcomer: those sharing most of its weightiest terms
SCENE_PLACES = 2  # an article's main places: two articles naming none of each other's are two events

_STOP = (STOP_WORDS - CONTENT_STOP_WORDS) | REPORTING_WORDS | EXTRA_STOP_WORDS
_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
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
_PARTY_NAMES = frozenset(COUNTRIES) | frozenset(SEATS_OF_POWER) | frozenset(DEMONYMS)
_PARTY_STEMS = frozenset(n[:5] for n in (*COUNTRIES, *DEMONYMS) if len(n) >= 5)


# ---- statements ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Statement:
    """One quote as the comparison shows it, with where it came from."""

    id: str  # "<article id>:q<n>"
    article_id: str
    outlet: str
    title: str
    published: str | None
    side: str | None
    speaker: str
    speaker_type: str
    kind: str
    cue: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def collect_statements(results: Sequence[ArticleAnalysis]) -> list[Statement]:
    """Every quote of every article as a :class:`Statement`, in article and text order."""
    found: list[Statement] = []
    for result in results:
        art = result.article
        for n, quote in enumerate(result.quotes):
            found.append(Statement(
                id=f"{art.id}:q{n}", article_id=art.id, outlet=art.outlet, title=art.title,
                published=art.published, side=quote.side, speaker=quote.speaker,
                speaker_type=quote.speaker_type, kind=quote.kind, cue=quote.cue, text=quote.text,
                start=quote.start, end=quote.end, sentence_start=quote.sentence_start,
                sentence_end=quote.sentence_end,
            ))
    return found


def statements_by_side(statements: Iterable[Statement]) -> dict[str, list[dict[str, Any]]]:
    """``{side: [statement dicts]}``, sides with most statements first, ``"unknown"`` last."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for statement in statements:
        groups[statement.side or UNKNOWN_SIDE].append(statement.to_dict())
    order = sorted(groups, key=lambda s: (s == UNKNOWN_SIDE, -len(groups[s]), s))
    return {side: groups[side] for side in order}


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    """A light suffix stripper, enough to meet "calls", "called" and "call"; not a lemmatizer."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def _entity_key(name: str, label: str) -> str:
    """Key of an entity name across articles: a person by surname, anything else by its name."""
    words = name.casefold().split()
    return words[-1] if label == "PERSON" and words else " ".join(words)


def _all_mentions(entities: Sequence[EntityRecord]) -> list[tuple[int, int, str, str]]:
    """Every mention of an article as ``(start, end, name, label)``, in text order."""
    return sorted((s, e, ent.name, ent.label) for ent in entities for s, e, _ in ent.mentions)


def _mentions_in(
    mentions: Sequence[tuple[int, int, str, str]], start: int, end: int
) -> list[tuple[int, int, str, str]]:
    """The mentions (from :func:`_all_mentions`) that lie within ``start:end``."""
    first = bisect_left(mentions, (start,))
    return [m for m in mentions[first:bisect_right(mentions, (end,))] if m[1] <= end]


def statement_terms(
    text: str, *, offset: int = 0, mentions: Sequence[tuple[int, int, str, str]] = ()
) -> tuple[dict[str, str], frozenset[str]]:
    """Key terms of a statement: entity names, then content words minus stop and reporting words.

    Args:
        text: the statement's text.
        offset: where ``text`` starts in its article (the mentions' offsets are article offsets).
        mentions: entity mentions inside the statement as ``(start, end, name, label)``.

    Returns:
        ``({key: shown form}, entity keys)``. Words inside an entity mention count as the entity.
        It cannot tell senses apart ("strike" the attack and "strike" the walk-out).
    """
    terms: dict[str, str] = {}
    entity_keys: set[str] = set()
    for m_start, m_end, name, label in mentions:
        key = _entity_key(name, label)
        if key:
            terms.setdefault(key, name)
            entity_keys.add(key)
            a, b = max(m_start - offset, 0), max(m_end - offset, 0)
            text = text[:a] + " " * (b - a) + text[b:]  # the entity's words count as the entity
    for written in _WORD.findall(text):
        written = _unpossessive(written)
        word = written.casefold()
        if len(word) >= 3 and word not in _STOP:
            terms.setdefault(_stem(word), written)
    return terms, frozenset(entity_keys)


def _unpossessive(word: str) -> str:
    """"Russia's" -> "Russia", "states'" -> "states"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


@dataclass(frozen=True, slots=True)
class _Indexed:
    statement: Statement
    group: str
    event: str
    weights: dict[str, float]
    shown: dict[str, str]
    norm: float


def _index_statements(
    statements: Sequence[Statement],
    terms: Sequence[tuple[dict[str, str], frozenset[str]]],
    *,
    group_of: Mapping[str, str],
    event_of: Mapping[str, str],
) -> list[_Indexed]:
    df: Counter[str] = Counter(k for shown, _ in terms for k in shown)
    n = len(statements)
    idf = {k: math.log((n + 1) / (c + 1)) + 1.0 for k, c in df.items()}
    indexed: list[_Indexed] = []
    for statement, (shown, entity_keys) in zip(statements, terms, strict=True):
        weights = {k: idf[k] * (ENTITY_BOOST if k in entity_keys else 1.0) for k in shown}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        indexed.append(_Indexed(statement, group_of[statement.id], event_of.get(statement.article_id, ""),
                                weights, shown, norm))
    return indexed


def _candidates(indexed: Sequence[_Indexed]) -> dict[tuple[int, int], list[float]]:
    """[dot product, shared terms] of every pair that shares a term, same event, different groups.

    Found through an inverted index, so statements that share nothing are never compared. A
    term that would propose more than ``MAX_TERM_PAIRS`` pairs in one event proposes none (it
    still counts in the score of pairs another term proposes).
    """
    postings: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, item in enumerate(indexed):
        if item.group:
            for key in item.weights:
                postings[(item.event, key)][item.group].append(i)
    proposed: set[tuple[int, int]] = set()
    for groups in postings.values():
        if len(groups) < 2:
            continue
        names = sorted(groups)
        sizes = [len(groups[g]) for g in names]
        if (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2 > MAX_TERM_PAIRS:
            continue
        for x, ga in enumerate(names):
            for gb in names[x + 1:]:
                proposed.update((min(i, j), max(i, j)) for i in groups[ga] for j in groups[gb])
    found: dict[tuple[int, int], list[float]] = {}
    for i, j in proposed:
        a, b = indexed[i].weights, indexed[j].weights
        shared = a.keys() & b.keys()
        found[(i, j)] = [sum(a[k] * b[k] for k in shared), float(len(shared))]
    return found


def _side_fields(prefix: str, statement: Statement) -> dict[str, Any]:
    keep = ("id", "article_id", "outlet", "side", "speaker", "kind", "text", "start", "end",
            "sentence_start", "sentence_end")
    data = statement.to_dict()
    return {f"{prefix}_{k}": data[k] for k in keep}


def pair_statements(
    statements: Sequence[Statement],
    *,
    terms: Sequence[tuple[dict[str, str], frozenset[str]]],
    group_of: Mapping[str, str],
    event_of: Mapping[str, str] | None = None,
    event_labels: Mapping[str, str] | None = None,
    threshold: float = PAIR_THRESHOLD,
    min_shared: int = PAIR_MIN_SHARED,
) -> list[dict[str, Any]]:
    """Pair statements of different groups (sides, or chosen speakers) about the same subject.

    Args:
        statements: the statements.
        terms: :func:`statement_terms` of each statement, in the same order.
        group_of: statement id -> its group ("Russia", or a speaker); "" leaves it out of pairing.
        event_of: article id -> event id; statements pair only within one event. None: one event.
        event_labels: event id -> label shown in the rows.
        threshold: least idf-weighted cosine of the two statements' terms.
        min_shared: least number of shared terms.

    Returns:
        Rows ``a_*`` / ``b_*`` (id, article_id, outlet, side, speaker, kind, text, offsets),
        ``group_a``, ``group_b``, ``score``, ``overlap`` (shared terms, weightiest first) and
        ``event``. Greedy by score: each statement pairs with at most one statement of each other
        group, its best one still free. It cannot see that two statements disagree, only that
        they speak of the same things.
    """
    event_of = event_of or {}
    event_labels = event_labels or {}
    indexed = _index_statements(statements, terms, group_of=group_of, event_of=event_of)
    scored: list[tuple[float, int, int]] = []
    for (i, j), (dot, n_shared) in _candidates(indexed).items():
        score = dot / (indexed[i].norm * indexed[j].norm)
        if score >= threshold and n_shared >= min_shared:
            scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    taken: set[tuple[int, str]] = set()
    rows: list[dict[str, Any]] = []
    for score, i, j in scored:
        a, b = indexed[i], indexed[j]
        if (i, b.group) in taken or (j, a.group) in taken:
            continue
        taken.update({(i, b.group), (j, a.group)})
        shared = sorted(a.weights.keys() & b.weights.keys(), key=lambda k: (-a.weights[k] * b.weights[k], k))
        if (a.group, a.statement.start) > (b.group, b.statement.start):
            a, b = b, a
        rows.append({
            **_side_fields("a", a.statement), **_side_fields("b", b.statement),
            "group_a": a.group, "group_b": b.group, "score": round(score, 3),
            "overlap": [a.shown[k] for k in shared], "event": event_labels.get(a.event, a.event),
        })
    return rows


def _speaker_names(names: Iterable[str]) -> dict[str, str]:
    """Name -> the name it is shown under: case folded; a lone surname joins its one full name."""
    names = list(names)
    by_fold: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        by_fold.setdefault(name.casefold(), name)
    surnames: dict[str, set[str]] = defaultdict(set)
    for fold, name in by_fold.items():
        if " " in fold:
            surnames[fold.split()[-1]].add(name)
    shown: dict[str, str] = {}
    for name in names:
        fold = name.casefold()
        full = surnames.get(fold, set())
        shown[name] = next(iter(full)) if " " not in fold and len(full) == 1 else by_fold[fold]
    return shown


def statements_by_speaker(statements: Iterable[Statement]) -> dict[str, list[dict[str, Any]]]:
    """Each speaker's statements across articles, speakers quoted by most outlets first.

    A surname alone ("Ryder") joins the one full name that ends with it ("Pat Ryder"); two
    speakers who share a surname stay apart. It cannot tell two people of the same full name apart.
    """
    named = [s for s in statements if s.speaker.strip()]
    shown = _speaker_names(s.speaker.strip() for s in named)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for statement in named:
        groups[shown[statement.speaker.strip()]].append(statement.to_dict())
    outlets = {k: len({d["outlet"] or d["article_id"] for d in v}) for k, v in groups.items()}
    order = sorted(groups, key=lambda k: (-outlets[k], -len(groups[k]), k))
    return {
        key: sorted(groups[key], key=lambda d: (d["published"] or "", d["outlet"], d["article_id"], d["start"]))
        for key in order
    }


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


def is_party_place(name: str, *, side: str | None = None) -> bool:
    """True for a country, a capital or seat of power, or a place the article treats as a country.

    Such names stand for the parties ("Moscow said"), so they never tell two events apart. An
    invented country counts when the side resolver made it its own side ("Kestria" -> "Kestria").
    """
    key = re.sub(r"^the\s+", "", name.casefold().strip())
    return key in _PARTY_NAMES or (side is not None and side.casefold() == key)


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Profile:
    vector: dict[str, float]  # term -> tf-idf weight, unit length, the weightiest terms only
    lookup: tuple[str, ...]  # the weightiest terms, to find candidate articles
    places: dict[str, float]  # non-party place keys (GPE/LOC/FAC, or any name in the title) -> weight
    in_title: frozenset[str]  # name keys found in the title
    names: dict[str, str]  # name key -> name as written
    scene: tuple[str, ...]  # the weightiest places, as written
    text: str


def _other_scene(a: _Profile, b: _Profile) -> bool:
    """True when neither article names the other's main places: two scenes, two events.

    Checked on the text, not the entities, since the model misses or mislabels names.
    """
    if not a.scene or not b.scene:
        return False
    return not any(_names(b.text, place) for place in a.scene) and not any(_names(a.text, p) for p in b.scene)


def _names(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def is_party(entity: EntityRecord, *, sides: Iterable[str] = ()) -> bool:
    """A country, capital, seat of power or nationality: it names a party, not the scene.

    Lexicon names, names that are their own side ("Kestria"), and one-word names sharing the
    stem of their side or of any side of the article (``sides``): "Valdoran" and "Valdora" when
    "Valdor" is a side, whatever label the model gave them. A town named like a country
    ("Valdorsk") is taken for a party too.
    """
    if entity.label == "NORP" or is_party_place(entity.name, side=entity.side):
        return True
    name = entity.name.casefold()
    stems = {s.casefold()[:5] for s in (*sides, entity.side or "") if len(s) >= 5} | _PARTY_STEMS
    words = name.split()
    if len(words) > 1:  # "Republic of Kestria", "Valdoran Federation"; not "Valdoran province"
        return any(w in STATE_WORDS for w in words) and any(w[:5] in stems for w in words if len(w) >= 5)
    return len(name) >= 5 and name[:5] in stems


def _article_terms(text: str, title: str) -> Counter[str]:
    """Content words of an article (stemmed, stop words out), title words counted ``TITLE_BOOST`` times."""
    counts: Counter[str] = Counter()
    for source, boost in ((text, 1.0), (title, TITLE_BOOST)):
        for word, n in Counter(_WORD.findall(source.casefold())).items():
            key = _unpossessive(word)
            if len(key) >= 3 and key not in _STOP:
                counts[_stem(key)] += boost * n
    return counts


def _entity_places(
    result: ArticleAnalysis, *, sides: Iterable[str] = ()
) -> tuple[dict[str, float], frozenset[str], dict[str, str]]:
    """Places of an article from its entities: GPE/LOC/FAC, or any name in the title, not parties.

    The small model often calls a town ORG or PERSON; a name in the title is taken as a place.
    """
    title = result.article.title
    places: dict[str, float] = {}
    names: dict[str, str] = {}
    in_title: set[str] = set()
    sides = set(sides) | {e.side for e in result.entities if e.side}
    for entity in result.entities:
        key = " ".join(entity.name.casefold().split())
        if not key or is_party(entity, sides=sides):
            continue
        names.setdefault(key, entity.name)
        titled = bool(title) and re.search(rf"\b{re.escape(entity.name)}\b", title) is not None
        if titled:
            in_title.add(key)
        if entity.label in PLACE_LABELS or titled:
            weight = (1.0 + math.log(max(entity.count, 1))) * (TITLE_BOOST if titled else 1.0)
            places[key] = places.get(key, 0.0) + weight
    return places, frozenset(in_title), names


def _profiles(results: Sequence[ArticleAnalysis]) -> list[_Profile]:
    """tf-idf profiles of every article (idf over the set, smoothed so that two articles suffice)."""
    counts = [_article_terms(r.article.text, r.article.title) for r in results]
    sides = {e.side for r in results for e in r.entities if e.side}
    df: Counter[str] = Counter(k for c in counts for k in c)
    n = len(counts)
    profiles: list[_Profile] = []
    for result, terms in zip(results, counts, strict=True):
        weights = {k: (1.0 + math.log(c)) * math.log((n + IDF_PRIOR) / (df[k] + 0.5)) for k, c in terms.items()}
        top = sorted(weights, key=lambda k: (-weights[k], k))[:VECTOR_TERMS]
        norm = math.sqrt(sum(weights[k] ** 2 for k in top)) or 1.0
        places, in_title, names = _entity_places(result, sides=sides)
        scene = tuple(names[k] for k in sorted(places, key=lambda k: (-places[k], k))[:SCENE_PLACES])
        profiles.append(_Profile(vector={k: weights[k] / norm for k in top}, lookup=tuple(top[:LOOKUP_TERMS]),
                                 places=places, in_title=in_title, names=names, scene=scene,
                                 text=f"{result.article.title}\n{result.article.text}"))
    return profiles


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


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
            names.setdefault(key, name)
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
    dates = [_published(r.article.published) for r in results]
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
            score = _cosine(profiles[i].vector, profiles[j].vector)
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
        named_by = {k: sum(_names(p.text.casefold(), k) for p in group) for k in places}
        places = sorted(places, key=lambda k: -named_by[k])  # stable: ties keep the weight order
        first = results[items[0]].article
        label = _event_label(group, places, start, end, fallback=first.title or first.id)
        events.append(Event(id=f"e{n}", label=label, article_ids=tuple(results[i].article.id for i in items),
                            places=tuple(places), start=start, end=end))
    return events


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
        when = _published(other.iso) if other.type == "date" else None
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


# ---- everything ---------------------------------------------------------------------------------
def compare(
    results: Sequence[ArticleAnalysis],
    *,
    pair_threshold: float = PAIR_THRESHOLD,
    window_days: int = EVENT_WINDOW_DAYS,
) -> dict[str, Any]:
    """Compare the statements and figures of analyzed articles.

    Returns the ``comparison`` of the JSON contract: ``statements_by_side``,
    ``statement_pairs`` (sides, within events), ``unpaired``, ``by_speaker``, ``events``,
    ``event_figures`` and ``figure_discrepancies``. Statements without a side are listed under
    ``"unknown"`` and never paired.
    """
    events = cluster_events(results, window_days=window_days)
    event_of = {a: e.id for e in events for a in e.article_ids}
    labels = {e.id: e.label for e in events}
    mentions = {r.article.id: _all_mentions(r.entities) for r in results}
    statements = collect_statements(results)
    terms = [
        statement_terms(s.text, offset=s.start, mentions=_mentions_in(mentions[s.article_id], s.start, s.end))
        for s in statements
    ]
    pairs = pair_statements(statements, terms=terms, group_of={s.id: s.side or "" for s in statements},
                            event_of=event_of, event_labels=labels, threshold=pair_threshold)
    paired = {r["a_id"] for r in pairs} | {r["b_id"] for r in pairs}
    figures = lined_up_figures(results, events)
    return {
        "statements_by_side": statements_by_side(statements),
        "statement_pairs": pairs,
        "unpaired": [s.to_dict() for s in statements if s.id not in paired],
        "by_speaker": statements_by_speaker(statements),
        "events": [e.to_dict() for e in events],
        "event_figures": figures,
        "figure_discrepancies": discrepancies_in(figures, events=events),
    }
