"""Acceptance: the shared scorer on the seed article (through the CLI) and on our own samples.

Both need ``../shared/acceptance`` (the scorer lives there) and skip cleanly without it. Targets
from issue 4: seed attribution F1 >= 0.95 and kind accuracy >= 0.9; every gold-annotated sample
attribution F1 >= 0.9.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.acceptance import SCORER, load_scorer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
GOLD = sorted(p for p in (ROOT / "tests" / "gold").glob("*.json") if (SAMPLES / f"{p.stem}.txt").exists())


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer()


def test_seed_article_through_the_cli(seed_article: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(SCORER), "-v", "--min-attr-f1", "0.95"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = re.search(r"attr_f1=([\d.]+)", proc.stdout)
    kind = re.search(r"kind acc ([\d.]+)", proc.stdout)
    assert summary and kind, proc.stdout
    assert float(summary[1]) >= 0.95, proc.stdout
    assert float(kind[1]) >= 0.9, proc.stdout


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_sample_attribution(scorer: ModuleType, gold_path: Path) -> None:
    from components.ingest.loaders import from_path
    from components.language.entities import extract_entities
    from components.language.nlp import parse
    from components.language.quotes import extract_quotes

    article = from_path(SAMPLES / f"{gold_path.stem}.txt")
    doc = parse(article.text)
    quotes = [q.to_dict() for q in extract_quotes(doc, entities=extract_entities(doc))]
    result = scorer.score_quotes(quotes, json.loads(gold_path.read_text(encoding="utf-8"))["quotes"])
    detail = f"missed {result['missed']}, unmatched {result['unmatched_pred']}"
    assert result["attr_f1"] >= 0.9, detail
    assert result["kind_acc"] >= 0.9, detail
