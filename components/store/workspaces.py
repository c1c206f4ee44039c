"""Saved workspaces and share links, in a real database through SQLAlchemy.

:class:`Store` is the one entry point: create, open (by link token), save with an optimistic
version check, fork, revoke links, delete. Every public write is one transaction, so a crash or a
killed process leaves either the old workspace or the new one, never a mix. The database is a
SQLite file by default (``$NEWSLENS_DB``, else ``data/workspaces.sqlite`` in the project folder)
or any SQLAlchemy URL in ``$DATABASE_URL`` (``postgresql+psycopg://...``); see
:mod:`components.store.schema`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from components.ingest.article import Article
from components.store.records import (
    MAX_NAME_CHARS,
    ROLES,
    CreatedWorkspace,
    InvalidWorkspace,
    OpenedWorkspace,
    ReadOnlyWorkspace,
    Role,
    StoreUnavailable,
    VersionConflict,
    Workspace,
    WorkspaceNotFound,
    article_from_row,
    article_rows,
    normalize_articles,
    normalize_name,
    normalize_settings,
    utc_now,
    workspace_from_row,
)
from components.store.schema import (
    SCHEMA_REVISION,
    WRITE_OPTION,
    articles_table,
    create_store_engine,
    current_revision,
    default_url,
    normalize_url,
    tokens_table,
    upgrade_schema,
    workspaces_table,
)
from components.store.tokens import new_token, new_workspace_id, token_digest

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
        return [article_from_row(row) for row in rows]

    def _load(self, conn: Connection, workspace_id: str, *, share_lock: bool = False) -> Workspace:
        query = sa.select(workspaces_table).where(workspaces_table.c.id == workspace_id)
        if share_lock:  # PostgreSQL: FOR SHARE, so a concurrent save cannot interleave; SQLite ignores it
            query = query.with_for_update(read=True)
        row = conn.execute(query).one_or_none()
        if row is None:
            raise WorkspaceNotFound()
        return workspace_from_row(row, self._load_articles(conn, workspace_id))

    def _insert(
        self, conn: Connection, *, name: str, articles: list[dict[str, Any]], settings: dict[str, Any]
    ) -> CreatedWorkspace:
        now = utc_now()
        workspace_id = new_workspace_id()
        edit_token, view_token = new_token(), new_token()
        conn.execute(
            sa.insert(workspaces_table).values(
                id=workspace_id, name=name, settings=settings, version=1, created_at=now, updated_at=now
            )
        )
        if articles:
            conn.execute(sa.insert(articles_table), article_rows(workspace_id, articles))
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
        clean_name = normalize_name(name)
        clean_articles = normalize_articles(articles)
        clean_settings = normalize_settings(settings)
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
        new_articles = None if articles is None else normalize_articles(articles)
        values: dict[str, Any] = {"version": workspaces_table.c.version + 1, "updated_at": utc_now()}
        if settings is not None:
            values["settings"] = normalize_settings(settings)
        if name is not None:
            values["name"] = normalize_name(name)

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
                return workspace_from_row(row, self._load_articles(conn, workspace_id))
            conn.execute(sa.delete(articles_table).where(articles_table.c.workspace_id == workspace_id))
            if new_articles:
                conn.execute(sa.insert(articles_table), article_rows(workspace_id, new_articles))
            return workspace_from_row(row, new_articles)

    def fork(self, token: str, *, name: str | None = None) -> CreatedWorkspace:
        """Copy the workspace behind any live token (view tokens too) into a new, editable one.

        The copy has its own id and tokens and starts at version 1; later changes to either
        workspace never reach the other. ``name`` defaults to the original name plus " (copy)".

        Raises:
            WorkspaceNotFound: the token is malformed, unknown or revoked.
            InvalidWorkspace: ``name`` cannot be stored.
        """
        digest = token_digest(token)
        new_name = None if name is None else normalize_name(name)
        with self._transaction(write=True) as conn:
            workspace_id, _role = self._resolve(conn, digest)
            source = self._load(conn, workspace_id, share_lock=True)
            if new_name is None:
                new_name = normalize_name(f"{source.name} (copy)"[:MAX_NAME_CHARS])
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
                .values(revoked_at=utc_now())
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
            now = utc_now()
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
