"""The page's tables: one spelling per name, record ids, sides of figure sources, display cells."""

from __future__ import annotations

import pandas as pd
import pytest

from components.analysis import analyze
from components.ingest.article import Article
from components.present import tables
from components.present.colors import UNKNOWN_COLOR, legend_html, side_colors


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        pytest.param("Kestria’s health ministry", "Kestria's health ministry", id="curly-apostrophe"),
        pytest.param("Kestria's health ministry", "Kestria's health ministry", id="straight-unchanged"),
        pytest.param("the  “Union”  council", 'the "Union" council', id="quotes-and-spaces"),
        pytest.param(None, None, id="none-passes"),
    ],
)
def test_canonical_name(name: str | None, canonical: str | None) -> None:
    assert tables.canonical_name(name) == canonical


@pytest.mark.parametrize(
    ("name", "side", "expected"),
    [
        pytest.param("Valdoran", "Valdora", True, id="invented-demonym-of-its-side"),
        pytest.param("Kestrians", "Kestria", True, id="plural"),
        pytest.param("Russian", None, True, id="listed-demonym"),
        pytest.param("Ilse Varga", "Kestria", False, id="two-words"),
        pytest.param("Brian", None, False, id="name-without-side"),
        pytest.param("Morgan", "Kestria", False, id="other-stem"),
        pytest.param("Valdora", "Valdora", False, id="the-country-itself"),
    ],
)
def test_is_nationality_word(name: str, side: str | None, expected: bool) -> None:
    assert tables.is_nationality_word(name, side=side) is expected


ARTICLES = [
    Article(text="At least 12 people were killed in Marlow on Monday, according to Kestria’s health ministry.",
            title="One", outlet="The Ledger", published="2026-03-13"),
    Article(text="At least 14 people were killed in Marlow on Tuesday, according to Kestria's health ministry.",
            title="Two", outlet="The Daily", published="2026-03-14"),
]


@pytest.fixture(scope="module")
def analysis():
    return analyze(ARTICLES)


def test_straight_and_curly_apostrophes_are_one_speaker_and_source(analysis) -> None:
    items = list(analysis.articles)
    quotes, figures = tables.quotes_frame(items), tables.figures_frame(items)
    assert not any("’" in s for s in quotes["speaker"]), quotes["speaker"].tolist()
    sources = figures.loc[figures["category"] == "killed", "source"].tolist()
    assert len(sources) == 2 and len(set(sources)) == 1, f"one key for both spellings: {sources}"
    for item in items:
        ids = quotes.loc[quotes["article_id"] == item.article.id, "quote_id"].tolist()
        assert ids == [f"{item.article.id}:q{n}" for n in range(len(ids))]


def test_one_spelling_per_name_across_speakers_sources_and_entities() -> None:
    quotes = pd.DataFrame({"speaker": ["Kestria's Health Ministry", "Kestria's Health Ministry", "Tomas Brek"]})
    figures = pd.DataFrame({"source": ["Kestria's health ministry", None, "tomas brek's office"]})
    tables.unify_spellings([(quotes, "speaker"), (figures, "source")])
    assert figures["source"].fillna("").tolist() == ["Kestria's Health Ministry", "", "tomas brek's office"]
    assert quotes["speaker"].tolist() == ["Kestria's Health Ministry", "Kestria's Health Ministry", "Tomas Brek"]


def test_figures_keep_the_number_as_written_and_the_article_date(analysis) -> None:
    figures = tables.figures_frame(list(analysis.articles))
    killed = figures[figures["category"] == "killed"]
    assert killed["number_text"].tolist() == ["12", "14"]
    assert killed["published"].tolist() == ["2026-03-13", "2026-03-14"]
    assert "superseded" in figures.columns, "filled when the language layer marks a figure superseded"


def test_source_sides_from_statements_then_entities_then_other_articles() -> None:
    quotes = pd.DataFrame({"article_id": ["a1", "a1"], "speaker": ["health ministry", "Tomas Brek"],
                           "side": ["Kestria", None]})
    entities = pd.DataFrame({"article_id": ["a2"], "name": ["Radko Ostrem"], "side": ["Valdora"]})
    sides = tables.source_sides(quotes, entities)
    assert tables.side_of_source(sides, "a1", "health ministry") == "Kestria"
    assert tables.side_of_source(sides, "a9", "health ministry") == "Kestria", "the side it has elsewhere"
    assert tables.side_of_source(sides, "a2", "Radko Ostrem") == "Valdora"
    assert tables.side_of_source(sides, "a1", "Tomas Brek") == "unknown"
    assert tables.side_of_source(sides, "a1", None) == "unknown"


def test_for_display_leaves_empty_cells_empty() -> None:
    frame = pd.DataFrame({"side": ["Kestria", None, float("nan")], "value": [1.0, None, 2.0]})
    shown = tables.for_display(frame)
    assert shown["side"].tolist() == ["Kestria", "", ""]
    assert "None" not in shown.to_string() and "nan" not in shown["side"].tolist()


def test_side_colours_most_quoted_first_unknown_grey_last() -> None:
    colors = side_colors({"Valdora": 2, "Kestria": 5, "unknown": 9}, also=["Amberlund", "Kestria"])
    assert colors.sides == ("Kestria", "Valdora", "Amberlund", "unknown")
    assert colors.color_of("unknown") == colors.color_of(None) == colors.color_of("Nowhere") == UNKNOWN_COLOR
    assert len(set(colors.colors)) == 4


def test_side_legend_escapes_side_names() -> None:
    html = legend_html(side_colors({"<script>alert(1)</script>": 1}))
    assert "<script>" not in html and "&lt;script&gt;" in html
