"""Words and dates of extracted records, as the comparison weighs them.

A light stemmer, the stop words, possessives, and the publication date of a record. These are
small helpers over strings the records already carry; nothing here parses.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from components.language.lexicon.sides import (
    CONTENT_STOP_WORDS,
    EXTRA_STOP_WORDS,
    REPORTING_WORDS,
)

STOP = (STOP_WORDS - CONTENT_STOP_WORDS) | REPORTING_WORDS | EXTRA_STOP_WORDS
WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A light suffix stripper, enough to meet "calls", "called" and "call"; not a lemmatizer."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def unpossessive(word: str) -> str:
    """"Russia's" -> "Russia", "states'" -> "states"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def published_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
