"""flake8's shape: `path:line:col: CODE message`; with colour, the path bold and the code red."""

from __future__ import annotations

from typing import TextIO

from mdblint.model import Result
from mdblint.findings import Finding
from mdblint.report.options import ReportOptions
from mdblint.report.statistics import write_statistics

BOLD = "\x1b[1m"
RED_BOLD = "\x1b[1;31m"
RESET = "\x1b[0m"


def line(f: Finding, color: bool = False) -> str:
    if color:
        return f"{BOLD}{f.path}{RESET}:{f.line}:{f.column}: {RED_BOLD}{f.code}{RESET} {f.message}"
    return f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        out.write(line(f, options.color) + "\n")
    if options.statistics:
        write_statistics(result, out)
