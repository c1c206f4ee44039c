"""Saved workspaces and share links (components/store.py), on SQLite and on PostgreSQL.

Every test that takes ``db_url`` runs twice: on a fresh SQLite file, and on a fresh
PostgreSQL database when ``NEWSLENS_TEST_PG_URL`` is set (``eval "$(.ci/start_postgres.sh)"``
starts a local server and sets it); without it the PostgreSQL runs are skipped.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from components import store as store_module
from components.ingest.loaders import Article, content_hash
from components.store import (
    NOT_FOUND_MESSAGE,
    READ_ONLY_MESSAGE,
    SCHEMA_REVISION,
    InvalidWorkspace,
    ReadOnlyWorkspace,
    Store,
    StoreError,
    StoreUnavailable,
    VersionConflict,
    WorkspaceNotFound,
    default_url,
    normalize_url,
    records,
    schema,
    workspaces,
)
from components.store.schema import (
    articles_table,
    current_revision,
    downgrade_schema,
    metadata,
    tokens_table,
    upgrade_schema,
    workspaces_table,
)
from components.store.tokens import new_token
from tests.helpers.pg import fresh_pg_database

ROOT = Path(__file__).resolve().parents[2]
HELPERS = ROOT / "tests" / "helpers"


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workspaces.sqlite'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (skipped when none is configured)."""
    with fresh_pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{'pg' if request.param == 'postgresql' else 'sqlite'}_url")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


def make_articles(count: int = 3, *, tag: str = "a") -> list[Article]:
    """Invented articles: places, outlets and people made up for the tests."""
    places = ("Velmora", "Ostrava Nova", "Kessel Bay", "Lindmark", "Port Aubry")
    return [
        Article(
            text=(
                f"[{tag}{n}] Officials in {places[n % len(places)]} said {10 + n} homes were flooded. "
                f"\"We are still counting,\" said mayor Ilse Varga-{n}."
            ),
            title=f"Flooding in {places[n % len(places)]} ({tag}{n})",
            outlet="The Tidewater Gazette",
            author="Rune Halloway",
            published=f"2024-05-{n + 1:02d}",
            url=f"https://gazette.example/{tag}/{n}",
            source="pasted",
        )
        for n in range(count)
    ]


SETTINGS: dict[str, Any] = {
    "side_overrides": {"Ilse Varga-0": "Town hall"},
    "alias_additions": [["Ilse Varga-0", "the mayor"]],
    "cells": [{"kind": "entities", "open": True}, {"kind": "figures", "open": False}],
    "order": ["figures", "entities"],
    "filters": {"kinds": ["direct"], "min_count": 1},
}


def create(store: Store, *, n: int = 3, tag: str = "a") -> store_module.CreatedWorkspace:
    return store.create(name=f"Floods {tag}", articles=make_articles(n, tag=tag), settings=SETTINGS)


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in (workspaces_table, articles_table, tokens_table)
        }


# ----------------------------------------------------------------------------- round trip


def test_round_trip_with_both_tokens(store: Store) -> None:
    articles = make_articles(3)
    created = store.create(name="  Floods in May ", articles=articles, settings=SETTINGS)
    assert created.workspace.name == "Floods in May"
    assert created.workspace.version == 1
    assert created.edit_token != created.view_token

    for token, role in ((created.edit_token, "edit"), (created.view_token, "view")):
        opened = store.open(token)
        assert opened.role == role
        assert opened.read_only is (role == "view")
        assert opened.workspace == created.workspace
        assert list(opened.workspace.articles) == [a.to_dict() for a in articles]
        assert opened.workspace.article_records() == articles
        assert [a["id"] for a in opened.workspace.articles] == [a.id for a in articles]
        assert opened.workspace.settings == SETTINGS


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param({"order": ("a", "b")}, {"order": ["a", "b"]}, id="tuple-becomes-list"),
        pytest.param({"n": 1.5, "none": None, "ok": True}, {"n": 1.5, "none": None, "ok": True}, id="scalars"),
        pytest.param({"nested": {"deep": [{"x": "é"}]}}, {"nested": {"deep": [{"x": "é"}]}}, id="unicode-nested"),
        pytest.param({}, {}, id="empty"),
    ],
)
def test_settings_come_back_as_json(store: Store, given: dict[str, Any], expected: dict[str, Any]) -> None:
    created = store.create(name="s", articles=[], settings=given)
    assert created.workspace.settings == expected
    assert store.open(created.view_token).workspace.settings == expected


