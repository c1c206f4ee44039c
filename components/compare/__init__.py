"""The comparison layer: statements by side and speaker, events, and figures across articles.

Everything here is a pure function of the per-article records
(:class:`~components.language.extract.ArticleAnalysis`: no spaCy objects, no model), and
everything returned is a list of flat dicts (or a dict of them), so the page turns it into a
DataFrame as is; every item carries the article id and offsets it came from.

- :mod:`~components.compare.statements`: every quote as a flat record, grouped by side, paired
  across sides, and by speaker;
- :mod:`~components.compare.events`: articles grouped into events;
- :mod:`~components.compare.figures`: within each event, the tolls on which articles disagree.

May import: :mod:`components.language` (its records and lexicon) and :mod:`components.ingest`;
never the analysis, the page, the store or corpus mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.compare.events import EVENT_WINDOW_DAYS, Event, cluster_events
from components.compare.figures import discrepancies_in, event_figures, figure_discrepancies, lined_up_figures
from components.compare.statements import (
    PAIR_THRESHOLD,
    UNKNOWN_SIDE,
    Statement,
    collect_statements,
    pair_statements,
    statement_terms,
    statements_by_side,
    statements_by_speaker,
    terms_of_statements,
)
from components.language.extract import ArticleAnalysis

__all__ = [
    "UNKNOWN_SIDE", "Event", "Statement", "cluster_events", "collect_statements", "compare", "discrepancies_in",
    "event_figures", "figure_discrepancies", "lined_up_figures", "pair_statements", "statement_terms",
    "statements_by_side", "statements_by_speaker", "terms_of_statements",
]


def compare(
    results: Sequence[ArticleAnalysis],
    *,
    pair_threshold: float = PAIR_THRESHOLD,
    window_days: int = EVENT_WINDOW_DAYS,
) -> dict[str, Any]:
    """Compare the statements and figures of analyzed articles.

    Returns the ``comparison`` of the JSON contract: ``statements_by_side``,
    ``statement_pairs`` (sides, within events), ``unpaired``, ``by_speaker``, ``events``,
    ``event_figures`` and ``figure_discrepancies``. Statements without a side are listed under
    ``"unknown"`` and never paired.
    """
    events = cluster_events(results, window_days=window_days)
    event_of = {a: e.id for e in events for a in e.article_ids}
    labels = {e.id: e.label for e in events}
    statements = collect_statements(results)
    terms = terms_of_statements(statements, results)
    pairs = pair_statements(statements, terms=terms, group_of={s.id: s.side or "" for s in statements},
                            event_of=event_of, event_labels=labels, threshold=pair_threshold)
    paired = {r["a_id"] for r in pairs} | {r["b_id"] for r in pairs}
    figures = lined_up_figures(results, events)
    return {
        "statements_by_side": statements_by_side(statements),
        "statement_pairs": pairs,
        "unpaired": [s.to_dict() for s in statements if s.id not in paired],
        "by_speaker": statements_by_speaker(statements),
        "events": [e.to_dict() for e in events],
        "event_figures": figures,
        "figure_discrepancies": discrepancies_in(figures, events=events),
    }
