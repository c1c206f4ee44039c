"""The loaders: pasted text, uploaded bytes, files and folders, URLs, and the bundled samples.

Every loader returns an :class:`~components.ingest.article.Article` or raises
:class:`~components.ingest.article.ArticleLoadError` whose message is one line a user understands
(``"report.pdf looks like a binary file (PDF), not an article."``); no other exception escapes a
loader.

What a loader does with its input, in order:

1. size: more than ``limits.MAX_ARTICLE_BYTES`` bytes is refused before anything else;
2. type and encoding (:mod:`components.ingest.decode`);
3. HTML (sniffed by its markup) goes through trafilatura (:mod:`components.ingest.webpage`);
4. plain text may start with a metadata header (:mod:`components.ingest.metadata`); it sets
   the metadata and is removed from the text;
5. ``limits.MAX_ARTICLE_CHARS`` caps the decoded text, ``limits.MAX_ARTICLE_TOKENS`` its words and
   punctuation marks (estimated); an empty result is refused.

Loaders cannot recover text from PDFs, Office documents or images, and they do not follow links
inside a page. URLs are fetched through :mod:`components.ingest.fetch` (SSRF guard).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from components.ingest import limits
from components.ingest.article import Article, ArticleLoadError, content_hash
from components.ingest.decode import binary_kind, decode_bytes, sanitise
from components.ingest.metadata import (
    clean_meta,
    drop_title_line,
    leading_headline,
    markdown_title,
    normalise_date,
    safe_url,
    split_header,
)
from components.ingest.webpage import html_to_parts, looks_like_html

__all__ = ["Article", "ArticleLoadError", "content_hash"]


# --- constants -------------------------------------------------------------------------------

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "sample_articles"
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
# Files a directory walk skips even with an article suffix: they describe a folder, not news.
NOT_ARTICLE_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})


def _check_chars(text: str, *, name: str) -> None:
    cap = limits.MAX_ARTICLE_CHARS
    if len(text) > cap:
        raise ArticleLoadError(
            f"{name} has {len(text):,} characters; the limit for one article is {cap:,}."
        )
    _check_tokens(text, name=name)


def _check_tokens(text: str, *, name: str) -> None:
    cap = limits.MAX_ARTICLE_TOKENS
    if len(text) > cap and (estimate := limits.estimate_tokens(text)) > cap:
        raise ArticleLoadError(
            f"{name} has about {estimate:,} words and punctuation marks; the limit for one article is {cap:,}."
        )


def _check_bytes(size: int, *, name: str) -> None:
    cap = limits.MAX_ARTICLE_BYTES
    if size > cap:
        shown, limit = limits.size_pair(size, cap)
        raise ArticleLoadError(f"{name} is {shown}; the limit for one article is {limit}.")


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
        found = html_to_parts(text, name=name, url=url)
        body = sanitise(found.pop("text"), name=name)
        body = drop_title_line(body.strip("\n"), clean_meta(found.get("title")))
        if not body.strip():
            raise ArticleLoadError(f"{name} is a web page with no readable article text.")
    else:
        found, body = split_header(text)
        if found and not body.strip():
            raise ArticleLoadError(f"{name} has a header (Title:, Date:, ...) but no article text after it.")
        if not (title or found.get("title")):
            md_title, body = markdown_title(body)
            if md_title:
                found["title"] = md_title
    body = body.strip()
    if not body:
        raise ArticleLoadError(f"{name} has no article text.")
    _check_chars(body, name=name)
    return Article(
        text=body,
        title=clean_meta(title or found.get("title") or leading_headline(body)),
        outlet=clean_meta(outlet or found.get("outlet")),
        author=clean_meta(author or found.get("author")),
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
    kind = binary_kind(data)
    if kind:
        raise ArticleLoadError(f"{name} looks like a binary file ({kind}), not an article.")
    text = sanitise(decode_bytes(data, name=name, charset_hint=charset_hint), name=name)
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
    clean = sanitise(text, name=name)
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
    name = clean_meta(filename) or "The file"
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
    """Load an article from a web page through the SSRF guard (:mod:`components.ingest.urlguard`).

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
        ArticleLoadError: Refused URL or address (the cause is a ``urlguard.UrlRefusedError``),
            unreachable, timeout, HTTP error status, too large, or content that is not an
            article. The cause (``__cause__``) is the guard's error when there is one.
    """
    from components.ingest import fetch  # the network client, only for URLs

    policy = fetch.FetchPolicy(
        timeout=timeout,
        max_bytes=max_bytes,
        allow_private=allow_private,
        allowed_endpoints=frozenset(allowed_endpoints),
    )
    try:
        result = fetch.fetch(url, policy=policy)
    except fetch.NetError as exc:
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
