"""Casualty counts and other figures: values, ranges, qualifiers, subsets, sources, units, dates.

How it works (compute first, then annotate; every word list is in :mod:`components.language.lexicon.figures`):

1. **Amounts** (:mod:`components.language.numbers`): every number is read into an amount, with
   its qualifier, range and unit; numbers of dates, times, ages, identifiers are dropped.
2. **What an amount counts**, in this order: percent ("12 percent"), money ("$1.5 billion"),
   quantity (a unit that pint knows, of an allowed dimension: "100 kilometers"), casualty
   (:mod:`components.language.casualties`: a casualty word linked by the dependency parse, or by
   the word order where the parse fails), count (a counted noun: "59 cruise missiles"), else nothing.
3. **Subsets** ("including two children", "two of whom were children", "among the dead were"),
   **sources** and **locations** (:mod:`components.language.figure_sources`) are attached
   afterwards, sentence by sentence.
4. **Dates** are the model's DATE entities, resolved by ``dateparser`` against the publication
   date (:mod:`components.language.dates`).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal, cast

from spacy.tokens import Doc, Span, Token

from components.language.attribution import Attributions, attribute
from components.language.casualties import bare_conjunct, classify_casualty, is_person, link_subsets
from components.language.dates import date_kind, resolve_date
from components.language.doctext import doc_text
from components.language.entities import EntityIndex
from components.language.figure_draft import Draft, counted_noun, number_root, partitive
from components.language.figure_sources import attach_sources
from components.language.lexicon import figures as lex
from components.language.numbers import (
    SUBJECTS,
    Amount,
    currency_after,
    is_single_word_one,
    iter_amounts,
    lemma_of,
    percent_after,
    unit_after,
)

__all__ = ["Figure", "FigureType", "date_kind", "extract_figures", "resolve_date"]

FigureType = Literal["casualty", "quantity", "money", "percent", "count", "date"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure claimed in an article. Offsets are character offsets into the article text."""

    id: str  # "f0", "f1", ... unique within the article; subset_of points at one of these
    type: FigureType
    text: str  # the phrase as written: "more than 150 people were wounded"
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    category: str | None = None  # casualties: killed|wounded|casualties|missing|detained|displaced
    value: float | None = None  # as stated; None for vague amounts ("dozens") and ranges
    low: float | None = None  # lower bound the statement sets (see the module docstring)
    high: float | None = None  # upper bound the statement sets
    qualifier: str | None = None  # one name each: "more than" (also "over"), "at least", "about" (also "some"), ...
    vague: str | None = None  # a vague amount as written ("dozens"): value None, only a bound
    increment: bool = False  # "two more bodies": added to a toll (its subset_of when the toll is given), no total
    superseded: bool = False  # reported as replaced by a later figure ("earlier reports put the toll at 12")
    unit: str | None = None  # symbol: km, mi, kg, USD, %, ...
    si_value: float | None = None  # quantities converted to SI (metres, kilograms, m/s)
    si_unit: str | None = None
    group: str | None = None  # people, civilians, children, soldiers, drones, ...
    group_side: str | None = None  # the side the group belongs to ("US service members": United States)
    subset_of: str | None = None  # id of the figure this one is part of
    source: str | None = None  # who claims it; None when the article states it itself
    location: str | None = None
    iso: str | None = None  # dates: ISO date (the first day of the period for weeks, months, years)
    precision: str | None = None  # dates: day|week|month|year
    number_start: int | None = None  # offsets of the number itself, for highlighting
    number_end: int | None = None
    also_at: tuple[tuple[int, int], ...] = ()  # where the article states the same figure again (headline, recap)
    source_start: int | None = None  # offsets of the source phrase, when the article names it beside the figure
    source_end: int | None = None
    body_count: bool = False  # it counts bodies ("recovered eleven bodies"): beside a toll, a running count
    partitive: bool = False  # "19 of the injured": a part, even when its whole is no figure
    # where and when (components.language.figure_context): the scene places of its sentence, the
    # proper names of its sentence, a phrase that puts it at another time, the dates written near it
    scene: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    time_cue: str | None = None
    dated: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _group_text(doc: Doc, amount: Amount, noun: Token | None, role: Token) -> str | None:
    if noun is None:
        if role.dep_ in SUBJECTS and lemma_of(role.head) == "be":
            for child in role.head.children:
                if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN"):
                    return _phrase(doc, child)
        return None
    if lex.NOUNS.get(lemma_of(noun)) and not is_person(noun):
        return None
    return _phrase(doc, noun, after=amount.end if noun.i >= amount.end else None)


