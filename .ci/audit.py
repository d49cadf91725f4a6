"""CI: known vulnerabilities in the pinned dependencies, Python (pip-audit) and npm (npm audit).

Fails (exit 1) when a pinned package has a known vulnerability with a fixed version to move to.
When the vulnerability services cannot be reached (no network to PyPI's or npm's advisory
databases), it cannot tell, and says so in a WARNING instead of failing the build.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILES = ["requirements.txt", "requirements-dev.txt"]


def python_audit():
    """(fixable vulnerabilities, warnings) of the Python lock files."""
    fixable, warnings = [], []
    for lock_file in LOCK_FILES:
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            result = subprocess.run(
                [sys.executable, "-m", "pip_audit", "--requirement", lock_file, "--no-deps", "--disable-pip"]
                + ["--progress-spinner", "off", "--format", "json", "--output", report.name],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            text = Path(report.name).read_text()
        if not text.strip():
            warnings.append(f"pip-audit could not audit {lock_file}: {result.stderr.strip().splitlines()[-1:]}")
            continue
        dependencies = json.loads(text)["dependencies"]
        skipped = [dependency["name"] for dependency in dependencies if "skip_reason" in dependency]
        if skipped:
            warnings.append(
                f"pip-audit could not audit {len(skipped)} of {len(dependencies)} packages of {lock_file} "
                "(is PyPI's vulnerability service reachable?): "
                + ", ".join(skipped[:8])
                + ("…" if len(skipped) > 8 else "")
            )
        for dependency in dependencies:
            for vulnerability in dependency.get("vulns", []):
                line = f"{dependency['name']} {dependency['version']}: {vulnerability['id']}"
                if vulnerability.get("fix_versions"):
                    fixable.append(f"{line}, fixed in {', '.join(vulnerability['fix_versions'])}")
                else:
                    warnings.append(f"{line} has no fixed version yet")
    return fixable, warnings


def npm_audit():
    """(fixable vulnerabilities, warnings) of package-lock.json's runtime packages."""
    result = subprocess.run(["npm", "audit", "--omit=dev", "--json"], cwd=ROOT, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    if "vulnerabilities" not in report:
        reason = report.get("message") or result.stderr.strip() or "no answer"
        return [], [f"npm audit could not reach npm's advisory service: {reason}"]
    fixable, warnings = [], []
    for name, vulnerability in sorted(report["vulnerabilities"].items()):
        line = f"{name} ({vulnerability.get('severity')}, {vulnerability.get('range')})"
        if vulnerability.get("fixAvailable"):
            fixable.append(f"{line}: npm audit fix")
        else:
            warnings.append(f"{line} has no fix yet")
    return fixable, warnings


def main():
    fixable, warnings = [], []
    for audit in (python_audit, npm_audit):
        found, said = audit()
        fixable += found
        warnings += said
    for warning in warnings:
        print(f"WARNING: {warning}")
    if fixable:
        print("Known vulnerabilities with a fix available:")
        for line in fixable:
            print(f"  {line}")
        return 1
    print("No known vulnerability with a fix available" + (" among the packages audited." if warnings else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
