"""Counts per code, in ruff's and flake8's `--statistics` shape:

      6 MDB501 unknown-database-alias
      6 findings
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from mdblint.checks import RULES
from mdblint.model import Result


def counts(result: Result) -> list[tuple[str, int]]:
    """(code, count), most frequent first, then by code."""
    return sorted(Counter(f.code for f in result.findings).items(), key=lambda item: (-item[1], item[0]))


def write_statistics(result: Result, out: TextIO) -> None:
    rows = counts(result)
    total = len(result.findings)
    width = max(3, len(str(total)))
    for code, count in rows:
        name = RULES[code].name if code in RULES else ""
        out.write(f"{count:>{width}} {code} {name}".rstrip() + "\n")
    out.write(f"{total:>{width}} {'finding' if total == 1 else 'findings'}\n")
