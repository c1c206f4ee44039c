"""Named entities: mentions from spaCy's NER, cleaned and merged into canonical entities.

"Austin" and "Secretary Lloyd Austin" become one person "Lloyd Austin"; "the Pentagon" and
"Defense Department" become one organisation through the alias table; a lone title ("Maj")
is not an entity, but a title word that ends a two-word name is a surname ("John Major"). A lone
nationality word is never a person ("Valdoran", "Italian"): the model's PERSON becomes NORP, and a
country it calls a person ("Valdora" beside "Valdoran") becomes GPE. Everything here is a pure
function of a parsed ``Doc``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from components.language.doctext import doc_text as text_of
from components.language.lexicon.first_names import FEMALE_NAMES, MALE_NAMES
from components.language.lexicon.names import (
    AGE_RANGE,
    ALIAS_GROUPS,
    ENTITY_LABELS,
    KNOWN_PLACES,
    LEADING_DETERMINERS,
    PERSON_DESCRIPTION_NOUNS,
    TITLE_WORDS,
)
from components.language.lexicon.quotes import ORG_HEAD_NOUNS, PERSONAL_TITLES
from components.language.lexicon.sides import (
    AMBIGUOUS_CODES,
    DEMONYM_ENDINGS,
    NOT_NATIONALITIES,
    PORTFOLIO_WORDS,
    REAL_WORDS,
    SIDE_PHRASES,
    fold,
)

_POSSESSIVE = re.compile(r"[’']s?$")
_EDGE_JUNK = "[](){}\"“”‘’'.,;:-–— "
_TERMINAL = tuple('.!?"”’:')
_MIN_DEMONYM = 5  # letters of the shortest invented nationality word looked at ("Varnian")
_NOT_A_SURNAME = TITLE_WORDS | ORG_HEAD_NOUNS | PORTFOLIO_WORDS  # "Kestrian Defence Ministry"


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text, with character offsets."""

    text: str
    name: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity and every mention of it."""

    name: str
    label: str
    count: int
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


FIRST_NAMES = FEMALE_NAMES | MALE_NAMES


def _norm_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", "")).strip().lower()


def _is_title(token_text: str) -> bool:
    return token_text.lower().rstrip(".") in TITLE_WORDS


def clean_name(span: Span, label: str, *, nationalities: frozenset[str] = frozenset()) -> tuple[str, int, int] | None:
    """Strip determiners, titles, possessives and brackets from a name.

    Returns the cleaned text and its character offsets, or None when nothing that can be a
    name remains (a lone "Maj", a bracket, a number). It cannot tell a title that is part of
    an organisation's name ("Defense Ministry") from a rank, so it only strips titles before
    a person's name and after an organisation's. A title word at the end of a two-word name is
    a surname ("John Major", "Sally Field"), unless the word before it is a nationality word
    (``nationalities``, folded, or a real one: "Valdoran Defence" is "Valdoran"); at the start it
    is a title ("Major Tom Brek" is "Tom Brek"). It cannot tell "General Brek" the rank from a
    first name "General".
    """
    doc_text = text_of(span.doc)
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in LEADING_DETERMINERS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or _POSSESSIVE.fullmatch(tokens[-1].text)):
        tokens = tokens[:-1]
    if label == "PERSON":
        while tokens and (_is_title(tokens[0].text) or tokens[0].is_punct):
            tokens = tokens[1:]
        # "Kiev's" stays "Kiev"; a rank written without its dot ("Maj") is not a person; "John
        # Major" keeps his surname, "Valdoran Defence" is the nationality word
        while len(tokens) > 1 and _is_title(tokens[-1].text) and (
            len(tokens) > 2 or _is_nationality(tokens[0].text, nationalities)
        ):
            tokens = tokens[:-1]
    elif label == "ORG":
        while len(tokens) > 1 and _is_title(tokens[-1].text):
            tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text[start:end].strip(_EDGE_JUNK)
    if not text or not any(c.isalpha() for c in text) or len(text.replace(".", "")) < 2:
        return None
    if label == "PERSON" and all(_is_title(w) for w in text.split()):
        return None
    offset = doc_text.find(text, start)
    return text, offset, offset + len(text)


def _is_nationality(word: str, nationalities: frozenset[str]) -> bool:
    """A real nationality word ("Italian", "Italians") or one of the article's own (folded)."""
    key = fold(word)
    found = SIDE_PHRASES.get(key)
    return (found is not None and found[1] == "demonym") or key in nationalities


def common_prefix(a: str, b: str) -> int:
    """How many first characters two words share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _shares_stem(shorter: str, longer: str) -> bool:
    """"valdora" and "valdoran" share a stem; "iran" and "iraq", "julia" and "julianne" do not."""
    n = common_prefix(shorter, longer)
    return n >= _MIN_DEMONYM and n >= len(shorter) - 2 and len(longer) - n <= 4


def _surname_after(token: Token) -> bool:
    """The word after ``token`` reads as a surname ("Julian Rook"), not a title or an organisation
    word ("Kestrian Defence Ministry", "Valdoran officials")."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1]
    return nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.text.istitle() and nxt.lower_ not in _NOT_A_SURNAME


