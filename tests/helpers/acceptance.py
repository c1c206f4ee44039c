"""The acceptance scorer of ``../shared/acceptance`` as a module, for tests that score extractions."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "acceptance" / "score.py"


def load_scorer() -> ModuleType:
    """Import ``score.py``; skip the calling test when ``../shared`` is not beside this clone."""
    if not SCORER.exists():
        pytest.skip("../shared/acceptance is not beside this clone")
    spec = importlib.util.spec_from_file_location("acceptance_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