@pytest.mark.parametrize(
    ("given", "expected_extra"),
    [
        pytest.param({"text": "Plain text only."}, {}, id="minimal-dict"),
        pytest.param({"text": "With extras.", "lang": "en", "tags": ["x"]}, {"lang": "en", "tags": ["x"]},
                     id="extra-keys-kept"),
        pytest.param({"text": "Nulls.", "title": None, "published": None}, {}, id="none-fields"),
    ],
)
def test_article_dicts_round_trip(store: Store, given: dict[str, Any], expected_extra: dict[str, Any]) -> None:
    created = store.create(name="a", articles=[given], settings={})
    [saved] = store.open(created.edit_token).workspace.articles
    assert saved["text"] == given["text"]
    assert saved["id"] == content_hash(given["text"])  # computed like Article does
    assert saved["title"] == ""
    assert saved["published"] is None
    assert {k: v for k, v in saved.items() if k not in records.ARTICLE_COLUMNS} == expected_extra


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        pytest.param({"settings": ["not", "a", "dict"]}, "Settings must be a mapping", id="settings-list"),
        pytest.param({"settings": {"x": float("nan")}}, "JSON", id="settings-nan"),
        pytest.param({"settings": {"x": {1, 2}}}, "JSON", id="settings-set"),
        pytest.param({"settings": {"x": "a\x00b"}}, "NUL", id="settings-nul"),
        pytest.param({"articles": "some text"}, "list of article dicts", id="articles-str"),
        pytest.param({"articles": {"text": "x"}}, "list of article dicts", id="articles-dict"),
        pytest.param({"articles": [{"title": "no text"}]}, "text must be text", id="article-no-text"),
        pytest.param({"articles": [{"text": 42}]}, "text must be text", id="article-text-int"),
        pytest.param({"articles": [{"text": "a\x00b"}]}, "NUL", id="article-nul"),
        pytest.param({"articles": ["just a string"]}, "must be a dict", id="article-str"),
        pytest.param({"articles": [{"text": "x", "title": 5}]}, "title must be text", id="article-title-int"),
        pytest.param({"name": "n" * 201}, "too long", id="name-too-long"),
        pytest.param({"name": None}, "name must be text", id="name-none"),
    ],
)
def test_invalid_content_is_refused_and_nothing_written(
    store: Store, kwargs: dict[str, Any], fragment: str
) -> None:
    good: dict[str, Any] = {"name": "ok", "articles": [], "settings": {}}
    with pytest.raises(InvalidWorkspace, match=fragment):
        store.create(**{**good, **kwargs})
    assert row_counts(store) == {"workspaces": 0, "articles": 0, "tokens": 0}

    created = store.create(**good)
    if None in kwargs.values():
        return  # save() takes None as "keep this part"
    with pytest.raises(InvalidWorkspace, match=fragment):
        store.save(created.edit_token, **kwargs)
    assert store.open(created.edit_token).workspace == created.workspace


def test_too_many_articles_is_refused(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "MAX_ARTICLES", 2)
    assert len(store.create(name="two", articles=make_articles(2), settings={}).workspace.articles) == 2
    with pytest.raises(InvalidWorkspace, match="Too many articles"):
        store.create(name="three", articles=make_articles(3), settings={})


def test_blank_name_gets_default(store: Store) -> None:
    assert store.create(name="   ", articles=[], settings={}).workspace.name == store_module.DEFAULT_NAME


