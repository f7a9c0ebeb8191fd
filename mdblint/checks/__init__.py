"""All rule families, and selection by code or prefix (`--select`, `--ignore`)."""

from __future__ import annotations

from typing import Iterable

from mdblint.checks import aliases, blocked, drf, files, migrations, nplusone, relations, replicas, signals, subqueries, transactions  # noqa: F401  (registration)
from mdblint.checks.base import RULES, Rule

__all__ = ["RULES", "Rule", "select_rules", "UnknownCode"]


class UnknownCode(ValueError):
    pass


def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by `select` (default: all) minus `ignore`; the more specific prefix wins,
    as in flake8 (`--select MDB --ignore MDB5 --select MDB501` keeps MDB501)."""
    select = [s.strip().upper() for s in select if s.strip()] or ["MDB"]
    ignore = [s.strip().upper() for s in ignore if s.strip()]
    for prefix in (*select, *ignore):
        if prefix != "ALL" and not any(code.startswith(prefix) for code in RULES):
            raise UnknownCode(f"unknown rule code or prefix {prefix!r}")
    select = ["MDB" if s == "ALL" else s for s in select]
    return [r for c, r in sorted(RULES.items()) if _longest_prefix(c, select) > _longest_prefix(c, ignore)]
