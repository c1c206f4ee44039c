"""Bytes to text: binary formats refused by their magic numbers, encodings decoded, text cleaned.

1. type, judged by content (never by file extension or Content-Type): known binary formats by
   their magic numbers (PDF, ZIP/Office, gzip, PNG, ...), then NUL bytes and control characters;
2. decoding: UTF-8, UTF-8 with BOM, UTF-16/32 with BOM, UTF-16 without BOM (by its NUL
   pattern), a declared charset (HTTP header or ``<meta charset>``), mixed UTF-8 and
   Windows-1252, Windows-1252 for 8-bit Western text, and ``charset-normalizer`` only as the
   last resort;
3. cleaning (:func:`sanitise`): newlines become ``\n``, stray control characters are dropped,
   text is NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from components.ingest.article import ArticleLoadError

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


# Magic numbers that are plain words: only binary when NUL bytes follow (an article may begin
# "MZ Hotel ..." or "PAR1 results"), or when the rest of the signature matches.
_TEXTLIKE_MAGIC = frozenset({b"MZ", b"ID3", b"OggS", b"fLaC", b"GIF87a", b"GIF89a", b"PAR1", b"WEBP", b"ftyp"})


def binary_kind(data: bytes) -> str | None:
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


def decode_bytes(data: bytes, *, name: str, charset_hint: str | None = None) -> str:
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


def sanitise(text: str, *, name: str) -> str:
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
