"""The anchored applier of the frame patterns finds what spaCy's own DependencyMatcher finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from components.language.anchored_patterns import AnchoredMatcher, AnchoredPattern, PatternError
from components.language.lexicon.frames import FRAMES
from components.language.nlp import parse

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_articles").glob("*.txt"))

WIRE_SENTENCES = (
    "The harbour, she said, would reopen within a week.",
    "Senator Tomas Brek called for a ceasefire and warned residents not to return.",
    "The ministry accused the rebels of laying mines and described the attack as a war crime.",
    "Polls show a close race, and a 2019 study found 31 cases of fraud.",
    "Maria Lopez said after the vote she would not accept the offer, adding that talks had failed.",
)


def _spacy_matches(doc: object) -> list[tuple[str, tuple[int, ...]]]:
    matcher = DependencyMatcher(doc.vocab)  # type: ignore[attr-defined]
    for frame in FRAMES:
        matcher.add(frame.name, list(frame.patterns))
    return sorted((doc.vocab.strings[key], tuple(ids)) for key, ids in matcher(doc))  # type: ignore[attr-defined]


def _ours(doc: object) -> list[tuple[str, tuple[int, ...]]]:
    matcher = AnchoredMatcher([(frame.name, pattern) for frame in FRAMES for pattern in frame.patterns])
    return sorted((name, tuple(ids)) for name, ids in matcher(doc))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_same_matches_as_spacy_on_the_samples(path: Path) -> None:
    doc = parse(path.read_text(encoding="utf-8"))
    theirs = _spacy_matches(doc)
    assert theirs, "the sample has frames"
    assert _ours(doc) == theirs


@pytest.mark.parametrize("text", WIRE_SENTENCES)
def test_same_matches_as_spacy_on_wire_sentences(text: str) -> None:
    doc = parse(text)
    assert _ours(doc) == _spacy_matches(doc) != []


def test_no_match_without_the_anchor_word() -> None:
    doc = parse("The bridge over the river was closed for repairs on Monday.")
    assert _ours(doc) == _spacy_matches(doc) == []


UNSUPPORTED = [
    pytest.param([{"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {}}], id="no-anchor"),
    pytest.param([{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, {"LEFT_ID": "a", "REL_OP": ";", "RIGHT_ID": "b",
                                                        "RIGHT_ATTRS": {}}], id="precedes-operator"),
    pytest.param([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"ENT_TYPE": "PERSON"}}], id="entity-attribute"),
    pytest.param([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^s"}}}], id="regex-value"),
    pytest.param([{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, {"LEFT_ID": "z", "REL_OP": ">", "RIGHT_ID": "b",
                                                        "RIGHT_ATTRS": {}}], id="unknown-node"),
]


@pytest.mark.parametrize("pattern", UNSUPPORTED)
def test_an_unsupported_pattern_is_refused(pattern: list[dict[str, object]]) -> None:
    with pytest.raises(PatternError):
        AnchoredPattern.compile(pattern)
