"""Markup from articles never becomes markup on the page or in the report.

Thirty-odd injection payloads go into article titles, outlets, bodies, quoted words, entity
names and side names, and through every place that turns them into HTML or Markdown: the reading view, the
sentence view, the offline HTML report (tables and chart data inside its scripts) and the
Markdown the page writes around names (``escape_markdown``). Each output is parsed back and
must hold only the elements we write ourselves, with no event handler and no script URL.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from components.analysis import AnalysisSettings, analyze
from components.ingest.loaders import Article
from components.present.highlight import Mark, render_html, sentence_html
from components.present.report import build_report
from components.present.safe_markdown import escape_markdown

PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "<!--<script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "<iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=javascript&colon;alert(1)>x</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<base href=//evil.example/>",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<marquee onstart=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`${alert(1)}`",
    "{{constructor.constructor('alert(1)')()}}",
    "[click](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    "<https://evil.example>",
    ":red[alarm] :material/warning: $x^2$",
]

#: Elements the report and the reading view write themselves.
OWN_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "script", "body", "h1", "h2", "p", "em", "div", "span", "br",
    "table", "thead", "tbody", "tr", "th", "td", "b", "strong", "ul", "li", "small", "mark", "sup",
})


class _Elements(HTMLParser):
    """Every start tag with its attributes; script and style bodies are read as text, as browsers do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser.tags


def _assert_inert(markup: str, *, scripts: int = 0) -> None:
    found = _elements(markup)
    foreign = sorted({tag for tag, _ in found} - OWN_TAGS)
    assert not foreign, f"elements from the input became markup: {foreign}"
    for tag, attrs in found:
        assert not [a for a in attrs if a.startswith("on")], f"event handler on <{tag}>: {attrs}"
        urls = [v for k, v in attrs.items() if k != "title" and v and "javascript:" in v.lower()]
        assert not urls, f"script URL on <{tag}>"  # a title attribute shows such text as a tooltip, inert
        assert set(attrs) <= {"class", "title", "id", "charset", "border", "style"}, f"<{tag}> {attrs}"
        if tag == "style":
            assert attrs == {}
    assert [tag for tag, _ in found].count("script") == scripts


@pytest.mark.parametrize("payload", PAYLOADS)
def test_reading_view_shows_the_payload_as_text(payload: str) -> None:
    text = f"Harbour Minister Ilse Varga said {payload} on Monday in Halden."
    start = text.index(payload)
    marks = [Mark(0, 27, "nl-ent", payload), Mark(start, start + len(payload), "nl-quote", payload)]
    out = render_html(text, marks)
    _assert_inert(out)
    assert html.escape(payload) in out
    sentence = sentence_html(text, 0, len(text), focus=(start, start + len(payload)))
    _assert_inert(sentence)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_around_names_renders_the_payload_literally(payload: str) -> None:
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
        f"Filtered by **{escape_markdown(payload)}**: tables below.")
    tags = {tag for tag, _ in _elements(rendered)}
    assert tags == {"p", "strong"}, rendered
    inner = rendered.split("<strong>", 1)[1].split("</strong>", 1)[0]
    assert html.unescape(inner) == payload


@pytest.fixture(scope="module")
def report_of_payloads() -> str:
    articles = [
        Article(
            text=(f"Harbour Minister Ilse Varga said, \"{payload} will not stop the ferries.\" "
                  f"Nine people were killed in Halden, according to {payload}. "
                  f"Varga met Oren Daske{payload} in Marlow on Tuesday."),
            title=f"Ferries {payload}",
            outlet=f"Halden Post {payload}",
            published="2026-03-03",
        )
        for payload in PAYLOADS
    ]
    # a side the user typed in the page (an override) is drawn as a colour in the charts' legends
    side = "</script><svg onload=alert(1)>"
    analysis = analyze(articles, settings=AnalysisSettings(side_overrides=(("Ilse Varga", side),)))
    assert side in {q.side for a in analysis.articles for q in a.quotes}
    return build_report(analysis, title=f"Report {PAYLOADS[0]}")


def test_report_holds_no_markup_from_titles_outlets_quotes_or_entity_names(report_of_payloads: str) -> None:
    # two scripts are ours: the chart libraries and the chart specs; nothing from the articles adds one
    _assert_inert(report_of_payloads, scripts=2)


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "<" in p])
def test_report_never_carries_a_payload_raw(report_of_payloads: str, payload: str) -> None:
    assert payload not in report_of_payloads
    assert html.escape(payload) in report_of_payloads or html.escape(payload, quote=False) in report_of_payloads


def test_chart_data_in_the_report_cannot_close_its_script(report_of_payloads: str) -> None:
    ours = report_of_payloads.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    assert "vegaEmbed" in ours
    assert "<" not in ours, "chart specs are written with < escaped, so no text can end the script"
