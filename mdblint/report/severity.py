"""A code's severity, one scale for every format: MDB3xx (performance) are warnings, but for the
queries Django refuses (MDB307, MDB308); the rest
(wrong data, crashes, files that could not be checked) errors."""

from __future__ import annotations


# MDB3xx codes that are errors: the query raises (SynchronousOnlyOperation, FieldFetchBlocked).
RAISING = frozenset({"MDB307", "MDB308"})


def level(code: str) -> str:
    return "warning" if code.startswith("MDB3") and code not in RAISING else "error"
