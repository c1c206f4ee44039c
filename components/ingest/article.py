"""The article record: its text, its metadata, and an id that is a hash of the text.

The same text loaded twice is the same article, and its parse is cached once. Every loader
returns an :class:`Article` or raises :class:`ArticleLoadError`, whose message is one line a user
understands.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


class ArticleLoadError(ValueError):
    """Raised for any input that cannot become an article; the message is meant for the user."""


def content_hash(text: str) -> str:
    """Return the stable id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its text and what we know about where it came from.

    ``published`` is an ISO date string (``YYYY-MM-DD``) or None when unknown.
    """

    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str | None = None
    url: str = ""
    source: str = ""  # where it was loaded from: a file name, "pasted", "sample", the URL
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text))

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "id"}
        return cls(**known)
