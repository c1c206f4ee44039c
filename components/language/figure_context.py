"""Where and when a figure is, and which names stand for parties: context the comparison reads from records.

The comparison lines up each event's own casualty tolls across articles. Whether a figure is the
event's own depends on the text around it (another town, another year, a body count, "19 of the
injured"); that text is read here, once, and written into the figure's record, so
:mod:`components.compare` decides on records alone:

- ``scene``: the places the figure's sentence puts it at: non-party places (a GPE/LOC/FAC entity,
  or any name right after "in", "near", "town of"), not the place beside its source ("officials
  in Velm said") nor where victims were taken ("taken to the hospital in Saulmont"), plus its
  ``location``;
- ``names``: every proper name of its sentence, so a place the model missed still matches;
- ``time_cue``: a phrase near it that puts it at another time ("last year", "since the war
  began", "over the same period"), and ``dated``: the dates, months and years written near it
  (ISO: ``2029-03-03``, ``2026-01``, ``2019``), which the comparison sets against the event's dates;
(``body_count``, ``partitive`` and ``increment`` are set where figures are read, from the parse.)

Countries, capitals, seats of power and nationality words name the parties, not the scene
(:func:`is_party`); an invented country counts when the article makes it a side.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from components.language.doctext import doc_text
from components.language.figures import Figure
from components.language.lexicon.context import (
    DESTINATION_PATTERN,
    MONTHS,
    OTHER_TIME_PATTERNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
)
from components.language.lexicon.sides import COUNTRIES, DEMONYMS, STATE_WORDS
from components.language.sides import is_party_name

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CUE_REACH = 100  # a time phrase this many characters from a figure (same sentence) dates it
SOURCE_REACH = 20  # a place this close after a figure's source is where the source sits
DESTINATION_REACH = 120  # "taken to the hospital in ...": looked for this far before a place

_PARTY_STEMS = frozenset(n[:5] for n in (*COUNTRIES, *DEMONYMS) if len(n) >= 5)
_OTHER_TIME = re.compile("|".join(OTHER_TIME_PATTERNS), re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|May(?=\s+\d))\b"
    r"|\b(?:in|since|last|early|late|mid-?)\s+(May)\b"
)
_PLACE_CUE = re.compile(
    rf"(?:\b(?:{'|'.join(PLACE_PREPOSITIONS)})\s+(?:the\s+)?|\b(?:{'|'.join(PLACE_NOUNS)})\s+of\s+)$", re.IGNORECASE
)
_DESTINATION = re.compile(DESTINATION_PATTERN, re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")

_ISO_CHARS = {"year": 4, "month": 7}  # a date figure's ISO date cut to its precision
PlaceMention = tuple[int, int, str, bool]  # (start, end, key, labelled a place)


def name_key(name: str) -> str:
    """The key of a name across articles: casefolded, one space, no "the", no possessive."""
    return " ".join(_POSSESSIVE.sub("", name.strip()).removeprefix("the ").removeprefix("The ").casefold().split())


def is_party_place(name: str, *, side: str | None = None) -> bool:
    """True for a country, a capital or seat of power, or a place the article treats as a country.

    Such names stand for the parties ("Moscow said"), so they never tell two events apart. An
    invented country counts when the side resolver made it its own side ("Kestria" -> "Kestria").
    """
    key = re.sub(r"^the\s+", "", name.casefold().strip())
    return is_party_name(name) or (side is not None and side.casefold() == key)


def is_party(name: str, label: str, side: str | None, *, sides: Iterable[str] = ()) -> bool:
    """A country, capital, seat of power or nationality: it names a party, not the scene.

    Lexicon names, names that are their own side ("Kestria"), and one-word names sharing the
    stem of their side or of any side of the article (``sides``): "Valdoran" and "Valdora" when
    "Valdor" is a side, whatever label the model gave them. A town named like a country
    ("Valdorsk") is taken for a party too.
    """
    if label == "NORP" or is_party_place(name, side=side):
        return True
    folded = name.casefold()
    stems = {s.casefold()[:5] for s in (*sides, side or "") if len(s) >= 5} | _PARTY_STEMS
    words = folded.split()
    if len(words) > 1:  # "Republic of Kestria", "Valdoran Federation"; not "Valdoran province"
        return any(w in STATE_WORDS for w in words) and any(w[:5] in stems for w in words if len(w) >= 5)
    return len(folded) >= 5 and folded[:5] in stems


def proper_names(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The keys of the runs of proper nouns (and capitalised words) between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    found: dict[str, None] = {}
    run: list[str] = []
    for token in [*span, None]:
        if token is not None and (token.pos_ == "PROPN" or (token.is_alpha and token.text[:1].isupper() and
                                                            not token.is_sent_start)):
            run.append(token.text)
            continue
        if run:
            found.setdefault(name_key(" ".join(run)), None)
            run = []
    return tuple(found)


def _near(figure: Figure, start: int, end: int) -> bool:
    """True when ``start:end`` (article offsets) lies within ``CUE_REACH`` characters of the figure."""
    return start - figure.end <= CUE_REACH and figure.start - end <= CUE_REACH


def _window(figure: Figure, reach: int) -> tuple[int, int]:
    """The part of the figure's sentence within ``reach`` characters of it (bounded work per figure)."""
    return max(figure.sentence_start, figure.start - reach), min(figure.sentence_end, figure.end + reach)


