"""spaCy's tokenizer in linear time: a long run of characters without a space is cut before it is read.

spaCy splits a text at spaces and then strips prefixes, suffixes and infixes off each chunk; every
strip copies the rest of the chunk, so a chunk of ``n`` quotation marks (``'"' * 5000``) or of
``"a:" * 8000`` costs ``n**2``. :class:`BoundedTokenizer` wraps the model's tokenizer and hands it
chunks of at most :data:`MAX_RUN` characters: a longer run is cut into pieces (never inside a word
or a number), each piece is tokenized on its own and the pieces are
joined into one ``Doc`` whose text is the input, character for character. A text without such a
run (every ordinary article) goes to the model's tokenizer unchanged.

It cannot tokenize a cut run exactly as spaCy would have: a token longer than :data:`MAX_RUN`
that holds punctuation (a very long URL) comes out in pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

#: The longest run of characters without a space handed to spaCy's tokenizer in one piece.
MAX_RUN = 100

def _run_pattern(size: int) -> re.Pattern[str]:
    return re.compile("[^ ]{" + str(size + 1) + ",}")


_LONG_RUN = _run_pattern(MAX_RUN)


def _cut_points(text: str, start: int, end: int, size: int) -> Iterator[int]:
    """Where to cut ``text[start:end]`` into pieces of at most ``size`` characters.

    A cut never falls between two letters or digits, nor between two whitespace characters: a
    word, a number (``"9" * 306``) or a run of line breaks longer than a piece stays whole, and
    costs spaCy little, as no affix is stripped inside it.
    """
    pos = start
    while end - pos > size:
        cut = next((i for i in range(pos + size, pos, -1) if _between_words(text, i)), None)
        if cut is None:  # a word longer than a piece: cut after it
            cut = next((i for i in range(pos + size + 1, end) if _between_words(text, i)), None)
            if cut is None:
                return
        yield cut
        pos = cut


def _between_words(text: str, i: int) -> bool:
    """A place to cut: not inside a word, a number or a run of whitespace (spaCy keeps each whole, cheaply)."""
    a, b = text[i - 1], text[i]
    return not ((a.isalnum() and b.isalnum()) or (a.isspace() and b.isspace()))


def pieces(text: str, *, size: int = MAX_RUN) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces :class:`BoundedTokenizer` tokenizes one by one, in order.

    Runs of more than ``size`` characters without a space are cut; the single space after a run
    goes with its last piece (as spaCy makes it that token's trailing whitespace). The pieces
    cover the text exactly. A text without a long run is one piece.
    """
    found: list[tuple[int, int]] = []
    pos = 0
    pattern = _LONG_RUN if size == MAX_RUN else _run_pattern(size)
    for match in pattern.finditer(text):
        run_start, run_end = match.span()
        if run_start > pos:
            found.append((pos, run_start))
        if run_end < len(text) and text[run_end] == " ":
            run_end += 1
        piece_start = run_start
        for cut in _cut_points(text, run_start, match.end(), size):
            found.append((piece_start, cut))
            piece_start = cut
        found.append((piece_start, run_end))
        pos = run_end
    if pos < len(text) or not found:
        found.append((pos, len(text)))
    return found


class BoundedTokenizer:
    """The model's tokenizer, fed runs of at most :data:`MAX_RUN` characters without a space.

    Set as ``nlp.tokenizer``; every other attribute (rules, ``explain``, serialisation) is the
    wrapped tokenizer's.
    """

    def __init__(self, base: Callable[[str], Doc], *, size: int = MAX_RUN) -> None:
        self.base = base
        self.size = size

    def __call__(self, text: str) -> Doc:
        spans = pieces(text, size=self.size)
        if len(spans) == 1:
            return self.base(text)
        doc = Doc.from_docs([self.base(text[a:b]) for a, b in spans], ensure_whitespace=False)
        # each piece's first token came marked as a sentence start: only the parser decides those
        unset = numpy.zeros(len(doc), dtype="uint64")
        unset[:1] = 1
        doc.from_array([SENT_START], unset)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name in {"base", "size"}:  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.base, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (BoundedTokenizer, (self.base,), {"size": self.size})
