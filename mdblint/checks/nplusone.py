"""MDB3xx: queries per row of a loop (N+1)."""

from __future__ import annotations

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis.perrow import via_text
from mdblint.analysis.vocab import REQUERIES
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import short
from mdblint.fixes import Fix

# A loop, or a builtin that runs a function on every row (sorted(rows, key=...), map(f, rows)).
# A template a view renders (analysis/templates.py): its {% for %} loops.
TOKENS = (b"for ", b"key=", b"map(", b"filter(", b"render", b"TemplateResponse", b"ListView", b"DetailView")


def _data(ctx: FileContext, e: ev.RowQuery, method: str) -> dict:
    root = e.root.node if e.root is not None else None
    loop = ctx.at_node(e.loop) if isinstance(e.loop, cst.CSTNode) else getattr(e.loop, "where", None)
    data = {"path": e.path, "fix": f'{method}("{e.path}")', "model": e.model,
            "relation": getattr(e.relation, "name", None),
            "queryset": ctx.at_node(root) if root is not None else None, "loop": loop}
    if e.via:
        data["via"] = [{"call": call, "callee": callee, "path": path, "line": line} for call, callee, path, line in e.via]
    if getattr(e.loop, "where", None) is not None:   # a template's {% for %}: where the read is
        steps = [(path, line) for _, callee, path, line in e.via if callee.startswith("template ")]
        data["template"] = {"path": steps[-1][0], "line": steps[-1][1]} if steps else e.loop.where
    return data


def _loop(ctx: FileContext, e) -> str:
    """`the loop`, or, when the read is in code the loop calls, `the loop at line N through f(row) (...)`."""
    if not e.via:
        return "the loop"
    line = ctx.flow.locate(e.loop)[1] if ctx.flow is not None and e.loop is not None else None
    return f"the loop{f' at line {line}' if line else ''} {via_text(e.via)}"


def _offer_fix(e: ev.RowQuery, ctx: FileContext, code: str, method: str) -> None:
    if e.root is not None and e.root.node is not None:
        ctx.fixes.append(Fix(e.node, code, e.root.node, e.loop, method, e.path))


@rule("MDB301", "forward-relation-per-row", "A ForeignKey/OneToOne read on every row of a loop, not loaded with the rows.",
      tokens=TOKENS, events=(ev.RowQuery,))
def forward_relation_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind != "forward":
        return
    method = "prefetch_related" if e.through_many else "select_related"
    _offer_fix(e, ctx, "MDB301", method)
    ctx.report(e.node, "MDB301", (
        f"{short(e.model)}.{e.relation.name} is read on every row of {_loop(ctx, e)}: one query per row (N+1); "
        f"add {method}(\"{e.path}\") to the queryset the loop iterates"
    ), _data(ctx, e, method))


def _built_with(e: ev.RowQuery) -> str:
    """`all()` or `filter(...)`: the manager call that built the per-row queryset."""
    func = getattr(e.node, "func", None)
    name = func.attr.value if isinstance(func, cst.Attribute) else "all"
    return "all()" if name == "all" else f"{name}(...)"


@rule("MDB302", "related-manager-per-row", "A related manager evaluated on every row of a loop, not prefetched.",
      tokens=TOKENS, events=(ev.RowQuery,))
def related_manager_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind != "manager":
        return
    name = e.path.rpartition("__")[2]
    what, advice, method = f"{short(e.model)}.{name}", f'add prefetch_related("{e.path}") to the queryset the loop iterates', "prefetch_related"
    if e.method in REQUERIES:   # a new query even on a prefetched manager: prefetch_related() alone does not help
        what, method = f"{what}.{e.method}()", "Prefetch"
        advice = (f"{e.method}() queries even a prefetched manager: prefetch with Prefetch(\"{e.path}\", "
                  f"queryset=..., to_attr=...) and read that attribute")
    elif e.method in ("delete", "update", "adelete", "aupdate"):   # row.rel.all().delete(): one write per row
        what = f"{what}.{_built_with(e)}.{e.method}()"
        advice = (f"one {e.method.lstrip('a').upper()} per row, which prefetch_related() would not spare: {e.method}() once, "
                  f"on a queryset of the related model filtered across the relation to the rows the loop iterates")
    elif e.method in ("|", "&"):   # row.rel.all() | other, evaluated per row: a new query, prefetched or not
        what = f"{what}.{_built_with(e)} combined with `{e.method}`"
        advice = (f"a combined queryset is a new query even when the relation is prefetched: prefetch \"{e.path}\" "
                  f"and combine the rows in Python, or build one queryset outside the loop")
    else:
        _offer_fix(e, ctx, "MDB302", "prefetch_related")
    ctx.report(e.node, "MDB302", f"{what} is queried on every row of {_loop(ctx, e)}: one query per row (N+1); {advice}",
               _data(ctx, e, method))


