"""Score our quote attribution against PolNeAR, the Political News Attribution Relations corpus.

``python -m components evaluate polnear PATH --split dev`` reads one split of a PolNeAR checkout
(``PATH`` is the repository root or its ``data`` folder), analyzes every article with our
pipeline and prints per-article and overall precision, recall and F1, plus the cues we miss most
and the cues of our unmatched quotes. Only ``train`` and ``dev`` are read: ``test`` is how the
team is measured, and this module refuses it before touching the disk.

**The corpus.** Each split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(BRAT standoff; a few articles have one file per annotator, and the first annotator in sorted
order is used). Text-bound lines (``T``) are ``Source``, ``Cue``, ``Content`` (fragments may be
discontinuous: ``"12 40;52 90"``), the ``Attribution`` trigger, and ``Discuss``/``Discard``
notes (ignored); event lines (``E``) tie them together: ``Attribution:T4 Content:T3 Cue:T2
Source:T1``, with ``Content2`` for a second content span and the trigger
``Attribution-no-source`` when the source is implicit. Offsets are characters of the text file
read as UTF-8 with newlines untouched, so the text is given to the analysis unchanged (no loader
normalisation, which could shift offsets).

**Gold.** One gold attribution per event: its content fragments (all ``Content*`` roles, merged),
its source text and its cue. Events with an implicit source (``Attribution-no-source``), with no
``Source`` role or with no content are not scored; they are counted in the report, and a
prediction that overlaps only such an event is *neutral* (neither right nor wrong). PolNeAR gives
no gold coreference, so a pronoun source is resolved here, before scoring:

- a relative pronoun (``who``, ``which``, ``that``, ...) takes the phrase just before it in its
  sentence (``"Sen. Maria Olsen, who said ..."`` -> ``Maria Olsen``);
- a personal pronoun takes the named mention nearest before it in its chain of the corpus's
  CoreNLP coreference (``corenlp/NAME.txt.xml``: automatic ``dcoref`` output shipped with
  PolNeAR, not gold; right for about 26 of 30 train pronouns checked by hand), else the nearest
  named mention after it;
- without a chain (or with ``--no-coref``) a third-person pronoun takes the nearest earlier gold
  source of the article, itself resolved; ``he``/``she`` (and their forms) skip sources whose
  head is no capitalised word or is an acronym ("critics", "the FBI"). This cannot tell gender;
- first and second person (``I``, ``we``, ``you``: the author, the reader) with no chain to a
  name stay unresolved;
- a common-noun source ("the mayor", "the president") is kept as written, and the named mention
  its CoreNLP chain links it to is accepted too.

No speaker can match an unresolved source. Source kinds (named, common noun, pronoun, first or
second person, relative) are reported apart (``by_source_kind``), so the figures can be read
without the pronouns.

**Match rule.** Lenient and many-to-many, like ``../shared/acceptance/score.py``:

- *content*: a predicted quote (its ``parts``, or ``start``..``end``) and a gold content overlap
  by at least :data:`MIN_OVERLAP` (50 %) of the shorter of the two, in characters. The shorter
  span decides because the two schemes cut differently: PolNeAR's content keeps "that" and runs
  over several sentences where we may stop, and we join a quote that PolNeAR splits;
- *speaker*: after lower-casing and dropping quotation marks, possessives, determiners and a
  plural "s", our ``speaker`` matches the gold source when the gold source's head word (the last
  word before "of", "for", a comma, "who" ...) or one of its capitalised names occurs in our
  speaker, or our speaker's last word occurs in the gold source; but never when both name people
  or bodies and share no name ("the Olsen campaign" is not "the Brandt campaign");
- a gold attribution is *recalled* when some predicted quote matches it; a predicted quote is
  *correct* when it matches some gold attribution. Content scores use the content rule alone,
  attribution scores need the speaker too. Micro P/R/F1 sum over articles.

What this cannot tell: PolNeAR annotates every attribution (beliefs, reports, polls, "found"),
not only speech, so recall is measured against a wider notion than our quotes; the pronoun
resolution is a heuristic of the yardstick, not gold; a speaker that names the right person in
the wrong role ("a spokesman for X" read as X) is accepted. An article on which the analysis
raises is left out of the scores and listed under ``analysis_errors``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

SCORABLE_SPLITS: tuple[str, ...] = ("train", "dev")
HELD_OUT_SPLITS: frozenset[str] = frozenset({"test"})
#: Share of the shorter span that the overlap of a predicted and a gold content must reach.
MIN_OVERLAP = 0.5

Fragments = tuple[tuple[int, int], ...]
Chain = tuple[tuple[int, int], ...]  # one coreference chain: mentions as (start, end) character spans
SourceKind = Literal["named", "common", "pronoun", "first/second person", "relative"]

# --- word lists the yardstick needs (kept here: this package reads no extraction lexicon) ------

DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "another"})
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "secretary", "gen", "general", "lt", "col", "sgt", "capt", "prof", "rev",
    "former", "chairman", "chairwoman", "speaker", "mayor", "judge", "justice", "minister", "st",
})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: The author or the reader: PolNeAR names neither, so these sources are never resolved.
FIRST_SECOND_PRONOUNS = frozenset({
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
    "yourselves",
})
#: Pronouns that refer to one person: their antecedent's head must be a name (not an acronym).
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PERSONAL_PRONOUNS = FIRST_SECOND_PRONOUNS | PERSON_PRONOUNS | frozenset({
    "they", "them", "their", "theirs", "themselves", "it", "its", "itself", "one",
})
QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['\u2019]s\b|(?<=s)['\u2019](?=\s|$)")
_HEAD_BOUNDARY = re.compile(
    r",|\(|\s[-\u2013\u2014]\s|\b(?:of|for|at|from|with|who|whom|which|that|in|on|to|and|or)\b", re.I
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019]?\s+|\n")
_TRAILING_NAME = re.compile(r"((?:[A-Z][\w'\u2019.-]*\s+){0,4}[A-Z][\w'\u2019.-]*)$")
_MULTI_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019]?\s+[\"\u201c]?[A-Z]")


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
            cue=str(quote.get("cue") or ""), kind=str(quote.get("kind") or ""), spans=_merge(spans),
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


def check_split(split: str) -> None:
    """Refuse a split this yardstick must not read.

    Args:
        split: "train" or "dev".

    Raises:
        HeldOutSplitError: for "test", which is how the team is measured.
        PolnearError: for any other name that is not a core split.
    """
    if split in HELD_OUT_SPLITS:
        raise HeldOutSplitError(
            f"the {split!r} split is held out: it is how the team is measured, so this yardstick never reads, "
            f"scores or prints it. Use --split dev (or train)."
        )
    if split not in SCORABLE_SPLITS:
        raise PolnearError(f"unknown split {split!r}; choose one of: {', '.join(SCORABLE_SPLITS)}")


def split_dir(path: Path, split: str) -> Path:
    """Return the folder of one split, given the checkout's root or its ``data`` folder.

    Args:
        path: the PolNeAR repository root (holding ``data/``) or its ``data`` folder.
        split: "train" or "dev".

    Raises:
        HeldOutSplitError: for the held-out split, before anything is read.
        PolnearError: when neither ``path/data/split`` nor ``path/split`` holds ``text`` and
            ``attributions`` folders.
    """
    check_split(split)
    for candidate in (path / "data" / split, path / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            if candidate.resolve().name in HELD_OUT_SPLITS:  # a link dressed as dev
                raise HeldOutSplitError(f"{candidate} leads to a held-out split; refusing to read it")
            return candidate
    raise PolnearError(
        f"{path}: not a PolNeAR checkout (expected {path / 'data' / split} or {path / split} "
        f"with text/ and attributions/ folders)"
    )


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


def _merge(fragments: Iterable[tuple[int, int]]) -> Fragments:
    merged: list[list[int]] = []
    for start, end in sorted((s, e) for s, e in fragments if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _length(fragments: Fragments) -> int:
    return sum(e - s for s, e in fragments)


def _overlap(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(ae, be) - max(a_s, b_s)) for a_s, ae in a for b_s, be in b)


def _slice(text: str, fragments: Fragments) -> str:
    return " ".join(text[s:e] for s, e in fragments)


def gold_from_ann(
    name: str, annotator: str, text: str, ann: str, *, chains: Sequence[Chain] | None = None
) -> GoldArticle:
    """Build the gold of one article from its text and its ``.ann`` file.

    Args:
        name: the article's file stem.
        annotator: the annotator id of the ``.ann`` file.
        text: the article text, exactly as the offsets count it.
        ann: the standoff annotations.
        chains: coreference chains of the text (:func:`read_corenlp_chains`), used to resolve
            pronoun sources; None resolves them by the nearest earlier source only.

    Returns:
        The scored attributions (content order) with pronoun sources resolved, the count of
        those left out by reason, and the content of those left out.
    """
    spans, events = parse_ann(ann)
    skipped: Counter[str] = Counter()
    unscored: list[Fragments] = []
    raw: list[GoldAttribution] = []
    for event in events:
        if not event.label.startswith("Attribution"):
            continue
        by_role: dict[str, list[TextBound]] = {}
        for role, target in event.roles:
            if target in spans:
                by_role.setdefault(role, []).append(spans[target])
        content = _merge(f for span in by_role.get("Content", ()) for f in span.fragments)
        sources = sorted(by_role.get("Source", ()), key=lambda s: s.start)
        cues = sorted(by_role.get("Cue", ()), key=lambda s: s.start)
        reason = None
        if not content:
            reason = "no content"
        elif event.label != "Attribution":
            reason = "implicit source"
        elif not sources:
            reason = "no source span"
        if reason is not None:
            skipped[reason] += 1
            if content:
                unscored.append(content)
            continue
        source_frags = _merge(f for span in sources for f in span.fragments)
        raw.append(GoldAttribution(
            id=event.id, content=content, content_text=_slice(text, content),
            source=_slice(text, source_frags), source_start=source_frags[0][0], source_end=source_frags[-1][1],
            cue=" ".join(_slice(text, c.fragments) for c in cues), cue_start=cues[0].start if cues else None,
        ))
    resolved = resolve_sources(text, raw, chains=chains)
    return GoldArticle(
        name=name, annotator=annotator, text=text,
        attributions=tuple(sorted(resolved, key=lambda g: g.start)), skipped=dict(skipped),
        unscored=tuple(unscored), coref=chains is not None,
    )


def read_split(path: Path, split: str, *, limit: int | None = None, coref: bool = True) -> list[GoldArticle]:
    """Read the gold of one split, articles in file-name order.

    Args:
        path: the PolNeAR repository root or its ``data`` folder.
        split: "train" or "dev" ("test" is refused).
        limit: read only the first ``limit`` articles.
        coref: resolve pronoun sources with the corpus's CoreNLP coreference
            (``corenlp/NAME.txt.xml``) where the file is there; False, or a missing file, falls
            back to the nearest earlier source.

    Raises:
        HeldOutSplitError: for the held-out split, before anything is read.
        PolnearError: not a checkout, an ``.ann`` file without its text, unreadable offsets.
    """
    folder = split_dir(path, split)
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for ann_path in sorted((folder / "attributions").glob("*.ann")):
        stem, _, annotator = ann_path.stem.rpartition("_")
        if not stem:
            stem, annotator = ann_path.stem, ""
        by_article.setdefault(stem, []).append((annotator, ann_path))
    stems = sorted(by_article)
    if limit is not None:
        stems = stems[: max(0, limit)]
    articles = []
    for name in stems:
        annotator, ann_path = sorted(by_article[name])[0]
        text_path = folder / "text" / f"{name}.txt"
        try:
            with text_path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
            ann = ann_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PolnearError(f"cannot read {text_path.name} / {ann_path.name}: {exc}") from exc
        xml_path = folder / "corenlp" / f"{name}.txt.xml"
        chains = read_corenlp_chains(xml_path) if coref and xml_path.is_file() else None
        articles.append(gold_from_ann(name, annotator, text, ann, chains=chains))
    return articles


def read_corenlp_chains(xml_path: Path) -> list[Chain]:
    """Read the coreference chains of a CoreNLP XML file as character spans of the article text.

    PolNeAR ships CoreNLP output (``dcoref``) beside each text: automatic, not gold. A mention
    is (start, end) from its first token's ``CharacterOffsetBegin`` to its last token's
    ``CharacterOffsetEnd``.

    Args:
        xml_path: ``corenlp/NAME.txt.xml`` of one article.

    Returns:
        One tuple of mentions per chain; an unreadable file gives no chains.
    """
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    chains: list[Chain] = []
    sentence = 0
    try:
        for event, element in ElementTree.iterparse(xml_path, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == "sentence" and element.get("id"):
                    sentence = int(element.get("id", "0"))
                continue
            if tag == "token" and element.get("id"):
                begin = element.findtext("CharacterOffsetBegin")
                end = element.findtext("CharacterOffsetEnd")
                if begin is not None and end is not None:
                    offsets[(sentence, int(element.get("id", "0")))] = (int(begin), int(end))
                element.clear()
            elif tag == "coreference" and element.find("mention") is not None:
                mentions = []
                for mention in element.iter("mention"):
                    sent = int(mention.findtext("sentence") or 0)
                    first = offsets.get((sent, int(mention.findtext("start") or 0)))
                    last = offsets.get((sent, int(mention.findtext("end") or 0) - 1))
                    if first and last:
                        mentions.append((first[0], last[1]))
                if mentions:
                    chains.append(tuple(sorted(mentions)))
    except (OSError, ElementTree.ParseError, ValueError):
        return []
    return chains


# --- sources: words, names, pronouns ---------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Words as written (case kept): quotation marks, possessives and punctuation dropped."""
    return _WORD.findall(_POSSESSIVE.sub("", text))