def test_tokens_are_random_and_only_hashes_are_stored(store: Store) -> None:
    created = create(store)
    other = create(store, tag="b")
    tokens = {created.edit_token, created.view_token, other.edit_token, other.view_token}
    assert len(tokens) == 4
    assert all(len(t) == 43 for t in tokens)
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(tokens_table.c.token_hash)).scalars().all()
        dump = json.dumps([list(r) for r in conn.execute(sa.select(tokens_table)).all()], default=str)
    assert sorted(stored) == sorted(hashlib.sha256(t.encode()).hexdigest() for t in tokens)
    assert not any(t in dump for t in tokens)
    assert created.workspace.id not in tokens and len(created.workspace.id) >= 22


# ----------------------------------------------------------------------------- read-only links

WRITE_ACTIONS: list[Any] = [
    pytest.param(lambda s, t: s.save(t, articles=make_articles(1, tag="z")), id="save-articles"),
    pytest.param(lambda s, t: s.save(t, settings={"changed": True}), id="save-settings"),
    pytest.param(lambda s, t: s.save(t, name="Renamed"), id="save-name"),
    pytest.param(lambda s, t: s.save(t, expected_version=1), id="save-nothing"),
    pytest.param(lambda s, t: s.revoke(t, role="view"), id="revoke-view"),
    pytest.param(lambda s, t: s.revoke(t, role="edit"), id="revoke-edit"),
    pytest.param(lambda s, t: s.new_share_token(t), id="new-share-token"),
    pytest.param(lambda s, t: s.new_share_token(t, revoke_others=True), id="new-share-token-revoking"),
    pytest.param(lambda s, t: s.delete(t), id="delete"),
]


@pytest.mark.parametrize("action", WRITE_ACTIONS)
def test_view_token_cannot_write(store: Store, action: Callable[[Store, str], object]) -> None:
    created = create(store)
    before = row_counts(store)
    with pytest.raises(ReadOnlyWorkspace) as caught:
        action(store, created.view_token)
    assert str(caught.value) == READ_ONLY_MESSAGE
    assert store.open(created.view_token).workspace == created.workspace
    assert store.open(created.edit_token).role == "edit"
    assert row_counts(store) == before


@pytest.mark.parametrize("action", WRITE_ACTIONS)
def test_edit_token_can_write(store: Store, action: Callable[[Store, str], object]) -> None:
    created = create(store)
    action(store, created.edit_token)  # the same actions succeed with the edit token


def test_writes_take_the_write_lock_first_on_sqlite(sqlite_url: str) -> None:
    """Every write transaction starts with BEGIN IMMEDIATE; reads use a plain BEGIN."""
    store = Store(sqlite_url)
    seen: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    created = create(store)
    assert seen[0] == "BEGIN IMMEDIATE"
    for name, call in [
        ("save", lambda: store.save(created.edit_token, name="x")),
        ("fork", lambda: store.fork(created.view_token)),
        ("new_share_token", lambda: store.new_share_token(created.edit_token)),
        ("revoke", lambda: store.revoke(created.edit_token, role="view")),
        ("open", lambda: store.open(created.edit_token)),
        ("delete", lambda: store.delete(created.edit_token)),
    ]:
        seen.clear()
        call()
        assert seen[0] == ("BEGIN" if name == "open" else "BEGIN IMMEDIATE"), name
    store.close()


def test_sqlite_connection_settings(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with store.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 30000}
    store.close()


def test_deferred_begin_fails_at_once_where_the_store_waits(sqlite_url: str) -> None:
    """Why writes use BEGIN IMMEDIATE: a deferred transaction that read before another
    connection committed cannot write, and no busy timeout helps it."""
    store = Store(sqlite_url)
    created = create(store)
    path = sqlite_url.removeprefix("sqlite:///")
    plain = sqlite3.connect(path, timeout=5, isolation_level=None)
    plain.execute("BEGIN")
    plain.execute("SELECT count(*) FROM workspaces").fetchall()
    store.save(created.edit_token, name="committed meanwhile")
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        plain.execute("UPDATE workspaces SET name = 'lost'")
    assert time.monotonic() - started < 2  # failed at once despite timeout=5
    plain.execute("ROLLBACK")
    plain.close()
    assert store.open(created.edit_token).workspace.name == "committed meanwhile"
    store.close()


