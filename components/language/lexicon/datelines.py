"""The dateline that opens wire copy: "KOROVA, Valdoria (AP) — ", "LISBON -- ", "ORAN, March 3 (Reuters) - ".

A dateline is the place (in capitals), perhaps its country or state, a date and the agency, then
a dash. It is no part of the first sentence: left there, the parser makes the place the subject
("LISBON -- President X ... said": LISBON said). :mod:`components.language.datelines` starts a
sentence after its dash, before the parser runs.
"""

from __future__ import annotations

# The dash that closes a dateline (spaCy keeps "--" as one token).
DATELINE_DASHES: frozenset[str] = frozenset({"—", "–", "―", "--", "-"})

# At most this many tokens before the dash ("SAN JUAN, Puerto Rico, March 3 (Reuters) -" has 12).
MAX_DATELINE_TOKENS = 16

# A place alone before the dash ("LISBON -- ...") is a dateline only this early in the article
# (headline, byline, first paragraph); later, "NATO — the alliance of 32 — said" is a sentence.
BARE_DATELINE_PARAGRAPHS = 3

# Tokens a dateline may hold besides capitalised words, numbers and what its parentheses enclose.
DATELINE_PUNCT: frozenset[str] = frozenset({",", ".", "(", ")", "/"})
