"""The real page (``dashboard.py``) timed in Streamlit's AppTest, for the benchmark.

It lives with the page because it drives Streamlit; the benchmark calls it and prints what it
measures (nothing here asserts).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.ingest.article import Article
from components.language import nlp
from components.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]


def time_page(corpus: Sequence[Article]) -> tuple[float, float, int]:
    """First render and a cached rerun of the real page on a saved workspace of ``corpus``."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSLENS_DB"] = str(Path(tmp) / "bench.sqlite")
        os.environ.pop("DATABASE_URL", None)
        with Store() as store:
            token = store.create(name="bench", articles=list(corpus), settings={}).edit_token
        app = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=600)
        app.query_params["ws"] = token
        start = time.perf_counter()
        app.run()
        first = time.perf_counter() - start
        if app.exception:
            raise RuntimeError(f"the page failed: {app.exception[0].message}")
        parses = nlp.PARSE_CACHE.parses
        start = time.perf_counter()
        app.run()
        rerun = time.perf_counter() - start
        return first * 1000, rerun * 1000, nlp.PARSE_CACHE.parses - parses