# ----------------------------------------------------------------------------- revoke, delete


def test_revoke_view_then_view_link_fails(store: Store) -> None:
    created = create(store)
    assert store.revoke(created.edit_token, role="view") == 1
    with pytest.raises(WorkspaceNotFound, match=re.escape(NOT_FOUND_MESSAGE)):
        store.open(created.view_token)
    with pytest.raises(WorkspaceNotFound):
        store.fork(created.view_token)
    assert store.open(created.edit_token).role == "edit"
    assert store.revoke(created.edit_token, role="view") == 0  # nothing left to revoke


def test_revoke_edit_makes_the_workspace_read_only(store: Store) -> None:
    created = create(store)
    assert store.revoke(created.edit_token, role="edit") == 1
    for call in (
        lambda: store.open(created.edit_token),
        lambda: store.save(created.edit_token, name="x"),
        lambda: store.delete(created.edit_token),
    ):
        with pytest.raises(WorkspaceNotFound, match=re.escape(NOT_FOUND_MESSAGE)):
            call()
    assert store.open(created.view_token).workspace == created.workspace
    assert store.fork(created.view_token).workspace.articles == created.workspace.articles


@pytest.mark.parametrize("revoke_others", [pytest.param(False, id="keep-old"), pytest.param(True, id="revoke-old")])
def test_new_share_token(store: Store, revoke_others: bool) -> None:
    created = create(store)
    fresh = store.new_share_token(created.edit_token, revoke_others=revoke_others)
    assert fresh not in (created.edit_token, created.view_token)
    assert store.open(fresh).role == "view"
    if revoke_others:
        with pytest.raises(WorkspaceNotFound):
            store.open(created.view_token)
    else:
        assert store.open(created.view_token).role == "view"


def test_revoke_rejects_unknown_role(store: Store) -> None:
    created = create(store)
    with pytest.raises(InvalidWorkspace, match="role"):
        store.revoke(created.edit_token, role="owner")  # type: ignore[arg-type]


def test_delete_removes_everything(store: Store) -> None:
    kept = create(store, tag="k")
    gone = create(store, tag="g")
    store.delete(gone.edit_token)
    for token in (gone.edit_token, gone.view_token):
        with pytest.raises(WorkspaceNotFound, match=re.escape(NOT_FOUND_MESSAGE)):
            store.open(token)
    assert row_counts(store) == {"workspaces": 1, "articles": 3, "tokens": 2}
    assert store.open(kept.view_token).workspace == kept.workspace


# ----------------------------------------------------------------------------- fork


def test_fork_from_view_token_is_editable_and_independent(store: Store) -> None:
    original = create(store)
    fork = store.fork(original.view_token)
    assert fork.workspace.id != original.workspace.id
    assert fork.workspace.name == "Floods a (copy)"
    assert fork.workspace.version == 1
    assert fork.workspace.articles == original.workspace.articles
    assert fork.workspace.settings == original.workspace.settings
    assert {fork.edit_token, fork.view_token}.isdisjoint({original.edit_token, original.view_token})
    assert store.open(fork.edit_token).role == "edit"

    changed = store.save(fork.edit_token, articles=make_articles(1, tag="f"), settings={"fork": True})
    assert changed.version == 2
    assert store.open(original.view_token).workspace == original.workspace

    store.save(original.edit_token, name="Original renamed", settings={"original": True})
    assert store.open(fork.view_token).workspace == changed

    store.delete(original.edit_token)
    assert store.open(fork.edit_token).workspace == changed


