"""One store action per process, so a test can "restart the app" between actions.

Usage::

    python tests/helpers/store_roundtrip.py create URL      # prints {"edit_token", "view_token", "workspace"}
    python tests/helpers/store_roundtrip.py open URL TOKEN  # prints {"role", "workspace"}
    python tests/helpers/store_roundtrip.py save URL TOKEN  # prints {"workspace"} or {"error", "message"}
    python tests/helpers/store_roundtrip.py fork URL TOKEN  # prints {"edit_token", "view_token", "workspace"}

``create`` saves :func:`sample_workspace`; every output is one JSON line on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from components.ingest.loaders import Article
from components.store import Store, StoreError


def sample_workspace() -> dict[str, Any]:
    """The invented workspace the restart test saves: two articles, a layout, overrides."""
    articles = [
        Article(
            text=(
                "Harbour officials in Velmora said on Tuesday that 14 boats were damaged when the "
                "storm reached the coast. \"We expect the port to reopen by Friday,\" said Ines Tarrow, "
                "the port director."
            ),
            title="Storm damages boats in Velmora harbour",
            outlet="The Coastline Courier",
            author="Odile Brann",
            published="2024-03-12",
            url="https://courier.example/velmora-storm",
            source="pasted",
        ),
        Article(
            text=(
                "The regional council of Ostrava Nova disputed the figure, saying at least 20 vessels "
                "were hit. Councillor Mattis Ferre called the port's estimate \"too hopeful\"."
            ),
            title="Council disputes harbour damage count",
            outlet="Nova Daily",
            published=None,
            source="sample",
        ),
    ]
    settings = {
        "cells": [{"kind": "entities", "open": True}, {"kind": "quotes", "open": False}],
        "order": ["quotes", "entities", "figures"],
        "side_overrides": {"Ines Tarrow": "Port authority", "Mattis Ferre": "Council"},
        "alias_additions": [["Ostrava Nova council", "the regional council"]],
        "filters": {"kinds": ["direct", "mixed"], "min_count": 2},
    }
    return {"name": "Velmora storm coverage", "articles": [a.to_dict() for a in articles], "settings": settings}


def main(argv: list[str]) -> int:
    action, url, *rest = argv
    store = Store(url)
    try:
        if action == "create":
            created = store.create(**sample_workspace())
            out: dict[str, Any] = {
                "edit_token": created.edit_token,
                "view_token": created.view_token,
                "workspace": created.workspace.to_dict(),
            }
        elif action == "open":
            opened = store.open(rest[0])
            out = {"role": opened.role, "workspace": opened.workspace.to_dict()}
        elif action == "save":
            try:
                out = {"workspace": store.save(rest[0], name="Changed by a second process").to_dict()}
            except StoreError as exc:
                out = {"error": type(exc).__name__, "message": str(exc)}
        elif action == "fork":
            forked = store.fork(rest[0])
            out = {
                "edit_token": forked.edit_token,
                "view_token": forked.view_token,
                "workspace": forked.workspace.to_dict(),
            }
        else:
            raise SystemExit(f"unknown action {action!r}")
    finally:
        store.close()
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
