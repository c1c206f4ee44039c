"""One parsed article in, its records out: entities, quotes, figures, with sides attached.

:func:`analyze_doc` is a pure function of an article and its ``Doc``: it never parses and never
touches the page. Its result, :class:`ArticleAnalysis`, holds no spaCy objects (it pickles small)
and is what every layer above reads: the comparison, the tables, the store of a corpus run.
:class:`AnalysisSettings` is what the user can change about it (saved with the workspace).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc

from components.ingest.article import Article
from components.language.attribution import attribute
from components.language.doctext import doc_text
from components.language.entities import EntityIndex, extract_entities
from components.language.figure_context import is_party, name_key, place_mentions, proper_names, with_context
from components.language.figures import Figure, extract_figures
from components.language.quotes import Quote, extract_quotes
from components.language.sides import SideResolver
from components.language.terms import doc_terms, span_terms, title_terms


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """What the user can change about the analysis (saved with the workspace).

    Both fields are tuples so the settings are hashable and can key caches.
    """

    alias_groups: tuple[tuple[str, ...], ...] = ()
    side_overrides: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> AnalysisSettings:
        data = data or {}
        groups = tuple(tuple(str(n) for n in g) for g in data.get("alias_groups", ()) if len(g) >= 2)
        overrides = tuple(sorted((str(k), str(v)) for k, v in dict(data.get("side_overrides", {})).items() if v))
        return cls(alias_groups=groups, side_overrides=overrides)

    def to_mapping(self) -> dict[str, Any]:
        return {"alias_groups": [list(g) for g in self.alias_groups], "side_overrides": dict(self.side_overrides)}

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.to_mapping(), sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity as the contract shows it: canonical name, label, count, aliases, side, mentions.

    ``side`` is the side's display name ("United States", "Kestria"); ``side_key`` its key, the same
    for every spelling of one country: the ISO 3166-1 alpha-3 code of a real country ("USA"), "x-"
    and the name for an article's own ("x-kestria"); see ``components.language.sides.side_key``.
    """

    name: str
    label: str
    count: int
    aliases: tuple[str, ...]
    side: str | None
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, text as written)
    side_key: str | None = None  # ISO alpha-3 for a real country, "x-<name>" for an article's invented one
    party: bool = False  # a country, capital, seat of power or nationality: it names a side, not a scene

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "label": self.label, "count": self.count, "aliases": list(self.aliases),
            "side": self.side, "side_key": self.side_key, "party": self.party,
            "mentions": [{"start": s, "end": e, "text": t} for s, e, t in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything extracted from one article. Holds no spaCy objects, so it pickles small."""

    article: Article
    entities: tuple[EntityRecord, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    # what the comparison weighs (not in the JSON contract): the article's terms with their counts,
    # its title's terms, and the keys of every proper name in its text and in its title
    terms: tuple[tuple[str, int], ...] = ()
    title_terms: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()
    title_names: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "id": art.id, "title": art.title, "outlet": art.outlet, "author": art.author,
            "published": art.published, "url": art.url, "source": art.source, "n_words": art.n_words,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
        }


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def analyze_doc(article: Article, doc: Doc, *, settings: AnalysisSettings) -> ArticleAnalysis:
    """Extract entities, quotes and figures from one parsed article and attach sides.

    A pure function of its inputs: it never parses and never touches the page.
    """
    index: EntityIndex = extract_entities(doc, alias_groups=settings.alias_groups)
    resolver = SideResolver(doc, index, overrides=dict(settings.side_overrides))
    attributions = attribute(doc, entities=index)
    mentions = [(m.start, m.end) for m in index.mentions()]
    quotes = tuple(
        replace(q, side=side, side_key=resolver.side_key(side),
                terms=span_terms(doc, q.parts or ((q.start, q.end),), skip=mentions))
        for q in extract_quotes(doc, entities=index, attributions=attributions)
        for side in (resolver.side_of(q.speaker, start=q.speaker_start, end=q.speaker_end),)
    )
    published = _published(article)
    entity_sides = resolver.entity_sides()
    sides = {s for s in entity_sides.values() if s}
    entities = tuple(
        EntityRecord(
            name=e.name, label=e.label, count=e.count, aliases=e.aliases, side=entity_sides.get(e.name),
            mentions=tuple((m.start, m.end, m.text) for m in e.mentions),
            side_key=resolver.side_key(entity_sides.get(e.name)),
            party=is_party(e.name, e.label, entity_sides.get(e.name), sides=sides),
        )
        for e in index.entities
    )
    places = place_mentions((s, end, e.name, e.label, e.party) for e in entities for s, end, _ in e.mentions)
    figures = tuple(
        replace(f, group_side=_group_side(resolver, f.group)) if f.group else f
        for f in with_context(doc, extract_figures(doc, entities=index, published=published, attributions=attributions),
                              mentions=places, published=published)
    )
    names = frozenset(name_key(e.name) for e in entities) | frozenset(proper_names(doc, 0, len(doc_text(doc))))
    return ArticleAnalysis(
        article=article, entities=entities, quotes=quotes, figures=figures,
        terms=tuple(sorted(doc_terms(doc).items())), title_terms=title_terms(article.title, doc),
        names=names, title_names=_title_names(article.title),
    )


def _group_side(resolver: SideResolver, group: str) -> str | None:
    """The side a group of people belongs to, by its words ("US service members", "Afghan soldiers")."""
    return next((side for word in group.split() if (side := resolver.word_side(word))), None)


def _title_names(title: str) -> frozenset[str]:
    """Keys of the capitalised runs of a title ("Drone strike on Marlow port" -> "marlow")."""
    found: set[str] = set()
    run: list[str] = []
    for word in [*title.split(), ""]:
        clean = word.strip(".,;:!?\"'“”‘’()[]")
        if clean[:1].isupper() and clean.isalpha() and not (not run and clean.lower() in _TITLE_OPENERS):
            run.append(clean)
            continue
        if run:
            found.add(name_key(" ".join(run)))
            run = []
    return frozenset(found)


_TITLE_OPENERS = frozenset({"the", "a", "an"})
