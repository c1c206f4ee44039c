"""Corpus mode on one machine: analyze files and folders from the command line, streaming.

JSON collects the whole set (the comparison needs it); CSV and Parquet stream: articles are
read, parsed and written in chunks, so a folder of any size never sits in memory whole.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from components.analysis import AnalysisSettings, ArticleAnalysis, analyze, iter_analyze
from components.corpus.sources import iter_sources, nothing_found
from components.ingest import loaders
from components.ingest.batching import batched

if TYPE_CHECKING:  # pandas and the tables are imported by the table writers only: JSON needs neither
    import pandas as pd

CHUNK = 256


def analyze_paths(
    paths: Sequence[str | Path], *, settings: AnalysisSettings | None = None, n_process: int = 1
) -> dict[str, Any]:
    """The JSON contract for the articles found under ``paths`` (files, folders or URLs).

    Raises:
        ArticleLoadError: a file cannot be read as an article (the message names it).
    """
    items = list(iter_sources(paths))
    if not items:
        raise nothing_found(paths)
    return analyze(items, settings=settings, n_process=n_process).to_json()


def write_tables(
    paths: Sequence[str | Path],
    *,
    out: Path,
    fmt: str,
    settings: AnalysisSettings | None = None,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[Path]:
    """Write one table per kind (articles, entities, mentions, quotes, figures) under ``out``.

    Returns the files written. ``engine="dask"`` runs the same job on a Dask cluster (a local one,
    or the scheduler at ``scheduler``) and writes one Parquet dataset folder per table instead.
    """
    out.mkdir(parents=True, exist_ok=True)
    if engine == "dask":
        from components.corpus.dask_engine import write_tables_dask

        return write_tables_dask(paths, out=out, fmt=fmt, settings=settings, scheduler=scheduler)
    results = iter_analyze(iter_sources(paths), settings=settings, n_process=n_process, use_cache=False)
    writers = TableWriters(out=out, fmt=fmt)
    try:
        for chunk in batched(results, CHUNK):
            writers.write(chunk)
    finally:
        writers.close()
    if not writers.files:
        raise nothing_found(paths)
    return writers.files


class TableWriters:
    """Appends chunks of results to one CSV or Parquet file per table."""

    def __init__(self, *, out: Path, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self._parquet: dict[str, Any] = {}
        self.files: list[Path] = []

    def write(self, chunk: Sequence[ArticleAnalysis]) -> None:
        from components.corpus.sources import normalise_types
        from components.present.tables import TABLES

        for name, build in TABLES.items():
            frame = normalise_types(build(chunk))
            path = self.out / f"{name}.{self.fmt}"
            if self.fmt == "csv":
                frame.to_csv(path, mode="a" if path in self.files else "w", header=path not in self.files,
                             index=False)
            else:
                self._write_parquet(name, path, frame)
            if path not in self.files:
                self.files.append(path)

    def _write_parquet(self, name: str, path: Path, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        writer = self._parquet.get(name)
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
            self._parquet[name] = writer
        writer.write_table(table.cast(writer.schema))

    def close(self) -> None:
        for writer in self._parquet.values():
            writer.close()
        self._parquet.clear()


def serve_check() -> int:
    """Load the model and analyze the bundled samples; print one line per step (for hosting)."""
    from components.language import nlp

    print(f"model: {nlp.model_name()}")
    samples = loaders.load_samples()
    result = analyze(samples)
    quotes = sum(len(a.quotes) for a in result.articles)
    figures = sum(len(a.figures) for a in result.articles)
    print(f"samples: {len(samples)} articles, {quotes} quotes, {figures} figures")
    sys.stdout.flush()
    return 0
