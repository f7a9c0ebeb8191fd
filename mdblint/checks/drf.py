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


@rule("MDB306", "serializer-relation-per-row",
      "A serializer field reads a relation for every row a view serializes with many=True, "
      "not loaded with the view's queryset.",
      tokens=TOKENS, events=(SerializedRead,), ungated=True)
def serializer_relation_per_row(e: SerializedRead, ctx) -> None:
    read = e.read
    views, verb = _views(e.views)
    target = e.views[0][0] if len(e.views) == 1 else "each view"
    where = f"{e.serializer}.{e.field} reads {short(read.model)}.{read.relation}"
    rows = f"for every row that {views} {verb} (many=True){_through(read.steps)}"
    data = {"serializer": e.serializer, "field": e.field, "model": read.model, "relation": read.relation,
            "path": read.path, "views": [{"view": n, "path": p, "line": line} for n, p, line in e.views]}
    if read.kind == "query":
        ctx.report(e.node, "MDB306", (
            f"{e.serializer}.{e.field} runs a {short(read.model)} query ({read.relation}()) {rows}: one query per "
            f"row (N+1), which prefetch_related() alone does not remove; annotate {target}'s queryset, or "
            f"prefetch with Prefetch(..., to_attr=...) and read that attribute"
        ), {**data, "fix": None})
        return
    method = "prefetch_related" if read.kind == "manager" or read.through_many else "select_related"
    for root, anchor in e.fixes:
        ctx.fixes.append(Fix(e.node, "MDB306", root, anchor, method, read.path))
    ctx.report(e.node, "MDB306", (
        f"{where} {rows}: one query per row (N+1); add {method}(\"{read.path}\") to {target}'s queryset"
    ), {**data, "fix": f'{method}("{read.path}")'})