@rule("MDB303", "prefetch-bypassed-per-row",
      "A prefetched relation queried again on every row (filter(), unordered first(), the manager instead "
      "of to_attr), or iterator() without chunk_size.",
      tokens=(*TOKENS, b"iterator("), events=(ev.RowQuery,))
def prefetch_bypassed_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind not in ("requery", "to_attr", "iterator"):
        return
    name = f"{short(e.model)}.{e.path.rpartition('__')[2]}"
    if e.kind == "iterator":
        message = (f"iterator() without chunk_size after prefetch_related(\"{e.path}\"): Django 5.0+ raises "
                   f"ValueError, older versions drop the prefetch (one query per row); pass chunk_size, "
                   f"e.g. iterator(chunk_size=2000)")
    elif e.method in ("last", "alast"):
        message = (f"{name} was prefetched, but {e.method}() reverses the rows into a new query, on every row "
                   f"(N+1); take the last of the prefetched rows (list(...all())[-1:])")
    elif e.method in ("first", "afirst"):
        message = (f"{name} was prefetched, but its model has no Meta.ordering: {e.method}() orders by pk, a new "
                   f"query on every row (N+1); take the row from the prefetched list (next(iter(...all()), None)), "
                   f"or prefetch with Prefetch(\"{e.path}\", queryset=<an ordered queryset>)")
    elif e.kind == "to_attr":
        message = (f"{name} was prefetched into an attribute (Prefetch(..., to_attr=...)), but the loop reads the "
                   f"manager: one query per row (N+1); read the to_attr attribute instead")
    else:
        message = (f"{name} was prefetched, but this reads it with a new query on every row (N+1): filter in "
                   f"Python, or move the condition into Prefetch(\"{e.path}\", queryset=..., to_attr=...) and "
                   f"read that attribute")
    if e.via:
        message += f" ({_loop(ctx, e)})"
    ctx.report(e.node, "MDB303", message, _data(ctx, e, "iterator" if e.kind == "iterator" else "Prefetch"))


@rule("MDB304", "deferred-field-per-row", "A field left out by only()/defer() read on every row of a loop.",
      tokens=TOKENS, events=(ev.RowQuery,))
def deferred_field_per_row(e: ev.RowQuery, ctx: FileContext) -> None:
    if e.kind != "deferred":
        return
    field = e.path.rpartition("__")[2]
    ctx.report(e.node, "MDB304", (
        f"{short(e.model)}.{e.relation} was deferred by only()/defer(), and is read on every row of {_loop(ctx, e)}: "
        f"one query per row (N+1); add it to the only() that left it out, or remove it from defer()"
    ), {**_data(ctx, e, "only"), "field": field})


# What to do instead of a query per iteration, by method.
INSTEAD = {
    **dict.fromkeys(("get", "first", "last", "latest", "earliest", "in_bulk", "aget", "afirst", "alast"),
                    "fetch the rows once before the loop (in_bulk(), or filter(pk__in=...) into a dict)"),
    **dict.fromkeys(("count", "exists", "aggregate", "acount", "aexists"),
                    "annotate the iterated queryset (Count, Exists, Subquery) or compute it once before the loop"),
    **dict.fromkeys(("create", "get_or_create", "update_or_create", "bulk_create", "acreate"),
                    "build the objects in the loop and save them with one bulk_create() after it"),
    **dict.fromkeys(("save", "asave", "bulk_update"),
                    "collect the objects and write them with one bulk_update() (or one queryset update()) after the loop"),
    **dict.fromkeys(("update", "aupdate"),
                    "run one update() on filter(pk__in=...) after the loop if every row gets the same values, "
                    "else one bulk_update()"),
    **dict.fromkeys(("delete", "adelete"), "run one delete() on filter(pk__in=...) after the loop"),
    **dict.fromkeys(("add", "remove", "set", "clear"),
                    "write the through rows with one bulk_create() (or delete()) after the loop"),
    "prefetch_related_objects": "call it once, before the loop, on all the rows (or add prefetch_related() to "
                                "the queryset the loop iterates)",
}