def words(text: str) -> list[str]:
    """Lower-cased words of a speaker or source, without determiners.

    Args:
        text: a speaker name or a source span.
    """
    return [w for w in (t.lower() for t in _tokens(text)) if w not in DETERMINERS]


def names(text: str) -> set[str]:
    """Lower-cased capitalised words of a source or speaker that are neither titles nor determiners.

    Args:
        text: a speaker name or a source span. Cannot tell a name from a capitalised common
            noun at the start of a sentence ("Officials").
    """
    return {
        t.lower() for t in _tokens(text)
        if len(t) > 1 and t[0].isupper() and t.lower() not in TITLE_WORDS | DETERMINERS | PERSONAL_PRONOUNS
    }


def _head_token(source: str) -> str | None:
    first = _HEAD_BOUNDARY.split(source, maxsplit=1)[0]
    found = [t for t in _tokens(first) if t.lower() not in DETERMINERS] or _tokens(source)
    return found[-1] if found else None


def head_word(source: str) -> str | None:
    """The head of a source's first noun phrase: its last word before "of", "for", a comma, "who" ...

    Args:
        source: a source span ("a spokesman for the Olsen campaign" gives "spokesman").
    """
    head = _head_token(source)
    return head.lower() if head else None


def _person_like(source: str) -> bool:
    """Whether "he" or "she" can refer to a source: its head is capitalised and no acronym."""
    head = _head_token(source)
    return bool(head) and head[0].isupper() and not head.isupper() and head.lower() not in PERSONAL_PRONOUNS


