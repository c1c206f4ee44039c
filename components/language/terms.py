"""Terms of a text: the lemmas that say what an article or a statement is about.

Content words only: no stop words, no reporting words ("said", "officials"), no numbers; a word
is its lemma ("calls", "called" and "call" are "call"). The comparison weighs these terms (tf-idf)
to group articles into events and to pair statements; it reads them from the records, never
from the text.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from components.language.lexicon.context import CONTENT_STOP_WORDS, EXTRA_STOP_WORDS, REPORTING_WORDS

MIN_TERM_CHARS = 3


def term_of(token: Token) -> str | None:
    """The term a token stands for (its lowercase lemma), or None for a word that is no term."""
    if not token.is_alpha or len(token.text) < MIN_TERM_CHARS:
        return None
    lower = token.lower_
    if (token.is_stop and lower not in CONTENT_STOP_WORDS) or lower in EXTRA_STOP_WORDS or lower in REPORTING_WORDS:
        return None
    lemma = (token.lemma_ or lower).lower()
    return None if lemma in REPORTING_WORDS or len(lemma) < MIN_TERM_CHARS else lemma


TERMS_KEY = "newslens.terms"


def token_terms(doc: Doc) -> list[str | None]:
    """:func:`term_of` of every token, computed once per Doc (kept in its ``user_data``)."""
    terms = doc.user_data.get(TERMS_KEY)
    if not isinstance(terms, list) or len(terms) != len(doc):
        terms = [term_of(token) for token in doc]
        doc.user_data[TERMS_KEY] = terms
    return terms


def doc_terms(doc: Doc) -> Counter[str]:
    """Every term of a document with its count."""
    return Counter(term for term in token_terms(doc) if term is not None)


def span_terms(doc: Doc, ranges: Sequence[tuple[int, int]], *, skip: Iterable[tuple[int, int]] = ()) -> tuple[str, ...]:
    """The distinct terms of the character ranges of a statement, in order, leaving out ``skip``
    (the entity mentions, which the comparison counts as entities)."""
    skipped = sorted(skip)
    skip_starts = [a for a, _ in skipped]
    terms = token_terms(doc)
    found: dict[str, None] = {}
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            k = bisect.bisect_right(skip_starts, token.idx) - 1  # the latest mention starting at or before it
            if k >= 0 and any(a <= token.idx < b for a, b in skipped[max(0, k - 3) : k + 1]):
                continue
            if (term := terms[token.i]) is not None:
                found.setdefault(term, None)
    return tuple(found)


def title_terms(title: str, doc: Doc) -> tuple[str, ...]:
    """Terms of an article's title (which is not parsed): each word as the article's text lemmatises
    it where the text has it, else as written."""
    lemmas: dict[str, str] = {}
    for token, term in zip(doc, token_terms(doc), strict=True):
        if term is not None:
            lemmas.setdefault(token.lower_, term)
    found: dict[str, None] = {}
    for word in (w.strip(".,;:!?\"'“”‘’()[]").lower() for w in title.split()):
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) >= MIN_TERM_CHARS and word.isalpha() and word not in REPORTING_WORDS:
            term = lemmas.get(word)
            stop = word in EXTRA_STOP_WORDS or (word in STOP_WORDS and word not in CONTENT_STOP_WORDS)
            if term is not None or not stop:
                found.setdefault(term or word, None)
    return tuple(found)
