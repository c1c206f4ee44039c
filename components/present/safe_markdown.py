"""Untrusted text inside Markdown: shown as written, never as links, images, emphasis or directives.

Streamlit renders the strings it is given for ``st.markdown``, ``st.info``, ``st.error``,
``st.caption`` and the like as Markdown (CommonMark plus GitHub tables, strikethrough and bare
links, ``:red[...]`` colour and ``:material/...:`` icon directives, ``$...$`` maths). Raw HTML is
off there, but an entity name, a side, a workspace name or a URL filter written as
``[log in](https://evil.example)`` or ``![](https://tracker.example/pixel)`` would still become
a link or load a remote image. :func:`escape_markdown` backslash-escapes every ASCII punctuation
character (CommonMark allows exactly that escape for each of them) and flattens line breaks, so
the text renders literally inside a line of Markdown. Pure: no streamlit here.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = frozenset(string.punctuation)
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def escape_markdown(text: str) -> str:
    """Return ``text`` escaped for use inside one line of Markdown (``f"**{escape_markdown(name)}**"``).

    Every ASCII punctuation character gets a backslash, so no link, image, emphasis, code span,
    heading, list, table, HTML tag or entity, directive or maths can start inside it; line breaks
    become one space, so it cannot open a new block. Letters, digits, spaces and non-ASCII
    characters are kept as they are.

    It cannot make text safe for ``unsafe_allow_html=True`` or ``st.html``: use ``html.escape``
    there. It does not shorten text.
    """
    flat = _LINE_BREAKS.sub(" ", text)
    return "".join(f"\\{char}" if char in _PUNCTUATION else char for char in flat)
