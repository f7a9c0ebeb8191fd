"""Progress on stderr for long runs: `mdblint: indexing 120/615 files` then `checking ...`,
redrawn in place. Shown only when stderr is a terminal and no CI is detected (or when
`--progress` asks), only once a run has lasted PATIENCE seconds, and erased before any
report is written, so that it never reaches a pipe or a log unasked."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

PATIENCE = 1.0       # seconds before the first line: short runs show nothing
INTERVAL = 0.1       # seconds between redraws


def wanted(mode: str | None, stream: TextIO | None = None) -> bool:
    """`--progress` (mode True-ish "always"), `--no-progress` ("never"); by default on a
    terminal outside CI only."""
    if mode in ("always", "never"):
        return mode == "always"
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    def __init__(self, stream: TextIO | None = None, patience: float | None = None, interval: float | None = None) -> None:
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.patience = PATIENCE if patience is None else patience
        self.interval = INTERVAL if interval is None else interval
        self.last = 0.0
        self.width = 0          # of the line on screen, to erase it

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < self.patience or (now - self.last < self.interval and done != total):
            return
        self.last = now
        self._draw(f"mdblint: {stage} {done}/{total} files")

    def _draw(self, text: str) -> None:
        try:
            self.stream.write("\r" + text.ljust(self.width))
            self.stream.flush()
        except (OSError, ValueError):
            return
        self.width = len(text)

    def clear(self) -> None:
        if self.width:
            try:
                self.stream.write("\r" + " " * self.width + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self.width = 0
