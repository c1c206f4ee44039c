"""What a number counts when it counts people hurt: killed, wounded, missing, detained, displaced.

A number is a casualty figure when a casualty word is linked to it by the dependency parse (a
predicate whose victim it is, a casualty noun or adjective on it or its noun, a toll, "among the
dead"), or by the word order where the parse fails. Subsets ("including two children", "two of
whom were children", "among the dead were") are linked here too (:func:`link_subsets`). Every
word list is in :mod:`components.language.lexicon.figures`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from components.language.figure_draft import Draft, covering, ellipsis, partitive, previous_casualty
from components.language.lexicon import figures as lex
from components.language.lexicon.sides import DEMONYMS
from components.language.numbers import NOMINAL, SUBJECTS, Amount, lemma_of


def is_person(token: Token) -> bool:
    low, lem = token.lower_, lemma_of(token)
    return (
        lem in lex.PERSON_NOUNS
        or low in lex.PERSON_NOUNS
        or token.ent_type_ == "NORP"
        or low in DEMONYMS
        or low.endswith(lex.PERSON_SUFFIXES)
    )


def _is_civilian(token: Token | None) -> bool:
    return token is not None and (lemma_of(token) in lex.CIVILIAN_NOUNS or token.lower_ in lex.CIVILIAN_NOUNS)


def _bare_category(token: Token) -> str | None:
    """The category a trigger word has on its own ("wounded" in "killed or wounded")."""
    lem = lemma_of(token)
    return (
        lex.TRANSITIVE_VERBS.get(lem)
        or lex.INTRANSITIVE_VERBS.get(lem)
        or lex.ADJECTIVES.get(token.lower_)
        or lex.NOUNS.get(lem)
        or lex.NOUNS.get(token.lower_)
    )


def bare_conjunct(second: Token, first: Token) -> bool:
    """"killed or wounded": the second word is next to the first and has no clause of its own."""
    if second.i - first.i > lex.COMBINED_MAX_GAP:
        return False
    return not any(c.dep_ in (*SUBJECTS, "dobj", "aux", "auxpass", "nummod") for c in second.children)


def _combine(trigger: Token, category: str) -> str:
    """"killed or wounded", "dead and injured": two categories over one victim are casualties."""
    others = [c for c in trigger.children if c.dep_ == "conj" and bare_conjunct(c, trigger)]
    if trigger.dep_ == "conj" and bare_conjunct(trigger, trigger.head):
        others.append(trigger.head)
    for other in others:
        other_category = _bare_category(other)
        if other_category and other_category != category:
            return lex.COMBINED.get(frozenset({category, other_category}), category)
    return category


def _phrase_category(verb: Token) -> tuple[str, Token] | None:
    """Fixed phrases whose subject is the victim: "lost their lives", "taken prisoner", "listed as missing".

    Returns the category and the word that carries it (combined with its conjunct later: "were
    either dead or seriously injured").
    """
    lem = lemma_of(verb)
    for child in verb.children:
        if child.dep_ == "dobj" and (lem, lemma_of(child)) in lex.VERB_OBJECT_PHRASES:
            return lex.VERB_OBJECT_PHRASES[(lem, lemma_of(child))], verb
        if child.dep_ in ("oprd", "acomp", "xcomp", "attr", "dobj", "ccomp", "advmod", "npadvmod"):
            found = lex.VERB_PREDICATE_PHRASES.get((lem, child.lower_)) or lex.VERB_PREDICATE_PHRASES.get(
                (lem, lemma_of(child))
            )
            if found:
                return found, child
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found = lex.VERB_PREP_PHRASES.get((lem, child.lower_, lemma_of(obj))) or lex.VERB_PREP_PHRASES.get(
                        (lem, child.lower_, obj.lower_)
                    )
                    if found:
                        return found, verb
    return None


def _can_detain(verb: Token) -> bool:
    """"The rebels hold 30 hostages", not "the new stadium holds 50,000 people": a holding verb
    detains only with a subject that can hold people captive (a person, a body, a party)."""
    if lemma_of(verb) not in lex.AGENT_DETENTION_VERBS:
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return verb.dep_ in ("acl", "relcl", "xcomp") or any(c.dep_ == "nsubjpass" for c in verb.children)
    lem = lemma_of(subject)
    return subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        lem in lex.DETAINING_NOUNS or is_person(subject)
    )


def _transitive(verb: Token, victim_dep: str, noun: Token | None) -> tuple[str, Token] | None:
    """"killed 12", "12 were killed", "30 people may be trapped"."""
    lem = lemma_of(verb)
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if lem not in lex.TRANSITIVE_VERBS or not (
        victim_dep in ("dobj", "nsubjpass") or (victim_dep == "nsubj" and not has_object)
    ):
        return None
    particle = lex.VERB_PARTICLES.get(lem)
    if particle is not None and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return None
    if lem in lex.PERSON_OBJECT_VERBS and noun is not None and not is_person(noun):
        return None
    if lex.TRANSITIVE_VERBS[lem] == lex.DETAINED and not _can_detain(verb):
        return None
    return lex.TRANSITIVE_VERBS[lem], verb


def _intransitive(verb: Token, victim_dep: str, noun: Token | None) -> tuple[str, Token] | None:
    """"12 people died", "10,000 fled"."""
    lem = lemma_of(verb)
    return (lex.INTRANSITIVE_VERBS[lem], verb) if lem in lex.INTRANSITIVE_VERBS and victim_dep == "nsubj" else None


def _civilian(verb: Token, victim_dep: str, noun: Token | None) -> tuple[str, Token] | None:
    """"400 residents had left for Hollin": civilians leaving, with no object or a home as object."""
    lem = lemma_of(verb)
    if lem not in lex.CIVILIAN_VERBS or victim_dep != "nsubj" or not _is_civilian(noun):
        return None
    if all(lemma_of(o) in lex.HOME_NOUNS for o in verb.children if o.dep_ == "dobj"):
        return lex.CIVILIAN_VERBS[lem], verb
    return None


def _subject_phrase(verb: Token, victim_dep: str, noun: Token | None) -> tuple[str, Token] | None:
    """"12 people lost their lives", "were taken prisoner", "were either dead or seriously injured"."""
    if victim_dep not in SUBJECTS:
        return None
    if found := _phrase_category(verb):
        return found
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if victim_dep == "nsubj" and not has_object and verb.pos_ in ("ADJ", "VERB") and verb.lower_ in lex.ADJECTIVES:
        return lex.ADJECTIVES[verb.lower_], verb
    return None


def _object_predicate(verb: Token, victim_dep: str, noun: Token | None) -> tuple[str, Token] | None:
    """"left 12 people dead", "shot dead four people"."""
    if victim_dep != "dobj":
        return None
    lem = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "amod", "advmod", "dep"):
            if (lem, child.lower_) in lex.VERB_PREDICATE_PHRASES:
                return lex.VERB_PREDICATE_PHRASES[(lem, child.lower_)], verb
            if lem == "leave" and child.lower_ in lex.ADJECTIVES:
                return lex.ADJECTIVES[child.lower_], child
    return None


#: The ways a predicate makes its victim a casualty, tried in this order; each takes (verb, the
#: victim's dependency, the counted noun) and returns (category, the word that carries it).
PREDICATE_RULES = (_transitive, _intransitive, _civilian, _subject_phrase, _object_predicate)


def _predicate_category(verb: Token, victim_dep: str, noun: Token | None) -> str | None:
    """Category of a casualty predicate whose victim fills ``victim_dep`` of ``verb``."""
    for rule in PREDICATE_RULES:
        if found := rule(verb, victim_dep, noun):
            category, word = found
            return _combine(word, category)
    return None


def _noun_category(noun: Token) -> tuple[str, Token] | None:
    """A noun that is a casualty word ("deaths") or is modified by one ("wounded soldiers", "people killed")."""
    own = lex.NOUNS.get(lemma_of(noun)) or lex.NOUNS.get(noun.lower_)
    if own:
        return own, noun
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in lex.ADJECTIVES:
            return _combine(child, lex.ADJECTIVES[child.lower_]), child
        if child.dep_ == "acl" and child.i > noun.i:
            category = _predicate_category(child, "nsubjpass", noun) if child.tag_ == "VBN" else None
            category = category or lex.ADJECTIVES.get(child.lower_)
            if category:
                return category, child
        if child.dep_ == "relcl":
            for sub in child.children:
                if sub.dep_ in SUBJECTS and sub.lower_ in ("who", "that", "which"):
                    category = _predicate_category(child, sub.dep_, noun)
                    if category:
                        return category, child
    return None


_INHERIT = "inherit"  # a toll noun with no modifier counts what the last casualty figure counted


def _toll_category(toll: Token) -> str | None:
    if lemma_of(toll) not in lex.TOLL_NOUNS:
        return None
    for child in toll.children:
        word = lex.TOLL_MODIFIERS.get(lemma_of(child)) or lex.TOLL_MODIFIERS.get(child.lower_)
        if child.dep_ in ("compound", "amod", "nmod") and word:
            return word
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                word = lex.TOLL_MODIFIERS.get(lemma_of(pobj)) or lex.TOLL_MODIFIERS.get(pobj.lower_)
                if word:
                    return word
                found = _noun_category(pobj)
                if found:
                    return found[0]
    return lex.BARE_TOLL_NOUNS.get(lemma_of(toll), _INHERIT)


def _toll_rule(root: Token, *, before: Token | None = None) -> tuple[str, Token] | None:
    """"The death toll rose to 40", "a toll of 40", "put the toll at 40", "the number of dead reached 40".

    ``before`` is the token right before the number: a preposition there counts as the number's
    own when the parse hangs the number elsewhere ("increased on Thursday to 51 as nine more ...").
    """
    head = root.head
    if before is not None and before.pos_ == "ADP" and before.lower_ in lex.TOLL_PREPOSITIONS and (
        root.dep_ != "pobj" or head.i != before.i
    ):
        root, head = before, before  # read "to 51" as if the parse had made 51 its object
        if lemma_of(head.head) in lex.TOLL_VERBS:
            for child in head.head.children:
                if child.dep_ in (*SUBJECTS, "dobj") and (category := _toll_category(child)):
                    return category, child
        return None
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        owner = head.head
        if head.lower_ == "of" and owner.i < root.i and (category := _toll_category(owner)):
            return category, owner
        if lemma_of(owner) in lex.TOLL_VERBS:
            for child in owner.children:
                if child.dep_ in (*SUBJECTS, "dobj") and (category := _toll_category(child)):
                    return category, child
    if root.dep_ in ("dobj", "attr", "npadvmod", "acomp") and lemma_of(head) in lex.TOLL_VERBS:
        for child in head.children:
            if child.dep_ in SUBJECTS and (category := _toll_category(child)):
                return category, child
    return None


def _among_rule(role: Token) -> tuple[str, Token] | None:
    """"Among the dead were two children", "the dead include two children": a subset of a total."""
    if role.dep_ not in (*SUBJECTS, "attr", "dobj"):
        return None
    verb = role.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            for pobj in child.children:
                category = lex.NOUNS.get(pobj.lower_) or lex.ADJECTIVES.get(pobj.lower_)
                found = (category, pobj) if category else _noun_category(pobj)
                if pobj.dep_ == "pobj" and found:
                    return found
        if (
            lemma_of(verb) == "include"
            and role.dep_ == "dobj"
            and child.dep_ in SUBJECTS
            and (category := lex.NOUNS.get(child.lower_) or lex.ADJECTIVES.get(child.lower_))
        ):
            return category, child
    return None


_SKIPPABLE = frozenset({"AUX", "ADV", "PART"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _linear_after(doc: Doc, pos: int, stop: int, noun: Token | None) -> tuple[str, Token] | None:
    """Word order when the parse fails: "150 people were wounded", "seven injured"."""
    j = pos
    while j < stop and doc[j].pos_ in _SKIPPABLE and doc[j].lower_ not in lex.ADJECTIVES:
        if doc[j].lower_ in _NEGATIONS:
            return None
        j += 1
    if j >= stop:
        return None
    tok = doc[j]
    lem = lemma_of(tok)
    category = None
    if tok.lower_ in lex.ADJECTIVES and tok.pos_ in ("ADJ", "VERB"):
        category = lex.ADJECTIVES[tok.lower_]
    elif tok.pos_ == "VERB" and lem in lex.TRANSITIVE_VERBS and not any(c.dep_ == "dobj" for c in tok.children):
        category = lex.TRANSITIVE_VERBS[lem]
        if (lem in lex.PERSON_OBJECT_VERBS and noun is not None and not is_person(noun)) or (
            category == lex.DETAINED and not _can_detain(tok)
        ):
            category = None
    elif tok.pos_ == "VERB" and lem in lex.INTRANSITIVE_VERBS:
        category = lex.INTRANSITIVE_VERBS[lem]
    return (_combine(tok, category), tok) if category else None


def _linear_before(doc: Doc, amount: Amount, sent: Span, noun: Token | None) -> tuple[str, Token] | None:
    """"killing at least 12", "wounded 7 others": an active casualty verb right before the number."""
    if amount.start <= sent.start:
        return None
    tok = doc[amount.start - 1]
    lem = lemma_of(tok)
    if tok.pos_ != "VERB" or lem not in lex.TRANSITIVE_VERBS or (tok.tag_ == "VBN" and _passive(tok)):
        return None
    if lem in lex.PERSON_OBJECT_VERBS and (noun is None or not is_person(noun)):
        return None
    if lex.TRANSITIVE_VERBS[lem] == lex.DETAINED and not _can_detain(tok):
        return None
    return _combine(tok, lex.TRANSITIVE_VERBS[lem]), tok


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


# -- what a number counts: the rules, in order ------------------------------------------------------


def _part_of(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """A part of a casualty figure: "nearly 40 of the 64 wounded", "three of those bodies"."""
    part = partitive(draft.root, draft.amount)
    if part is None:
        return None
    holder = covering(previous, part)
    if holder is not None and holder.type == "casualty":
        draft.subset_of = holder
        return holder.category or lex.KILLED, holder.trigger or holder.root
    category = lex.NOUNS.get(lemma_of(part)) or lex.NOUNS.get(part.lower_) or lex.ADJECTIVES.get(part.lower_)
    if category:
        draft.parent_hint = "previous"
        return category, part
    return None


def _victim_of_predicate(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """The number (or its noun) fills a slot of a casualty predicate: "killed 12", "12 died"."""
    role = draft.role
    if role.dep_ in (*SUBJECTS, "dobj") and (category := _predicate_category(role.head, role.dep_, draft.noun)):
        return category, role.head
    return None


def _casualty_word(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """Casualty words on the number or its noun: "12 dead", "40 deaths", "people killed"."""
    root = draft.root
    if root.head.i != root.i and root.dep_ in ("nummod", "npadvmod", "quantmod", "compound", "amod", "nsubj"):
        word = root.head
        category = lex.ADJECTIVES.get(word.lower_) or lex.NOUNS.get(lemma_of(word)) or lex.NOUNS.get(word.lower_)
        if category and word.i >= draft.amount.end:
            return _combine(word, category), word
    return _noun_category(draft.noun) if draft.noun is not None else None


def _event_of(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """A casualty event of the number's people: "the arrest of four crew members", "the deaths of 12
    soldiers", "the evacuation of 400 residents"."""
    role = draft.role
    if role.dep_ != "pobj" or role.head.lower_ != "of":
        return None
    event = role.head.head
    category = lex.EVENT_NOUNS.get(lemma_of(event)) or lex.EVENT_NOUNS.get(event.lower_)
    if category and event.pos_ == "NOUN" and (draft.noun is None or is_person(draft.noun)):
        return category, event
    return None


def _toll(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """Tolls; a toll noun with no modifier counts what the last casualty figure counted."""
    amount = draft.amount
    found = _toll_rule(draft.root) or _toll_rule(draft.root, before=doc[amount.start - 1] if amount.start > 0 else None)
    if found is None:
        return None
    category, toll = found
    if category == _INHERIT:
        last = previous_casualty(previous, draft.sent_index)
        if last is None or last.category is None:
            return None
        category = last.category
    draft.owner = next((c for c in toll.children if c.dep_ == "poss"), None)
    return category, toll


def _among(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """"Among the dead were ...": a part of the last total of that kind."""
    found = _among_rule(draft.role)
    if found:
        draft.parent_hint = "previous"
    return found


def _word_order(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """Word order, for when the parse fails: "150 people were wounded", "killing at least 12"."""
    amount, noun = draft.amount, draft.noun
    pos = max(amount.end, noun.i + 1 if noun is not None and noun.i >= amount.end else amount.end)
    return _linear_after(doc, pos, sent.end, noun) or _linear_before(doc, amount, sent, noun)


def _companion(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """"Taken prisoner along with 12 others": a companion shares the predicate."""
    role = draft.role
    if role.dep_ != "pobj" or role.head.lower_ != "with":
        return None
    verb = role.head.head
    if verb.pos_ == "ADP":  # "along with"
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and (category := _predicate_category(verb, subject.dep_, None)):
        return category, verb
    return None


def _conjunct(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """A conjunct shares the slot of the first one: "five soldiers and two civilians were killed",
    also when the parse hangs the second object on the verb ("killed 13 marines and 60 Afghans")."""
    role = draft.role
    first = _conj_root(role)
    if first is not role and first.dep_ in (*SUBJECTS, "dobj"):
        category = _predicate_category(first.head, first.dep_, draft.noun)
        if category:
            return category, first.head
    verb = role.head
    if role.dep_ == "conj" and verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i < role.i for c in verb.children):
        category = _predicate_category(verb, "dobj", draft.noun)
        if category:
            return category, verb
    return None


def _restated(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """A bare number restating the last figure: "up from 31", "and the 17 reported by ..."."""
    if not ellipsis(doc, draft, sent):
        return None
    last = previous_casualty(previous, draft.sent_index)
    if last is not None and last.sent_index == draft.sent_index and last.category:
        draft.group = last.group
        return last.category, draft.root
    return None


def _bodies_again(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """A bare number found like the bodies counted before it in its sentence: "X said 133 bodies had
    been retrieved, while Y said 148 had been recovered"."""
    role = draft.role
    if draft.noun is not None or role.dep_ not in (*SUBJECTS, "dobj") or lemma_of(role.head) not in lex.RECOVERY_VERBS:
        return None
    last = previous_casualty(previous, draft.sent_index, reach=0)
    if last is not None and last.noun is not None and lemma_of(last.noun) in lex.BODY_NOUNS and last.category:
        return last.category, role.head
    return None


#: What makes a number a casualty figure, tried in this order (the first that answers wins).
#: Each rule takes (doc, draft, sentence, earlier drafts) and returns (category, trigger word).
CASUALTY_RULES = (
    _part_of, _victim_of_predicate, _casualty_word, _event_of, _toll, _among, _word_order, _companion, _conjunct,
    _restated, _bodies_again,
)


def classify_casualty(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    """The category of a number that counts casualties, and the word that makes it one, or None."""
    for rule in CASUALTY_RULES:
        if found := rule(doc, draft, sent, previous):
            return found
    return None


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ in NOMINAL:
        token = token.head
    return token


def _among_them(role: Token) -> bool:
    """"among them two children", "among them were two children", "two of whom"."""
    for holder in (role, role.head):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("among", "of") and any(
                g.lower_ in lex.SUBSET_PRONOUNS for g in c.children
            ):
                return True
    return False


def _smaller(part: Draft, whole: Draft) -> bool:
    """A part is smaller than its whole: "19 died, among them two firefighters" makes 2, not 19, a part."""
    size = part.amount.value if part.amount.value is not None else part.amount.low
    total = whole.amount.value if whole.amount.value is not None else whole.amount.high
    return size is None or total is None or size < total


def _total_raised(increment: Draft, drafts: Sequence[Draft]) -> Draft | None:
    """The toll an increment adds to: a larger figure of its category in its own sentence."""
    size = increment.amount.value if increment.amount.value is not None else increment.amount.low
    for other in drafts:
        if other is increment or other.sent_index != increment.sent_index or other.type != "casualty":
            continue
        total = other.amount.value if other.amount.value is not None else other.amount.low
        if other.category == increment.category and not other.amount.increment and (
            size is None or total is None or total > size
        ):
            return other
    return None


def link_subsets(drafts: list[Draft], sentences: Sequence[Span]) -> None:
    """Attach subsets: "including two children", "two of whom were children", "among them"."""
    for index, d in enumerate(drafts):
        if d.subset_of is not None or d.type not in ("casualty", "count", "none"):
            continue
        if d.amount.increment and d.type == "casualty":  # "nine more bodies ..., raising the toll to 51"
            d.subset_of = _total_raised(d, drafts)
            continue
        part = partitive(d.root, d.amount)  # "nearly 40 of the 64 wounded": the whole comes later
        holder = covering(drafts[index + 1 :], part) if part is not None else None
        if holder is not None and holder.type == "casualty":
            d.subset_of, d.type, d.category = holder, "casualty", holder.category
            d.trigger = d.trigger or holder.trigger
            continue
        earlier = drafts[:index]
        doc = d.root.doc
        sent = sentences[d.sent_index]
        # a figure with a casualty predicate of its own stands alone even when the parse makes it
        # a conjunct of a subset ("including two children, and 150 people were wounded")
        role = d.role if d.type == "casualty" and d.parent_hint is None else _conj_root(d.role)
        prev = doc[d.amount.start - 1] if d.amount.start > sent.start else None
        parent: Draft | None = None
        if d.parent_hint == "previous":  # "among the dead were ...": the last total of that kind
            size = d.amount.value if d.amount.value is not None else d.amount.low
            parent = previous_casualty(earlier, d.sent_index, category=d.category, reach=len(sentences), at_most=size)
        elif role.dep_ == "pobj" and role.head.lower_ in lex.SUBSET_PREPOSITIONS:
            holder = covering(earlier, role.head.head)
            parent = holder if holder is not None and holder.type in ("casualty", "count") else None
            parent = parent or previous_casualty(earlier, d.sent_index)
        elif (prev is not None and prev.lower_ in lex.SUBSET_PREPOSITIONS) or _among_them(role) or _among_them(d.root):
            parent = previous_casualty(earlier, d.sent_index)
        if parent is None or parent.type not in ("casualty", "count") or not _smaller(d, parent):
            continue
        d.subset_of = parent
        if parent.type == "casualty" and d.type != "casualty":
            d.type, d.category = "casualty", parent.category
        elif d.type == "none":
            d.type = parent.type
