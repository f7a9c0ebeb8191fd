"""What the rules share: deciding a pair of alias sets with the routers, and describing aliases
(in messages and in finding data) with where each came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mdblint.analysis.values import Aliases, Source
from mdblint.analysis.walk import FileContext


@dataclass(frozen=True)
class Conflict:
    first: str            # the alias of the first side in the pair that decides
    second: str
    why: str              # the router's reason


def relation_conflict(ctx: FileContext, model1: str, aliases1: Aliases | None, model2: str,
                      aliases2: Aliases | None) -> Conflict | None:
    """A conflict when every possible pair is refused by `allow_relation(obj1, obj2)`, as Django
    asks it (obj1 on aliases1, obj2 on aliases2); None when any pair is allowed or unknown."""
    if ctx.routers is None or aliases1 is None or aliases2 is None or not aliases1.exact or not aliases2.exact:
        return None
    found = None
    for a in sorted(aliases1.names):
        for b in sorted(aliases2.names):
            verdict = ctx.routers.allow_relation(model1, a, model2, b)
            if verdict.allowed is not False:
                return None
            found = found or Conflict(a, b, verdict.why)
    return found


def differ(aliases1: Aliases | None, aliases2: Aliases | None) -> tuple[str, str] | None:
    """A pair of aliases when both sets are exact and share no alias."""
    if aliases1 is None or aliases2 is None or not aliases1.exact or not aliases2.exact:
        return None
    if aliases1.names & aliases2.names:
        return None
    return min(aliases1.names), min(aliases2.names)


def shares_data(ctx: FileContext, model1: str, alias1: str, model2: str, alias2: str) -> bool | None:
    """Do two aliases hold the same rows (primary and replica)? The routers' allow_relation is the
    project's own statement of that; unknown -> None."""
    if alias1 == alias2:
        return True
    if ctx.routers is None:
        return None
    return ctx.routers.allow_relation(model1, alias1, model2, alias2).allowed


def source_data(ctx: FileContext, source: Source | None) -> dict[str, Any]:
    if source is None:
        return {"how": "unknown"}
    if source.node is not None:
        return {"how": source.how, "at": ctx.at_node(source.node)}
    return {"how": source.how, "at": {"path": source.path, "line": source.line}}


def side(ctx: FileContext, model: str, aliases: Aliases, alias: str) -> dict[str, Any]:
    """Finding data for one side: the model, the alias in conflict and where it came from."""
    return {"model": model, "alias": alias, "aliases": sorted(aliases.names),
            "source": source_data(ctx, aliases.source(alias))}


def phrase(aliases: Aliases, alias: str) -> str:
    """An alias for a message, with how it was chosen unless it was written down literally."""
    source = aliases.source(alias)
    return f"{alias!r}" if source is None or source.how == "literal" else f"{alias!r} ({source.how})"


def short(label: str) -> str:
    return label.rpartition(".")[2]
