"""What a text says about itself: a plain-text header, a Markdown or headline title, dates, URLs.

Plain text may start with a header of ``Title:``, ``Outlet:``, ``Date:``, ``URL:``, ``Author:``
lines ended by a blank line (:func:`split_header`); a leading Markdown ``# Title`` line becomes
the title when none is given. Values shown to the user are cleaned (:func:`clean_meta`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from components.ingest.urlguard import MAX_URL_CHARS

MAX_META_CHARS = 500  # a title, outlet or author longer than this is cut


_HEADER_LINE = re.compile(
    r"^[ \t]*(title|outlet|date|published|url|author|byline)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I
)
_HEADER_KEYS = {"title": "title", "outlet": "outlet", "date": "published", "published": "published",
                "url": "url", "author": "author", "byline": "author"}
_MD_TITLE = re.compile(r"^[ \t]*#[ \t]+(.+?)[ \t#]*$")


# --- metadata helpers ------------------------------------------------------------------------


def normalise_date(value: str | date | None) -> str | None:
    """Return a date as ISO ``YYYY-MM-DD``, or None when it is not a full, valid date.

    Accepts ISO dates and datetimes and common written forms ("March 14, 2026",
    "14 Mar 2026", "Tue, 14 Mar 2026 10:00:00 GMT", "03/14/2026"). Relative dates ("yesterday")
    and partial dates ("March 2026") give None: they cannot be pinned without guessing.
    ``dateparser`` runs with English only and absolute-date parsers only; it never touches the
    network.

    Args:
        value: The text of a date, a ``date``/``datetime``, or None.
    """
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow import: only when a written date needs it

    try:
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": False,
            },
        )
    except (ValueError, TypeError, OverflowError, AttributeError, LookupError):
        return None
    if not isinstance(parsed, datetime) or not 1000 <= parsed.year <= 9999:
        return None
    return parsed.date().isoformat()


def safe_url(value: str | None) -> str:
    """Return ``value`` if it is an http(s) URL fit to show as a link, else ``""``.

    Keeps ``javascript:``, ``data:`` and other schemes out of the record, so a page that shows
    the URL as a link cannot run it. This does not check that the URL is reachable or safe to
    fetch (:mod:`components.ingest.urlguard` does that).
    """
    if not value:
        return ""
    url = str(value).strip()
    if len(url) > MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    return url if re.match(r"^https?://[^/\s]", url, re.I) else ""


def clean_meta(value: object) -> str:
    text = " ".join(str(value).split()) if value else ""
    text = "".join(c for c in text if unicodedata.category(c) != "Cc")
    return text if len(text) <= MAX_META_CHARS else text[: MAX_META_CHARS - 1] + "…"


# --- text, header and HTML -------------------------------------------------------------------


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional metadata header off the top of a plain text.

    The header is one or more ``Key: value`` lines (keys ``Title``, ``Outlet``, ``Date`` or
    ``Published``, ``URL``, ``Author`` or ``Byline``; any case) ended by a blank line. A block
    with any other line in it, or with no blank line after it, is not a header and the text is
    returned unchanged. Values are returned raw (dates are not normalised here).

    Args:
        text: Text with ``\\n`` newlines.

    Returns:
        (fields keyed ``title``/``outlet``/``published``/``url``/``author``, the remaining text).
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    fields: dict[str, str] = {}
    while i < len(lines) and lines[i].strip():
        match = _HEADER_LINE.match(lines[i])
        if not match:
            return {}, text
        fields.setdefault(_HEADER_KEYS[match[1].lower()], match[2])
        i += 1
    if not fields or i >= len(lines):
        return {}, text
    return fields, "\n".join(lines[i + 1 :])


def markdown_title(text: str) -> tuple[str, str]:
    """Return (title, text without that line) when the first line is ``# Title``."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _MD_TITLE.match(first)
    if not match:
        return "", text
    return match[1], rest


def leading_headline(text: str) -> str:
    """The first line when it reads as a headline: short, no closing punctuation, a blank line after.

    The line stays in the text (offsets into the text must not move); it only names the article.
    """
    first, sep, rest = text.strip("\n").partition("\n")
    first = " ".join(first.split())
    if not sep or not rest.startswith("\n") or not first or len(first.split()) > 20 or first.startswith("#"):
        return ""
    return "" if first.endswith((".", "!", "?", ":", ";", ",", '"', "\u201d")) else first


def drop_title_line(text: str, title: str) -> str:
    """Drop a first line that only repeats the title (trafilatura keeps the page's <h1>)."""
    first, sep, rest = text.partition("\n")
    if title and sep and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text
