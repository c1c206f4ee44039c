"""Who claims a figure, and where it happened.

A figure's source is the speaker of the attribution that governs it in its own sentence
("according to X" or a reporting verb whose clause holds the figure: "X said", "X reported").
A sentence with no attribution at all takes the last attribution of the sentence just before
it when both are in the same paragraph and that attribution is reported speech, not a closed
quotation ("According to the governor, the strike hit a market. Six people were killed." ->
the governor). The carry-over reaches one sentence only, never across a paragraph break and
never from a sentence whose attributed words are in quotation marks. A subset with no source
takes its parent's. Names go through the entity index: "the ministry" is the ministry the
article named before, "he" the person named last.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from components.language.entities import EntityIndex, Mention
from components.language.figure_draft import Draft
from components.language.lexicon import figures as lex
from components.language.lexicon.names import TITLE_WORDS
from components.language.numbers import lemma_of

_QUOTES = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
#: How many earlier mentions of the labels asked for a pronoun or a bare noun is resolved against.
LOOKBACK = 100


@dataclass(frozen=True, slots=True)
class _Attribution:
    name: str | None
    cue: Token
    scope: tuple[int, int]  # token range it governs
    exclude: tuple[int, int]  # the speaker's own tokens
    quoted: bool
    tier: int  # 0: speech ("said", "according to"); 1: evidence ("counted", "estimated")
    named: bool = False  # an evidence verb whose subject names a body of its own ("the Tessaline ministry")


class Names:
    """Turns the noun phrase of a speaker into a canonical name, with the article's entities."""

    def __init__(self, doc: Doc, entities: EntityIndex) -> None:
        self.doc = doc
        self.entities = entities
        self.mentions: list[Mention] = entities.mentions()
        self.starts = [m.start for m in self.mentions]
        self._labelled: dict[frozenset[str], tuple[list[Mention], list[int]]] = {}

    def mention_at(self, token: Token) -> Mention | None:
        k = bisect_right(self.starts, token.idx) - 1
        while k >= 0 and self.mentions[k].start > token.idx - 200:
            m = self.mentions[k]
            if m.start <= token.idx < m.end:
                return m
            k -= 1
        return None

    def last_before(self, char: int, labels: frozenset[str], *, word: str | None = None) -> Mention | None:
        """The latest mention with one of ``labels`` (and ``word`` in its name) ending by ``char``,
        among the latest :data:`LOOKBACK` of those labels (the work stays linear in the article)."""
        found = self._labelled.get(labels)
        if found is None:
            chosen = [m for m in self.mentions if m.label in labels]
            found = self._labelled[labels] = (chosen, [m.start for m in chosen])
        chosen, starts = found
        k = bisect_right(starts, char) - 1
        for j in range(k, max(k - LOOKBACK, -1), -1):
            m = chosen[j]
            if m.end <= char and (word is None or word in m.name.lower().split()):
                return m
        return None

    def person_before(self, pronoun: Token) -> str | None:
        """"he"/"she": the person who is the subject of the sentence before, else the last person named.

        The small model misses some names; a proper-noun subject of the previous sentence that is
        no place or organisation counts as a person ("Governor Hanne Solvik ... disputed that.
        She said ...").
        """
        sent = pronoun.sent
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            for tok in previous:
                if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.i == tok.head.head.i:
                    mention = self.mention_at(tok)
                    titled = any(c.lower_.rstrip(".") in TITLE_WORDS for c in tok.lefts)  # "Governor X"
                    if mention is not None and (mention.label == "PERSON" or titled):
                        return mention.name
                    if mention is None and (tok.ent_type_ in ("", "PERSON") or titled):
                        return _speaker_phrase(self.doc, tok, titles=False)
        found = self.last_before(pronoun.idx, frozenset({"PERSON"}))
        return found.name if found else None

    def name(self, head: Token) -> str | None:
        low = head.lower_
        if head.lower_ in ("who", "which", "that") and head.head.dep_ in ("relcl", "acl"):
            return self.name(head.head.head)  # "the service, which had given a toll of 12"
        if head.pos_ == "PRON" or low in lex.PERSON_PRONOUNS | lex.ORG_PRONOUNS:
            if low in lex.PERSON_PRONOUNS:
                return self.person_before(head)
            if low in lex.ORG_PRONOUNS:
                found = self.last_before(head.idx, frozenset({"ORG"}))
                return found.name if found else None
            return None
        for child in head.children:  # "the town's mayor, Lena Hradec"
            if child.dep_ == "appos" and (m := self.mention_at(child)) and m.label in ("PERSON", "ORG"):
                return m.name
        lem = lemma_of(head)
        if lem in lex.PROXY_NOUNS or lem in lex.MEMBER_NOUNS:
            for child in head.children:
                if child.dep_ == "poss" and lem in lex.PROXY_NOUNS:
                    return self.name(child)
                if child.dep_ == "prep" and child.lower_ in lex.PROXY_PREPOSITIONS:
                    for pobj in child.children:
                        if pobj.dep_ != "pobj":
                            continue
                        if lem in lex.PROXY_NOUNS:
                            return self.name(pobj)
                        if (m := self.mention_at(pobj)) and m.label == "ORG":
                            return m.name
        mention = self.mention_at(head)
        if mention is None and lem in lex.PROXY_NOUNS:  # "a Defense Ministry statement"
            for child in head.lefts:
                if child.dep_ in ("compound", "nmod", "poss") and (m := self.mention_at(child)) and m.label == "ORG":
                    mention = m
        if mention is not None and mention.label != "NORP":
            return mention.name
        phrase = _speaker_phrase(self.doc, head)
        if head.pos_ == "NOUN" and phrase.lower().split()[-1:] == [low]:
            found = self.last_before(head.idx, frozenset({"ORG"}), word=low)
            words = phrase.lower().split()
            if found is not None and all(w in found.name.lower() for w in words):
                return found.name
        canonical = self.entities.canonical(phrase)
        return canonical or phrase


