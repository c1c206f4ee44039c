"""Opening a corpus result (the Parquet tables of `analyze --format parquet`) for the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from components.corpus import result as corpus_result
from components.corpus.local import write_tables
from components.corpus.result import COLUMNS, CorpusResultError

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["port-strike-harbor-ledger.txt", "port-strike-meridian-wire.txt"]


@pytest.fixture(scope="module")
def result_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    write_tables([ROOT / "sample_articles" / name for name in SAMPLES], out=root / "result", fmt="parquet")
    return root


def test_reads_only_the_columns_the_page_needs(result_root: Path) -> None:
    result = corpus_result.read_folder(corpus_result.resolve_folder("result", root=result_root))
    for name in ("articles", "entities", "quotes", "figures"):
        frame = getattr(result, name)
        assert list(frame.columns) == list(COLUMNS[name])
        assert len(frame) == pq.ParquetFile(result_root / "result" / f"{name}.parquet").metadata.num_rows
    assert len(pq.read_schema(result_root / "result" / "quotes.parquet").names) > len(COLUMNS["quotes"])
    assert set(result.articles["outlet"]) == {"The Harbor Ledger", "Meridian Wire Service"}
    assert (result.figures["type"] == "casualty").any()
    assert result.quotes["speaker"].notna().all()


def test_reads_a_folder_of_dataset_folders(result_root: Path, tmp_path: Path) -> None:
    """The Dask engine writes each table as a folder of part files."""
    for name in ("articles", "entities", "quotes", "figures"):
        table = pq.read_table(result_root / "result" / f"{name}.parquet")
        (tmp_path / "dask" / f"{name}.parquet").mkdir(parents=True)
        half = table.num_rows // 2
        pq.write_table(table.slice(0, half), tmp_path / "dask" / f"{name}.parquet" / "part.0.parquet")
        pq.write_table(table.slice(half), tmp_path / "dask" / f"{name}.parquet" / "part.1.parquet")
    from_parts = corpus_result.read_folder(corpus_result.resolve_folder("dask", root=tmp_path))
    whole = corpus_result.read_folder(result_root / "result")
    assert sorted(from_parts.quotes["text"]) == sorted(whole.quotes["text"])
    assert len(from_parts.figures) == len(whole.figures)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("../..", "Only folders inside", id="parent"),
        pytest.param("/", "Only folders inside", id="absolute"),
        pytest.param("escape", "Only folders inside", id="symlink-out"),
        pytest.param("result/quotes.parquet", "There is no folder", id="a-file"),
        pytest.param("  ", "Give the folder", id="blank"),
        pytest.param("bad\x00name", "not a folder name", id="nul"),
    ],
)
def test_folders_outside_the_root_are_refused_without_saying_what_exists(
    result_root: Path, tmp_path: Path, typed: str, message: str
) -> None:
    root = tmp_path / "root"
    shutil.copytree(result_root / "result", root / "result")
    (root / "escape").symlink_to(result_root / "result", target_is_directory=True)
    with pytest.raises(CorpusResultError, match=message) as caught:
        corpus_result.resolve_folder(typed, root=root)
    assert str(tmp_path) not in str(caught.value)


def test_root_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(corpus_result.ROOT_ENV, str(tmp_path))
    assert corpus_result.corpus_root() == tmp_path.resolve()
    monkeypatch.delenv(corpus_result.ROOT_ENV)
    monkeypatch.chdir(tmp_path)
    assert corpus_result.corpus_root() == tmp_path.resolve()


def test_uploaded_files_that_are_not_a_result_are_explained(result_root: Path) -> None:
    files = {f"{n}.parquet": (result_root / "result" / f"{n}.parquet").read_bytes() for n in COLUMNS}
    assert len(corpus_result.read_files(files).quotes) > 0
    with pytest.raises(CorpusResultError, match=r"figures\.parquet missing"):
        corpus_result.read_files({k: v for k, v in files.items() if k != "figures.parquet"})
    with pytest.raises(CorpusResultError, match=r"quotes\.parquet cannot be read as Parquet"):
        corpus_result.read_files({**files, "quotes.parquet": b"speaker,text\nIlse Varga,We are ready\n"})
    narrow = pd.DataFrame({"speaker": ["Ilse Varga"], "text": ["We are ready"]})
    with pytest.raises(CorpusResultError, match=r"quotes\.parquet lacks the column\(s\) article_id, outlet"):
        corpus_result.read_files({**files, "quotes.parquet": narrow.to_parquet()})
