"""Share-link tokens: 256 random bits each, stored only as their SHA-256 hashes.

Every workspace has two kinds of link token: an *edit* token that can change it and a *view*
token that can only open or fork it. Tokens are ``secrets.token_urlsafe(32)``; the database keeps
only their hashes, so a leaked database does not leak working links.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from components.store.records import WorkspaceNotFound

TOKEN_BYTES = 32
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43}")  # token_urlsafe(32): 43 characters, no padding
WORKSPACE_ID_BYTES = 16


def new_workspace_id() -> str:
    """Return a fresh, unguessable workspace id (128 random bits)."""
    return secrets.token_urlsafe(WORKSPACE_ID_BYTES)


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
