"""Quotes and who said them: direct, indirect and mixed statements with resolved speakers."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from spacy.tokens import Doc

from components.entities import EntityIndex

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "country-or-capital", "document", "unnamed"]


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def extract_quotes(doc: Doc, *, entities: EntityIndex) -> list[Quote]:
    """Find every attributed statement in a parsed article (being written; see issue 4)."""
    del doc, entities
    return []