def source_kind(source: str) -> SourceKind:
    """Classify a source span: "relative", "pronoun", "first/second person", "named" (holds a name) or "common".

    Args:
        source: a source span as written.
    """
    found = words(source)
    if len(found) == 1 and found[0] in RELATIVE_PRONOUNS:
        return "relative"
    if found and all(w in PERSONAL_PRONOUNS for w in found):
        return "first/second person" if any(w in FIRST_SECOND_PRONOUNS for w in found) else "pronoun"
    return "named" if names(source) else "common"


def _relative_antecedent(text: str, start: int) -> str | None:
    window = _SENTENCE_BREAK.split(text[max(0, start - 160):start])[-1]
    window = window.rstrip(" ,\u2013\u2014-")
    window = re.sub(r"\s*\([^()]*\)$", "", window).rstrip(" ,\u2013\u2014-")
    match = _TRAILING_NAME.search(window)
    if match:
        return match.group(1)
    tail = window.rpartition(",")[2].split()[-3:]
    return " ".join(tail) or None


def _proper(mention: str) -> bool:
    """A mention headed by a name ("Sen. Maria Olsen", "Olsen"), not by a role ("the Ostrian senator")."""
    return source_kind(mention) == "named" and _person_like(mention)


def _coref_antecedent(text: str, chains: Sequence[Chain], start: int, end: int) -> str | None:
    """The named mention nearest before (else after) a pronoun in its coreference chain."""
    for chain in chains:
        if not any(s < end and start < e for s, e in chain):
            continue
        named = [(s, e) for s, e in chain if not (s < end and start < e) and _proper(text[s:e])]
        if named:
            before = [m for m in named if m[0] < start]
            s, e = before[-1] if before else named[0]
            return text[s:e]
    return None


