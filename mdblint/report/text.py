"""`text` (default): `path:line:col: CODE [severity] message`, `[*]` before the message when
`--fix` can fix it, then the closing summary line. `concise`: flake8's exact shape,
`path:line:col: CODE message`, nothing else (for tools that parse flake8's output).
With colour, the path bold, errors red and warnings yellow."""

from __future__ import annotations

from typing import TextIO

from mdblint.findings import Finding
from mdblint.model import Result
from mdblint.report.options import ReportOptions, key
from mdblint.report.severity import level
from mdblint.report.statistics import write_statistics

BOLD = "\x1b[1m"
RED_BOLD = "\x1b[1;31m"
YELLOW_BOLD = "\x1b[1;33m"
CYAN = "\x1b[36m"
RESET = "\x1b[0m"


def line(f: Finding, color: bool = False) -> str:
    """flake8's shape."""
    if color:
        return f"{BOLD}{f.path}{RESET}:{f.line}:{f.column}: {RED_BOLD}{f.code}{RESET} {f.message}"
    return f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"


def full_line(f: Finding, color: bool = False, fixable: bool = False) -> str:
    severity = level(f.code)
    fix = " [*]" if fixable else ""
    if color:
        tint = YELLOW_BOLD if severity == "warning" else RED_BOLD
        return (f"{BOLD}{f.path}{RESET}:{f.line}:{f.column}: {tint}{f.code}{RESET} [{tint}{severity}{RESET}]"
                f"{CYAN}{fix}{RESET} {f.message}")
    return f"{f.path}:{f.line}:{f.column}: {f.code} [{severity}]{fix} {f.message}"


def summary(result: Result, fixable: int, unused_noqa: int = 0) -> str:
    """ruff's closing line, with the files checked so that a zero is never silent."""
    n, files = len(result.findings), result.files
    checked = f"{files} file{'' if files == 1 else 's'} checked"
    if not files:
        return "No Python files found: nothing was checked."
    if not n and not unused_noqa:
        problems = len(result.problems)
        if problems:   # never "passed" while some checks were off (the warnings say which)
            return (f"No findings ({checked}), but {problems} project warning{'' if problems == 1 else 's'}: "
                    f"the checks that need {'it' if problems == 1 else 'them'} did not run.")
        return f"All checks passed! ({checked})"
    found = [f"{n} finding{'' if n == 1 else 's'}"] if n or not unused_noqa else []
    if unused_noqa:
        found.append(f"{unused_noqa} unused noqa")
    fix = f", {fixable} fixable with `--fix`" if fixable else ""
    return f"Found {' and '.join(found)} ({checked}{fix})."


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        out.write(full_line(f, options.color, key(f) in options.fixable) + "\n")
    if options.statistics:
        write_statistics(result, out)
    if options.summary:
        fixable = sum(key(f) in options.fixable for f in result.findings)
        out.write(summary(result, fixable, options.unused_noqa) + "\n")


def write_concise(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        out.write(line(f, options.color) + "\n")
    if options.statistics:
        write_statistics(result, out)
