"""The page under Streamlit's AppTest: every cell renders with the samples, widgets change it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import nlp

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 180
CELL_NAMES = ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export")


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLENS_DB", str(tmp_path / "workspaces.sqlite"))
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _charts(at: AppTest) -> list:
    return [*at.get("vega_lite_chart"), *at.get("arrow_vega_lite_chart")]


def test_first_visit_shows_every_cell_with_the_samples(app: AppTest) -> None:
    labels = [e.label for e in app.expander]
    for name in CELL_NAMES:
        assert any(name in label for label in labels), f"cell {name} missing"
    articles = app.dataframe[0].value
    assert len(articles) >= 12
    assert {"title", "outlet", "date", "words"} <= set(articles.columns)
    assert len(_charts(app)) >= 3, "entity, speaker and figure charts expected"
    assert not app.error


def test_entity_type_filter_changes_the_chart(app: AppTest) -> None:
    before = len(_charts(app))
    app.multiselect(key="entities.labels").set_value(["NORP"]).run()
    assert not app.exception
    assert len(_charts(app)) == before
    app.multiselect(key="entities.labels").set_value([]).run()
    assert any("No entities" in i.value for i in app.info)


def test_quote_filters_narrow_the_table(app: AppTest) -> None:
    table = next(df for df in app.dataframe if "speaker" in df.value.columns and "kind" in df.value.columns)
    total = len(table.value)
    assert total > 0
    app.multiselect(key="quotes.kind").set_value(["direct"]).run()
    narrowed = next(df for df in app.dataframe if "speaker" in df.value.columns and "kind" in df.value.columns)
    assert 0 < len(narrowed.value) < total
    assert set(narrowed.value["kind"]) == {"direct"}


def test_filter_from_url_and_clear(app: AppTest) -> None:
    speaker = next(df for df in app.dataframe if "speaker" in df.value.columns).value["speaker"].iloc[0]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params["filter"] = f"speaker:{speaker}"
    at.run()
    assert not at.exception
    assert any(speaker in i.value for i in at.info)
    quotes = next(df for df in at.dataframe if "kind" in df.value.columns)
    assert set(quotes.value["speaker"]) == {speaker}
    at.button(key="filter.clear").click().run()
    assert not any("Filtered by" in i.value for i in at.info)


def test_pasted_article_is_added_and_bad_input_is_explained(app: AppTest) -> None:
    n = len(app.dataframe[0].value)
    app.text_area(key="articles.paste_text").input(
        "Mayor Ilse Varga said on Monday that the bridge in Halden would reopen. \"We are ready,\" she said."
    )
    app.text_input(key="articles.paste_title").input("Bridge to reopen")
    app.button[[b.label for b in app.button].index("Add article")].click().run()
    assert not app.exception
    assert len(app.dataframe[0].value) == n + 1
    app.text_area(key="articles.paste_text").input("   ")
    app.button[[b.label for b in app.button].index("Add article")].click().run()
    assert app.error, "an empty paste must say why it was refused"


def test_rerun_does_not_parse_again(app: AppTest) -> None:
    parses = nlp.PARSE_CACHE.parses
    start = time.perf_counter()
    app.multiselect(key="quotes.kind").set_value(["indirect"]).run()
    elapsed = time.perf_counter() - start
    assert not app.exception
    assert nlp.PARSE_CACHE.parses == parses
    print(f"widget change rerun: {elapsed * 1000:.0f} ms")
