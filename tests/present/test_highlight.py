"""Reading view HTML: everything from the article is escaped; marks nest and keep their text."""

from __future__ import annotations

import html
import re

import pytest

from components.present.highlight import Mark, render_html, sentence_html

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "</span><script>alert('x')</script>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
]


def _visible_text(markup: str) -> str:
    body = markup.split('<div class="nl-read">', 1)[1]
    return html.unescape(re.sub(r"<[^>]+>", "", body.replace("<br>", "\n").replace("</p><p>", "\n\n")))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_article_text_is_escaped(payload: str) -> None:
    text = f"Ilse Varga said {payload} on Monday."
    out = render_html(text, [Mark(0, 10, "nl-ent", payload), Mark(16, 16 + len(payload), "nl-quote", payload)])
    assert "<script" not in out.lower()
    assert "<img" not in out and "<svg" not in out and "<iframe" not in out and "<a " not in out
    assert _visible_text(out) == text


def test_overlapping_marks_split_into_segments() -> None:
    text = "Varga said “we will hold Halden” today."
    quote = Mark(11, 32, "nl-quote", "Ilse Varga")
    name = Mark(25, 31, "nl-ent", "Halden (GPE)")
    out = render_html(text, [quote, name])
    assert 'class="nl-ent nl-quote" title="Halden (GPE)">Halden<' in out
    assert _visible_text(out) == text


def test_paragraphs_and_bad_offsets() -> None:
    text = "First paragraph.\n\nSecond one."
    out = render_html(text, [Mark(-5, 3, "nl-fig"), Mark(5, 999, "nl-fig"), Mark(0, 5, "nl-fig")])
    assert out.count("<p>") == 2
    assert _visible_text(out) == text


def test_sentence_html_focuses_a_span() -> None:
    text = "Intro. Nine people were killed in Marlow. Outro."
    out = sentence_html(text, 7, 41, focus=(7, 11))
    assert '<span class="nl-fig" title="">Nine</span>' in out
    assert "Intro" not in out and "Outro" not in out
