"""Quotes and who said them: direct, indirect and mixed statements with resolved speakers.

The extraction runs in three passes over one parsed ``Doc``, computing first and annotating last
(as spaCy's pipes do):

1. **Quotation marks** (:func:`find_quote_spans`), at character level: curly, straight and
   guillemet marks are paired per paragraph; a quote left open at a paragraph's end continues
   into the next paragraph when that one opens with a mark (the news convention), or runs to a
   closing mark at the head of a later paragraph. A mark inside a word ("don”t") is no mark.
   Each span is then judged: speech, or a term / scare quote / title (:func:`is_speech`).
2. **Cues**: reporting verbs from :mod:`components.lexicon.quotes` found by a ``Matcher``, and
   "according to". Each cue gets its speaker from the parse (``nsubj``; for "adding ..." and
   "saying ..." the subject of the governing cue) and its content from one of these frames:
   a quotation beside it (``"...," X said`` / ``X said, "..."`` / both: a split quote), the
   clause it governs (``ccomp``: indirect, or mixed when that clause holds quoted words or is
   reported with "that"), the infinitive of an order ("warned residents not to return"), a
   statement-like object ("announced $4 million in aid"), the clause it is set off inside
   ("..., officials say, ..."), or the clause an "according to X" phrase hangs from. Quoted
   speech governed by another verb ("called it "a betrayal of ..."") is its subject's, mixed.
   A quotation with no cue that stands as a sentence of its own inherits the last speaker, and
   joins that speaker's quotation when it follows it in the same paragraph.
3. **Speakers** are resolved in text order: names to canonical entities (titles dropped,
   surnames to full names), pronouns to the nearest compatible earlier speaker, "the ministry"
   / "the minister" / "the statement" to the earlier organisation, person or document, "a
   spokesman for the ministry" to the ministry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from components.doctext import doc_text
from components.entities import EntityIndex, Mention, is_personal_title
from components.lexicon import quotes as lex
from components.lexicon.names import LEADING_DETERMINERS, TITLE_WORDS

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "country-or-capital", "document", "unnamed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement. Offsets are character offsets into the article text."""

    speaker: str  # canonical name, never a pronoun
    speaker_text: str  # as written: "He", "The statement", "Maj. Gen. Pat Ryder"
    speaker_type: SpeakerType
    cue: str  # "said", "according to", "reads", "continued"
    kind: QuoteKind
    text: str  # the content only, without cue and speaker
    start: int  # content offsets
    end: int
    speaker_start: int | None
    speaker_end: int | None
    sentence_start: int
    sentence_end: int
    side: str | None = None
    # the content's pieces when it is split ("A," she said, "B."): (start, end) each; ``text``
    # joins them with a space, and start/end span them all
    parts: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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


# -- 1. quotation marks -------------------------------------------------------------------------

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


def _paragraphs(text: str) -> list[_Paragraph]:
    paras: list[_Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            paras.append(_Paragraph(start, start + len(stripped)))
        pos += len(line) + 1
    return paras


_ALL_MARKS = lex.OPENING_QUOTES | lex.CLOSING_QUOTES | lex.AMBIGUOUS_QUOTES
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")


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
    paras = _paragraphs(text)
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
    return spans


def _opens_with_mark(paras: Sequence[_Paragraph], k: int) -> bool:
    if k >= len(paras):
        return False
    para = paras[k]
    first = min([o for o, _ in para.pairs] + ([para.tail] if para.tail is not None else []), default=None)
    return first == para.start


# -- token-level view of the quotation spans ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _TokSpan:
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


def _token_spans(doc: Doc, text: str, spans: Sequence[QuoteSpan], starts: Sequence[int]) -> list[_TokSpan]:
    chains: dict[int, list[int]] = {}
    root_of: list[int] = []
    for i, span in enumerate(spans):
        root = root_of[span.continues] if span.continues is not None else i
        root_of.append(root)
        chains.setdefault(root, []).append(i)
    result: list[_TokSpan] = []
    for i, span in enumerate(spans):
        first = _token_index(starts, span.start)
        last = _token_index(starts, max(span.end - 1, span.start)) + 1
        close_tok = _token_index(starts, span.close) if span.close is not None else None
        chain = tuple(chains[root_of[i]])
        result.append(
            _TokSpan(i, span, _token_index(starts, span.open), close_tok, first, last, False, chain)
        )
    # a quote over paragraphs is speech when any of its paragraphs is; a label never is
    label = {i: text[max(0, s.span.open - 20) : s.span.open].rstrip().lower().endswith(lex.SCARE_PREFIXES)
             for i, s in enumerate(result)}
    speech = {i: not label[i] and is_speech(doc[s.first : s.last]) for i, s in enumerate(result)}
    return [
        _TokSpan(
            s.index, s.span, s.open_tok, s.close_tok, s.first, s.last, any(speech[j] for j in s.chain), s.chain,
            quoted=speech[s.index] or (not label[s.index] and is_quoted_words(doc[s.first : s.last])),
        )
        for s in result
    ]


# -- 2. cues ---------------------------------------------------------------------------------------

_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}
_MATCHER_CACHE_SIZE = 4  # one model in the app; tests build a few blank vocabularies
_VERBAL = ["VERB", "AUX"]


