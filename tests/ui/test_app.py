"""The page under Streamlit's AppTest: every cell renders with the samples, widgets change it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from components import store as store_module
from components.corpus.local import write_tables
from components.ingest import limits
from components.ingest.loaders import from_text
from components.language import nlp
from components.present.filtering import PageFilter
from components.ui.workspace_panel import GENERIC_ERROR

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180
CELL_NAMES = ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export")



def _text(element) -> str:
    """A message as the reader sees it: Markdown's backslash escapes (user text is escaped) removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", str(element.value))

@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLENS_DB", str(tmp_path / "workspaces.sqlite"))
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [_text(e) for e in at.exception]
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


def _banner(at: AppTest) -> list[str]:
    return [_text(m) for m in at.markdown if "Filtered by" in m.value]


def test_filter_from_url_and_clear(app: AppTest) -> None:
    speaker = next(df for df in app.dataframe if "speaker" in df.value.columns).value["speaker"].iloc[0]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params["filter"] = f"speaker:{speaker}"
    at.run()
    assert not at.exception
    assert any(speaker in b for b in _banner(at))
    quotes = next(df for df in at.dataframe if "kind" in df.value.columns)
    assert set(quotes.value["speaker"]) == {speaker}
    at.button(key="filter.clear").click().run()
    assert not _banner(at)


def _cell(at: AppTest, name: str):
    return next(e for e in at.expander if e.label == f"**{name}**")


def test_every_cell_says_how_it_honours_the_filter(app: AppTest) -> None:
    app.session_state["newslens.filter"] = PageFilter("side", "Valdora")
    app.run()
    assert not app.exception
    for name in ("Articles", "Reading view", "Entities", "Quotes", "Figures", "Compare", "Export"):
        assert any(c.value.startswith("Filtered") for c in _cell(app, name).caption), f"{name} says nothing"
    figures = next(df.value for df in _cell(app, "Figures").dataframe if "that is" in df.value.columns)
    assert set(figures["side"]) == {"Valdora"}, "a side filter keeps that side's sources only"
    compare = next(df.value for df in _cell(app, "Compare").dataframe if "label" in df.value.columns)
    assert set(compare["side"]) == {"Valdora"}, "Compare honours the filter too"


def test_an_article_filter_shows_its_title_and_opens_it_in_the_reading_view(app: AppTest) -> None:
    articles = app.session_state["newslens.workspace"].articles
    target = articles[5]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params.update({"filter": f"article:{target.id}", "article": articles[0].id})
    at.run()
    assert not at.exception
    banner = " ".join(_banner(at))
    assert target.title in banner and target.id not in banner
    assert at.selectbox(key="reading.article").value == target.id, "the reading view moves to the article"


def test_tables_show_empty_cells_empty(app: AppTest) -> None:
    assert app.dataframe and all(df.proto.placeholder == "" for df in app.dataframe)


def test_loaded_samples_are_not_offered_again_and_no_remove_0(app: AppTest) -> None:
    labels = [b.label for b in app.button]
    assert "Load the bundled sample articles" not in labels
    assert any("13 sample articles are loaded" in c.value for c in _cell(app, "Articles").caption)
    assert "Remove selected" in labels and not any(label.startswith("Remove 0") for label in labels)


def test_compare_starts_on_the_two_sides_with_most_statements_and_shows_readable_pairs(app: AppTest) -> None:
    by_side = app.session_state["newslens.context"][1].analysis.comparison["statements_by_side"]
    expected = [s for s in by_side if s != "unknown"][:2]
    assert app.multiselect(key="compare.sides").value == expected
    pairs = [m.value for m in _cell(app, "Compare").markdown if "statements on the same subject" in m.value]
    assert pairs and re.match(r"\*\*(1 pair|\d+ pairs) of", pairs[0]), pairs
    table = next((df.value for df in _cell(app, "Compare").dataframe if "statement" in df.value.columns), None)
    if table is not None:
        assert not {c for c in table.columns if c.startswith(("a_", "b_"))}, "no developer columns"


