"""Who says it: the one attribution core for quotes and figures.

:func:`attribute` finds every statement of an article once (:mod:`components.language.statements`:
reporting cues, "according to", quotations and the content each reports) and names its speaker
with one :class:`Resolver`, in text order: names go to canonical entities (titles dropped,
surnames to full names), pronouns to the nearest compatible earlier speaker, "the ministry" /
"the minister" / "the statement" to the earlier organisation, person or document, "a spokesman
for the ministry" to the ministry. Quotes are these statements (:mod:`components.language.quotes`);
a figure's source is the speaker of the innermost statement or reporting frame that covers it
(:meth:`Attributions.source_of`), so a figure inside a quotation, after "it added" or in "X put
the toll at 22" gets its source from the same core, with the same reporting-verb lexicon.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc, Token

from components.language.entities import EntityIndex, Mention
from components.language.lexicon import quotes as lex
from components.language.lexicon.first_names import FEMALE_NAMES, MALE_NAMES
from components.language.lexicon.names import LEADING_DETERMINERS, TITLE_WORDS
from components.language.quote_marks import QuotedDoc
from components.language.statements import Candidate, Finder, VerbFrame, subject_of, verb_frames

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
        self.remembering = True  # False: resolve without adding to the history (figure sources)
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
        for m in self.mentions:  # the first name tells the gender when no honorific did
            first = m.name.split()[0].lower() if m.label == "PERSON" and " " in m.name else ""
            if first in FEMALE_NAMES:
                self.gender.setdefault(m.name, "f")
            elif first in MALE_NAMES:
                self.gender.setdefault(m.name, "m")

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
            if self._quoted(m):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in lex.SALIENT_DEPS:
                yield m.start, m.name, m.label

    def _quoted(self, mention: Mention) -> bool:
        """A mention inside quoted speech: someone the speaker talks about, never whom a later
        "he" or "she" outside the quotation means ("'It feels like, 'Meh, ...'' he said")."""
        return self.art.in_speech(bisect.bisect_right(self.art.starts, mention.start) - 1)

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
                left_only = child.i > tok.i and child.dep_ in lex.LEFT_ONLY_DEPS
                if (child.dep_ in lex.SPEAKER_NP_DEPS and not left_only) or (
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

    def remember(self, speaker: Speaker) -> Speaker:
        """Add a speaker named outside :meth:`resolve` to the history pronouns look back on."""
        self.history.append(speaker)
        return speaker

    def _remember(self, speaker: Speaker) -> Speaker:
        if self.remembering:
            self.history.append(speaker)
        return speaker

    def name_of(self, head: Token) -> Speaker | None:
        """Resolve a phrase as :meth:`resolve` does, without adding it to the history."""
        self.remembering = False
        try:
            return self.resolve(head)
        finally:
            self.remembering = True

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
        if lemma in lex.FIGURE_NOUNS:  # "figures from the health office": the office; bare "the data": nobody
            issuer = self._issuer(head)
            org = self._org(issuer) if issuer else None
            return (org, "document") if org else (_strip_det(self._text(phrase)[0]), "unnamed")
        if lemma in lex.DOCUMENT_NOUNS:
            org = self._document_source(head, modifiers)
            return (org, "document") if org else (_strip_det(self._text(phrase)[0]), "document")
        if lemma in lex.SPOKESPERSON_NOUNS or lemma in lex.SOURCE_NOUNS or lemma in lex.PERSON_ROLE_NOUNS:
            org_words = [t for t in modifiers if _names_the_body(t, head)]
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
            kind = _MENTION_TYPES.get(covering.label, "unnamed")
            written = _strip_det(self._text(phrase)[0])
            if covering.label == "ORG" and _longer_name(written, covering.text):
                return _org_case(written), kind  # the tagger cut "Directorate for Civil Defense" short
            return _org_case(covering.name), kind
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
        if not any(c.dep_ in ("det", "poss") and c.lower_ not in lex.INDEFINITE_DETERMINERS for c in head.children):
            # "earlier reports", "a statement": no document named before; a single statement is the
            # body the sentence is about ("Phoenix police received a call ..., according to a statement")
            return self._subject_body(head) if head.tag_ == "NN" else None
        for tok in self._earlier_same_word(head):
            issuer = self._issuer(tok)
            org = self._org(issuer) if issuer else None
            if org:
                return org
            if tok.dep_ == "dobj" and (subject := subject_of(tok.head)) is not None and subject.pos_ != "PRON":
                found = self._named(subject, self._phrase(subject))
                if found and found[1] != "unnamed":
                    return found[0]
        before = head.idx
        return self._last(lambda s: s.type == "document" and s.position < before) or self._last(
            lambda s: s.type in {"organisation", "country-or-capital"} and s.position < before
        )

    def _subject_body(self, head: Token) -> str | None:
        """The organisation that is the subject of the sentence a document attributes, if one is."""
        subject = next((c for c in head.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > head.i or head.i in range(subject.left_edge.i, subject.right_edge.i + 1):
            return None
        mention = self.mention_at(subject)
        if (mention is not None and mention.label == "ORG") or subject.lemma_.lower() in lex.ORG_HEAD_NOUNS:
            return self._org([t for t in self._phrase(subject)])
        return None

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
                options = [(m.start, m.name) for m in self._mentions_before(start, _PERSON) if not self._quoted(m)][:1]
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
        (the latest :data:`LOOKBACK`, in text order), but those named inside quoted speech."""
        found: list[tuple[int, str]] = []
        for m in self._mentions_before(before, _PERSON):
            if self.art.para_of(m.start) != para:
                break  # mentions are in text order: the earlier ones are in earlier paragraphs
            if not self._quoted(m) and (gender is None or self.gender.get(m.name, gender) == gender):
                found.append((m.start, m.name))
        return found[::-1]

    def inherit(self, char: int) -> Speaker | None:
        last = next((s for s in self._recent() if s.position < char), None)
        if last is None:
            return None
        return Speaker(last.name, last.type, "", None, None, last.position)


