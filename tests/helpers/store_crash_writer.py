"""Crash-test writer: save workspaces in a loop and acknowledge each committed save.

Usage: ``python tests/helpers/store_crash_writer.py DB_PATH SEED``

Prints ``READY`` once the store is open, then ``ACK <workspace id> <version>`` (flushed) after
every create or save has returned, i.e. after its transaction committed. It runs until it is
killed (the test sends SIGKILL at a random moment), or stops by itself after
``MAX_SECONDS`` so a crashed test never leaves it running. Imports only the store (and so
SQLAlchemy), to keep start-up short.

Every saved workspace carries, in its settings, the number of its articles and a checksum of
their texts (:func:`checksum`), so a checker can tell a complete workspace from a torn one.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from components.store import Store

MAX_SECONDS = 10.0
WORDS = ("harbour", "council", "figure", "storm", "ferry", "mayor", "bridge", "report", "tide", "vote")


def checksum(texts: Sequence[str]) -> str:
    """SHA-256 of the article texts in order (the checker recomputes it from the rows)."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def make_content(rng: random.Random, *, seq: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Random articles (0-12, up to ~3 kB each) and settings that describe them."""
    articles = []
    for number in range(rng.randint(0, 12)):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 500)))
        articles.append({"text": f"{seq}.{number} {words}", "title": f"Report {seq}.{number}", "outlet": "Test"})
    settings = {
        "n": len(articles),
        "checksum": checksum([a["text"] for a in articles]),
        "seq": seq,
        "cells": [rng.choice(WORDS) for _ in range(rng.randint(1, 6))],
    }
    return articles, settings


def main(argv: list[str]) -> int:
    db_path, seed = argv[0], int(argv[1])
    rng = random.Random(seed)
    store = Store(f"sqlite:///{db_path}")
    print("READY", flush=True)
    deadline = time.monotonic() + MAX_SECONDS
    mine: list[list[Any]] = []  # [edit token, version]
    seq = 0
    while time.monotonic() < deadline:
        seq += 1
        articles, settings = make_content(rng, seq=seq)
        if not mine or rng.random() < 0.1:
            created = store.create(name=f"crash {seed}.{seq}", articles=articles, settings=settings)
            mine.append([created.edit_token, 1])
            print(f"ACK {created.workspace.id} 1", flush=True)
            continue
        entry = rng.choice(mine)
        saved = store.save(entry[0], articles=articles, settings=settings, expected_version=entry[1])
        entry[1] = saved.version
        print(f"ACK {saved.id} {saved.version}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
