"""Matching a predicted quote to a gold attribution: sources as words, names and heads,
pronoun sources resolved to an antecedent, the speaker and content rules.

The match rule is described in :mod:`components.evaluation.polnear`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from components.evaluation.polnear_records import (
    Chain,
    Fragments,
    GoldAttribution,
    SourceKind,
    fragments_length,
    fragments_overlap,
)

#: Share of the shorter span that the overlap of a predicted and a gold content must reach.
MIN_OVERLAP = 0.5

# --- word lists the yardstick needs (kept here: this package reads no extraction lexicon) ------

DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "another"})
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "secretary", "gen", "general", "lt", "col", "sgt", "capt", "prof", "rev",
    "former", "chairman", "chairwoman", "speaker", "mayor", "judge", "justice", "minister", "st",
})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: The author or the reader: PolNeAR names neither, so these sources are never resolved.
FIRST_SECOND_PRONOUNS = frozenset({
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
    "yourselves",
})
#: Pronouns that refer to one person: their antecedent's head must be a name (not an acronym).
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PERSONAL_PRONOUNS = FIRST_SECOND_PRONOUNS | PERSON_PRONOUNS | frozenset({
    "they", "them", "their", "theirs", "themselves", "it", "its", "itself", "one",
})
QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['\u2019]s\b|(?<=s)['\u2019](?=\s|$)")
_HEAD_BOUNDARY = re.compile(
    r",|\(|\s[-\u2013\u2014]\s|\b(?:of|for|at|from|with|who|whom|which|that|in|on|to|and|or)\b", re.I
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019]?\s+|\n")
_TRAILING_NAME = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){0,4}[A-Z][\w'\u2019.-]*)$")
_MULTI_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019]?\s+[\"\u201c]?[A-Z]")


# --- sources: words, names, pronouns ---------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Words as written (case kept): quotation marks, possessives and punctuation dropped."""
    return _WORD.findall(_POSSESSIVE.sub("", text))


def words(text: str) -> list[str]:
    """Lower-cased words of a speaker or source, without determiners.

    Args:
        text: a speaker name or a source span.
    """
    return [w for w in (t.lower() for t in _tokens(text)) if w not in DETERMINERS]


def names(text: str) -> set[str]:
    """Lower-cased capitalised words of a source or speaker that are neither titles nor determiners.

    Args:
        text: a speaker name or a source span. Cannot tell a name from a capitalised common
            noun at the start of a sentence ("Officials").
    """
    return {
        t.lower() for t in _tokens(text)
        if len(t) > 1 and t[0].isupper() and t.lower() not in TITLE_WORDS | DETERMINERS | PERSONAL_PRONOUNS
    }


def _head_token(source: str) -> str | None:
    first = _HEAD_BOUNDARY.split(source, maxsplit=1)[0]
    found = [t for t in _tokens(first) if t.lower() not in DETERMINERS] or _tokens(source)
    return found[-1] if found else None


def head_word(source: str) -> str | None:
    """The head of a source's first noun phrase: its last word before "of", "for", a comma, "who" ...

    Args:
        source: a source span ("a spokesman for the Olsen campaign" gives "spokesman").
    """
    head = _head_token(source)
    return head.lower() if head else None


def _person_like(source: str) -> bool:
    """Whether "he" or "she" can refer to a source: its head is capitalised and no acronym."""
    head = _head_token(source)
    return bool(head) and head[0].isupper() and not head.isupper() and head.lower() not in PERSONAL_PRONOUNS


def source_kind(source: str) -> SourceKind:
    """Classify a source span: "relative", "pronoun", "first/second person", "named" (holds a name) or "common".

    Args:
        source: a source span as written.
    """
    found = words(source)
    if len(found) == 1 and found[0] in RELATIVE_PRONOUNS:
        return "relative"
    if found and all(w in PERSONAL_PRONOUNS for w in found):
        return "first/second person" if any(w in FIRST_SECOND_PRONOUNS for w in found) else "pronoun"
    return "named" if names(source) else "common"


def _relative_antecedent(text: str, start: int) -> str | None:
    window = _SENTENCE_BREAK.split(text[max(0, start - 160):start])[-1]
    window = window.rstrip(" ,\u2013\u2014-")
    window = re.sub(r"\s*\([^()]*\)$", "", window).rstrip(" ,\u2013\u2014-")
    match = _TRAILING_NAME.search(window)
    if match:
        return match.group(1)
    tail = window.rpartition(",")[2].split()[-3:]
    return " ".join(tail) or None


def _proper(mention: str) -> bool:
    """A mention headed by a name ("Sen. Maria Olsen", "Olsen"), not by a role ("the Ostrian senator")."""
    return source_kind(mention) == "named" and _person_like(mention)


