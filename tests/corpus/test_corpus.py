"""Corpus mode: streaming analysis, CSV and Parquet tables, and the same job on a local Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from components.analysis import analyze, iter_analyze
from components.corpus.local import write_tables
from components.ingest.loaders import SAMPLES_DIR, Article, ArticleLoadError, iter_files, iter_paths
from components.language import nlp
from components.present.tables import TABLES

SORT_KEYS = {
    "articles": ["article_id"],
    "entities": ["article_id", "name", "label"],
    "mentions": ["article_id", "start", "end", "name"],
    "quotes": ["article_id", "start", "end"],
    "figures": ["article_id", "start", "end", "id"],
}


def _read(path: Path, name: str) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    return frame.sort_values(SORT_KEYS[name]).reset_index(drop=True)


@pytest.fixture(scope="module")
def samples_json() -> dict:
    return analyze(list(iter_paths(SAMPLES_DIR))).to_json()


@pytest.fixture(scope="module")
def local_parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    write_tables([SAMPLES_DIR], out=out, fmt="parquet")
    return out


def test_iter_files_lists_what_iter_paths_loads(tmp_path: Path) -> None:
    assert [Path(a.source) for a in iter_paths(SAMPLES_DIR)] == list(iter_files(SAMPLES_DIR))
    assert all(p.suffix == ".txt" and p.stem != "README" for p in iter_files(SAMPLES_DIR))
    with pytest.raises(ArticleLoadError, match="does not exist"):
        list(iter_files(tmp_path / "missing"))


def test_parquet_tables_hold_the_whole_analysis(local_parquet: Path, samples_json: dict) -> None:
    assert sorted(p.name for p in local_parquet.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    arts = samples_json["articles"]
    assert len(_read(local_parquet / "articles.parquet", "articles")) == len(arts) == 13
    assert len(_read(local_parquet / "quotes.parquet", "quotes")) == sum(len(a["quotes"]) for a in arts)
    assert len(_read(local_parquet / "figures.parquet", "figures")) == sum(len(a["figures"]) for a in arts)
    mentions = sum(len(e["mentions"]) for a in arts for e in a["entities"])
    assert len(_read(local_parquet / "mentions.parquet", "mentions")) == mentions
    quotes = _read(local_parquet / "quotes.parquet", "quotes")
    by_id = {a["id"]: a for a in arts}
    first = quotes.iloc[0]
    assert first["text"] in {q["text"] for q in by_id[first["article_id"]]["quotes"]}


def test_csv_tables_match_parquet(local_parquet: Path, tmp_path: Path) -> None:
    write_tables([SAMPLES_DIR], out=tmp_path, fmt="csv")
    for name in TABLES:
        csv = pd.read_csv(tmp_path / f"{name}.csv")
        assert len(csv) == len(pd.read_parquet(local_parquet / f"{name}.parquet")), name


def test_dask_engine_writes_the_same_rows(local_parquet: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from components.corpus.dask_engine import write_tables_dask

    written = write_tables_dask([SAMPLES_DIR], out=tmp_path, fmt="parquet", n_workers=2, files_per_task=4)
    assert [p.name for p in written] == [f"{n}.parquet" for n in TABLES]
    assert len(list((tmp_path / "quotes.parquet").glob("part-*.parquet"))) == 4  # 13 files in tasks of 4
    for name in TABLES:
        local = _read(local_parquet / f"{name}.parquet", name)
        spread = _read(tmp_path / f"{name}.parquet", name)
        pd.testing.assert_frame_equal(local, spread, check_dtype=False, obj=name)


def test_dask_engine_refuses_csv_and_missing_paths(tmp_path: Path) -> None:
    from components.corpus.dask_engine import write_tables_dask

    with pytest.raises(ArticleLoadError, match="Parquet"):
        write_tables_dask([SAMPLES_DIR], out=tmp_path, fmt="csv")
    with pytest.raises(ArticleLoadError, match="does not exist"):
        write_tables_dask([tmp_path / "nowhere"], out=tmp_path, fmt="parquet")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ArticleLoadError, match="no article files"):
        write_tables_dask([empty], out=tmp_path, fmt="parquet")


def _texts(n: int, consumed: list[int]) -> Iterator[Article]:
    for i in range(n):
        consumed.append(i)
        yield Article(text=f"Harbour Minister Ilse Varga said on Tuesday that {i + 3} ferries were late in Halden.")


def test_iter_analyze_streams_and_keeps_nothing_without_cache() -> None:
    consumed: list[int] = []
    cached_before = len(nlp.PARSE_CACHE._docs)
    results = iter_analyze(_texts(40, consumed), batch_size=4, use_cache=False)
    first = next(results)
    assert len(consumed) == 8, "two batches are read before the first result, not the whole corpus"
    assert first.article.text.startswith("Harbour Minister Ilse Varga")
    rest = list(results)
    assert len(rest) == 39 and len(consumed) == 40
    assert len(nlp.PARSE_CACHE._docs) == cached_before, "corpus mode must not fill the parse cache"
    assert [q.speaker for q in rest[-1].quotes] == ["Ilse Varga"]


def test_overlapped_analysis_equals_one_by_one(nlp) -> None:
    from components.analysis import AnalysisSettings, analyze_doc

    samples = list(iter_paths(SAMPLES_DIR))
    streamed = list(iter_analyze(samples, batch_size=3, use_cache=False))
    one_by_one = [analyze_doc(a, nlp(a.text), settings=AnalysisSettings()) for a in samples]
    assert streamed == one_by_one
    assert [r.article.id for r in streamed] == [a.id for a in samples]
