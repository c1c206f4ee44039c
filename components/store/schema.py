"""The database: tables, engines configured for safe concurrent writes, and the Alembic migrations.

On SQLite the store turns on WAL, ``synchronous=FULL``, a 30 s busy timeout and foreign keys,
and starts every write transaction with ``BEGIN IMMEDIATE``: a deferred ``BEGIN`` that reads
and then writes fails at once with "database is locked" when another writer got in between,
whatever the busy timeout.

The schema is created and upgraded by the Alembic migrations in ``components/store/migrations``
(batch mode on SQLite) when a :class:`~components.store.workspaces.Store` opens; two processes
opening a fresh database at once are serialised by the write lock (SQLite) or an advisory lock
(PostgreSQL). To add a migration: ``alembic -c components/store/migrations/alembic.ini revision
--autogenerate -m "..."``, then bump :data:`SCHEMA_REVISION`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from components.store.records import MAX_NAME_CHARS, StoreError, StoreUnavailable

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "workspaces.sqlite"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The Alembic head this code expects; a test checks it against the migration scripts.
SCHEMA_REVISION = "0002"

SQLITE_BUSY_TIMEOUT_S = 30.0
#: Key of the PostgreSQL advisory lock that serialises migrations ("NLWS").
PG_MIGRATION_LOCK_KEY = 0x4E4C5753

WRITE_OPTION = "newslens_write"


NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

workspaces_table = sa.Table(
    "workspaces",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("settings", sa.JSON(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("version >= 1", name="version_positive"),
)

articles_table = sa.Table(
    "articles",
    metadata,
    sa.Column(
        "workspace_id",
        sa.String(32),
        sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("outlet", sa.Text(), nullable=False),
    sa.Column("author", sa.Text(), nullable=False),
    sa.Column("published", sa.String(64), nullable=True),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("source", sa.Text(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
)

tokens_table = sa.Table(
    "tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column(
        "workspace_id",
        sa.String(32),
        sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("role", sa.String(8), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("role IN ('edit', 'view')", name="role"),
)


# --------------------------------------------------------------------------------- engines


def default_url() -> str:
    """Return the database URL the app uses when none is given.

    ``$DATABASE_URL`` wins; else the SQLite file ``$NEWSLENS_DB``; else
    ``data/workspaces.sqlite`` in the project folder. It cannot check that the database is
    reachable: :class:`Store` does that.
    """
    env_url = os.environ.get("DATABASE_URL", "").strip()
    if env_url:
        return env_url
    path = Path(os.environ.get("NEWSLENS_DB", "").strip() or DEFAULT_DB_PATH)
    return sa.URL.create("sqlite+pysqlite", database=str(path)).render_as_string(hide_password=False)


def normalize_url(url: str | sa.URL) -> sa.URL:
    """Parse a database URL, choosing the psycopg (v3) driver for bare PostgreSQL URLs.

    ``postgres://`` (as hosting providers write it) and ``postgresql://`` become
    ``postgresql+psycopg://``; other URLs are returned parsed but unchanged. It cannot tell
    whether the driver is installed or the server exists.

    Raises:
        StoreError: the text is not a database URL (the message never repeats the URL, which
            may hold a password).
    """
    try:
        parsed = make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise StoreError("The database URL is not a valid SQLAlchemy URL (check DATABASE_URL)") from None
    if parsed.drivername in {"postgres", "postgresql"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def create_store_engine(url: str | sa.URL, *, migrating: bool = False) -> Engine:
    """Create an engine configured the way the store needs it.

    On SQLite every connection gets WAL, ``synchronous=FULL``, the busy timeout and foreign
    keys (off when ``migrating``, because a batch migration drops and recreates parent tables
    and must not cascade), and pysqlite's own transaction handling is replaced by explicit
    ``BEGIN`` / ``BEGIN IMMEDIATE`` (the latter on connections with the write option set).
    Other dialects get SQLAlchemy's defaults plus ``pool_pre_ping``.

    It cannot create a PostgreSQL database or role; it creates the parent folder of a SQLite
    file (``StoreUnavailable`` when that folder cannot be created). It refuses an in-memory
    SQLite database (``StoreError``): every connection would see a different one.
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)

    database = parsed.database or ""
    if database in {"", ":memory:"} or "mode=memory" in database:
        # Each pooled connection (and the migration engine) would get its own empty database.
        raise StoreError("An in-memory SQLite database cannot hold workspaces; give a file path")
    if not database.startswith("file:"):
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError:  # a file where a folder should be, no permission: the message never shows the path
            raise StoreUnavailable("The folder of the workspace database cannot be created") from None
    engine = sa.create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    foreign_keys = "OFF" if migrating else "ON"

    @event.listens_for(engine, "connect")
    def _configure_sqlite(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # type: ignore[attr-defined]  # we emit BEGIN
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA foreign_keys = {foreign_keys}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_sqlite(conn: Connection) -> None:
        immediate = bool(conn.get_execution_options().get(WRITE_OPTION))
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


# --------------------------------------------------------------------------------- migrations


def _alembic_config(connection: Connection | None) -> Any:
    from alembic.config import Config  # imported here: most processes never need Alembic

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    config.attributes["target_metadata"] = metadata
    return config


def _run_alembic(url: str | sa.URL, *, action: Literal["upgrade", "downgrade"], revision: str) -> None:
    from alembic import command

    engine = create_store_engine(url, migrating=True)
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            config = _alembic_config(connection)
            if action == "upgrade":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def upgrade_schema(url: str | sa.URL, *, revision: str = "head") -> None:
    """Upgrade the database at ``url`` to ``revision`` (idempotent, safe to run concurrently).

    It cannot downgrade, and it cannot upgrade a database whose revision is unknown to this
    code (a newer app wrote it): Alembic then raises.
    """
    _run_alembic(url, action="upgrade", revision=revision)


def downgrade_schema(url: str | sa.URL, *, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision`` (``"base"`` drops every table).

    Downgrading below the first revision deletes every workspace: it cannot keep data.
    """
    _run_alembic(url, action="downgrade", revision=revision)


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision recorded in the database, or None when it has none."""
    with engine.connect() as conn, conn.begin():
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        revisions = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    return revisions[0] if len(revisions) == 1 else None
