"""What both corpus engines share: where articles come from, and one stable type per table column.

Files, folders and URLs are read lazily in order; every table column gets one type (float or
string) so chunks written by any engine append to one Parquet schema.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from components.ingest import loaders

if TYPE_CHECKING:  # imported by normalise_types only, so reading sources needs no pandas
    import pandas as pd

NUMERIC_COLUMNS = frozenset(
    {"n_words", "count", "start", "end", "sentence_start", "sentence_end", "value", "low", "high", "si_value",
     "speaker_start", "speaker_end"}
)


def nothing_found(paths: Sequence[str | Path]) -> loaders.ArticleLoadError:
    """The error for paths under which no article file was found."""
    return loaders.ArticleLoadError("no article files found in " + ", ".join(str(p) for p in paths))


def iter_sources(sources: Sequence[str | Path]) -> Iterator[loaders.Article]:
    """Articles from files, folders and URLs (anything with ``://`` is fetched as a URL), in order."""
    for source in sources:
        if "://" in str(source):
            yield loaders.from_url(str(source))
        else:
            yield from loaders.iter_paths([source])


def normalise_types(frame: pd.DataFrame) -> pd.DataFrame:
    """Give every column one stable type (float or string) so chunks append to one Parquet schema."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if column in NUMERIC_COLUMNS:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
        else:
            out[column] = out[column].astype("string")
    return out