def test_fork_with_a_name(store: Store) -> None:
    original = create(store)
    assert store.fork(original.edit_token, name="My copy").workspace.name == "My copy"


# ----------------------------------------------------------------------------- unknown links

BAD_TOKENS: list[Any] = [
    pytest.param("", id="empty"),
    pytest.param("abc", id="too-short"),
    pytest.param("A" * 44, id="too-long"),
    pytest.param("!" * 43, id="bad-alphabet"),
    pytest.param("' OR 1=1 --" + "A" * 32, id="sql-injection"),
    pytest.param("A" * 42 + "=", id="padding"),
    pytest.param("é" * 43, id="non-ascii"),
    pytest.param(None, id="none"),
    pytest.param(12345, id="int"),
    pytest.param("unknown", id="well-formed-unknown"),  # replaced by a fresh token in the test
]

TOKEN_ACTIONS: list[Any] = [
    pytest.param(lambda s, t: s.open(t), id="open"),
    pytest.param(lambda s, t: s.save(t, name="x"), id="save"),
    pytest.param(lambda s, t: s.fork(t), id="fork"),
    pytest.param(lambda s, t: s.revoke(t, role="view"), id="revoke"),
    pytest.param(lambda s, t: s.new_share_token(t), id="new-share-token"),
    pytest.param(lambda s, t: s.delete(t), id="delete"),
]


@pytest.mark.parametrize("action", TOKEN_ACTIONS)
@pytest.mark.parametrize("token", BAD_TOKENS)
def test_bad_tokens_get_the_same_message(store: Store, token: object, action: Callable[..., object]) -> None:
    create(store)
    before = row_counts(store)
    if token == "unknown":
        token = new_token()
    with pytest.raises(WorkspaceNotFound) as caught:
        action(store, token)
    assert str(caught.value) == NOT_FOUND_MESSAGE
    assert row_counts(store) == before


def test_revoked_and_deleted_links_get_the_same_message(store: Store) -> None:
    revoked = create(store, tag="r")
    store.revoke(revoked.edit_token, role="view")
    deleted = create(store, tag="d")
    store.delete(deleted.edit_token)
    messages = set()
    for token in (revoked.view_token, deleted.view_token, deleted.edit_token, new_token()):
        with pytest.raises(WorkspaceNotFound) as caught:
            store.open(token)
        messages.add(str(caught.value))
    assert messages == {NOT_FOUND_MESSAGE}


def test_surrounding_whitespace_in_a_pasted_token_is_ignored(store: Store) -> None:
    created = create(store)
    assert store.open(f"  {created.view_token}\n").role == "view"


# ----------------------------------------------------------------------------- versions