def _speaker_phrase(doc: Doc, head: Token, *, titles: bool = True) -> str:
    """The head with its left modifiers, no determiner ("local officials"); ``titles=False`` also
    drops titles and ranks before a name ("Governor Hanne Solvik" -> "Hanne Solvik")."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "case"):
            start = min(start, child.left_edge.i)
    while start < head.i and (
        doc[start].lower_ in ("the", "a", "an") or (not titles and doc[start].lower_.rstrip(".") in TITLE_WORDS)
    ):
        start += 1
    return doc[start : head.i + 1].text


def _quoted_chars(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTES.finditer(text)]


def _reporting_subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or a conjoined verb's subject."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        head = verb.head  # "He said ... and claimed that ...": the first verb's subject
        if verb.dep_ != "conj" or not (lemma_of(head) in lex.SPEECH_VERBS or lemma_of(head) in lex.EVIDENCE_VERBS):
            return None
        verb = head
    return None


def _attributions(sent: Span, names: Names, quotes: Sequence[tuple[int, int]]) -> list[_Attribution]:
    found: list[_Attribution] = []
    doc = sent.doc
    for tok in sent:
        lem = lemma_of(tok)
        if tok.lower_ == lex.ACCORDING_TO[0] and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == lex.ACCORDING_TO[1]:
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                clause = _clause_of(tok)
                scope_head = clause if clause.dep_ in ("relcl", "acl") else sent.root
                span = (tok.i, pobj.right_edge.i + 1)
                found.append(_make(sent, names.name(pobj), tok, scope_head, span, quotes, tier=0))
        elif tok.lower_ in lex.CITING and tok.dep_ in ("advcl", "prep", "xcomp"):
            pobj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            if pobj is not None:
                span = (tok.i, pobj.right_edge.i + 1)
                found.append(_make(sent, names.name(pobj), tok, _clause_of(tok), span, quotes, tier=0))
        elif tok.pos_ == "VERB" and (lem in lex.SPEECH_VERBS or lem in lex.EVIDENCE_VERBS):
            subject = _reporting_subject(tok)
            if subject is None:
                continue
            if tok.dep_ == "parataxis":  # "..., officials said, ..." governs the whole sentence
                scope_head = sent.root
            elif tok.dep_ == "acl":  # "the 21 dead announced by officials"
                scope_head = tok.head
            else:
                scope_head = tok
            span = (subject.left_edge.i, subject.right_edge.i + 1)
            tier = 0 if lem in lex.SPEECH_VERBS else 1
            found.append(_make(sent, names.name(subject), tok, scope_head, span, quotes, tier=tier,
                               named=tier == 1 and _named_subject(subject)))
    return found


def _named_subject(subject: Token) -> bool:
    """A subject that names a body of its own ("the Tessaline foreign ministry"), not a part of the
    speaker's ("its team") or a common noun ("the count")."""
    words = list(subject.subtree)
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in words) and not any(
        t.tag_ == "PRP$" or t.pos_ == "PRON" for t in words
    )


