"""The blind-annotated articles of ``tests/heldout`` scored with the shared scorer.

Their gold was written before the extractors had seen the texts (see ``tests/heldout/README.md``
for the scores at first contact), so they guard against rules that fit only the samples. The
floors are the issue targets for attribution; casualty extraction has a lower floor here, with
the misses the README names (figures that only the context makes casualties). Skips cleanly
without ``../shared``.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.acceptance import load_scorer

HELDOUT = Path(__file__).resolve().parent / "heldout"
GOLD = sorted(HELDOUT.glob("*.json"))


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer()


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_heldout_article_meets_the_floors(scorer: ModuleType, gold_path: Path) -> None:
    from components.analysis import AnalysisSettings, analyze_doc
    from components.ingest.loaders import from_path
    from components.language.nlp import parse

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = from_path(HELDOUT / gold["article"])
    record = analyze_doc(article, parse(article.text), settings=AnalysisSettings()).to_dict()
    quotes = scorer.score_quotes(record["quotes"], gold["quotes"])
    casualties = scorer.score_casualties(record["figures"], gold["casualties"])
    assert quotes["attr_f1"] >= 0.9, f"missed {quotes['missed']}, unmatched {quotes['unmatched_pred']}"
    assert quotes["kind_acc"] >= 0.9, quotes
    assert casualties["f1"] >= 0.8, f"missed {casualties['missed']}, extra {casualties['extra']}"
    assert (casualties["source_acc"] or 1.0) >= 0.9, casualties
    assert scorer.score_quantities(record["figures"], gold["quantities"])["r"] >= 0.9
