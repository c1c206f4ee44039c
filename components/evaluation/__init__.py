"""Yardsticks that score our analysis against annotated real-news corpora.

The package sits at the top of the layers, beside the benchmark (:mod:`components.bench`): it may
import :mod:`components.analysis` and the article loaders, and nothing imports it except the
command line (``python -m components evaluate ...``). It holds no corpus data: each evaluator
reads a checkout the user points it at, and never a split that is kept for measuring the team.

- :mod:`components.evaluation.polnear`: quote attribution (content span and speaker) against
  PolNeAR, the Political News Attribution Relations corpus (BRAT standoff annotations): the
  analysis run over a split, the printed report and the command line. Beside it, by job:
  ``polnear_records`` (the records and the BRAT parser), ``polnear_match`` (sources resolved,
  the speaker and content rules), ``polnear_corpus`` (reading one split from disk, never
  ``test``) and ``polnear_score`` (per-article scores and the summary).
"""
