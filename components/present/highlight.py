"""The reading view as HTML: the article text, escaped, with entities, quotes and figures marked.

Article text is untrusted: every character of it goes through ``html.escape``; the only markup
is the ``<span>`` and ``<p>`` tags written here, and titles/labels are escaped too. Overlapping
marks (a name inside a quote) are split into segments, each carrying every mark over it.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STYLE = """
<style>
.nl-read{font-family:Georgia,serif;line-height:1.65;font-size:1.02rem}
.nl-read p{margin:0 0 .8em 0}
.nl-ent{border-bottom:2px solid #4c78a8}
.nl-quote{background:#fff3c4}
.nl-fig{background:#d9f2d0;font-weight:600}
.nl-focus{outline:2px solid #e45756}
.nl-legend span{margin-right:1em;padding:0 .3em}
</style>
"""
LEGEND = (
    '<div class="nl-legend"><span class="nl-ent">entity</span><span class="nl-quote">quote (hover: speaker)</span>'
    '<span class="nl-fig">figure</span></div>'
)


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str  # one of nl-ent, nl-quote, nl-fig, nl-focus
    title: str = ""


def _segments(length: int, marks: Sequence[Mark]) -> list[tuple[int, int, list[Mark]]]:
    cuts = {0, length}
    for mark in marks:
        cuts.add(max(0, min(length, mark.start)))
        cuts.add(max(0, min(length, mark.end)))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        active = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        out.append((a, b, active))
    return out


def render_html(text: str, marks: Iterable[Mark], *, legend: bool = True) -> str:
    """Escaped HTML of ``text`` with ``marks`` as spans; paragraphs at blank lines.

    It cannot show two different titles on one segment; the innermost mark's title wins.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    parts: list[str] = [STYLE, LEGEND if legend else "", '<div class="nl-read"><p>']
    for a, b, active in _segments(len(text), marks):
        chunk = html.escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        if not active:
            parts.append(chunk)
            continue
        classes = " ".join(sorted({m.css for m in active}))
        inner = min(active, key=lambda m: m.end - m.start)
        title = html.escape(inner.title, quote=True)
        parts.append(f'<span class="{classes}" title="{title}">{chunk}</span>')
    parts.append("</p></div>")
    return "".join(parts)


def sentence_html(text: str, start: int, end: int, *, focus: tuple[int, int] | None = None) -> str:
    """One sentence of an article, escaped, with an optional focused span (a number, a quote)."""
    marks = [Mark(focus[0], focus[1], "nl-fig")] if focus else []
    local = [Mark(m.start - start, m.end - start, m.css) for m in marks]
    return render_html(text[start:end], local, legend=False)
