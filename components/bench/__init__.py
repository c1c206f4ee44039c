"""``python -m components bench``: how fast and how big the analysis and the page are.

- :mod:`~components.bench.throughput`: parse vs analysis throughput, memory, growth with N and
  page timings (AppTest), in one run.

The benchmark sits at the top of the layers, beside the command line: it may import anything
in ``components``; nothing imports it. It prints figures and never asserts them.
"""

from __future__ import annotations

from components.bench.throughput import (
    TARGET_RATIO,
    StepResult,
    format_table,
    make_corpus,
    run_bench,
    run_samples_step,
    run_step,
    verdicts,
)

__all__ = ["TARGET_RATIO", "StepResult", "format_table", "make_corpus", "run_bench", "run_samples_step", "run_step",
           "verdicts"]
