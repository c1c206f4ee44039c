"""Refuse a workspace version below 1 (a CHECK constraint: batch table rebuild on SQLite).

SQLite cannot add a constraint to an existing table, so batch mode copies ``workspaces`` into
a new table and swaps it in. The rows of ``articles`` and ``tokens`` that reference it must
survive the swap: the store runs migrations with foreign keys off and checks them before
committing (see ``env.py``), and the tests downgrade and upgrade with data present.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces", recreate="auto") as batch:
        batch.create_check_constraint(op.f("ck_workspaces_version_positive"), "version >= 1")


def downgrade() -> None:
    with op.batch_alter_table("workspaces", recreate="auto") as batch:
        batch.drop_constraint(op.f("ck_workspaces_version_positive"), type_="check")
