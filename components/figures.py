"""Casualty counts and other figures: values, ranges, qualifiers, subsets, sources, units, dates."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from spacy.tokens import Doc

from components.entities import EntityIndex

FigureType = Literal["casualty", "quantity", "money", "percent", "count", "date"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure claimed in an article. Offsets are character offsets into the article text."""

    id: str  # "f0", "f1", ... unique within the article; subset_of points at one of these
    type: FigureType
    text: str  # the phrase as written: "more than 150 people were wounded"
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    category: str | None = None  # casualties: killed|wounded|casualties|missing|detained|displaced
    value: float | None = None  # as stated; None for vague amounts ("dozens")
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # "more than", "at least", "about", "up to", ...
    unit: str | None = None  # symbol: km, mi, kg, USD, %, ...
    si_value: float | None = None  # quantities converted to SI (metres, kilograms, m/s)
    si_unit: str | None = None
    group: str | None = None  # people, civilians, children, soldiers, drones, ...
    subset_of: str | None = None  # id of the figure this one is part of
    source: str | None = None  # who claims it; None when the article states it itself
    location: str | None = None
    iso: str | None = None  # dates: ISO date

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def extract_figures(doc: Doc, *, entities: EntityIndex, published: date | None = None) -> list[Figure]:
    """Find every figure in a parsed article (being written; see issue 5)."""
    del doc, entities, published
    return []
