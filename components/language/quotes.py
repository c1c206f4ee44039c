"""Quotes and who said them: direct, indirect and mixed statements with resolved speakers.

The extraction runs in three passes over one parsed ``Doc``, computing first and annotating last
(as spaCy's pipes do):

1. **Quotation marks** (:mod:`components.language.quote_marks`), paired at character level and
   judged: speech, or a term / scare quote / title.
2. **Statements** (:mod:`components.language.statements`): reporting cues, "according to", and
   the content each reports (a quotation beside it, the clause it governs, ...).
3. **Speakers** (:mod:`components.language.attribution`), resolved in text order: names to
   canonical entities, pronouns and role nouns to the earlier speaker they stand for.

A quotation with no cue that stands as a sentence of its own inherits the last speaker, and
joins that speaker's quotation when it follows it in the same paragraph (assembled here).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from spacy.tokens import Doc

from components.language.attribution import Attributions, Speaker, SpeakerType, attribute
from components.language.entities import EntityIndex
from components.language.lexicon import quotes as lex
from components.language.quote_marks import QuotedDoc, QuoteSpan, find_quote_spans, is_quoted_words, is_speech
from components.language.statements import Candidate, QuoteKind

__all__ = ["Quote", "QuoteKind", "QuoteSpan", "SpeakerType", "extract_quotes", "find_quote_spans", "is_quoted_words",
           "is_speech"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement. Offsets are character offsets into the article text."""

    speaker: str  # canonical name, never a pronoun
    speaker_text: str  # as written: "He", "The statement", "Maj. Gen. Pat Ryder"
    speaker_type: SpeakerType
    cue: str  # "said", "according to", "reads", "continued"
    kind: QuoteKind
    text: str  # the content only, without cue and speaker
    start: int  # content offsets
    end: int
    speaker_start: int | None
    speaker_end: int | None
    sentence_start: int
    sentence_end: int
    side: str | None = None
    side_key: str | None = None  # ISO alpha-3 for a real country, "x-<name>" for an article's invented one
    # the content's pieces when it is split ("A," she said, "B."): (start, end) each; ``text``
    # joins them with a space, and start/end span them all
    parts: tuple[tuple[int, int], ...] = ()
    terms: tuple[str, ...] = ()  # what it is about: the lemmas of its content words (entity names left out)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _sentence_range(art: QuotedDoc, chars: Iterable[int]) -> tuple[int, int]:
    lo, hi = len(art.text), 0
    for char in chars:
        a, b = art.sent_bounds[max(bisect.bisect_right(art.sent_starts, char) - 1, 0)]
        lo, hi = min(lo, a), max(hi, b)
    while hi > lo and art.text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def extract_quotes(doc: Doc, *, entities: EntityIndex, attributions: Attributions | None = None) -> list[Quote]:
    """Find every attributed statement in a parsed article.

    Args:
        doc: the parsed article (dependency parse and sentence boundaries needed).
        entities: the article's entity index, to name speakers canonically.
        attributions: the article's :func:`~components.language.attribution.attribute` result,
            when the caller has it already (the figures use the same one).

    Returns:
        Quotes in text order. A statement whose speaker cannot be found at all (a passive "it
        was said", a quotation before any speaker) is left out rather than guessed.

    It cannot attribute a quotation whose cue is two sentences away, nor resolve a pronoun
    that points to someone never named as a subject or a speaker; it trusts the parser, so a
    misparsed clause gives a shorter or longer content.
    """
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    found = attributions if attributions is not None else attribute(doc, entities=entities)
    art = found.art
    quotes: list[Quote] = []
    first_at: dict[tuple[int, int], int] = {}  # (start, end) -> the first quote with that content
    last_para: int | None = None
    for statement in found.statements:
        cand, speaker = statement.candidate, statement.speaker
        if speaker is None:
            continue
        if cand.speaker is None:  # an uncued quotation: the last speaker goes on
            prev = quotes[-1] if quotes else None
            if prev is not None and prev.kind == "direct" and last_para == cand.para and prev.speaker == speaker.name:
                quotes[-1] = _merge(art, prev, cand.ranges)
                if first_at.get((prev.start, prev.end)) == len(quotes) - 1:
                    del first_at[(prev.start, prev.end)]
                first_at.setdefault((quotes[-1].start, quotes[-1].end), len(quotes) - 1)
                continue
        elif not statement.kept:
            continue
        quote = _quote(art, cand, speaker)
        twin = first_at.get((quote.start, quote.end))
        if twin is None:
            first_at[(quote.start, quote.end)] = len(quotes)
            quotes.append(quote)
        elif quotes[twin].speaker_type == "unnamed" and quote.speaker_type != "unnamed":
            quotes[twin] = quote  # one content, two cues: keep the named source
        last_para = cand.para
    return quotes


_PART_ENDINGS = ",;:\u2014\u2013-"
_CLOSING_MARKS = frozenset({*lex.CLOSING_QUOTES, *lex.AMBIGUOUS_QUOTES, lex.SINGLE_CLOSE, "'"})


def _joined(text: str, parts: Sequence[tuple[int, int]]) -> str:
    """The pieces of a statement as one text; a piece keeps the comma (or dash) it ended with inside its
    quotation marks ("We will rebuild," she said, "and return" is "We will rebuild, and return")."""
    pieces: list[str] = []
    for n, (start, end) in enumerate(parts):
        piece = text[start:end]
        if n + 1 < len(parts):
            tail = end
            while tail < len(text) and text[tail] in _PART_ENDINGS:
                tail += 1
            following = text[parts[n + 1][0]:parts[n + 1][1]]
            if tail > end and tail < len(text) and text[tail] in _CLOSING_MARKS and any(c.isalnum() for c in following):
                piece += text[end:tail]  # the comma is the speaker's, inside the quotation marks
        pieces.append(piece)
    return " ".join(pieces)


def _quote(art: QuotedDoc, cand: Candidate, speaker: Speaker) -> Quote:
    text = _joined(art.text, cand.ranges)
    points = [a for a, _ in cand.ranges] + [b - 1 for _, b in cand.ranges]
    if cand.cue is not None:
        points.append(cand.cue.idx)
    sent_start, sent_end = _sentence_range(art, points)
    return Quote(
        speaker=speaker.name, speaker_text=speaker.text, speaker_type=speaker.type,
        cue=cand.cue_text, kind=cand.kind, text=text,
        start=cand.ranges[0][0], end=cand.ranges[-1][1],
        speaker_start=speaker.start, speaker_end=speaker.end,
        sentence_start=sent_start, sentence_end=sent_end,
        parts=tuple(cand.ranges) if len(cand.ranges) > 1 else (),
    )


def _merge(art: QuotedDoc, prev: Quote, ranges: list[tuple[int, int]]) -> Quote:
    parts = (*(prev.parts or ((prev.start, prev.end),)), *ranges)
    _, sent_end = _sentence_range(art, [ranges[-1][1] - 1])
    return Quote(
        speaker=prev.speaker, speaker_text=prev.speaker_text, speaker_type=prev.speaker_type, cue=prev.cue,
        kind=prev.kind, text=_joined(art.text, parts), start=parts[0][0], end=parts[-1][1],
        speaker_start=prev.speaker_start, speaker_end=prev.speaker_end,
        sentence_start=prev.sentence_start, sentence_end=max(prev.sentence_end, sent_end), side=prev.side,
        parts=parts,
    )