def _matcher(vocab: Vocab) -> Matcher:
    """The cue matcher for a vocabulary, built once (the cache holds the vocab, so its id stays its own)."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    while len(_MATCHERS) >= _MATCHER_CACHE_SIZE:
        _MATCHERS.pop(next(iter(_MATCHERS)))
    matcher = Matcher(vocab)
    not_clause = {"NOT_IN": sorted(lex.NON_CLAUSE_DEPS)}
    matcher.add("CUE", [[{"LEMMA": {"IN": sorted(lex.REPORTING_VERBS)}, "POS": {"IN": _VERBAL}, "DEP": not_clause}]])
    matcher.add("FRAME_CUE", [[{"LEMMA": {"IN": sorted(lex.FRAME_ONLY_VERBS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    matcher.add("CLAIM_CUE", [[{"LEMMA": {"IN": sorted(lex.CLAIM_ONLY_VERBS)}, "POS": {"IN": _VERBAL},
                                "DEP": not_clause}]])
    matcher.add("SOURCE", [[{"LOWER": word} for word in phrase] for phrase in lex.SOURCE_PHRASES])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


@dataclass(slots=True)
class _Candidate:
    """A statement found but not yet given a speaker name."""

    cue: Token | None
    cue_text: str
    speaker: Token | None  # head of the speaker phrase (None: inherit the last speaker)
    kind: QuoteKind
    ranges: list[tuple[int, int]]  # character ranges of the content
    spans: tuple[int, ...]  # quotation spans used
    needs_name: bool = False
    position: int = 0  # character offset that orders candidates
    para: int = 0


class _Article:
    """Everything one extraction needs about a Doc, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # built once per Doc (components.doctext)
        self.starts = [t.idx for t in doc]
        self.sent_bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
        self.sent_starts = [a for a, _ in self.sent_bounds]
        self.spans = _token_spans(doc, self.text, find_quote_spans(self.text), self.starts)
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
        self.para_starts = [p.start for p in _paragraphs(self.text)]

    def in_speech(self, i: int) -> bool:
        s = self.span_of_token[i]
        return s >= 0 and self.spans[s].speech and i != self.spans[s].close_tok and i != self.spans[s].open_tok

    def para_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def opens_clause(self, span: _TokSpan) -> bool:
        """The quotation starts a sentence, a paragraph, or follows a comma/colon/dash."""
        tok = self.doc[span.open_tok]
        if tok.is_sent_start or tok.i == 0:
            return True
        prev = self.doc[tok.i - 1]
        while prev.is_space and prev.i > 0:
            prev = self.doc[prev.i - 1]
        return prev.is_space or prev.text in lex.FRAME_PUNCT or prev.text in {".", "!", "?"} or "\n" in prev.text

    def starts_sentence(self, span: _TokSpan) -> bool:
        """The quotation opens a sentence: at a sentence or paragraph start, or after "." / ".”"."""
        tok = self.doc[span.open_tok]
        if tok.i == 0 or tok.is_sent_start:
            return True
        prev = self.doc[tok.i - 1]
        if prev.is_space:
            return "\n" in prev.text or prev.i == 0 or self.doc[prev.i - 1].text in {".", "!", "?"}
        if prev.text in _ALL_MARKS and prev.i > 0:
            prev = self.doc[prev.i - 1]
        return prev.text in {".", "!", "?"}

    def closes_sentence(self, span: _TokSpan) -> bool:
        if span.close_tok is None:
            return True
        for tok in self.doc[span.close_tok + 1:]:
            if tok.is_sent_start or "\n" in tok.text:
                return True
            if not (tok.is_punct or tok.is_space):
                return False
        return True


def _subtree_range(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in lex.SUBJECT_DEPS and c.pos_ in lex.SUBJECT_POS]
    if len(subjects) > 1:  # "« Nous resterons », said X": the quotation is no subject
        subjects.sort(key=lambda c: any(t.text in _ALL_MARKS for t in c.subtree))
    if subjects:
        return subjects[0]
    if verb.lemma_.lower() in lex.PASSIVE_SPEAKER_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _is_cue(token: Token) -> bool:
    return token.lemma_.lower() in lex.REPORTING_VERBS and token.pos_ in _VERBAL


def _speaker_head(verb: Token) -> Token | None:
    """The head of the speaker phrase of a cue.

    A cue without a subject ("..., adding ...", "beyond saying ...") takes the subject of the
    nearest governing cue, else of the nearest governing verb; failing that, a subject or a
    name just before it that the parser attached elsewhere ("X, 71, said").
    """
    own = _subject(verb)
    if own is not None:
        return own
    fallback: Token | None = None
    node = verb
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in _VERBAL:
            continue
        subject = _subject(node)
        if subject is None:
            continue
        if _is_cue(node):
            return subject
        if fallback is None:
            fallback = subject
    return fallback or _stranded_subject(verb)


def _stranded_subject(verb: Token) -> Token | None:
    """A speaker the parser hung elsewhere: "X, visiting the city, said" or "X, 71, said"."""
    lefts = [t for t in verb.subtree if t.i < verb.i]
    subjects = [t for t in lefts if t.dep_ in lex.SUBJECT_DEPS and t.pos_ in lex.SUBJECT_POS]
    if subjects and subjects[-1].head.i < verb.i and subjects[-1].head.dep_ in {"advcl", "acl"}:
        return subjects[-1]
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start:
        tok = verb.doc[i]
        if tok.ent_type_ in lex.SPEAKER_ENTITY_LABELS and tok.pos_ == "PROPN":
            return tok
        if not (tok.is_punct or tok.like_num or tok.is_space or tok.dep_ == "appos"):
            return None
        i -= 1
    return None