def _coref_antecedent(text: str, chains: Sequence[Chain], start: int, end: int) -> str | None:
    """The named mention nearest before (else after) a pronoun in its coreference chain."""
    for chain in chains:
        if not any(s < end and start < e for s, e in chain):
            continue
        named = [(s, e) for s, e in chain if not (s < end and start < e) and _proper(text[s:e])]
        if named:
            before = [m for m in named if m[0] < start]
            s, e = before[-1] if before else named[0]
            return text[s:e]
    return None


def resolve_sources(
    text: str, attributions: Sequence[GoldAttribution], *, chains: Sequence[Chain] | None = None
) -> list[GoldAttribution]:
    """Give every attribution its source kind and the source a speaker is compared with.

    Sources are taken in text order. A relative pronoun takes the phrase just before it in its
    sentence. A personal pronoun takes, when ``chains`` are given, the named mention nearest
    before it in its coreference chain (else the nearest after); without a chain, a third-person
    pronoun takes the nearest earlier (resolved) source, for he/she one whose head is a
    capitalised word and no acronym ("Olsen", not "the ministry" or "the FBI"): that fallback
    cannot tell gender or number. First and second person without a chain (the author, the
    reader) and a pronoun with no antecedent get ``resolved_source`` None. A common-noun source
    ("the mayor") keeps its text and, with ``chains``, gets its chain's named mention as an
    alternative.

    Args:
        text: the article text.
        attributions: attributions with a source.
        chains: coreference chains of the text, or None.
    """
    out: list[GoldAttribution] = []
    last_any: str | None = None
    last_person: str | None = None
    for gold in sorted(attributions, key=lambda g: g.source_start if g.source_start is not None else g.start):
        source = gold.source or ""
        kind = source_kind(source)
        start, end = gold.source_start or 0, gold.source_end or 0
        resolved, by = source, "as written"
        if kind == "relative":
            resolved, by = _relative_antecedent(text, start), "relative clause"
        elif kind in ("pronoun", "first/second person"):
            resolved, by = (_coref_antecedent(text, chains, start, end) if chains else None), "corenlp"
            if resolved is None and kind == "pronoun":
                person = any(w in PERSON_PRONOUNS for w in words(source))
                resolved, by = (last_person if person else last_any), "nearest source"
        alternatives: tuple[str, ...] = ()
        if kind == "common" and chains:
            named = _coref_antecedent(text, chains, start, end)
            alternatives = (named,) if named else ()
        if resolved is None:
            by = None
        if resolved:
            last_any = resolved
            if _person_like(resolved):
                last_person = resolved
        out.append(_replace(gold, source_kind=kind, resolved_source=resolved, resolved_by=by,
                            alternatives=alternatives))
    return out


def _replace(gold: GoldAttribution, **changes: Any) -> GoldAttribution:
    data = {k: getattr(gold, k) for k in gold.__dataclass_fields__}
    data.update(changes)
    return GoldAttribution(**data)


def _singular(word: str) -> str:
    """A crude singular, the same on both sides of a comparison ("Democrats" ~ "Democrat")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def speaker_matches(speaker: str, source: str | None) -> bool:
    """Whether our speaker names the gold source (see the module's match rule).

    Words are compared lower-cased and crudely singular ("Republicans" ~ "Republican").

    Args:
        speaker: our canonical speaker.
        source: the gold source (resolved for pronouns); None never matches.
    """
    if not source:
        return False
    ours = [_singular(w) for w in words(speaker)]
    theirs = {_singular(w) for w in words(source)}
    if not ours or not theirs:
        return False
    our_names = {_singular(w) for w in names(speaker)}
    their_names = {_singular(w) for w in names(source)}
    if our_names and their_names and our_names.isdisjoint(their_names):
        return False
    head = head_word(source)
    return (head is not None and _singular(head) in ours) or bool(their_names & set(ours)) or ours[-1] in theirs


def speaker_matches_gold(speaker: str, gold: GoldAttribution) -> bool:
    """Whether our speaker names the gold source: its resolved form or one of its alternatives.

    Args:
        speaker: our canonical speaker.
        gold: one gold attribution (``resolved_source`` and ``alternatives``).
    """
    return any(speaker_matches(speaker, source) for source in (gold.resolved_source, *gold.alternatives))


def content_matches(predicted: Fragments, gold: Fragments, *, min_overlap: float = MIN_OVERLAP) -> bool:
    """Whether two content spans overlap by ``min_overlap`` of the shorter one, in characters.

    Args:
        predicted: merged fragments of a predicted quote.
        gold: merged fragments of a gold content.
        min_overlap: the share of the shorter span that must be covered.
    """
    shorter = min(fragments_length(predicted), fragments_length(gold))
    return shorter > 0 and fragments_overlap(predicted, gold) >= min_overlap * shorter


