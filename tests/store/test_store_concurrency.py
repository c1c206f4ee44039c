"""16 writer processes x 100 saves each on one SQLite file (and on PostgreSQL when configured).

Each writer saves its own workspace with ``expected_version`` and, every tenth save, one
workspace they all share without it. Afterwards: no error at all (in particular no "database
is locked"), no lost write (every workspace at exactly the version its saves imply), no
crossed data (each workspace holds what its own writer saved last). The p95 save time is
printed (``pytest -s``); ``tests/helpers/store_load.py`` runs the same load as a benchmark.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path

import pytest

from components.store import Store
from tests.helpers.pg import fresh_pg_database
from tests.helpers.store_crash_writer import checksum
from tests.helpers.store_load import LoadResult, measure_concurrent_saves, writer_content

WRITERS = 16
SAVES = 100
SHARED_EVERY = 10


def check_load(url: str, result: LoadResult) -> None:
    errors = [f"writer {r.writer}: {e}" for r in result.results for e in r.errors]
    assert errors == [], errors[:10]
    assert not any("locked" in r.stderr for r in result.results)
    assert sorted(r.writer for r in result.results) == list(range(WRITERS))
    assert all(len(r.save_seconds) == SAVES for r in result.results)
    with Store(url, migrate=False) as store:
        for r in result.results:
            workspace = store.open(r.edit_token).workspace
            assert workspace.id == r.workspace_id
            assert workspace.version == SAVES + 1 == r.final_version, f"writer {r.writer}: lost write"
            articles, settings = writer_content(r.writer, SAVES - 1)
            assert workspace.settings == settings, f"writer {r.writer}: crossed or stale settings"
            assert [a["text"] for a in workspace.articles] == [a["text"] for a in articles]
            assert checksum([a["text"] for a in workspace.articles]) == settings["checksum"]
        shared = store.open(result.shared_token).workspace
        assert sum(r.shared_saves for r in result.results) == WRITERS * (SAVES // SHARED_EVERY)
        assert shared.version == 1 + WRITERS * (SAVES // SHARED_EVERY), "a concurrent version bump was lost"


def report(label: str, result: LoadResult) -> None:
    print(
        f"\n{label}: {result.writers} writers x {result.saves} saves in {result.wall_seconds:.1f} s; "
        f"save time p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms, max {result.max_ms:.0f} ms"
    )


@pytest.mark.slow
def test_sixteen_writers_on_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'load.sqlite'}"
    result = measure_concurrent_saves(url, writers=WRITERS, saves=SAVES, shared_every=SHARED_EVERY)
    report("SQLite", result)
    check_load(url, result)


@pytest.mark.slow
def test_sixteen_writers_on_postgresql() -> None:
    with fresh_pg_database() as pg_url:
        result = measure_concurrent_saves(pg_url, writers=WRITERS, saves=SAVES, shared_every=SHARED_EVERY)
        report("PostgreSQL", result)
        check_load(pg_url, result)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_threads_sharing_one_store(tmp_path: Path, backend: str) -> None:
    """The page shares one Store between sessions (threads): same guarantees as processes."""
    threads, saves = 8, 25
    context = fresh_pg_database() if backend == "postgresql" else nullcontext(f"sqlite:///{tmp_path / 't.sqlite'}")
    with context as url, Store(url) as store:
        created = [store.create(name=f"t{n}", articles=[], settings={}) for n in range(threads)]

        def work(n: int) -> int:
            version = 1
            for seq in range(saves):
                articles, settings = writer_content(n, seq)
                version = store.save(
                    created[n].edit_token, articles=articles, settings=settings, expected_version=version
                ).version
            return version

        with ThreadPoolExecutor(max_workers=threads) as pool:
            versions = list(pool.map(work, range(threads)))
        assert versions == [saves + 1] * threads
        for n, item in enumerate(created):
            workspace = store.open(item.view_token).workspace
            assert workspace.settings == writer_content(n, saves - 1)[1]
            assert workspace.version == saves + 1
