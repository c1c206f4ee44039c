"""The benchmark's corpus and report (its figures are printed, never asserted as timings here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from components import bench

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_is_distinct_sized_and_repeatable() -> None:
    corpus = bench.make_corpus(30)
    assert len({a.id for a in corpus}) == 30, "no two texts may be equal, or the parse cache would help"
    sizes = [a.n_words for a in corpus]
    assert min(sizes) >= 600 and max(sizes) <= 900, sizes
    assert [a.id for a in bench.make_corpus(30)] == [a.id for a in corpus]
    # paragraphs come from articles of the same event: a port-strike report never mixes in the dam flood
    port = [a for a in corpus if "port" in a.title.lower() or "strike" in a.title.lower()]
    assert port and not any("dam" in a.text.lower().split() for a in port)


def test_step_reports_consistent_figures(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLENS_DB", str(tmp_path / "bench.sqlite"))
    step = bench.run_step(3, with_app=True)
    assert step.n_articles == 3 and step.n_words > 1800
    assert step.parse_wps == pytest.approx(step.n_words / step.parse_s)
    assert step.ratio == pytest.approx(step.parse_s / step.analysis_s)
    assert step.rerun_parses == 0, "a cached rerun of the page must not parse"
    assert step.first_render_ms is not None and step.cached_rerun_ms is not None
    table = bench.format_table([step])
    assert table.splitlines()[2].split()[0] == "3"
    samples = bench.run_samples_step(repeats=1)
    assert (samples.label, samples.n_articles) == ("samples", 13)
    assert samples.cached_rerun_ms is None
    verdict = bench.verdicts([step])
    assert verdict["ratio_ok"] == (step.ratio >= bench.TARGET_RATIO)
    assert verdict["linear"] is True  # a single N has nothing to grow against


def test_cli_prints_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "components", "bench", "--n", "2", "--no-app", "--json-out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [s["label"] for s in report["steps"]] == ["samples", "2"]
    assert report["steps"][1]["cached_rerun_ms"] is None
    assert {"ratio_ok", "linear", "peak_ok"} <= set(report["verdicts"])
    assert "analysis w/s" in proc.stdout
