"""What a saved workspace is: its record, the errors the store raises, and how input is checked.

A workspace is a named list of articles (their text and metadata) plus the page settings (side
overrides, alias additions, cell layout and order, filters). Everything saved goes through the
checks here first (:func:`normalize_name`, :func:`normalize_settings`, :func:`normalize_articles`),
so nothing malformed reaches the database.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple

import sqlalchemy as sa

from components.ingest import limits
from components.ingest.article import Article, content_hash

Role = Literal["edit", "view"]
ROLES: tuple[Role, ...] = ("edit", "view")

MAX_NAME_CHARS = 200
MAX_ARTICLES = limits.MAX_ARTICLES_PER_WORKSPACE
MAX_ARTICLE_CHARS = limits.MAX_ARTICLE_CHARS
MAX_SETTINGS_BYTES = 5_000_000
DEFAULT_NAME = "Untitled workspace"

NOT_FOUND_MESSAGE = "No workspace for this link (it may be mistyped or revoked)"
READ_ONLY_MESSAGE = "This link is read-only: make a copy to change the workspace"

#: Article fields with their own column, in ``Article.to_dict()`` order; any other key of an
#: article dict (a field added to Article later, say) is kept in the ``extra`` JSON column.
ARTICLE_COLUMNS: tuple[str, ...] = ("text", "title", "outlet", "author", "published", "url", "source", "id")


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

    ``articles`` holds dicts shaped like :meth:`components.ingest.loaders.Article.to_dict`, in their
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


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC); PostgreSQL returns aware ones."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def check_str(value: object, *, what: str, max_chars: int) -> str:
    if not isinstance(value, str):
        raise InvalidWorkspace(f"{what} must be text, not {type(value).__name__}")
    if len(value) > max_chars:
        raise InvalidWorkspace(f"{what} is too long ({len(value):,} characters, at most {max_chars:,})")
    if "\x00" in value:
        raise InvalidWorkspace(f"{what} contains a NUL character")
    return value


def normalize_name(name: object) -> str:
    text = check_str(name, what="The workspace name", max_chars=MAX_NAME_CHARS).strip()
    return text or DEFAULT_NAME


def normalize_settings(settings: object) -> dict[str, Any]:
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


def normalize_articles(articles: object) -> list[dict[str, Any]]:
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
        text = check_str(item.get("text"), what=f"{what}: text", max_chars=MAX_ARTICLE_CHARS)
        record: dict[str, Any] = {}
        for key in ARTICLE_COLUMNS:  # Article.to_dict() order
            value = item.get(key)
            label = f"{what}: {key}"
            if key == "text":
                record[key] = text
            elif key == "published":
                record[key] = None if value is None else check_str(value, what=label, max_chars=64)
            elif key == "id":
                record[key] = check_str(value or content_hash(text), what=label, max_chars=64)
            else:
                record[key] = "" if value is None else check_str(value, what=label, max_chars=100_000)
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


def article_rows(workspace_id: str, articles: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
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


def article_from_row(row: sa.Row[Any]) -> dict[str, Any]:
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


def workspace_from_row(row: sa.Row[Any], articles: Sequence[dict[str, Any]]) -> Workspace:
    return Workspace(
        id=row.id,
        name=row.name,
        articles=tuple(articles),
        settings=dict(row.settings),
        version=row.version,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )
