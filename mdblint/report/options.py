"""What every output format is told besides the result: colour and statistics."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False        # ANSI colours (only the text format uses them)
    statistics: bool = False   # text format: a count per code after the findings


def color_wanted(stream: TextIO) -> bool:
    """Colour for `stream`: never when NO_COLOR is set and non-empty (no-color.org), else
    only when the stream is a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # not a real stream, or closed
        return False
