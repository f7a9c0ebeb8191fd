"""What every output format is told besides the result: colour, statistics, the closing
summary, and which findings `--fix` can fix (with the edit, for SARIF's `fixes`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, TextIO

from mdblint.findings import Finding

Key = tuple[str, int, int, str]          # (path, line, column, code) of a finding


def key(f: Finding) -> Key:
    return f.path, f.line, f.column, f.code


@dataclass(frozen=True)
class Edit:
    """One replacement: the region (1-based lines and columns, end column exclusive) and its new text."""
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False        # ANSI colours (only the text format uses them)
    statistics: bool = False   # text format: a count per code after the findings
    summary: bool = False      # text format: the closing "Found N findings ..." line
    unused_noqa: int = 0       # `--warn-unused-noqa` directives found (counted in the summary)
    fixable: frozenset[Key] = frozenset()              # findings --fix would fix
    edits: Mapping[Key, Edit] = field(default_factory=dict)   # and the edit, for SARIF


COLOR_MODES = ("auto", "always", "never")


def color_wanted(stream: TextIO, mode: str = "auto") -> bool:
    """Colour for `stream`. `--color always|never` decide; under `auto`, never when NO_COLOR is
    set and non-empty (no-color.org), always when FORCE_COLOR is (force-color.org), else only
    when the stream is a terminal."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # not a real stream, or closed
        return False
