"""MDB2xx: querysets and subqueries across databases."""

from __future__ import annotations

from mdblint.analysis import events as ev
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import differ, phrase, shares_data, short, side

TOKENS = (b"using", b"db_manager")


def _evaluated_on(ctx: FileContext, qs):
    return ctx.flow.bound_aliases(qs.bound, qs.model) if ctx.flow else None


@rule("MDB201", "cross-database-subquery", "A queryset bound to another database used as an `__in` lookup.",
      tokens=TOKENS, events=(ev.QuerysetArgument,))
def cross_alias_in(e: ev.QuerysetArgument, ctx: FileContext) -> None:
    # Django's In lookup compares the inner queryset's explicit database with the outer one's.
    if e.how != "lookup" or not (e.lookup == "in" or e.lookup.endswith("__in")) or e.inner.bound.aliases is None:
        return
    outer = _evaluated_on(ctx, e.outer)
    pair = differ(outer, e.inner.bound.aliases)
    if pair is None:
        return
    ctx.report(e.node, "MDB201", (
        f"{e.lookup}= takes a {short(e.inner.model)} queryset bound to {phrase(e.inner.bound.aliases, pair[1])} "
        f"inside a {short(e.outer.model)} query on {phrase(outer, pair[0])}: Django raises ValueError "
        f"(subqueries aren't allowed across different databases); evaluate it first with list(...)"
    ), {"lookup": e.lookup, "outer": side(ctx, e.outer.model, outer, pair[0]),
        "inner": side(ctx, e.inner.model, e.inner.bound.aliases, pair[1])})


@rule("MDB202", "subquery-on-wrong-database", "Subquery()/Exists() over a queryset bound to another database.",
      tokens=(b"Subquery", b"Exists", b"__in"), events=(ev.QuerysetArgument,))
def subquery_other_alias(e: ev.QuerysetArgument, ctx: FileContext) -> None:
    if e.inner.bound.aliases is None:
        _routed_subquery(e, ctx)
        return
    if e.how not in ("Subquery", "Exists"):
        return
    outer = _evaluated_on(ctx, e.outer)
    pair = differ(outer, e.inner.bound.aliases)
    if pair is None or not _disjoint_data(ctx, e.outer.model, outer, e.inner.model, e.inner.bound.aliases):
        return
    ctx.report(e.node, "MDB202", (
        f"{e.how}() over a {short(e.inner.model)} queryset bound to {phrase(e.inner.bound.aliases, pair[1])} inside a "
        f"{short(e.outer.model)} query on {phrase(outer, pair[0])}: Django raises nothing and runs the subquery on "
        f"{pair[0]!r}, ignoring .using(); query {pair[1]!r} separately and pass the values"
    ), {"outer": side(ctx, e.outer.model, outer, pair[0]),
        "inner": side(ctx, e.inner.model, e.inner.bound.aliases, pair[1])})


def _routed_subquery(e: ev.QuerysetArgument, ctx: FileContext) -> None:
    """An inner queryset with no database of its own (no .using()) over a model the routers send
    elsewhere: Django compiles it into the outer query, on the outer query's database. Reported
    only when the routers route the two models apart (the inner model's rows live elsewhere, not
    merely where every read goes) and say the two databases hold different data."""
    if ctx.flow is None or e.inner.bound.instance is not None or (
            e.how == "lookup" and not (e.lookup == "in" or e.lookup.endswith("__in"))):
        return
    inner = ctx.flow.read_aliases(e.inner.model, None)
    outer = _evaluated_on(ctx, e.outer)
    pair = differ(outer, inner)
    if pair is None or differ(ctx.flow.read_aliases(e.outer.model, None), inner) is None \
            or not _disjoint_data(ctx, e.outer.model, outer, e.inner.model, inner):
        return
    what = f"{e.lookup}= takes" if e.how == "lookup" else f"{e.how}() over"
    ctx.report(e.node, "MDB202", (
        f"{what} a {short(e.inner.model)} queryset the routers send to {phrase(inner, pair[1])}, inside a "
        f"{short(e.outer.model)} query on {phrase(outer, pair[0])}: the inner queryset has no database of its "
        f"own, so Django raises nothing and runs it on {pair[0]!r}, where the {short(e.inner.model)} rows are not; "
        f"query {pair[1]!r} separately (list(...)) and pass the values"
    ), {"outer": side(ctx, e.outer.model, outer, pair[0]), "inner": side(ctx, e.inner.model, inner, pair[1]),
        "routed": True})


def _disjoint_data(ctx, model1, aliases1, model2, aliases2) -> bool:
    """Every pair of aliases holds different data (the routers refuse relations between them)."""
    return all(shares_data(ctx, model1, a, model2, b) is False for a in aliases1.names for b in aliases2.names)


@rule("MDB203", "cross-database-comparison", "An instance or queryset from another database compared or combined.",
      tokens=TOKENS, events=(ev.InstanceLookup, ev.SetOperation))
def cross_alias_comparison(e, ctx: FileContext) -> None:
    if isinstance(e, ev.InstanceLookup):
        outer = _evaluated_on(ctx, e.outer)
        pair = differ(outer, e.value.aliases)
        if pair is None or not _disjoint_data(ctx, e.outer.model, outer, e.value.model, e.value.aliases):
            return
        ctx.report(e.node, "MDB203", (
            f"{e.lookup}= compares a {short(e.value.model)} from {phrase(e.value.aliases, pair[1])} inside a "
            f"{short(e.outer.model)} query on {phrase(outer, pair[0])}: Django raises nothing and matches whatever "
            f"row has that primary key on {pair[0]!r}"
        ), {"lookup": e.lookup, "outer": side(ctx, e.outer.model, outer, pair[0]),
            "value": side(ctx, e.value.model, e.value.aliases, pair[1])})
        return
    left, right = _evaluated_on(ctx, e.left), _evaluated_on(ctx, e.right)
    pair = differ(left, right)
    # Django evaluates the combination on the left's database, bound or routed, whatever the right's.
    if pair is None or not _disjoint_data(ctx, e.left.model, left, e.right.model, right):
        return
    ctx.report(e.node, "MDB203", (
        f"{e.op} combines a {short(e.left.model)} queryset on {phrase(left, pair[0])} with one bound to "
        f"{phrase(right, pair[1])}: Django raises nothing and evaluates both on {pair[0]!r}; evaluate them "
        f"separately and combine the results in Python"
    ), {"op": e.op, "left": side(ctx, e.left.model, left, pair[0]), "right": side(ctx, e.right.model, right, pair[1])})
