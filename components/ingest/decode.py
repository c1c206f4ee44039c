"""Bytes to text: binary formats refused by their magic numbers, encodings decoded, text cleaned.

1. type, judged by content (never by file extension or Content-Type): known binary formats by
   their magic numbers (PDF, ZIP/Office, gzip, PNG, ...), then NUL bytes and control characters;
2. decoding (:func:`decode_bytes`): a byte-order mark, UTF-8, a declared charset (HTTP header
   or ``<meta charset>``), else ``charset-normalizer`` decides (with ftfy repairing mojibake in
   8-bit Western text); what was guessed must read as a language, or it is refused as binary;
3. cleaning (:func:`sanitise`): newlines become ``\n``, stray control characters are dropped,
   text is NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import TYPE_CHECKING

from components.ingest.article import ArticleLoadError

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

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
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; newline and tab are kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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


# Code pages charset-normalizer may name for 8-bit Latin-script text. Undeclared, such text is
# read as Windows-1252, as browsers read it (WHATWG), and repaired by ftfy where UTF-8 pieces
# were pasted in ("mixed"): the detector cannot tell cp1250 from cp1252 on English or French.
_LATIN_SINGLE_BYTE = frozenset({
    "ascii", "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
    "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2",
    "mac_iceland", "mac_turkish", "cp437", "cp850", "cp852", "cp857", "cp858", "cp860", "cp861", "cp863", "cp865",
    "cp775", "hp_roman8",
})
# Encodings of more than one byte per character: when the detector names one, it is trusted.
_MULTI_BYTE_PREFIXES = ("utf_", "big5", "cp932", "cp949", "cp950", "euc", "gb", "hz", "iso2022", "johab", "shift_jis")
# The detector reads the head of a large file (it tries each code page on all it is given).
DETECT_BYTES = 262_144
# charset-normalizer's own chaos threshold: a decoded text messier than this reads as no language.
MAX_MESS = 0.2
_NO_LANGUAGE = "looks like a binary file (its bytes read as no language in any encoding), not an article."


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


def _mostly_ascii(text: str) -> bool:
    """Whether fewer than a quarter of the letters are outside ASCII (8-bit Western text)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    return sum(1 for c in letters if ord(c) > 127) / len(letters) < 0.25


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _looks_western(sample: bytes) -> bool:
    """Whether 8-bit bytes read as mostly-ASCII Western text once their UTF-8 pieces are repaired.

    Bytes of which a third or more are above 0x7F are not (Cyrillic, Greek, CJK or random bytes),
    without asking ftfy, which is slow on junk.
    """
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    return high * 3 < len(sample) and _mostly_ascii(_western(sample))


def _western(data: bytes) -> str:
    """Bytes read as Windows-1252 (undefined bytes kept as C1 controls), with ftfy repairing the
    UTF-8 pieces such text often holds ("mixed UTF-8 and Windows-1252") and C1 quotation marks."""
    import ftfy

    return ftfy.fix_encoding(_sloppy_1252(data))


