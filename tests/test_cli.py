"""The command line in a subprocess: the JSON contract, and bad input with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Title: Ferry talks stall in Halden
Outlet: The Harbor Ledger
Date: 2026-03-14

Harbour Minister Ilse Varga said on Tuesday that the ferry talks with Valdora had stalled.
"We will not sign a deal that leaves Halden without a port," Varga told reporters.
Valdoran envoy Tomas Brek denied that his government had walked away from the table.
"""


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "components", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


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


def test_analyze_a_folder_to_csv(article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli("analyze", "--format", "csv", "--out", str(out), str(article_file.parent))
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
def test_bad_files_exit_2_with_one_line(content: bytes, word: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    proc = run_cli("analyze", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0].lower() and "Traceback" not in proc.stderr


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Nine people were killed in Marlow. " * (50 * 1024 * 1024 // 35))
    proc = run_cli("analyze", str(path))
    assert proc.returncode == 2
    assert "large" in proc.stderr.lower() or "limit" in proc.stderr.lower()


def test_windows_1252_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Mayor Ren\xe9e Dub\xe9 said \x93the port is open\x94 on Monday.".encode("latin-1"))
    proc = run_cli("analyze", str(path))
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
def test_refused_sources_exit_2(target: str) -> None:
    proc = run_cli("analyze", target, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1


def test_csv_without_out_folder_is_a_usage_error(article_file: Path) -> None:
    proc = run_cli("analyze", "--format", "csv", str(article_file))
    assert proc.returncode == 2 and "--out" in proc.stderr
