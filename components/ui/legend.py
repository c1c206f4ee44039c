"""The side legend above a group of charts that share the side scale."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from components.present.colors import SideColors, legend_html


def side_legend(colors: SideColors, *, sides: Iterable[str] | None = None) -> None:
    """Coloured dots naming the sides (those in ``sides``, or every side of the analysis)."""
    st.html(legend_html(colors, sides=sides))
