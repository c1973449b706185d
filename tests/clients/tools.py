"""The independent clients the suite runs: Mozilla's ical.js (with node) and the Nu Html
Checker (vnu-jar, with Java), both installed from package.json / package-lock.json by `npm ci`
(`make checkers`). Missing tools skip their tests locally and fail them under CI."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ICAL_CHECK = Path(__file__).with_name("ical_check.cjs")


def require(path, program):
    """Skip (fail under CI) unless the program and the npm-installed path exist."""
    missing = [name for name in (program,) if shutil.which(name) is None]
    if not path.exists():
        missing.append(f"{path.relative_to(ROOT)} (run `make checkers`)")
    if missing:
        message = "Not installed: " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def ical_errors(files):
    """{file name: [errors]} of ical.js for each .ics file, in one node process."""
    return {name: report["errors"] for name, report in ical_read(files).items()}


def ical_read(files):
    """{file name: {"errors": [...], "method": METHOD or None, "events": [{"uid", "summary",
    "language", "sequence", "status"}, ...]}}: what ical.js reads in each .ics file, in one
    node process."""
    require(NODE_MODULES / "ical.js", "node")
    result = subprocess.run(
        ["node", str(ICAL_CHECK), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        cwd=ROOT,
    )
    return {Path(name).name: report for name, report in json.loads(result.stdout).items()}


def vnu_errors(files):
    """{file name: [messages]} of the Nu Html Checker's errors, in one Java process."""
    require(VNU_JAR, "java")
    result = subprocess.run(
        [
            "java",
            "-Xss2m",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    report = {Path(f).name: [] for f in files}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            name = Path(message.get("url", "").removeprefix("file:")).name
            where = f"line {message.get('lastLine')}"
            report.setdefault(name, []).append(
                f"{where}: {message.get('message')} [{message.get('extract', '').strip()}]"
            )
    return report
