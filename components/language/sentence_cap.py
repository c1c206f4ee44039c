"""No sentence longer than :data:`MAX_SENTENCE_TOKENS`: a pipeline step before the parser.

The extractors look at a statement's clause, a figure's sentence, a cue's subtree; each is
bounded by its sentence, so one endless sentence (640 KB without a full stop) would make their
work grow with the square of the article. This step starts a new sentence once a stretch of a
paragraph reaches the cap without one the parser could have chosen: right after the last
``.``/``!``/``?``/``;`` followed by a space in the second half of the stretch, else at the cap.
The parser respects these starts. Ordinary sentences (a few dozen tokens) are never touched.

It cannot tell where a sentence of more than the cap would have ended: such a sentence is cut
where this step says.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

#: The most tokens one sentence may have (news sentences have a few dozen).
MAX_SENTENCE_TOKENS = 200
_STOPS = frozenset({".", "!", "?", ";"})


def set_sentence_starts(doc: Doc, starts: Sequence[int]) -> None:
    """Mark the tokens at ``starts`` as sentence starts, before the parse, in one pass.

    ``Token.is_sent_start = True`` checks the whole Doc for a parse each time it is set, so
    setting it token by token is quadratic (32,000 one-word lines took 9 s).
    """
    if starts:
        array = doc.to_array([SENT_START])
        array[list(starts)] = 1
        doc.from_array([SENT_START], array)


def cap_sentences(doc: Doc, *, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Start a sentence wherever a stretch without a start reaches ``limit`` tokens.

    Reads the starts set before (line breaks, ``paragraph_boundaries``) and adds its own, never
    on a space token. Linear in the length of the Doc.
    """
    if len(doc) <= limit:
        return doc
    preset = doc.to_array([SENT_START])
    cuts: list[int] = []
    begin = 0  # first token of the current stretch
    stop: int | None = None  # last token after a sentence-ending mark in this stretch
    for token in doc:
        i = token.i
        if i > begin and preset[i] == 1:
            begin, stop = i, None
        elif i - begin >= limit:
            cut = stop + 1 if stop is not None and stop + 1 > begin + limit // 2 else i
            while cut < i and doc[cut].is_space:
                cut += 1
            if not doc[cut].is_space:  # a space token cannot start a sentence: the next one will
                cuts.append(cut)
                begin, stop = cut, None
        if token.text in _STOPS and token.whitespace_:
            stop = i
    set_sentence_starts(doc, cuts)
    return doc


@Language.component("sentence_cap")
def sentence_cap(doc: Doc) -> Doc:
    """Pipeline step: :func:`cap_sentences` with :data:`MAX_SENTENCE_TOKENS`."""
    return cap_sentences(doc)
