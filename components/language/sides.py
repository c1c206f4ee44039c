"""Which side (a country or party) a speaker, entity or group belongs to.

Evidence comes from the words themselves ("Moscow", "Russian Defense Ministry"), from the
modifiers of a name where the article mentions it ("Russian Foreign Minister Sergey Lavrov",
"Pentagon Press Secretary Pat Ryder", "Russia's Foreign Ministry"), from the noun a name is
attached to ("the Ukrainian government, including President Volodymyr Zelensky"), and from
what a copular sentence says of a person ("Ryder is the Pentagon's press secretary").
Unknown stays unknown: nothing is guessed. The user's overrides win over everything.

Real countries come from the country table (``lexicon.countries``, completed with ``pycountry``):
names, nationality words, capitals and seats of power, matched as whole phrases, longest first
("South Sudanese" is South Sudan, "New Mexico" is no country), only when written capitalised and
not as part of a person's name ("Paris Hilton", "Dawn French"). Words that are a country's only in
context ("Jordan", "Georgia", "Turkey") count only in an article that also says so. Every side has a
key (:func:`side_key`): the ISO 3166 alpha-3 code of a real country, so that "Russia", "the Russian
Federation" and "Moscow" meet across articles, or "x-" and the name for an article's own country.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from components.language.doctext import doc_text
from components.language.entities import EntityIndex, common_prefix
from components.language.lexicon.names import TITLE_WORDS
from components.language.lexicon.quotes import ORG_HEAD_NOUNS
from components.language.lexicon.sides import (
    AMBIGUOUS_CODES,
    DEMONYM_ENDINGS,
    DISPLAY_CODES,
    EXACT_FORMS,
    GOVERNMENT_NOUNS,
    NOT_NATIONALITIES,
    NOT_SIDE_PHRASES,
    ORIGIN_SUFFIXES,
    PORTFOLIO_WORDS,
    REAL_WORDS,
    ROLE_NOUNS,
    SIDE_NAMES,
    SIDE_PHRASES,
    STATE_WORDS,
    WRITTEN_KEYS,
    fold,
)

_ATTACHING_PREPS = frozenset({"including", "of", "for", "from", "at"})
_ROLE_PREPS = frozenset({"of", "for"})  # "a spokesman for the Kremlin", "President X of Ukraine"
_ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS
_MIN_STEM = 5
_SPEAKING_FOR = frozenset({"speak", "represent"})  # "X, speaking for the General Staff, said"
_PERSON_LIKE_LABELS = frozenset({"ORG", "FAC", "PERSON"})
_DETERMINERS = frozenset({"the", "a", "an"})
_ORG_WORDS = ORG_HEAD_NOUNS | ROLE_NOUNS | TITLE_WORDS | GOVERNMENT_NOUNS | PORTFOLIO_WORDS | STATE_WORDS
_BASE_WORDS: dict[str, str] = {key: SIDE_NAMES[code] for key, (code, _) in SIDE_PHRASES.items()}
_LEADING = re.compile(r"^(?:the|a|an)\s+", flags=re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
_SPLIT = re.compile(r"(\s+|-)")
_OWNER = re.compile(r"(.+)('s)")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return fold(_POSSESSIVE.sub("", text.strip()))


@lru_cache(maxsize=65536)
def _written_as_name(text: str) -> bool:
    """True when ``text`` is written as a name: capitalised after any leading article, and in the
    one form a key that is also an English word must have ("US", not "us")."""
    bare = _POSSESSIVE.sub("", _LEADING.sub("", text.strip()))
    if not bare[:1].isupper():
        return False
    exact = EXACT_FORMS.get(fold(bare))
    return exact is None or bare == exact


@lru_cache(maxsize=65536)
def split_name(text: str) -> tuple[str, ...]:
    """A name split as spaCy's English tokenizer splits the lexicon's phrases: at spaces, around
    hyphens, before a possessive ("Guinea-Bissau" -> "Guinea", "-", "Bissau"; "People's" ->
    "People", "'s"). tests/language/test_sides.py checks it against the tokenizer on every key; it
    is not a tokenizer for running text.
    """
    words: list[str] = []
    for part in _SPLIT.split(text):
        if not part or part.isspace():
            continue
        match = _OWNER.fullmatch(part)
        words += [match.group(1), match.group(2)] if match else [part]
    return tuple(words)


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First folded token -> (folded tokens, key) of every lexicon phrase, longest first (built once)."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key in (*SIDE_PHRASES, *AMBIGUOUS_CODES, *NOT_SIDE_PHRASES):
        words = tuple(fold(w) for w in split_name(WRITTEN_KEYS.get(key, key)))
        index.setdefault(words[0], []).append((words, key))
    return {first: tuple(sorted(found, key=lambda p: -len(p[0]))) for first, found in index.items()}


@lru_cache(maxsize=65536)
def _fold_token(text: str) -> str:
    return fold(text)


def phrase_matches(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """The lexicon phrases in a sequence of tokens, longest first, left to right, not overlapping.

    Returns (start, end, key) for every country name, nationality word, capital or seat of power,
    ambiguous word and no-side phrase ("New Mexico") found, whatever its case: whether a match
    counts (case, person names, context) is for the caller. It cannot see a phrase split
    differently from the way spaCy's tokenizer splits it.
    """
    index = _phrase_index()
    folded = [_fold_token(w) for w in words]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(folded):
        for phrase, key in index.get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase), key))
                i += len(phrase)
                break
        else:
            i += 1
    return found


def _kind(key: str) -> str:
    """ "name", "demonym" or "seat" for a key of the table; "name" for ambiguous and no-side ones."""
    return SIDE_PHRASES[key][1] if key in SIDE_PHRASES else "name"


def side_key(side: str | None) -> str | None:
    """The key of a side: the ISO 3166-1 alpha-3 code of a real country, else "x-" and the name.

    "Russia", "Russian Federation", "Moscow" and "Russian" all give "RUS"; an article's own
    country "Kestria" gives "x-kestria", "Tessaline Union" "x-tessaline-union". It cannot tell two
    invented countries spelled differently apart from two countries: their keys differ.
    """
    if not side or not side.strip():
        return None
    key = _key(side)
    if key in DISPLAY_CODES:
        return DISPLAY_CODES[key]
    if key in SIDE_PHRASES:
        return SIDE_PHRASES[key][0]
    if key in AMBIGUOUS_CODES:
        return AMBIGUOUS_CODES[key]
    return "x-" + re.sub(r"[^\w]+", "-", key).strip("-")


def is_party_name(name: str) -> bool:
    """True for a real country, capital, seat of power or nationality word ("Moscow", "the
    Kremlin", "Italians", "Russian Federation", "Georgia"), in any case ("SEOUL").

    From the country table alone: an article's invented country is not known here (its side, from
    the resolver, says so), and a name that holds one ("Russian Defense Ministry") is not one.
    Ambiguous words ("Jordan", "Turkey") count: they are parties' names wherever they are places.
    """
    key = _key(name)
    return key in SIDE_PHRASES or key in AMBIGUOUS_CODES


def _is_origin_word(token: Token) -> bool:
    """True for "Russian" in "Russian-made": the demonym names where a thing came from."""
    doc = token.doc
    return (
        token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in ORIGIN_SUFFIXES
    )


def _is_role(noun: Token) -> bool:
    """True for "spokesman" and for "President Oksana Levchuk": a role, or a name with a title."""
    if noun.lower_ in _ROLE_WORDS:
        return True
    return noun.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_.rstrip(".") in _ROLE_WORDS for c in noun.children
    )


class SideResolver:
    """Assigns sides within one article. Build once per article, then query by name or span."""

    def __init__(self, doc: Doc, entities: EntityIndex, *, overrides: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # built once per Doc (components.language.doctext)
        self._ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.entities = entities
        self.overrides = {_key(k): v for k, v in (overrides or {}).items()}
        # which token is part of which lexicon phrase (None: a phrase that does not count here)
        self._at_phrase: dict[int, str | None] = {}
        self._person_at = self._person_names()
        counted: list[tuple[int, str]] = []
        matches = phrase_matches([t.text for t in doc])
        self._matched = {i for start, end, _ in matches for i in range(start, end)}
        for start, end, key in matches:
            keep = self._counts(start, end, key)
            for i in range(start, end):
                self._at_phrase[i] = key if keep else None
            if keep:
                counted.append((start, key))
        self._words = self._side_words(doc, entities, counted)
        self._word_starts: dict[str, list[int]] | None = None  # built on the first _side_elsewhere
        self._by_surname: dict[str, list[str]] | None = None  # built on the first _surname_side
        self._short_places: dict[str, list[int]] | None = None  # built on the first short key asked
        # two passes: the first finds what names say by themselves and around them; the second
        # lets a person inherit the side of the organisation named beside them ("a General
        # Staff spokesman" once "the Kestrian General Staff" is known)
        self._first: dict[str, str | None] = {}
        self._resolving: set[str] = set()
        self._entity_sides = {e.name: self._entity_side(e.name) for e in entities.entities}
        self._first = dict(self._entity_sides)
        self._entity_sides = {e.name: self._entity_side(e.name) for e in entities.entities}
        # side_of's last resort scans the whole text for the name; once the two passes are done it
        # depends on the name only, so it is kept per name (a speaker quoted 1,000 times in a long
        # article would otherwise rescan the text 1,000 times)
        self._fallback: dict[str, str | None] = {}

    def _counts(self, start: int, end: int, key: str) -> bool:
        """Whether the lexicon phrase at tokens ``start:end`` names a country here.

        It must be written as a name ("Turkey", not "turkey"; "US", not "us") and must not be part of
        a person's name: inside a name of two or more words only a nationality word before the
        name counts ("Russian President Vladimir Putin" if the model tags it so), never a place
        ("Paris Hilton", "George Washington") or a last word ("Dawn French"). A two-word name the
        model calls an organisation whose other word is no organisation, title or role word reads
        as a person's or a paper's name ("Denzel Washington", "the Washington Post"); "Pentagon
        Press", "Turkish Airlines" and "Moscow Police" still count. It cannot know first names: a
        person the model tags as a place keeps the place's side.
        """
        if key in NOT_SIDE_PHRASES:
            return False
        doc = self.doc
        if not _written_as_name(doc[start:end].text):
            return False
        demonym = _kind(key) == "demonym"
        if start in self._person_at:
            return demonym and end < self._person_at[start]
        ent = self._ent_at.get(start)
        if ent is None or ent.label_ not in _PERSON_LIKE_LABELS or end - start != 1:
            return True
        words = [t for t in ent if not t.is_punct and t.lower_ not in _DETERMINERS]  # "the Washington Post"
        if len(words) != 2 or (demonym and start == words[0].i):  # "Turkish Airlines"; "Dawn French" is a name
            return True
        other = words[1] if start == words[0].i else words[0]
        return not self._first_or_surname(other)

    def _first_or_surname(self, token: Token) -> bool:
        """True for "Denzel" beside "Washington" in a two-word name the model called an
        organisation: a capitalised proper noun that is no lexicon word and no organisation,
        role or title word (unlike "Press" in "Pentagon Press" or "Air" in "Air France")."""
        return (token.pos_ == "PROPN" and token.is_alpha and token.text.istitle() and token.i not in self._matched
                and token.lower_ not in _ORG_WORDS)

    def _person_names(self) -> dict[int, int]:
        """Token index -> end of the person's name of two or more words it is in, from the model's
        PERSON spans and the entity index's people (which context made people: "Paris Hilton, 43")."""
        spans = [(ent.start, ent.end) for ent in self.doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
        for person in self.entities.people():
            for mention in person.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span) > 1:
                    spans.append((span.start, span.end))
        return {i: end for start, end in spans for i in range(start, end)}

    # -- the word lists, plus this article's own countries and their demonyms -----------------
    def _side_words(self, doc: Doc, entities: EntityIndex, counted: Sequence[tuple[int, str]]) -> dict[str, str]:
        """The lexicon plus this article's own countries, found from its words.

        - The real countries' words of the country table; an ambiguous one ("Jordan", "Georgia")
          only when the article also writes an unambiguous word of that country ("Amman",
          "Jordanian", "Tbilisi") or makes it own a government ("Jordan's foreign minister").

        - A nationality word and the names sharing its stem: "Kestrian officials" and "Kestria"
          make both mean "Kestria", whatever label the model gave them. When several names share
          the stem ("Valdoran", "Valdora", "Valdor"), the country is the one sharing the longest
          beginning with the nationality word ("Valdora"); the others stand for it too.
        - A name that owns a government ("Amberlund's foreign minister", "the Amberlund
          embassy", "the government of Norvane") is a country: its own side.

        A nationality word in "-ian"/"-an" whose country the article never names stands for the
        country it is made from ("Kestrian" -> "Kestria"), so that articles agree on the name;
        that country's name is also the side's name when the article names only a shorter form of
        it ("Valdor" beside "Valdoran" is "Valdora"), but a country the article names otherwise is
        the side ("Halvanian" beside "Halvany" is "Halvany"). A word that begins a two-word state
        ("Tessaline" beside "the Tessaline Union") stands for that state. Other nationality words
        with no country named get no side; a portfolio ("Transport Minister") owns no government.
        """
        words: dict[str, str] = dict(_BASE_WORDS)
        proper: set[str] = set()
        owners: list[Token] = []
        at: dict[str, list[int]] = {}  # capitalised word -> its token indices
        for token in doc:  # one pass: Token objects are built anew on every iteration
            lower = token.lower_
            if token.text[:1].isupper():
                at.setdefault(lower, []).append(token.i)
            if len(lower) >= _MIN_STEM and token.is_alpha and token.text[:1].isupper():
                proper.add(lower)
            if lower in GOVERNMENT_NOUNS and (owner := _owner(token)) is not None:
                owners.append(owner)
        present = {SIDE_PHRASES[key][0] for _, key in counted if key in SIDE_PHRASES}
        owner_keys = {_key(o.text) for o in owners if self._at_phrase.get(o.i) is not None}
        for _, key in counted:  # "Jordan" beside "Amman", "Georgia's parliament"
            code = AMBIGUOUS_CODES.get(key)
            if code is not None and (code in present or key in owner_keys):
                words[key] = SIDE_NAMES[code]
        proper |= {_key(e.name) for e in entities.entities if " " not in e.name.strip()}
        proper -= REAL_WORDS  # a real country's words never make an invented one
        demonyms = {w for w in proper if w.endswith(DEMONYM_ENDINGS) and w not in words}
        demonyms = {w[:-1] if w.endswith("s") and w[:-1] in demonyms else w for w in demonyms}
        for demonym in sorted(demonyms):
            names = [w for w in proper if w not in demonyms and w.rstrip("s") != demonym and len(w) < len(demonym)
                     and _shared_stem(w, demonym)]
            derived = _derived_country(demonym)
            if names:
                best = max(common_prefix(n, demonym) for n in names)
                countries = [n for n in names if common_prefix(n, demonym) == best]
                if derived is None and len(countries) != 1:
                    continue
                if derived is not None and derived not in proper and len(countries) == 1 and not derived.startswith(
                    countries[0]
                ):  # "Halvanian" beside "Halvany" is Halvany; "Valdoran" beside "Valdor" stays Valdora
                    derived = None
                named = derived.title() if derived else _written(doc, at, countries[0])
                side = words.get(derived or countries[0]) or named
            elif derived is not None and demonym not in NOT_NATIONALITIES and _used_as_nationality(
                [doc[i] for i in at.get(demonym, ())]
            ):
                side = derived.title()
            else:
                continue
            for key in (demonym, demonym + "s", *names):
                words.setdefault(key, side)
        states = {  # "Tessaline Union": the state an otherwise unknown word begins
            first: e.name for e in entities.entities
            if len(e.name.split()) == 2 and e.name.split()[1].lower() in STATE_WORDS
            and (first := e.name.split()[0].lower()) not in words and first not in NOT_NATIONALITIES
            and first not in REAL_WORDS and _key(e.name) not in SIDE_PHRASES
        }
        for owner in owners:  # "the Tessaline foreign ministry" beside "the Tessaline Union"
            if _key(owner.text) not in REAL_WORDS:
                words.setdefault(owner.lower_, states.get(owner.lower_, owner.text))
        for first, state in states.items():
            words.setdefault(first, state)
        return words

    def word_side(self, text: str) -> str | None:
        """Side a single word or name denotes by itself ("Moscow", "Russian", "White House").

        Only for a name written as one ("Turkey", not "turkey"); an ambiguous word ("Jordan") only
        where the article confirms it. It does not look inside a longer name (see :meth:`side_of`).
        """
        key = _key(text)
        if key in self.overrides:
            return self.overrides[key]
        return self._words.get(key) if _written_as_name(text) else None

    def _word_at(self, token: Token) -> str | None:
        """Side the word at ``token`` denotes, as part of the lexicon phrase it is in: "Korean" in
        "South Korean" is South Korea, "Mexico" in "New Mexico" and "Paris" in "Paris Hilton" are
        nothing."""
        key = _key(token.text)
        if key in self.overrides:
            return self.overrides[key]
        if token.i in self._at_phrase:
            phrase = self._at_phrase[token.i]
            return self._words.get(phrase) if phrase is not None else None
        return self.word_side(token.text)

    def _name_words_side(self, name: str) -> str | None:
        """Side a phrase of a longer name denotes ("Kestrian" in "Kestrian officials", "South
        Korean" in "South Korean Defence Ministry"); in a person's name only a nationality word
        before the name counts, never a place or a last word ("Denzel Washington", "Dawn French")."""
        tokens = split_name(name.strip())
        if len(tokens) < 2 or self.entities.get(name) is not None:  # an entity: its mentions decided
            return None
        person = self.entities.label_of(self.entities.canonical(name) or name) == "PERSON"
        for start, end, key in phrase_matches(tokens):
            if key in NOT_SIDE_PHRASES or (person and (_kind(key) != "demonym" or end == len(tokens))):
                continue
            if not _written_as_name(tokens[start]):
                continue
            if (side := self.overrides.get(key) or self._words.get(key)) is not None:
                return side
        for word in tokens:  # the article's own words ("Kestrian")
            if _key(word) not in REAL_WORDS and (side := self.word_side(word)) is not None:
                return side
        return None

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
        side = self._word_at(token)
        if side:
            return side
        if token.ent_iob_ in ("B", "I"):
            ent = self._ent_at.get(token.i)
            if ent is not None:
                return self.word_side(ent.text) or self._known_entity_side(ent.text)
        if token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.pos_ == "NOUN":
            return self._name_side(token)
        return None

    def _name_side(self, token: Token) -> str | None:
        """Side of a name the model did not tag, from its other mentions ("a General Staff
        spokesman" after "the Kestrian General Staff said")."""
        words = [t for t in token.head.children if t.dep_ == "compound" and t.pos_ == "PROPN"]
        name = " ".join(t.text for t in words if t.i >= token.i) or token.text
        if name in self._resolving or len(name) < 4:
            return None
        self._resolving.add(name)
        try:
            return self._side_elsewhere(name)
        finally:
            self._resolving.discard(name)

    def _known_entity_side(self, text: str) -> str | None:
        name = self.entities.canonical(text)
        if not name:
            return None
        if _key(name) in self.overrides:
            return self.overrides[_key(name)]
        return self._first.get(name)

    def _noun_evidence(self, noun: Token, *, exclude: range) -> list[str]:
        """A noun's own modifiers, then what it is of or for ("a spokesman for the Kremlin").

        Only roles are followed (``lexicon.sides.ROLE_NOUNS`` and the titles): "a critic of the
        Kremlin" is not the Kremlin's. Other prepositions say where someone is or whom they face,
        not whose they are ("an ambassador to Varnia", "an analyst in Moscow"), so they are not
        followed.
        """
        found = self._phrase_evidence(noun, exclude=exclude)
        if not _is_role(noun):
            return found
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _ROLE_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i not in exclude:
                        found += self._phrase_evidence(obj, exclude=exclude)
        return found

    def span_evidence(self, span: Span) -> list[str]:
        """Sides the words of a mention and its noun phrase point to, nearest first."""
        found: list[str] = []
        whole = self.word_side(span.text)
        if whole:
            found.append(whole)
        for token in span:
            if not _is_origin_word(token) and (side := self._word_at(token)):
                found.append(side)
        root = span.root
        inside = range(span.start, span.end)
        found += self._noun_evidence(root, exclude=inside)
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in _ATTACHING_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            found += self._noun_evidence(head.head, exclude=inside)
            found += [s for t in (head.head,) if (s := self._token_side(t))]
        if root.dep_ == "appos":
            found += self._noun_evidence(head, exclude=inside)
        for appos in (c for c in root.children if c.dep_ == "appos"):
            found += self._noun_evidence(appos, exclude=inside)
        for verb in (c for c in root.children if c.dep_ in ("acl", "advcl") and c.lemma_ in _SPEAKING_FOR):
            found += [s for o in _objects_for(verb) for s in self._noun_evidence(o, exclude=inside)]
        if root.dep_ == "nsubj" and head.lemma_ == "be":
            for attr in (c for c in head.children if c.dep_ == "attr"):
                found += self._noun_evidence(attr, exclude=inside)
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
        if votes:
            return votes.most_common(1)[0][0]
        return self._side_elsewhere(name) if entity.label != "PERSON" else None

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
        if (side := self._name_words_side(name)) is not None:
            return side
        if start is not None and end is not None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (evidence := self.span_evidence(span)):
                return evidence[0]
        entity_name = self.entities.canonical(name)
        if entity_name and (side := self._entity_sides.get(entity_name)):
            return side
        if name not in self._fallback:
            self._fallback[name] = self._side_elsewhere(name) or self._surname_side(name)
        return self._fallback[name]

    def _surname_side(self, name: str) -> str | None:
        """Side of the bare surname of a full name ("Brenn" for "Ivo Brenn") when no one else has it.

        The model sometimes labels the full name and the surname differently, and then they are
        two entities; a surname shared by two full names gives nothing.
        """
        words = name.split()
        if len(words) < 2:
            return None
        surname = words[-1].casefold()
        if self._by_surname is None:  # one pass over the entities, not one per name asked
            self._by_surname = {}
            for e in self.entities.entities:
                parts = e.name.split()
                key = parts[-1].casefold() if len(parts) > 1 else f" {e.name.casefold()}"  # " x": a bare name
                self._by_surname.setdefault(key, []).append(e.name)
        if any(_key(other) != _key(name) for other in self._by_surname.get(surname, ())):
            return None
        bare = self._by_surname.get(f" {surname}", [])
        return self._entity_sides.get(bare[0]) if bare else None

    def _side_elsewhere(self, name: str) -> str | None:
        """What the article says of a name where it is written out ("Russia's Foreign Ministry")."""
        votes: Counter[str] = Counter()
        for match in self._occurrences(name):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                votes.update(self.span_evidence(span)[:1])
        return votes.most_common(1)[0][0] if votes else None

    _PREFIX = 4
    _MAX_PLACES = 300
    _SCAN_BUDGET = 2_000_000  # names x characters below which each name is found by a scan of the text

    def _occurrences(self, name: str) -> Iterable[re.Match[str]]:
        """Where ``name`` is written, case aside, starting at the start of a word (in text order).

        Found from an index built once, of the places each word begins (by the first four
        characters there, and by the word and the one after it), so asking for every entity of a
        long article is linear, not a scan of the text per name: at most :attr:`_MAX_PLACES`
        places are tried per name. It cannot find a name written from the middle of a word
        ("Ministry" in "exministry").
        """
        pattern = re.compile(re.escape(name), flags=re.IGNORECASE)
        words = re.match(r"(\w+)(?: (\w+))?", name)
        if words is None:  # a name that starts with no letter: scan the text
            yield from pattern.finditer(self.text)
            return
        if len(self.entities.entities) * len(self.text) <= self._SCAN_BUDGET:
            # a text and a cast of ordinary size: one regex scan per name costs less than the index
            at_word = re.compile(r"(?<!\w)" + re.escape(name), flags=re.IGNORECASE)
            yield from itertools.islice(at_word.finditer(self.text), self._MAX_PLACES)
            return
        if self._word_starts is None:
            self._word_starts = {}
            previous: re.Match[str] | None = None
            for word in re.finditer(r"\w+", self.text):
                lower = word.group().lower()
                here = self.text[word.start() : word.start() + self._PREFIX].lower()  # "u.s." for "U.S. Army"
                self._word_starts.setdefault(here, []).append(word.start())
                if previous is not None and self.text[previous.end():word.start()] == " ":
                    self._word_starts.setdefault(f"\1{previous.group().lower()} {lower}", []).append(previous.start())
                previous = word
        key = f"\1{words[1].lower()} {words[2].lower()}" if words[2] else name[: self._PREFIX].lower()
        after = 0
        for start in self._places(key)[: self._MAX_PLACES]:
            if start >= after and (match := pattern.match(self.text, start)) is not None:
                after = match.end()
                yield match

    def _places(self, key: str) -> list[int]:
        """Where words begin with ``key`` (a word pair marked "\\1", or up to :attr:`_PREFIX` characters
        of text), in text order.

        The index keeps each word under the first :attr:`_PREFIX` characters from its start only; the
        shorter beginnings ("un", "eu") are gathered from it in one pass over its keys, when first asked.
        """
        index = self._word_starts or {}
        if key.startswith("\1") or len(key) >= self._PREFIX:
            return index.get(key, [])
        if self._short_places is None:
            short: dict[str, list[int]] = {}
            for k, places in index.items():
                if not k.startswith("\1"):
                    for n in range(1, min(len(k), self._PREFIX - 1) + 1):
                        short.setdefault(k[:n], []).extend(places)
            self._short_places = {k: sorted(v) for k, v in short.items()}
        return self._short_places.get(key, [])

    def entity_sides(self) -> dict[str, str | None]:
        return dict(self._entity_sides)

    def side_key(self, side: str | None) -> str | None:
        """The key of a side this resolver gave (see the module's :func:`side_key`)."""
        return side_key(side)


