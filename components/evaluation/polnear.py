"""Score our quote attribution against PolNeAR, the Political News Attribution Relations corpus.

``python -m components evaluate polnear PATH --split dev`` reads one split of a PolNeAR checkout
(``PATH`` is the repository root or its ``data`` folder), analyzes every article with our
pipeline and prints per-article and overall precision, recall and F1, plus the cues we miss most
and the cues of our unmatched quotes. Only ``train`` and ``dev`` are read: ``test`` is how the
team is measured, and the reader (:mod:`polnear_corpus`) refuses it before touching the disk.

**The corpus.** Each split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(BRAT standoff; a few articles have one file per annotator, and the first annotator in sorted
order is used). Text-bound lines (``T``) are ``Source``, ``Cue``, ``Content`` (fragments may be
discontinuous: ``"12 40;52 90"``), the ``Attribution`` trigger, and ``Discuss``/``Discard``
notes (ignored); event lines (``E``) tie them together: ``Attribution:T4 Content:T3 Cue:T2
Source:T1``, with ``Content2`` for a second content span and the trigger
``Attribution-no-source`` when the source is implicit. Offsets are characters of the text file
read as UTF-8 with newlines untouched, so the text is given to the analysis unchanged (no loader
normalisation, which could shift offsets).

**Gold.** One gold attribution per event: its content fragments (all ``Content*`` roles, merged),
its source text and its cue. Events with an implicit source (``Attribution-no-source``), with no
``Source`` role or with no content are not scored; they are counted in the report, and a
prediction that overlaps only such an event is *neutral* (neither right nor wrong). PolNeAR gives
no gold coreference, so a pronoun source is resolved here, before scoring:

- a relative pronoun (``who``, ``which``, ``that``, ...) takes the phrase just before it in its
  sentence (``"Sen. Maria Olsen, who said ..."`` -> ``Maria Olsen``);
- a personal pronoun takes the named mention nearest before it in its chain of the corpus's
  CoreNLP coreference (``corenlp/NAME.txt.xml``: automatic ``dcoref`` output shipped with
  PolNeAR, not gold; right for about 26 of 30 train pronouns checked by hand), else the nearest
  named mention after it;
- without a chain (or with ``--no-coref``) a third-person pronoun takes the nearest earlier gold
  source of the article, itself resolved; ``he``/``she`` (and their forms) skip sources whose
  head is no capitalised word or is an acronym ("critics", "the FBI"). This cannot tell gender;
- first and second person (``I``, ``we``, ``you``: the author, the reader) with no chain to a
  name stay unresolved;
- a common-noun source ("the mayor", "the president") is kept as written, and the named mention
  its CoreNLP chain links it to is accepted too.

No speaker can match an unresolved source. Source kinds (named, common noun, pronoun, first or
second person, relative) are reported apart (``by_source_kind``), so the figures can be read
without the pronouns.

**Match rule.** Lenient and many-to-many, like ``../shared/acceptance/score.py``:

- *content*: a predicted quote (its ``parts``, or ``start``..``end``) and a gold content overlap
  by at least :data:`MIN_OVERLAP` (50 %) of the shorter of the two, in characters. The shorter
  span decides because the two schemes cut differently: PolNeAR's content keeps "that" and runs
  over several sentences where we may stop, and we join a quote that PolNeAR splits;
- *speaker*: after lower-casing and dropping quotation marks, possessives, determiners and a
  plural "s", our ``speaker`` matches the gold source when the gold source's head word (the last
  word before "of", "for", a comma, "who" ...) or one of its capitalised names occurs in our
  speaker, or our speaker's last word occurs in the gold source; but never when both name people
  or bodies and share no name ("the Olsen campaign" is not "the Brandt campaign");
- a gold attribution is *recalled* when some predicted quote matches it; a predicted quote is
  *correct* when it matches some gold attribution. Content scores use the content rule alone,
  attribution scores need the speaker too. Micro P/R/F1 sum over articles.

What this cannot tell: PolNeAR annotates every attribution (beliefs, reports, polls, "found"),
not only speech, so recall is measured against a wider notion than our quotes; the pronoun
resolution is a heuristic of the yardstick, not gold; a speaker that names the right person in
the wrong role ("a spokesman for X" read as X) is accepted. An article on which the analysis
raises is left out of the scores and listed under ``analysis_errors``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from components.evaluation.polnear_corpus import (
    check_split,
    read_split,
)
from components.evaluation.polnear_match import (
    MIN_OVERLAP,
)
from components.evaluation.polnear_records import (
    ArticleScore,
    FalsePositive,
    GoldArticle,
    GoldAttribution,
    Miss,
    PolnearError,
    PredictedQuote,
)
from components.evaluation.polnear_score import (
    article_figures,
    gold_features,
    score_article,
    summarize,
)

# --- running the analysis --------------------------------------------------------------------


#: Errors of the analysis that fail one article and must not stop the yardstick (they are reported).
ANALYSIS_ERRORS: tuple[type[Exception], ...] = (
    ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError, RuntimeError,
)


def predict(articles: Sequence[GoldArticle], *, n_process: int = 1) -> list[list[PredictedQuote] | str]:
    """Run our analysis on the article texts (parsed once each, in ``nlp.pipe`` batches).

    The texts go in unchanged (``Article(text=...)``, not a loader), so quote offsets count the
    same characters as the gold. The comparison across articles is not computed: the scorer
    does not read it. Nothing is cached, so a long split does not keep its parses in memory.
    Articles go through ``iter_analyze`` in chunks; when the analysis raises inside a chunk,
    that chunk is analyzed again article by article, and an article that still fails gets its
    error message instead of quotes (so one bug in an extractor does not hide the whole split).

    Args:
        articles: the gold articles, whose texts are analyzed.
        n_process: parse worker processes.

    Returns:
        For each article, in the same order, our quotes or the error the analysis raised.
    """
    from components.analysis import iter_analyze  # late: loads spaCy
    from components.ingest.article import Article

    def run(chunk: Sequence[GoldArticle], processes: int) -> list[list[PredictedQuote] | str]:
        inputs = [Article(text=a.text, source=a.name) for a in chunk]
        return [
            [PredictedQuote.from_contract(q.to_dict()) for q in result.quotes]
            for result in iter_analyze(inputs, n_process=processes, use_cache=False)
        ]

    size = 64 * max(1, n_process)
    results: list[list[PredictedQuote] | str] = []
    for first in range(0, len(articles), size):
        chunk = articles[first:first + size]
        try:
            results.extend(run(chunk, n_process))
        except ANALYSIS_ERRORS:
            for article in chunk:
                try:
                    results.extend(run([article], 1))
                except ANALYSIS_ERRORS as exc:
                    results.append(f"{type(exc).__name__}: {exc}")
    return results


def evaluate(
    path: Path, split: str, *, limit: int | None = None, n_process: int = 1, top: int = 15, coref: bool = True
) -> tuple[dict[str, Any], list[GoldArticle], list[ArticleScore]]:
    """Read a split, analyze it and score it.

    Args:
        path: the PolNeAR repository root or its ``data`` folder.
        split: "train" or "dev" ("test" is refused before anything is read).
        limit: score only the first ``limit`` articles (file-name order).
        n_process: parse worker processes.
        top: how many cues each pattern list keeps.
        coref: resolve pronoun sources with the corpus's CoreNLP coreference where present.

    Returns:
        The report (JSON-ready), the gold articles that were analyzed and their scores. An
        article whose analysis raised is left out of the scores and listed in the report's
        ``analysis_errors``.

    Raises:
        HeldOutSplitError: for the held-out split.
        PolnearError: when ``path`` is no PolNeAR checkout.
    """
    started = time.perf_counter()
    gold = read_split(path, split, limit=limit, coref=coref)
    read_s = time.perf_counter() - started
    predictions = predict(gold, n_process=n_process)
    analysis_s = time.perf_counter() - started - read_s
    errors = [{"article": g.name, "error": p} for g, p in zip(gold, predictions, strict=True) if isinstance(p, str)]
    pairs = [(g, p) for g, p in zip(gold, predictions, strict=True) if not isinstance(p, str)]
    scored = [g for g, _ in pairs]
    scores = [score_article(g, p) for g, p in pairs]
    n_words = sum(len(g.text.split()) for g in gold)
    report = {
        "corpus": "PolNeAR", "split": split, "path": str(path),
        "match_rule": {
            "content": f"overlap >= {MIN_OVERLAP:.0%} of the shorter span (characters)",
            "speaker": "head word or a name of the gold source in our speaker, or our speaker's last word in the "
                       "gold source; vetoed when both hold names and share none; pronouns resolved to an antecedent "
                       + ("(CoreNLP coreference, else the nearest earlier source)" if coref
                          else "(the nearest earlier source)"),
            "counting": "many-to-many: a gold item is recalled by any matching prediction, a prediction is correct "
                        "when it matches any gold item",
        },
        "overall": summarize(scores, top=top),
        "analysis_errors": errors,
        "timing": {"read_s": round(read_s, 2), "analysis_s": round(analysis_s, 2), "words": n_words,
                   "words_per_s": round(n_words / analysis_s, 1) if analysis_s else None,
                   "total_s": round(time.perf_counter() - started, 2)},
        "articles": [
            {**article_figures(s), "annotator": g.annotator, "skipped": dict(s.skipped),
             "misses": [_miss_record(g.text, m) for m in s.misses],
             "false_positives": [_fp_record(fp) for fp in s.false_positives]}
            for g, s in zip(scored, scores, strict=True)
        ],
    }
    return report, scored, scores


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _miss_record(text: str, miss: Miss) -> dict[str, Any]:
    g = miss.gold
    return {"id": g.id, "reason": miss.reason, "cue": g.cue, "source": g.source, "source_kind": g.source_kind,
            "resolved_source": g.resolved_source, "content": _snippet(g.content_text), "start": g.start,
            "predicted_speakers": list(miss.predicted_speakers), "constructions": gold_features(g)}


def _fp_record(fp: FalsePositive) -> dict[str, Any]:
    q = fp.quote
    return {"reason": fp.reason, "cue": q.cue, "kind": q.kind, "speaker": q.speaker, "speaker_text": q.speaker_text,
            "text": _snippet(q.text), "start": q.spans[0][0], "gold_sources": list(fp.gold_sources)}


# --- printing --------------------------------------------------------------------------------


def _fmt(figures: Mapping[str, float]) -> str:
    return f"P {figures['p']:.3f}  R {figures['r']:.3f}  F1 {figures['f1']:.3f}"


def format_report(
    report: Mapping[str, Any], gold: Sequence[GoldArticle], scores: Sequence[ArticleScore], *,
    table: bool = True, verbose: bool = False,
) -> str:
    """The terminal report: per-article table, overall figures, patterns; misses with ``verbose``.

    Args:
        report: what :func:`evaluate` returned first.
        gold: the gold articles (for the context of misses).
        scores: their scores.
        table: include the per-article table.
        verbose: print every miss and false positive with a short context (corpus text: for
            the terminal only).
    """
    lines: list[str] = []
    if table:
        lines.append(f"{'article':<52} {'gold':>4} {'pred':>4} {'cont R':>6} {'attr P':>6} {'attr R':>6} {'F1':>5}")
        for row in report["articles"]:
            c, a = row["content"], row["attribution"]
            lines.append(f"{row['article'][:52]:<52} {row['gold']:>4} {row['pred']:>4} {c['r']:>6.2f} "
                         f"{a['p']:>6.2f} {a['r']:>6.2f} {a['f1']:>5.2f}")
        lines.append("")
    overall = report["overall"]
    timing = report["timing"]
    lines += [
        f"PolNeAR {report['split']}: {overall['articles']} articles, {timing['words']:,} words, gold {overall['gold']} "
        f"attributions (not scored: {overall['skipped_gold']}), predicted {overall['pred']} "
        f"(+{overall['neutral_pred']} neutral)",
        f"  content      {_fmt(overall['content'])}",
        f"  attribution  {_fmt(overall['attribution'])}",
        "  pronoun sources resolved by: " + ", ".join(f"{k} {v}" for k, v in overall["pronoun_resolution"].items())
        + f" (articles without CoreNLP coreference: {overall['articles_without_coref']})",
        f"  analysis failed (left out of the scores): {len(report['analysis_errors'])} articles"
        + "".join(f"\n    {e['article']}: {e['error'][:100]}" for e in report["analysis_errors"]),
        f"  time: analysis {timing['analysis_s']:.1f} s ({timing['words_per_s']} words/s), "
        f"total {timing['total_s']:.1f} s",
        "",
        f"{'recall by source kind / construction':<40} {'gold':>6} {'attr R':>7} {'cont R':>7}",
    ]
    for row in overall["by_source_kind"] + overall["by_construction"]:
        lines.append(f"  {row['label']:<38} {row['gold']:>6} {row['attr_recall']:>7.2f} {row['content_recall']:>7.2f}")
    for title, groups in (("missed gold, by gold cue", overall["missed_cues"]),
                          ("unmatched predictions, by our cue", overall["false_positive_cues"])):
        for reason, items in groups.items():
            lines.append("")
            lines.append(f"{title} ({reason}):")
            lines.extend(f"  {n:>5}  {cue}" for cue, n in items)
    if verbose:
        for g, s in zip(gold, scores, strict=True):
            if not s.misses and not s.false_positives:
                continue
            lines.append("")
            lines.append(f"== {g.name}")
            for m in s.misses:
                lines.append(f"  MISS [{m.reason}] cue={m.gold.cue!r} source={m.gold.source!r}"
                             f" -> {m.gold.resolved_source!r} ours={list(m.predicted_speakers)}")
                lines.append(f"       {_context(g.text, m.gold)}")
            for fp in s.false_positives:
                lines.append(f"  FP   [{fp.reason}] cue={fp.quote.cue!r} speaker={fp.quote.speaker!r}"
                             f" ({fp.quote.speaker_text!r}) gold={list(fp.gold_sources)}")
                lines.append(f"       {_snippet(fp.quote.text, 110)!r}")
    return "\n".join(lines)


def _context(text: str, gold: GoldAttribution, width: int = 140) -> str:
    starts = [p for p in (gold.source_start, gold.cue_start, gold.start) if p is not None]
    begin = max(0, min(starts) - 20)
    return repr(_snippet(text[begin:begin + width + 40], width))


# --- command line ----------------------------------------------------------------------------


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``polnear`` command to an ``add_subparsers()`` object.

    Args:
        subparsers: what ``ArgumentParser.add_subparsers()`` returned.

    Returns:
        The new parser; its default ``func`` is :func:`run`.
    """
    parser = subparsers.add_parser(
        "polnear", help="score quote attribution against a PolNeAR checkout (train or dev)",
        description="Score our quote attribution (content span and speaker) against PolNeAR. "
                    "Only the train and dev splits are read; test is refused.",
    )
    parser.add_argument("path", type=Path, help="PolNeAR repository root or its data/ folder")
    parser.add_argument("--split", default="dev", help="train or dev (default dev); test is refused")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles of the split")
    parser.add_argument("--json", type=Path, default=None, dest="json_out", metavar="OUT",
                        help="write the full report (JSON) here")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="print every miss and false positive with a short context")
    parser.add_argument("--no-table", action="store_true", help="leave out the per-article table")
    parser.add_argument("--top", type=int, default=15, help="cues per pattern list (default 15)")
    parser.add_argument("--n-process", type=int, default=1, help="parse worker processes")
    parser.add_argument("--no-coref", action="store_true",
                        help="resolve pronoun sources by the nearest earlier source only (not CoreNLP coreference)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the ``polnear`` command; 0 on success, 2 on a refused split or a bad path.

    Args:
        args: the parsed arguments of :func:`add_parser`.
    """
    try:
        check_split(args.split)
        report, gold, scores = evaluate(args.path, args.split, limit=args.limit, n_process=args.n_process,
                                        top=args.top, coref=not args.no_coref)
    except PolnearError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, gold, scores, table=not args.no_table, verbose=args.verbose))
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"report written to {args.json_out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m components evaluate polnear ...`` (also ``python -m components.evaluation.polnear``).

    Args:
        argv: the arguments after ``evaluate`` (``["polnear", PATH, "--split", "dev"]``), or
            None for ``sys.argv``.
    """
    parser = argparse.ArgumentParser(prog="python -m components evaluate",
                                     description="Score the analysis against an annotated corpus.")
    add_parser(parser.add_subparsers(dest="corpus", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
