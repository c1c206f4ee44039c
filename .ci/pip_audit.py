"""CI: audit requirements.txt with pip-audit; fail on a finding, warn only when no service answers.

Asks PyPI's vulnerability data first, then OSV's. A finding from either fails the run (exit 1)
with the table of findings. A service "answers" when it looked up at least one dependency; one
that cannot be reached (a connection error), or that could look up none (pip-audit then says
"No known vulnerabilities found" while every dependency was skipped), does not, and the next
is asked. Only when none answers is the audit skipped, with a warning that names each service
and why (exit 0). Any other pip-audit failure (requirements that do not resolve) fails the run.

Usage: ``python .ci/pip_audit.py [requirements.txt]`` with pip-audit installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

SERVICES = ("pypi", "osv")
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "timed out", "Timeout",
                  "Temporary failure in name resolution", "Network is unreachable", "SSLError", "ProxyError")


def audit(service: str, requirements: str) -> tuple[dict[str, Any] | None, str]:
    """pip-audit's JSON report for one service, or None and the reason it gave none."""
    proc = subprocess.run(
        ["pip-audit", "-r", requirements, "--progress-spinner", "off", "--vulnerability-service", service,
         "--format", "json", "--desc", "off"],
        capture_output=True, text=True, check=False,
    )
    try:
        return json.loads(proc.stdout), ""
    except ValueError:
        lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
        return None, lines[-1] if lines else f"pip-audit exited {proc.returncode} with no output"


def main(argv: list[str]) -> int:
    requirements = argv[0] if argv else "requirements.txt"
    unanswered: list[str] = []
    for service in SERVICES:
        report, error = audit(service, requirements)
        if report is None:
            if not any(marker in error for marker in NETWORK_ERRORS):
                print(f"pip-audit failed ({service}): {error}", file=sys.stderr)
                return 1
            unanswered.append(f"{service}: {error[:160]}")
            continue
        deps = report.get("dependencies", [])
        findings = [(d["name"], d.get("version", "?"), v.get("id", "?"), ", ".join(v.get("fix_versions", [])) or "-")
                    for d in deps for v in d.get("vulns", [])]
        if findings:
            print(f"pip-audit ({service}): {len(findings)} known vulnerabilities:", file=sys.stderr)
            for name, version, vuln, fixes in findings:
                print(f"  {name} {version}: {vuln} (fixed in {fixes})", file=sys.stderr)
            return 1
        audited = [d for d in deps if "skip_reason" not in d]
        skipped = [d["name"] for d in deps if "skip_reason" in d]
        if not audited:
            reason = next((d["skip_reason"] for d in deps if "skip_reason" in d), "no dependencies")
            unanswered.append(f"{service}: looked up none of {len(deps)} dependencies ({reason[:100]})")
            continue
        note = f"; not looked up: {', '.join(skipped)}" if skipped else ""
        print(f"pip-audit ({service}): no known vulnerabilities in {len(audited)} dependencies{note}")
        return 0
    print("warning: pip-audit could not reach a vulnerability service, requirements not audited: "
          + "; ".join(unanswered))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
