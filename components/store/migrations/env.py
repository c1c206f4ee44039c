"""Alembic environment for the workspace store (online only; batch mode on SQLite).

:mod:`components.store` runs this with an open connection in ``config.attributes``; the
``alembic -c components/store/migrations/alembic.ini ...`` command line runs it with a connection
made from ``$DATABASE_URL`` / ``$NEWSLENS_DB`` (see :func:`components.store.schema.default_url`).

Everything happens in one transaction that first takes the migration lock (``BEGIN IMMEDIATE``
on SQLite, an advisory lock on PostgreSQL), so two processes starting on a fresh database
run the migrations once, and a killed migration leaves the schema as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context
from sqlalchemy.engine import Connection

config = context.config


def _run(connection: Connection, target_metadata: sa.MetaData | None) -> None:
    sqlite = connection.dialect.name == "sqlite"
    with connection.begin():
        if connection.dialect.name == "postgresql":
            from components.store.schema import PG_MIGRATION_LOCK_KEY

            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=sqlite,
            transactional_ddl=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            # Foreign keys are off while migrating (a batch rebuild drops parent tables);
            # refuse to commit a schema change that left dangling references.
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"migration left {len(problems)} broken foreign key(s): {problems[:5]}")


def main() -> None:
    if context.is_offline_mode():
        raise RuntimeError("Offline (--sql) migrations are not supported; run them against a database")
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection, config.attributes.get("target_metadata"))
        return
    from components.store.schema import WRITE_OPTION, create_store_engine, default_url, metadata

    engine = create_store_engine(config.get_main_option("sqlalchemy.url") or default_url(), migrating=True)
    try:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            _run(conn, metadata)
    finally:
        engine.dispose()


main()
