"""The rule registry: each rule is a small function registered with `@rule`, in the style of
django-upgrade's fixers. A handler receives one libcst node of the types it asked for and the
file's `FileContext`, and calls `ctx.report(...)`; it never walks the tree itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

RULES: dict[str, "Rule"] = {}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str                       # kebab-case, stable
    summary: str                    # one line, for listings and SARIF
    nodes: tuple[type, ...] = ()    # libcst node classes the handler is called on
    events: tuple[type, ...] = ()   # analysis events (mdblint.analysis.events) the handler is called on
    tokens: tuple[bytes, ...] = ()  # prefilter: a file holding none of these cannot match
    handler: Callable | None = None  # None: reported by the engine itself (MDB0xx)
    # Reads function bodies itself (not through the analysis' events): a file holding one of its
    # tokens is parsed whole, the check gate blanks nothing of it.
    ungated: bool = False


def rule(code: str, name: str, summary: str, *, tokens: tuple[bytes, ...], nodes: tuple[type, ...] = (),
         events: tuple[type, ...] = (), ungated: bool = False):
    def register(handler: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"{code} registered twice")
        RULES[code] = Rule(code, name, summary, nodes, events, tokens, handler, ungated)
        return handler
    return register


def declare(code: str, name: str, summary: str) -> None:
    """Register a code that the engine reports itself (files it could not read)."""
    RULES[code] = Rule(code, name, summary)
