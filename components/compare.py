"""Side-by-side comparison: statements by side and speaker, figures across articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.analysis import ArticleAnalysis


def compare(results: Sequence[ArticleAnalysis]) -> dict[str, Any]:
    """Compare the statements and figures of analyzed articles (being written; see issue 6)."""
    del results
    return {"statements_by_side": {}, "figure_discrepancies": []}
