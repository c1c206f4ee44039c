"""The benchmark's corpus and report (its figures are printed, never asserted as timings here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components import bench
from components.__main__ import main
from components.bench import linearity
from components.ingest import limits

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


def test_cli_prints_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    code = main(["bench", "--n", "2", "--no-app", "--repeats", "1", "--curve-max", "1000", "--json-out", str(out)])
    assert code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [s["label"] for s in report["steps"]] == ["samples", "2"]
    assert report["steps"][1]["cached_rerun_ms"] is None
    assert {"ratio_ok", "linear", "peak_ok"} <= set(report["verdicts"])
    printed = capsys.readouterr().out
    assert "analysis w/s" in printed and "parse us/c" in printed
    points = report["linearity"]["points"]
    assert {p["shape"] for p in points} == set(linearity.SHAPES) and {p["chars"] for p in points} == {1_000}


def test_linearity_alone_prints_the_curve(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--linearity", "--curve-max", "1000"]) == 0
    printed = capsys.readouterr().out
    assert "analysis w/s" not in printed  # no throughput step
    table = [line.split() for line in printed.splitlines() if line.split()[:1] and line.split()[0] in linearity.SHAPES]
    assert sorted((row[0], int(row[1])) for row in table) == sorted(
        (shape, 1_000) for shape in linearity.SHAPES)


def test_curve_points_and_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each point times every step of an analyzed text, or says why and how fast it was refused."""
    point = linearity.measure("short-quotes", 2_000)
    assert point.refused is None and point.tokens is not None and point.tokens > 400
    assert point.total_s == pytest.approx(point.load_s + point.parse_s + point.extract_s + point.compare_s)
    monkeypatch.setattr(limits, "MAX_ARTICLE_TOKENS", 1_500)
    refused = linearity.measure("quote-marks", 2_000)
    assert refused.refused is not None and "the limit for one article is 1,500" in refused.refused
    assert refused.parse_s is None and refused.tokens is None
    curve = [linearity.Point("flat", 4_000, 900, 0.0, 1.0, 0.0, 0.0), linearity.Point("flat", 16_000, 3_600, 0.0, 4.0),
             linearity.Point("steep", 4_000, 900, 0.0, 1.0), linearity.Point("steep", 16_000, 3_600, 0.0, 8.0),
             linearity.Point("small", 1_000, 200, 0.0, 1.0), linearity.Point("small", 4_000, 900, 0.0, 1.0),
             refused]
    assert linearity.growth(curve) == {"flat": 1.0, "steep": 2.0, "small": None, "quote-marks": None}