def resolve_sources(
    text: str, attributions: Sequence[GoldAttribution], *, chains: Sequence[Chain] | None = None
) -> list[GoldAttribution]:
    """Give every attribution its source kind and the source a speaker is compared with.

    Sources are taken in text order. A relative pronoun takes the phrase just before it in its
    sentence. A personal pronoun takes, when ``chains`` are given, the named mention nearest
    before it in its coreference chain (else the nearest after); without a chain, a third-person
    pronoun takes the nearest earlier (resolved) source, for he/she one whose head is a
    capitalised word and no acronym ("Olsen", not "the ministry" or "the FBI"): that fallback
    cannot tell gender or number. First and second person without a chain (the author, the
    reader) and a pronoun with no antecedent get ``resolved_source`` None. A common-noun source
    ("the mayor") keeps its text and, with ``chains``, gets its chain's named mention as an
    alternative.

    Args:
        text: the article text.
        attributions: attributions with a source.
        chains: coreference chains of the text, or None.
    """
    out: list[GoldAttribution] = []
    last_any: str | None = None
    last_person: str | None = None
    for gold in sorted(attributions, key=lambda g: g.source_start if g.source_start is not None else g.start):
        source = gold.source or ""
        kind = source_kind(source)
        start, end = gold.source_start or 0, gold.source_end or 0
        resolved, by = source, "as written"
        if kind == "relative":
            resolved, by = _relative_antecedent(text, start), "relative clause"
        elif kind in ("pronoun", "first/second person"):
            resolved, by = (_coref_antecedent(text, chains, start, end) if chains else None), "corenlp"
            if resolved is None and kind == "pronoun":
                person = any(w in PERSON_PRONOUNS for w in words(source))
                resolved, by = (last_person if person else last_any), "nearest source"
        alternatives: tuple[str, ...] = ()
        if kind == "common" and chains:
            named = _coref_antecedent(text, chains, start, end)
            alternatives = (named,) if named else ()
        if resolved is None:
            by = None
        if resolved:
            last_any = resolved
            if _person_like(resolved):
                last_person = resolved
        out.append(_replace(gold, source_kind=kind, resolved_source=resolved, resolved_by=by,
                            alternatives=alternatives))
    return out


def _replace(gold: GoldAttribution, **changes: Any) -> GoldAttribution:
    data = {k: getattr(gold, k) for k in gold.__dataclass_fields__}
    data.update(changes)
    return GoldAttribution(**data)


