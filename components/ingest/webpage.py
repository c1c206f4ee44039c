"""HTML pages to article parts: readable text and metadata through trafilatura.

Only the readable text is kept (scripts, styles, event handlers and link targets never reach
it), with title, author, date, site name (as outlet) and canonical URL. HTML is sniffed by its
markup (:func:`looks_like_html`), never by a file name or a Content-Type.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest import limits
from components.ingest.article import ArticleLoadError

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|span|h[1-6]|title|meta|link|"
    r"script|style|noscript|header|footer|nav|table|ul|ol|li|a|b|i|em|strong|br|img|iframe|form|"
    r"svg)[\s>/]|<!--",
    re.I,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html|body)[\s>]", re.I)


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


# A tag, a comment or a declaration; "[^<>]" keeps the scan linear when a "<" is never closed.
_TAG = re.compile(r"<[^<>]*>")
_START_TAG = re.compile(r"<[A-Za-z]")


_RAW_TEXT = re.compile(r"<(script|style)\b", re.I)


def _text_outside_tags(markup: str) -> int:
    """Characters between tags, in one pass, not counting comments, scripts and styles."""
    total, pos, skip_to = 0, 0, ""
    for tag in _TAG.finditer(markup):
        if not skip_to:
            total += tag.start() - pos
        pos = tag.end()
        text = tag.group()
        if skip_to:
            if text[:9].lower().startswith(skip_to):
                skip_to = ""
        elif raw := _RAW_TEXT.match(text):
            skip_to = f"</{raw[1].lower()}"
    return total + (len(markup) - pos if not skip_to else 0)


def check_size(markup: str, *, name: str) -> None:
    """Refuse, before extraction, a page too big to become an article under the limits.

    Counted in one linear pass: its elements (start tags) against ``limits.MAX_HTML_ELEMENTS``,
    and its text outside tags (not scripts and styles) against twice
    ``limits.MAX_ARTICLE_CHARS``, since the article is a part of that text. It cannot see how
    much of a page is boilerplate: a page under both caps may still give an article over the
    character limit, refused after extraction.

    Raises:
        ArticleLoadError: too many elements, or far too much text.
    """
    elements = len(_START_TAG.findall(markup))
    if elements > limits.MAX_HTML_ELEMENTS:
        raise ArticleLoadError(
            f"{name} is a web page of {elements:,} elements; the most we read is {limits.MAX_HTML_ELEMENTS:,} "
            "(an article page has a few thousand)."
        )
    text = _text_outside_tags(markup)
    cap = limits.MAX_ARTICLE_CHARS
    if text > 2 * cap:
        raise ArticleLoadError(
            f"{name} is a web page with {text:,} characters of text; an article may have at most {cap:,}."
        )


def html_to_parts(markup: str, *, name: str, url: str) -> dict[str, Any]:
    """Extract readable text and metadata from HTML with trafilatura (after :func:`check_size`)."""
    check_size(markup, name=name)
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
