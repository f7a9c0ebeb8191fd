"""pylint's parseable shape, as ruff writes it: `path:line: [CODE] message` (one a finding)."""

from __future__ import annotations

from typing import TextIO

from mdblint.model import Result
from mdblint.report.options import ReportOptions


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        out.write(f"{f.path}:{f.line}: [{f.code}] {f.message}\n")