def _names_the_body(token: Token, head: Token) -> bool:
    """Whether a modifier of a spokesperson or role noun names the body they speak for.

    A word on the speaker noun itself must be a noun that is no nationality ("army spokesman",
    not "a Kestrian spokesman"); a word on that body is part of its name ("a spokesman for the
    Maravian army", "Kestrian army spokesman").
    """
    if token.lemma_.lower() in lex.PERSON_ROLE_NOUNS:
        return False
    if token.dep_ in {"pobj", "poss"}:
        return True
    if token.head.i == head.i:
        return token.pos_ in {"PROPN", "NOUN"} and token.ent_type_ != "NORP"
    return token.pos_ in {"PROPN", "NOUN", "ADJ"}


def _longer_name(written: str, mention: str) -> bool:
    """Whether a speaker phrase carries an organisation's name on past where the tagger stopped: it
    starts with the mention and goes on with capitalised words only ("... for Civil" + "Defense")."""
    if not written.startswith(mention) or len(written) <= len(mention):
        return False
    rest = written[len(mention):].split()
    capitalised = all(w[:1].isupper() or w.lower() in lex.TITLE_SMALL_WORDS for w in rest)
    return bool(rest) and capitalised and rest[-1][:1].isupper()


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


# -- the core: statements and frames of one article, named once --------------------------------------


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement found in the article and the speaker it was given (None: nobody can be named)."""

    candidate: Candidate
    speaker: Speaker | None

    @property
    def kept(self) -> bool:
        """Whether it is a quote: it has a speaker, and a weak cue's speaker is named."""
        return self.speaker is not None and not (self.candidate.needs_name and self.speaker.type == "unnamed")


@dataclass(frozen=True, slots=True)
class SourceFrame:
    """What a statement or a reporting frame covers, in characters, and who it is attributed to."""

    name: str
    cue: int  # character offset of the cue (of the content when there is no cue)
    ranges: tuple[tuple[int, int], ...]
    exclude: tuple[int, int]  # the speaker's own words
    quoted: bool  # the attributed words are mostly in quotation marks
    tier: int  # 0 speech, 1 evidence ("counted", "put the toll at")
    named: bool = False
    sentence_wide: bool = False  # it governs its whole sentence: what the next sentence may carry on
    cue_token: int | None = None  # token indices of the cue and of the speaker's head, when known
    speaker_token: int | None = None

    def covers(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.ranges) and not self.exclude[0] <= char < self.exclude[1]

    @property
    def size(self) -> int:
        return sum(b - a for a, b in self.ranges)

    def within(self, other: SourceFrame) -> bool:
        return other.ranges[0][0] <= self.ranges[0][0] and self.ranges[-1][1] <= other.ranges[-1][1]


