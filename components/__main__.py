"""Command line: ``python -m components analyze|bench|evaluate|serve-check``.

``analyze`` prints the analysis contract (JSON) or writes tables (CSV, Parquet); it exits 0 on
success and 2 on bad input with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from components.ingest.article import ArticleLoadError  # the loaders and the model are imported by the command


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m components", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyze article files or folders")
    analyze.add_argument("paths", nargs="+", help="files (.txt, .md, .html), folders or http(s) URLs")
    analyze.add_argument("--format", choices=("json", "csv", "parquet"), default="json")
    analyze.add_argument("--out", type=Path, default=None, help="folder for csv/parquet output (json: a file)")
    analyze.add_argument("--engine", choices=("local", "dask"), default="local")
    analyze.add_argument("--scheduler", default=None,
                         help="with --engine dask: a scheduler address (tcp://host:8786); default a local cluster")
    analyze.add_argument("--n-process", type=int, default=1, help="parse worker processes")
    analyze.add_argument("--settings", type=Path, default=None, help="JSON file: alias_groups, side_overrides")

    bench = sub.add_parser("bench", help="measure throughput, memory and page timings")
    bench.add_argument("--n", type=int, nargs="*", default=None,
                       help="corpus sizes to measure (articles of about 700 words built from the samples); "
                            "default 10 100, with --browser 100 1000")
    bench.add_argument("--n-process", type=int, default=1, help="parse worker processes, for both sides")
    bench.add_argument("--no-app", action="store_true", help="skip the page timings")
    bench.add_argument("--repeats", type=int, default=3, help="runs of the samples step (its best is reported)")
    bench.add_argument("--json-out", type=Path, default=None, help="also write the JSON report here")
    bench.add_argument("--linearity", action="store_true",
                       help="only the linearity curve: hostile texts of 1 KB to --curve-max characters")
    bench.add_argument("--curve-max", type=int, default=None,
                       help="largest text of the linearity curve (default 64,000; with --linearity 1,000,000; 0: none)")
    bench.add_argument("--browser", action="store_true",
                       help="time the real page in chromium instead (first visit, new session, clicks to settled)")
    bench.add_argument("--rounds", type=int, default=5, help="with --browser: runs of each click")
    bench.add_argument("--cold-runs", type=int, default=3, help="with --browser: cold first visits of the samples")
    bench.add_argument("--sessions", type=int, default=5, help="with --browser: new sessions per corpus")

    evaluate = sub.add_parser("evaluate", help="score the analysis against an annotated corpus")
    evaluate.add_argument("corpus", choices=("polnear",), help="the corpus (polnear: quote attribution)")
    evaluate.add_argument("corpus_args", nargs=argparse.REMAINDER,
                          help="PATH [--split dev|train] [--limit N] [--json OUT] [--verbose]; see evaluate polnear -h")

    sub.add_parser("serve-check", help="check the model loads and the samples analyze (for hosting)")
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _cmd_analyze(args: argparse.Namespace) -> int:
    from components.analysis import AnalysisSettings
    from components.corpus import local as corpus

    settings = AnalysisSettings()
    if args.settings is not None:
        try:
            settings = AnalysisSettings.from_mapping(json.loads(args.settings.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            return _fail(f"cannot read settings {args.settings}: {exc}")
    for path in args.paths:
        if "://" not in path and not Path(path).exists():
            return _fail(f"{path}: no such file or folder")
    if args.format == "json":
        document = corpus.analyze_paths(args.paths, settings=settings, n_process=args.n_process)
        text = json.dumps(document, ensure_ascii=False, indent=1)
        if args.out is not None:
            args.out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
        return 0
    if args.out is None:
        return _fail(f"--format {args.format} writes several tables: give a folder with --out")
    written = corpus.write_tables(
        args.paths, out=args.out, fmt=args.format, settings=settings, n_process=args.n_process, engine=args.engine,
        scheduler=args.scheduler,
    )
    for path in written:
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _cmd_analyze(args)
        if args.command == "bench" and args.browser:
            from components.bench.browser import run_browser_bench

            return run_browser_bench(sizes=[100, 1000] if args.n is None else args.n, rounds=args.rounds,
                                     cold_runs=args.cold_runs, sessions=args.sessions, json_out=args.json_out)
        if args.command == "bench":
            from components.bench import run_bench
            from components.bench.linearity import DEFAULT_RUN_MAX, SIZES

            biggest = args.curve_max if args.curve_max is not None else (
                SIZES[-1] if args.linearity else DEFAULT_RUN_MAX)
            return run_bench(n_values=args.n or [10, 100], n_process=args.n_process, with_app=not args.no_app,
                             json_out=args.json_out, curve_sizes=[n for n in SIZES if n <= biggest],
                             throughput=not args.linearity, repeats=args.repeats)
        if args.command == "evaluate":
            from components.evaluation.polnear import main as evaluate_main

            return evaluate_main([args.corpus, *args.corpus_args])
        if args.command == "serve-check":
            from components.corpus.local import serve_check

            return serve_check()
    except ArticleLoadError as exc:
        return _fail(str(exc))
    return 1


if __name__ == "__main__":
    sys.exit(main())
