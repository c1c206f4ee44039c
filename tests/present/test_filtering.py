"""The page's linked filter: URL round trip, and what each kind keeps in each table."""

from __future__ import annotations

import pandas as pd
import pytest

from components.present.filtering import PageFilter, filter_entities, filter_figures, filter_quotes


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