def test_hiding_every_cell_says_how_to_bring_them_back(app: AppTest) -> None:
    app.multiselect(key="layout.cells").set_value([]).run()
    assert any("Every cell is hidden" in i.value for i in app.info)


def test_cells_move_up_and_down(app: AppTest) -> None:
    app.selectbox(key="layout.move").set_value("Quotes").run()
    app.button(key="layout.up").click().run()
    cells = [e.label.strip("*") for e in app.expander if e.label.startswith("**")]
    assert cells.index("Quotes") == cells.index("Entities") - 1


def test_statements_axis_counts_whole_statements(app: AppTest) -> None:
    spec = next(c.spec for c in _charts(app) if "Statements per speaker" in c.spec)
    assert '"format": "d"' in spec and '"tickMinStep": 1' in spec


def _tab(at: AppTest, name: str) -> AppTest:
    """Switch the Articles cell's loader tabs (only the chosen tab's content runs)."""
    at.session_state["articles.tab"] = name
    return at.run()


def _uploader(at: AppTest):
    return next(u for u in at.file_uploader if str(u.key).startswith("articles.upload."))


def test_pasted_article_is_added_opened_in_the_reading_view_and_the_tab_stays(app: AppTest) -> None:
    n = len(app.dataframe[0].value)
    _tab(app, "Paste")
    app.text_area(key="articles.paste_text").input(
        "Mayor Ilse Varga said on Monday that the bridge in Halden would reopen. \"We are ready,\" she said."
    )
    app.text_input(key="articles.paste_title").input("Bridge to reopen")
    app.button[[b.label for b in app.button].index("Add article")].click().run()
    assert not app.exception
    assert len(app.dataframe[0].value) == n + 1
    new = app.session_state["newslens.workspace"].articles[-1]
    assert app.selectbox(key="reading.article").value == new.id, "the new article opens in the reading view"
    assert any("is open in the Reading view" in _text(s) for s in _articles_cell(app).success)
    app.text_area(key="articles.paste_text").input("   ")
    app.button[[b.label for b in app.button].index("Add article")].click().run()
    assert app.session_state["articles.tab"] == "Paste", "the user stays in the tab they were in"
    assert app.error, "an empty paste must say why it was refused"


def test_rerun_does_not_parse_again(app: AppTest) -> None:
    parses = nlp.PARSE_CACHE.parses
    start = time.perf_counter()
    app.multiselect(key="quotes.kind").set_value(["indirect"]).run()
    elapsed = time.perf_counter() - start
    assert not app.exception
    assert nlp.PARSE_CACHE.parses == parses
    print(f"widget change rerun: {elapsed * 1000:.0f} ms")


# --------------------------------------------------------------------------- saving and share links

BRIDGE_ARTICLE = ("Mayor Ilse Varga said on Monday that the bridge in Halden would reopen on Friday. "
                  "\"We are ready,\" she said.")
SHARED_LAYOUT = ["Quotes", "Articles", "Figures", "Entities"]
ARTICLE_COLUMNS = {"title", "outlet", "date", "words"}
QUOTE_COLUMNS = {"speaker", "side", "kind", "cue", "text"}


def _restart_server() -> None:
    """What a new server process starts without: every cached store, model handle and analysis.

    The database file is all that survives, as it does when the process is killed.
    """
    st.cache_resource.clear()
    st.cache_data.clear()


def _open_page(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    at.run()
    assert not at.exception, [_text(e) for e in at.exception]
    return at


def _cells(at: AppTest) -> list[str]:
    return [e.label.strip("*") for e in at.expander if e.label.startswith("**")]


def _frame(at: AppTest, columns: set[str]) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if columns <= set(df.value.columns))


def _share_token(at: AppTest) -> str:
    link = next(c.value for c in at.sidebar.code if "?ws=" in c.value)
    assert not link.startswith("None"), link
    return link.rsplit("?ws=", 1)[1]