class Attributions:
    """Every statement and reporting frame of one article with its speaker named (see :func:`attribute`)."""

    def __init__(self, art: QuotedDoc, entities: EntityIndex) -> None:
        self.art = art
        self.resolver = Resolver(art, entities)
        self.statements: list[Statement] = []
        for cand in Finder(art).candidates():
            if cand.needs_person and cand.speaker is not None:
                speaker = self._person(cand.speaker, entities)
                if speaker is None:
                    continue
            elif cand.speaker is None:  # an uncued quotation: the last speaker goes on
                speaker = self.resolver.inherit(cand.position)
            else:
                speaker = self.resolver.resolve(cand.speaker)
            self.statements.append(Statement(cand, speaker))
        self._frames: list[SourceFrame] | None = None
        self._frame_starts: list[int] = []
        self._by_sentence: dict[int, list[SourceFrame]] = {}

    def _person(self, head: Token, entities: EntityIndex) -> Speaker | None:
        """The person a label names ("Varga:" of a headline) when the article names them as a person
        (by the full name, or by a surname only one of its people has), else None."""
        named = self.resolver.name_of(head)
        if named is None or named.type != "person":
            return None
        name: str | None = named.name
        if entities.label_of(named.name) != "PERSON":
            same = [p.name for p in entities.people() if p.name.split()[-1] == named.name]
            name = same[0] if len(same) == 1 else None
        if name is None:
            return None
        return self.resolver.remember(Speaker(name, "person", named.text, named.start, named.end, named.position))

    # frames ------------------------------------------------------------------------------------
    def frames(self) -> list[SourceFrame]:
        """The statements kept as quotes and the reporting frames, by cue position (built once)."""
        if self._frames is None:
            frames = [_statement_frame(s.candidate, s.speaker) for s in self.statements
                      if s.kept and s.speaker is not None]
            frames += [f for v in verb_frames(self.art) if (f := self._verb_frame(v)) is not None]
            frames.sort(key=lambda f: f.cue)
            self._frames = frames
            self._frame_starts = [f.cue for f in frames]
            self._by_sentence = {}  # sentence index -> the frames whose words reach into it
            for frame in frames:
                for a, b in frame.ranges:
                    for k in range(self._sentence(a), self._sentence(max(a, b - 1)) + 1):
                        self._by_sentence.setdefault(k, []).append(frame)
        return self._frames

    def _verb_frame(self, frame: VerbFrame) -> SourceFrame | None:
        speaker = self.resolver.name_of(frame.speaker)
        if speaker is None:
            return None
        doc = self.art.doc
        lo, hi = frame.scope
        a, b = frame.exclude
        chars = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        exclude = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
        words = [t for t in doc[lo:hi] if t.is_alpha and not a <= t.i < b]
        inside = sum(self.art.span_of_token[t.i] >= 0 for t in words)
        quoted = bool(words) and inside * 2 > len(words)
        sent = frame.cue.sent
        return SourceFrame(speaker.name, frame.cue.idx, (chars,), exclude, quoted=quoted, tier=frame.tier,
                           named=frame.named, sentence_wide=(lo, hi) == (sent.start, sent.end), cue_token=frame.cue.i,
                           speaker_token=frame.speaker.i)

    def frames_between(self, start: int, end: int) -> list[SourceFrame]:
        """The frames whose cue lies in ``start:end`` (characters), in text order."""
        frames = self.frames()
        return frames[bisect.bisect_left(self._frame_starts, start):bisect.bisect_left(self._frame_starts, end)]

    # sources -------------------------------------------------------------------------------------
    def source_of(self, char: int, *, avoid: tuple[int, int] | None = None) -> str | None:
        """The name of :meth:`frame_of`'s frame, or None."""
        frame = self.frame_of(char, avoid=avoid)
        return frame.name if frame is not None else None

    def frame_of(self, char: int, *, avoid: tuple[int, int] | None = None) -> SourceFrame | None:
        """Who claims what is written at ``char``: the innermost speech statement or frame over it.

        An evidence frame ("counted", "put the toll at") counts only when no speech governs, or when
        it sits inside the speech with a subject that names a body of its own ("X said ..., while
        the Tessaline ministry put the toll at 22"). A sentence with no frame at all takes the last
        reported (not quoted) frame that governs the whole sentence before it, in the same paragraph
        ("According to the governor, ... . Six people were killed."). A frame whose speaker holds
        ``avoid`` (the figure's own number: "dozens of others confirmed dead") is none of its
        sources. It cannot see an attribution two sentences away.
        """
        self.frames()
        governing = [f for f in self._by_sentence.get(self._sentence(char), ()) if f.covers(char) and not (
            avoid is not None and f.exclude[0] < avoid[1] and avoid[0] < f.exclude[1])]
        if governing:
            best = min(governing, key=lambda f: (f.tier, f.size, abs(f.cue - char)))
            inner = [f for f in governing if f.named and f is not best and f.exclude[0] <= char and f.within(best)]
            return min(inner, key=lambda f: f.size) if inner else best
        k = self._sentence(char)
        if k == 0 or self.art.para_of(self.art.sent_bounds[k][0]) != self.art.para_of(self.art.sent_bounds[k - 1][0]):
            return None
        if self.frames_between(*self.art.sent_bounds[k]):
            return None
        carried = [f for f in self.frames_between(*self.art.sent_bounds[k - 1]) if f.sentence_wide and not f.quoted]
        return carried[-1] if carried else None

    def name_of(self, head: Token) -> str | None:
        """The canonical name of a phrase ("the government's count": the government), or None."""
        speaker = self.resolver.name_of(head)
        return speaker.name if speaker is not None else None

    def _sentence(self, char: int) -> int:
        return max(bisect.bisect_right(self.art.sent_starts, char) - 1, 0)


def _statement_frame(cand: Candidate, speaker: Speaker) -> SourceFrame:
    cue = cand.cue.idx if cand.cue is not None else cand.ranges[0][0]
    start, end = (speaker.start, speaker.end) if speaker.start is not None and speaker.end is not None else (0, 0)
    return SourceFrame(speaker.name, cue, tuple(cand.ranges), (start, end), quoted=cand.kind == "direct", tier=0,
                       cue_token=cand.cue.i if cand.cue is not None else None,
                       speaker_token=cand.speaker.i if cand.speaker is not None else None)


def attribute(doc: Doc, *, entities: EntityIndex) -> Attributions:
    """Find and name every statement of a parsed article once, for its quotes and its figures.

    Needs the dependency parse; a Doc without one gives no statements.
    """
    return Attributions(QuotedDoc(doc), entities)
