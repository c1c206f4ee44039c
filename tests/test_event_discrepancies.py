"""Figures across articles on the real model: every disagreement the gold events hold is flagged.

The event files (``tests/gold/events`` for the samples, ``tests/heldout/events`` for the
blind-annotated set) list, per category, the headline figure each outlet gives. All six events
are analyzed together, so a discrepancy that lines up figures of two events shows up here too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from components.analysis import Analysis, analyze
from components.articles import SAMPLES_DIR, from_path

TESTS = Path(__file__).resolve().parent
EVENT_FILES = sorted([*(TESTS / "gold" / "events").glob("*.json"), *(TESTS / "heldout" / "events").glob("*.json")])


def _text_of(stem: str) -> Path:
    sample = SAMPLES_DIR / f"{stem}.txt"
    return sample if sample.exists() else TESTS / "heldout" / f"{stem}.txt"


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in EVENT_FILES]


@pytest.fixture(scope="module")
def analysis_and_ids(events: list[dict[str, Any]]) -> tuple[Analysis, dict[str, str]]:
    stems = [stem for event in events for stem in event["articles"]]
    articles = [from_path(_text_of(stem)) for stem in stems]
    return analyze(articles), {article.id: stem for article, stem in zip(articles, stems, strict=True)}


@pytest.mark.parametrize("path", EVENT_FILES, ids=[p.stem for p in EVENT_FILES])
def test_every_gold_disagreement_is_flagged_with_each_outlets_figure(
    path: Path, analysis_and_ids: tuple[Analysis, dict[str, str]]
) -> None:
    analysis, stem_of = analysis_and_ids
    event = json.loads(path.read_text(encoding="utf-8"))
    found = analysis.comparison["figure_discrepancies"]
    for item in event["discrepancies"]:
        rows = [d for d in found if d["category"] == item["category"]
                and {stem_of[a] for a in d["article_ids"]} <= set(event["articles"])]
        assert len(rows) == 1, f"{item['category']}: {[(d['event'], d['spread']) for d in rows]}"
        for stem, value in item["values"].items():
            claimed = [v for v in rows[0]["values"] if stem_of[v["article_id"]] == stem]
            assert any(value in (v["value"], v["low"], v["high"]) for v in claimed), (stem, value, claimed)
            assert all(v["outlet"] and v["text"] for v in claimed)


def test_no_discrepancy_lines_up_figures_of_two_events(
    events: list[dict[str, Any]], analysis_and_ids: tuple[Analysis, dict[str, str]]
) -> None:
    analysis, stem_of = analysis_and_ids
    event_of = {stem: event["event"] for event in events for stem in event["articles"]}
    for row in analysis.comparison["figure_discrepancies"]:
        assert len({event_of[stem_of[a]] for a in row["article_ids"]}) == 1, row["event"]
