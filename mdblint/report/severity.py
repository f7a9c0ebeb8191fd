"""A code's severity, one scale for every format: MDB3xx (performance) are warnings, the rest
(wrong data, crashes, files that could not be checked) errors."""

from __future__ import annotations


def level(code: str) -> str:
    return "warning" if code.startswith("MDB3") else "error"
