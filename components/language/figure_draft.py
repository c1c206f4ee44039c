"""A figure under construction (:class:`Draft`) and the structural questions every rule asks of it.

Where the number's head is, which noun it counts, whether it is "N of the X" (a partitive), which
earlier figure a token belongs to, and which casualty figure came last. The casualty rules
(:mod:`components.language.casualties`), the sources (:mod:`components.language.figure_sources`)
and the assembly (:mod:`components.language.figures`) all work on drafts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from components.language.lexicon import figures as lex
from components.language.numbers import Amount, is_single_word_one


@dataclass(slots=True)
class Draft:
    """A figure under construction; becomes a :class:`Figure` once ids are known."""

    type: str
    amount: Amount
    sent_index: int
    root: Token  # the number's syntactic head
    role: Token  # the token that fills the number's slot: the counted noun or the number
    noun: Token | None = None
    trigger: Token | None = None
    category: str | None = None
    group: str | None = None
    unit: str | None = None
    si_value: float | None = None
    si_unit: str | None = None
    span_end: int = 0  # one past the last token of the figure's phrase
    subset_of: Draft | None = None
    parent_hint: str | None = None  # "previous": part of the last casualty figure ("among the dead")
    source: str | None = None
    owner: Token | None = None  # "the government's count of 52": the count's owner is its source
    superseded: bool = False  # the article reports it as replaced ("earlier reports put the toll at 12")
    source_span: tuple[int, int] | None = None  # characters of the source phrase beside the figure
    location: str | None = None


def number_root(doc: Doc, amount: Amount) -> Token:
    tokens = [doc[k] for k in range(amount.num_start, amount.end)]
    outside = [t for t in tokens if not amount.num_start <= t.head.i < amount.end or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def partitive(root: Token, amount: Amount) -> Token | None:
    """The object of "of" in "two of the soldiers", "nearly 40 of the 64 wounded"."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == amount.end:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def counted_noun(doc: Doc, amount: Amount, root: Token, stop: int) -> Token | None:
    head = root.head
    if root.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod") and head.i >= amount.end and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return head
    part = partitive(root, amount)
    if part is not None and part.pos_ in ("NOUN", "PROPN") and part.lower_ not in lex.SUBSET_PRONOUNS:
        return part
    # word order: up to two modifiers, then the noun ("between 10-15 people" when the parse splits it)
    j = amount.end
    while j < stop and j < amount.end + 3 and doc[j].pos_ in ("ADJ", "NOUN", "PROPN"):
        if doc[j].pos_ in ("NOUN", "PROPN") and (j + 1 >= stop or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
            return doc[j]
        j += 1
    return None


def covering(drafts: Sequence[Draft], token: Token) -> Draft | None:
    """The figure whose number, noun or casualty word is ``token``."""
    for other in reversed(drafts):
        if token in (other.root, other.noun, other.trigger, other.role):
            return other
    return None


def previous_casualty(
    drafts: Sequence[Draft], sent_index: int, *, category: str | None = None, reach: int = 1,
    at_most: float | None = None,
) -> Draft | None:
    """The last casualty figure (not a subset) at most ``reach`` sentences back, of ``category``
    when given and, with ``at_most``, not smaller than it (a part is never larger than its whole)."""
    for other in reversed(drafts):
        if other.sent_index < sent_index - reach:
            break
        if other.type != "casualty" or other.subset_of is not None or category not in (None, other.category):
            continue
        total = other.amount.value if other.amount.value is not None else other.amount.high
        if at_most is not None and total is not None and total < at_most:
            continue
        return other
    return None


def ellipsis(doc: Doc, draft: Draft, sent: Span) -> bool:
    """A bare number that restates the figure before it: "up from 31", "the 17 reported by ..."."""
    if draft.noun is not None or is_single_word_one(doc, draft.amount):
        return False
    start = draft.amount.start
    for cue in lex.ELLIPSIS_CUES:
        n = len(cue)
        if start - n >= sent.start and tuple(t.lower_ for t in doc[start - n : start]) == cue:
            return True
    return False
