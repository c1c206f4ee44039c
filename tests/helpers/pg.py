"""A fresh PostgreSQL database per test, when ``NEWSLENS_TEST_PG_URL`` names a server."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from components.store import normalize_url

SKIP_REASON = 'no PostgreSQL: set NEWSLENS_TEST_PG_URL (eval "$(.ci/start_postgres.sh)")'


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """Create an empty database next to ``$NEWSLENS_TEST_PG_URL``'s, yield its URL, drop it.

    Skips the test when the variable is unset; a configured server that cannot be reached
    (or a role that cannot create databases) fails the test instead of hiding the problem.
    """
    base_url = os.environ.get("NEWSLENS_TEST_PG_URL", "").strip()
    if not base_url:
        pytest.skip(SKIP_REASON)
    base = normalize_url(base_url)
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"newslens_t_{secrets.token_hex(6)}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()
