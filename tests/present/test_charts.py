"""Chart builders: assert on the Vega-Lite spec (marks, encodings, named selections), not pixels."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from components.present import charts
from components.present.colors import ENTITY_TYPE_COLORS, UNKNOWN_COLOR, side_colors

COLORS = side_colors({"Kestria": 5, "Valdora": 3})


def _params(spec: dict) -> set[str]:
    found = {p["name"] for p in spec.get("params", []) if "select" in p}
    for key in ("layer", "spec", "vconcat"):
        child = spec.get(key)
        for item in child if isinstance(child, list) else [child] if child else []:
            found |= _params(item)
    return found


def _encodings(spec: dict) -> list[dict[str, Any]]:
    """Every encoding block of a spec, its layers included."""
    found = [spec["encoding"]] if "encoding" in spec else []
    for layer in spec.get("layer", []):
        found += _encodings(layer)
    return found


def _data(spec: dict) -> list[dict[str, Any]]:
    return next(iter(spec["datasets"].values()))


@pytest.fixture
def figures() -> pd.DataFrame:
    base = {"outlet": "Harbor Ledger", "qualifier": None, "subset_of": None, "number_text": None, "published": None,
            "sentence_start": 0, "sentence_end": 10, "start": 0, "end": 5}
    return pd.DataFrame([
        {**base, "article_id": "a1", "id": "f0", "category": "killed", "value": 9.0, "low": 9.0, "high": None,
         "group": "people", "source": "Kestrian officials", "text": "nine people were killed", "number_text": "nine"},
        {**base, "article_id": "a1", "id": "f1", "category": "killed", "value": 2.0, "low": 2.0, "high": None,
         "group": "children", "subset_of": "f0", "source": None, "text": "including two children"},
        {**base, "article_id": "a2", "outlet": "Norvane Daily", "id": "f0", "category": "wounded", "value": None,
         "low": 10.0, "high": 15.0, "group": "people", "source": None, "text": "between 10 and 15 were hurt"},
        {**base, "article_id": "a2", "outlet": "Norvane Daily", "id": "f1", "category": "wounded", "value": None,
         "low": 24.0, "high": None, "group": "others", "source": "Valdoran ministry", "number_text": "Dozens",
         "text": "Dozens of others were wounded"},
    ])


SIDES = {("a1", "Kestrian officials"): "Kestria", ("a2", "Valdoran ministry"): "Valdora"}


def test_entity_bar_speaks_the_filters_words_and_shows_every_label() -> None:
    totals = pd.DataFrame({"name": ["Ilse Varga", "Kestria", "Valdoran"], "label": ["PERSON", "GPE", "NORP"],
                           "count": [5, 3, 2], "articles": [2, 1, 1], "side": ["Kestria", None, "Valdora"]})
    spec = charts.entity_bar(totals).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "count"
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert spec["encoding"]["y"]["axis"]["labelOverlap"] is False, "20 bars must show 20 labels"
    assert spec["encoding"]["color"]["field"] == "type"
    assert spec["encoding"]["color"]["scale"]["domain"] == list(ENTITY_TYPE_COLORS)
    assert {row["type"] for row in _data(spec)} == {"people", "countries and cities", "nationalities and groups"}
    assert _params(spec) == {"entity"}
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"name", "count", "side"}
    assert all(row["side"] is not None for row in _data(spec)), "an unknown side is empty, never null"
    assert set(_data(spec)[0]) == {"name", "type", "count", "articles", "side"}, "only the columns it draws"


def test_speaker_bar_counts_whole_statements_in_the_top_speakers() -> None:
    quotes = pd.DataFrame({"speaker": ["Ilse Varga", "Ilse Varga", "Tomas Brek", "Lena Hradec"],
                           "side": ["Kestria", "Kestria", None, "Valdora"], "kind": ["direct"] * 4,
                           "text": ["a", "b", "c", "d"]})
    chart = charts.speaker_bar(quotes, colors=COLORS, top=2)
    spec = chart.to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == "d" and spec["encoding"]["x"]["axis"]["tickMinStep"] == 1
    assert _params(spec) == {"speaker"}
    rows = _data(spec)
    assert {r["speaker"] for r in rows} == {"Ilse Varga", "Tomas Brek"} or {r["speaker"] for r in rows} == {
        "Ilse Varga", "Lena Hradec"}
    assert next(r for r in rows if r["speaker"] == "Ilse Varga")["statements"] == 2
    assert "text" not in rows[0], "statement texts are not shipped to the chart"
    assert "unknown" in set(charts.speaker_counts(quotes)["side"])


@pytest.mark.parametrize("build", [
    pytest.param(lambda q: charts.speaker_bar(q, colors=COLORS), id="speakers"),
    pytest.param(lambda q: charts.side_by_article(q, colors=COLORS), id="sides"),
])
def test_side_colours_come_from_the_one_scale_with_unknown_grey(build) -> None:
    quotes = pd.DataFrame({"speaker": ["A", "B", "C"], "side": ["Valdora", None, "Valdora"],
                           "outlet": ["Ledger", "Ledger", "Daily"], "title": ["t1", "t1", "t2"]})
    scale = build(quotes).to_dict()["encoding"]["color"]["scale"]
    assert scale == {"domain": ["Kestria", "Valdora", "unknown"], "range": list(COLORS.colors)}
    assert scale["range"][-1] == UNKNOWN_COLOR, "a side the data lacks keeps its colour; unknown is grey"


def test_side_by_article_counts_per_side() -> None:
    quotes = pd.DataFrame({"speaker": ["A", "B", "C"], "side": ["Kestria", "Valdora", None],
                           "outlet": ["Ledger", "Ledger", "Daily"], "title": ["t1", "t1", "t2"]})
    spec = charts.side_by_article(quotes, colors=COLORS).to_dict()
    assert spec["encoding"]["x"]["aggregate"] == "sum" and spec["encoding"]["x"]["field"] == "statements"
    assert _params(spec) == {"side"}
    assert sorted((r["article"], r["side"], r["statements"]) for r in _data(spec)) == [
        ("Daily · t2", "unknown", 1), ("Ledger · t1", "Kestria", 1), ("Ledger · t1", "Valdora", 1)]


@pytest.mark.parametrize(
    ("row", "label", "bound"),
    [
        pytest.param({"value": 9.0, "low": 9.0, "group": "people"}, "9 people", "", id="exact"),
        pytest.param({"value": None, "low": 10.0, "high": 15.0, "group": "soldiers"}, "10–15 soldiers", "",
                     id="range"),
        pytest.param({"value": 20.0, "low": 20.0, "qualifier": "more than", "group": "attackers"},
                     "more than 20 attackers", "", id="qualified"),
        pytest.param({"value": None, "low": 24.0, "number_text": "Dozens", "group": "others",
                      "text": "Dozens of others were wounded"}, "Dozens of others", "at least 24",
                     id="vague-as-written"),
        pytest.param({"value": None, "low": 24.0, "number_text": "dozens", "group": None, "text": "dozens died"},
                     "dozens", "at least 24", id="vague-no-group"),
        pytest.param({"value": 1200.0, "low": 1200.0, "group": None}, "1,200", "", id="thousands"),
        pytest.param({"value": float("nan"), "low": float("nan"), "high": float("nan")}, "?", "", id="no-number"),
    ],
)
def test_figure_label_and_bound(row: dict, label: str, bound: str) -> None:
    assert charts.figure_label(row) == label
    assert charts.figure_bound(row) == bound


def test_figure_rows_give_sides_events_and_keep_parts_apart(figures: pd.DataFrame) -> None:
    rows = charts.figure_rows(figures, events={"a1": ("e1", "Marlow"), "a2": ("e1", "Marlow")},
                              own={("a1", "f0"), ("a2", "f0"), ("a2", "f1")}, sides=SIDES)
    assert rows["side"].tolist() == ["Kestria", "unknown", "unknown", "Valdora"]
    assert rows["who"].tolist() == ["Kestrian officials", "Harbor Ledger (own words)", "Norvane Daily (own words)",
                                    "Valdoran ministry"]
    assert rows["panel"].tolist() == ["killed", "apart", "wounded", "wounded"], "a part is drawn apart"
    ranged = rows.iloc[2]
    assert (ranged["low_end"], ranged["point"], ranged["high_end"]) == (10.0, 10.0, 15.0)
    assert rows["label"].tolist() == ["9 people", "2 children", "10–15 people", "Dozens of others"]
    assert set(rows["event"]) == {"Marlow"}


def test_a_far_larger_toll_is_drawn_apart() -> None:
    frame = pd.DataFrame([{"article_id": f"a{n}", "id": "f0", "category": "killed", "value": v, "low": v,
                           "high": None, "qualifier": None, "subset_of": None, "group": None, "source": None,
                           "outlet": "O", "text": "t", "number_text": None} for n, v in enumerate([4, 5, 6, 1200])])
    rows = charts.figure_rows(frame)
    assert rows["panel"].tolist() == ["killed", "killed", "killed", "apart"]


def test_casualty_panels_one_view_per_category_sources_grouped_by_side(figures: pd.DataFrame) -> None:
    rows = charts.figure_rows(figures, own={("a1", "f0"), ("a2", "f0"), ("a2", "f1")}, sides=SIDES)
    panels = charts.casualty_panels(rows, colors=COLORS)
    assert [name for name, _ in panels] == ["killed", "wounded", "apart"]
    for _, chart in panels:
        spec = chart.to_dict()
        assert spec["width"] == "container", "a panel fits the page, even 420 px"
        assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "point"]
        assert _params(spec) == {"figure"}
        assert all(e["color"]["scale"]["domain"] == list(COLORS.sides) for e in _encodings(spec))
        assert charts.element_height(chart) >= spec["height"] + charts.CHROME
    wounded = panels[1][1].to_dict()
    assert wounded["layer"][0]["encoding"]["y"]["sort"] == ["Valdoran ministry", "Norvane Daily (own words)"], \
        "sources are grouped by side, in the legend's order"
    assert {r["label"] for r in _data(wounded)} == {"10–15 people", "Dozens of others"}
    tooltips = {t["field"] for t in wounded["layer"][1]["encoding"]["tooltip"]}
    assert {"label", "bound", "who", "side", "text"} <= tooltips
    stacked = charts.casualty_chart(rows, colors=COLORS, width=500).to_dict()
    assert len(stacked["vconcat"]) == 3 and all(p["width"] == 500 for p in stacked["vconcat"])


EVENT_FIGURES = [
    {"event": "Marlow", "event_id": "e1", "category": "killed", "article_id": "a1", "outlet": "Ledger",
     "published": "2026-03-13", "id": "f0", "source": "city's emergency service", "value": 9.0, "low": 9.0,
     "high": 9.0, "qualifier": None, "group": "people", "text": "killing 9 people"},
    {"event": "Marlow", "event_id": "e1", "category": "killed", "article_id": "a2", "outlet": "Daily",
     "published": "2026-03-14", "id": "f2", "source": "city's emergency service", "value": 12.0, "low": 12.0,
     "high": 12.0, "qualifier": None, "group": "people", "text": "toll rose to 12"},
]


@pytest.mark.parametrize(
    ("marks", "states"),
    [
        pytest.param({}, ["current", "current"], id="publication-dates-alone"),
        pytest.param({0: True}, ["superseded", "current"], id="superseded-field"),
    ],
)
def test_tolls_over_time_use_the_superseded_mark_when_present(marks: dict, states: list[str]) -> None:
    items = [{**row, **({"superseded": marks[n]} if n in marks else {})} for n, row in enumerate(EVENT_FIGURES)]
    rows = charts.toll_rows(items, sides={("*", "city's emergency service"): "Kestria"})
    assert rows["state"].tolist() == states
    assert rows["published"].tolist() == ["2026-03-13", "2026-03-14"]
    assert set(rows["side"]) == {"Kestria"}
    (category, chart), = charts.toll_panels(rows, colors=COLORS)
    spec = chart.to_dict()
    assert category == "killed"
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "rule", "point"]
    assert spec["layer"][0]["encoding"]["x"]["type"] == "temporal"
    assert spec["layer"][0]["encoding"]["detail"]["field"] == "who", "one line per source"
    assert spec["layer"][2]["encoding"]["fill"]["condition"]["test"] == "(datum.state === 'superseded')"


def test_discrepancy_panels_colour_by_side_and_select_figures() -> None:
    rows = pd.DataFrame([
        {"key": "Marlow · killed (9 to 12)", "outlet": "Ledger", "source": "city's emergency service",
         "side": "Kestria", "point": 9.0, "low_end": 9.0, "high_end": 9.0, "label": "9", "article_id": "a1",
         "id": "f0", "text": "nine"},
        {"key": "Marlow · killed (9 to 12)", "outlet": "Daily", "source": None, "side": None, "point": 12.0,
         "low_end": 12.0, "high_end": 12.0, "label": "12", "article_id": "a2", "id": "f1", "text": "twelve"},
    ])
    (key, chart), = charts.discrepancy_panels(rows, colors=COLORS)
    spec = chart.to_dict()
    assert key == "Marlow · killed (9 to 12)"
    assert _params(spec) == {"figure"}
    assert {r["side"] for r in _data(spec)} == {"Kestria", "unknown"}
    assert {r["who"] for r in _data(spec)} == {"city's emergency service · Ledger", "Daily (own words)"}