def _button_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_share_link_reopens_the_workspace_after_a_restart_read_only_and_forkable(app: AppTest) -> None:
    # an owner adds an article, corrects a side, saves, then changes the layout (saved automatically)
    _tab(app, "Paste")
    app.text_area(key="articles.paste_text").input(BRIDGE_ARTICLE)
    app.text_input(key="articles.paste_title").input("Bridge to reopen")
    app.button[_button_labels(app).index("Add article")].click().run()
    # the side editor is an st.data_editor, which AppTest cannot edit: set what its Apply button sets
    owner_ws = app.session_state["newslens.workspace"]
    owner_ws.settings = {**owner_ws.settings, "side_overrides": {"Ilse Varga": "Halden council"}}
    app.text_input(key="workspace.name").input("Halden bridge").run()
    app.button(key="workspace.save").click().run()
    assert not app.exception
    edit_token, view_token = app.query_params["ws"], _share_token(app)
    assert edit_token != view_token
    app.multiselect(key="layout.cells").set_value(SHARED_LAYOUT).run()
    assert _cells(app) == SHARED_LAYOUT
    assert any("version 2" in c.value for c in app.sidebar.caption), "the sidebar must show the autosaved version"
    articles, quotes = _frame(app, ARTICLE_COLUMNS), _frame(app, QUOTE_COLUMNS)
    assert "Bridge to reopen" in set(articles["title"]) and len(articles) == 14
    assert set(quotes.loc[quotes["speaker"] == "Ilse Varga", "side"]) == {"Halden council"}

    _restart_server()
    viewer = _open_page({"ws": view_token})
    assert _cells(viewer) == SHARED_LAYOUT
    assert any("Halden bridge" in i.value and "read-only" in i.value for i in viewer.sidebar.info)
    pd.testing.assert_frame_equal(_frame(viewer, ARTICLE_COLUMNS).reset_index(drop=True),
                                  articles.reset_index(drop=True))
    pd.testing.assert_frame_equal(_frame(viewer, QUOTE_COLUMNS).reset_index(drop=True),
                                  quotes.reset_index(drop=True))

    # read-only: nothing that changes the workspace is offered, and the layout control is disabled
    assert not {"Add article", "Add uploaded files", "Load the bundled sample articles"} & set(_button_labels(viewer))
    assert not any(label.startswith("Remove") for label in _button_labels(viewer))
    assert not [t for t in viewer.text_input if t.key == "workspace.name"]
    with pytest.raises(AppTestError, match="disabled"):
        viewer.multiselect(key="layout.cells").set_value(["Articles"])
    with store_module.Store() as database:
        assert database.open(view_token).workspace.version == 2

    # a fork is the viewer's own, editable copy; the original stays as it was
    viewer.button(key="workspace.fork").click().run()
    assert not viewer.exception
    fork_token = viewer.query_params["ws"]
    assert fork_token not in (edit_token, view_token)
    viewer.multiselect(key="layout.cells").set_value(["Articles", "Quotes"]).run()
    assert _cells(viewer) == ["Articles", "Quotes"]
    with store_module.Store() as database:
        fork = database.open(fork_token)
        original = database.open(view_token)
    assert fork.role == "edit" and fork.workspace.settings["layout"] == ["Articles", "Quotes"]
    assert len(fork.workspace.articles) == 14
    assert fork.workspace.settings["side_overrides"] == {"Ilse Varga": "Halden council"}
    assert original.role == "view" and original.workspace.version == 2
    assert original.workspace.settings["layout"] == SHARED_LAYOUT

    # the edit link still edits the original after the restart
    owner = _open_page({"ws": edit_token})
    assert _cells(owner) == SHARED_LAYOUT
    assert "Add article" in _button_labels(_tab(owner, "Paste"))


