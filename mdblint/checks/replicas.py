"""MDB405: a read through a replica of rows the same function wrote on the primary before it
(replication lag; inside the writing transaction the rows are not even committed)."""

from __future__ import annotations

from typing import Any

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis.walk import FileContext, children
from mdblint.checks.base import rule
from mdblint.checks.transactions import read_only_aliases
from mdblint.checks.verdicts import phrase, source_data

# Writes whose rows a later read of the model is likely to meet: new rows and queryset updates.
# Policy: an instance's save()/delete() (one row, while the code goes on reading others) and
# related-manager add()/remove() are not counted.
ROW_WRITES = tuple(f".{m}()" for m in (
    "create", "acreate", "get_or_create", "aget_or_create", "update_or_create", "aupdate_or_create",
    "bulk_create", "abulk_create", "bulk_update", "abulk_update", "update", "aupdate"))
# Compound statements whose body always runs once reached (a write in them happened before what follows).
ALWAYS = (cst.With,)


@rule("MDB405", "read-after-write-on-replica",
      "A read through a replica of rows the same code wrote on the primary before it.",
      tokens=(b"save", b"create", b"delete", b"update", b"bulk_", b".add(", b".set("), events=(ev.Write, ev.Read))
def read_after_write(e: Any, ctx: FileContext) -> None:
    fn = getattr(ctx.flow, "current", None)
    if fn is None:
        return
    state = ctx.__dict__.setdefault("_mdb405", {})
    writes = state.setdefault(id(fn), (fn, []))[1]
    if isinstance(e, ev.Write):
        if e.model is not None and e.aliases.exact and e.what.endswith(ROW_WRITES):
            writes.append(e)
        return
    if not e.aliases.exact:
        return
    replicas = read_only_aliases(ctx)
    if not e.aliases.names or not e.aliases.names <= replicas.keys():
        return
    databases = ctx.project.settings.databases or {}
    for write in reversed(writes):   # the closest write before the read
        if write.aliases.names & replicas.keys() or not _related(ctx, write.model, e.model):
            continue
        primaries = {databases[r].mirror for r in e.aliases.names if r in databases and databases[r].mirror}
        # A TEST MIRROR replicates its primary only; a router's replica replicates what it is given.
        if primaries and not write.aliases.names <= primaries:
            continue
        if not _before(ctx, fn, write.node, e.node):
            continue
        replica = min(e.aliases.names)
        primary = min(write.aliases.names)
        inside = _open_block(write, e)
        when = (f"inside the transaction.atomic(using={primary!r}) block that wrote them (uncommitted, invisible "
                f"to the replica)") if inside else "right after the write (the replica may lag behind)"
        ctx.report(e.node, "MDB405", (
            f"{e.what} through {phrase(e.aliases, replica)}, a replica ({replicas[replica]}), {when}: "
            f"{write.what} wrote {_short(write.model)} rows to {primary!r} earlier in this function; read them "
            f"with .using({primary!r})"
        ), {"read": {"alias": replica, "model": e.model, "source": source_data(ctx, e.aliases.source(replica))},
            "write": {"alias": primary, "model": write.model, "at": ctx.at_node(write.node)},
            "in_transaction": inside})
        return


def _short(label: str | None) -> str:
    return (label or "").rpartition(".")[2]


def _related(ctx: FileContext, written: str | None, read: str) -> bool:
    """Are the read rows of the written model (itself, a proxy, a multi-table parent or child)?"""
    if written is None:
        return False
    graph = ctx.project.graph

    def family(label: str) -> set[str]:
        model = graph.models.get(label)
        if model is None:
            return {label}
        return {label, *model.parents, *([model.concrete] if model.concrete else [])}

    return bool(family(written) & family(read))


def _open_block(write: ev.Write, read: ev.Read) -> bool:
    """Is the read inside an atomic block, on the write's database, that was open at the write?"""
    shared = 0
    for a, b in zip(write.atomic, read.atomic):
        if a is not b and a != b:
            break
        shared += 1
    return any(write.aliases.names & a.names for a in read.atomic[:shared])


def _before(ctx: FileContext, fn: cst.FunctionDef, write: cst.CSTNode, read: cst.CSTNode) -> bool:
    """Did the write run before the read on every path to it? The write comes first in the source and
    sits only in `with` blocks that do not hold the read, not in a branch or a loop body of its own."""
    parents = _parents(ctx, fn)
    if id(write) not in parents or id(read) not in parents:
        return False
    order = parents["__order__"]
    if order[id(write)] >= order[id(read)]:
        return False
    above_read = set()
    node = read
    while node is not None:
        above_read.add(id(node))
        node = parents.get(id(node))
    node = parents.get(id(write))
    while node is not None and id(node) not in above_read:
        if isinstance(node, (cst.If, cst.Else, cst.For, cst.While, cst.Try, cst.ExceptHandler, cst.Finally,
                             cst.Match, cst.FunctionDef, cst.Lambda, cst.IfExp, cst.BooleanOperation,
                             cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)):
            return False
        node = parents.get(id(node))
    # The closest statement holding both: a branching one means the two are on different branches
    # (then and else, try and except); a loop body or a block holding both runs them in order.
    return node is not None and not isinstance(node, (cst.If, cst.Try, cst.Match, cst.IfExp, cst.BooleanOperation))


def _parents(ctx: FileContext, fn: cst.FunctionDef) -> dict:
    cache = ctx.__dict__.setdefault("_mdb405_parents", {})
    found = cache.get(id(fn))
    if found is None:
        found, order = {}, {}
        stack: list[tuple[cst.CSTNode, Any]] = [(fn, None)]
        while stack:
            node, parent = stack.pop()
            found[id(node)] = parent
            order[id(node)] = len(order)
            stack.extend((child, node) for child in reversed(children(node)))
        found["__order__"] = order
        cache[id(fn)] = (fn, found)
        return found
    return found[1]
