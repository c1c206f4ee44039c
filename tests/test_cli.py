"""The command line: the JSON contract, tables, and bad input with exit code 2 and one line on stderr.

Most cases run ``components.__main__.main`` in this process (the model is loaded once per test
session); a few run ``python -m components`` for real, end to end: the contract, a refused file,
and what the command imports before it needs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from components.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Title: Ferry talks stall in Halden
Outlet: The Harbor Ledger
Date: 2026-03-14

Harbour Minister Ilse Varga said on Tuesday that the ferry talks with Valdora had stalled.
"We will not sign a deal that leaves Halden without a port," Varga told reporters.
Valdoran envoy Tomas Brek denied that his government had walked away from the table.
"""


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """``python -m components ARGS`` in a new process (end to end)."""
    return subprocess.run([sys.executable, "-m", "components", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """``main(ARGS)`` in this process, with its exit code and what it printed."""
    monkeypatch.chdir(ROOT)

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="module")
def article_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_prints_the_contract(article_file: Path) -> None:
    proc = run_cli("analyze", "--format", "json", str(article_file))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "article-analysis/1"
    assert doc["model"].startswith("en_core_web_sm")
    art = doc["articles"][0]
    assert (art["title"], art["outlet"], art["published"]) == ("Ferry talks stall in Halden", "The Harbor Ledger",
                                                               "2026-03-14")
    assert art["n_words"] > 30 and len(art["id"]) == 16
    people = {e["name"]: e for e in art["entities"] if e["label"] == "PERSON"}
    assert "Ilse Varga" in people and "Varga" in people["Ilse Varga"]["aliases"]
    for key in ("quotes", "figures"):
        assert isinstance(art[key], list)
    assert {"statements_by_side", "figure_discrepancies"} <= set(doc["comparison"])
    text = ARTICLE.split("\n\n", 1)[1]
    for entity in art["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_analyze_a_folder_to_csv(article_file: Path, tmp_path: Path, cli: Callable[..., Ran]) -> None:
    out = tmp_path / "out"
    proc = cli("analyze", "--format", "csv", "--out", str(out), str(article_file.parent))
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in out.iterdir()}
    assert {"articles.csv", "entities.csv", "quotes.csv", "figures.csv", "mentions.csv"} <= names
    assert "Ilse Varga" in (out / "entities.csv").read_text(encoding="utf-8")


BAD_INPUTS = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"   \n\t  \n", "whitespace", id="whitespace"),
    pytest.param(b"\x00\x01\x02binary\x00junk" * 50, "binary", id="binary"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", id="pdf"),
]


@pytest.mark.parametrize(("content", "word"), BAD_INPUTS)
def test_bad_files_exit_2_with_one_line(content: bytes, word: str, tmp_path: Path, cli: Callable[..., Ran]) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    proc = cli("analyze", str(path))
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0].lower() and "Traceback" not in proc.stderr


def test_huge_file_is_refused(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Nine people were killed in Marlow. ")
        handle.truncate(50 * 1024 * 1024)  # 50 MB on paper
    proc = cli("analyze", str(path))
    assert proc.returncode == 2
    assert "large" in proc.stderr.lower() or "limit" in proc.stderr.lower()


def test_windows_1252_file_is_read(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Mayor Ren\xe9e Dub\xe9 said \x93the port is open\x94 on Monday.".encode("latin-1"))
    proc = cli("analyze", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Renée" in json.dumps(json.loads(proc.stdout), ensure_ascii=False)


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("http://127.0.0.1:9/article", id="loopback"),
        pytest.param("http://169.254.169.254/latest/meta-data", id="metadata"),
        pytest.param("file:///etc/passwd", id="file-scheme"),
        pytest.param("/no/such/file.txt", id="missing-path"),
    ],
)
def test_refused_sources_exit_2(target: str, cli: Callable[..., Ran]) -> None:
    proc = cli("analyze", target)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1


def test_csv_without_out_folder_is_a_usage_error(article_file: Path, cli: Callable[..., Ran]) -> None:
    proc = cli("analyze", "--format", "csv", str(article_file))
    assert proc.returncode == 2 and "--out" in proc.stderr


def test_a_refused_file_exits_2_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    proc = run_cli("analyze", str(path), timeout=120)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: report.pdf looks like a binary file (PDF), not an article.\n"


# Imported by other commands (tables, the page, the store, corpus engines, web pages), never by
# `analyze --format json` of a text file: each costs start-up time before the model loads.
NOT_FOR_ANALYZE = ("pandas", "pyarrow", "streamlit", "altair", "sqlalchemy", "dask", "trafilatura",
                   "components.ingest.fetch", "components.present.tables", "components.store")


def test_analyze_imports_only_what_it_needs(article_file: Path) -> None:
    script = (
        "import sys; from components.__main__ import main; code = main(['analyze', sys.argv[1]]); "
        f"print(code, sorted(m for m in {NOT_FOR_ANALYZE!r} if m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(article_file)], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)
    assert proc.stderr.strip().splitlines()[-1] == "0 []", proc.stderr[-2000:]
    assert json.loads(proc.stdout)["articles"][0]["title"] == "Ferry talks stall in Halden"
