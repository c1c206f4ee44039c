"""Article records and the loaders that make them (text, files, HTML, URLs, bundled samples).

Every loader returns an :class:`Article` or raises :class:`ArticleLoadError` whose message is
one line a user understands (``"report.pdf looks like a binary file (PDF), not an article."``);
no other exception escapes a loader. The record's ``id`` is a hash of the text, so the same text
loaded twice is the same article and its parse is cached once.

What a loader does with its input, in order:

1. size: more than ``limits.MAX_ARTICLE_BYTES`` bytes is refused before anything else;
2. type, judged by content (never by file extension or Content-Type): known binary formats by
   their magic numbers (PDF, ZIP/Office, gzip, PNG, ...), then NUL bytes and control characters;
3. decoding: UTF-8, UTF-8 with BOM, UTF-16/32 with BOM, UTF-16 without BOM (by its NUL
   pattern), a declared charset (HTTP header or ``<meta charset>``), mixed UTF-8 and
   Windows-1252, Windows-1252 for 8-bit Western text, and ``charset-normalizer`` only as the
   last resort; newlines become ``\n``, stray control characters are dropped, text is NFC;
4. HTML (sniffed by its markup) goes through trafilatura: only the readable text is kept
   (scripts, styles, event handlers and link targets never reach it), with title, author, date,
   site name (as outlet) and canonical URL;
5. plain text may start with a header of ``Title:``, ``Outlet:``, ``Date:``, ``URL:``,
   ``Author:`` lines ended by a blank line; it sets the metadata and is removed from the text.
   A leading Markdown ``# Title`` line becomes the title when none is given;
6. ``limits.MAX_ARTICLE_CHARS`` caps the decoded text; an empty result is refused.

Loaders cannot recover text from PDFs, Office documents or images, and they do not follow links
inside a page. URLs are fetched through :mod:`components.netguard` (SSRF guard).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from components import limits, netguard


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


# --- constants -------------------------------------------------------------------------------

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_articles"
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
# Files a directory walk skips even with an article suffix: they describe a folder, not news.
NOT_ARTICLE_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})
MAX_META_CHARS = 500  # a title, outlet or author longer than this is cut

# (magic bytes, offset, what it is): checked before any decoding.
BINARY_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF"),
    (b"PK\x03\x04", 0, "ZIP archive or Word/Excel document"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"PK\x07\x08", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip-compressed data"),
    (b"BZh", 0, "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd-compressed data"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"WEBP", 8, "WebP image"),
    (b"ftyp", 4, "MP4/MOV video or HEIC image"),
    (b"ID3", 0, "MP3 audio"),
    (b"OggS", 0, "Ogg audio/video"),
    (b"fLaC", 0, "FLAC audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Word/Excel document"),
    (b"{\\rtf", 0, "RTF document"),
    (b"\x7fELF", 0, "program (ELF)"),
    (b"MZ", 0, "Windows program"),
    (b"\xca\xfe\xba\xbe", 0, "Java class or Mach-O program"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"PAR1", 0, "Parquet file"),
)

_UTF_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Labels that browsers (WHATWG Encoding) read as Windows-1252.
_CP1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# A complete multi-byte UTF-8 sequence (2, 3 or 4 bytes).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_KEEP_CONTROLS = frozenset("\n\t")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|span|h[1-6]|title|meta|link|"
    r"script|style|noscript|header|footer|nav|table|ul|ol|li|a|b|i|em|strong|br|img|iframe|form|"
    r"svg)[\s>/]|<!--",
    re.I,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html|body)[\s>]", re.I)
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
    fetch (:mod:`components.netguard` does that).
    """
    if not value:
        return ""
    url = str(value).strip()
    if len(url) > netguard.MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    return url if re.match(r"^https?://[^/\s]", url, re.I) else ""


def _clean_meta(value: object) -> str:
    text = " ".join(str(value).split()) if value else ""
    text = "".join(c for c in text if unicodedata.category(c) != "Cc")
    return text if len(text) <= MAX_META_CHARS else text[: MAX_META_CHARS - 1] + "…"


# --- decoding --------------------------------------------------------------------------------


# Magic numbers that are plain words: only binary when NUL bytes follow (an article may begin
# "MZ Hotel ..." or "PAR1 results"), or when the rest of the signature matches.
_TEXTLIKE_MAGIC = frozenset({b"MZ", b"ID3", b"OggS", b"fLaC", b"GIF87a", b"GIF89a", b"PAR1", b"WEBP", b"ftyp"})


