"""Statements side by side: every quote as a flat record, grouped by side and by speaker, and paired.

Pairs of statements of different sides about the same subject (shared entity names and key
terms, scored by an idf-weighted cosine, with the terms that paired them); the statements left
without a counterpart; and each speaker's statements across outlets.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from components.compare.terms import STOP, WORD, stem, unpossessive
from components.language.extract import ArticleAnalysis, EntityRecord

UNKNOWN_SIDE = "unknown"
PAIR_THRESHOLD = 0.2  # idf-weighted cosine of two statements' terms
PAIR_MIN_SHARED = 2  # shared terms needed to pair, whatever the score
ENTITY_BOOST = 1.5  # an entity name weighs this much more than a word
MAX_TERM_PAIRS = 1_000  # a term proposing more pairs than this in one event proposes none


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


def _entity_key(name: str, label: str) -> str:
    """Key of an entity name across articles: a person by surname, anything else by its name."""
    words = name.casefold().split()
    return words[-1] if label == "PERSON" and words else " ".join(words)


def all_mentions(entities: Sequence[EntityRecord]) -> list[tuple[int, int, str, str]]:
    """Every mention of an article as ``(start, end, name, label)``, in text order."""
    return sorted((s, e, ent.name, ent.label) for ent in entities for s, e, _ in ent.mentions)


def mentions_in(
    mentions: Sequence[tuple[int, int, str, str]], start: int, end: int
) -> list[tuple[int, int, str, str]]:
    """The mentions (from :func:`all_mentions`) that lie within ``start:end``."""
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
    blanks: list[tuple[int, int]] = []
    for m_start, m_end, name, label in mentions:
        key = _entity_key(name, label)
        if key:
            terms.setdefault(key, name)
            entity_keys.add(key)
            blanks.append((max(m_start - offset, 0), max(m_end - offset, 0)))
    for written in WORD.findall(_blanked(text, blanks)):
        written = unpossessive(written)
        word = written.casefold()
        if len(word) >= 3 and word not in STOP:
            terms.setdefault(stem(word), written)
    return terms, frozenset(entity_keys)


def _blanked(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``text`` with each range replaced by as many spaces (the entity's words count as the entity).

    The same string as ``text = text[:a] + " " * (b - a) + text[b:]`` for each range in turn, built
    in time linear in the text and the ranges. A range past the end of the text (a split quote's
    offsets run past its joined text) adds its spaces at the end, as that slicing does.
    """
    if not ranges:
        return text
    chars = list(text)
    for a, b in ranges:
        if a >= len(chars):
            chars.extend(" " * (b - a))
            continue
        if b > len(chars):
            chars.extend(" " * (b - len(chars)))
        chars[a:b] = " " * (b - a)
    return "".join(chars)


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