def _scene(text: str, figure: Figure, mentions: Sequence[PlaceMention]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    first = bisect_left(mentions, (figure.sentence_start,))
    source = (figure.source_start, figure.source_end) if figure.source_start is not None else None
    for start, end, key, geo in mentions[first:bisect_right(mentions, (figure.sentence_end,))]:
        if end > figure.sentence_end:
            continue
        if source is not None and source[1] is not None and source[0] <= start <= source[1] + SOURCE_REACH:
            continue  # "officials in Velm": where the source sits, not the scene
        if _DESTINATION.search(text[max(figure.sentence_start, start - DESTINATION_REACH):start]):
            continue  # "taken to the hospital in Saulmont": where victims went, not the scene
        if geo or _PLACE_CUE.search(text[max(figure.sentence_start, start - 30):start]):
            found.setdefault(key, None)
    if figure.location and not is_party_place(figure.location):
        found.setdefault(name_key(figure.location), None)
    return tuple(found)


def _dated(text: str, figure: Figure, dates: Sequence[Figure], published: date | None) -> tuple[str, ...]:
    """Dates (ISO), months (``YYYY-MM``) and years (``YYYY``) written near a figure in its sentence.

    ``dates`` are the article's date figures, sorted by start.
    """
    lo, hi = _window(figure, CUE_REACH + 20)
    found: dict[str, None] = {}
    starts = [d.start for d in dates]
    for other in dates[bisect_left(starts, lo):bisect_right(starts, hi)]:
        if other.iso and other.sentence_start == figure.sentence_start and _near(figure, other.start, other.end):
            found.setdefault(other.iso[:_ISO_CHARS.get(other.precision or "", 10)], None)
    number = (figure.number_start, figure.number_end)
    for match in _YEAR.finditer(text, lo, hi):
        at = match.start()
        if not (number[0] is not None and number[1] is not None and number[0] <= at < number[1]) and _near(
            figure, at, match.end()
        ):
            found.setdefault(match.group(), None)
    in_dates = [(d.start, d.end) for d in dates[bisect_left(starts, lo):bisect_right(starts, hi)]]
    for match in _MONTH.finditer(text, lo, hi):
        if any(a <= match.start() < b for a, b in in_dates):
            continue  # "March 3, 2029": the date itself says when
        if published is not None and _near(figure, match.start(), match.end()):
            month = MONTHS.index((match.group(1) or match.group(2)).lower()) + 1
            year = published.year - (month > published.month)  # a month alone is the last one before publication
            found.setdefault(f"{year:04d}-{month:02d}", None)
    return tuple(found)


def place_mentions(mentions: Iterable[tuple[int, int, str, str, bool]]) -> list[PlaceMention]:
    """``(start, end, key, labelled a place)`` of the non-party mentions, sorted, from
    ``(start, end, name, label, is a party)`` rows."""
    return sorted((s, e, name_key(name), label in PLACE_LABELS) for s, e, name, label, party in mentions if not party)


def with_context(
    doc: Doc, figures: Sequence[Figure], *, mentions: Sequence[PlaceMention], published: date | None
) -> tuple[Figure, ...]:
    """The figures (casualties and counts) with their scene, sentence names, time cue and dates.

    The work per figure is bounded by its sentence (names, computed once per sentence) and by a
    window around it (times), so it grows with the article's length, not with its square.
    """
    text = doc_text(doc)
    dates = sorted((f for f in figures if f.type == "date"), key=lambda f: f.start)
    names_of: dict[int, tuple[str, ...]] = {}
    out: list[Figure] = []
    for figure in figures:
        if figure.type not in ("casualty", "count"):
            out.append(figure)
            continue
        if figure.sentence_start not in names_of:
            names_of[figure.sentence_start] = proper_names(doc, figure.sentence_start, figure.sentence_end)
        lo, hi = _window(figure, CUE_REACH + 40)
        cue = next((m.group(0) for m in _OTHER_TIME.finditer(text, lo, hi) if _near(figure, m.start(), m.end())), None)
        out.append(replace(
            figure,
            scene=_scene(text, figure, mentions),
            names=names_of[figure.sentence_start],
            time_cue=cue.lower() if cue else None,
            dated=_dated(text, figure, dates, published),
        ))
    return tuple(out)