def _derived_country(demonym: str) -> str | None:
    """The country a nationality word is made from, by the common pattern: "Kestrian" -> "kestria",
    "Valdoran" -> "valdora". Only for "-ian" and "-an"; the article's own names are preferred
    to it only in that they must share its stem."""
    for ending, replacement in (("ian", "ia"), ("an", "a")):
        if demonym.endswith(ending) and len(demonym) - len(ending) >= 4:
            return demonym[: -len(ending)] + replacement
    return None


def _used_as_nationality(tokens: list[Token]) -> bool:
    """True when the word (its capitalised ``tokens``) is used as a nationality: labelled NORP, or
    an adjective before a noun ("Kestrian officials"), and never inside a person's name ("Julian Rook")."""
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return False
    return any(t.ent_type_ == "NORP" or _before_a_noun_or_title(t) for t in tokens)


def _before_a_noun_or_title(token: Token) -> bool:
    """"Kestrian officials", "Kestrian General Staff", "Kestrian President X"; not "Julian Rook"."""
    if token.i + 1 >= len(token.doc) or token.dep_ not in ("amod", "compound", "nmod"):
        return False
    following = token.doc[token.i + 1]
    return following.pos_ == "NOUN" or following.lower_.rstrip(".") in _ROLE_WORDS


def _objects_for(verb: Token) -> list[Token]:
    """What a person speaks for or represents: "speaking for the General Staff", "representing X"."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
              for o in p.children if o.dep_ == "pobj"]
    return found


def _written(doc: Doc, at: Mapping[str, list[int]], key: str) -> str:
    """The name as the article writes it ("Kestria" for "kestria"); ``at`` indexes capitalised words."""
    return doc[at[key][0]].text if key in at else key.title()


def _owner(noun: Token) -> Token | None:
    """The proper name that owns a government noun: "Amberlund's minister", "Amberlund embassy",
    "government of Norvane". A demonym or a common noun is no owner."""
    candidates = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    candidates += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]
    candidates += [c for m in noun.children if m.dep_ in ("compound", "amod")
                   for c in m.children if c.dep_ in ("poss", "compound")]
    for token in candidates:
        if token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and (
            not token.lower_.endswith(DEMONYM_ENDINGS) or token.lower_ in AMBIGUOUS_CODES
        ) and token.lower_ not in _ROLE_WORDS and token.lower_ not in PORTFOLIO_WORDS:
            return token
    return None


def _shared_stem(a: str, b: str) -> bool:
    """"kestria" and "kestrian" share a stem; "iran" and "iraq" do not."""
    n = common_prefix(a, b)
    return n >= _MIN_STEM and n >= min(len(a), len(b)) - 2


def sides_in(resolvers: Iterable[SideResolver]) -> list[str]:
    """Every side any entity of the given articles was assigned, most frequent first."""
    counts: Counter[str] = Counter()
    for resolver in resolvers:
        counts.update(s for s in resolver.entity_sides().values() if s)
    return [s for s, _ in counts.most_common()]
