"""Who says it: speaker phrases resolved to canonical names, in text order.

Names go to canonical entities (titles dropped, surnames to full names), pronouns to the nearest
compatible earlier speaker, "the ministry" / "the minister" / "the statement" to the earlier
organisation, person or document, "a spokesman for the ministry" to the ministry.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Token

from components.language.entities import EntityIndex, Mention
from components.language.lexicon import quotes as lex
from components.language.lexicon.names import LEADING_DETERMINERS, TITLE_WORDS
from components.language.quote_marks import QuotedDoc
from components.language.statements import subject_of

SpeakerType = Literal["person", "organisation", "country-or-capital", "document", "unnamed"]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    type: SpeakerType
    text: str
    start: int | None
    end: int | None
    position: int  # where the speaker was named (orders the history)


#: How far back a speaker phrase is resolved: the latest LOOKBACK speakers and entity mentions of
#: the labels asked for. An article names far fewer; a text that repeats one phrase thousands of
#: times must not make every resolution read them all (the work stays linear in the article).
LOOKBACK = 100
#: Earlier words of the same lemma read for a bare noun ("the ministry" -> "Norlund Interior
#: Ministry"), nearest first: each costs a phrase and an organisation lookup.
SAME_WORD_LOOKBACK = 20
_PERSON = frozenset({"PERSON"})
_ORG = frozenset({"ORG"})

_MENTION_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country-or-capital", "LOC": "country-or-capital",
    "FAC": "organisation", "NORP": "unnamed",
}


def _strip_det(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in LEADING_DETERMINERS:
        words = words[1:]
    return " ".join(words)


class Resolver:
    """Turns speaker phrases into canonical names, remembering who spoke before."""

    def __init__(self, art: QuotedDoc, entities: EntityIndex) -> None:
        self.art = art
        self.doc = art.doc
        self.text = art.text
        self.entities = entities
        self.mentions: list[Mention] = entities.mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.history: list[Speaker] = []
        self.gender: dict[str, str] = {}
        self._roles: dict[str, set[str]] | None = None
        self._labelled: dict[frozenset[str], tuple[list[Mention], list[int]]] = {}
        self._lemma_positions: dict[str, list[int]] | None = None
        self._phrases: dict[int, list[Token]] = {}
        for m in self.mentions:
            if m.label == "PERSON":
                before = self.text[max(0, m.start - 12):m.start].split()
                if before and (g := lex.HONORIFIC_GENDER.get(before[-1].lower().rstrip("."))):
                    self.gender.setdefault(m.name, g)

    # entity lookups -------------------------------------------------------------------------------
    def mention_at(self, token: Token) -> Mention | None:
        k = bisect.bisect_right(self.mention_starts, token.idx) - 1
        if k >= 0 and self.mentions[k].start <= token.idx < self.mentions[k].end:
            return self.mentions[k]
        return None

    def _mentions_in(self, tokens: Iterable[Token]) -> list[Mention]:
        seen: dict[int, Mention] = {}
        for tok in tokens:
            m = self.mention_at(tok)
            if m is not None:
                seen[m.start] = m
        return list(seen.values())

    def _mentions_before(self, char: int, labels: frozenset[str]) -> Iterator[Mention]:
        """Mentions with one of ``labels`` that start before ``char``, latest first, at most :data:`LOOKBACK`."""
        found = self._labelled.get(labels)
        if found is None:
            chosen = [m for m in self.mentions if m.label in labels]
            found = self._labelled[labels] = (chosen, [m.start for m in chosen])
        chosen, starts = found
        k = bisect.bisect_left(starts, char)
        for j in range(k - 1, max(k - LOOKBACK, 0) - 1, -1):
            yield chosen[j]

    def _recent(self) -> list[Speaker]:
        """The latest :data:`LOOKBACK` speakers, latest first."""
        return self.history[: -LOOKBACK - 1 : -1]

    def _earlier_same_word(self, head: Token) -> Iterator[Token]:
        """Earlier tokens with the lemma of ``head``, nearest first, at most :data:`SAME_WORD_LOOKBACK`."""
        if self._lemma_positions is None:
            self._lemma_positions = {}
            for tok in self.doc:
                self._lemma_positions.setdefault(tok.lemma_.lower(), []).append(tok.i)
        positions = self._lemma_positions.get(head.lemma_.lower(), [])
        k = bisect.bisect_left(positions, head.i)
        for j in range(k - 1, max(k - SAME_WORD_LOOKBACK, 0) - 1, -1):
            yield self.doc[positions[j]]

    def _subject_mentions_before(self, char: int, labels: frozenset[str]) -> Iterator[tuple[int, str, str]]:
        """(position, name, label) of entity mentions before ``char`` that are subjects, latest first."""
        for m in self._mentions_before(char, labels):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in lex.SALIENT_DEPS:
                yield m.start, m.name, m.label

    def roles(self) -> dict[str, set[str]]:
        """Role nouns each person is given in the text ("Foreign Minister X" -> minister)."""
        if self._roles is None:
            self._roles = {}
            for m in self.mentions:
                if m.label != "PERSON":
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                words = [t for t in self.doc[root.left_edge.i:span.start]]
                words += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
                if root.dep_ == "appos":
                    words += [t for t in root.head.subtree if t.i < root.i]
                found = {t.lemma_.lower() for t in words if t.lemma_.lower() in lex.PERSON_ROLE_NOUNS}
                if found:
                    self._roles.setdefault(m.name, set()).update(found)
        return self._roles

    # phrases ---------------------------------------------------------------------------------------
    def _phrase(self, head: Token) -> list[Token]:
        """The speaker phrase: the head with its determiners, modifiers and "of X" / "for X" (once per token)."""
        phrase = self._phrases.get(head.i)
        if phrase is None:
            phrase = self._phrases[head.i] = self._build_phrase(head)
        return list(phrase)

    def _build_phrase(self, head: Token) -> list[Token]:
        keep = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in lex.SPEAKER_NP_DEPS or (
                    child.dep_ == "pobj" and tok.dep_ == "prep"
                ) or (child.dep_ == "prep" and child.lower_ in lex.SPEAKER_OF_PREPS and tok.i == head.i):
                    keep.append(child)
                    stack.append(child)
        keep.sort(key=lambda t: t.i)
        # one contiguous stretch around the head
        lo = hi = keep.index(head)
        while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
            lo -= 1
        while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
            hi += 1
        phrase = keep[lo:hi + 1]
        while len(phrase) > 1 and (phrase[0].is_punct or phrase[0].is_space):
            phrase = phrase[1:]
        while len(phrase) > 1 and (phrase[-1].is_punct or phrase[-1].is_space):
            phrase = phrase[:-1]
        return phrase

    def _text(self, tokens: Sequence[Token]) -> tuple[str, int, int]:
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        start, end = first.idx, last.idx + len(last.text)
        return self.text[start:end], start, end

    def _remember(self, speaker: Speaker) -> Speaker:
        self.history.append(speaker)
        return speaker

    # resolution ----------------------------------------------------------------------------------
    def resolve(self, head: Token) -> Speaker | None:
        """Resolve a speaker phrase (given by its head) to a canonical name and a type."""
        lower = head.lower_
        if head.pos_ == "PRON" or lower in lex.PRONOUNS:
            if lower in lex.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                return self.resolve(head.head.head)
            if lower in lex.PRONOUNS:
                return self._pronoun(head)
            return None
        phrase = self._phrase(head)
        text, start, end = self._text(phrase)
        found: tuple[str, SpeakerType] | None = None
        appos = self._named_apposition(head)
        if appos is not None:  # "the town's mayor, Lena Hradec,": the name
            found = self._named(appos, self._phrase(appos))
            text, start, end = self._text([*phrase, *self._phrase(appos)])
        if found is None or found[1] == "unnamed":
            text, start, end = self._text(phrase)
            found = self._named(head, phrase)
        if found is None:
            return None
        misattached = [c for c in head.lefts if c.dep_ in lex.MISATTACHED_NAME_DEPS and c.i < phrase[0].i]
        if misattached and self.mention_at(head) is None:  # "Governor X of Tavrin region": all of it
            text, start, end = self._text([self.doc[misattached[0].left_edge.i], *phrase])
        name, kind = found
        return self._remember(Speaker(name, kind, text, start, end, start))

    def _named_apposition(self, head: Token) -> Token | None:
        """The apposition that names a described speaker ("its head, Deputy Minister X,")."""
        if self.mention_at(head) is not None:
            return None
        for child in head.children:
            if child.dep_ == "appos":
                mention = self.mention_at(child)
                if mention is not None and mention.label in {"PERSON", "ORG", "GPE"}:
                    return child
        return None

    def _named(self, head: Token, phrase: list[Token]) -> tuple[str, SpeakerType] | None:
        lemma = head.lemma_.lower()
        mentions = self._mentions_in(phrase)
        person = next((m for m in mentions if m.label == "PERSON" and m.start <= head.idx < m.end), None)
        if person is None and self.mention_at(head) is None and lemma not in lex.NON_PERSON_SPEAKER_HEADS:
            # the parse hung the name on a common noun after it: "Governor X of Tavrin region"
            person = next((m for child in head.lefts if child.dep_ in lex.MISATTACHED_NAME_DEPS
                           and (m := self.mention_at(child)) is not None and m.label == "PERSON"), None)
        if person is not None:
            return person.name, "person"
        modifiers = [t for t in phrase if t.i != head.i and t.dep_ not in {"det", "case", "predet"}]
        if lemma in lex.DOCUMENT_NOUNS:
            org = self._document_source(head, modifiers)
            return (org, "document") if org else (head.text.lower(), "document")
        if lemma in lex.SPOKESPERSON_NOUNS or lemma in lex.SOURCE_NOUNS or lemma in lex.PERSON_ROLE_NOUNS:
            org_words = [t for t in modifiers if t.ent_type_ != "NORP" and t.lemma_.lower() not in lex.PERSON_ROLE_NOUNS
                         and (t.pos_ in {"PROPN", "NOUN"} or t.dep_ in {"pobj", "poss"})]
            org = self._org(org_words) if org_words else None
            if org and lemma in lex.SPOKESPERSON_NOUNS:  # a spokesman speaks for the organisation
                return org, "organisation"
            if org and lemma in lex.SOURCE_NOUNS:  # an unnamed source stays one: "Defence Ministry source"
                return f"{org} {head.text}", "unnamed"
            if lemma in lex.PERSON_ROLE_NOUNS and any(t.lower_ in {"the", "his", "her", "their"} for t in phrase):
                person = self._by_role(lemma, head.idx)
                if person:
                    return person, "person"
            return _strip_det(self._text(phrase)[0]), "unnamed"
        covering = next((m for m in mentions if m.start <= head.idx < m.end), None)
        if covering is not None:
            return _org_case(covering.name), _MENTION_TYPES.get(covering.label, "unnamed")
        if lemma in lex.ORG_HEAD_NOUNS:
            org = self._org([*modifiers, head])
            if org:
                return org, "organisation"
        text = " ".join(t.text for t in phrase)
        canonical = self.entities.canonical(text)
        if canonical:
            label = self.entities.label_of(canonical) or ""
            return canonical, _MENTION_TYPES.get(label, "unnamed")
        words = _strip_det(self._text(phrase)[0]).split()
        if head.pos_ == "PROPN":
            while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
                words = words[1:]
            return " ".join(words), "person" if len(words) <= 4 else "organisation"
        return " ".join(words) or head.text, "unnamed"

    def _issuer(self, head: Token) -> list[Token]:
        """The words naming who issued a document: its possessor, its name words, or "from X"."""
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"}:
                return [t for t in child.subtree if t.dep_ != "case"]
        names = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.pos_ in {"NOUN", "PROPN"}]
        if names:
            return [t for t in self.doc[names[0].left_edge.i : head.i] if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in lex.SPEAKER_OF_PREPS:
                return [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
        return []

    def _document_source(self, head: Token, modifiers: Sequence[Token]) -> str | None:
        """Who issued a document: "the ministry's statement", or the earlier "X issued a statement"."""
        issuer = self._issuer(head)
        org = self._org(issuer) if issuer else None
        if org:
            return org
        for tok in self._earlier_same_word(head):
            issuer = self._issuer(tok)
            org = self._org(issuer) if issuer else None
            if org:
                return org
            if tok.dep_ == "dobj" and (subject := subject_of(tok.head)) is not None and subject.pos_ != "PRON":
                found = self._named(subject, self._phrase(subject))
                if found and found[1] != "unnamed":
                    return found[0]
        return self._last(lambda s: s.type == "document") or self._last(
            lambda s: s.type in {"organisation", "country-or-capital"}
        )

    def _org(self, tokens: Sequence[Token]) -> str | None:
        """Canonical name of an organisation phrase ("the ministry", "Defense Ministry")."""
        tokens = [t for t in tokens if not (t.dep_ in {"det", "case", "prep"} or t.is_punct)]
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"}] or tokens
        org_head = next((t for t in nouns if t.head.i not in inside or t.head.i == t.i), nouns[-1])
        covering = self.mention_at(org_head)
        if covering is not None and covering.label != "NORP":
            return _org_case(covering.name)
        text = " ".join(t.text for t in tokens)
        canonical = self.entities.canonical(text)
        if canonical:
            return _org_case(canonical)
        words = [t.lower_ for t in tokens]
        bare = len(tokens) == 1 and org_head.pos_ != "PROPN"
        if bare:  # "the ministry": the one named before
            earlier = self._earlier_org(org_head)
            if earlier:
                return earlier
        for spk in self._recent():
            if spk.type in {"organisation", "document"} and _ends_with(spk.name, words):
                return spk.name
        for m in self._mentions_before(org_head.idx, _ORG):
            if _ends_with(m.name, words):
                return m.name
        lemma = org_head.lemma_.lower()
        written = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        if lemma in lex.ORG_HEAD_NOUNS or org_head.pos_ == "PROPN":
            return written if bare else _org_case(written)  # a lone "ministry" is no name
        return None

    def _earlier_org(self, head: Token) -> str | None:
        """The nearest earlier phrase with the same head noun and a name: "Norlund Interior Ministry"."""
        for tok in self._earlier_same_word(head):
            phrase = [t for t in self._phrase(tok) if t.dep_ not in {"det", "case", "predet"}]
            if len(phrase) > 1:
                found = self._org(phrase)
                if found:
                    return found
        return None

    def _by_role(self, role: str, char: int) -> str | None:
        roles = self.roles()
        for spk in self._recent():
            if spk.type == "person" and role in roles.get(spk.name, ()):
                return spk.name
        for m in self._mentions_before(char, _PERSON):
            if role in roles.get(m.name, ()):
                return m.name
        return None

    def _last(self, test: Any) -> str | None:
        return next((s.name for s in self._recent() if test(s)), None)

    def _pronoun(self, head: Token) -> Speaker | None:
        kind, gender = lex.PRONOUNS[head.lower_]
        start, end = head.idx, head.idx + len(head.text)
        if kind == "person":
            options: list[tuple[int, str]] = [
                (s.position, s.name) for s in reversed(self._recent()) if s.type == "person" and s.position < start
            ]
            subj = next((
                (pos, name) for pos, name, _ in self._subject_mentions_before(start, _PERSON)
                if gender is None or self.gender.get(name, gender) == gender
            ), None)
            options = [o for o in options if gender is None or self.gender.get(o[1], gender) == gender]
            if subj:
                options.append(subj)
            para = self.art.para_of(start)
            if not any(self.art.para_of(pos) == para for pos, _ in options):
                # nobody spoke or was the subject in this paragraph yet: a person it names is
                # whom the pronoun means ("Halina Rusk's husband ... "...," she said")
                options += self._paragraph_people(para, start, gender)
            if not options:
                options = [(m.start, m.name) for m in self._mentions_before(start, _PERSON)][:1]
            if not options:
                return None
            name = max(options)[1]
            if gender:
                self.gender.setdefault(name, gender)
            return self._remember(Speaker(name, "person", head.text, start, end, start))
        for spk in self._recent():
            if spk.type != "person" and spk.position < start:
                return self._remember(Speaker(spk.name, spk.type, head.text, start, end, start))
        subj = next(self._subject_mentions_before(start, frozenset({"ORG", "GPE"})), None)
        if subj:
            return self._remember(Speaker(subj[1], _MENTION_TYPES[subj[2]], head.text, start, end, start))
        return None

    def _paragraph_people(self, para: int, before: int, gender: str | None) -> list[tuple[int, str]]:
        """(position, name) of the people named in paragraph ``para`` before ``before``, any role
        (the latest :data:`LOOKBACK`, in text order)."""
        found: list[tuple[int, str]] = []
        for m in self._mentions_before(before, _PERSON):
            if self.art.para_of(m.start) != para:
                break  # mentions are in text order: the earlier ones are in earlier paragraphs
            if gender is None or self.gender.get(m.name, gender) == gender:
                found.append((m.start, m.name))
        return found[::-1]

    def inherit(self, char: int) -> Speaker | None:
        last = next((s for s in self._recent() if s.position < char), None)
        if last is None:
            return None
        return Speaker(last.name, last.type, "", None, None, last.position)


def _org_case(name: str) -> str:
    """Write an institution's name capitalised: "the foreign ministry" is "Foreign Ministry"."""
    words = name.split()
    if not words or words[-1].lower() not in lex.CAPITALISED_ORG_HEADS:
        return name
    return " ".join(
        w if (k and w.lower() in lex.TITLE_SMALL_WORDS) else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )


def _ends_with(name: str, words: Sequence[str]) -> bool:
    parts = name.lower().split()
    return len(parts) >= len(words) and parts[len(parts) - len(words):] == list(words)
