"""Quotation marks: paired into quotation spans, judged as speech or not, and seen token by token.

Curly, straight and guillemet marks are paired per paragraph at character level
(:func:`find_quote_spans`); a quote left open at a paragraph's end continues into the next
paragraph when that one opens with a mark (the news convention), or runs to a closing mark at
the head of a later paragraph. A mark inside a word ("don”t") is no mark. Each span is then
judged: speech, or a term / scare quote / title (:func:`is_speech`). :class:`QuotedDoc` holds
this view of one parsed article, computed once, for the statement finder and the speaker resolver.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from components.language.doctext import doc_text
from components.language.lexicon import quotes as lex


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of quotation marks, as character offsets into the text.

    ``close`` is None when the quote runs to the end of its paragraph without a closing mark.
    ``continues`` is the index (in the list :func:`find_quote_spans` returns) of the span this one
    carries on: the earlier paragraph of a quote over several paragraphs.
    """

    open: int
    close: int | None
    start: int  # first character of the content
    end: int  # one past its last character
    continues: int | None = None


_BEFORE_OPEN = frozenset("([{\u2014\u2013-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}\u2014\u2013-\u2026")


def _mark_role(text: str, i: int) -> str | None:
    """"open", "close", "either", or None for a character that is no quotation mark here."""
    ch = text[i]
    if ch not in lex.OPENING_QUOTES and ch not in lex.CLOSING_QUOTES and ch not in lex.AMBIGUOUS_QUOTES:
        return None
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():  # inside a word: "don”t"
        return None
    opens = prev.isspace() or prev in _BEFORE_OPEN or prev in lex.OPENING_QUOTES
    closes = nxt.isspace() or nxt in _AFTER_CLOSE or nxt in lex.CLOSING_QUOTES
    if ch in lex.OPENING_QUOTES:
        return "close" if closes and not opens else "open"
    if ch in lex.CLOSING_QUOTES:
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    pairs: list[tuple[int, int]] = field(default_factory=list)
    tail: int | None = None  # an opening mark left unclosed
    head: int | None = None  # a closing mark before any opening mark