def test_optimistic_version_conflict(store: Store) -> None:
    created = create(store)
    first = store.save(created.edit_token, settings={"step": 1}, expected_version=1)
    assert first.version == 2
    with pytest.raises(VersionConflict) as caught:
        store.save(created.edit_token, settings={"step": "stale"}, expected_version=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert "reload" in str(caught.value)
    assert store.open(created.edit_token).workspace == first  # the stale save changed nothing

    second = store.save(created.edit_token, articles=make_articles(1, tag="n"))  # no check: last wins
    assert second.version == 3
    assert second.settings == {"step": 1}  # parts not given are kept
    assert [a["title"] for a in second.articles] == ["Flooding in Velmora (n0)"]
    assert second.updated_at >= first.updated_at and second.created_at == created.workspace.created_at


@pytest.mark.parametrize(
    "bad", [pytest.param("1", id="str"), pytest.param(True, id="bool"), pytest.param(1.0, id="float")]
)
def test_expected_version_must_be_an_int(store: Store, bad: object) -> None:
    created = create(store)
    with pytest.raises(InvalidWorkspace, match="expected_version"):
        store.save(created.edit_token, name="x", expected_version=bad)  # type: ignore[arg-type]


def test_failed_save_leaves_the_previous_workspace_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save that fails after it has already changed rows is rolled back completely."""
    created = create(store)
    real_rows = workspaces.article_rows

    def rows_with_a_duplicate(workspace_id: str, articles: Any) -> list[dict[str, Any]]:
        rows = real_rows(workspace_id, articles)
        return [*rows, rows[0]]  # same primary key twice: the INSERT fails mid-transaction

    monkeypatch.setattr(workspaces, "article_rows", rows_with_a_duplicate)
    with pytest.raises(sa.exc.IntegrityError):
        store.save(created.edit_token, articles=make_articles(5, tag="x"), settings={"half": True}, name="Half")
    assert store.open(created.edit_token).workspace == created.workspace


# ----------------------------------------------------------------------------- schema


def test_schema_revision_is_the_alembic_head() -> None:
    from alembic.script import ScriptDirectory

    config = schema._alembic_config(None)
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_REVISION]


def schema_diff(url: str) -> list[Any]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = sa.create_engine(normalize_url(url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    return diff


def check_constraints(url: str) -> set[str | None]:
    engine = sa.create_engine(normalize_url(url))
    with engine.connect() as conn:
        names = {c["name"] for c in sa.inspect(conn).get_check_constraints("workspaces")}
    engine.dispose()
    return names


def test_alembic_upgrade_downgrade_upgrade(db_url: str) -> None:
    store = Store(db_url)
    assert current_revision(store.engine) == SCHEMA_REVISION
    assert schema_diff(db_url) == []
    assert "ck_workspaces_version_positive" in check_constraints(db_url)
    created = create(store)
    saved = store.save(created.edit_token, settings={"before": "downgrade"})

    # One step down: the batch rebuild of the parent table keeps every row of every table.
    downgrade_schema(db_url, revision="0001")
    assert current_revision(store.engine) == "0001"
    assert "ck_workspaces_version_positive" not in check_constraints(db_url)
    assert store.open(created.view_token).workspace == saved
    assert row_counts(store) == {"workspaces": 1, "articles": 3, "tokens": 2}

    upgrade_schema(db_url)
    assert current_revision(store.engine) == SCHEMA_REVISION
    assert "ck_workspaces_version_positive" in check_constraints(db_url)
    assert store.open(created.edit_token).workspace == saved
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as conn:
        conn.execute(sa.update(workspaces_table).values(version=0))

    # All the way down and up again: an empty schema identical to the models.
    downgrade_schema(db_url, revision="base")
    assert current_revision(store.engine) is None
    with store.engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
    upgrade_schema(db_url)
    assert schema_diff(db_url) == []
    upgrade_schema(db_url)  # idempotent
    again = create(store, tag="again")
    assert store.open(again.view_token).workspace == again.workspace
    store.close()


def test_store_opens_an_old_schema_and_upgrades_it(db_url: str) -> None:
    upgrade_schema(db_url, revision="0001")
    with Store(db_url) as store:
        assert current_revision(store.engine) == SCHEMA_REVISION
        created = create(store)
        assert store.open(created.view_token).workspace == created.workspace


def test_migrate_false_leaves_the_database_alone(db_url: str) -> None:
    with Store(db_url, migrate=False) as store:
        assert current_revision(store.engine) is None


def test_processes_opening_a_fresh_database_at_once_migrate_it_once(db_url: str) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from components.store import Store; Store(sys.argv[1]).close(); print('OK')"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db_url, str(ROOT)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 6, [err for _, err in outputs]
    assert all(out.strip() == "OK" for out, _ in outputs)
    engine = sa.create_engine(normalize_url(db_url))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all() == [SCHEMA_REVISION]
    engine.dispose()
    assert schema_diff(db_url) == []


# ----------------------------------------------------------------------------- restart


def run_helper(*args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(HELPERS / "store_roundtrip.py"), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_restart_open_share_link_in_a_new_process(db_url: str) -> None:
    sys.path.insert(0, str(HELPERS))
    try:
        from store_roundtrip import sample_workspace
    finally:
        sys.path.remove(str(HELPERS))
    created = run_helper("create", db_url)

    opened = run_helper("open", db_url, created["view_token"])
    assert opened["role"] == "view"
    assert opened["workspace"] == created["workspace"]
    expected = sample_workspace()
    assert opened["workspace"]["articles"] == expected["articles"]
    assert opened["workspace"]["settings"] == expected["settings"]
    assert opened["workspace"]["name"] == expected["name"]

    refused = run_helper("save", db_url, created["view_token"])
    assert refused == {"error": "ReadOnlyWorkspace", "message": READ_ONLY_MESSAGE}
    assert run_helper("open", db_url, created["edit_token"])["workspace"] == created["workspace"]

    forked = run_helper("fork", db_url, created["view_token"])
    renamed = run_helper("save", db_url, forked["edit_token"])["workspace"]
    assert renamed["name"] == "Changed by a second process" and renamed["version"] == 2
    assert renamed["articles"] == expected["articles"]
    assert run_helper("open", db_url, created["view_token"])["workspace"] == created["workspace"]


# ----------------------------------------------------------------------------- configuration


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({"DATABASE_URL": "postgresql+psycopg://u@db.example/ws"},
                     "postgresql+psycopg://u@db.example/ws", id="database-url"),
        pytest.param({"DATABASE_URL": "postgresql+psycopg://u@db.example/ws", "NEWSLENS_DB": "/tmp/x.sqlite"},
                     "postgresql+psycopg://u@db.example/ws", id="database-url-wins"),
        pytest.param({"NEWSLENS_DB": "/srv/newslens/ws.sqlite"}, "sqlite+pysqlite:////srv/newslens/ws.sqlite",
                     id="newslens-db"),
        pytest.param({}, f"sqlite+pysqlite:///{ROOT / 'data' / 'workspaces.sqlite'}", id="default-file"),
    ],
)
def test_default_url(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str) -> None:
    for name in ("DATABASE_URL", "NEWSLENS_DB"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_url() == expected


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        pytest.param("postgres://u:p@h/db", "postgresql+psycopg", id="heroku-style"),
        pytest.param("postgresql://u:p@h/db", "postgresql+psycopg", id="bare-postgresql"),
        pytest.param("postgresql+psycopg://u:p@h/db", "postgresql+psycopg", id="explicit"),
        pytest.param("sqlite:///x.sqlite", "sqlite", id="sqlite-untouched"),
    ],
)
def test_normalize_url(url: str, driver: str) -> None:
    assert normalize_url(url).drivername == driver


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("not a url at all", id="garbage"),
        pytest.param("://user:s3cret-pw@host/db", id="no-scheme"),
    ],
)
def test_malformed_url_is_a_clear_error_without_the_password(url: str) -> None:
    with pytest.raises(StoreError, match="not a valid SQLAlchemy URL") as caught:
        Store(url)
    assert "s3cret-pw" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@pytest.mark.parametrize(
    "url", [pytest.param("sqlite://", id="empty"), pytest.param("sqlite:///:memory:", id="memory")]
)
def test_in_memory_sqlite_is_refused(url: str) -> None:
    with pytest.raises(StoreError, match="in-memory"):
        Store(url)


def test_store_uses_newslens_db_and_creates_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    path = tmp_path / "nested" / "folder" / "ws.sqlite"
    monkeypatch.setenv("NEWSLENS_DB", str(path))
    with Store() as store:
        created = create(store)
    assert path.is_file()
    with Store() as again:
        assert again.open(created.view_token).workspace == created.workspace


def test_unreachable_database_is_a_clear_error_without_the_password() -> None:
    url = "postgresql+psycopg://someone:s3cret-pw@127.0.0.1:1/nowhere?connect_timeout=2"
    with pytest.raises(StoreUnavailable) as caught:
        Store(url)
    assert "s3cret-pw" not in str(caught.value)
    assert "s3cret-pw" not in repr(Store(url, migrate=False))
