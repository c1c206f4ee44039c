"""Which side (a country or party) a speaker, entity or group belongs to.

Evidence comes from the words themselves ("Moscow", "Russian Defense Ministry"), from the
modifiers of a name where the article mentions it ("Russian Foreign Minister Sergey Lavrov",
"Pentagon Press Secretary Pat Ryder", "Russia's Foreign Ministry"), from the noun a name is
attached to ("the Ukrainian government, including President Volodymyr Zelensky"), and from
what a copular sentence says of a person ("Ryder is the Pentagon's press secretary").
Unknown stays unknown: nothing is guessed. The user's overrides win over everything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from components.entities import EntityIndex
from components.lexicon.sides import COUNTRIES, DEMONYMS, ORIGIN_SUFFIXES, SEATS_OF_POWER

_ATTACHING_PREPS = frozenset({"including", "of", "for", "from", "at"})
_MIN_STEM = 5


def _key(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).lower()


def _is_origin_word(token: Token) -> bool:
    """True for "Russian" in "Russian-made": the demonym names where a thing came from."""
    doc = token.doc
    return (
        token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in ORIGIN_SUFFIXES
    )


class SideResolver:
    """Assigns sides within one article. Build once per article, then query by name or span."""

    def __init__(self, doc: Doc, entities: EntityIndex, *, overrides: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        self.entities = entities
        self.overrides = {_key(k): v for k, v in (overrides or {}).items()}
        self._words = self._side_words(entities)
        self._entity_sides = {e.name: self._entity_side(e.name) for e in entities.entities}

    # -- the word lists, plus this article's own countries and their demonyms -----------------
    @staticmethod
    def _side_words(entities: EntityIndex) -> dict[str, str]:
        words: dict[str, str] = {**DEMONYMS, **COUNTRIES, **SEATS_OF_POWER}
        places = [e for e in entities.entities if e.label == "GPE"]
        for norp in (e for e in entities.entities if e.label == "NORP"):
            key = _key(norp.name)
            if key in words:
                continue
            # a place with a nationality word in the same article is a country: its own side
            stem = [p.name for p in places if _shared_stem(_key(p.name), key)]
            if len(stem) == 1:
                side = words.get(_key(stem[0]), stem[0])
                words[key] = side
                words.setdefault(_key(stem[0]), side)
        return words

    def word_side(self, text: str) -> str | None:
        """Side a single word or name denotes by itself ("Moscow", "Russian", "White House")."""
        key = _key(text)
        if key in self.overrides:
            return self.overrides[key]
        return self._words.get(key)

    # -- evidence around a mention --------------------------------------------------------------
    def _phrase_evidence(self, root: Token, *, exclude: range) -> list[str]:
        found: list[str] = []
        for token in root.subtree:
            if token.i in exclude or token.i > root.i or _is_origin_word(token):
                continue
            if token.dep_ in ("relcl", "acl", "prep", "appos", "conj", "cc", "punct"):
                continue
            side = self._token_side(token)
            if side:
                found.append(side)
        return found

    def _token_side(self, token: Token) -> str | None:
        side = self.word_side(token.text)
        if side:
            return side
        if token.ent_iob_ in ("B", "I"):
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None:
                return self.word_side(ent.text) or self._known_entity_side(ent.text)
        return None

    def _known_entity_side(self, text: str) -> str | None:
        name = self.entities.canonical(text)
        return self.overrides.get(_key(name)) if name and _key(name) in self.overrides else None

    def span_evidence(self, span: Span) -> list[str]:
        """Sides the words of a mention and its noun phrase point to, nearest first."""
        found: list[str] = []
        whole = self.word_side(span.text)
        if whole:
            found.append(whole)
        for token in span:
            if not _is_origin_word(token) and (side := self.word_side(token.text)):
                found.append(side)
        root = span.root
        found += self._phrase_evidence(root, exclude=range(span.start, span.end))
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in _ATTACHING_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            found += self._phrase_evidence(head.head, exclude=range(span.start, span.end))
            found += [s for t in (head.head,) if (s := self._token_side(t))]
        if root.dep_ == "appos":
            found += self._phrase_evidence(head, exclude=range(span.start, span.end))
        for appos in (c for c in root.children if c.dep_ == "appos"):
            found += self._phrase_evidence(appos, exclude=range(span.start, span.end))
        if root.dep_ == "nsubj" and head.lemma_ == "be":
            for attr in (c for c in head.children if c.dep_ == "attr"):
                found += self._phrase_evidence(attr, exclude=range(span.start, span.end))
        return found

    def _entity_side(self, name: str) -> str | None:
        if _key(name) in self.overrides:
            return self.overrides[_key(name)]
        direct = self.word_side(name)
        if direct:
            return direct
        entity = self.entities.get(name)
        if entity is None:
            return None
        votes: Counter[str] = Counter()
        for mention in entity.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                votes.update(self.span_evidence(span)[:1])
        return votes.most_common(1)[0][0] if votes else None

    # -- public ---------------------------------------------------------------------------------
    def side_of(self, name: str | None, *, start: int | None = None, end: int | None = None) -> str | None:
        """Side of a canonical name, or of the phrase at ``start:end`` when the name has none.

        It cannot infer a side from what a person does ("fired a Russian-made missile"), only
        from what the article calls them.
        """
        if not name:
            return None
        if _key(name) in self.overrides:
            return self.overrides[_key(name)]
        side = self._entity_sides.get(name) or self.word_side(name)
        if side:
            return side
        for word in name.split():
            if (side := self.word_side(word)) is not None:
                return side
        if start is not None and end is not None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (evidence := self.span_evidence(span)):
                return evidence[0]
        entity_name = self.entities.canonical(name)
        if entity_name and (side := self._entity_sides.get(entity_name)):
            return side
        return self._side_elsewhere(name)

    def _side_elsewhere(self, name: str) -> str | None:
        """What the article says of a name where it is written out ("Russia's Foreign Ministry")."""
        votes: Counter[str] = Counter()
        for match in re.finditer(re.escape(name), self.doc.text, flags=re.IGNORECASE):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                votes.update(self.span_evidence(span)[:1])
        return votes.most_common(1)[0][0] if votes else None

    def entity_sides(self) -> dict[str, str | None]:
        return dict(self._entity_sides)


def _shared_stem(a: str, b: str) -> bool:
    """"kestria" and "kestrian" share a stem; "iran" and "iraq" do not."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= _MIN_STEM and n >= min(len(a), len(b)) - 2


def sides_in(resolvers: Iterable[SideResolver]) -> list[str]:
    """Every side any entity of the given articles was assigned, most frequent first."""
    counts: Counter[str] = Counter()
    for resolver in resolvers:
        counts.update(s for s in resolver.entity_sides().values() if s)
    return [s for s, _ in counts.most_common()]
