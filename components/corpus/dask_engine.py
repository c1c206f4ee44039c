"""Corpus mode on Dask: the job of ``corpus.local.write_tables``, spread over a cluster's workers.

``python -m components analyze --engine dask --format parquet --out DIR FOLDER`` starts a local
cluster (one single-threaded worker process per core) or joins the scheduler given with
``--scheduler tcp://host:8786`` (or ``$DASK_SCHEDULER_ADDRESS``), so a user with a cluster
scales the same command without code changes.

The driver streams: it walks the folders lazily, sends one task per batch of files, and keeps at
most a few tasks per worker in flight, so neither the file list nor the results sit in memory
whole. Each task loads its files on the worker, analyzes them without caching and writes one
Parquet part per table. The output is one Parquet dataset per table (``DIR/entities.parquet/``
holding ``part-00000.parquet``, ...), which ``pandas.read_parquet(DIR / "entities.parquet")``
reads exactly like the single file the local engine writes. Workers need this repository and
``requirements.txt`` installed, as any Dask worker needs the code it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from components.analysis import AnalysisSettings, iter_analyze
from components.corpus.sources import iter_sources, normalise_types, nothing_found
from components.ingest import loaders
from components.ingest.batching import batched
from components.present.tables import TABLES

FILES_PER_TASK = 64
TASKS_PER_WORKER = 2
PART_GLOB = "part-*.parquet"


def _batches(sources: Sequence[str | Path], size: int) -> Iterator[list[str]]:
    """Batches of file paths and URLs, walked lazily from ``sources``."""

    def names() -> Iterator[str]:
        for source in sources:
            if "://" in str(source):
                yield str(source)
            else:
                yield from (str(path) for path in loaders.iter_files([source]))

    return batched(names(), size)


def _prepare(out: Path) -> None:
    """Make one dataset folder per table, emptied of parts from an earlier run."""
    for name in TABLES:
        dataset = out / f"{name}.parquet"
        if dataset.is_file():
            dataset.unlink()
        dataset.mkdir(parents=True, exist_ok=True)
        for old in dataset.glob(PART_GLOB):
            old.unlink()


def analyze_part(sources: Sequence[str], out: str, index: int, settings: AnalysisSettings) -> int:
    """Worker task: load, analyze and write one batch; returns how many articles it wrote.

    Raises:
        ArticleLoadError: a file of the batch cannot be read (the message names it).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq


    results = list(iter_analyze(iter_sources(sources), settings=settings, use_cache=False))
    for name, build in TABLES.items():
        frame = normalise_types(build(results))
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table, Path(out) / f"{name}.parquet" / f"part-{index:05d}.parquet")
    return len(results)


def _client(scheduler: str | None, n_workers: int | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS", "").strip() or None
    if address:
        return Client(address), None
    cluster = LocalCluster(
        n_workers=n_workers or max(1, min(os.cpu_count() or 1, 4)), threads_per_worker=1, processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def write_tables_dask(
    paths: Sequence[str | Path],
    *,
    out: Path,
    fmt: str,
    settings: AnalysisSettings | None = None,
    scheduler: str | None = None,
    n_workers: int | None = None,
    files_per_task: int = FILES_PER_TASK,
) -> list[Path]:
    """Write one Parquet dataset per table under ``out``; returns the dataset folders.

    Raises:
        ArticleLoadError: a file cannot be read, nothing was found, or ``fmt`` is not Parquet.
    """
    from dask.distributed import as_completed

    if fmt != "parquet":
        raise loaders.ArticleLoadError("The dask engine writes Parquet: use --format parquet.")
    settings = settings or AnalysisSettings()
    batches = _batches(paths, files_per_task)  # walks the folders first: a missing path fails here
    first = next(batches, None)
    if first is None:
        raise nothing_found(paths)
    _prepare(out)
    client, cluster = _client(scheduler, n_workers)
    written = 0
    try:
        limit = TASKS_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
        in_flight = as_completed()
        for index, batch in enumerate(chain([first], batches)):
            in_flight.add(client.submit(analyze_part, batch, str(out), index, settings, pure=False))
            while in_flight.count() >= limit:
                written += next(in_flight).result()
        for future in in_flight:
            written += future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if written == 0:
        raise nothing_found(paths)
    return [out / f"{name}.parquet" for name in TABLES]

