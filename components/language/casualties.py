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


def _phrase_category(verb: Token) -> str | None:
    """Fixed phrases whose subject is the victim: "lost their lives", "taken prisoner", "listed as missing"."""
    lem = lemma_of(verb)
    for child in verb.children:
        if child.dep_ == "dobj" and (lem, lemma_of(child)) in lex.VERB_OBJECT_PHRASES:
            return lex.VERB_OBJECT_PHRASES[(lem, lemma_of(child))]
        if child.dep_ in ("oprd", "acomp", "xcomp", "attr", "dobj", "ccomp", "advmod", "npadvmod"):
            found = lex.VERB_PREDICATE_PHRASES.get((lem, child.lower_)) or lex.VERB_PREDICATE_PHRASES.get(
                (lem, lemma_of(child))
            )
            if found:
                return found
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found = lex.VERB_PREP_PHRASES.get((lem, child.lower_, lemma_of(obj))) or lex.VERB_PREP_PHRASES.get(
                        (lem, child.lower_, obj.lower_)
                    )
                    if found:
                        return found
    return None


def _predicate_category(verb: Token, victim_dep: str, noun: Token | None) -> str | None:
    """Category of a casualty predicate whose victim fills ``victim_dep`` of ``verb``."""
    lem = lemma_of(verb)
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    category = None
    if lem in lex.TRANSITIVE_VERBS and (
        victim_dep in ("dobj", "nsubjpass") or (victim_dep == "nsubj" and not has_object)
    ):
        particle = lex.VERB_PARTICLES.get(lem)
        if particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
            category = lex.TRANSITIVE_VERBS[lem]
        if lem in lex.PERSON_OBJECT_VERBS and noun is not None and not is_person(noun):
            category = None
    elif lem in lex.INTRANSITIVE_VERBS and victim_dep == "nsubj":
        category = lex.INTRANSITIVE_VERBS[lem]
    elif lem in lex.CIVILIAN_VERBS and victim_dep == "nsubj" and _is_civilian(noun):
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if all(lemma_of(o) in lex.HOME_NOUNS for o in objects):
            category = lex.CIVILIAN_VERBS[lem]
    if category is None and victim_dep in SUBJECTS:
        category = _phrase_category(verb)
        if category is None and victim_dep == "nsubj" and not has_object and verb.pos_ in ("ADJ", "VERB"):
            category = lex.ADJECTIVES.get(verb.lower_)
    if category is None and victim_dep == "dobj":  # "left 12 people dead", "shot dead four people"
        for child in verb.children:
            if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "amod", "advmod", "dep") and (
                (lem == "leave" and child.lower_ in lex.ADJECTIVES)
                or (lem, child.lower_) in lex.VERB_PREDICATE_PHRASES
            ):
                return lex.VERB_PREDICATE_PHRASES.get((lem, child.lower_)) or lex.ADJECTIVES[child.lower_]
    return _combine(verb, category) if category else None


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


def _toll_rule(root: Token) -> tuple[str, Token] | None:
    """"The death toll rose to 40", "a toll of 40", "put the toll at 40", "the number of dead reached 40"."""
    head = root.head
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
        if lem in lex.PERSON_OBJECT_VERBS and noun is not None and not is_person(noun):
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
    return _combine(tok, lex.TRANSITIVE_VERBS[lem]), tok


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def classify_casualty(doc: Doc, draft: Draft, sent: Span, previous: Sequence[Draft]) -> tuple[str, Token] | None:
    role, root, noun, amount = draft.role, draft.root, draft.noun, draft.amount
    # 0. a part of a casualty figure: "nearly 40 of the 64 wounded", "three of those bodies"
    part = partitive(root, amount)
    if part is not None:
        holder = covering(previous, part)
        if holder is not None and holder.type == "casualty":
            draft.subset_of = holder
            return holder.category or lex.KILLED, holder.trigger or holder.root
        category = lex.NOUNS.get(lemma_of(part)) or lex.NOUNS.get(part.lower_) or lex.ADJECTIVES.get(part.lower_)
        if category:
            draft.parent_hint = "previous"
            return category, part
    # 1. the number (or its noun) fills a slot of a casualty predicate
    if role.dep_ in (*SUBJECTS, "dobj") and (category := _predicate_category(role.head, role.dep_, noun)):
        return category, role.head
    # 2. casualty words on the number or its noun: "12 dead", "40 deaths", "people killed"
    if root.head.i != root.i and root.dep_ in ("nummod", "npadvmod", "quantmod", "compound", "amod", "nsubj"):
        word = root.head
        category = lex.ADJECTIVES.get(word.lower_) or lex.NOUNS.get(lemma_of(word)) or lex.NOUNS.get(word.lower_)
        if category and word.i >= amount.end:
            return _combine(word, category), word
    if noun is not None and (found := _noun_category(noun)):
        return found
    # 3. tolls; a toll noun with no modifier counts what the last casualty figure counted
    if found := _toll_rule(root):
        category, toll = found
        if category == _INHERIT:
            last = previous_casualty(previous, draft.sent_index)
            if last is None or last.category is None:
                return None
            category = last.category
        draft.owner = next((c for c in toll.children if c.dep_ == "poss"), None)
        return category, toll
    # 4. "among the dead were ..."
    if found := _among_rule(role):
        draft.parent_hint = "previous"
        return found
    # 5. word order, for when the parse fails
    pos = max(amount.end, noun.i + 1 if noun is not None and noun.i >= amount.end else amount.end)
    if found := _linear_after(doc, pos, sent.end, noun):
        return found
    if found := _linear_before(doc, amount, sent, noun):
        return found
    # 6. "taken prisoner along with 12 others": a companion shares the predicate
    if role.dep_ == "pobj" and role.head.lower_ == "with":
        verb = role.head.head
        if verb.pos_ == "ADP":  # "along with"
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and (category := _predicate_category(verb, subject.dep_, None)):
            return category, verb
    # 7. a conjunct shares the slot of the first one: "five soldiers and two civilians were killed"
    first = _conj_root(role)
    if first is not role and first.dep_ in (*SUBJECTS, "dobj"):
        category = _predicate_category(first.head, first.dep_, noun)
        if category:
            return category, first.head
    # 8. a bare number restating the last figure: "up from 31", "and the 17 reported by ..."
    if ellipsis(doc, draft, sent):
        last = previous_casualty(previous, draft.sent_index)
        if last is not None and last.sent_index == draft.sent_index and last.category:
            draft.group = last.group
            return last.category, root
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


def link_subsets(drafts: list[Draft], sentences: Sequence[Span]) -> None:
    """Attach subsets: "including two children", "two of whom were children", "among them"."""
    for index, d in enumerate(drafts):
        if d.subset_of is not None or d.type not in ("casualty", "count", "none"):
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