def _asserts(verb: Token) -> bool:
    """False for a cue that reports nothing: negated, "refused to say", or "Asked whether ..."."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in lex.PARTICIPLE_DEPS and not any(c.dep_ == "aux" for c in verb.children):
        return False  # a passive participle: the question put to someone, not their answer
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.NON_ASSERTIVE_GOVERNORS)


class _Finder:
    """Finds the candidates of one article."""

    def __init__(self, art: _Article) -> None:
        self.art = art
        self.doc = art.doc
        self.used: set[int] = set()  # quotation spans already attributed
        self.own_record: set[int] = set()  # subjectless cues that carry their own statement
        self.clause_cues: set[int] = set()  # cues that govern a clause of their own

    # frames --------------------------------------------------------------------------------------
    def _after_frame(self, cue: Token, subject: Token | None) -> int | None:
        """A quotation that closes right before the cue's clause: ``"...," X said``."""
        allowed = set(_subtree_range(subject)) if subject is not None and subject.i < cue.i else set()
        i = cue.i - 1
        while i >= 0:
            tok = self.doc[i]
            if i in self.art.close_at:
                span = self.art.spans[self.art.close_at[i]]
                # news style closes a quotation before its cue with a comma, "?" or "!", not "."
                ends = self.art.text[span.span.start:span.span.end].rstrip()[-1:]
                ok = span.index not in self.used and ends != "." and (span.speech or self.art.opens_clause(span))
                return span.index if ok else None
            if "\n" in tok.text or "\n" in tok.whitespace_:
                return None
            skippable = (
                tok.is_space
                or (tok.is_punct and tok.text in lex.FRAME_PUNCT)
                or i in allowed
                or (tok.head.i == cue.i and tok.dep_ in {"advmod", "aux", "neg", "npadvmod"})
                or is_personal_title(tok) or (tok.text == "." and i > 0 and is_personal_title(self.doc[i - 1]))
            )  # a title the parser split off the name ("Capt. Mira Haldane") belongs to the speaker
            if not skippable:
                return None
            i -= 1
        return None

    def _before_frame(self, cue: Token, subject: Token | None) -> int | None:
        """A quotation that opens right after the cue: ``X said, "..."``, ``told reporters: "..."``."""
        own = set(_subtree_range(cue))
        if subject is not None and subject.i < cue.i:
            own -= set(_subtree_range(subject))
        last: Token = cue
        for tok in self.doc[cue.i + 1:]:
            if tok.i in self.art.open_at:
                span = self.art.spans[self.art.open_at[tok.i]]
                if span.index in self.used:
                    return None
                if last.i == cue.i and span.speech:
                    return span.index
                return span.index if last.text in lex.FRAME_PUNCT else None
            if tok.is_space:
                continue
            if tok.is_punct and tok.text in lex.FRAME_PUNCT:
                last = tok
                continue
            inverted = subject is not None and subject.i > cue.i and tok.i in _subtree_range(subject)
            if inverted or (tok.i in own and tok.pos_ not in _VERBAL and tok.dep_ not in lex.CONTENT_DEPS):
                last = tok
                continue
            return None
        return None

    # clauses -------------------------------------------------------------------------------------
    def _clause(self, cue: Token) -> set[int]:
        """Token indices of the clause a cue governs (empty when it governs none)."""
        doc = self.doc
        comps = [c for c in cue.children if c.dep_ in lex.CONTENT_DEPS]
        if not comps:  # "said in a statement that ..."
            for prep in cue.children:
                if prep.dep_ != "prep":
                    continue
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.MEDIUM_NOUNS:
                        comps += [
                            c for c in noun.children
                            if c.dep_ in lex.MEDIUM_CLAUSE_DEPS and any(m.lower_ == "that" for m in c.children)
                        ]
        tokens: set[int] = set()
        head = cue.head
        if not comps and cue.dep_ in lex.PARENTHETICAL_DEPS and head.i < cue.i and _subject(cue) is not None:
            # "Valdora holds 700 prisoners, officials say, while ...": the cue's head is the content
            tokens.update(_subtree_range(head))
            tokens -= set(_subtree_range(cue))
            for other in self.clause_cues:
                if other != cue.i and other in tokens:
                    tokens -= set(_subtree_range(doc[other]))
            return tokens
        lemma = cue.lemma_.lower()
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if not comps and obj is not None and lemma in lex.DIRECTIVE_VERBS:  # "warned residents not to return"
            comps = [c for c in cue.children if c.dep_ == "xcomp" and c.i > obj.i]
        conjs: list[Token] = []
        if comps:  # "said that A and that B"
            conjs = [
                c for c in cue.children
                if c.dep_ == "conj" and c.pos_ in _VERBAL and doc[c.left_edge.i].lower_ == "that" and c.i > comps[0].i
            ]
        elif obj is not None and (claim := self._claim_content(cue, obj)):
            return claim  # "repeated his claim that ...", "accused the Union of laying the mine"
        elif obj is not None and lemma in lex.NP_STATEMENT_VERBS:  # "announced $4 million in aid"
            words = [t for t in obj.subtree if not t.is_punct]
            if len(words) >= lex.MIN_NP_STATEMENT_WORDS or any(t.like_num for t in words):
                tokens.update(_subtree_range(obj))
                for sib in cue.rights:
                    if sib.i > obj.i and sib.dep_ in {"prep", "npadvmod", "advmod"}:
                        tokens.update(_subtree_range(sib))
                return tokens
        for conj in conjs:
            tokens.update(range(comps[-1].right_edge.i + 1, conj.right_edge.i + 1))
        for comp in comps:
            tokens.update(_subtree_range(comp))
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in comp.children)
            first = self.doc[comp.left_edge.i]
            while first.is_punct and first.i < comp.i:
                first = self.doc[first.i + 1]
            # "warned the alliance "should be aware ..."": the object is the clause's subject
            obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i), None)
            if (
                not has_subject and obj is not None and first.tag_ in lex.FINITE_TAGS
                and all(t.text in _ALL_MARKS for t in self.doc[obj.right_edge.i + 1:comp.left_edge.i])
            ):
                tokens.update(_subtree_range(obj))
        return tokens

    def _has_that(self, cue: Token) -> bool:
        """The cue reports with "that" before its clause ("warned that ...")."""
        for comp in cue.children:
            if comp.dep_ in lex.CONTENT_DEPS:
                first = self.doc[comp.left_edge.i]
                return first.lower_ == "that" and first.dep_ == "mark" and self.art.span_of_token[first.i] < 0
        return False

    def _with_trailing_quote(self, tokens: set[int]) -> set[int]:
        """A clause and the quotation that ends its sentence after a comma: 'X said A, "because B."'."""
        if not tokens:
            return tokens
        last = max(tokens)
        nxt = last + 1
        while nxt < len(self.doc) and self.doc[nxt].text == ",":
            nxt += 1
        span_i = self.art.open_at.get(nxt)
        if span_i is None or span_i in self.used:
            return tokens
        span = self.art.spans[span_i]
        if not span.quoted or not self.art.closes_sentence(span) or span.close_tok is None:
            return tokens
        return tokens | set(range(last + 1, span.close_tok + 1))

    def _left_clause(self, cue: Token, subject: Token) -> set[int]:
        """The clause before "..., the administration said" when the parser did not link them.

        Only for a cue with no object that ends its clause: "Following the strike, Moscow has
        vowed a response" reports nothing.
        """
        doc = self.doc
        edge = subject.left_edge.i
        if subject.i > cue.i or edge == 0 or doc[edge - 1].text != ",":
            return set()
        if any(c.dep_ in {"dobj", "xcomp", "ccomp"} for c in cue.children):
            return set()
        start = cue.sent.start
        dash = next((t.i for t in doc[start:edge] if t.text in lex.DATELINE_DASHES and t.i - start <= 12), None)
        if dash is not None and not any(t.tag_ in lex.FINITE_TAGS for t in doc[start:dash]):
            start = dash + 1  # a dateline
        tokens = set(range(start, edge - 1))
        if not tokens or doc[start].pos_ in {"ADP", "SCONJ"}:  # a fronted adverbial, not a clause
            return set()
        if not any(doc[i].tag_ in lex.FINITE_TAGS for i in tokens) or any(self.art.in_speech(i) for i in tokens):
            return set()
        return tokens

    def _content_ranges(self, tokens: set[int], *, exclude_nested: bool = True) -> list[range]:
        doc = self.doc
        drop: set[int] = set()
        if exclude_nested:
            for i in tokens:
                tok = doc[i]
                nested_cue = i in self.own_record
                source = tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"
                if nested_cue or source:
                    sub = _subtree_range(tok)
                    drop.update(sub)
                    if sub.start > 0 and doc[sub.start - 1].is_punct:
                        drop.add(sub.start - 1)
        keep = sorted(tokens - drop)
        ranges: list[range] = []
        for i in keep:
            if ranges and ranges[-1].stop == i:
                ranges[-1] = range(ranges[-1].start, i + 1)
            else:
                ranges.append(range(i, i + 1))
        trimmed: list[range] = []
        for r in ranges:
            a, b = r.start, r.stop
            while a < b and (doc[a].is_space or (doc[a].is_punct and self.art.span_of_token[a] < 0)
                             or (doc[a].dep_ == "mark" and doc[a].lower_ == "that")):
                a += 1
            while a < b and (doc[b - 1].is_space or (doc[b - 1].is_punct and self.art.span_of_token[b - 1] < 0)):
                b -= 1
            if a < b:
                trimmed.append(range(a, b))
        return trimmed

    def _classify(
        self, ranges: Sequence[range], *, that_clause: bool = False
    ) -> tuple[QuoteKind, tuple[int, ...], list[tuple[int, int]]]:
        """Kind, spans used and character ranges of a clause's content (marks the spans used).

        A clause all in quotation marks is direct, unless reported with "that" ("warned that
        "..."" is mixed); a clause holding quoted words is mixed; else indirect.
        """
        doc, art = self.doc, self.art
        words = [i for r in ranges for i in r if not (doc[i].is_punct or doc[i].is_space)]
        touched = sorted({art.span_of_token[i] for i in words if art.span_of_token[i] >= 0})
        self.used.update(touched)
        if words and touched and all(art.span_of_token[i] >= 0 for i in words):
            chain = sorted({j for s in touched for j in art.spans[s].chain})
            if not that_clause and not any(j in self.used and j not in touched for j in chain):
                self.used.update(chain)
                return "direct", tuple(chain), self._span_ranges(chain)
        speech = [s for s in touched if art.spans[s].quoted]
        chars: list[tuple[int, int]] = []
        for r in ranges:
            a, b = r.start, r.stop
            for s in touched:  # keep quotation marks balanced: take whole quoted pieces
                span = art.spans[s]
                end_tok = span.close_tok if span.close_tok is not None else span.last - 1
                if a <= end_tok and b > span.open_tok:
                    a, b = min(a, span.open_tok), max(b, end_tok + 1)
            chars.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
        kind: QuoteKind = "mixed" if speech else "indirect"
        return kind, tuple(speech), chars

    def _span_ranges(self, indices: Iterable[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for i in indices:
            span = self.art.spans[i].span
            end = span.end
            while end > span.start and self.art.text[end - 1] in ",;:\u2014\u2013- ":
                end -= 1
            if end > span.start:
                out.append((span.start, end))
        return out

    # candidates ------------------------------------------------------------------------------------
    def candidates(self) -> list[_Candidate]:
        doc, art = self.doc, self.art
        cues: list[tuple[Token, str]] = []
        sources: list[Token] = []
        for match_id, start, _ in _matcher(doc.vocab)(doc):
            label = doc.vocab.strings[match_id]
            tok = doc[start]
            if art.in_speech(tok.i):
                continue
            if label == "SOURCE":
                sources.append(tok)
            else:
                cues.append((tok, label))
        cues.sort(key=lambda c: c[0].i)
        self.clause_cues = {
            tok.i for tok, label in cues if label == "CUE" and any(c.dep_ in lex.CONTENT_DEPS for c in tok.children)
        }
        # subjectless cues with a clause of their own are separate statements ("..., adding ...")
        for tok, label in cues:
            subjectless = label == "CUE" and _subject(tok) is None and tok.dep_ != "ROOT"
            if subjectless and _asserts(tok) and self._clause(tok):
                self.own_record.add(tok.i)
        found: list[_Candidate] = []
        for tok, label in cues:
            weak = label == "FRAME_CUE" or tok.lemma_.lower() in lex.WEAK_CUES
            if label == "CLAIM_CUE":
                cand = self._from_claim(tok)
            else:
                cand = self._from_cue(tok, frame_only=label == "FRAME_CUE", needs_name=weak)
            if cand is not None:
                found.append(cand)
        for tok in sources:
            cand = self._from_source(tok)
            if cand is not None:
                found.append(cand)
        found += self._embedded()
        found += self._uncued()
        for cand in found:
            cand.para = art.para_of(cand.position)
        found.sort(key=lambda c: c.position)
        return found

    def _from_cue(self, cue: Token, *, frame_only: bool, needs_name: bool) -> _Candidate | None:
        if not _asserts(cue):
            return None
        speaker = _speaker_head(cue)
        own_subject = _subject(cue)
        before = self._before_frame(cue, own_subject)
        clause = set() if frame_only else self._clause(cue)
        after = self._after_frame(cue, own_subject) if own_subject is not None else None
        if after is not None and clause:
            # a cue with a clause of its own outside the quotations is not that quotation's cue
            framed = {j for s in (after, before) if s is not None for j in self.art.spans[s].chain}
            if any(self.art.span_of_token[i] not in framed for i in clause if not self.doc[i].is_punct):
                after = None
        if after is not None or before is not None:
            chosen = [s for s in (after, before) if s is not None]
            chain = sorted({j for s in chosen for j in self.art.spans[s].chain})
            if any(j in self.used for j in chain):
                return None
            self.used.update(chain)
            ranges = self._span_ranges(chain)
            if not ranges:
                return None
            return self._make(cue, cue.text, speaker, "direct", ranges, tuple(chain), needs_name=needs_name)
        if not clause and own_subject is not None and not frame_only:
            clause = self._left_clause(cue, own_subject)
        if not clause:
            return None
        content = self._content_ranges(self._with_trailing_quote(clause))
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=self._has_that(cue))
        return self._make(cue, cue.text, speaker, kind, ranges, spans, needs_name=needs_name)

    def _from_claim(self, cue: Token) -> _Candidate | None:
        """A verb that reports a claim only through its object: "rejected claims that ..."."""
        if not _asserts(cue):
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        tokens = self._claim_content(cue, obj)
        content = self._content_ranges(tokens) if tokens else []
        if not content:
            return None
        kind, spans, ranges = self._classify(content, that_clause=False)
        return self._make(cue, cue.text, _speaker_head(cue), kind, ranges, spans, needs_name=True)

    def _claim_content(self, cue: Token, obj: Token | None) -> set[int]:
        """A statement reported through the cue's object: a claim or an accusation (empty if neither)."""
        return self._claim_object(cue) or self._accusation(cue, obj)

    def _claim_object(self, cue: Token) -> set[int]:
        """The object of a cue when it is a claim spelled out by a "that" clause ("his claim that ...")."""
        for obj in cue.children:
            if obj.dep_ != "dobj" or obj.lemma_.lower() not in lex.CLAIM_NOUNS:
                continue
            for clause in obj.children:
                first = self.doc[clause.left_edge.i]
                if clause.dep_ in lex.MEDIUM_CLAUSE_DEPS and first.lower_ == "that" and first.dep_ == "mark":
                    return set(_subtree_range(obj))
        return set()

    def _accusation(self, cue: Token, obj: Token | None) -> set[int]:
        """"accused X of Y", "blamed X for Y": the object and the phrase that says what of."""
        preps = lex.ACCUSATION_PREPS.get(cue.lemma_.lower())
        if obj is None or not preps:
            return set()
        for prep in [*cue.rights, *obj.rights]:  # the parser hangs "of ..." on either
            if prep.i > obj.i and prep.dep_ == "prep" and prep.lower_ in preps and any(
                c.dep_ in {"pcomp", "pobj"} for c in prep.children
            ):
                return set(range(obj.left_edge.i, prep.right_edge.i + 1))
        return set()

    def _from_source(self, according: Token) -> _Candidate | None:
        doc = self.doc
        to = doc[according.i + 1]
        speaker = next((c for c in to.children if c.dep_ == "pobj"), None)
        if speaker is None:
            return None
        verb = according.head
        while (verb.pos_ not in _VERBAL or verb.dep_ == "conj") and verb.head.i != verb.i:
            verb = verb.head  # up to the clause's verb, and to its first conjunct
        if verb.i == according.i:
            return None
        tokens = set(_subtree_range(verb)) - set(_subtree_range(according))
        if verb.dep_ == "relcl":  # "which, according to X, killed ...": drop the relative pronoun
            tokens -= {c.i for c in verb.children if c.lower_ in lex.RELATIVE_PRONOUNS}
        content = self._content_ranges(tokens, exclude_nested=False)
        if not content:
            return None
        kind, spans, ranges = self._classify(content)
        return self._make(according, "according to", speaker, kind, ranges, spans)

    def _embedded(self) -> list[_Candidate]:
        """Quoted speech inside a sentence with no reporting verb: 'a difference X attributed to "..."'.

        The quotation is the words of the subject of the verb that governs it, when that subject
        names someone (checked when speakers are resolved). Kind is mixed: the writer's sentence
        holds the speaker's words.
        """
        doc, art = self.doc, self.art
        found: list[_Candidate] = []
        for span in art.spans:
            if span.index in self.used or span.span.continues is not None or not span.speech:
                continue
            if span.close_tok is None or art.starts_sentence(span):
                continue
            inside = range(span.open_tok, span.close_tok + 1)
            root = next((t for t in doc[span.first:span.last] if t.head.i not in inside or t.head.i == t.i), None)
            node = root.head if root is not None else None
            subject = None
            while node is not None and subject is None:
                if node.pos_ in _VERBAL and node.i not in inside:
                    subject = _subject(node)
                    if subject is not None and subject.i in inside:
                        subject = None
                if node.head.i == node.i:
                    break
                node = node.head
            if subject is None or node is None:
                continue
            verb = subject.head
            self.used.update(span.chain)
            open_char = doc[span.open_tok].idx
            close_char = doc[span.close_tok].idx + len(doc[span.close_tok].text)
            found.append(_Candidate(verb, verb.text, subject, "mixed", [(open_char, close_char)], span.chain,
                                    needs_name=True, position=min(subject.idx, open_char)))
        return found

    def _uncued(self) -> list[_Candidate]:
        """Quotations that stand as sentences with no cue: they inherit the last speaker."""
        found: list[_Candidate] = []
        for span in self.art.spans:
            if span.index in self.used or span.span.continues is not None or not span.speech:
                continue
            if not self.art.starts_sentence(span):
                continue
            last = self.art.spans[span.chain[-1]]
            if not self.art.closes_sentence(last):
                continue
            self.used.update(span.chain)
            ranges = self._span_ranges(span.chain)
            if ranges:
                found.append(_Candidate(None, "", None, "direct", ranges, span.chain, position=span.span.open))
        return found

    def _make(
        self, cue: Token, cue_text: str, speaker: Token | None, kind: QuoteKind,
        ranges: list[tuple[int, int]], spans: tuple[int, ...], *, needs_name: bool = False,
    ) -> _Candidate | None:
        if speaker is None:
            return None
        position = min(cue.idx, speaker.idx, ranges[0][0])
        return _Candidate(cue, cue_text, speaker, kind, ranges, spans, needs_name=needs_name, position=position)


# -- 3. speakers -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    type: SpeakerType
    text: str
    start: int | None
    end: int | None
    position: int  # where the speaker was named (orders the history)


_MENTION_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country-or-capital", "LOC": "country-or-capital",
    "FAC": "organisation", "NORP": "unnamed",
}