def _phrase(doc: Doc, noun: Token, *, after: int | None = None) -> str:
    """The noun with its left modifiers ("cruise missiles", "Palestinian civilians"), no determiners."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and (after is None or child.i >= after):
            start = min(start, child.left_edge.i if after is None or child.left_edge.i >= after else child.i)
    while start < noun.i and (doc[start].pos_ in ("DET", "PUNCT", "NUM") or doc[start].is_punct):
        start += 1
    return doc[start : noun.i + 1].text


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def _classify(doc: Doc, index: int, amount: Amount, sent: Span, previous: Sequence[Draft]) -> Draft:
    root = number_root(doc, amount)
    noun = counted_noun(doc, amount, root, sent.end)
    role = noun if noun is not None and root.head.i == noun.i else root
    draft = Draft(type="none", amount=amount, sent_index=index, root=root, role=role, noun=noun,
                   span_end=amount.end)
    in_money = any(t.ent_type_ == "MONEY" for t in doc[amount.num_start : amount.end])
    if (end := percent_after(doc, amount.end, sent.end)) is not None:
        draft.type, draft.unit, draft.span_end, draft.noun = "percent", "%", end, None
        return draft
    currency = currency_after(doc, amount.end, sent.end, in_money=in_money or amount.currency is not None)
    if amount.currency is not None or currency is not None:
        draft.type, draft.noun = "money", None
        draft.unit = amount.currency or (currency[1] if currency else None)
        draft.span_end = currency[0] if currency else amount.end
        return draft
    if (unit := unit_after(doc, amount.end, sent.end)) is not None:
        end, (symbol, factor, si_symbol) = unit
        draft.type, draft.unit, draft.span_end, draft.noun = "quantity", symbol, end, None
        base = amount.value if amount.value is not None else amount.low
        si_value = None if base is None else base * factor
        draft.si_value = si_value if si_value is not None and math.isfinite(si_value) else None
        draft.si_unit = si_symbol
        return draft
    if found := classify_casualty(doc, draft, sent, previous):
        draft.type, (draft.category, draft.trigger) = "casualty", found
        draft.group = draft.group or _group_text(doc, amount, noun, role)
        return draft
    draft.group = _group_text(doc, amount, noun, role)
    if noun is not None and noun.lower_ not in lex.NOT_COUNTED and not is_single_word_one(doc, amount):
        draft.type = "count"
    return draft


def _span_of(draft: Draft) -> tuple[int, int]:
    doc = draft.root.doc
    tokens = [draft.amount.start, draft.span_end - 1]
    if draft.noun is not None:
        tokens.append(draft.noun.i)
    trigger = draft.trigger
    if trigger is not None and trigger.sent == draft.root.sent and abs(trigger.i - draft.root.i) < 40:
        tokens.append(trigger.i)
        if lemma_of(trigger) in lex.TOLL_NOUNS:
            tokens.extend(c.i for c in trigger.lefts if c.dep_ in ("compound", "amod", "nmod"))
        tokens.extend(_predicate_tail(trigger, draft))
    end = draft.amount.end
    if draft.amount.trailing and end + 2 <= len(doc):  # "12 or more"
        tokens.append(end + 1)
    return min(tokens), max(tokens) + 1


def _predicate_tail(trigger: Token, draft: Draft) -> Iterator[int]:
    """Words that complete a casualty predicate: "shot dead", "lost their lives", "killed or wounded",
    "remain in captivity"."""
    lem = lemma_of(trigger)
    for child in trigger.rights:
        near = child.i - trigger.i <= lex.COMBINED_MAX_GAP + 2
        if (child.dep_ in ("prt", "oprd", "acomp") and near and child.i >= draft.amount.end) or (
            child.dep_ == "dobj" and (lem, lemma_of(child)) in lex.VERB_OBJECT_PHRASES
        ) or (draft.category == lex.CASUALTIES and child.dep_ == "conj" and bare_conjunct(child, trigger)):
            yield child.i
        elif child.dep_ == "prep" and near:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and (lem, child.lower_, lemma_of(obj)) in lex.VERB_PREP_PHRASES:
                    yield obj.i


def _is_part(root: Token, amount: Amount) -> bool:
    """"19 of the injured", "two of them": a part of a group named as a whole (not "dozens of others")."""
    whole = partitive(root, amount)
    return whole is not None and (
        whole.lower_ in lex.SUBSET_PRONOUNS or any(c.dep_ in ("det", "poss") and c.lower_ in lex.PART_DETERMINERS
                                                   for c in whole.children)
    )


def _span_chars(doc: Doc, draft: Draft) -> tuple[int, int]:
    a, b = _span_of(draft)
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _restates(later: Draft, earlier: Draft) -> bool:
    """Whether two casualty figures are one claim stated twice: same category, number, source,
    and no group, place or qualifier that tells them apart ("kills 38" in a headline, "killing 38
    people" below it). A part or an increment is never a restatement."""
    a, b = later.amount, earlier.amount
    if later.type != "casualty" or earlier.type != "casualty" or later.category != earlier.category:
        return False
    if (a.value, a.vague) != (b.value, b.vague) or (a.value is None and (a.low, a.high) != (b.low, b.high)):
        return False
    if later.source != earlier.source or later.superseded != earlier.superseded:
        return False
    if later.subset_of is not None or earlier.subset_of is not None or a.increment or b.increment:
        return False
    for x, y in ((later.group, earlier.group), (later.location, earlier.location), (a.qualifier, b.qualifier)):
        if x is not None and y is not None and x.lower() != y.lower():
            return False
    return True


def _richness(draft: Draft) -> tuple[int, int, int]:
    return (draft.amount.qualifier is not None, draft.group is not None, draft.location is not None)


def merge_restatements(drafts: Sequence[Draft]) -> tuple[list[Draft], dict[int, list[Draft]]]:
    """One record per claim: a casualty figure stated again (a headline and its story, a recap) is
    kept once, the most specific statement of it, with where else it stands.

    Returns the drafts left and, by ``id`` of a kept draft, the drafts it absorbed. Parts that
    pointed at an absorbed draft point at the kept one.
    """
    kept: dict[int, Draft] = {}  # by id, in order
    by_claim: dict[tuple[object, ...], list[int]] = {}  # claim key -> ids of kept drafts (no quadratic scan)
    absorbed: dict[int, list[Draft]] = {}
    replaced: dict[int, Draft] = {}
    for draft in drafts:
        key = (draft.category, draft.amount.value, draft.amount.vague, draft.amount.low, draft.amount.high,
               draft.source)
        slots = by_claim.setdefault(key, []) if draft.type == "casualty" else []
        twin = next((kept[i] for i in slots if _restates(draft, kept[i])), None)
        if twin is None:
            kept[id(draft)] = draft
            slots.append(id(draft))
            continue
        best, other = (draft, twin) if _richness(draft) > _richness(twin) else (twin, draft)
        if best is draft:
            del kept[id(twin)]
            kept[id(draft)] = draft
            slots[slots.index(id(twin))] = id(draft)
        absorbed.setdefault(id(best), []).extend([other, *absorbed.pop(id(other), [])])
        replaced[id(other)] = best
    left = sorted(kept.values(), key=lambda d: d.amount.start)
    for draft in left:
        while draft.subset_of is not None and id(draft.subset_of) in replaced:
            draft.subset_of = replaced[id(draft.subset_of)]
    return left, absorbed


def extract_figures(
    doc: Doc, *, entities: EntityIndex, published: date | None = None, attributions: Attributions | None = None
) -> list[Figure]:
    """Find every figure in a parsed article: casualties, quantities, money, percentages, counts, dates.

    Args:
        doc: the parsed article (dependency parse and entities; hand-built Docs work when they
            carry heads, deps, POS tags, tags and lemmas).
        entities: the article's entity index, used to name sources and locations.
        published: the publication date, the base for relative dates ("on Tuesday").
        attributions: the article's :func:`~components.language.attribution.attribute` result,
            when the caller has it already (the quotes use the same one).

    Returns:
        Figures in text order with ids "f0", "f1", ...

    It cannot link a subset across sentences without a cue ("Four were killed. Two were
    children." gives no subset; "Among them were two children" does), cannot tell which of two
    events a number belongs to, and reads only English. Without ``published`` relative dates
    keep ``iso`` None.
    """
    sentences = _sentences(doc)
    drafts: list[Draft] = []
    text = doc_text(doc)
    for index, amount in iter_amounts(doc, sentences, text):
        drafts.append(_classify(doc, index, amount, sentences[index], drafts))
    link_subsets(drafts, sentences)
    drafts = [d for d in drafts if d.type != "none"]
    found = attributions if attributions is not None else attribute(doc, entities=entities)
    attach_sources(drafts, sentences, found)
    drafts, also_at = merge_restatements(drafts)

    records: list[tuple[int, int, Draft | Span]] = []
    for d in drafts:
        a, b = _span_of(d)
        records.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), d))
    taken = [(s, e) for s, e, _ in records]
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if date_kind(ent.text) == "date":
            records.append((ent.start_char, ent.end_char, ent))
    records.sort(key=lambda r: (r[0], r[1]))

    ids = {id(item): f"f{k}" for k, (_, _, item) in enumerate(records)}
    sentence_starts = [sent.start for sent in sentences]
    figures: list[Figure] = []
    for k, (start, end, item) in enumerate(records):
        if isinstance(item, Span):
            iso, precision = resolve_date(item.text, published)
            sent = sentences[bisect_right(sentence_starts, item.start) - 1]
            figures.append(
                Figure(id=f"f{k}", type="date", text=item.text, start=start, end=end,
                       sentence_start=sent.start_char, sentence_end=sent.end_char,
                       iso=iso, precision=precision)
            )
            continue
        sent = sentences[item.sent_index]
        amount = item.amount
        number = doc[amount.num_start : amount.end]
        figures.append(
            Figure(
                id=f"f{k}", type=cast(FigureType, item.type), text=text[start:end], start=start, end=end,
                sentence_start=sent.start_char, sentence_end=sent.end_char, category=item.category,
                value=amount.value, low=amount.low, high=amount.high, qualifier=amount.qualifier, vague=amount.vague,
                increment=amount.increment, superseded=item.superseded,
                unit=item.unit, si_value=item.si_value, si_unit=item.si_unit, group=item.group,
                subset_of=ids.get(id(item.subset_of)) if item.subset_of is not None else None,
                source=item.source, location=item.location,
                number_start=number.start_char, number_end=number.end_char,
                also_at=tuple(_span_chars(doc, other) for other in also_at.get(id(item), ())),
                source_start=item.source_span[0] if item.source_span else None,
                source_end=item.source_span[1] if item.source_span else None,
                body_count=item.noun is not None and lemma_of(item.noun) in lex.BODY_NOUNS,
                partitive=_is_part(item.root, amount),
            )
        )
    return figures