@rule("MDB305", "query-per-iteration",
      "A query run on every iteration of a loop over rows (get/first/count/exists/create/save...).",
      tokens=TOKENS, events=(ev.LoopQuery,))
def query_per_iteration(e: ev.LoopQuery, ctx: FileContext) -> None:
    if e.on == "evaluated":
        _evaluated_per_iteration(e, ctx)
        return
    func = getattr(e.node, "func", None)
    receiver = " ".join(ctx.flow.module.code_for_node(func.value).split()) \
        if isinstance(func, cst.Attribute) and not e.via else ""
    if len(receiver) > 40:
        receiver = "..." + receiver[-37:]
    instead = INSTEAD.get(e.method, "run the query once, before or after the loop")
    if e.overrides is not None:
        instead = _overridden(e)
    elif e.used:
        instead = _result_used(e)
    data = {"method": e.method, "model": e.model, "on": e.on, "loop": ctx.at_node(e.loop)}
    where = "the loop over rows"
    if e.via:
        where = _loop(ctx, e).replace("the loop", "the loop over rows", 1)
        data["via"] = [{"call": call, "callee": callee, "path": path, "line": line} for call, callee, path, line in e.via]
    if e.overrides is not None and e.overrides[1] is None:
        data["may_override"] = e.overrides[0]   # a base class mdblint cannot read
    elif e.overrides is not None:
        data["overrides"] = {"path": e.overrides[0], "line": e.overrides[1]}
    ctx.report(e.node, "MDB305", (
        f"{receiver + '.' if receiver else ''}{e.method}() runs a query on every iteration of {where} (N+1); {instead}"
    ), data)


def _result_used(e: ev.LoopQuery) -> str:
    """The advice when the loop uses the write's result: the bulk form does not give it row by row."""
    method = e.method.removeprefix("a")
    if method in ("update", "delete"):
        return (f"the loop uses the count it returns, which one {method}() after the loop gives only in total: "
                f"keep the per-row {method}() if each count matters, else run one {method}() on filter(pk__in=...)")
    if method == "create":
        return ("the loop uses the object it returns: build the objects first and bulk_create() them after the "
                "loop only if the code using them can run after it (bulk_create() returns the list; primary keys "
                "are set on PostgreSQL, SQLite 3.35+ and MariaDB 10.5+)")
    return (f"the loop uses what {method}() returns (the object, and whether it was created): fetch the existing "
            f"rows once before the loop (filter(..._in=...)), then create the missing ones with one bulk_create()")


def _overridden(e: ev.LoopQuery) -> str:
    """The advice when the model overrides save()/delete(): the bulk forms would skip the override."""
    method = e.method.removeprefix("a")
    path, line = e.overrides
    overridden = "delete" if method == "delete" else "save"
    bulk = {"save": "bulk_update() and queryset update()", "delete": "a queryset delete()"}.get(method, "bulk_create()")
    if line is None:   # a base class mdblint cannot read
        return (f"{short(e.model)} may override {overridden}() in {path} (a base class mdblint cannot read), which "
                f"{bulk} would skip: check it before replacing the per-row {method}()")
    return (f"{short(e.model)} overrides {overridden}() ({path}:{line}), which {bulk} would skip: keep the per-row "
            f"{method}() if its logic must run, or do that logic in bulk as well")


EVALUATIONS = {"iteration": "iterated", "bool": "tested for truth (it fetches every row)", "len": "counted with len()",
               "list": "evaluated by list()", "tuple": "evaluated by tuple()", "set": "evaluated by set()",
               "sorted": "evaluated by sorted()", "reversed": "evaluated by reversed()", "iter": "evaluated by iter()"}


def _evaluated_per_iteration(e: ev.LoopQuery, ctx: FileContext) -> None:
    """A queryset built inside the loop and evaluated there: a new query on every iteration."""
    text = " ".join(ctx.flow.module.code_for_node(e.node).split())
    if len(text) > 50:
        text = text[:47] + "..."
    how = EVALUATIONS.get(e.method, "evaluated")
    instead = ("annotate the iterated queryset (Count, Exists) or count once before the loop" if e.method in ("len", "bool")
               else "fetch the rows once before the loop (one filter(..._in=...) grouped in a dict), or "
                    "prefetch_related() them on the rows the loop iterates")
    ctx.report(e.node, "MDB305", (
        f"{text}: a {short(e.model)} queryset built inside the loop over rows is {how} on every iteration: "
        f"one query per iteration (N+1); {instead}"
    ), {"method": e.method, "model": e.model, "on": e.on, "loop": ctx.at_node(e.loop)})