def _clause_of(token: Token) -> Token:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _make(
    sent: Span, name: str | None, cue: Token, scope_head: Token, exclude: tuple[int, int],
    quotes: Sequence[tuple[int, int]], *, tier: int, named: bool = False,
) -> _Attribution:
    if scope_head.i == sent.root.i or scope_head.head.i == scope_head.i:
        scope = (sent.start, sent.end)
    else:
        scope = (scope_head.left_edge.i, scope_head.right_edge.i + 1)
    words = [t for t in sent.doc[scope[0] : scope[1]] if t.is_alpha and not exclude[0] <= t.i < exclude[1]]
    inside = sum(_in_quotes(t.idx, quotes) for t in words)
    return _Attribution(name, cue, scope, exclude, quoted=bool(words) and inside * 2 > len(words), tier=tier,
                        named=named)


def _in_quotes(char: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether ``char`` lies in one of ``quotes`` (sorted, non-overlapping ranges)."""
    k = bisect_right(quotes, (char, float("inf"))) - 1
    return k >= 0 and quotes[k][0] <= char < quotes[k][1]


def _governing(attrs: Sequence[_Attribution], anchor: int) -> _Attribution | None:
    """The innermost speech attribution over ``anchor``; an evidence verb only when no speech verb
    governs, or when it sits inside the speech verb's clause with a subject that names a body of its
    own ("X said ..., while the Tessaline ministry put the toll at 22")."""
    governing = [
        a for a in attrs if a.scope[0] <= anchor < a.scope[1] and not a.exclude[0] <= anchor < a.exclude[1]
    ]
    if not governing:
        return None
    best = min(governing, key=lambda a: (a.tier, a.scope[1] - a.scope[0], abs(a.cue.i - anchor)))
    inner = [a for a in governing if a.named and a.scope != best.scope and a.exclude[0] <= anchor
             and best.scope[0] <= a.scope[0] and a.scope[1] <= best.scope[1]]
    return min(inner, key=lambda a: a.scope[1] - a.scope[0]) if inner else best


def _paragraph_breaks(doc: Doc, sentences: Sequence[Span]) -> list[bool]:
    """For each sentence, True when a line break separates it from the sentence before."""
    breaks = [True]
    for prev in sentences[:-1]:
        last = doc[prev.end - 1]
        breaks.append("\n" in last.text or "\n" in last.whitespace_ or "\n" in prev.text)
    return breaks


# --- locations -----------------------------------------------------------------------------------


def _attached_to(prep: Token, targets: set[int]) -> bool:
    """True when a preposition hangs from one of ``targets``, directly or through one noun phrase."""
    head = prep.head
    for _ in range(3):
        if head.i in targets:
            return True
        if head.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        head = head.head
    return False


def _location(draft: Draft, sent: Span, names: Names, avoid: Sequence[tuple[int, int]]) -> str | None:
    targets = {t.i for t in (draft.trigger, draft.root, draft.noun, draft.role) if t is not None}
    if draft.trigger is not None and draft.trigger.pos_ in ("NOUN", "ADJ"):
        targets.add(draft.trigger.head.i)
    anchor = (draft.trigger or draft.root).i
    best: tuple[int, str] | None = None
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in lex.LOCATION_PREPOSITIONS or tok.pos_ != "PROPN":
            continue
        if any(a <= tok.i < b for a, b in avoid) or not _attached_to(tok.head, targets):
            continue
        mention = names.mention_at(tok)
        if mention is not None:
            if mention.label not in lex.LOCATION_LABELS:
                continue
            name = mention.name
        elif tok.ent_type_ in ("", "GPE", "LOC", "FAC", "LANGUAGE"):
            name = _speaker_phrase(sent.doc, tok)
        else:
            continue
        distance = abs(tok.i - anchor)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def attach_sources(drafts: Sequence[Draft], sentences: Sequence[Span], names: Names, doc: Doc, text: str) -> None:
    quotes = _quoted_chars(text)
    breaks = _paragraph_breaks(doc, sentences)
    cache: dict[int, list[_Attribution]] = {}

    def attrs_of(k: int) -> list[_Attribution]:
        if k not in cache:
            cache[k] = _attributions(sentences[k], names, quotes)
        return cache[k]

    for d in drafts:
        own = attrs_of(d.sent_index)
        if d.owner is not None:  # "the government's count of 52"
            d.source = names.name(d.owner)
        else:
            governing = _governing(own, (d.trigger or d.root).i if d.type == "casualty" else d.root.i)
            if governing is not None:
                d.source = governing.name
            elif not own and d.sent_index > 0 and not breaks[d.sent_index]:
                carried = [a for a in attrs_of(d.sent_index - 1) if not a.quoted and a.name]
                if carried:
                    d.source = max(carried, key=lambda a: a.cue.i).name
        if d.type in ("casualty", "count"):
            d.location = _location(d, sentences[d.sent_index], names, [a.exclude for a in own])
    for d in drafts:
        if d.source is None and d.subset_of is not None:
            d.source = d.subset_of.source