def _strip_det(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in LEADING_DETERMINERS:
        words = words[1:]
    return " ".join(words)


class _Resolver:
    """Turns speaker phrases into canonical names, remembering who spoke before."""

    def __init__(self, art: _Article, entities: EntityIndex) -> None:
        self.art = art
        self.doc = art.doc
        self.text = art.text
        self.entities = entities
        self.mentions: list[Mention] = entities.mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.history: list[_Speaker] = []
        self.gender: dict[str, str] = {}
        self._roles: dict[str, set[str]] | None = None
        for m in self.mentions:
            if m.label == "PERSON":
                before = self.text[max(0, m.start - 12):m.start].split()
                if before and (g := lex.HONORIFIC_GENDER.get(before[-1].lower().rstrip("."))):
                    self.gender.setdefault(m.name, g)

    # entity lookups -------------------------------------------------------------------------------
    def mention_at(self, token: Token) -> Mention | None:
        k = bisect.bisect_right(self.mention_starts, token.idx) - 1
        if k >= 0 and self.mentions[k].start <= token.idx < self.mentions[k].end:
            return self.mentions[k]
        return None

    def _mentions_in(self, tokens: Iterable[Token]) -> list[Mention]:
        seen: dict[int, Mention] = {}
        for tok in tokens:
            m = self.mention_at(tok)
            if m is not None:
                seen[m.start] = m
        return list(seen.values())

    def _subject_mentions_before(self, char: int, labels: frozenset[str]) -> Iterator[tuple[int, str, str]]:
        """(position, name, label) of entity mentions before ``char`` that are subjects, latest first."""
        k = bisect.bisect_left(self.mention_starts, char)
        for m in reversed(self.mentions[:k]):
            if m.label not in labels:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in lex.SALIENT_DEPS:
                yield m.start, m.name, m.label

    def roles(self) -> dict[str, set[str]]:
        """Role nouns each person is given in the text ("Foreign Minister X" -> minister)."""
        if self._roles is None:
            self._roles = {}
            for m in self.mentions:
                if m.label != "PERSON":
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                words = [t for t in self.doc[root.left_edge.i:span.start]]
                words += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
                if root.dep_ == "appos":
                    words += [t for t in root.head.subtree if t.i < root.i]
                found = {t.lemma_.lower() for t in words if t.lemma_.lower() in lex.PERSON_ROLE_NOUNS}
                if found:
                    self._roles.setdefault(m.name, set()).update(found)
        return self._roles

    # phrases ---------------------------------------------------------------------------------------
    def _phrase(self, head: Token) -> list[Token]:
        """The speaker phrase: the head with its determiners, modifiers and "of X" / "for X"."""
        keep = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in lex.SPEAKER_NP_DEPS or (
                    child.dep_ == "pobj" and tok.dep_ == "prep"
                ) or (child.dep_ == "prep" and child.lower_ in lex.SPEAKER_OF_PREPS and tok.i == head.i):
                    keep.append(child)
                    stack.append(child)
        keep.sort(key=lambda t: t.i)
        # one contiguous stretch around the head
        lo = hi = keep.index(head)
        while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
            lo -= 1
        while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
            hi += 1
        phrase = keep[lo:hi + 1]
        while len(phrase) > 1 and (phrase[0].is_punct or phrase[0].is_space):
            phrase = phrase[1:]
        while len(phrase) > 1 and (phrase[-1].is_punct or phrase[-1].is_space):
            phrase = phrase[:-1]
        return phrase

    def _text(self, tokens: Sequence[Token]) -> tuple[str, int, int]:
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        start, end = first.idx, last.idx + len(last.text)
        return self.text[start:end], start, end

    def _remember(self, speaker: _Speaker) -> _Speaker:
        self.history.append(speaker)
        return speaker

    # resolution ----------------------------------------------------------------------------------
    def resolve(self, head: Token) -> _Speaker | None:
        """Resolve a speaker phrase (given by its head) to a canonical name and a type."""
        lower = head.lower_
        if head.pos_ == "PRON" or lower in lex.PRONOUNS:
            if lower in lex.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                return self.resolve(head.head.head)
            if lower in lex.PRONOUNS:
                return self._pronoun(head)
            return None
        phrase = self._phrase(head)
        text, start, end = self._text(phrase)
        found: tuple[str, SpeakerType] | None = None
        appos = self._named_apposition(head)
        if appos is not None:  # "the town's mayor, Lena Hradec,": the name
            found = self._named(appos, self._phrase(appos))
            text, start, end = self._text([*phrase, *self._phrase(appos)])
        if found is None or found[1] == "unnamed":
            text, start, end = self._text(phrase)
            found = self._named(head, phrase)
        if found is None:
            return None
        misattached = [c for c in head.lefts if c.dep_ in lex.MISATTACHED_NAME_DEPS and c.i < phrase[0].i]
        if misattached and self.mention_at(head) is None:  # "Governor X of Tavrin region": all of it
            text, start, end = self._text([self.doc[misattached[0].left_edge.i], *phrase])
        name, kind = found
        return self._remember(_Speaker(name, kind, text, start, end, start))

    def _named_apposition(self, head: Token) -> Token | None:
        """The apposition that names a described speaker ("its head, Deputy Minister X,")."""
        if self.mention_at(head) is not None:
            return None
        for child in head.children:
            if child.dep_ == "appos":
                mention = self.mention_at(child)
                if mention is not None and mention.label in {"PERSON", "ORG", "GPE"}:
                    return child
        return None

    def _named(self, head: Token, phrase: list[Token]) -> tuple[str, SpeakerType] | None:
        lemma = head.lemma_.lower()
        mentions = self._mentions_in(phrase)
        person = next((m for m in mentions if m.label == "PERSON" and m.start <= head.idx < m.end), None)
        if person is None and self.mention_at(head) is None and lemma not in lex.NON_PERSON_SPEAKER_HEADS:
            # the parse hung the name on a common noun after it: "Governor X of Tavrin region"
            person = next((m for child in head.lefts if child.dep_ in lex.MISATTACHED_NAME_DEPS
                           and (m := self.mention_at(child)) is not None and m.label == "PERSON"), None)
        if person is not None:
            return person.name, "person"
        modifiers = [t for t in phrase if t.i != head.i and t.dep_ not in {"det", "case", "predet"}]
        if lemma in lex.DOCUMENT_NOUNS:
            org = self._document_source(head, modifiers)
            return (org, "document") if org else (head.text.lower(), "document")
        if lemma in lex.SPOKESPERSON_NOUNS or lemma in lex.SOURCE_NOUNS or lemma in lex.PERSON_ROLE_NOUNS:
            org_words = [t for t in modifiers if t.ent_type_ != "NORP" and t.lemma_.lower() not in lex.PERSON_ROLE_NOUNS
                         and (t.pos_ in {"PROPN", "NOUN"} or t.dep_ in {"pobj", "poss"})]
            org = self._org(org_words) if org_words else None
            if org and lemma in lex.SPOKESPERSON_NOUNS:  # a spokesman speaks for the organisation
                return org, "organisation"
            if org and lemma in lex.SOURCE_NOUNS:  # an unnamed source stays one: "Defence Ministry source"
                return f"{org} {head.text}", "unnamed"
            if lemma in lex.PERSON_ROLE_NOUNS and any(t.lower_ in {"the", "his", "her", "their"} for t in phrase):
                person = self._by_role(lemma, head.idx)
                if person:
                    return person, "person"
            return _strip_det(self._text(phrase)[0]), "unnamed"
        covering = next((m for m in mentions if m.start <= head.idx < m.end), None)
        if covering is not None:
            return _org_case(covering.name), _MENTION_TYPES.get(covering.label, "unnamed")
        if lemma in lex.ORG_HEAD_NOUNS:
            org = self._org([*modifiers, head])
            if org:
                return org, "organisation"
        text = " ".join(t.text for t in phrase)
        canonical = self.entities.canonical(text)
        if canonical:
            label = self.entities.label_of(canonical) or ""
            return canonical, _MENTION_TYPES.get(label, "unnamed")
        words = _strip_det(self._text(phrase)[0]).split()
        if head.pos_ == "PROPN":
            while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
                words = words[1:]
            return " ".join(words), "person" if len(words) <= 4 else "organisation"
        return " ".join(words) or head.text, "unnamed"

    def _issuer(self, head: Token) -> list[Token]:
        """The words naming who issued a document: its possessor, its name words, or "from X"."""
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"}:
                return [t for t in child.subtree if t.dep_ != "case"]
        names = [t for t in head.lefts if t.dep_ in {"compound", "amod"} and t.pos_ in {"NOUN", "PROPN"}]
        if names:
            return [t for t in self.doc[names[0].left_edge.i : head.i] if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in lex.SPEAKER_OF_PREPS:
                return [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
        return []

    def _document_source(self, head: Token, modifiers: Sequence[Token]) -> str | None:
        """Who issued a document: "the ministry's statement", or the earlier "X issued a statement"."""
        issuer = self._issuer(head)
        org = self._org(issuer) if issuer else None
        if org:
            return org
        lemma = head.lemma_.lower()
        for tok in reversed(self.doc[: head.i]):
            if tok.lemma_.lower() != lemma:
                continue
            issuer = self._issuer(tok)
            org = self._org(issuer) if issuer else None
            if org:
                return org
            if tok.dep_ == "dobj" and (subject := _subject(tok.head)) is not None and subject.pos_ != "PRON":
                found = self._named(subject, self._phrase(subject))
                if found and found[1] != "unnamed":
                    return found[0]
        return self._last(lambda s: s.type == "document") or self._last(
            lambda s: s.type in {"organisation", "country-or-capital"}
        )

    def _org(self, tokens: Sequence[Token]) -> str | None:
        """Canonical name of an organisation phrase ("the ministry", "Defense Ministry")."""
        tokens = [t for t in tokens if not (t.dep_ in {"det", "case", "prep"} or t.is_punct)]
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"}] or tokens
        org_head = next((t for t in nouns if t.head.i not in inside or t.head.i == t.i), nouns[-1])
        covering = self.mention_at(org_head)
        if covering is not None and covering.label != "NORP":
            return _org_case(covering.name)
        text = " ".join(t.text for t in tokens)
        canonical = self.entities.canonical(text)
        if canonical:
            return _org_case(canonical)
        words = [t.lower_ for t in tokens]
        bare = len(tokens) == 1 and org_head.pos_ != "PROPN"
        if bare:  # "the ministry": the one named before
            earlier = self._earlier_org(org_head)
            if earlier:
                return earlier
        for spk in reversed(self.history):
            if spk.type in {"organisation", "document"} and _ends_with(spk.name, words):
                return spk.name
        k = bisect.bisect_left(self.mention_starts, org_head.idx)
        for m in reversed(self.mentions[:k]):
            if m.label == "ORG" and _ends_with(m.name, words):
                return m.name
        lemma = org_head.lemma_.lower()
        written = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        if lemma in lex.ORG_HEAD_NOUNS or org_head.pos_ == "PROPN":
            return written if bare else _org_case(written)  # a lone "ministry" is no name
        return None

    def _earlier_org(self, head: Token) -> str | None:
        """The nearest earlier phrase with the same head noun and a name: "Norlund Interior Ministry"."""
        lemma = head.lemma_.lower()
        for tok in reversed(self.doc[: head.i]):
            if tok.lemma_.lower() != lemma:
                continue
            phrase = [t for t in self._phrase(tok) if t.dep_ not in {"det", "case", "predet"}]
            if len(phrase) > 1:
                found = self._org(phrase)
                if found:
                    return found
        return None

    def _by_role(self, role: str, char: int) -> str | None:
        roles = self.roles()
        for spk in reversed(self.history):
            if spk.type == "person" and role in roles.get(spk.name, ()):
                return spk.name
        k = bisect.bisect_left(self.mention_starts, char)
        for m in reversed(self.mentions[:k]):
            if m.label == "PERSON" and role in roles.get(m.name, ()):
                return m.name
        return None

    def _last(self, test: Any) -> str | None:
        return next((s.name for s in reversed(self.history) if test(s)), None)

    def _pronoun(self, head: Token) -> _Speaker | None:
        kind, gender = lex.PRONOUNS[head.lower_]
        start, end = head.idx, head.idx + len(head.text)
        if kind == "person":
            options: list[tuple[int, str]] = [
                (s.position, s.name) for s in self.history if s.type == "person" and s.position < start
            ]
            subj = next((
                (pos, name) for pos, name, _ in self._subject_mentions_before(start, frozenset({"PERSON"}))
                if gender is None or self.gender.get(name, gender) == gender
            ), None)
            options = [o for o in options if gender is None or self.gender.get(o[1], gender) == gender]
            if subj:
                options.append(subj)
            para = self.art.para_of(start)
            if not any(self.art.para_of(pos) == para for pos, _ in options):
                # nobody spoke or was the subject in this paragraph yet: a person it names is
                # whom the pronoun means ("Halina Rusk's husband ... "...," she said")
                options += self._paragraph_people(para, start, gender)
            if not options:
                k = bisect.bisect_left(self.mention_starts, start)
                options = [(m.start, m.name) for m in self.mentions[:k] if m.label == "PERSON"][-1:]
            if not options:
                return None
            name = max(options)[1]
            if gender:
                self.gender.setdefault(name, gender)
            return self._remember(_Speaker(name, "person", head.text, start, end, start))
        for spk in reversed(self.history):
            if spk.type != "person" and spk.position < start:
                return self._remember(_Speaker(spk.name, spk.type, head.text, start, end, start))
        subj = next(self._subject_mentions_before(start, frozenset({"ORG", "GPE"})), None)
        if subj:
            return self._remember(_Speaker(subj[1], _MENTION_TYPES[subj[2]], head.text, start, end, start))
        return None

    def _paragraph_people(self, para: int, before: int, gender: str | None) -> list[tuple[int, str]]:
        """(position, name) of the people named in paragraph ``para`` before ``before``, any role."""
        k = bisect.bisect_left(self.mention_starts, before)
        return [
            (m.start, m.name) for m in self.mentions[:k]
            if m.label == "PERSON" and self.art.para_of(m.start) == para
            and (gender is None or self.gender.get(m.name, gender) == gender)
        ]

    def inherit(self, char: int) -> _Speaker | None:
        last = next((s for s in reversed(self.history) if s.position < char), None)
        if last is None:
            return None
        return _Speaker(last.name, last.type, "", None, None, last.position)


def _org_case(name: str) -> str:
    """Write an institution's name capitalised: "the foreign ministry" is "Foreign Ministry"."""
    words = name.split()
    if not words or words[-1].lower() not in lex.CAPITALISED_ORG_HEADS:
        return name
    return " ".join(
        w if (k and w.lower() in lex.TITLE_SMALL_WORDS) else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )


def _ends_with(name: str, words: Sequence[str]) -> bool:
    parts = name.lower().split()
    return len(parts) >= len(words) and parts[len(parts) - len(words):] == list(words)


# -- assembly ---------------------------------------------------------------------------------------


def _sentence_range(art: _Article, chars: Iterable[int]) -> tuple[int, int]:
    lo, hi = len(art.text), 0
    for char in chars:
        a, b = art.sent_bounds[max(bisect.bisect_right(art.sent_starts, char) - 1, 0)]
        lo, hi = min(lo, a), max(hi, b)
    while hi > lo and art.text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def extract_quotes(doc: Doc, *, entities: EntityIndex) -> list[Quote]:
    """Find every attributed statement in a parsed article.

    Args:
        doc: the parsed article (dependency parse and sentence boundaries needed).
        entities: the article's entity index, to name speakers canonically.

    Returns:
        Quotes in text order. A statement whose speaker cannot be found at all (a passive "it
        was said", a quotation before any speaker) is left out rather than guessed.

    It cannot attribute a quotation whose cue is two sentences away, nor resolve a pronoun
    that points to someone never named as a subject or a speaker; it trusts the parser, so a
    misparsed clause gives a shorter or longer content.
    """
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    art = _Article(doc)
    candidates = _Finder(art).candidates()
    resolver = _Resolver(art, entities)
    quotes: list[Quote] = []
    last_para: int | None = None
    for cand in candidates:
        if cand.speaker is None:  # an uncued quotation: the last speaker goes on
            speaker = resolver.inherit(cand.position)
            if speaker is None:
                continue
            prev = quotes[-1] if quotes else None
            if prev is not None and prev.kind == "direct" and last_para == cand.para and prev.speaker == speaker.name:
                quotes[-1] = _merge(art, prev, cand.ranges)
                continue
        else:
            speaker = resolver.resolve(cand.speaker)
            if speaker is None or (cand.needs_name and speaker.type == "unnamed"):
                continue
        quote = _quote(art, cand, speaker)
        twin = next((k for k, q in enumerate(quotes) if (q.start, q.end) == (quote.start, quote.end)), None)
        if twin is None:
            quotes.append(quote)
        elif quotes[twin].speaker_type == "unnamed" and quote.speaker_type != "unnamed":
            quotes[twin] = quote  # one content, two cues: keep the named source
        last_para = cand.para
    return quotes


def _quote(art: _Article, cand: _Candidate, speaker: _Speaker) -> Quote:
    text = " ".join(art.text[a:b] for a, b in cand.ranges)
    points = [a for a, _ in cand.ranges] + [b - 1 for _, b in cand.ranges]
    if cand.cue is not None:
        points.append(cand.cue.idx)
    sent_start, sent_end = _sentence_range(art, points)
    return Quote(
        speaker=speaker.name, speaker_text=speaker.text, speaker_type=speaker.type,
        cue=cand.cue_text, kind=cand.kind, text=text,
        start=cand.ranges[0][0], end=cand.ranges[-1][1],
        speaker_start=speaker.start, speaker_end=speaker.end,
        sentence_start=sent_start, sentence_end=sent_end,
        parts=tuple(cand.ranges) if len(cand.ranges) > 1 else (),
    )


def _merge(art: _Article, prev: Quote, ranges: list[tuple[int, int]]) -> Quote:
    parts = (*(prev.parts or ((prev.start, prev.end),)), *ranges)
    _, sent_end = _sentence_range(art, [ranges[-1][1] - 1])
    return Quote(
        speaker=prev.speaker, speaker_text=prev.speaker_text, speaker_type=prev.speaker_type, cue=prev.cue,
        kind=prev.kind, text=" ".join(art.text[a:b] for a, b in parts), start=parts[0][0], end=parts[-1][1],
        speaker_start=prev.speaker_start, speaker_end=prev.speaker_end,
        sentence_start=prev.sentence_start, sentence_end=max(prev.sentence_end, sent_end), side=prev.side,
        parts=parts,
    )