def _binary_kind(data: bytes) -> str | None:
    """Name the binary format the bytes start with, or None (text or unknown)."""
    for magic, offset, kind in BINARY_SIGNATURES:
        if data[offset : offset + len(magic)] != magic:
            continue
        if magic in _TEXTLIKE_MAGIC and b"\x00" not in data[:1024]:
            continue
        if magic == b"BZh" and data[4:10] != b"1AY&SY":
            continue
        if magic == b"WEBP" and not data.startswith(b"RIFF"):
            continue
        return kind
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without BOM from where the NUL bytes fall (ASCII-heavy text only)."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.1:
        return "utf-16-le"
    if even > 0.3 and odd < 0.1:
        return "utf-16-be"
    return None


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode bytes that are not UTF-8 as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("newslens-cp1252", _cp1252_fallback)


def _normalise_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_western(text: str) -> bool:
    """Whether an 8-bit decoding reads like Western European text (mostly ASCII letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return non_ascii / len(letters) < 0.25


def _decode(data: bytes, *, name: str, charset_hint: str | None = None) -> str:
    """Decode bytes to text, or raise ArticleLoadError saying why they are not text."""
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding.startswith("utf-16") and len(body) % 2:
                body = body[:-1]  # a truncated file: drop the half character at the end
            try:
                return body.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleLoadError(
                    f"{name} starts like {encoding.upper()} text but is not valid {encoding.upper()}."
                ) from None
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data[: len(data) - len(data) % 2].decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the NUL check below calls it binary
    if b"\x00" in data:
        raise ArticleLoadError(f"{name} looks like a binary file (it contains NUL bytes), not an article.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    hint = _normalise_label(charset_hint)
    if hint is None:
        meta = _META_CHARSET.search(data[:4096])
        hint = _normalise_label(meta[1].decode("ascii")) if meta else None
    if hint and hint not in {"utf-8", "utf-16", "utf-32"}:
        try:
            return data.decode(hint)
        except (UnicodeDecodeError, LookupError):
            pass  # the declared charset is wrong; judge by content below
    if _UTF8_MULTIBYTE.search(data):
        # Mostly UTF-8 with some 8-bit bytes (text pasted together from two sources).
        return data.decode("utf-8", errors="newslens-cp1252")
    western = data.decode("cp1252", errors="replace")
    if _is_western(western):
        return western
    from charset_normalizer import from_bytes  # only for non-Western 8-bit text

    best = from_bytes(data).best()
    if best is not None:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # fall through to the error below
    raise ArticleLoadError(
        f"{name} is not in a text encoding we can read (UTF-8, UTF-16, Windows-1252, ...)."
    )


def _sanitise(text: str, *, name: str) -> str:
    """Normalise newlines, refuse control-character soup, drop stray controls, NFC."""
    text = _LONE_SURROGATE.sub("\ufffd", _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")))
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _KEEP_CONTROLS)
    if controls and controls > max(8, len(text) // 100):
        raise ArticleLoadError(
            f"{name} looks like a binary file (full of control characters), not an article."
        )
    replacement = text.count("\ufffd")
    if replacement and replacement > max(8, len(text) // 20):
        raise ArticleLoadError(f"{name} is not in a text encoding we can read (too many undecodable bytes).")
    if controls:
        text = _ANSI_ESCAPE.sub("", text)
        text = "".join(c for c in text if c in _KEEP_CONTROLS or unicodedata.category(c) != "Cc")
    return unicodedata.normalize("NFC", text)


def _check_chars(text: str, *, name: str) -> None:
    cap = limits.MAX_ARTICLE_CHARS
    if len(text) > cap:
        raise ArticleLoadError(
            f"{name} has {len(text):,} characters; the limit for one article is {cap:,}."
        )


def _check_bytes(size: int, *, name: str) -> None:
    cap = limits.MAX_ARTICLE_BYTES
    if size > cap:
        shown, limit = limits.size_pair(size, cap)
        raise ArticleLoadError(f"{name} is {shown}; the limit for one article is {limit}.")


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


def _markdown_title(text: str) -> tuple[str, str]:
    """Return (title, text without that line) when the first line is ``# Title``."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _MD_TITLE.match(first)
    if not match:
        return "", text
    return match[1], rest


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup (by its content: a leading tag, or an html/body tag early).

    It cannot tell an HTML page from a plain text that starts by quoting a tag such as ``<p>``.
    """
    head = text[:4096].lstrip()
    if head.startswith("<?xml"):
        return bool(_HTML_ANYWHERE.search(head))
    if head.startswith("<") and _HTML_START.match(head):
        return True
    return bool(_HTML_ANYWHERE.search(head))


def _html_to_parts(markup: str, *, name: str, url: str) -> dict[str, Any]:
    """Extract readable text and metadata from HTML with trafilatura."""
    import trafilatura  # slow import: only for HTML

    if not re.search(r"<(?:html|body)[\s>]", markup[:65536], re.I):
        markup = f"<html><body>{markup}</body></html>"
    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            include_tables=True,
            deduplicate=False,
            # Dates from the page's markup only (no guessing from its text), and no "not after
            # today" rule, so the result does not depend on the machine's clock.
            date_extraction_params={"original_date": True, "extensive_search": False, "max_date": "2099-12-31"},
        )
        text = getattr(document, "text", None) or ""
        if not text.strip():
            text = trafilatura.html2txt(markup) or ""
    except Exception as exc:  # third-party parser on hostile input: any failure means unreadable
        raise ArticleLoadError(f"{name} is a web page we could not read ({type(exc).__name__}).") from exc
    parts: dict[str, Any] = {"text": text}
    for key, attribute in (("title", "title"), ("author", "author"), ("outlet", "sitename"),
                           ("published", "date"), ("url", "url")):
        value = getattr(document, attribute, None) if document is not None else None
        parts[key] = value if isinstance(value, str) else ""
    return parts


def _leading_headline(text: str) -> str:
    """The first line when it reads as a headline: short, no closing punctuation, a blank line after.

    The line stays in the text (offsets into the text must not move); it only names the article.
    """
    first, sep, rest = text.strip("\n").partition("\n")
    first = " ".join(first.split())
    if not sep or not rest.startswith("\n") or not first or len(first.split()) > 20 or first.startswith("#"):
        return ""
    return "" if first.endswith((".", "!", "?", ":", ";", ",", '"', "\u201d")) else first


def _drop_title_line(text: str, title: str) -> str:
    """Drop a first line that only repeats the title (trafilatura keeps the page's <h1>)."""
    first, sep, rest = text.partition("\n")
    if title and sep and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def _build(
    text: str,
    *,
    name: str,
    source: str,
    title: str = "",
    outlet: str = "",
    author: str = "",
    published: str | date | None = None,
    url: str = "",
) -> Article:
    """Turn sanitised text into an Article: HTML or header, markdown title, limits, checks."""
    if not text.strip():
        raise ArticleLoadError(f"{name} contains only whitespace; there is no article text.")
    found: dict[str, Any] = {}
    if looks_like_html(text):  # markup is bounded by the byte limit; the char limit is for the text
        found = _html_to_parts(text, name=name, url=url)
        body = _sanitise(found.pop("text"), name=name)
        body = _drop_title_line(body.strip("\n"), _clean_meta(found.get("title")))
        if not body.strip():
            raise ArticleLoadError(f"{name} is a web page with no readable article text.")
    else:
        found, body = split_header(text)
        if found and not body.strip():
            raise ArticleLoadError(f"{name} has a header (Title:, Date:, ...) but no article text after it.")
        if not (title or found.get("title")):
            md_title, body = _markdown_title(body)
            if md_title:
                found["title"] = md_title
    body = body.strip()
    if not body:
        raise ArticleLoadError(f"{name} has no article text.")
    _check_chars(body, name=name)
    return Article(
        text=body,
        title=_clean_meta(title or found.get("title") or _leading_headline(body)),
        outlet=_clean_meta(outlet or found.get("outlet")),
        author=_clean_meta(author or found.get("author")),
        published=normalise_date(published) if published else normalise_date(found.get("published")),
        url=safe_url(url) or safe_url(found.get("url")),
        source=source,
    )


def _article_from_bytes(
    data: bytes, *, name: str, source: str, url: str = "", charset_hint: str | None = None
) -> Article:
    _check_bytes(len(data), name=name)
    if not data:
        raise ArticleLoadError(f"{name} is empty.")
    kind = _binary_kind(data)
    if kind:
        raise ArticleLoadError(f"{name} looks like a binary file ({kind}), not an article.")
    text = _sanitise(_decode(data, name=name, charset_hint=charset_hint), name=name)
    return _build(text, name=name, source=source, url=url)


# --- loaders ---------------------------------------------------------------------------------


def from_text(
    text: str,
    *,
    title: str = "",
    outlet: str = "",
    published: str | date | None = None,
    author: str = "",
    url: str = "",
    source: str = "pasted",
) -> Article:
    """Make an article from pasted text.

    The optional plain-text header and a Markdown ``# Title`` line are read as for files;
    arguments given here win over both. Pasted HTML markup is recognised and reduced to its
    readable text.

    Args:
        text: The article text.
        title: Title; empty means "from the header, if any".
        outlet: Outlet (publication) name.
        published: Publication date in any common form; normalised to ``YYYY-MM-DD``, and
            dropped (None) when it is not a valid full date.
        author: Author.
        url: Where the text came from; kept only if it is an http(s) URL.
        source: Where it was loaded from, for display.

    Raises:
        ArticleLoadError: Empty or whitespace-only text, text over ``limits.MAX_ARTICLE_CHARS``,
            control-character soup, a header with nothing after it, HTML with no readable text.
    """
    name = "The pasted text"
    if not isinstance(text, str):
        raise ArticleLoadError(f"{name} is not text.")
    if not text:
        raise ArticleLoadError(f"{name} is empty.")
    _check_chars(text, name=name)
    clean = _sanitise(text, name=name)
    return _build(
        clean, name=name, source=source, title=title, outlet=outlet, author=author,
        published=published, url=url,
    )


def from_bytes(data: bytes, *, filename: str, source: str | None = None) -> Article:
    """Make an article from the bytes of an uploaded file, judging its type by content.

    Args:
        data: The file's bytes.
        filename: The name the user gave the file; used in messages only, never to judge type.
        source: Where it came from, for display; defaults to ``filename``.

    Raises:
        ArticleLoadError: Empty, whitespace only, binary (PDF, ZIP/Office, images, compressed
            data, NUL bytes, control characters), larger than ``limits.MAX_ARTICLE_BYTES``,
            undecodable, or HTML without readable text. Text cannot be recovered from PDF or
            Office files.
    """
    name = _clean_meta(filename) or "The file"
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise ArticleLoadError(f"{name} was not received as bytes.")
    return _article_from_bytes(data, name=name, source=source if source is not None else name)


def from_path(path: str | os.PathLike[str], *, source: str | None = None) -> Article:
    """Make an article from a file on disk (.txt, .md, .html, or any name: judged by content).

    The size is checked before the file is read, and at most ``limits.MAX_ARTICLE_BYTES + 1``
    bytes are ever read.

    Args:
        path: The file.
        source: Where it came from, for display; defaults to the path as given.

    Raises:
        ArticleLoadError: Missing, a folder or not a regular file, unreadable, or any reason
            :func:`from_bytes` gives.
    """
    file = Path(path)
    name = file.name or str(file)
    try:
        if not file.exists():
            raise ArticleLoadError(f"{file} does not exist.")
        if file.is_dir():
            raise ArticleLoadError(f"{file} is a folder, not a file (use iter_paths for folders).")
        if not file.is_file():
            raise ArticleLoadError(f"{file} is not a regular file.")
        _check_bytes(file.stat().st_size, name=name)
        with file.open("rb") as handle:
            data = handle.read(limits.MAX_ARTICLE_BYTES + 1)
    except PermissionError:
        raise ArticleLoadError(f"{file} cannot be read (permission denied).") from None
    except OSError as exc:
        raise ArticleLoadError(f"{file} could not be read ({exc.strerror or type(exc).__name__}).") from None
    return _article_from_bytes(data, name=name, source=source if source is not None else str(file))


def _walk(directory: Path) -> Iterator[Path]:
    """Article files under a folder: recursive, sorted, no hidden files or folders."""
    for root, dirnames, filenames in os.walk(directory, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            candidate = Path(root) / filename
            if (
                filename.startswith(".")
                or candidate.suffix.lower() not in ARTICLE_SUFFIXES
                or candidate.stem.lower() in NOT_ARTICLE_STEMS
            ):
                continue
            yield candidate


def _files_of(root: Path) -> Iterable[Path]:
    """The files a given path stands for: a folder walked lazily, or the file itself.

    Raises:
        ArticleLoadError: ``root`` does not exist (at once, before any file is read).
    """
    if root.is_dir():
        return _walk(root)
    if root.exists():
        return (root,)
    raise ArticleLoadError(f"{root} does not exist.")


def iter_files(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[Path]:
    """The files ``iter_paths`` would load, in the same order, without reading them.

    Raises:
        ArticleLoadError: A path does not exist.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for given in paths:
        yield from _files_of(Path(given))


def iter_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    max_articles: int | None = None,
    on_error: Callable[[Path, ArticleLoadError], None] | None = None,
) -> Iterator[Article]:
    """Yield articles from files and folders one at a time (no list of the corpus is built).

    A file is loaded whatever its name (judged by content). A folder is walked recursively in
    sorted order; there only ``ARTICLE_SUFFIXES`` files are read, and hidden files and folders,
    symlinked folders and ``README``/``LICENSE``-like files are skipped.

    Args:
        paths: Files and folders (a single path is accepted too).
        max_articles: Refuse to go past this many articles (the page passes
            ``limits.MAX_ARTICLES_PER_WORKSPACE``); None means no cap (corpus mode).
        on_error: Called with (path, error) for a file that cannot be loaded, and the walk goes
            on; without it the first error is raised.

    Raises:
        ArticleLoadError: A path does not exist, a file cannot be loaded (unless ``on_error``),
            or ``max_articles`` is exceeded.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    count = 0
    for given in paths:
        root = Path(given)
        try:
            files = _files_of(root)
        except ArticleLoadError as error:
            if on_error is None:
                raise
            on_error(root, error)
            continue
        for file in files:
            try:
                article = from_path(file)
            except ArticleLoadError as error:
                if on_error is None:
                    raise
                on_error(file, error)
                continue
            count += 1
            if max_articles is not None and count > max_articles:
                raise ArticleLoadError(f"More than {max_articles:,} articles; stopped at {file}.")
            yield article


def ensure_room(n_loaded: int, *, n_new: int = 1, limit: int | None = None) -> None:
    """Refuse adding ``n_new`` articles to a workspace that holds ``n_loaded``.

    Args:
        n_loaded: Articles already in the workspace.
        n_new: Articles about to be added.
        limit: The cap; None means ``limits.MAX_ARTICLES_PER_WORKSPACE``.

    Raises:
        ArticleLoadError: The workspace would hold more than the cap.
    """
    cap = limits.MAX_ARTICLES_PER_WORKSPACE if limit is None else limit
    if n_loaded + n_new > cap:
        raise ArticleLoadError(
            f"A workspace holds at most {cap:,} articles; it has {n_loaded:,}, "
            f"so {n_new:,} more cannot be added."
        )


def from_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int | None = None,
    allow_private: bool = False,
    allowed_endpoints: frozenset[tuple[str, int]] = frozenset(),
) -> Article:
    """Load an article from a web page through the SSRF guard (:mod:`components.netguard`).

    Only http and https; every hop's addresses are resolved, vetted and pinned; redirects are
    followed at most 5 times; the body is capped while streaming (also after decompression).
    The page's type is judged by its content, not by its Content-Type. This function does not
    run JavaScript, so pages that build their text in the browser come back empty (refused).

    Args:
        url: The page's address.
        timeout: Time budget in seconds for the whole load.
        max_bytes: Size cap; None means ``limits.MAX_ARTICLE_BYTES``.
        allow_private: Allow loopback and private addresses. For tests against a local server
            only; the page and the CLI never set it.
        allowed_endpoints: Exact ``(ip, port)`` pairs allowed (a test server), nothing else.

    Raises:
        ArticleLoadError: Refused URL or address (the cause is a ``netguard.UrlRefusedError``),
            unreachable, timeout, HTTP error status, too large, or content that is not an
            article. The cause (``__cause__``) is the netguard error when there is one.
    """
    policy = netguard.FetchPolicy(
        timeout=timeout,
        max_bytes=max_bytes,
        allow_private=allow_private,
        allowed_endpoints=frozenset(allowed_endpoints),
    )
    try:
        result = netguard.fetch(url, policy=policy)
    except netguard.NetError as exc:
        raise ArticleLoadError(str(exc)) from exc
    name = f"The page at {result.url if len(result.url) <= 80 else result.url[:77] + '...'}"
    return _article_from_bytes(
        result.body, name=name, source=result.url, url=result.url, charset_hint=result.charset
    )


def load_samples(*, directory: str | os.PathLike[str] | None = None) -> list[Article]:
    """Load the bundled sample articles (``*.txt`` in ``sample_articles/``), sorted by name.

    Other files in the folder (its ``README.md``) are not articles and are not read.

    Args:
        directory: Another folder of samples; None means the bundled one.

    Returns:
        The articles, with ``source="sample"``; an empty list when the folder holds no .txt.

    Raises:
        ArticleLoadError: The folder does not exist or a sample cannot be loaded.
    """
    folder = Path(directory) if directory is not None else SAMPLES_DIR
    if not folder.is_dir():
        raise ArticleLoadError(f"The samples folder {folder} does not exist.")
    return [from_path(file, source="sample") for file in sorted(folder.glob("*.txt"))]
