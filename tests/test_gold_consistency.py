"""The gold annotations of the sample and held-out articles describe their texts (no extraction involved).

A gold file that drifts from its article (a sentence rewritten, a figure changed) would make the
scores of the other tests mean nothing; these checks catch that before any extractor runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"  # blind-annotated texts beside their gold
GOLD = sorted([*GOLD_DIR.glob("*.json"), *HELDOUT_DIR.glob("*.json")])
EVENTS = sorted([*(GOLD_DIR / "events").glob("*.json"), *(HELDOUT_DIR / "events").glob("*.json")])
CATEGORIES = {"killed", "wounded", "casualties", "missing", "detained", "displaced"}
KINDS = {"direct", "indirect", "mixed"}


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["article"]).resolve().read_text(encoding="utf-8")
    return gold, text


def _flat(text: str) -> str:
    """Lower case, without double quotation marks (a mixed quote's content is read without them),
    curly apostrophes and dashes made plain, runs of space made one."""
    table = str.maketrans({"\u201c": None, "\u201d": None, '"': None, "\u2018": "'", "\u2019": "'",
                           "\u2014": "-", "\u2013": "-"})
    return re.sub(r"\s+", " ", text.translate(table)).lower().strip()


def test_every_sample_has_gold_and_every_gold_an_article() -> None:
    samples = {p.stem for p in (GOLD_DIR.parents[1] / "sample_articles").glob("*.txt")}
    assert samples == {p.stem for p in GOLD_DIR.glob("*.json")}
    assert {p.stem for p in HELDOUT_DIR.glob("*.txt")} == {p.stem for p in HELDOUT_DIR.glob("*.json")}


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_quote_snippets_and_speakers_are_in_the_text(path: Path) -> None:
    gold, text = _load(path)
    flat = _flat(text)
    assert gold["quotes"], "each sample has statements to find"
    for quote in gold["quotes"]:
        assert _flat(quote["contains"]) in flat, quote["contains"]
        assert quote["kind"] in KINDS
        assert any(_flat(name) in flat for name in quote["speaker"]), quote["speaker"]


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_casualty_figures_are_well_formed(path: Path) -> None:
    gold, text = _load(path)
    assert gold["casualties"], "each sample reports casualties"
    for figure in gold["casualties"]:
        assert figure["category"] in CATEGORIES
        low, high = figure.get("value"), figure.get("high")
        assert low is not None or high is not None
        if low is not None and high is not None:
            assert low <= high, figure
        sources = figure.get("source") or []
        assert not sources or any(_flat(name) in _flat(text) for name in sources), sources


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_negatives_entities_and_dates_are_in_the_text(path: Path) -> None:
    gold, text = _load(path)
    flat = _flat(text)
    for kind, snippets in gold.get("negatives", {}).items():
        for snippet in snippets:
            assert _flat(snippet) in flat, f"negative {kind}: {snippet!r} is not in the article"
    for person in gold.get("entities", {}).get("people", []):
        assert _flat(person) in flat, person
    for group in gold.get("entities", {}).get("merge", []):
        assert all(_flat(name) in flat for name in group), group
    for found in gold.get("dates", []):
        assert _flat(found["text"]) in flat, found["text"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", found["iso"]), found["iso"]
    # a side's key is a canonical name ("Kestrian health ministry" for "Kestria's health ministry"):
    # its last word, at least, is written in the article
    for name in gold.get("sides", {}):
        assert _flat(name).split()[-1] in flat, name


@pytest.mark.parametrize("path", EVENTS, ids=[p.stem for p in EVENTS])
def test_event_discrepancies_name_gold_files_and_their_headline_values(path: Path) -> None:
    event = json.loads(path.read_text(encoding="utf-8"))
    gold_dir = path.parents[1]
    known = {p.stem for p in gold_dir.glob("*.json")}
    assert set(event["articles"]) <= known
    for item in event["discrepancies"]:
        values = item["values"]
        assert set(values) <= set(event["articles"]) and len(values) >= 2  # a revised or other-group toll is out
        assert len(set(values.values())) > 1, "a discrepancy needs sources that disagree"
        for stem, value in values.items():
            gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
            claimed = {f.get("value") for f in gold["casualties"] if f["category"] == item["category"]}
            claimed |= {f.get("high") for f in gold["casualties"] if f["category"] == item["category"]}
            assert value in claimed, f"{stem}: {item['category']} {value} is not among its gold figures"
