"""GitLab Code Quality (`artifacts: reports: codequality:`): a JSON array of issues in the
subset of the Code Climate spec GitLab reads. Checked against GitLab's own schema
(schemas/gitlab-codeclimate.schema.json) and its documented severities by the tests."""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from mdblint.findings import Finding
from mdblint.model import Result
from mdblint.report.options import ReportOptions
from mdblint.report.severity import level

# GitLab's scale: info, minor, major, critical, blocker.
SEVERITY = {"error": "major", "warning": "minor"}


def fingerprint(f: Finding) -> str:
    """Unique per issue (GitLab drops duplicates) and stable across line shifts when mdblint
    gave the finding one."""
    basis = f.fingerprint or f"{f.code}\0{f.path}\0{f.line}\0{f.column}\0{f.message}"
    return hashlib.md5(f"{f.code}\0{f.path}\0{basis}".encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def issue(f: Finding) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f.code,
        "description": f"{f.code} {f.message}",
        "categories": ["Performance" if f.code.startswith("MDB3") else "Bug Risk"],
        "fingerprint": fingerprint(f),
        "severity": SEVERITY[level(f.code)],
        "location": {
            "path": f.path,
            "positions": {"begin": {"line": f.line, "column": f.column},
                          "end": {"line": f.end_line, "column": f.end_column}},
        },
    }


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    json.dump([issue(f) for f in result.findings], out, indent=2)
    out.write("\n")
