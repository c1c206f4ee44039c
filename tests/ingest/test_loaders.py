"""Loaders in components.ingest.loaders: encodings, header, Markdown, HTML, bad input, folders, samples."""

from __future__ import annotations

import gzip
import io
import re
import warnings
import zipfile
from pathlib import Path

import pytest

from components.ingest import limits
from components.ingest import loaders as articles
from components.ingest.loaders import Article, ArticleLoadError

SENTENCE = "He said “we will rebuild” — the bridge cost €5m.\nThe café reopened."


# --- encodings -------------------------------------------------------------------------------

ENCODING_CASES = [
    pytest.param(SENTENCE.encode("utf-8"), SENTENCE, id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE, id="utf-8-bom"),
    pytest.param(SENTENCE.encode("utf-16"), SENTENCE, id="utf-16-native-bom"),
    pytest.param(b"\xff\xfe" + SENTENCE.encode("utf-16-le"), SENTENCE, id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + SENTENCE.encode("utf-16-be"), SENTENCE, id="utf-16-be-bom"),
    pytest.param(SENTENCE.encode("utf-16-le"), SENTENCE, id="utf-16-le-no-bom"),
    pytest.param(SENTENCE.encode("utf-16-be"), SENTENCE, id="utf-16-be-no-bom"),
    pytest.param(b"\xff\xfe\x00\x00" + SENTENCE.encode("utf-32-le"), SENTENCE, id="utf-32-le-bom"),
    pytest.param(SENTENCE.encode("cp1252"), SENTENCE, id="windows-1252"),
    pytest.param(
        b"The minister said \x93no comment\x94 and left \x96 quickly.",
        "The minister said “no comment” and left – quickly.",
        id="windows-1252-curly-quotes-bytes",
    ),
    pytest.param(
        b"It\x92s \x85 over. Caf\xe9 cr\xe8me, na\xefve, \x80 20.",
        "It’s … over. Café crème, naïve, € 20.",
        id="windows-1252-apostrophe-ellipsis-accents",
    ),
    pytest.param(
        "First part “in UTF-8”. ".encode() + b"Second part \x93in 1252\x94 caf\xe9.",
        "First part “in UTF-8”. Second part “in 1252” café.",
        id="mixed-utf-8-and-windows-1252",
    ),
    pytest.param(
        "Мост через реку закрыли во вторник после шторма, сообщили власти города.".encode("cp1251"),
        "Мост через реку закрыли во вторник после шторма, сообщили власти города.",
        id="cyrillic-cp1251-via-charset-normalizer",
    ),
    pytest.param(b"line one\r\nline two\rline three\n", "line one\nline two\nline three", id="crlf-and-cr"),
    pytest.param("e\u0301te\u0301".encode(), "été", id="nfc-normalised"),
]


@pytest.mark.parametrize(("data", "expected"), ENCODING_CASES)
def test_from_bytes_decodes(data: bytes, expected: str) -> None:
    article = articles.from_bytes(data, filename="upload.txt")
    assert article.text == expected
    assert article.source == "upload.txt"
    assert article.id == articles.content_hash(expected)


@pytest.mark.parametrize(
    ("charset", "data", "expected"),
    [
        pytest.param(
            "iso-8859-1", b"<p>Quote: \x93yes\x94 caf\xe9</p>", "Quote: “yes” café", id="latin1-label-is-1252"
        ),
        pytest.param("koi8-r", "<p>Привет мир</p>".encode("koi8_r"), "Привет мир", id="koi8-r-meta"),
    ],
)
def test_html_meta_charset(charset: str, data: bytes, expected: str) -> None:
    page = b'<html><head><meta charset="' + charset.encode() + b'"></head><body>' + data + b"</body></html>"
    assert articles.from_bytes(page, filename="page.html").text == expected


# --- header and Markdown ---------------------------------------------------------------------

