"""Concurrent writers on one store: the load test and a benchmark entry point.

:func:`measure_concurrent_saves` starts ``writers`` processes; each creates its own workspace,
waits for a common start signal, then saves it ``saves`` times (with ``expected_version``)
and, every ``shared_every`` saves, also saves one workspace all writers share (without
``expected_version``, so the version bump itself must not lose updates). It returns the save
latencies and everything a checker needs; it does not judge the result.

Run as a benchmark: ``python tests/helpers/store_load.py [DB_URL] [--writers 16] [--saves 100]``
(default URL: a fresh SQLite file in a temporary folder); prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from components.store import Store
from tests.helpers.store_crash_writer import checksum


class WriterResult(NamedTuple):
    writer: int
    workspace_id: str
    edit_token: str
    final_version: int
    save_seconds: list[float]
    shared_saves: int
    errors: list[str]
    stderr: str


class LoadResult(NamedTuple):
    writers: int
    saves: int
    wall_seconds: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    shared_token: str
    results: list[WriterResult]


def writer_content(writer: int, seq: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """What writer ``writer`` saves the ``seq``-th time: content only it ever writes."""
    articles = [
        {"text": f"Writer {writer} save {seq} article {k}: " + "tide report " * (20 + k), "title": f"W{writer}"}
        for k in range(1 + (writer + seq) % 4)
    ]
    settings = {
        "writer": writer,
        "seq": seq,
        "n": len(articles),
        "checksum": checksum([a["text"] for a in articles]),
    }
    return articles, settings


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def _worker(url: str, writer: int, saves: int, shared_token: str, shared_every: int) -> dict[str, Any]:
    store = Store(url, migrate=False)
    articles, settings = writer_content(writer, -1)
    created = store.create(name=f"writer {writer}", articles=articles, settings=settings)
    print("READY", flush=True)
    if sys.stdin.readline().strip() != "GO":
        raise SystemExit("no start signal")
    version = created.workspace.version
    durations: list[float] = []
    errors: list[str] = []
    shared = 0
    for seq in range(saves):
        articles, settings = writer_content(writer, seq)
        start = time.perf_counter()
        try:
            version = store.save(
                created.edit_token, articles=articles, settings=settings, expected_version=version
            ).version
        except Exception as exc:  # noqa: BLE001  # reported to the parent, which fails the test
            errors.append(f"save {seq}: {type(exc).__name__}: {exc}")
            continue
        durations.append(time.perf_counter() - start)
        if shared_every and seq % shared_every == 0:
            try:
                store.save(shared_token, settings={"last_writer": writer, "seq": seq})
                shared += 1
            except Exception as exc:  # noqa: BLE001
                errors.append(f"shared save {seq}: {type(exc).__name__}: {exc}")
    store.close()
    return {
        "workspace_id": created.workspace.id,
        "edit_token": created.edit_token,
        "final_version": version,
        "save_seconds": durations,
        "shared_saves": shared,
        "errors": errors,
    }


def measure_concurrent_saves(
    url: str, *, writers: int = 16, saves: int = 100, shared_every: int = 10, timeout: float = 300.0
) -> LoadResult:
    """Run the load and return latencies and per-writer results (see the module docstring).

    ``url`` must point at a database the store can migrate; it is migrated here once, before
    the writers start. It cannot measure anything but whole ``Store.save`` calls.
    """
    with Store(url) as store:
        shared = store.create(name="shared", articles=[], settings={})
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", url, str(w), str(saves), shared.edit_token, str(shared_every)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for w in range(writers)
    ]
    try:
        for proc in procs:
            line = proc.stdout.readline() if proc.stdout else ""
            if line.strip() != "READY":
                raise RuntimeError(f"writer failed to start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
        start = time.perf_counter()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("GO\n")
            proc.stdin.flush()
        outputs = [proc.communicate(timeout=timeout) for proc in procs]
        wall = time.perf_counter() - start
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    results = []
    for writer, (out, err) in enumerate(outputs):
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if not lines:
            results.append(WriterResult(writer, "", "", 0, [], 0, [f"no result; exit {procs[writer].returncode}"], err))
            continue
        data = json.loads(lines[-1])
        results.append(WriterResult(writer=writer, stderr=err, **data))
    durations = [d for r in results for d in r.save_seconds] or [float("nan")]
    return LoadResult(
        writers=writers,
        saves=saves,
        wall_seconds=wall,
        p50_ms=statistics.median(durations) * 1000,
        p95_ms=percentile(durations, 0.95) * 1000,
        max_ms=max(durations) * 1000,
        shared_token=shared.edit_token,
        results=results,
    )


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--worker":
        url, writer, saves, token, every = argv[1:6]
        try:
            out = _worker(url, int(writer), int(saves), token, int(every))
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            return 1
        print(json.dumps(out), flush=True)
        return 0
    parser = argparse.ArgumentParser(description="concurrent save benchmark for components.store")
    parser.add_argument("url", nargs="?", default=None)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--saves", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'load.sqlite'}"
        result = measure_concurrent_saves(url, writers=args.writers, saves=args.saves)
    errors = sum(len(r.errors) for r in result.results)
    print(json.dumps({
        "writers": result.writers, "saves": result.saves, "wall_seconds": round(result.wall_seconds, 2),
        "p50_ms": round(result.p50_ms, 2), "p95_ms": round(result.p95_ms, 2), "max_ms": round(result.max_ms, 2),
        "errors": errors,
    }))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
