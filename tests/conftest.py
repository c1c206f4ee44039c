"""Shared fixtures: the real model once per session, the repository paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: the same examples on every run by default, so a red CI always means a change
# broke something; HYPOTHESIS_PROFILE=explore draws new examples each run (to hunt for bugs; a
# find becomes a row of the regression tables).
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SHARED_ACCEPTANCE = ROOT.parent / "shared" / "acceptance"


@pytest.fixture(scope="session")
def nlp():
    from components.language.nlp import get_nlp

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