HEADER_CASES = [
    pytest.param(
        "Title: Bridge closes\nOutlet: Valley Courier\nDate: 2026-03-14\nURL: https://courier.example/b\n"
        "Author: Mara Quill\n\nThe bridge closed.",
        {"title": "Bridge closes", "outlet": "Valley Courier", "published": "2026-03-14",
         "url": "https://courier.example/b", "author": "Mara Quill", "text": "The bridge closed."},
        id="full-header",
    ),
    pytest.param(
        "title: Lower case keys\nDATE: March 14, 2026\n\nBody.",
        {"title": "Lower case keys", "published": "2026-03-14", "text": "Body."},
        id="any-case-written-date",
    ),
    pytest.param(
        "\n\nTitle: After blank lines\n\nBody.",
        {"title": "After blank lines", "text": "Body."},
        id="leading-blank-lines",
    ),
    pytest.param(
        "Title: Bad date\nDate: 2026-02-30\n\nBody.",
        {"title": "Bad date", "published": None, "text": "Body."},
        id="invalid-date-is-none",
    ),
    pytest.param(
        "Title: Sneaky link\nURL: javascript:alert(1)\n\nBody.",
        {"url": "", "text": "Body."},
        id="javascript-url-dropped",
    ),
    pytest.param(
        "Title: Not a header\nThis line is prose.\n\nBody.",
        {"title": "", "text": "Title: Not a header\nThis line is prose.\n\nBody."},
        id="prose-in-block-means-no-header",
    ),
    pytest.param(
        "Date: 2026-03-14 is when it happened, the report says.\nMore text.",
        {"published": None, "text": "Date: 2026-03-14 is when it happened, the report says.\nMore text."},
        id="no-blank-line-means-no-header",
    ),
    pytest.param(
        "# The Headline\n\nBody under it.",
        {"title": "The Headline", "text": "Body under it."},
        id="markdown-title",
    ),
    pytest.param(
        "Title: From header\n\n# Markdown heading\n\nBody.",
        {"title": "From header", "text": "# Markdown heading\n\nBody."},
        id="header-title-wins-over-markdown",
    ),
    pytest.param(
        "## Second level\n\nBody.",
        {"title": "", "text": "## Second level\n\nBody."},
        id="h2-is-not-a-title",
    ),
    pytest.param("#hashtag first\nBody.", {"title": "", "text": "#hashtag first\nBody."}, id="hashtag-not-title"),
]


@pytest.mark.parametrize(("raw", "expected"), HEADER_CASES)
def test_header_and_markdown(raw: str, expected: dict[str, object]) -> None:
    for article in (articles.from_bytes(raw.encode(), filename="a.md"), articles.from_text(raw)):
        for key, value in expected.items():
            assert getattr(article, key) == value, key


def test_from_text_arguments_win_over_header() -> None:
    article = articles.from_text(
        "Title: Header title\nOutlet: Header outlet\n\nBody.",
        title="Given", published="14 March 2026", url="ftp://x.example/", source="clipboard",
    )
    assert (article.title, article.outlet, article.published) == ("Given", "Header outlet", "2026-03-14")
    assert article.url == ""  # not http(s)
    assert article.source == "clipboard"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2026-03-14", "2026-03-14", id="iso"),
        pytest.param("2026-03-14T08:30:00Z", "2026-03-14", id="iso-datetime"),
        pytest.param("March 14, 2026", "2026-03-14", id="month-day-year"),
        pytest.param("14 Mar 2026", "2026-03-14", id="day-mon-year"),
        pytest.param("Sat, 14 Mar 2026 10:00:00 GMT", "2026-03-14", id="rfc-2822"),
        pytest.param("2024-02-29", "2024-02-29", id="leap-day"),
        pytest.param("2026-02-30", None, id="no-such-day"),
        pytest.param("March 2026", None, id="partial"),
        pytest.param("yesterday", None, id="relative"),
        pytest.param("soon", None, id="word"),
        pytest.param("", None, id="empty"),
        pytest.param("9" * 200, None, id="too-long"),
        pytest.param(None, None, id="none"),
    ],
)
def test_normalise_date(value: str | None, expected: str | None) -> None:
    assert articles.normalise_date(value) == expected