def paragraphs(text: str) -> list[_Paragraph]:
    paras: list[_Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            paras.append(_Paragraph(start, start + len(stripped)))
        pos += len(line) + 1
    return paras


ALL_MARKS = lex.OPENING_QUOTES | lex.CLOSING_QUOTES | lex.AMBIGUOUS_QUOTES
_SINGLE_RE = re.compile("[" + re.escape(lex.SINGLE_OPEN + lex.SINGLE_CLOSE + "'") + "]")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")


def _pair_marks(text: str, para: _Paragraph) -> None:
    open_at: int | None = None
    for match in _MARK_RE.finditer(text, para.start, para.end):
        i = match.start()
        role = _mark_role(text, i)
        if role is None:
            continue
        if role == "either":
            role = "close" if open_at is not None else "open"
        if role == "open" and open_at is not None and text[i] in lex.AMBIGUOUS_QUOTES:
            role = "close"
        if role == "open":
            open_at = i  # an opener while open: the earlier one was never closed; drop it
        elif open_at is not None:
            para.pairs.append((open_at, i))
            open_at = None
        elif not para.pairs and para.head is None:
            para.head = i
    para.tail = open_at


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the quotation marks of a text into quotation spans, in text order.

    Marks are paired within a paragraph (a line). A quote left open continues into the next
    paragraph when that paragraph opens with a mark (each paragraph of a long quote reopens it;
    the spans are linked through ``continues``), or runs through unmarked paragraphs to a
    closing mark at the head of a later one; otherwise it ends with its own paragraph.

    It cannot pair nested double quotes, and does not look at single quotes (they double as
    apostrophes).
    """
    paras = paragraphs(text)
    for para in paras:
        _pair_marks(text, para)
    spans: list[QuoteSpan] = []
    link: int | None = None  # span that this paragraph's opening quote continues
    for k, para in enumerate(paras):
        events = sorted([*para.pairs, *([(para.tail, -1)] if para.tail is not None else [])])
        next_link: int | None = None
        for n, (o, c) in enumerate(events):
            continues = link if n == 0 and o == para.start else None
            if c != -1:
                start, end = _content(text, o + 1, c)
                spans.append(QuoteSpan(o, c, start, end, continues))
                continue
            # an unclosed quote: closed at the head of a later paragraph (unmarked ones between)...
            close: int | None = None
            if not _opens_with_mark(paras, k + 1):
                for later in paras[k + 1:]:
                    if later.head is not None:
                        close, later.head = later.head, None
                        break
                    if later.pairs or later.tail is not None:
                        break
            if close is not None:
                start, end = _content(text, o + 1, close)
                spans.append(QuoteSpan(o, close, start, end, continues))
                continue
            # ... or it ends with its paragraph, carried on by the next one if that opens with a mark
            start, end = _content(text, o + 1, para.end)
            spans.append(QuoteSpan(o, None, start, end, continues))
            if _opens_with_mark(paras, k + 1):
                next_link = len(spans) - 1
        link = next_link
    return _with_single_quotes(text, paras, spans)


def _single_role(text: str, i: int) -> str | None:
    """"open" or "close" for a single quotation mark (‘ ’ '), or None where it is an apostrophe."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():  # "don’t", "Kestria’s"
        return None
    if (prev.isspace() or prev in _BEFORE_OPEN or prev in lex.OPENING_QUOTES) and nxt.isalnum():
        return None if text[i] == lex.SINGLE_CLOSE else "open"  # ’ before a word: "’90s", "’em"
    if (nxt.isspace() or nxt in _AFTER_CLOSE or nxt in lex.CLOSING_QUOTES) and not prev.isspace():
        return None if text[i] == lex.SINGLE_OPEN else "close"
    return None


def _with_single_quotes(text: str, paras: Sequence[_Paragraph], spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Add the quotations in single marks ('It is a tragedy,' the governor said.), paragraph by paragraph.

    A single mark is an apostrophe unless it opens a word after a space and a later one closes
    after it in the same paragraph ("the soldiers’ families" has no opener, so no quotation).
    Single marks inside a double quotation are quotes within the quote and are left alone.
    """
    double = sorted((s.open, s.close if s.close is not None else s.end) for s in spans)
    singles: list[QuoteSpan] = []
    for para in paras:
        open_at: int | None = None
        for match in _SINGLE_RE.finditer(text, para.start, para.end):
            i = match.start()
            k = bisect.bisect_right(double, (i, len(text))) - 1
            if k >= 0 and double[k][0] < i <= double[k][1]:
                continue
            role = _single_role(text, i)
            if role == "open":
                open_at = i
            elif role == "close" and open_at is not None:
                start, end = _content(text, open_at + 1, i)
                if end > start:
                    singles.append(QuoteSpan(open_at, i, start, end))
                open_at = None
    if not singles:
        return spans
    merged = sorted([*((s, n) for n, s in enumerate(spans)), *((s, None) for s in singles)], key=lambda x: x[0].open)
    where = {n: k for k, (_, n) in enumerate(merged) if n is not None}
    return [s if s.continues is None else replace(s, continues=where[s.continues]) for s, _ in merged]


def _opens_with_mark(paras: Sequence[_Paragraph], k: int) -> bool:
    if k >= len(paras):
        return False
    para = paras[k]
    first = min([o for o, _ in para.pairs] + ([para.tail] if para.tail is not None else []), default=None)
    return first == para.start


# -- token-level view of the quotation spans ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokSpan:
    index: int
    span: QuoteSpan
    open_tok: int
    close_tok: int | None
    first: int  # first content token
    last: int  # one past the last content token
    speech: bool  # speech rather than a term, title or scare quote
    chain: tuple[int, ...]  # every span of the same quote (over paragraphs), in order
    quoted: bool = False  # quoted words inside reported speech (two words or more, not a title)


def _token_index(starts: Sequence[int], char: int) -> int:
    return max(bisect.bisect_right(starts, char) - 1, 0)


def _is_title(words: Sequence[Token]) -> bool:
    alpha = [t for t in words if t.is_alpha]
    return len(alpha) >= 2 and all(t.text[0].isupper() or t.lower_ in lex.TITLE_SMALL_WORDS for t in alpha)


def is_speech(tokens: Sequence[Token]) -> bool:
    """Whether quoted tokens read as speech on their own rather than a term, a name or a title.

    Speech has at least ``MIN_QUOTE_WORDS`` words, or a finite verb and two words; a span whose
    words are all capitalised (small words aside) is a title or a name ("Operation Iron
    Lantern"). It cannot tell a long quoted title written in sentence case from speech.
    """
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or _is_title(words):
        return False
    if len(words) >= lex.MIN_QUOTE_WORDS:
        return True
    return len(words) >= 2 and any(t.tag_ in lex.FINITE_TAGS for t in words)


def is_quoted_words(tokens: Sequence[Token]) -> bool:
    """Whether quoted tokens inside reported speech are the speaker's words (which makes it mixed).

    Two words or more that are no title: "was "still committed" to", not the one-word scare
    quote of "the "terrorist" attack". It cannot tell a two-word label from a phrase.
    """
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return len(words) >= lex.MIN_MIXED_WORDS and not _is_title(words)


def token_spans(doc: Doc, text: str, spans: Sequence[QuoteSpan], starts: Sequence[int]) -> list[TokSpan]:
    chains: dict[int, list[int]] = {}
    root_of: list[int] = []
    for i, span in enumerate(spans):
        root = root_of[span.continues] if span.continues is not None else i
        root_of.append(root)
        chains.setdefault(root, []).append(i)
    chain_of = {root: tuple(members) for root, members in chains.items()}  # one tuple per quote, shared
    result: list[TokSpan] = []
    for i, span in enumerate(spans):
        first = _token_index(starts, span.start)
        last = _token_index(starts, max(span.end - 1, span.start)) + 1
        close_tok = _token_index(starts, span.close) if span.close is not None else None
        chain = chain_of[root_of[i]]
        result.append(
            TokSpan(i, span, _token_index(starts, span.open), close_tok, first, last, False, chain)
        )
    # a quote over paragraphs is speech when any of its paragraphs is; a label never is
    label = {i: text[max(0, s.span.open - 20) : s.span.open].rstrip().lower().endswith(lex.SCARE_PREFIXES)
             for i, s in enumerate(result)}
    speech = {i: not label[i] and is_speech(doc[s.first : s.last]) for i, s in enumerate(result)}
    chain_speech = {root: any(speech[j] for j in chain) for root, chain in chain_of.items()}
    return [
        TokSpan(
            s.index, s.span, s.open_tok, s.close_tok, s.first, s.last, chain_speech[root_of[s.index]], s.chain,
            quoted=speech[s.index] or (not label[s.index] and is_quoted_words(doc[s.first : s.last])),
        )
        for s in result
    ]


class QuotedDoc:
    """Everything one extraction needs about a Doc, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # built once per Doc (components.language.doctext)
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []  # no Token built per word
        self.sent_bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
        self.sent_starts = [a for a, _ in self.sent_bounds]
        self.spans = token_spans(doc, self.text, find_quote_spans(self.text), self.starts)
        self.span_of_token = [-1] * len(doc)  # content tokens and marks -> span index
        self.open_at: dict[int, int] = {}
        self.close_at: dict[int, int] = {}
        for s in self.spans:
            for i in range(s.open_tok, s.last):
                self.span_of_token[i] = s.index
            if s.close_tok is not None:
                self.span_of_token[s.close_tok] = s.index
                self.close_at[s.close_tok] = s.index
            self.open_at[s.open_tok] = s.index
        self.para_starts = [p.start for p in paragraphs(self.text)]

    def in_speech(self, i: int) -> bool:
        s = self.span_of_token[i]
        return s >= 0 and self.spans[s].speech and i != self.spans[s].close_tok and i != self.spans[s].open_tok

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def opens_clause(self, span: TokSpan) -> bool:
        """The quotation starts a sentence, a paragraph, or follows a comma/colon/dash."""
        tok = self.doc[span.open_tok]
        if tok.is_sent_start or tok.i == 0:
            return True
        prev = self.doc[tok.i - 1]
        while prev.is_space and prev.i > 0:
            prev = self.doc[prev.i - 1]
        return prev.is_space or prev.text in lex.FRAME_PUNCT or prev.text in {".", "!", "?"} or "\n" in prev.text

    def starts_sentence(self, span: TokSpan) -> bool:
        """The quotation opens a sentence: at a sentence or paragraph start, or after "." / ".”"."""
        tok = self.doc[span.open_tok]
        if tok.i == 0 or tok.is_sent_start:
            return True
        prev = self.doc[tok.i - 1]
        if prev.is_space:
            return "\n" in prev.text or prev.i == 0 or self.doc[prev.i - 1].text in {".", "!", "?"}
        if prev.text in ALL_MARKS and prev.i > 0:
            prev = self.doc[prev.i - 1]
        return prev.text in {".", "!", "?"}

    def closes_sentence(self, span: TokSpan) -> bool:
        if span.close_tok is None:
            return True
        for tok in self.doc[span.close_tok + 1:]:
            if tok.is_sent_start or "\n" in tok.text:
                return True
            if not (tok.is_punct or tok.is_space):
                return False
        return True
