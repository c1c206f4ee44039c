"""Open a corpus result that ``python -m components analyze --format parquet`` wrote, for the page.

A result folder holds one Parquet table per kind (``articles``, ``entities``, ``mentions``,
``quotes``, ``figures``; see :mod:`components.present.tables` for the columns): one file each, or one
Parquet dataset folder each (the Dask engine). The page shows the corpus's entities, quotes and
figures, so only those tables, and only the columns the page draws, are read: a large corpus
never comes into memory whole (the mentions table, usually the largest, is never read).

Folders are opened only under a root the host chooses (``$NEWSLENS_CORPUS_ROOT``, default the
working directory), so a visitor cannot make the server read anything else. No streamlit here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT_ENV = "NEWSLENS_CORPUS_ROOT"
SUFFIX = ".parquet"

#: The columns the page reads from each table, nothing more.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "title", "outlet", "published", "n_words"),
    "entities": ("article_id", "outlet", "name", "label", "count", "side"),
    "quotes": ("article_id", "outlet", "title", "speaker", "side", "kind", "cue", "text"),
    "figures": (
        "article_id", "outlet", "title", "id", "type", "category", "value", "low", "high", "qualifier", "unit",
        "group", "subset_of", "source", "location", "iso", "text",
    ),
}
TABLE_NAMES: tuple[str, ...] = tuple(COLUMNS)


class CorpusResultError(ValueError):
    """The folder or files are not a readable corpus result; the message is meant for the user."""


@dataclass(frozen=True)
class CorpusResult:
    """The tables of one corpus result, restricted to :data:`COLUMNS`."""

    label: str
    articles: pd.DataFrame
    entities: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame


def corpus_root() -> Path:
    """The folder under which result folders may be opened: ``$NEWSLENS_CORPUS_ROOT`` or the working dir.

    Read at call time, so a host (or a test) can change it without a restart.
    """
    raw = os.environ.get(ROOT_ENV, "").strip()
    return Path(raw).expanduser().resolve() if raw else Path.cwd().resolve()


def resolve_folder(text: str, *, root: Path | None = None) -> Path:
    """The result folder named by ``text`` (relative to ``root``, or absolute inside it).

    Symbolic links are resolved before the check, so a link cannot lead out of ``root``. The
    messages never name ``root`` nor say whether a path outside it exists.

    Raises:
        CorpusResultError: empty, outside ``root``, missing, not a folder, or without the tables.
    """
    base = (root or corpus_root()).resolve()
    cleaned = text.strip()
    if not cleaned:
        raise CorpusResultError("Give the folder of a Parquet result, e.g. results/.")
    if "\x00" in cleaned:
        raise CorpusResultError("That is not a folder name.")
    folder = (base / Path(cleaned).expanduser()).resolve()
    if not folder.is_relative_to(base):
        raise CorpusResultError(
            "Only folders inside this server's corpus folder can be opened "
            f"(the host sets it with {ROOT_ENV}); give a path relative to it."
        )
    if not folder.is_dir():
        raise CorpusResultError(f"There is no folder {cleaned!r} in the corpus folder.")
    missing = [f"{name}{SUFFIX}" for name in TABLE_NAMES if not (folder / f"{name}{SUFFIX}").exists()]
    if missing:
        raise CorpusResultError(
            f"{cleaned!r} is not a News Lens result: it lacks {', '.join(missing)} "
            "(write one with: python -m components analyze --format parquet --out DIR FILES...)."
        )
    return folder


def _read(source: Path | bytes, *, name: str, label: str) -> pd.DataFrame:
    """Read the columns the page needs from one table: a file or dataset folder, or a file's bytes."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    wanted = list(COLUMNS[name])
    try:
        if isinstance(source, Path):
            dataset = ds.dataset(source, format="parquet")
            schema = dataset.schema
        else:
            parquet = pq.ParquetFile(pa.BufferReader(source))
            schema = parquet.schema_arrow
        missing = [c for c in wanted if c not in set(schema.names)]
        if missing:
            raise CorpusResultError(
                f"{label}: {name}{SUFFIX} lacks the column(s) {', '.join(missing)}; is it a News Lens result?"
            )
        table = dataset.to_table(columns=wanted) if isinstance(source, Path) else parquet.read(columns=wanted)
        return table.to_pandas()
    except (pa.ArrowException, OSError):
        raise CorpusResultError(f"{label}: {name}{SUFFIX} cannot be read as Parquet.") from None


def read_folder(folder: Path, *, label: str | None = None) -> CorpusResult:
    """Read a result folder found by :func:`resolve_folder` (it does not check the root again).

    Raises:
        CorpusResultError: a table is missing, not Parquet, or lacks a column the page needs.
    """
    shown = label or folder.name
    frames = {name: _read(folder / f"{name}{SUFFIX}", name=name, label=shown) for name in TABLE_NAMES}
    return CorpusResult(label=shown, **frames)


def read_files(files: Mapping[str, bytes], *, label: str = "uploaded result") -> CorpusResult:
    """Read a result from uploaded files, keyed by file name (``entities.parquet`` …).

    Raises:
        CorpusResultError: a table is missing among the files, or unreadable.
    """
    by_name = {Path(name).name.lower(): data for name, data in files.items()}
    missing = [f"{name}{SUFFIX}" for name in TABLE_NAMES if f"{name}{SUFFIX}" not in by_name]
    if missing:
        raise CorpusResultError(f"Upload every table of the result: {', '.join(missing)} missing.")
    frames = {name: _read(by_name[f"{name}{SUFFIX}"], name=name, label=label) for name in TABLE_NAMES}
    return CorpusResult(label=label, **frames)
