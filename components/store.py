"""Saved workspaces and share links, in a real database through SQLAlchemy.

A workspace is a named list of articles (their text and metadata) plus the page settings
(side overrides, alias additions, cell layout and order, filters). Every workspace has two
kinds of link token: an *edit* token that can change it and a *view* token that can only open
or fork it. Tokens are ``secrets.token_urlsafe(32)`` (256 bits); the database keeps only their
SHA-256 hashes, so a leaked database does not leak working links.

The database is a SQLite file by default (``$NEWSLENS_DB``, else ``data/workspaces.sqlite`` in
the project folder) or any SQLAlchemy URL in ``$DATABASE_URL`` (``postgresql+psycopg://...``).
On SQLite the store turns on WAL, ``synchronous=FULL``, a 30 s busy timeout and foreign keys,
and starts every write transaction with ``BEGIN IMMEDIATE``: a deferred ``BEGIN`` that reads
and then writes fails at once with "database is locked" when another writer got in between,
whatever the busy timeout. Every public write is one transaction, so a crash or a killed
process leaves either the old workspace or the new one, never a mix.

The schema is created and upgraded by the Alembic migrations in ``components/migrations``
(batch mode on SQLite) when a :class:`Store` opens; two processes opening a fresh database at
once are serialised by the write lock (SQLite) or an advisory lock (PostgreSQL). To add a
migration: ``alembic -c components/migrations/alembic.ini revision --autogenerate -m "..."``,
then bump :data:`SCHEMA_REVISION`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from components import limits
from components.articles import Article, content_hash

Role = Literal["edit", "view"]
ROLES: tuple[Role, ...] = ("edit", "view")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "workspaces.sqlite"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The Alembic head this code expects; a test checks it against the migration scripts.
SCHEMA_REVISION = "0002"

SQLITE_BUSY_TIMEOUT_S = 30.0
#: Key of the PostgreSQL advisory lock that serialises migrations ("NLWS").
PG_MIGRATION_LOCK_KEY = 0x4E4C5753

TOKEN_BYTES = 32
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43}")  # token_urlsafe(32): 43 characters, no padding
WORKSPACE_ID_BYTES = 16

MAX_NAME_CHARS = 200
MAX_ARTICLES = limits.MAX_ARTICLES_PER_WORKSPACE
MAX_ARTICLE_CHARS = limits.MAX_ARTICLE_CHARS
MAX_SETTINGS_BYTES = 5_000_000
DEFAULT_NAME = "Untitled workspace"

NOT_FOUND_MESSAGE = "No workspace for this link (it may be mistyped or revoked)"
READ_ONLY_MESSAGE = "This link is read-only: make a copy to change the workspace"

WRITE_OPTION = "newslens_write"
#: Article fields with their own column, in ``Article.to_dict()`` order; any other key of an
#: article dict (a field added to Article later, say) is kept in the ``extra`` JSON column.
ARTICLE_COLUMNS: tuple[str, ...] = ("text", "title", "outlet", "author", "published", "url", "source", "id")


# --------------------------------------------------------------------------------- errors


class StoreError(Exception):
    """Base of every error the store raises on purpose; the message is meant for the user."""


class WorkspaceNotFound(StoreError, LookupError):
    """The token is unknown, malformed or revoked, or its workspace was deleted.

    The message is the same in every case, so it reveals nothing about other workspaces.
    """

    def __init__(self) -> None:
        super().__init__(NOT_FOUND_MESSAGE)


class ReadOnlyWorkspace(StoreError, PermissionError):
    """A write action was asked with a view (read-only) token."""

    def __init__(self) -> None:
        super().__init__(READ_ONLY_MESSAGE)


class VersionConflict(StoreError):
    """The workspace changed since the caller read it (optimistic concurrency).

    Attributes:
        expected: The version the caller based its change on.
        actual: The version now in the database.
    """

    def __init__(self, *, expected: int, actual: int) -> None:
        super().__init__(
            f"This workspace was changed elsewhere (now version {actual}, yours was based on "
            f"version {expected}): reload it before saving"
        )
        self.expected = expected
        self.actual = actual


class InvalidWorkspace(StoreError, ValueError):
    """The articles, settings or name given to a write cannot be stored as they are."""


class StoreUnavailable(StoreError):
    """The database could not be reached or stayed busy past the timeout; try again later."""


# --------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Workspace:
    """One saved workspace as it is in the database.

    ``articles`` holds dicts shaped like :meth:`components.articles.Article.to_dict`, in their
    saved order; ``settings`` is the JSON-able dict that was saved (after a JSON round trip,
    so tuples come back as lists). Treat both as read-only: copy before changing them.
    """

    id: str
    name: str
    articles: tuple[dict[str, Any], ...]
    settings: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime

    def article_records(self) -> list[Article]:
        """Return the articles as :class:`Article` records (extra keys are dropped)."""
        return [Article.from_dict(item) for item in self.articles]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able copy (timestamps as ISO 8601 strings in UTC)."""
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "settings": json.loads(json.dumps(self.settings)),
            "articles": [dict(item) for item in self.articles],
        }


