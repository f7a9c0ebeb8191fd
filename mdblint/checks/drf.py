"""MDB306: a Django REST framework serializer field that reads a relation for every row a view
serializes with many=True (N+1), found by mdblint/analysis/drf.py."""

from __future__ import annotations

from mdblint.analysis.drf import SerializedRead
from mdblint.checks.base import rule
from mdblint.checks.verdicts import short
from mdblint.fixes import Fix

# A serializer, a view naming one, or an explicit Serializer(qs, many=True).
TOKENS = (b"Serializer", b"serializer_class", b"many=True")
MAX_VIEWS = 3


def _views(views: tuple) -> tuple[str, str]:
    """`OrderList (shop/views.py:12)` for each view (the first few), and the verb's number."""
    shown = [f"{name} ({path}:{line})" if line else name for name, path, line in views[:MAX_VIEWS]]
    if len(views) > MAX_VIEWS:
        shown.append(f"{len(views) - MAX_VIEWS} more")
    text = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return text, ("serializes" if len(views) == 1 else "serialize")


def _through(steps: tuple) -> str:
    """The fields and calls between the reported field and the read."""
    rest = [f"{text} ({path}:{line})" if line else text for text, path, line in steps[1:]]
    return f" (through {' -> '.join(rest)})" if rest else ""


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reads(reads: tuple) -> str:
    """`Order.customer`, or several; reads through one same callee name it once, with each line."""
    callees = {(r.steps[1][0], r.steps[1][1]) if len(r.steps) == 2 else None for r in reads}
    if len(reads) > 1 and len(callees) == 1 and None not in callees:
        [(callee, path)] = callees
        lines = _and([f"{short(r.model)}.{r.relation} (line {r.steps[1][2]})" for r in reads])
        return f"{lines} through {callee} ({path})"
    return _and([f"{short(r.model)}.{r.relation}{_through(r.steps)}" for r in reads])


@rule("MDB306", "serializer-relation-per-row",
      "A serializer field reads a relation for every row a view serializes with many=True, "
      "not loaded with the view's queryset.",
      tokens=TOKENS, events=(SerializedRead,), ungated=True)
def serializer_relation_per_row(e: SerializedRead, ctx) -> None:
    views, verb = _views(e.views)
    target = e.views[0][0] if len(e.views) == 1 else "each view"
    first = e.reads[0]
    paths = [r.path for r in e.reads]
    data = {"serializer": e.serializer, "field": e.field, "model": first.model, "relation": first.relation,
            "path": first.path, "paths": paths,
            "views": [{"view": n, "path": p, "line": line} for n, p, line in e.views]}
    if first.kind == "query":
        ctx.report(e.node, "MDB306", (
            f"{e.serializer}.{e.field} runs a {short(first.model)} query ({first.relation}()) for every row that "
            f"{views} {verb} (many=True){_through(first.steps)}: one query per row (N+1), which "
            f"prefetch_related() alone does not remove; annotate {target}'s queryset, or prefetch with "
            f"Prefetch(..., to_attr=...) and read that attribute"
        ), {**data, "fix": None})
        return
    method = "prefetch_related" if first.kind == "manager" or first.through_many else "select_related"
    for root, anchor, path in e.fixes:
        ctx.fixes.append(Fix(e.node, "MDB306", root, anchor, method, path))
    reads = _reads(e.reads)
    call = f"{method}({', '.join(f'{chr(34)}{p}{chr(34)}' for p in paths)})"
    ctx.report(e.node, "MDB306", (
        f"{e.serializer}.{e.field} reads {reads} for every row that {views} {verb} (many=True): one query per "
        f"row (N+1); add {call} to {target}'s queryset"
    ), {**data, "fix": call})
