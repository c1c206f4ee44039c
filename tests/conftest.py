"""Shared fixtures: the real model once per session, the repository paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_ACCEPTANCE = ROOT.parent / "shared" / "acceptance"


@pytest.fixture(scope="session")
def nlp():
    from components.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_article() -> Path:
    path = SHARED_ACCEPTANCE / "seed_article.txt"
    if not path.exists():
        pytest.skip("../shared/acceptance is not beside this clone")
    return path
