"""Small pieces several cells share: the side legend above a group of charts, capped tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components.present.colors import SideColors, legend_html


def side_legend(colors: SideColors, *, sides: Iterable[str] | None = None) -> None:
    """Coloured dots naming the sides (those in ``sides``, or every side of the analysis)."""
    st.html(legend_html(colors, sides=sides))


#: Rows a table on the page shows at most; the CSV export holds them all.
TABLE_ROWS = 500


def capped(frame: pd.DataFrame, what: str, *, rows: int = TABLE_ROWS) -> pd.DataFrame:
    """The first ``rows`` rows, saying so when there are more: every run sends a table whole."""
    if len(frame) > rows:
        st.caption(f"The first {rows:,} of {len(frame):,} {what}; narrow them with the filters, or take the CSV "
                   "from the Export cell.")
        return frame.head(rows)
    return frame
