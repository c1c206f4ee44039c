"""Size limits a host can set, with sane defaults.

Every limit is read once, when this module is imported, from an environment variable; an unset
or empty variable keeps the default, and a value that is not a positive whole number keeps the
default with a warning (a typo must not switch a limit off).

- ``MAX_ARTICLE_BYTES`` (``NEWSLENS_MAX_ARTICLE_BYTES``, default 5,000,000): the largest file,
  upload or web page one article may come from, checked on the raw bytes and again on the bytes
  after gzip/deflate decompression. Enforced by every loader in ``components.ingest.loaders``.
- ``MAX_ARTICLE_CHARS`` (``NEWSLENS_MAX_ARTICLE_CHARS``, default 1,000,000): the longest decoded
  text one article may have (pasted text included). Enforced by every loader.
- ``MAX_ARTICLE_TOKENS`` (``NEWSLENS_MAX_ARTICLE_TOKENS``, default 200,000): the most tokens
  (words, punctuation marks, line breaks) one article may have, so that any article the
  limits let through is analyzed in well under a minute on one core (the parse costs per token,
  and ``'"' * 1_000_000`` is a million tokens). Estimated by :func:`estimate_tokens` in every
  loader, counted exactly by ``components.language.nlp`` before the parse.
- ``MAX_HTML_ELEMENTS`` (``NEWSLENS_MAX_HTML_ELEMENTS``, default 30,000): the most elements
  (start tags) a web page may have; HTML extraction costs about a third of a millisecond per
  element, and an article page has a few thousand. A page over it, or whose text outside tags
  is more than twice ``MAX_ARTICLE_CHARS``, is refused before extraction
  (``components.ingest.webpage``).
- ``MAX_ARTICLES_PER_WORKSPACE`` (``NEWSLENS_MAX_ARTICLES_PER_WORKSPACE``, default 2,000): how
  many articles one workspace holds. Enforced by ``articles.ensure_room`` and by
  ``articles.iter_paths(..., max_articles=...)``; the command-line corpus mode has no such cap.
- ``MAX_UPLOAD_MB`` (``NEWSLENS_MAX_UPLOAD_MB``, default 50): the size of one upload through the
  page (all its files together), in megabytes. Enforced by the page's uploader.

Code reads the limits as ``limits.MAX_ARTICLE_BYTES`` at call time (never ``from limits import
...``), so a test can monkeypatch the module attribute. This module cannot change a limit after
import from the environment: set the variable before the process starts.
"""

from __future__ import annotations

import os
import re
import warnings

ENV_PREFIX = "NEWSLENS_"

DEFAULT_MAX_ARTICLE_BYTES = 5_000_000
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000
DEFAULT_MAX_ARTICLE_TOKENS = 200_000
DEFAULT_MAX_HTML_ELEMENTS = 30_000
DEFAULT_MAX_ARTICLES_PER_WORKSPACE = 2_000
DEFAULT_MAX_UPLOAD_MB = 50


def env_limit(name: str, *, default: int) -> int:
    """Return the positive integer in ``NEWSLENS_<name>``, or ``default`` when unset or invalid.

    Underscores and commas inside the number are accepted (``5_000_000``, ``5,000,000``).

    Args:
        name: The limit's name without the prefix, e.g. ``"MAX_ARTICLE_BYTES"``.
        default: The value used when the variable is unset, empty or not a positive integer.

    Returns:
        The limit. It cannot be zero or negative: such values fall back to ``default``.
    """
    variable = ENV_PREFIX + name
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    cleaned = raw.replace("_", "").replace(",", "")
    if cleaned.isdigit() and int(cleaned) > 0:
        return int(cleaned)
    warnings.warn(
        f"{variable}={raw!r} is not a positive whole number; using the default {default}.",
        RuntimeWarning,
        stacklevel=2,
    )
    return default


MAX_ARTICLE_BYTES: int = env_limit("MAX_ARTICLE_BYTES", default=DEFAULT_MAX_ARTICLE_BYTES)
MAX_ARTICLE_CHARS: int = env_limit("MAX_ARTICLE_CHARS", default=DEFAULT_MAX_ARTICLE_CHARS)
MAX_ARTICLE_TOKENS: int = env_limit("MAX_ARTICLE_TOKENS", default=DEFAULT_MAX_ARTICLE_TOKENS)
MAX_HTML_ELEMENTS: int = env_limit("MAX_HTML_ELEMENTS", default=DEFAULT_MAX_HTML_ELEMENTS)
MAX_ARTICLES_PER_WORKSPACE: int = env_limit(
    "MAX_ARTICLES_PER_WORKSPACE", default=DEFAULT_MAX_ARTICLES_PER_WORKSPACE
)
MAX_UPLOAD_MB: int = env_limit("MAX_UPLOAD_MB", default=DEFAULT_MAX_UPLOAD_MB)


# What spaCy makes a token of: a word, one punctuation mark, a run of whitespace that is not one space.
_TOKENISH = re.compile(r"\w+|[^\w\s]|[^\S ]+| {2,}")


def estimate_tokens(text: str) -> int:
    """About how many tokens spaCy makes of ``text`` (within a few percent on news prose).

    Linear and fast (a tenth of a second for a million characters), so a text can be refused
    before the model reads it. It cannot be exact: spaCy keeps "1,200" whole and splits "10km".
    """
    return len(_TOKENISH.findall(text))


def human_size(n_bytes: int) -> str:
    """Return a short human size such as ``"5 MB"`` or ``"10.5 MB"`` (decimal units).

    Args:
        n_bytes: A size in bytes; negative sizes are not meaningful and are shown as given.
    """
    for unit, factor in (("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000)):
        if abs(n_bytes) >= factor:
            shown = f"{n_bytes / factor:.1f}".removesuffix(".0")
            return f"{shown} {unit}"
    return f"{n_bytes:,} bytes"


def upload_overflow(total_bytes: int) -> tuple[str, str] | None:
    """(total, limit) as human sizes when one upload of ``total_bytes`` is over ``MAX_UPLOAD_MB``, else None."""
    cap = MAX_UPLOAD_MB * 1_000_000
    return size_pair(total_bytes, cap) if total_bytes > cap else None


def size_pair(size: int, cap: int) -> tuple[str, str]:
    """Return ``size`` and ``cap`` as human sizes that differ (exact bytes when rounding hides it)."""
    shown, limit = human_size(size), human_size(cap)
    return (shown, limit) if shown != limit else (f"{size:,} bytes", f"{cap:,} bytes")