def _singular(word: str) -> str:
    """A crude singular, the same on both sides of a comparison ("Democrats" ~ "Democrat")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def speaker_matches(speaker: str, source: str | None) -> bool:
    """Whether our speaker names the gold source (see the module's match rule).

    Words are compared lower-cased and crudely singular ("Republicans" ~ "Republican").

    Args:
        speaker: our canonical speaker.
        source: the gold source (resolved for pronouns); None never matches.
    """
    if not source:
        return False
    ours = [_singular(w) for w in words(speaker)]
    theirs = {_singular(w) for w in words(source)}
    if not ours or not theirs:
        return False
    our_names = {_singular(w) for w in names(speaker)}
    their_names = {_singular(w) for w in names(source)}
    if our_names and their_names and our_names.isdisjoint(their_names):
        return False
    head = head_word(source)
    return (head is not None and _singular(head) in ours) or bool(their_names & set(ours)) or ours[-1] in theirs


def speaker_matches_gold(speaker: str, gold: GoldAttribution) -> bool:
    """Whether our speaker names the gold source: its resolved form or one of its alternatives.

    Args:
        speaker: our canonical speaker.
        gold: one gold attribution (``resolved_source`` and ``alternatives``).
    """
    return any(speaker_matches(speaker, source) for source in (gold.resolved_source, *gold.alternatives))


def content_matches(predicted: Fragments, gold: Fragments, *, min_overlap: float = MIN_OVERLAP) -> bool:
    """Whether two content spans overlap by ``min_overlap`` of the shorter one, in characters.

    Args:
        predicted: merged fragments of a predicted quote.
        gold: merged fragments of a gold content.
        min_overlap: the share of the shorter span that must be covered.
    """
    shorter = min(_length(predicted), _length(gold))
    return shorter > 0 and _overlap(predicted, gold) >= min_overlap * shorter


# --- scoring ---------------------------------------------------------------------------------


def score_article(gold: GoldArticle, predicted: Sequence[PredictedQuote]) -> ArticleScore:
    """Score the predicted quotes of one article against its gold (many-to-many, lenient).

    Args:
        gold: the article's gold.
        predicted: our quotes of the same text (offsets into ``gold.text``).
    """
    golds = gold.attributions
    content_pairs = {
        (i, j) for i, g in enumerate(golds) for j, q in enumerate(predicted) if content_matches(q.spans, g.content)
    }
    attr_pairs = {(i, j) for i, j in content_pairs if speaker_matches_gold(predicted[j].speaker, golds[i])}
    neutral = {
        j for j, q in enumerate(predicted)
        if not any((i, j) in content_pairs for i in range(len(golds)))
        and any(content_matches(q.spans, u) for u in gold.unscored)
    }
    misses, hits, content_hits = [], [], []
    for i, g in enumerate(golds):
        matched = [j for (gi, j) in content_pairs if gi == i]
        if any((i, j) in attr_pairs for j in matched):
            hits.append(g)
            content_hits.append(g)
            continue
        if matched:
            content_hits.append(g)
            speakers = tuple(sorted({predicted[j].speaker for j in matched}))
            misses.append(Miss(gold=g, reason="wrong speaker", predicted_speakers=speakers))
        else:
            misses.append(Miss(gold=g, reason="content not found"))
    false_positives = []
    pred_content_hits = pred_attr_hits = 0
    for j, q in enumerate(predicted):
        if j in neutral:
            continue
        matched = [i for (i, pj) in content_pairs if pj == j]
        if any((i, j) in attr_pairs for i in matched):
            pred_attr_hits += 1
            pred_content_hits += 1
        elif matched:
            pred_content_hits += 1
            sources = tuple(sorted({golds[i].resolved_source or f"({golds[i].source}: unresolved)" for i in matched}))
            false_positives.append(FalsePositive(quote=q, reason="wrong speaker", gold_sources=sources))
        else:
            false_positives.append(FalsePositive(quote=q, reason="no gold content"))
    return ArticleScore(
        name=gold.name, coref=gold.coref, n_gold=len(golds), n_pred=len(predicted) - len(neutral),
        n_neutral=len(neutral),
        gold_content_hits=len(content_hits), gold_attr_hits=len(hits), pred_content_hits=pred_content_hits,
        pred_attr_hits=pred_attr_hits, skipped=dict(gold.skipped), misses=tuple(misses),
        false_positives=tuple(false_positives), hits=tuple(hits), content_hits=tuple(content_hits),
    )


def prf(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 for an empty side, as the acceptance scorer does).

    Args:
        hits_p: predictions that matched.
        n_pred: predictions scored.
        hits_r: gold items recalled.
        n_gold: gold items.
    """
    p = hits_p / n_pred if n_pred else 1.0
    r = hits_r / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def article_figures(score: ArticleScore) -> dict[str, Any]:
    """The per-article row: counts and content / attribution P/R/F1.

    Args:
        score: one article's counts.
    """
    return {
        "article": score.name, "gold": score.n_gold, "pred": score.n_pred, "neutral": score.n_neutral,
        "content": prf(score.pred_content_hits, score.n_pred, score.gold_content_hits, score.n_gold),
        "attribution": prf(score.pred_attr_hits, score.n_pred, score.gold_attr_hits, score.n_gold),
    }


def _cue_key(cue: str) -> str:
    cue = " ".join(cue.lower().split())
    return cue[:40] if cue else "(no cue)"


def gold_features(gold: GoldAttribution) -> list[str]:
    """Construction labels of a gold attribution, for the recall-by-construction table.

    Labels: quoted / unquoted content; the order of source (S), cue (V) and content (C);
    the source kind; "according to" and colon cues; multi-sentence and discontinuous content.

    Args:
        gold: one gold attribution.
    """
    labels = ["content quoted" if any(c in gold.content_text for c in QUOTE_CHARS) else "content unquoted"]
    positions = [("S", gold.source_start), ("V", gold.cue_start), ("C", gold.start)]
    labels.append("order " + " ".join(k for k, _ in sorted((p for p in positions if p[1] is not None),
                                                           key=lambda p: p[1])))
    labels.append(f"source {gold.source_kind}")
    cue = _cue_key(gold.cue)
    if cue.startswith("according"):
        labels.append("cue 'according to'")
    elif cue == ":":
        labels.append("cue ':'")
    elif cue == "(no cue)":
        labels.append("no cue")
    if _MULTI_SENTENCE.search(gold.content_text.strip(QUOTE_CHARS + " ")):
        labels.append("content multi-sentence")
    if len(gold.content) > 1:
        labels.append("content discontinuous")
    return labels


def summarize(scores: Sequence[ArticleScore], *, top: int = 15) -> dict[str, Any]:
    """Micro P/R/F1 over articles, recall by source kind and construction, and the top patterns.

    Args:
        scores: per-article counts.
        top: how many cues each pattern list keeps.
    """
    total = Counter[str]()
    skipped = Counter[str]()
    for s in scores:
        total.update({"gold": s.n_gold, "pred": s.n_pred, "neutral": s.n_neutral, "gold_content": s.gold_content_hits,
                      "gold_attr": s.gold_attr_hits, "pred_content": s.pred_content_hits,
                      "pred_attr": s.pred_attr_hits})
        skipped.update(s.skipped)
    feature_n, feature_attr, feature_content = Counter[str](), Counter[str](), Counter[str]()
    kind_n, kind_attr, kind_content = Counter[str](), Counter[str](), Counter[str]()
    resolution: Counter[str] = Counter()
    missed_cues: dict[str, Counter[str]] = {"content not found": Counter(), "wrong speaker": Counter()}
    fp_cues: dict[str, Counter[str]] = {"no gold content": Counter(), "wrong speaker": Counter()}
    fp_kinds: dict[str, Counter[str]] = {"no gold content": Counter(), "wrong speaker": Counter()}
    for s in scores:
        hit_ids = {g.id for g in s.hits}
        content_ids = {g.id for g in s.content_hits}
        for g in list(s.hits) + [m.gold for m in s.misses]:
            for label in gold_features(g):
                feature_n[label] += 1
                feature_attr[label] += g.id in hit_ids
                feature_content[label] += g.id in content_ids
            kind = g.source_kind or "none"
            kind_n[kind] += 1
            kind_attr[kind] += g.id in hit_ids
            kind_content[kind] += g.id in content_ids
            if kind not in ("named", "common"):
                resolution[f"{kind}: {g.resolved_by or 'unresolved'}"] += 1
        for m in s.misses:
            missed_cues[m.reason][_cue_key(m.gold.cue)] += 1
        for fp in s.false_positives:
            fp_cues[fp.reason][_cue_key(fp.quote.cue)] += 1
            fp_kinds[fp.reason][fp.quote.kind or "?"] += 1

    def table(n: Counter[str], attr: Counter[str], content: Counter[str]) -> list[dict[str, Any]]:
        return [
            {"label": k, "gold": v, "attr_recall": round(attr[k] / v, 4), "content_recall": round(content[k] / v, 4)}
            for k, v in n.most_common()
        ]

    return {
        "articles": len(scores),
        "gold": total["gold"], "pred": total["pred"], "neutral_pred": total["neutral"],
        "skipped_gold": dict(skipped), "articles_without_coref": sum(not s.coref for s in scores),
        "pronoun_resolution": dict(sorted(resolution.items())),
        "content": prf(total["pred_content"], total["pred"], total["gold_content"], total["gold"]),
        "attribution": prf(total["pred_attr"], total["pred"], total["gold_attr"], total["gold"]),
        "counts": dict(total),
        "by_source_kind": table(kind_n, kind_attr, kind_content),
        "by_construction": table(feature_n, feature_attr, feature_content),
        "missed_cues": {reason: c.most_common(top) for reason, c in missed_cues.items()},
        "false_positive_cues": {reason: c.most_common(top) for reason, c in fp_cues.items()},
        "false_positive_kinds": {reason: dict(c) for reason, c in fp_kinds.items()},
    }


# --- running the analysis --------------------------------------------------------------------


#: Errors of the analysis that fail one article and must not stop the yardstick (they are reported).
ANALYSIS_ERRORS: tuple[type[Exception], ...] = (
    ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError, RuntimeError,
)


def predict(articles: Sequence[GoldArticle], *, n_process: int = 1) -> list[list[PredictedQuote] | str]:
    """Run our analysis on the article texts (parsed once each, in ``nlp.pipe`` batches).

    The texts go in unchanged (``Article(text=...)``, not a loader), so quote offsets count the
    same characters as the gold. The comparison across articles is not computed: the scorer
    does not read it. Nothing is cached, so a long split does not keep its parses in memory.
    Articles go through ``iter_analyze`` in chunks; when the analysis raises inside a chunk,
    that chunk is analyzed again article by article, and an article that still fails gets its
    error message instead of quotes (so one bug in an extractor does not hide the whole split).

    Args:
        articles: the gold articles, whose texts are analyzed.
        n_process: parse worker processes.

    Returns:
        For each article, in the same order, our quotes or the error the analysis raised.
    """
    from components.analysis import iter_analyze  # late: loads spaCy
    from components.ingest.article import Article

    def run(chunk: Sequence[GoldArticle], processes: int) -> list[list[PredictedQuote] | str]:
        inputs = [Article(text=a.text, source=a.name) for a in chunk]
        return [
            [PredictedQuote.from_contract(q.to_dict()) for q in result.quotes]
            for result in iter_analyze(inputs, n_process=processes, use_cache=False)
        ]

    size = 64 * max(1, n_process)
    results: list[list[PredictedQuote] | str] = []
    for first in range(0, len(articles), size):
        chunk = articles[first:first + size]
        try:
            results.extend(run(chunk, n_process))
        except ANALYSIS_ERRORS:
            for article in chunk:
                try:
                    results.extend(run([article], 1))
                except ANALYSIS_ERRORS as exc:
                    results.append(f"{type(exc).__name__}: {exc}")
    return results


def evaluate(
    path: Path, split: str, *, limit: int | None = None, n_process: int = 1, top: int = 15, coref: bool = True
) -> tuple[dict[str, Any], list[GoldArticle], list[ArticleScore]]:
    """Read a split, analyze it and score it.

    Args:
        path: the PolNeAR repository root or its ``data`` folder.
        split: "train" or "dev" ("test" is refused before anything is read).
        limit: score only the first ``limit`` articles (file-name order).
        n_process: parse worker processes.
        top: how many cues each pattern list keeps.
        coref: resolve pronoun sources with the corpus's CoreNLP coreference where present.

    Returns:
        The report (JSON-ready), the gold articles that were analyzed and their scores. An
        article whose analysis raised is left out of the scores and listed in the report's
        ``analysis_errors``.

    Raises:
        HeldOutSplitError: for the held-out split.
        PolnearError: when ``path`` is no PolNeAR checkout.
    """
    started = time.perf_counter()
    gold = read_split(path, split, limit=limit, coref=coref)
    read_s = time.perf_counter() - started
    predictions = predict(gold, n_process=n_process)
    analysis_s = time.perf_counter() - started - read_s
    errors = [{"article": g.name, "error": p} for g, p in zip(gold, predictions, strict=True) if isinstance(p, str)]
    pairs = [(g, p) for g, p in zip(gold, predictions, strict=True) if not isinstance(p, str)]
    scored = [g for g, _ in pairs]
    scores = [score_article(g, p) for g, p in pairs]
    n_words = sum(len(g.text.split()) for g in gold)
    report = {
        "corpus": "PolNeAR", "split": split, "path": str(path),
        "match_rule": {
            "content": f"overlap >= {MIN_OVERLAP:.0%} of the shorter span (characters)",
            "speaker": "head word or a name of the gold source in our speaker, or our speaker's last word in the "
                       "gold source; vetoed when both hold names and share none; pronouns resolved to an antecedent "
                       + ("(CoreNLP coreference, else the nearest earlier source)" if coref
                          else "(the nearest earlier source)"),
            "counting": "many-to-many: a gold item is recalled by any matching prediction, a prediction is correct "
                        "when it matches any gold item",
        },
        "overall": summarize(scores, top=top),
        "analysis_errors": errors,
        "timing": {"read_s": round(read_s, 2), "analysis_s": round(analysis_s, 2), "words": n_words,
                   "words_per_s": round(n_words / analysis_s, 1) if analysis_s else None,
                   "total_s": round(time.perf_counter() - started, 2)},
        "articles": [
            {**article_figures(s), "annotator": g.annotator, "skipped": dict(s.skipped),
             "misses": [_miss_record(g.text, m) for m in s.misses],
             "false_positives": [_fp_record(fp) for fp in s.false_positives]}
            for g, s in zip(scored, scores, strict=True)
        ],
    }
    return report, scored, scores


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _miss_record(text: str, miss: Miss) -> dict[str, Any]:
    g = miss.gold
    return {"id": g.id, "reason": miss.reason, "cue": g.cue, "source": g.source, "source_kind": g.source_kind,
            "resolved_source": g.resolved_source, "content": _snippet(g.content_text), "start": g.start,
            "predicted_speakers": list(miss.predicted_speakers), "constructions": gold_features(g)}


def _fp_record(fp: FalsePositive) -> dict[str, Any]:
    q = fp.quote
    return {"reason": fp.reason, "cue": q.cue, "kind": q.kind, "speaker": q.speaker, "speaker_text": q.speaker_text,
            "text": _snippet(q.text), "start": q.spans[0][0], "gold_sources": list(fp.gold_sources)}


# --- printing --------------------------------------------------------------------------------


def _fmt(figures: Mapping[str, float]) -> str:
    return f"P {figures['p']:.3f}  R {figures['r']:.3f}  F1 {figures['f1']:.3f}"


def format_report(
    report: Mapping[str, Any], gold: Sequence[GoldArticle], scores: Sequence[ArticleScore], *,
    table: bool = True, verbose: bool = False,
) -> str:
    """The terminal report: per-article table, overall figures, patterns; misses with ``verbose``.

    Args:
        report: what :func:`evaluate` returned first.
        gold: the gold articles (for the context of misses).
        scores: their scores.
        table: include the per-article table.
        verbose: print every miss and false positive with a short context (corpus text: for
            the terminal only).
    """
    lines: list[str] = []
    if table:
        lines.append(f"{'article':<52} {'gold':>4} {'pred':>4} {'cont R':>6} {'attr P':>6} {'attr R':>6} {'F1':>5}")
        for row in report["articles"]:
            c, a = row["content"], row["attribution"]
            lines.append(f"{row['article'][:52]:<52} {row['gold']:>4} {row['pred']:>4} {c['r']:>6.2f} "
                         f"{a['p']:>6.2f} {a['r']:>6.2f} {a['f1']:>5.2f}")
        lines.append("")
    overall = report["overall"]
    timing = report["timing"]
    lines += [
        f"PolNeAR {report['split']}: {overall['articles']} articles, {timing['words']:,} words, gold {overall['gold']} "
        f"attributions (not scored: {overall['skipped_gold']}), predicted {overall['pred']} "
        f"(+{overall['neutral_pred']} neutral)",
        f"  content      {_fmt(overall['content'])}",
        f"  attribution  {_fmt(overall['attribution'])}",
        "  pronoun sources resolved by: " + ", ".join(f"{k} {v}" for k, v in overall["pronoun_resolution"].items())
        + f" (articles without CoreNLP coreference: {overall['articles_without_coref']})",
        f"  analysis failed (left out of the scores): {len(report['analysis_errors'])} articles"
        + "".join(f"\n    {e['article']}: {e['error'][:100]}" for e in report["analysis_errors"]),
        f"  time: analysis {timing['analysis_s']:.1f} s ({timing['words_per_s']} words/s), "
        f"total {timing['total_s']:.1f} s",
        "",
        f"{'recall by source kind / construction':<40} {'gold':>6} {'attr R':>7} {'cont R':>7}",
    ]
    for row in overall["by_source_kind"] + overall["by_construction"]:
        lines.append(f"  {row['label']:<38} {row['gold']:>6} {row['attr_recall']:>7.2f} {row['content_recall']:>7.2f}")
    for title, groups in (("missed gold, by gold cue", overall["missed_cues"]),
                          ("unmatched predictions, by our cue", overall["false_positive_cues"])):
        for reason, items in groups.items():
            lines.append("")
            lines.append(f"{title} ({reason}):")
            lines.extend(f"  {n:>5}  {cue}" for cue, n in items)
    if verbose:
        for g, s in zip(gold, scores, strict=True):
            if not s.misses and not s.false_positives:
                continue
            lines.append("")
            lines.append(f"== {g.name}")
            for m in s.misses:
                lines.append(f"  MISS [{m.reason}] cue={m.gold.cue!r} source={m.gold.source!r}"
                             f" -> {m.gold.resolved_source!r} ours={list(m.predicted_speakers)}")
                lines.append(f"       {_context(g.text, m.gold)}")
            for fp in s.false_positives:
                lines.append(f"  FP   [{fp.reason}] cue={fp.quote.cue!r} speaker={fp.quote.speaker!r}"
                             f" ({fp.quote.speaker_text!r}) gold={list(fp.gold_sources)}")
                lines.append(f"       {_snippet(fp.quote.text, 110)!r}")
    return "\n".join(lines)


def _context(text: str, gold: GoldAttribution, width: int = 140) -> str:
    starts = [p for p in (gold.source_start, gold.cue_start, gold.start) if p is not None]
    begin = max(0, min(starts) - 20)
    return repr(_snippet(text[begin:begin + width + 40], width))


# --- command line ----------------------------------------------------------------------------


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``polnear`` command to an ``add_subparsers()`` object.

    Args:
        subparsers: what ``ArgumentParser.add_subparsers()`` returned.

    Returns:
        The new parser; its default ``func`` is :func:`run`.
    """
    parser = subparsers.add_parser(
        "polnear", help="score quote attribution against a PolNeAR checkout (train or dev)",
        description="Score our quote attribution (content span and speaker) against PolNeAR. "
                    "Only the train and dev splits are read; test is refused.",
    )
    parser.add_argument("path", type=Path, help="PolNeAR repository root or its data/ folder")
    parser.add_argument("--split", default="dev", help="train or dev (default dev); test is refused")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles of the split")
    parser.add_argument("--json", type=Path, default=None, dest="json_out", metavar="OUT",
                        help="write the full report (JSON) here")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="print every miss and false positive with a short context")
    parser.add_argument("--no-table", action="store_true", help="leave out the per-article table")
    parser.add_argument("--top", type=int, default=15, help="cues per pattern list (default 15)")
    parser.add_argument("--n-process", type=int, default=1, help="parse worker processes")
    parser.add_argument("--no-coref", action="store_true",
                        help="resolve pronoun sources by the nearest earlier source only (not CoreNLP coreference)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the ``polnear`` command; 0 on success, 2 on a refused split or a bad path.

    Args:
        args: the parsed arguments of :func:`add_parser`.
    """
    try:
        check_split(args.split)
        report, gold, scores = evaluate(args.path, args.split, limit=args.limit, n_process=args.n_process,
                                        top=args.top, coref=not args.no_coref)
    except PolnearError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, gold, scores, table=not args.no_table, verbose=args.verbose))
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"report written to {args.json_out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m components evaluate polnear ...`` (also ``python -m components.evaluation.polnear``).

    Args:
        argv: the arguments after ``evaluate`` (``["polnear", PATH, "--split", "dev"]``), or
            None for ``sys.argv``.
    """
    parser = argparse.ArgumentParser(prog="python -m components evaluate",
                                     description="Score the analysis against an annotated corpus.")
    add_parser(parser.add_subparsers(dest="corpus", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
