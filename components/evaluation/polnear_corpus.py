"""One split of a PolNeAR checkout read from disk (``train`` or ``dev``; the held-out ``test`` is
refused before the disk is touched), with each pronoun source resolved, and CoreNLP's coreference chains.

The corpus format and what counts as gold are described in :mod:`components.evaluation.polnear`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from components.evaluation.polnear_match import (
    resolve_sources,
)
from components.evaluation.polnear_records import (
    HELD_OUT_SPLITS,
    SCORABLE_SPLITS,
    Chain,
    Fragments,
    GoldArticle,
    GoldAttribution,
    HeldOutSplitError,
    PolnearError,
    TextBound,
    fragments_text,
    merge_fragments,
    parse_ann,
)


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
        content = merge_fragments(f for span in by_role.get("Content", ()) for f in span.fragments)
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
        source_frags = merge_fragments(f for span in sources for f in span.fragments)
        raw.append(GoldAttribution(
            id=event.id, content=content, content_text=fragments_text(text, content),
            source=fragments_text(text, source_frags), source_start=source_frags[0][0], source_end=source_frags[-1][1],
            cue=" ".join(fragments_text(text, c.fragments) for c in cues), cue_start=cues[0].start if cues else None,
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


