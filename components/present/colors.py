"""One colour per side, the same in every chart and under every filter.

The scale is built once from the whole analysis (every side any statement, entity or figure
source has), so filtering the page never shifts a side to another colour, and every chart that
colours by side takes the same :class:`SideColors`. ``"unknown"`` is always neutral grey.
No streamlit here.
"""

from __future__ import annotations

import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import altair as alt

from components.present.tables import UNKNOWN_SIDE

#: Colours for sides, most-quoted first (Tableau 10 without its grey, then more distinct hues).
SIDE_PALETTE: tuple[str, ...] = (
    "#4c78a8", "#e45756", "#54a24b", "#f58518", "#b279a2", "#72b7b2", "#eeca3b", "#9d755d", "#ff9da6",
    "#1f5f8b", "#a4161a", "#2d6a4f", "#b5651d", "#6a4c93", "#3a8b8b",
)
UNKNOWN_COLOR = "#a3a3a3"
#: Colour of the words that name entity types, in the entities chart and its filter.
ENTITY_TYPE_WORDS: dict[str, str] = {
    "PERSON": "people", "ORG": "organisations", "GPE": "countries and cities", "LOC": "places",
    "NORP": "nationalities and groups", "FAC": "facilities",
}
ENTITY_TYPE_COLORS: dict[str, str] = {
    "people": "#4c78a8", "organisations": "#f58518", "countries and cities": "#54a24b", "places": "#88d27a",
    "nationalities and groups": "#b279a2", "facilities": "#9d755d",
}


@dataclass(frozen=True, slots=True)
class SideColors:
    """The sides in the order of the legend, each with its colour; ``unknown`` last, in grey."""

    sides: tuple[str, ...]
    colors: tuple[str, ...]

    def scale(self) -> alt.Scale:
        """The altair colour scale: every side of the analysis, even those a filter hides."""
        return alt.Scale(domain=list(self.sides), range=list(self.colors))

    def color_of(self, side: str | None) -> str:
        """The colour of ``side`` (grey for None, "unknown" or a side the scale has not seen)."""
        key = side or UNKNOWN_SIDE
        return dict(zip(self.sides, self.colors, strict=True)).get(key, UNKNOWN_COLOR)

    def as_dict(self) -> dict[str, str]:
        return dict(zip(self.sides, self.colors, strict=True))

    @property
    def key(self) -> str:
        """A short name of this scale (two analyses with the same sides share it)."""
        return hashlib.sha1("|".join(f"{s}={c}" for s, c in zip(self.sides, self.colors, strict=True)).encode(),
                            usedforsecurity=False).hexdigest()[:12]


def side_colors(counts: Mapping[str, int] | Iterable[str], *, also: Sequence[str] = ()) -> SideColors:
    """The scale for these sides: most frequent first (ties by name), ``also`` after them, unknown last.

    Args:
        counts: side -> how many statements it has (or an iterable of sides, one per statement).
        also: sides that hold no statement but are named elsewhere (entities, figure sources).

    Colours repeat after :data:`SIDE_PALETTE` runs out (15 sides); it cannot keep two analyses'
    colours aligned when they have different sides.
    """
    tally = Counter(counts) if not isinstance(counts, Mapping) else Counter(dict(counts))
    ordered = sorted((s for s in tally if s and s != UNKNOWN_SIDE), key=lambda s: (-tally[s], s))
    ordered += sorted({s for s in also if s and s != UNKNOWN_SIDE} - set(ordered))
    colors = [SIDE_PALETTE[i % len(SIDE_PALETTE)] for i in range(len(ordered))]
    return SideColors(sides=(*ordered, UNKNOWN_SIDE), colors=(*colors, UNKNOWN_COLOR))


def legend_html(colors: SideColors, *, sides: Iterable[str] | None = None) -> str:
    """One line of coloured dots naming the sides (those in ``sides``, or all): the legend of a
    group of charts that share the side scale. Side names are escaped (they come from articles)."""
    wanted = set(sides) if sides is not None else None
    items = [f'<span style="margin-right:1.1em;white-space:nowrap"><span style="display:inline-block;width:.8em;'
             f'height:.8em;border-radius:50%;background:{color};margin-right:.35em;vertical-align:-.05em"></span>'
             f"{html.escape(side)}</span>"
             for side, color in zip(colors.sides, colors.colors, strict=True) if wanted is None or side in wanted]
    return f'<div class="nl-side-legend" style="font-size:.85rem;line-height:1.8">side: {"".join(items)}</div>'
