"""Workspaces and share links (SQLAlchemy + Alembic): the store layer.

- :mod:`~components.store.records`: the workspace record, the errors, the checks on what is saved;
- :mod:`~components.store.schema`: tables, engines, migrations (``migrations/``);
- :mod:`~components.store.tokens`: link tokens and their hashes;
- :mod:`~components.store.workspaces`: :class:`Store`, the one entry point.

May import: :mod:`components.ingest` (the article record and limits); nothing above it.
"""

from __future__ import annotations

from components.store.records import (
    DEFAULT_NAME,
    NOT_FOUND_MESSAGE,
    READ_ONLY_MESSAGE,
    CreatedWorkspace,
    InvalidWorkspace,
    OpenedWorkspace,
    ReadOnlyWorkspace,
    StoreError,
    StoreUnavailable,
    VersionConflict,
    Workspace,
    WorkspaceNotFound,
)
from components.store.schema import SCHEMA_REVISION, default_url, normalize_url
from components.store.tokens import token_digest
from components.store.workspaces import Store

__all__ = [
    "DEFAULT_NAME", "NOT_FOUND_MESSAGE", "READ_ONLY_MESSAGE", "SCHEMA_REVISION", "CreatedWorkspace",
    "InvalidWorkspace", "OpenedWorkspace", "ReadOnlyWorkspace", "Store", "StoreError", "StoreUnavailable",
    "VersionConflict", "Workspace", "WorkspaceNotFound", "default_url", "normalize_url", "token_digest",
]
