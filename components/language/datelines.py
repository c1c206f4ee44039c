"""Datelines of wire copy as sentences of their own (a pipeline step before the parser).

See :mod:`components.language.lexicon.datelines` for what a dateline is. The step looks only at
the first tokens of each paragraph, so its work grows with the number of paragraphs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from components.language.lexicon import datelines as lex
from components.language.sentence_cap import set_sentence_starts


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0] if len(doc) and not doc[0].is_space else []
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                starts.append(nxt.i)
    return starts


def _place_word(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token.text) >= 2


def dateline_end(doc: Doc, start: int, *, early: bool) -> int | None:
    """The index of the dash that closes a dateline opening at token ``start``, else None.

    Args:
        doc: the tokenized text.
        start: the paragraph's first token.
        early: the paragraph is among the article's first (a bare "PLACE --" counts there only).
    """
    if not _place_word(doc[start]):
        return None
    depth = 0
    framed = False  # a comma, a date or an agency after the place: a dateline anywhere
    for i in range(start + 1, min(len(doc), start + lex.MAX_DATELINE_TOKENS + 1)):
        tok = doc[i]
        if "\n" in tok.text or "\n" in doc[i - 1].whitespace_:
            return None
        if depth == 0 and tok.text in lex.DATELINE_DASHES:
            nxt_ok = i + 1 < len(doc) and not doc[i + 1].is_space
            return i if nxt_ok and (framed or early) else None
        if tok.text == "(":
            depth += 1
            framed = True
        elif tok.text == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and not (_place_word(tok) or tok.is_title or tok.like_num or tok.text in lex.DATELINE_PUNCT):
            return None
        elif depth == 0 and (tok.text == "," or tok.like_num):
            framed = True
    return None


@Language.component("dateline_boundaries")
def dateline_boundaries(doc: Doc) -> Doc:
    """Start a sentence after the dash of each dateline (before the parser, which keeps it)."""
    starts = [
        end + 1 for n, start in enumerate(_paragraph_starts(doc))
        if (end := dateline_end(doc, start, early=n < lex.BARE_DATELINE_PARAGRAPHS)) is not None
    ]
    set_sentence_starts(doc, starts)
    return doc