SECRET_TITLE = "Harbour memo not for strangers"


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("nope", id="short"),
        pytest.param("A" * 43, id="well-formed-unknown"),
        pytest.param("<script>alert(1)</script>", id="markup"),
        pytest.param("' OR 1=1 --", id="sql"),
        pytest.param("../../etc/passwd", id="path"),
        pytest.param("revoked", id="revoked"),
    ],
)
def test_unknown_or_malformed_link_says_so_and_shows_nothing(link: str) -> None:
    with store_module.Store() as database:
        created = database.create(name="Private", settings={}, articles=[
            from_text("The harbour master said on Tuesday that the north pier would close.", title=SECRET_TITLE)])
        if link == "revoked":
            assert database.revoke(created.edit_token, role="view") == 1
            link = created.view_token
    at = _open_page({"ws": link})
    assert [_text(e) for e in at.error] == [
        f"{store_module.NOT_FOUND_MESSAGE}. Ask for the link again, or load articles below to start a new workspace."]
    assert "ws" not in at.query_params
    assert not at.dataframe or all(SECRET_TITLE not in df.value.to_string() for df in at.dataframe)
    assert any("No articles loaded yet" in w.value for w in at.warning), "a failed link must not show the samples"


def test_unreachable_database_keeps_the_page_working(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    monkeypatch.setenv("NEWSLENS_DB", str(blocker / "workspaces.sqlite"))
    at = _open_page({"ws": "A" * 43})
    assert [_text(e) for e in at.error] == [GENERIC_ERROR]
    fresh = _open_page()
    fresh.button(key="workspace.save").click().run()
    assert not fresh.exception
    assert any("cannot be created" in _text(e) for e in fresh.sidebar.error)
    assert len(_frame(fresh, ARTICLE_COLUMNS)) >= 12, "the loaded articles stay on the page"


# --------------------------------------------------------------------------- upload limits

GRAIN_ARTICLE = (b"Title: Grain ship leaves Marlow\nOutlet: The Test Courier\n\n"
                 b"The grain ship Aurora left Marlow on Sunday with 40,000 tonnes of wheat, the port authority "
                 b"said. \"The corridor is open,\" harbour master Ilse Varga told reporters.")
FERRY_ARTICLE = (b"Title: Ferry service resumes\nOutlet: The Test Courier\n\n"
                 b"The ferry between Halden and Marlow resumed on Monday after two weeks, the operator said. "
                 b"About 300 passengers crossed on the first day, according to the company.")


def _articles_cell(at: AppTest):
    return next(e for e in at.expander if e.label == "**Articles**")


def test_upload_over_the_size_limit_is_refused_in_the_articles_cell(app: AppTest, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_UPLOAD_MB", 1)
    sample = (ROOT / "sample_articles" / "port-strike-harbor-ledger.txt").read_bytes()
    big = sample * (600_000 // len(sample) + 1)  # two real articles, repeated to 0.6 MB each
    n = len(_frame(app, ARTICLE_COLUMNS))
    _tab(app, "Upload")
    _uploader(app).set_value([("a.txt", big, "text/plain"), ("b.txt", big, "text/plain")])
    app.run()
    assert not app.exception
    errors = [_text(e) for e in _articles_cell(app).error]
    assert any("together; one upload may be at most 1 MB" in e for e in errors), errors
    assert app.button(key="articles.upload_add").disabled
    assert len(_frame(app, ARTICLE_COLUMNS)) == n


def test_upload_beyond_the_workspace_cap_is_refused_and_one_that_fits_is_added(app: AppTest, monkeypatch) -> None:
    n = len(_frame(app, ARTICLE_COLUMNS))
    monkeypatch.setattr(limits, "MAX_ARTICLES_PER_WORKSPACE", n + 1)
    _tab(app, "Upload")
    uploader = _uploader(app)
    uploader.set_value([("grain.txt", GRAIN_ARTICLE, "text/plain"), ("ferry.txt", FERRY_ARTICLE, "text/plain")])
    app.run()
    errors = [_text(e) for e in _articles_cell(app).error]
    assert any(f"at most {n + 1} articles; it has {n}, so 2 more cannot be added" in e for e in errors), errors
    assert app.button(key="articles.upload_add").disabled

    _uploader(app).set_value([("grain.txt", GRAIN_ARTICLE, "text/plain")])
    app.run()
    assert not _articles_cell(app).error
    app.button(key="articles.upload_add").click().run()
    assert not app.exception
    titles = _frame(app, ARTICLE_COLUMNS)["title"].tolist()
    assert len(titles) == n + 1 and "Grain ship leaves Marlow" in titles

    # the workspace is full now: a paste gets the same clear refusal, and nothing is added
    _tab(app, "Paste")
    app.text_area(key="articles.paste_text").input(FERRY_ARTICLE.decode())
    app.button[_button_labels(app).index("Add article")].click().run()
    assert any("so 1 more cannot be added" in _text(e) for e in _articles_cell(app).error)
    assert len(_frame(app, ARTICLE_COLUMNS)) == n + 1


def test_a_good_and_a_bad_file_each_get_their_line(app: AppTest) -> None:
    n = len(_frame(app, ARTICLE_COLUMNS))
    _tab(app, "Upload")
    _uploader(app).set_value([("grain.txt", GRAIN_ARTICLE, "text/plain"),
                              ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "text/plain")])
    app.run()
    app.button(key="articles.upload_add").click().run()
    assert not app.exception
    lines = [_text(e) for e in _articles_cell(app).error] + [_text(s) for s in _articles_cell(app).success]
    assert any(line.startswith("grain.txt: added") for line in lines), lines
    refused = [line for line in lines if line.startswith("photo.txt")]
    assert len(refused) == 1 and refused[0].count("photo.txt") == 1, "the file's name once, then why"
    assert len(_frame(app, ARTICLE_COLUMNS)) == n + 1
    assert app.session_state["articles.tab"] == "Upload"


# --------------------------------------------------------------------------- corpus results (Parquet)


@pytest.fixture(scope="module")
def parquet_result(tmp_path_factory) -> Path:
    """A result folder of the command line's corpus mode over the sample articles."""
    root = tmp_path_factory.mktemp("corpus-root")
    write_tables([ROOT / "sample_articles"], out=root / "samples-result", fmt="parquet")
    return root


def _corpus_cell(at: AppTest):
    return next(e for e in at.expander if e.label == "**Corpus**")


def _expand_corpus(at: AppTest) -> AppTest:
    """The Corpus cell starts collapsed, and a collapsed cell runs nothing: open it."""
    assert not _corpus_cell(at).children or not _corpus_cell(at).text_input, "collapsed cells draw nothing"
    at.session_state["cell.corpus"] = True
    return at.run()


def _corpus_frame(at: AppTest, columns: set[str]) -> pd.DataFrame:
    return next(df.value for df in _corpus_cell(at).dataframe if columns <= set(df.value.columns))


def _expected_tables(root: Path) -> dict[str, pd.DataFrame]:
    folder = root / "samples-result"
    return {name: pd.read_parquet(folder / f"{name}.parquet") for name in ("articles", "entities", "quotes", "figures")}


def test_corpus_result_folder_opens_with_its_tables_and_charts(app: AppTest, parquet_result: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setenv("NEWSLENS_CORPUS_ROOT", str(parquet_result))
    expected = _expected_tables(parquet_result)
    _expand_corpus(app)
    charts_before = len(_charts(_corpus_cell(app)))
    app.text_input(key="corpus.folder").input("samples-result")
    app.button(key="corpus.open").click().run()
    assert not app.exception and not _corpus_cell(app).error
    summary = " ".join(m.value for m in _corpus_cell(app).markdown)
    assert f"{len(expected['articles'])} articles" in summary and f"{len(expected['quotes'])} statements" in summary
    quotes = _corpus_frame(app, {"speaker", "kind", "cue", "text"})
    assert quotes["text"].tolist() == expected["quotes"]["text"].tolist()
    entities = _corpus_frame(app, {"name", "label", "count", "articles"})
    assert entities["count"].sum() == expected["entities"]["count"].sum()
    top = expected["entities"].groupby("name")["count"].sum().idxmax()
    assert entities.iloc[0]["name"] == top
    casualties = _corpus_frame(app, {"category", "value", "low", "high", "qualifier"})
    assert len(casualties) == (expected["figures"]["type"] == "casualty").sum() > 0
    specs = [c.spec for c in _charts(_corpus_cell(app))]
    assert charts_before == 0 and len(specs) >= 3, "entity, speaker and casualty charts expected"
    assert any('"text": "killed"' in s for s in specs), "one casualty chart per category"
    assert any('"Most mentioned"' in s for s in specs) and any("Statements per speaker" in s for s in specs)

    # narrowing by outlet narrows every table
    outlet = expected["articles"]["outlet"].iloc[0]
    app.multiselect(key="corpus.outlets").set_value([outlet]).run()
    narrowed = _corpus_frame(app, {"speaker", "kind", "cue", "text"})
    assert 0 < len(narrowed) < len(quotes) and set(narrowed["outlet"]) == {outlet}

    app.button(key="corpus.close").click().run()
    assert not _corpus_cell(app).dataframe and app.text_input(key="corpus.folder")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("..", "Only folders inside this server's corpus folder", id="parent"),
        pytest.param("/etc", "Only folders inside this server's corpus folder", id="absolute-outside"),
        pytest.param("nowhere", "There is no folder 'nowhere'", id="missing"),
        pytest.param("empty", "lacks articles.parquet, entities.parquet", id="not-a-result"),
        pytest.param("", "Give the folder of a Parquet result", id="blank"),
    ],
)
def test_corpus_folder_outside_the_root_or_not_a_result_is_refused(app: AppTest, parquet_result: Path, monkeypatch,
                                                                   typed: str, message: str) -> None:
    (parquet_result / "empty").mkdir(exist_ok=True)
    root = parquet_result / "samples-result" if typed == ".." else parquet_result
    monkeypatch.setenv("NEWSLENS_CORPUS_ROOT", str(root))
    _expand_corpus(app)
    app.text_input(key="corpus.folder").input(typed)
    app.button(key="corpus.open").click().run()
    errors = [_text(e) for e in _corpus_cell(app).error]
    assert len(errors) == 1 and message in errors[0], errors
    assert not _corpus_cell(app).dataframe


def test_corpus_result_opens_from_uploaded_parquet_files(app: AppTest, parquet_result: Path) -> None:
    folder = parquet_result / "samples-result"
    files = [(f"{name}.parquet", (folder / f"{name}.parquet").read_bytes(), "application/octet-stream")
             for name in ("articles", "entities", "quotes", "figures")]
    _expand_corpus(app)
    app.file_uploader(key="corpus.upload").set_value(files[:3]).run()
    app.button(key="corpus.upload_open").click().run()
    assert any("figures.parquet missing" in _text(e) for e in _corpus_cell(app).error)
    app.file_uploader(key="corpus.upload").set_value(files).run()
    app.button(key="corpus.upload_open").click().run()
    assert not app.exception and not _corpus_cell(app).error
    quotes = _corpus_frame(app, {"speaker", "kind", "cue", "text"})
    assert len(quotes) == len(pd.read_parquet(folder / "quotes.parquet"))


def test_revoking_every_share_link_asks_first(app: AppTest) -> None:
    app.button(key="workspace.save").click().run()
    token = app.query_params["ws"]
    app.button(key="workspace.revoke").click().run()
    assert any("Revoke every read-only link?" in w.value for w in app.sidebar.warning)
    with store_module.Store() as database:
        assert database.open(_share_token(app)).role == "view", "nothing is revoked before the second click"
    app.button(key="workspace.revoke_no").click().run()
    assert not app.sidebar.warning
    app.button(key="workspace.revoke").click().run()
    app.button(key="workspace.revoke_yes").click().run()
    assert any("Revoked 1 read-only link." in s.value for s in app.sidebar.success)
    with store_module.Store() as database:
        assert database.open(token).role == "edit"