def _article_nationalities(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The article's own nationality words and the countries they are of (folded words).

    A capitalised word with a nationality ending ("Valdoran", "Kestrians") that is never followed
    by a surname (unlike "Julian Rook", "Brian Tull") and that either shares its stem with a
    shorter capitalised word of the article ("Valdora", "Valdor": those are its countries) or
    stands before a noun or a title ("Kestrian officials", "Kestrian President"). Real countries'
    words are left to the country table. It cannot tell a first name that is never followed by a
    surname and stands before a noun ("Julian said") from a nationality.
    """
    capitalised: dict[str, list[Token]] = {}
    lowercase: set[str] = set()  # "Other officials" begins a sentence; "other" is no nationality
    for token in doc:
        if token.is_alpha and token.text[:1].isupper():
            capitalised.setdefault(token.lower_, []).append(token)
        elif token.is_alpha:
            lowercase.add(token.lower_)
    candidates = [w for w in capitalised if len(w) >= _MIN_DEMONYM and w.endswith(DEMONYM_ENDINGS)
                  and w not in REAL_WORDS and w not in NOT_NATIONALITIES and w not in lowercase
                  and not capitalised[w][0].is_stop and not any(_surname_after(t) for t in capitalised[w])]
    words: set[str] = set()
    countries: set[str] = set()
    for word in candidates:
        stem = word[:-1] if word.endswith("s") and word[:-1] in capitalised else word
        shorter = [w for w in capitalised if len(w) < len(stem) and w not in REAL_WORDS and _shares_stem(w, stem)]
        before_noun = any(_before_a_noun(t) for t in capitalised[word])
        if shorter or before_noun:
            words.add(word)
            countries.update(w for w in shorter if w not in candidates)
    return frozenset(words), frozenset(countries)


def _before_a_noun(token: Token) -> bool:
    """"Kestrian officials", "Kestrian President": the word modifies a common noun as written
    (lowercase) or a title; not "Meridian Wire", a name."""
    doc = token.doc
    if token.i + 1 >= len(doc) or token.dep_ not in ("amod", "compound", "nmod"):
        return False
    nxt = doc[token.i + 1]
    return (nxt.pos_ == "NOUN" and nxt.text.islower()) or nxt.lower_.rstrip(".") in _NOT_A_SURNAME


@lru_cache(maxsize=4096)
def _real_place_kind(word: str) -> str | None:
    """ "name" or "seat" for a real, unambiguous country or capital ("Moscow"), else None."""
    found = SIDE_PHRASES.get(fold(word))
    return found[1] if found is not None and found[1] != "demonym" and fold(word) not in AMBIGUOUS_CODES else None


def _relabel(text: str, label: str, nationalities: frozenset[str], countries: frozenset[str]) -> str:
    """NORP for a lone nationality word the model called a person ("Valdoran", "Italians"); GPE
    for a lone country or capital it called a person ("Valdora" beside "Valdoran", "Moscow").
    Other labels and names of several words are left as they are."""
    if label != "PERSON" or " " in text:
        return label
    if _is_nationality(text, nationalities):
        return "NORP"
    if fold(text) in countries or _real_place_kind(text) is not None:
        return "GPE"
    return label


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that look like headlines (title case, no closing punctuation)."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[0].isalpha()]
        stripped = line.strip()
        if stripped and not stripped.endswith(_TERMINAL) and len(words) <= 20:
            capitalised = sum(w[0].isupper() for w in words)
            if words and capitalised / len(words) >= 0.6:
                ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _alias_lookup(extra_groups: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    lookup: dict[str, frozenset[str]] = {}
    for group in (*ALIAS_GROUPS, *(frozenset(g) for g in extra_groups)):
        keys = {_norm_key(name) for name in group}
        merged = frozenset(keys | set().union(*(lookup.get(k, frozenset()) for k in keys)))
        for key in merged:
            lookup[key] = merged
    return lookup


def is_personal_title(token: Token) -> bool:
    """A capitalised personal title or rank ("Governor", "Capt.", "Minister")."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in PERSONAL_TITLES


def _title_before(doc: Doc, start: int) -> bool:
    """A personal title ends right before token ``start`` ("Capt. Mira Haldane", "Governor X")."""
    i = start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and is_personal_title(doc[i])


def _is_age(token: Token) -> bool:
    return token.like_num and token.text.isdigit() and AGE_RANGE[0] <= int(token.text) <= AGE_RANGE[1]


def _described_as_person(span: Span) -> bool:
    """The parse says the name is a person's: "the director, Nadia Fennimore", "Petra Ilvesh, 34,"."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_DESCRIPTION_NOUNS:
        return True
    return any(
        child.dep_ == "appos" and (_is_age(child) or child.lemma_.lower() in PERSON_DESCRIPTION_NOUNS)
        for child in root.children
    )


def _label_in_context(span: Span, label: str, text: str) -> str:
    """PERSON for a multi-word name the tagger called otherwise when its context says person.

    A personal title before it, an appositive role noun, an age or a known first name
    (:mod:`components.language.lexicon.first_names`) make a name a person's. It
    cannot help a one-word name (a surname alone is too often a place) or a name whose last
    word heads organisations ("Ilse Varga Foundation").
    """
    words = text.split()
    if label in {"PERSON", "NORP"} or len(words) < 2 or text in KNOWN_PLACES:
        return label
    if not all(w[:1].isupper() for w in words) or words[-1].lower() in ORG_HEAD_NOUNS:
        return label
    if _title_before(span.doc, span.start) or is_personal_title(span[0]) or _described_as_person(span):
        return "PERSON"
    if len(words) <= 3 and words[0].lower() in FIRST_NAMES and label in {"ORG", "GPE", "LOC", "FAC", ""}:
        return "PERSON"  # "Ilse Varga", "Maria Lopez": a known first name and a surname
    return label


def _titled_names(doc: Doc, covered: set[int]) -> list[Span]:
    """Names after a personal title that the NER missed altogether ("Governor Ilse Varnak").

    Two or more capitalised proper nouns right after the title, none inside a found entity; a
    single word after a title ("General Staff") is too often part of an organisation's name.
    """
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if not is_personal_title(doc[i]):
            i += 1
            continue
        j = i + 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
        k = j
        while k < len(doc) and k not in covered and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() \
                and not is_personal_title(doc[k]):
            k += 1
        if k - j >= 2 and doc[k - 1].lower_ not in ORG_HEAD_NOUNS:
            found.append(doc[j:k])
        i = max(k, i + 1)
    return found


def _raw_mentions(doc: Doc) -> list[tuple[str, str, int, int]]:
    found: list[tuple[str, str, int, int]] = []
    covered: set[int] = set()
    nationalities, countries = _article_nationalities(doc)
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in ENTITY_LABELS:
            continue
        label = _label_in_context(ent, ent.label_, ent.text.strip())
        cleaned = clean_name(ent, label, nationalities=nationalities)
        if cleaned is None:
            continue
        text, start, end = cleaned
        label = "GPE" if text in KNOWN_PLACES else _relabel(text, label, nationalities, countries)
        found.append((text, label, start, end))
    for span in _titled_names(doc, covered):
        cleaned = clean_name(span, "PERSON", nationalities=nationalities)
        if cleaned is not None:
            found.append((*cleaned[:1], "PERSON", *cleaned[1:]))
    found.sort(key=lambda m: m[2])
    return found


def _unlabelled_surnames(
    doc: Doc, kept: Sequence[tuple[str, str, int, int]], full_names: Sequence[str]
) -> list[tuple[str, str, int, int]]:
    """Bare surnames of named people that the NER missed ("Brek refused"), as PERSON mentions.

    Only surnames shared by exactly one named person count, and only as proper nouns; a surname
    that is a title word ("Major" of "John Major") does not count before another name ("Major
    General Pat Ryder", "Major Tom Brek"), where it is the title.
    """
    surnames = Counter(f.split()[-1] for f in full_names)
    wanted = {s for s, n in surnames.items() if n == 1 and len(s) > 2}
    covered = {i for _, _, start, end in kept for i in range(start, end)}
    found = []
    for token in doc:
        if token.lower_ in wanted and token.pos_ == "PROPN" and token.idx not in covered and token.text[0].isupper():
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if _is_title(token.text) and nxt is not None and nxt.text[:1].isupper():
                continue
            found.append((token.text, "PERSON", token.idx, token.idx + len(token.text)))
    return found


class EntityIndex:
    """The canonical entities of one article and a resolver from surface forms to them."""

    def __init__(self, entities: Sequence[Entity], *, form_to_name: dict[str, str]) -> None:
        self.entities: tuple[Entity, ...] = tuple(entities)
        self._form_to_name = form_to_name
        self._by_name = {e.name: e for e in self.entities}

    def canonical(self, text: str) -> str | None:
        """Canonical name for a surface form ("Ryder", "the Pentagon", "Maj. Gen. Pat Ryder")."""
        key = _norm_key(text)
        if key in self._form_to_name:
            return self._form_to_name[key]
        words = [w for w in re.split(r"\s+", text.strip(_EDGE_JUNK)) if w]
        while words and (words[0].lower() in LEADING_DETERMINERS or _is_title(words[0])):
            words = words[1:]
        words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
        key = _norm_key(" ".join(words))
        if key in self._form_to_name:
            return self._form_to_name[key]
        if len(words) == 1:  # a surname or first name of exactly one person
            people = [e.name for e in self.people() if key in _norm_key(e.name).split()]
            if len(people) == 1:
                return people[0]
        return None

    def get(self, name: str) -> Entity | None:
        return self._by_name.get(name)

    def label_of(self, name: str) -> str | None:
        entity = self._by_name.get(name)
        return entity.label if entity else None

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "PERSON"]

    def mentions(self) -> list[Mention]:
        return sorted((m for e in self.entities for m in e.mentions), key=lambda m: m.start)


def extract_entities(doc: Doc, *, alias_groups: Iterable[Iterable[str]] = ()) -> EntityIndex:
    """Collect, clean and merge the named entities of a parsed article.

    Args:
        doc: the parsed article.
        alias_groups: extra groups of names that denote the same entity (user additions).

    Mentions inside headline lines count only when the same name occurs in the body, since
    the model mislabels title-case words there. It cannot merge two people who share a
    surname; a bare surname then stays on its own.
    """
    aliases = _alias_lookup(alias_groups)
    headlines = _headline_lines(text_of(doc))
    raw = _raw_mentions(doc)
    in_headline = [any(a <= start < b for a, b in headlines) for _, _, start, _ in raw]
    body_keys = {_norm_key(t) for (t, *_), h in zip(raw, in_headline, strict=True) if not h}
    body_keys |= {k for key in body_keys for k in aliases.get(key, ())}
    kept = [m for m, h in zip(raw, in_headline, strict=True) if not h or _norm_key(m[0]) in body_keys]

    form_counts: Counter[str] = Counter(_norm_key(t) for t, *_ in kept)
    surface: dict[str, str] = {}
    for text, *_ in kept:
        surface.setdefault(_norm_key(text), text)

    # alias groups: every form of a group maps to the form this article uses most
    canon: dict[str, str] = {}
    for key in form_counts:
        group = aliases.get(key)
        if group:
            present = [k for k in group if k in form_counts]
            best = max(present, key=lambda k: (form_counts[k], len(k)))
            canon[key] = best
        else:
            canon[key] = key

    # nationalities: "Russians" is "Russian"
    norp_keys = {_norm_key(text) for text, label, *_ in kept if label == "NORP"}  # one pass, not one per key
    for key in form_counts:
        if key in norp_keys and key.endswith("s") and key[:-1] in form_counts:
            canon[key] = canon[key[:-1]]

    # people: a single name is the full name that ends (or starts) with it, when only one does
    labels_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for text, label, *_ in kept:
        labels_by_key[_norm_key(text)][label] += 1
    full_names = [k for k in form_counts if " " in k and labels_by_key[k]["PERSON"]]
    by_end: dict[str, list[int]] = defaultdict(list)  # a first or last word -> the full names it ends, in order
    for n, full in enumerate(full_names):
        words = full.split()
        for word in dict.fromkeys((words[0], words[-1])):
            by_end[word].append(n)
    for key in form_counts:
        # the small model often calls a bare surname ORG: a surname of a named person is that person
        if " " in key or not (labels_by_key[key]["PERSON"] or labels_by_key[key]["ORG"]):
            continue
        matches = [full_names[n] for n in by_end.get(key, ())]
        lasts = [f for f in matches if f.split()[-1] == key]
        chosen = lasts if len(lasts) == 1 else matches
        if len(chosen) == 1:
            canon[key] = chosen[0]

    kept += _unlabelled_surnames(doc, kept, [k for k in full_names if canon.get(k) == k])
    for text, *_ in kept:
        key = _norm_key(text)
        if key not in canon:
            canon[key] = next(full_names[n] for n in by_end[key] if full_names[n].split()[-1] == key)
            surface.setdefault(key, text)

    grouped: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for mention in kept:
        grouped[canon[_norm_key(mention[0])]].append(mention)

    entities: list[Entity] = []
    form_to_name: dict[str, str] = {}
    for key, items in grouped.items():
        name = surface[key]
        label_votes = Counter(label for _, label, *_ in items)
        label = "GPE" if name in KNOWN_PLACES else label_votes.most_common(1)[0][0]
        mentions = tuple(Mention(t, name, label, s, e) for t, _, s, e in sorted(items, key=lambda m: m[2]))
        forms = tuple(sorted({t for t, *_ in items}))
        entities.append(Entity(name=name, label=label, count=len(items), aliases=forms, mentions=mentions))
        for form in forms:
            form_to_name[_norm_key(form)] = name
        for alias in aliases.get(key, ()):
            form_to_name.setdefault(alias, name)
    entities.sort(key=lambda e: (-e.count, e.name))
    return EntityIndex(entities, form_to_name=form_to_name)
