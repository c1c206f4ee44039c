"""The text of a parsed ``Doc``, built once per Doc.

``Doc.text`` joins every token's text on each access; the extractors of one article each need
it, so it is kept in the Doc's ``user_data`` the first time it is built (or set there by the
parse, which has the string already).
"""

from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "newslens.text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, from ``user_data`` when the parse or an earlier call put it there."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