class CreatedWorkspace(NamedTuple):
    """A new workspace and its two link tokens (shown once: only their hashes are stored)."""

    workspace: Workspace
    edit_token: str
    view_token: str


class OpenedWorkspace(NamedTuple):
    """A workspace opened through a link, with what that link allows."""

    workspace: Workspace
    role: Role

    @property
    def read_only(self) -> bool:
        return self.role != "edit"


# --------------------------------------------------------------------------------- schema

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


# --------------------------------------------------------------------------------- helpers


def _now() -> datetime:
    return datetime.now(UTC)


def _as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC); PostgreSQL returns aware ones."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_token() -> str:
    """Return a fresh link token: 256 random bits, URL-safe, 43 characters."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: object) -> str:
    """Return the SHA-256 hex digest under which ``token`` is stored.

    The format is checked first (a string of 43 URL-safe characters, surrounding whitespace
    ignored), so nothing malformed ever reaches a query.

    Raises:
        WorkspaceNotFound: the token is not a string of the right shape.
    """
    if not isinstance(token, str):
        raise WorkspaceNotFound()
    token = token.strip()
    if not _TOKEN_RE.fullmatch(token):
        raise WorkspaceNotFound()
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _check_str(value: object, *, what: str, max_chars: int) -> str:
    if not isinstance(value, str):
        raise InvalidWorkspace(f"{what} must be text, not {type(value).__name__}")
    if len(value) > max_chars:
        raise InvalidWorkspace(f"{what} is too long ({len(value):,} characters, at most {max_chars:,})")
    if "\x00" in value:
        raise InvalidWorkspace(f"{what} contains a NUL character")
    return value


def _normalize_name(name: object) -> str:
    text = _check_str(name, what="The workspace name", max_chars=MAX_NAME_CHARS).strip()
    return text or DEFAULT_NAME


def _normalize_settings(settings: object) -> dict[str, Any]:
    if not isinstance(settings, Mapping):
        raise InvalidWorkspace(f"Settings must be a mapping, not {type(settings).__name__}")
    try:
        encoded = json.dumps(dict(settings), allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise InvalidWorkspace(f"Settings cannot be saved as JSON: {exc}") from exc
    if len(encoded.encode("utf-8")) > MAX_SETTINGS_BYTES:
        raise InvalidWorkspace(f"Settings are too large (at most {MAX_SETTINGS_BYTES:,} bytes as JSON)")
    if "\\u0000" in encoded:
        raise InvalidWorkspace("Settings contain a NUL character")
    return json.loads(encoded)


def _normalize_articles(articles: object) -> list[dict[str, Any]]:
    """Check articles and return them as ``Article.to_dict()``-shaped dicts (plus extra keys)."""
    if isinstance(articles, str | bytes | Mapping) or not isinstance(articles, Sequence):
        raise InvalidWorkspace("Articles must be a list of article dicts")
    if len(articles) > MAX_ARTICLES:
        raise InvalidWorkspace(f"Too many articles ({len(articles):,}, at most {MAX_ARTICLES:,})")
    result: list[dict[str, Any]] = []
    for number, item in enumerate(articles, start=1):
        if isinstance(item, Article):
            item = item.to_dict()
        if not isinstance(item, Mapping):
            raise InvalidWorkspace(f"Article {number} must be a dict, not {type(item).__name__}")
        what = f"Article {number}"
        text = _check_str(item.get("text"), what=f"{what}: text", max_chars=MAX_ARTICLE_CHARS)
        record: dict[str, Any] = {}
        for key in ARTICLE_COLUMNS:  # Article.to_dict() order
            value = item.get(key)
            label = f"{what}: {key}"
            if key == "text":
                record[key] = text
            elif key == "published":
                record[key] = None if value is None else _check_str(value, what=label, max_chars=64)
            elif key == "id":
                record[key] = _check_str(value or content_hash(text), what=label, max_chars=64)
            else:
                record[key] = "" if value is None else _check_str(value, what=label, max_chars=100_000)
        extra = {key: value for key, value in item.items() if key not in ARTICLE_COLUMNS}
        if extra:
            if not all(isinstance(key, str) for key in extra):
                raise InvalidWorkspace(f"{what}: extra keys must be text")
            try:
                extra = json.loads(json.dumps(extra, allow_nan=False, ensure_ascii=False))
            except (TypeError, ValueError) as exc:
                raise InvalidWorkspace(f"{what}: extra fields cannot be saved as JSON: {exc}") from exc
            record.update(extra)
        result.append(record)
    return result


def _article_rows(workspace_id: str, articles: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for position, item in enumerate(articles):
        extra = {key: value for key, value in item.items() if key not in ARTICLE_COLUMNS}
        rows.append(
            {
                "workspace_id": workspace_id,
                "position": position,
                "article_id": item["id"],
                "title": item["title"],
                "outlet": item["outlet"],
                "author": item["author"],
                "published": item["published"],
                "url": item["url"],
                "source": item["source"],
                "text": item["text"],
                "extra": extra or None,
            }
        )
    return rows


def _article_from_row(row: sa.Row[Any]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "text": row.text,
        "title": row.title,
        "outlet": row.outlet,
        "author": row.author,
        "published": row.published,
        "url": row.url,
        "source": row.source,
        "id": row.article_id,
    }
    if row.extra:
        record.update(row.extra)
    return record


def _workspace_from_row(row: sa.Row[Any], articles: Sequence[dict[str, Any]]) -> Workspace:
    return Workspace(
        id=row.id,
        name=row.name,
        articles=tuple(articles),
        settings=dict(row.settings),
        version=row.version,
        created_at=_as_utc(row.created_at),
        updated_at=_as_utc(row.updated_at),
    )


# --------------------------------------------------------------------------------- the store


class Store:
    """Workspaces and their links in one database; safe to share between threads and sessions.

    Args:
        url: A SQLAlchemy URL; None uses :func:`default_url`.
        migrate: Upgrade the schema to :data:`SCHEMA_REVISION` when it is behind (default).

    It holds no user data between calls: every method takes the token it acts for. It cannot
    recover a lost token (only hashes are stored): a workspace whose edit tokens are all
    lost or revoked stays read-only for ever, though anyone with a view link can fork it.
    """

    def __init__(self, url: str | sa.URL | None = None, *, migrate: bool = True) -> None:
        self._url = normalize_url(url if url is not None else default_url())
        self._engine = create_store_engine(self._url)
        self._pg = self._engine.dialect.name == "postgresql"
        if migrate:
            self._ensure_schema()

    # -- plumbing ---------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self._url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        """Close every pooled connection; the store can still be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _ensure_schema(self) -> None:
        try:
            if current_revision(self._engine) == SCHEMA_REVISION:
                return
        except sa.exc.OperationalError as exc:
            raise StoreUnavailable("The workspace database cannot be reached") from exc
        upgrade_schema(self._url)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` for writes on SQLite, a snapshot for reads on PG."""
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{WRITE_OPTION: True})
                elif self._pg:
                    conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    yield conn
        except sa.exc.OperationalError as exc:
            raise StoreUnavailable(
                "The workspace database is unavailable or busy; please try again in a moment"
            ) from exc

    @staticmethod
    def _resolve(conn: Connection, digest: str) -> tuple[str, Role]:
        row = conn.execute(
            sa.select(tokens_table.c.workspace_id, tokens_table.c.role).where(
                tokens_table.c.token_hash == digest, tokens_table.c.revoked_at.is_(None)
            )
        ).one_or_none()
        if row is None:
            raise WorkspaceNotFound()
        return row.workspace_id, row.role

    def _resolve_edit(self, conn: Connection, digest: str) -> str:
        workspace_id, role = self._resolve(conn, digest)
        if role != "edit":
            raise ReadOnlyWorkspace()
        return workspace_id

    def _load_articles(self, conn: Connection, workspace_id: str) -> list[dict[str, Any]]:
        rows = conn.execute(
            sa.select(articles_table)
            .where(articles_table.c.workspace_id == workspace_id)
            .order_by(articles_table.c.position)
        ).all()
        return [_article_from_row(row) for row in rows]

    def _load(self, conn: Connection, workspace_id: str, *, share_lock: bool = False) -> Workspace:
        query = sa.select(workspaces_table).where(workspaces_table.c.id == workspace_id)
        if share_lock:  # PostgreSQL: FOR SHARE, so a concurrent save cannot interleave; SQLite ignores it
            query = query.with_for_update(read=True)
        row = conn.execute(query).one_or_none()
        if row is None:
            raise WorkspaceNotFound()
        return _workspace_from_row(row, self._load_articles(conn, workspace_id))

    def _insert(
        self, conn: Connection, *, name: str, articles: list[dict[str, Any]], settings: dict[str, Any]
    ) -> CreatedWorkspace:
        now = _now()
        workspace_id = secrets.token_urlsafe(WORKSPACE_ID_BYTES)
        edit_token, view_token = new_token(), new_token()
        conn.execute(
            sa.insert(workspaces_table).values(
                id=workspace_id, name=name, settings=settings, version=1, created_at=now, updated_at=now
            )
        )
        if articles:
            conn.execute(sa.insert(articles_table), _article_rows(workspace_id, articles))
        conn.execute(
            sa.insert(tokens_table),
            [
                {"token_hash": token_digest(token), "workspace_id": workspace_id, "role": role,
                 "created_at": now, "revoked_at": None}
                for token, role in ((edit_token, "edit"), (view_token, "view"))
            ],
        )
        workspace = Workspace(
            id=workspace_id, name=name, articles=tuple(articles), settings=settings,
            version=1, created_at=now, updated_at=now,
        )
        return CreatedWorkspace(workspace, edit_token, view_token)

    # -- public API -------------------------------------------------------------------

    def create(
        self,
        *,
        name: str,
        articles: Sequence[Mapping[str, Any] | Article],
        settings: Mapping[str, Any],
    ) -> CreatedWorkspace:
        """Save a new workspace (version 1) and return it with a fresh edit and view token.

        The tokens are returned only here (and by :meth:`new_share_token`): the database keeps
        their hashes, so a token the caller loses cannot be shown again.

        Raises:
            InvalidWorkspace: the name, articles or settings cannot be stored.
            StoreUnavailable: the database is unreachable or stayed busy.
        """
        clean_name = _normalize_name(name)
        clean_articles = _normalize_articles(articles)
        clean_settings = _normalize_settings(settings)
        with self._transaction(write=True) as conn:
            return self._insert(conn, name=clean_name, articles=clean_articles, settings=clean_settings)

    def open(self, token: str) -> OpenedWorkspace:
        """Open the workspace a link token points at, with the role that token grants.

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked (one message for all).
            StoreUnavailable: the database is unreachable.
        """
        digest = token_digest(token)
        with self._transaction(write=False) as conn:
            workspace_id, role = self._resolve(conn, digest)
            return OpenedWorkspace(self._load(conn, workspace_id), role)

    def save(
        self,
        edit_token: str,
        *,
        articles: Sequence[Mapping[str, Any] | Article] | None = None,
        settings: Mapping[str, Any] | None = None,
        name: str | None = None,
        expected_version: int | None = None,
    ) -> Workspace:
        """Replace the parts given (None keeps a part), bump the version, return the result.

        Articles are replaced as a whole list, settings as a whole dict: it cannot merge a
        partial change. With ``expected_version`` the save is refused when someone else saved
        in between (optimistic concurrency); without it the last save wins. A save with
        nothing to change still bumps the version.

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            ReadOnlyWorkspace: the token is a view token.
            VersionConflict: ``expected_version`` is not the current version.
            InvalidWorkspace: the new content cannot be stored.
        """
        digest = token_digest(edit_token)
        if expected_version is not None and (
            isinstance(expected_version, bool) or not isinstance(expected_version, int)
        ):
            raise InvalidWorkspace("expected_version must be an integer")
        new_articles = None if articles is None else _normalize_articles(articles)
        values: dict[str, Any] = {"version": workspaces_table.c.version + 1, "updated_at": _now()}
        if settings is not None:
            values["settings"] = _normalize_settings(settings)
        if name is not None:
            values["name"] = _normalize_name(name)

        with self._transaction(write=True) as conn:
            workspace_id = self._resolve_edit(conn, digest)
            # The workspace row is always updated first: on PostgreSQL its row lock orders
            # concurrent saves, forks and deletes of one workspace.
            update = sa.update(workspaces_table).where(workspaces_table.c.id == workspace_id)
            if expected_version is not None:
                update = update.where(workspaces_table.c.version == expected_version)
            row = conn.execute(update.values(**values).returning(*workspaces_table.c)).one_or_none()
            if row is None:
                actual = conn.execute(
                    sa.select(workspaces_table.c.version).where(workspaces_table.c.id == workspace_id)
                ).scalar_one_or_none()
                if actual is None or expected_version is None:
                    raise WorkspaceNotFound()
                raise VersionConflict(expected=expected_version, actual=actual)
            if new_articles is None:
                return _workspace_from_row(row, self._load_articles(conn, workspace_id))
            conn.execute(sa.delete(articles_table).where(articles_table.c.workspace_id == workspace_id))
            if new_articles:
                conn.execute(sa.insert(articles_table), _article_rows(workspace_id, new_articles))
            return _workspace_from_row(row, new_articles)

    def fork(self, token: str, *, name: str | None = None) -> CreatedWorkspace:
        """Copy the workspace behind any live token (view tokens too) into a new, editable one.

        The copy has its own id and tokens and starts at version 1; later changes to either
        workspace never reach the other. ``name`` defaults to the original name plus " (copy)".

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            InvalidWorkspace: ``name`` cannot be stored.
        """
        digest = token_digest(token)
        new_name = None if name is None else _normalize_name(name)
        with self._transaction(write=True) as conn:
            workspace_id, _role = self._resolve(conn, digest)
            source = self._load(conn, workspace_id, share_lock=True)
            if new_name is None:
                new_name = _normalize_name(f"{source.name} (copy)"[:MAX_NAME_CHARS])
            return self._insert(conn, name=new_name, articles=list(source.articles), settings=source.settings)

    def revoke(self, edit_token: str, *, role: Role) -> int:
        """Revoke every live token of ``role`` for the workspace; return how many were revoked.

        Revoking ``"view"`` kills every share link (make a new one with :meth:`new_share_token`);
        revoking ``"edit"`` also revokes ``edit_token`` itself, so the workspace becomes
        read-only for good. It cannot revoke a single token among several of one role.

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            ReadOnlyWorkspace: the token is a view token.
            InvalidWorkspace: ``role`` is not "edit" or "view".
        """
        if role not in ROLES:
            raise InvalidWorkspace(f"role must be one of {', '.join(ROLES)}")
        digest = token_digest(edit_token)
        with self._transaction(write=True) as conn:
            workspace_id = self._resolve_edit(conn, digest)
            result = conn.execute(
                sa.update(tokens_table)
                .where(
                    tokens_table.c.workspace_id == workspace_id,
                    tokens_table.c.role == role,
                    tokens_table.c.revoked_at.is_(None),
                )
                .values(revoked_at=_now())
            )
            return result.rowcount

    def new_share_token(self, edit_token: str, *, revoke_others: bool = False) -> str:
        """Issue a new view (read-only) token; with ``revoke_others``, kill the old ones at once.

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            ReadOnlyWorkspace: the token is a view token.
        """
        digest = token_digest(edit_token)
        token = new_token()
        with self._transaction(write=True) as conn:
            workspace_id = self._resolve_edit(conn, digest)
            now = _now()
            if revoke_others:
                conn.execute(
                    sa.update(tokens_table)
                    .where(
                        tokens_table.c.workspace_id == workspace_id,
                        tokens_table.c.role == "view",
                        tokens_table.c.revoked_at.is_(None),
                    )
                    .values(revoked_at=now)
                )
            conn.execute(
                sa.insert(tokens_table).values(
                    token_hash=token_digest(token), workspace_id=workspace_id, role="view",
                    created_at=now, revoked_at=None,
                )
            )
        return token

    def delete(self, edit_token: str) -> None:
        """Delete the workspace, its articles and every token of it; it cannot be undone.

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            ReadOnlyWorkspace: the token is a view token.
        """
        digest = token_digest(edit_token)
        with self._transaction(write=True) as conn:
            workspace_id = self._resolve_edit(conn, digest)
            # Lock the workspace row first, as save() does, so the two cannot deadlock on
            # PostgreSQL (SQLite holds the write lock already); then delete children first,
            # which is correct even where ON DELETE CASCADE is not enforced.
            lock = sa.select(workspaces_table.c.id).where(workspaces_table.c.id == workspace_id)
            conn.execute(lock.with_for_update())
            conn.execute(sa.delete(articles_table).where(articles_table.c.workspace_id == workspace_id))
            conn.execute(sa.delete(tokens_table).where(tokens_table.c.workspace_id == workspace_id))
            conn.execute(sa.delete(workspaces_table).where(workspaces_table.c.id == workspace_id))
