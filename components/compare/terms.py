"""Weights and dates of extracted records, as the comparison uses them.

Terms come from the records (the language layer's lemmas of each article and each quote); this
module only weighs them: one tf-idf for both the events and the statement pairs. Nothing here
reads article text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

IDF_PRIOR = 10  # idf = log((n + prior) / (df + 0.5)) + floor: a small set does not erase shared words


def idf_table(
    documents: Sequence[Iterable[str]], *, prior: float = IDF_PRIOR, floor: float = 0.0
) -> dict[str, float]:
    """The inverse document frequency of every term of ``documents`` (each an iterable of its terms).

    ``floor`` is added to every weight: with a floor of 1 a term that every document shares still
    counts (short statements, where a shared word is most of what two of them have in common).
    """
    df: Counter[str] = Counter(term for terms in documents for term in set(terms))
    n = len(documents)
    return {term: math.log((n + prior) / (count + 0.5)) + floor for term, count in df.items()}


def tfidf(counts: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    """Weights of one document's terms: ``(1 + log count) * idf`` (counts below 1 count as 1)."""
    return {term: (1.0 + math.log(max(count, 1.0))) * idf.get(term, 0.0) for term, count in counts.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two weight vectors (unit length already, or raw: the caller divides)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def published_date(value: str | None) -> date | None:
    """A record's ISO date (the first ten characters), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
