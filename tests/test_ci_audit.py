"""CI's pip-audit step (.ci/pip_audit.py): a finding fails, only a silent service is a warning.

pip-audit itself is replaced by a fake on PATH that answers as each service would, so the
verdicts are checked without a network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "pip_audit.py"

CLEAN = {"dependencies": [{"name": "spacy", "version": "3.8.18", "vulns": []},
                          {"name": "ftfy", "version": "6.3.1", "vulns": []}]}
FINDING = {"dependencies": [{"name": "spacy", "version": "3.8.18", "vulns": []},
                            {"name": "lxml", "version": "6.1.3",
                             "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["6.1.4"]}]}]}
SKIPPED = {"dependencies": [{"name": "spacy", "skip_reason": "Dependency not found on PyPI and could not be audited"},
                            {"name": "ftfy", "skip_reason": "Dependency not found on PyPI and could not be audited"}]}
PARTLY = {"dependencies": [{"name": "spacy", "version": "3.8.18", "vulns": []},
                           {"name": "private-model", "skip_reason": "Dependency not found on PyPI"}]}
UNREACHABLE = "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.osv.dev'): Max retries exceeded"
BROKEN = "ERROR: Could not find a version that satisfies the requirement spacy==99"


def fake_pip_audit(folder: Path, answers: dict[str, dict[str, object] | str]) -> None:
    """A ``pip-audit`` that prints a JSON report (a dict) or fails with a message (a str) per service."""
    script = folder / "pip-audit"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"answers = json.loads({json.dumps(json.dumps(answers))})\n"
        "answer = answers[sys.argv[sys.argv.index('--vulnerability-service') + 1]]\n"
        "if isinstance(answer, str):\n"
        "    print('Traceback (most recent call last):', file=sys.stderr)\n"
        "    print(answer, file=sys.stderr)\n"
        "    sys.exit(1)\n"
        "print(json.dumps(answer))\n"
        "sys.exit(1 if any(d.get('vulns') for d in answer['dependencies']) else 0)\n",
        encoding="utf-8",
    )
    script.chmod(0o755)


@pytest.mark.parametrize(
    ("answers", "code", "says"),
    [
        pytest.param({"pypi": CLEAN, "osv": FINDING}, 0, "pip-audit (pypi): no known vulnerabilities in 2 dependencies",
                     id="clean-on-pypi"),
        pytest.param({"pypi": FINDING, "osv": CLEAN}, 1, "lxml 6.1.3: PYSEC-2099-1 (fixed in 6.1.4)",
                     id="finding-fails"),
        pytest.param({"pypi": SKIPPED, "osv": FINDING}, 1, "PYSEC-2099-1", id="pypi-silent-osv-finds"),
        pytest.param({"pypi": SKIPPED, "osv": CLEAN}, 0, "pip-audit (osv): no known vulnerabilities", id="osv-answers"),
        pytest.param({"pypi": SKIPPED, "osv": UNREACHABLE}, 0,
                     "warning: pip-audit could not reach a vulnerability service, requirements not audited: "
                     "pypi: looked up none of 2 dependencies", id="no-service-answers-warns"),
        pytest.param({"pypi": UNREACHABLE, "osv": UNREACHABLE}, 0, "warning: pip-audit could not reach",
                     id="both-unreachable-warns-naming-each"),
        pytest.param({"pypi": PARTLY, "osv": CLEAN}, 0, "not looked up: private-model", id="partial-names-the-rest"),
        pytest.param({"pypi": BROKEN, "osv": CLEAN}, 1, "pip-audit failed (pypi): ERROR: Could not find a version",
                     id="other-failure-is-not-hidden"),
    ],
)
def test_audit_verdict(answers: dict[str, dict[str, object] | str], code: int, says: str, tmp_path: Path) -> None:
    fake_pip_audit(tmp_path, answers)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert says in proc.stdout + proc.stderr
    if code == 0 and "warning" not in says:
        assert "warning" not in proc.stdout + proc.stderr
    if "both-unreachable" in str(answers) or answers == {"pypi": UNREACHABLE, "osv": UNREACHABLE}:
        assert "pypi: requests.exceptions.ConnectionError" in proc.stdout
        assert "osv: requests.exceptions.ConnectionError" in proc.stdout
