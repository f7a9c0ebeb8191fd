"""MDB3xx: queries per row of a loop (N+1)."""

from __future__ import annotations

from mdblint.analysis import events as ev
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import short

TOKENS = (b"for ",)


def _data(ctx: FileContext, e: ev.RowQuery, method: str) -> dict:
    root = e.root.node if e.root is not None else None
    return {"path": e.path, "fix": f'{method}("{e.path}")', "model": e.model,
            "relation": getattr(e.relation, "name", None),
            "queryset": ctx.at_node(root) if root is not None else None, "loop": ctx.at_node(e.loop)}


@rule("MDB301", "forward-relation-per-row", "A ForeignKey/OneToOne read on every row of a loop, not loaded with the rows.",
      tokens=TOKENS, events=(ev.RowQuery,))
def forward_relation_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind != "forward":
        return
    method = "prefetch_related" if e.through_many else "select_related"
    ctx.report(e.node, "MDB301", (
        f"{short(e.model)}.{e.relation.name} is read on every row of the loop: one query per row (N+1); "
        f"add {method}(\"{e.path}\") to the queryset the loop iterates"
    ), _data(ctx, e, method))


@rule("MDB302", "related-manager-per-row", "A related manager evaluated on every row of a loop, not prefetched.",
      tokens=TOKENS, events=(ev.RowQuery,))
def related_manager_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind != "manager":
        return
    name = e.path.rpartition("__")[2]
    ctx.report(e.node, "MDB302", (
        f"{short(e.model)}.{name} is queried on every row of the loop: one query per row (N+1); "
        f"add prefetch_related(\"{e.path}\") to the queryset the loop iterates"
    ), _data(ctx, e, "prefetch_related"))


@rule("MDB303", "prefetch-bypassed-per-row",
      "A prefetched relation queried again on every row (filter() on it, or the manager instead of to_attr).",
      tokens=TOKENS, events=(ev.RowQuery,))
def prefetch_bypassed_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind not in ("requery", "to_attr"):
        return
    name = e.path.rpartition("__")[2]
    if e.kind == "to_attr":
        ctx.report(e.node, "MDB303", (
            f"{short(e.model)}.{name} was prefetched into an attribute (Prefetch(..., to_attr=...)), but the loop "
            f"reads the manager: one query per row (N+1); read the to_attr attribute instead"
        ), _data(ctx, e, "Prefetch"))
        return
    ctx.report(e.node, "MDB303", (
        f"{short(e.model)}.{name} was prefetched, but this reads it with a new query on every row (N+1): "
        f"filter in Python, or move the condition into Prefetch(\"{e.path}\", queryset=..., to_attr=...) "
        f"and read that attribute"
    ), _data(ctx, e, "Prefetch"))
