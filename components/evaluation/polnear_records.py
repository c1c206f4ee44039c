"""The records of the PolNeAR yardstick: BRAT text-bound annotations and events, gold
attributions and articles, our predicted quotes, misses and scores; and the BRAT parser.

The corpus format and what counts as gold are described in :mod:`components.evaluation.polnear`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

SCORABLE_SPLITS: tuple[str, ...] = ("train", "dev")
HELD_OUT_SPLITS: frozenset[str] = frozenset({"test"})

Fragments = tuple[tuple[int, int], ...]
Chain = tuple[tuple[int, int], ...]  # one coreference chain: mentions as (start, end) character spans
SourceKind = Literal["named", "common", "pronoun", "first/second person", "relative"]

class PolnearError(ValueError):
    """A path that is no PolNeAR checkout, or an annotation file that cannot be read."""


class HeldOutSplitError(PolnearError):
    """The split asked for is held out (``test``): it is how the team is measured."""


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextBound:
    """One BRAT text-bound annotation (``T`` line): label, character fragments, text as written."""

    id: str
    label: str
    fragments: Fragments
    text: str

    @property
    def start(self) -> int:
        """First character of the first fragment."""
        return self.fragments[0][0]


@dataclass(frozen=True, slots=True)
class Event:
    """One BRAT event (``E`` line): its trigger label and its roles (role name -> text-bound ids)."""

    id: str
    label: str
    roles: tuple[tuple[str, str], ...]  # (role without trailing digits, text-bound id), in file order


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution, as scored.

    ``source`` is the source span as written ("he"); ``resolved_source`` is what a speaker is
    compared with: the source itself, its antecedent for a pronoun, or None when a pronoun has
    no antecedent. ``resolved_by`` says how: "as written", "corenlp" (the corpus's automatic
    coreference), "nearest source", "relative clause", or None when unresolved.
    ``alternatives`` are other names a speaker may match: for a common-noun source ("the
    mayor"), the named mention its coreference chain links it to.
    """

    id: str
    content: Fragments
    content_text: str
    source: str | None
    source_start: int | None
    source_end: int | None
    cue: str
    cue_start: int | None
    source_kind: SourceKind | None = None
    resolved_source: str | None = None
    resolved_by: str | None = None
    alternatives: tuple[str, ...] = ()  # a common-noun source's named antecedent ("the mayor" -> "Ana Ruiz")

    @property
    def start(self) -> int:
        """First character of the content."""
        return self.content[0][0]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a split: its text and its gold attributions.

    ``skipped`` maps a reason ("implicit source", "no source span", "no content") to how many
    attributions of this article were left out of the scores for it.
    """

    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    skipped: Mapping[str, int] = field(default_factory=dict)
    unscored: tuple[Fragments, ...] = ()  # content of the skipped attributions (for neutral predictions)
    coref: bool = False  # pronoun sources were resolved with the corpus's coreference chains


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """The fields of one quote of the analysis contract that the scorer reads."""

    speaker: str
    speaker_text: str
    cue: str
    kind: str
    spans: Fragments
    text: str

    @classmethod
    def from_contract(cls, quote: Mapping[str, Any]) -> PredictedQuote:
        """Make the record from one item of ``quotes`` in the analysis contract.

        Args:
            quote: a quote as ``Quote.to_dict()`` or the JSON contract gives it; ``parts`` (the
                pieces of a split quote) win over ``start``/``end`` when present.
        """
        parts = tuple((int(s), int(e)) for s, e in quote.get("parts") or ())
        spans = parts or ((int(quote["start"]), int(quote["end"])),)
        return cls(
            speaker=str(quote.get("speaker") or ""), speaker_text=str(quote.get("speaker_text") or ""),
            cue=str(quote.get("cue") or ""), kind=str(quote.get("kind") or ""), spans=merge_fragments(spans),
            text=str(quote.get("text") or ""),
        )


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold attribution no prediction matched. ``reason``: "content not found" or "wrong speaker"."""

    gold: GoldAttribution
    reason: str
    predicted_speakers: tuple[str, ...] = ()  # speakers of the predictions whose content matched


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A predicted quote that matched no gold attribution. ``reason``: "no gold content" or "wrong speaker"."""

    quote: PredictedQuote
    reason: str
    gold_sources: tuple[str, ...] = ()  # resolved sources of the gold attributions whose content matched


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The counts of one article; :func:`prf` turns them into precision, recall and F1."""

    name: str
    coref: bool  # pronoun sources resolved with CoreNLP coreference
    n_gold: int
    n_pred: int  # scored predictions (neutral ones excluded)
    n_neutral: int  # predictions that overlap only unscored gold (implicit source, ...)
    gold_content_hits: int
    gold_attr_hits: int
    pred_content_hits: int
    pred_attr_hits: int
    skipped: Mapping[str, int]
    misses: tuple[Miss, ...]
    false_positives: tuple[FalsePositive, ...]
    hits: tuple[GoldAttribution, ...]  # gold attributions recalled with the right speaker
    content_hits: tuple[GoldAttribution, ...]  # gold attributions whose content was found


# --- reading the corpus ----------------------------------------------------------------------


def parse_ann(content: str) -> tuple[dict[str, TextBound], list[Event]]:
    """Parse a BRAT standoff file: text-bound annotations and events.

    Lines that are neither (notes ``#``, attributes, relations, the tail of a span text that
    held a newline) are skipped. A span's text is kept as the file writes it; the offsets are
    what the scorer uses.

    Args:
        content: the whole ``.ann`` file.

    Raises:
        PolnearError: a ``T`` line whose offsets are not integers.
    """
    spans: dict[str, TextBound] = {}
    events: list[Event] = []
    for line in content.splitlines():
        columns = line.split("\t")
        if len(columns) < 2 or columns[0][:1] not in ("T", "E"):
            continue
        ident = columns[0].strip()
        if ident.startswith("T") and len(columns) >= 3:
            label, _, ranges = columns[1].partition(" ")
            try:
                fragments = tuple(
                    (int(a), int(b)) for a, b in (piece.split() for piece in ranges.split(";") if piece.strip())
                )
            except ValueError as exc:
                raise PolnearError(f"bad offsets in annotation line {line[:60]!r}") from exc
            if fragments:
                spans[ident] = TextBound(id=ident, label=label, fragments=fragments, text=columns[2])
        elif ident.startswith("E"):
            items = [item.partition(":") for item in columns[1].split()]
            pairs = [(role, target) for role, _, target in items if role and target]
            if not pairs:
                continue
            label = pairs[0][0]
            roles = tuple((re.sub(r"\d+$", "", role), target) for role, target in pairs[1:])
            events.append(Event(id=ident, label=label, roles=roles))
    return spans, events


def merge_fragments(fragments: Iterable[tuple[int, int]]) -> Fragments:
    merged: list[list[int]] = []
    for start, end in sorted((s, e) for s, e in fragments if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def fragments_length(fragments: Fragments) -> int:
    return sum(e - s for s, e in fragments)


def fragments_overlap(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(ae, be) - max(a_s, b_s)) for a_s, ae in a for b_s, be in b)


def fragments_text(text: str, fragments: Fragments) -> str:
    return " ".join(text[s:e] for s, e in fragments)