def _sloppy_1252(data: bytes) -> str:
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    return data.decode("sloppy-windows-1252")


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) as charset-normalizer decides, or None when nothing reads the bytes.

    A multi-byte encoding it names is trusted; 8-bit text that is mostly ASCII or that it reads
    as a Latin-script code page is read as Windows-1252 (:func:`_western`: the detector finds
    nothing in ASCII text with a few Windows-1252 bytes and a few UTF-8 ones); any other code
    page it names is trusted.
    """
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    best = from_bytes(data[:DETECT_BYTES]).best()
    if best is not None and best.encoding.startswith(_MULTI_BYTE_PREFIXES):
        return _whole(data, best), best.encoding
    latin = best is not None and {best.encoding, *best.could_be_from_charset} & _LATIN_SINGLE_BYTE
    if latin or _looks_western(data[:DETECT_BYTES]):
        return _western(data), "cp1252"
    return (_whole(data, best), best.encoding) if best is not None else None


def _whole(data: bytes, best: CharsetMatch) -> str:
    """All of ``data`` in the encoding found in its head (bytes it cannot read become U+FFFD,
    which :func:`sanitise` counts)."""
    return str(best) if len(data) <= DETECT_BYTES else data.decode(best.encoding, errors="replace")


def _language_like(text: str, *, name: str) -> str:
    """The text, or ArticleLoadError when it reads as no language (charset-normalizer's mess ratio).

    It cannot tell a real but unusual text made mostly of symbols from junk: such a text is refused.
    """
    from charset_normalizer.md import mess_ratio

    printable = _CONTROLS.sub("", text)  # a few stray controls are sanitise's to drop (and its to refuse, in bulk)
    if printable.strip() and mess_ratio(printable, MAX_MESS) >= MAX_MESS:
        raise ArticleLoadError(f"{name} {_NO_LANGUAGE}")
    return text


def _declared(data: bytes, charset_hint: str | None) -> str | None:
    """The charset the HTTP header or the page's ``<meta charset>`` declares (None: none, or UTF-*)."""
    hint = _normalise_label(charset_hint)
    if hint is None:
        meta = _META_CHARSET.search(data[:4096])
        hint = _normalise_label(meta[1].decode("ascii")) if meta else None
    return hint if hint not in {None, "utf-8", "utf-16", "utf-32"} else None


def decode_bytes(data: bytes, *, name: str, charset_hint: str | None = None) -> str:
    """Decode bytes to text, or raise ArticleLoadError saying why they are not text.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); valid UTF-8; a declared charset that
    decodes the bytes; else charset-normalizer decides (UTF-16 and UTF-32 without a mark in any
    script, Shift-JIS, Big5, GB18030, EUC-KR, Cyrillic and Greek code pages, ...), except that
    8-bit Latin-script text is read as Windows-1252 with mixed-in UTF-8 repaired by ftfy. A
    guessed or declared decoding must read as a language (:func:`_language_like`), so random
    bytes are refused like binary files. It cannot tell Central European 8-bit text from
    Windows-1252 without a declaration.
    """
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
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = _declared(data, charset_hint)
        if declared:
            try:
                return _language_like(data.decode(declared), name=name)
            except (UnicodeDecodeError, LookupError):
                pass  # the declared charset is wrong; judge by content below
    if has_nul:
        return _language_like(_bomless_utf16(data, name=name), name=name)
    detected = _detect(data)
    if detected is None:
        raise ArticleLoadError(f"{name} {_NO_LANGUAGE}")
    return _language_like(detected[0], name=name)


def _bomless_utf16(data: bytes, *, name: str) -> str:
    """Bytes with NULs: UTF-16 without a byte-order mark, in any script, or refused as binary.

    UTF-16 puts a NUL in the high byte of every character below U+0100 (spaces, digits, Latin
    letters), so all its NULs fall on one side of the byte pairs: odd offsets for little-endian,
    even for big-endian. The detector must agree that the bytes are UTF-16. It cannot read
    UTF-32 without a mark.
    """
    body = data[: len(data) - len(data) % 2]
    even, odd = body[0::2].count(0), body[1::2].count(0)
    order = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    detected = _detect(body) if order else None
    if order and detected is not None and detected[1].startswith("utf_16"):
        try:
            return body.decode(order)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: binary
    raise ArticleLoadError(f"{name} looks like a binary file (it contains NUL bytes), not an article.")


def sanitise(text: str, *, name: str) -> str:
    """Normalise newlines, refuse control-character soup, drop stray controls, NFC."""
    text = _LONE_SURROGATE.sub("\ufffd", _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")))
    controls = len(_CONTROLS.findall(text))  # category Cc but newline and tab, counted in C
    if controls and controls > max(8, len(text) // 100):
        raise ArticleLoadError(
            f"{name} looks like a binary file (full of control characters), not an article."
        )
    replacement = text.count("\ufffd")
    if replacement and replacement > max(8, len(text) // 20):
        raise ArticleLoadError(f"{name} is not in a text encoding we can read (too many undecodable bytes).")
    if controls:
        text = _ANSI_ESCAPE.sub("", text)
        text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)
