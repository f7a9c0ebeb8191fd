"""flake8's shape: `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TextIO

from mdblint.engine import Result


def write(result: Result, out: TextIO) -> None:
    for f in result.findings:
        out.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n")