# --- HTML ------------------------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html><html><head><title>Bridge closes after storm | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2026-03-14T08:00:00Z">
<link rel="canonical" href="https://courier.example/bridge">
<style>body { background: url(javascript:alert(3)) }</style>
<script>var stolen = document.cookie; alert('script-in-head');</script></head>
<body onload="bodyHandler()"><article><h1>Bridge closes after storm</h1>
<p onclick="clickHandler()">The old bridge over the Sorrel river closed on Tuesday after the storm,
officials in Dunmore said.</p>
<p>"We will reopen it when it is safe," said engineer Tomas Brell.
<a href="javascript:alert('link-target')">Read the full statement</a></p>
<p>Traffic was sent over the northern crossing, which added about 12 km to the trip for the
more than 4,000 drivers who use the bridge every day, according to the transport office.</p>
<p>Shop owners on the east bank said the closure came at the worst time of the year.</p>
<img src=x onerror="imgHandler()">
<script>document.write('script-in-body')</script>
<noscript>noscript-fallback</noscript>
</article></body></html>"""


@pytest.fixture(scope="module")
def page_article() -> Article:
    return articles.from_bytes(PAGE, filename="bridge.txt")  # named .txt: judged by content


def test_html_metadata(page_article: Article) -> None:
    assert page_article.title == "Bridge closes after storm"
    assert page_article.outlet == "Valley Courier"
    assert page_article.author == "Mara Quill"
    assert page_article.published == "2026-03-14"
    assert page_article.url == "https://courier.example/bridge"
    assert page_article.text.startswith("The old bridge over the Sorrel river")  # <h1> title not repeated
    assert "Tomas Brell" in page_article.text
    assert "Read the full statement" in page_article.text


@pytest.mark.parametrize(
    "forbidden",
    ["alert", "document.cookie", "script-in-head", "script-in-body", "Handler", "javascript:",
     "onclick", "onerror", "onload", "<", "background"],
)
def test_html_executable_parts_never_reach_text(page_article: Article, forbidden: str) -> None:
    assert forbidden not in page_article.text


@pytest.mark.parametrize(
    ("data", "is_html"),
    [
        pytest.param(b"<p>A paragraph fragment with text.</p>", True, id="fragment"),
        pytest.param(b"  \n<!-- comment -->\n<div>Inside a div.</div>", True, id="comment-first"),
        pytest.param(b"<?xml version='1.0'?><html><body><p>XHTML text.</p></body></html>", True, id="xhtml"),
        pytest.param(b"The <b> tag in prose is not a page.", False, id="prose-mentioning-a-tag"),
        pytest.param(b"a < b and c > d", False, id="comparisons"),
    ],
)
def test_html_sniffed_by_content_not_name(data: bytes, is_html: bool) -> None:
    article = articles.from_bytes(data, filename="looks.html")
    assert ("<" in article.text) is not is_html


# --- bad input -------------------------------------------------------------------------------

def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


BAD_BYTES = [
    pytest.param(b"", "report.txt", r"^report\.txt is empty\.$", id="empty"),
    pytest.param(b"  \r\n\t \n", "report.txt", r"only whitespace", id="whitespace-only"),
    pytest.param("  \n ".encode("utf-16"), "report.txt", r"only whitespace", id="utf-16-whitespace"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.pdf",
                 r"^report\.pdf looks like a binary file \(PDF\), not an article\.$", id="pdf"),
    pytest.param(_zip_bytes(), "report.docx", r"binary file \(ZIP archive or Word/Excel document\)", id="docx"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", r"binary file \(PNG image\)", id="png"),
    pytest.param(gzip.compress(b"<html>" + b"a" * 100_000), "page.html", r"gzip-compressed", id="gzip-html"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "a.md", r"JPEG image", id="jpeg"),
    pytest.param(b"\x7fELF\x02\x01\x01\x00", "run.txt", r"program \(ELF\)", id="elf"),
    pytest.param(b"text\x00with\x00nul\x00bytes here", "a.txt", r"contains NUL bytes", id="nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 50 + b"some text", "a.txt", r"full of control characters", id="controls"),
    pytest.param(b"\xff\xfe\x00\xd8a\x00", "a.txt", r"starts like UTF-16-LE text but is not valid", id="bad-utf-16"),
    pytest.param(b"Title: Only a header\nDate: 2026-01-01\n\n \n", "a.txt", r"header .* but no article text",
                 id="header-only"),
    pytest.param(b"<html><body><script>alert(1)</script><style>p{}</style></body></html>", "a.html",
                 r"web page with no readable article text", id="html-without-text"),
]


@pytest.mark.parametrize(("data", "filename", "message"), BAD_BYTES)
def test_bad_bytes_give_clear_error(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(ArticleLoadError, match=message) as caught:
        articles.from_bytes(data, filename=filename)
    assert "\n" not in str(caught.value)


def test_too_many_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ARTICLE_BYTES", 1_000)
    articles.from_bytes(b"a" * 1_000, filename="ok.txt")
    expected = r"^big\.txt is 1,001 bytes; the limit for one article is 1,000 bytes\.$"
    with pytest.raises(ArticleLoadError, match=expected):
        articles.from_bytes(b"a" * 1_001, filename="big.txt")


def test_too_many_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 50)
    assert articles.from_text("x" * 50).text == "x" * 50
    with pytest.raises(ArticleLoadError, match=r"has 51 characters; the limit for one article is 50"):
        articles.from_text("x" * 51)
    with pytest.raises(ArticleLoadError, match=r"limit for one article is 50"):
        articles.from_bytes("é".encode() * 51, filename="long.txt")
    page = b"<html><head><script>" + b"x" * 5_000 + b"</script></head><body><p>Short text.</p></body></html>"
    assert articles.from_bytes(page, filename="page.html").text == "Short text."  # the limit is on the text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("", r"^The pasted text is empty\.$", id="empty"),
        pytest.param(" \n\t ", r"only whitespace", id="whitespace"),
        pytest.param(b"bytes", r"is not text", id="bytes-not-str"),
        pytest.param(None, r"is not text", id="none"),
    ],
)
def test_from_text_bad(value: object, message: str) -> None:
    with pytest.raises(ArticleLoadError, match=message):
        articles.from_text(value)  # type: ignore[arg-type]


def test_from_path_errors(tmp_path: Path) -> None:
    with pytest.raises(ArticleLoadError, match=r"does not exist"):
        articles.from_path(tmp_path / "missing.txt")
    with pytest.raises(ArticleLoadError, match=r"is a folder"):
        articles.from_path(tmp_path)


def test_from_path_reads_any_extension(tmp_path: Path) -> None:
    file = tmp_path / "story.weird"
    file.write_bytes(b"Title: Odd name\n\nText judged by content.")
    article = articles.from_path(file)
    assert (article.title, article.text, article.source) == ("Odd name", "Text judged by content.", str(file))


# --- folders ---------------------------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a" / "1.md").write_text("# One\n\nFirst.", encoding="utf-8")
    (tmp_path / "b" / "3.html").write_text("<p>Third.</p>", encoding="utf-8")
    (tmp_path / "0.txt").write_bytes("Zeroth “1252”.".encode("cp1252"))
    (tmp_path / ".secret.txt").write_text("Hidden file.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden folder.", encoding="utf-8")
    (tmp_path / "README.md").write_text("Not an article.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return tmp_path


def test_iter_paths_walks_sorted_and_skips(corpus: Path) -> None:
    texts = [a.text for a in articles.iter_paths([corpus])]
    assert texts == ["Zeroth “1252”.", "First.", "Second.", "Third."]


def test_iter_paths_is_lazy(corpus: Path) -> None:
    (corpus / "b" / "4.txt").write_bytes(b"%PDF-1.4 broken")
    stream = articles.iter_paths(corpus)
    assert next(stream).text == "Zeroth “1252”."  # yielded before the bad file is reached
    with pytest.raises(ArticleLoadError, match=r"4\.txt looks like a binary file \(PDF\)"):
        list(stream)


def test_iter_paths_on_error_and_explicit_files(corpus: Path) -> None:
    (corpus / "a" / "bad.txt").write_bytes(b"")
    seen: list[tuple[str, str]] = []
    loaded = list(
        articles.iter_paths(
            [corpus / "a", corpus / "photo.jpg", corpus / "nope.txt", corpus / ".secret.txt"],
            on_error=lambda path, error: seen.append((path.name, str(error))),
        )
    )
    assert [a.text for a in loaded] == ["First.", "Second.", "Hidden file."]
    assert [name for name, _ in seen] == ["bad.txt", "photo.jpg", "nope.txt"]
    assert "JPEG" in seen[1][1]


def test_iter_paths_max_articles(corpus: Path) -> None:
    assert len(list(articles.iter_paths(corpus, max_articles=4))) == 4
    with pytest.raises(ArticleLoadError, match=r"More than 3 articles"):
        list(articles.iter_paths(corpus, max_articles=3))


def test_iter_paths_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(ArticleLoadError, match=r"does not exist"):
        list(articles.iter_paths([tmp_path / "nothing"]))


def test_ensure_room(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ARTICLES_PER_WORKSPACE", 3)
    articles.ensure_room(2)
    articles.ensure_room(0, n_new=3)
    with pytest.raises(ArticleLoadError, match=r"at most 3 articles; it has 3"):
        articles.ensure_room(3)
    with pytest.raises(ArticleLoadError, match=r"at most 10 articles"):
        articles.ensure_room(9, n_new=2, limit=10)


# --- limits ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected", "warns"),
    [
        pytest.param(None, 7, False, id="unset"),
        pytest.param("", 7, False, id="empty"),
        pytest.param("123", 123, False, id="plain"),
        pytest.param("5_000_000", 5_000_000, False, id="underscores"),
        pytest.param("2,000", 2_000, False, id="commas"),
        pytest.param("0", 7, True, id="zero"),
        pytest.param("-5", 7, True, id="negative"),
        pytest.param("lots", 7, True, id="word"),
    ],
)
def test_env_limit(monkeypatch: pytest.MonkeyPatch, raw: str | None, expected: int, warns: bool) -> None:
    if raw is None:
        monkeypatch.delenv("NEWSLENS_TEST_LIMIT", raising=False)
    else:
        monkeypatch.setenv("NEWSLENS_TEST_LIMIT", raw)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert limits.env_limit("TEST_LIMIT", default=7) == expected
    assert bool(caught) is warns


def test_default_limits_match_docs() -> None:
    assert limits.DEFAULT_MAX_ARTICLE_BYTES == 5_000_000
    assert limits.DEFAULT_MAX_ARTICLE_CHARS == 1_000_000
    assert limits.DEFAULT_MAX_ARTICLES_PER_WORKSPACE == 2_000
    assert limits.DEFAULT_MAX_UPLOAD_MB == 50
    assert limits.DEFAULT_MAX_ARTICLE_TOKENS == 200_000
    assert limits.DEFAULT_MAX_HTML_ELEMENTS == 30_000
    for name in ("MAX_ARTICLE_BYTES", "MAX_ARTICLE_CHARS", "MAX_ARTICLE_TOKENS", "MAX_HTML_ELEMENTS",
                 "MAX_ARTICLES_PER_WORKSPACE", "MAX_UPLOAD_MB"):
        assert f"NEWSLENS_{name}" in (limits.__doc__ or "")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        pytest.param("Ilse Varga said 47 people were killed.", 8, 8, id="sentence"),
        pytest.param('"' * 1_000, 1_000, 1_000, id="marks-each-a-token"),
        pytest.param("word\n" * 100, 199, 200, id="lines"),
        pytest.param("a  b\t\tc", 5, 5, id="whitespace-runs"),
        pytest.param("", 0, 0, id="empty"),
    ],
)
def test_estimate_tokens_is_close_to_spacy(text: str, low: int, high: int, nlp) -> None:
    """The loaders' estimate of the parse's tokens: within the bounds, and near spaCy's own count."""
    estimate = limits.estimate_tokens(text)
    assert low <= estimate <= high
    assert abs(estimate - len(nlp.make_doc(text))) <= max(2, len(text) // 100)


# --- record and samples ----------------------------------------------------------------------

def test_record_round_trip() -> None:
    article = articles.from_text("Title: T\nDate: 14 March 2026\n\nSome words here.")
    again = Article.from_dict(article.to_dict())
    assert again == article and again.id == article.id
    assert article.n_words == 3


def _sample_files() -> list[Path]:
    return sorted(articles.SAMPLES_DIR.glob("*.txt")) if articles.SAMPLES_DIR.is_dir() else []


@pytest.mark.skipif(not _sample_files(), reason="sample_articles/ has no .txt files yet")
def test_samples_load() -> None:
    samples = articles.load_samples()
    assert len(samples) == len(_sample_files())
    assert len({a.id for a in samples}) == len(samples)
    for article in samples:
        assert article.source == "sample"
        assert article.title and article.text.strip()
        assert not re.match(r"(?i)^(title|outlet|date|url|author)\s*:", article.text)


def test_load_samples_from_other_folder(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Title: B\n\nBee.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title: A\nOutlet: The Ledger\n\nAy.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Samples\n\nNot an article.", encoding="utf-8")
    assert [(a.title, a.outlet, a.source) for a in articles.load_samples(directory=tmp_path)] == [
        ("A", "The Ledger", "sample"),
        ("B", "", "sample"),
    ]
    (tmp_path / "empty").mkdir()
    assert articles.load_samples(directory=tmp_path / "empty") == []
    with pytest.raises(ArticleLoadError, match=r"does not exist"):
        articles.load_samples(directory=tmp_path / "nope")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(b'<meta property="article:published_time" content="2031-05-06T10:00:00Z">', "2031-05-06",
                     id="future-date-kept-whatever-the-clock"),
        pytest.param(b'<meta name="date" content="2019-11-02">', "2019-11-02", id="meta-date"),
        pytest.param(b"", None, id="no-date-markup-no-guess-from-text"),
    ],
)
def test_html_date_from_markup_only(head: bytes, expected: str | None) -> None:
    body = b"<p>On March 3, 2024 the council met in Brennick. " + b"It talked about roads. " * 20 + b"</p>"
    page = b"<html><head><title>Council</title>" + head + b"</head><body><article>" + body + b"</article></body></html>"
    assert articles.from_bytes(page, filename="council.html").published == expected
