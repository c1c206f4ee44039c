"""Chart builders: assert on the Vega-Lite spec (marks, encodings, named selections), not pixels."""

from __future__ import annotations

import pandas as pd
import pytest

from components.present import charts


def _params(spec: dict) -> set[str]:
    found = {p["name"] for p in spec.get("params", []) if "select" in p}
    for key in ("layer", "spec"):
        child = spec.get(key)
        for item in child if isinstance(child, list) else [child] if child else []:
            found |= _params(item)
    return found


@pytest.fixture
def figures() -> pd.DataFrame:
    return pd.DataFrame([
        {"article_id": "a1", "outlet": "Harbor Ledger", "id": "f0", "category": "killed", "value": 9.0, "low": 9.0,
         "high": None, "qualifier": None, "group": "people", "subset_of": None, "source": "Kestrian officials",
         "text": "nine people were killed"},
        {"article_id": "a1", "outlet": "Harbor Ledger", "id": "f1", "category": "killed", "value": 2.0, "low": 2.0,
         "high": None, "qualifier": None, "group": "children", "subset_of": "f0", "source": None,
         "text": "including two children"},
        {"article_id": "a2", "outlet": "Norvane Daily", "id": "f0", "category": "wounded", "value": None,
         "low": 10.0, "high": 15.0, "qualifier": None, "group": "people", "subset_of": None, "source": None,
         "text": "between 10 and 15 were hurt"},
    ])


def test_entity_bar_spec() -> None:
    totals = pd.DataFrame({"name": ["Ilse Varga", "Kestria"], "label": ["PERSON", "GPE"], "count": [5, 3],
                           "articles": [2, 1], "side": ["Kestria", None]})
    spec = charts.entity_bar(totals).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "count"
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert _params(spec) == {"entity"}
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"name", "count", "side"}


def test_speaker_bar_colours_by_side_and_fills_unknown() -> None:
    quotes = pd.DataFrame({"speaker": ["Ilse Varga", "Tomas Brek"], "side": ["Kestria", None],
                           "kind": ["direct", "indirect"]})
    chart = charts.speaker_bar(quotes)
    spec = chart.to_dict()
    assert spec["encoding"]["color"]["field"] == "side"
    assert _params(spec) == {"speaker"}
    assert "unknown" in set(chart.data["side"])


def test_casualty_chart_draws_ranges_and_marks_subsets(figures: pd.DataFrame) -> None:
    chart = charts.casualty_chart(figures)
    spec = chart.to_dict()
    assert spec["facet"]["row"]["field"] == "category"
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}  # each category its own scale
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks == ["rule", "point"]
    assert _params(spec) == {"figure"}
    rows = charts.figure_rows(figures)
    ranged = rows[rows["high"].notna()].iloc[0]
    assert (ranged["low_end"], ranged["high_end"]) == (10.0, 15.0)
    assert rows.loc[rows["subset_of"].notna(), "part"].tolist() == ["part of another figure"]
    assert rows["label"].tolist() == ["9 people", "2 children", "10–15 people"]


def test_side_by_article_counts_per_side() -> None:
    quotes = pd.DataFrame({"speaker": ["A", "B", "C"], "side": ["Kestria", "Valdora", None],
                           "outlet": ["Ledger", "Ledger", "Daily"], "title": ["t1", "t1", "t2"]})
    spec = charts.side_by_article(quotes).to_dict()
    assert spec["encoding"]["x"]["aggregate"] == "count"
    assert _params(spec) == {"side"}
