"""Who claims a figure, and where it happened.

A figure's source comes from the one attribution core (:mod:`components.language.attribution`):
the speaker of the innermost statement or reporting frame that covers the figure ("according to
X", "X said ...", a quotation and its speaker, "it added", "X put the toll at 22"); a sentence
with no attribution at all takes the last reported (not quoted) attribution of the sentence
just before it in the same paragraph ("According to the governor, the strike hit a market. Six
people were killed." -> the governor). A count with an owner is its owner's ("the government's
count of 52"); a subset with no source takes its parent's.

A figure's location is the nearest place a location preposition attaches to the figure ("killed
in Velm"), never the place beside its source ("officials in Velm said").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from components.language.attribution import Attributions, SourceFrame
from components.language.figure_draft import Draft
from components.language.lexicon import figures as lex
from components.language.lexicon.names import TITLE_WORDS
from components.language.numbers import lemma_of


def _place_phrase(head: Token) -> str:
    """A place the model did not tag, with its left modifiers and no determiner ("the Orvel Pass" -> "Orvel Pass")."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "case"):
            start = min(start, child.left_edge.i)
    while start < head.i and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_.rstrip(".") in TITLE_WORDS):
        start += 1
    return doc[start : head.i + 1].text


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


def _location(draft: Draft, sent: Span, attributions: Attributions, avoid: Sequence[tuple[int, int]]) -> str | None:
    targets = {t.i for t in (draft.trigger, draft.root, draft.noun, draft.role) if t is not None}
    if draft.trigger is not None and draft.trigger.pos_ in ("NOUN", "ADJ"):
        targets.add(draft.trigger.head.i)
    anchor = (draft.trigger or draft.root).i
    best: tuple[int, str] | None = None
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in lex.LOCATION_PREPOSITIONS or tok.pos_ != "PROPN":
            continue
        if any(a <= tok.idx < b for a, b in avoid) or not _attached_to(tok.head, targets):
            continue
        mention = attributions.resolver.mention_at(tok)
        if mention is not None:
            if mention.label not in lex.LOCATION_LABELS:
                continue
            name = mention.name
        elif tok.ent_type_ in ("", "GPE", "LOC", "FAC", "LANGUAGE"):
            name = _place_phrase(tok)
        else:
            continue
        distance = abs(tok.i - anchor)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def _superseded(draft: Draft, frame: SourceFrame | None) -> bool:
    """Whether the article reports the figure as replaced: "earlier reports put the toll at 12", "the
    ministry initially said 40", "an initial toll of 30", "up from 31 on Monday"."""
    doc = draft.root.doc
    start = draft.amount.start
    for cue in lex.SUPERSEDED_CUES:
        n = len(cue)
        if start - n >= 0 and tuple(t.lower_ for t in doc[start - n : start]) == cue:
            return True
    heads = [t for t in (draft.trigger, draft.root, draft.noun) if t is not None]
    heads += [t.head for t in heads if t.head.pos_ in ("VERB", "AUX", "NOUN")]
    revised = draft.root.head.lower_ == "to" and lemma_of(draft.root.head.head) in lex.CHANGE_VERBS | lex.TOLL_VERBS
    if frame is not None and not revised:  # "initially said 40 ... before revising the figure to 52": 52 stands
        heads += [doc[i] for i in (frame.cue_token, frame.speaker_token) if i is not None]
    return any(c.dep_ in ("amod", "advmod", "npadvmod") and c.lower_ in lex.SUPERSEDED_WORDS
               for head in heads for c in head.children)


def attach_sources(drafts: Sequence[Draft], sentences: Sequence[Span], attributions: Attributions) -> None:
    """Give every draft its source, its superseded mark and, for casualties and counts, its location (in place)."""
    for d in drafts:
        anchor = d.trigger if d.type == "casualty" and d.trigger is not None else d.root
        doc = d.root.doc
        number = (doc[d.amount.num_start].idx, doc[d.amount.end - 1].idx + len(doc[d.amount.end - 1].text))
        frame = attributions.frame_of(anchor.idx, avoid=number)
        if d.owner is not None:  # "the government's count of 52"
            d.source = attributions.name_of(d.owner)
            owner = d.owner
            d.source_span = (owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge.text))
        elif frame is not None:
            d.source = frame.name
            d.source_span = frame.exclude if frame.exclude[1] > frame.exclude[0] else None
        d.superseded = _superseded(d, frame)
        if d.type in ("casualty", "count"):
            sent = sentences[d.sent_index]
            own = attributions.frames_between(sent.start_char, sent.end_char)
            d.location = _location(d, sent, attributions, [f.exclude for f in own])
    for d in drafts:
        if d.source is None and d.subset_of is not None:
            d.source, d.source_span = d.subset_of.source, d.subset_of.source_span
