"""Bytes to text (components.ingest.decode): every encoding we claim to read, and junk refused.

Each claimed encoding is a news sentence encoded in it and loaded as an upload with no
declaration: the text must come back exactly. Junk (random bytes of every kind) must be refused
with the binary-file message, and the command line must exit 2 on it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from components.__main__ import main
from components.ingest import loaders
from components.ingest.loaders import ArticleLoadError

JAPANESE = "東京で火曜日、大雨のため川が氾濫し、少なくとも十二人が死亡したと当局が発表した。政府は救助隊を派遣した。"
CHINESE_TRADITIONAL = "台北市政府週二表示，颱風造成至少三人死亡，數百人被迫撤離家園。救援人員仍在搜索失蹤者。"
CHINESE_SIMPLIFIED = "北京市政府周二表示，台风造成至少三人死亡，数百人被迫撤离家园。救援人员仍在搜索失踪者。"
KOREAN = "서울시는 화요일 태풍으로 최소 세 명이 숨졌다고 밝혔다. 수백 명이 집을 떠나야 했다."
RUSSIAN = "Мост через реку закрыли во вторник после шторма, сообщили власти города. Погибли три человека."
GREEK = "Η γέφυρα έκλεισε την Τρίτη μετά την καταιγίδα, ανακοίνωσαν οι αρχές της πόλης. Τρεις άνθρωποι σκοτώθηκαν."
GERMAN = "Die Brücke wurde am Dienstag nach dem Sturm geschlossen, teilten die Behörden mit. Grüße aus Köln."
SPANISH = "El año pasado, la ciudad cerró el puente. «Nunca más», dijo el alcalde. Niñas y niños esperaban."
FRENCH = "Le maire a déclaré : « Nous reconstruirons le pont », après la crue. Crème brûlée, naïve idée."
ENGLISH = "Ilse Varga said the bridge at Brenna would reopen on Monday, after 47 people were killed."

# (text, codec): no byte-order mark, no declared charset; the detector (or the Windows-1252 rule
# for 8-bit Latin-script text) must find it.
CLAIMED = [
    pytest.param(JAPANESE, "shift_jis", id="shift-jis"),
    pytest.param(JAPANESE, "euc_jp", id="euc-jp"),
    pytest.param(CHINESE_TRADITIONAL, "big5", id="big5"),
    pytest.param(CHINESE_SIMPLIFIED, "gb18030", id="gb18030"),
    pytest.param(CHINESE_SIMPLIFIED, "gbk", id="gbk"),
    pytest.param(KOREAN, "euc_kr", id="euc-kr"),
    pytest.param(RUSSIAN, "cp1251", id="windows-1251"),
    pytest.param(RUSSIAN, "iso8859_5", id="iso-8859-5"),
    pytest.param(GREEK, "iso8859_7", id="iso-8859-7"),
    pytest.param(GREEK, "cp1253", id="windows-1253"),
    pytest.param(GERMAN, "cp1252", id="windows-1252-german"),
    pytest.param(SPANISH, "cp1252", id="windows-1252-spanish"),
    pytest.param(FRENCH, "cp1252", id="windows-1252-french"),
    pytest.param(GREEK, "utf-16-le", id="utf-16-le-no-bom-greek"),
    pytest.param(GREEK, "utf-16-be", id="utf-16-be-no-bom-greek"),
    pytest.param(RUSSIAN, "utf-16-be", id="utf-16-be-no-bom-russian"),
    pytest.param(JAPANESE, "utf-16-le", id="utf-16-le-no-bom-japanese"),
    pytest.param(ENGLISH, "utf-16-le", id="utf-16-le-no-bom-english"),
    pytest.param(JAPANESE, "utf-8", id="utf-8-japanese"),
    pytest.param(
        RUSSIAN, "koi8_r", id="koi8-r-undeclared",
        marks=pytest.mark.xfail(strict=True, reason="charset-normalizer reads undeclared KOI8-R as Shift-JIS "
                                                    "half-width katakana; KOI8-R is read when declared"),
    ),
]


@pytest.mark.parametrize(("text", "codec"), CLAIMED)
def test_claimed_encoding_is_read(text: str, codec: str) -> None:
    assert loaders.from_bytes(text.encode(codec), filename="upload.txt").text == text


def test_declared_charset_wins_over_the_detector() -> None:
    page = b'<html><head><meta charset="koi8-r"></head><body><p>' + RUSSIAN.encode("koi8_r") + b"</p></body></html>"
    assert loaders.from_bytes(page, filename="page.html").text == RUSSIAN


RNG = random.Random(15)
BINARY_MESSAGE = r"looks like a binary file \(its bytes read as no language in any encoding\), not an article\.$"
NUL_MESSAGE = r"looks like a binary file \(it contains NUL bytes\), not an article\.$"

# (bytes, message): junk, refused with the message binary files get.
JUNK = [
    pytest.param(bytes(RNG.randrange(0x80, 0x100) for _ in range(3_000)), BINARY_MESSAGE, id="3000-random-high-bytes"),
    pytest.param(bytes(RNG.randrange(0x80, 0x100) for _ in range(200)), BINARY_MESSAGE, id="200-random-high-bytes"),
    pytest.param(bytes(RNG.randrange(1, 0x100) for _ in range(3_000)), BINARY_MESSAGE, id="random-bytes-without-nul"),
    pytest.param(RNG.randbytes(3_000), NUL_MESSAGE, id="random-bytes-with-nul"),
    pytest.param(b"text\x00with\x00nul\x00bytes here", NUL_MESSAGE, id="nul-on-both-sides-of-the-pairs"),
    pytest.param(GREEK.encode("utf-16-le")[:-2] + b"\x00\x00\x41", NUL_MESSAGE, id="utf-16-with-a-stray-nul"),
    pytest.param("⌘⍟⎈⏏⌬⍾⎔⏣".encode("utf-16-le") * 200, BINARY_MESSAGE, id="utf-16-of-symbols"),
]


@pytest.mark.parametrize(("data", "message"), JUNK)
def test_junk_is_refused_as_binary(data: bytes, message: str) -> None:
    with pytest.raises(ArticleLoadError, match=message):
        loaders.from_bytes(data, filename="junk.txt")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"Text with \x81\x8d\x8f\x90\x9d undefined bytes and more words.",
                     "Text with undefined bytes and more words.", id="undefined-1252-bytes-dropped"),
        pytest.param(b"The minister said \x93no comment\x94.", "The minister said “no comment”.", id="c1-quotes"),
        pytest.param("First “UTF-8”. ".encode() + b"Then \x93Windows-1252\x94 caf\xe9.",
                     "First “UTF-8”. Then “Windows-1252” café.", id="mixed-repaired-by-ftfy"),
    ],
)
def test_western_text_with_oddities_is_read(data: bytes, expected: str) -> None:
    assert " ".join(loaders.from_bytes(data, filename="odd.txt").text.split()) == expected


def test_command_line_exits_2_on_junk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(RNG.randrange(0x80, 0x100) for _ in range(3_000)))
    assert main(["analyze", str(junk)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().startswith("error: junk.txt looks like a binary file")
    assert len(captured.err.strip().splitlines()) == 1
