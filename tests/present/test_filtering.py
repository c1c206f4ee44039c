"""The page's linked filter: URL round trip, and what each kind keeps in each table."""

from __future__ import annotations

import pandas as pd
import pytest

from components.present.filtering import (
    PageFilter,
    filter_entities,
    filter_figures,
    filter_pairs,
    filter_quotes,
    matching_articles,
)


@pytest.mark.parametrize(
    ("param", "expected"),
    [
        pytest.param("speaker:Ilse Varga", PageFilter("speaker", "Ilse Varga"), id="speaker"),
        pytest.param("entity:Kestria:North", PageFilter("entity", "Kestria:North"), id="colon-in-value"),
        pytest.param("article:abc123", PageFilter("article", "abc123"), id="article"),
        pytest.param("bogus:x", None, id="unknown-kind"),
        pytest.param("speaker:", None, id="empty-value"),
        pytest.param("no-colon", None, id="malformed"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_from_param(param: str | None, expected: PageFilter | None) -> None:
    assert PageFilter.from_param(param) == expected
    if expected is not None:
        assert PageFilter.from_param(expected.to_param()) == expected


QUOTES = pd.DataFrame([
    {"article_id": "a1", "speaker": "Ilse Varga", "side": "Kestria", "text": "Halden will stand."},
    {"article_id": "a1", "speaker": "Tomas Brek", "side": None, "text": "Varga is wrong about the port."},
    {"article_id": "a2", "speaker": "Valdoran Defence Ministry", "side": "Valdora", "text": "No strike occurred."},
])


@pytest.mark.parametrize(
    ("page_filter", "speakers"),
    [
        pytest.param(None, ["Ilse Varga", "Tomas Brek", "Valdoran Defence Ministry"], id="none"),
        pytest.param(PageFilter("speaker", "Tomas Brek"), ["Tomas Brek"], id="speaker"),
        pytest.param(PageFilter("side", "unknown"), ["Tomas Brek"], id="side-unknown"),
        pytest.param(PageFilter("side", "Valdora"), ["Valdoran Defence Ministry"], id="side"),
        pytest.param(PageFilter("article", "a2"), ["Valdoran Defence Ministry"], id="article"),
        pytest.param(PageFilter("entity", "Ilse Varga"), ["Ilse Varga", "Tomas Brek"], id="entity-by-surname"),
        pytest.param(PageFilter("entity", "Marlow"), [], id="entity-absent"),
    ],
)
def test_filter_quotes(page_filter: PageFilter | None, speakers: list[str]) -> None:
    assert filter_quotes(QUOTES, page_filter)["speaker"].tolist() == speakers


def test_filter_figures_by_sentence_and_source() -> None:
    texts = {"a1": "Nine died in Marlow, Kestrian officials said. Two were hurt in Halden."}
    figures = pd.DataFrame([
        {"article_id": "a1", "source": "Kestrian officials", "sentence_start": 0, "sentence_end": 45},
        {"article_id": "a1", "source": None, "sentence_start": 46, "sentence_end": 71},
    ])
    assert len(filter_figures(figures, PageFilter("entity", "Halden"), texts=texts)) == 1
    assert len(filter_figures(figures, PageFilter("speaker", "Kestrian officials"), texts=texts)) == 1
    assert filter_figures(figures, PageFilter("article", "zz"), texts=texts).empty


def test_filter_entities_keeps_articles_naming_the_entity() -> None:
    entities = pd.DataFrame([
        {"article_id": "a1", "name": "Ilse Varga", "side": "Kestria"},
        {"article_id": "a1", "name": "Halden", "side": None},
        {"article_id": "a2", "name": "Marlow", "side": None},
    ])
    assert filter_entities(entities, PageFilter("entity", "Ilse Varga"))["name"].tolist() == ["Ilse Varga", "Halden"]
    assert filter_entities(entities, PageFilter("side", "Kestria"))["name"].tolist() == ["Ilse Varga"]


def test_a_side_filter_keeps_only_that_sides_sources_in_the_figures() -> None:
    figures = pd.DataFrame([
        {"article_id": "a1", "source": "Kestrian officials", "side": "Kestria"},
        {"article_id": "a1", "source": "Valdoran ministry", "side": "Valdora"},
        {"article_id": "a2", "source": None, "side": "unknown"},
    ])
    assert filter_figures(figures, PageFilter("side", "Valdora"), texts={})["source"].tolist() == ["Valdoran ministry"]
    assert filter_figures(figures, PageFilter("side", "unknown"), texts={})["article_id"].tolist() == ["a2"]
    assert filter_figures(figures.drop(columns="side"), PageFilter("side", "Kestria"), texts={}).empty


def test_articles_matching_a_filter_in_table_order() -> None:
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"]})
    entities = pd.DataFrame([
        {"article_id": "a1", "name": "Ilse Varga", "side": "Kestria"},
        {"article_id": "a3", "name": "Marlow", "side": None},
    ])
    figures = pd.DataFrame(columns=["article_id", "source", "side", "sentence_start", "sentence_end"])
    found = {
        kind_value: matching_articles(PageFilter(*kind_value), articles=articles, entities=entities, quotes=QUOTES,
                                      figures=figures, texts={})
        for kind_value in [("entity", "Marlow"), ("speaker", "Tomas Brek"), ("side", "Valdora"), ("article", "a3")]
    }
    assert found == {("entity", "Marlow"): ["a3"], ("speaker", "Tomas Brek"): ["a1"], ("side", "Valdora"): ["a2"],
                     ("article", "a3"): ["a3"]}
    assert matching_articles(None, articles=articles, entities=entities, quotes=QUOTES, figures=figures,
                             texts={}) == ["a1", "a2", "a3"]


def test_a_pair_is_kept_when_either_statement_passes() -> None:
    pairs = pd.DataFrame([
        {"a_article_id": "a1", "a_side": "Kestria", "a_speaker": "Ilse Varga", "a_text": "x",
         "b_article_id": "a2", "b_side": "Valdora", "b_speaker": "Radko Ostrem", "b_text": "y"},
        {"a_article_id": "a3", "a_side": "Kestria", "a_speaker": "Tomas Brek", "a_text": "z",
         "b_article_id": "a3", "b_side": "Amberlund", "b_speaker": "Clara Voss", "b_text": "w"},
    ])
    assert len(filter_pairs(pairs, PageFilter("speaker", "Radko Ostrem"))) == 1
    assert len(filter_pairs(pairs, PageFilter("side", "Kestria"))) == 2
    assert filter_pairs(pairs, PageFilter("article", "a9")).empty


def test_an_article_filter_is_described_by_its_title() -> None:
    titles = {"6bbf927c9ddeaeb9": "The Ledger · Drone strike on Marlow"}
    described = PageFilter("article", "6bbf927c9ddeaeb9").describe(titles.get)
    assert described == "article “The Ledger · Drone strike on Marlow”"
    assert "6bbf" not in described
    assert PageFilter("entity", "Valdoran").describe() == "entity Valdoran"
