"""Word lists for where and when a figure is, and which words are terms of a text.

The language layer turns them into fields of the records (a figure's scene places and dates, the
lemma terms of an article and of each quote), so the comparison decides on records alone.
"""

from __future__ import annotations

# words spaCy lists as stop words that carry the subject of a statement ("a phone call")
CONTENT_STOP_WORDS: frozenset[str] = frozenset({"call", "front", "serious", "fire", "full"})

# function words spaCy's stop list lacks
EXTRA_STOP_WORDS: frozenset[str] = frozenset(
    """
    near like despite amid amidst via per unlike versus within without toward upon onto across
    """.split()
)

# words that say how a statement was made, not what it is about: never a pairing term
REPORTING_WORDS: frozenset[str] = frozenset(
    """
    say said says saying tell told tells telling state stated states statement statements claim claimed
    claims add added adding note noted according report reported reports reporter reporters briefing
    announce announced announcement comment comments remark remarks continue continued insist insisted
    mr mrs ms dr official officials spokesman spokeswoman spokesperson today yesterday week
    """.split()
)

# a name right after these is a place ("in Marlow", "near Selk", "a strike on Tarvel", "the town of Rukova")
PLACE_PREPOSITIONS: tuple[str, ...] = ("in", "near", "outside", "around", "at", "into", "from", "on")
PLACE_NOUNS: tuple[str, ...] = ("town", "city", "village", "port", "district", "region", "province", "area")

# a place after these is where victims were taken, not the scene ("injured passengers were taken
# to the hospital in the town of Saulmont"); regular expression, matched just before the place
DESTINATION_PATTERN: str = (
    r"\b(?:taken|brought|rushed|flown|driven|moved|transferred|airlifted|admitted|sent)\s+to\b[^;]{0,80}$"
)

# words of a figure that count recovered bodies: a running count, not the toll, when the article
# gives a toll as well ("the same crews recovered eleven bodies")
BODY_COUNT_PATTERN: str = r"\bbod(?:y|ies)\b"

# number words that start a count ("two more bodies", "three of the dead"); "-teen" and "-ty"
# words are matched by their endings
NUMBER_WORDS: tuple[str, ...] = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)

MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)

# phrases that put a figure in another time than the event it sits beside ("last year's flood
# killed 30"); regular expressions, matched case-insensitively within the figure's sentence
OTHER_TIME_PATTERNS: tuple[str, ...] = (
    r"\blast\s+(?:year|month|decade|spring|summer|autumn|fall|winter)\b",
    r"\b(?:a|one|two|three|four|five|several|many|\d+)\s+(?:years?|months?|decades?)\s+(?:ago|earlier|before)\b",
    r"\byears?\s+ago\b",
    r"\bmonths\s+ago\b",
    r"\b(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|decade)\b",
    r"\bearlier\s+this\s+year\b",
    r"\bsince\s+the\s+(?:start|beginning|outbreak)\b",
    r"\bsince\s+the\s+war\b",
    r"\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    r"\blast\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    r"\bin\s+its\s+(?:first|second|third|fourth|fifth|sixth|\w+th)\s+(?:year|month)\b",
    r"\bover\s+the\s+same\s+period\b",
    r"\bso\s+far\s+this\s+year\b",
    r"\bsince\s+(?:19|20)\d\d\b",
    r"\bin\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+last\s+year\b",
    # the toll of a whole war or year, not of the event: "The civil war has killed more than 10,000",
    # "the deadliest year on record ... after more than 3,200 people died"
    r"\b(?:war|conflict|insurgency|fighting)\s+(?:has|have|had)\s+(?:\w+\s+)?(?:killed|claimed|left)\b",
    r"\b(?:deadliest|bloodiest|worst)\s+year\b",
)
