"""MDB1xx: relations between objects on different databases."""

from __future__ import annotations

from mdblint.analysis import events as ev
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import Conflict, differ, phrase, relation_conflict, shares_data, short, side

TOKENS = (b"using", b"db_manager", b"objects", b".add(", b".set(", b"create(", b"save(")


@rule("MDB101", "cross-database-relation", "A ForeignKey/OneToOne set to an instance from another database.",
      tokens=TOKENS, events=(ev.RelationAssign,))
def cross_alias_assignment(e: ev.RelationAssign, ctx: FileContext) -> None:
    if e.relation.kind == "gfk":
        return  # MDB103
    # Django asks router.allow_relation(value, instance).
    conflict = relation_conflict(ctx, e.value.model, e.value.aliases, e.owner.model, e.owner.aliases)
    if conflict is None:
        return
    owner_alias, value_alias = conflict.second, conflict.first
    ctx.report(e.node, "MDB101", (
        f"{short(e.owner.model)}.{e.relation.name} on {phrase(e.owner.aliases, owner_alias)} is given a "
        f"{short(e.value.model)} from {phrase(e.value.aliases, value_alias)}: Django raises ValueError "
        f"(the router does not allow the relation); {_fetch_hint(ctx, short(e.value.model), owner_alias)}"
    ), {"relation": e.relation.name, "via": e.via, "router": conflict.why,
        "instance": side(ctx, e.owner.model, e.owner.aliases, owner_alias),
        "value": side(ctx, e.value.model, e.value.aliases, value_alias)})


@rule("MDB102", "cross-database-related-manager", "A related manager given objects from another database.",
      tokens=TOKENS, events=(ev.RelatedWrite,))
def cross_alias_related_write(e: ev.RelatedWrite, ctx: FileContext) -> None:
    kind = e.manager.relation.kind
    owner = e.manager.owner
    if kind == "generic_relation":
        return  # MDB103
    for node, obj in e.objs:
        problem = _related_problem(ctx, e, obj)
        if problem is None:
            continue
        owner_alias, obj_alias, consequence = problem
        ctx.report(node, "MDB102", (
            f"{short(owner.model)}.{e.manager.relation.name}.{e.method}() on {phrase(owner.aliases, owner_alias)} "
            f"is given a {short(obj.model)} from {phrase(obj.aliases, obj_alias)}: {consequence}; "
            f"{_fetch_hint(ctx, 'it', owner_alias)}{f' ({e.via})' if e.via else ''}"
        ), {"relation": e.manager.relation.name, "method": e.method, **({"via": e.via} if e.via else {}),
            "instance": side(ctx, owner.model, owner.aliases, owner_alias),
            "value": side(ctx, obj.model, obj.aliases, obj_alias)})


def _related_problem(ctx: FileContext, e: ev.RelatedWrite, obj) -> tuple[str, str, str] | None:
    owner, kind, method = e.manager.owner, e.manager.relation.kind, _sync(e.method)
    conflict = relation_conflict(ctx, obj.model, obj.aliases, owner.model, owner.aliases)
    if kind in ("m2m", "reverse_m2m"):
        if conflict is None:
            return None
        if method == "remove":
            return conflict.second, conflict.first, "Django silently removes the link to whatever row has that primary key"
        if method == "set":
            return conflict.second, conflict.first, ("Django raises ValueError, or silently keeps the old link when a "
                                                     "row with the same primary key is already linked")
        return conflict.second, conflict.first, "Django raises ValueError (instance is on one database, value on another)"
    if kind == "reverse_fk" and method == "remove" and conflict is not None:
        return conflict.second, conflict.first, ("Django matches by primary key on the manager's database: it clears "
                                                 "the wrong row, or raises DoesNotExist")
    if kind == "reverse_fk" and method in ("add", "set"):
        if conflict is not None:
            return conflict.second, conflict.first, "Django raises ValueError (the router does not allow the relation)"
        # bulk=True (the default) also requires the object to be on the manager's write database.
        if e.bulk:
            pair = differ(ctx_write(ctx, e), obj.aliases)
            if pair is not None:
                return pair[0], pair[1], "Django raises ValueError (\"instance isn't saved\"; it is on another database)"
    return None


def ctx_write(ctx: FileContext, e: ev.RelatedWrite):
    return ctx.flow.write_aliases(e.manager.model, e.manager.owner.aliases) if ctx.flow else None


def _fetch_hint(ctx: FileContext, what: str, owner_alias: str) -> str:
    """Where to fetch the value from: the owner's database, unless that one only reads (a replica)."""
    from mdblint.checks.transactions import read_only_aliases

    if owner_alias in read_only_aliases(ctx):
        return f"fetch {what} and the object it is given to from the same writable database"
    return f"fetch {what} from {owner_alias!r}"


def _sync(method: str) -> str:
    """`aadd` -> `add`: the async twins behave the same."""
    return method[1:] if method in ("aadd", "aset", "aremove") else method


@rule("MDB103", "cross-database-generic-relation", "A generic relation set to an object from another database.",
      tokens=(b"GenericForeignKey", b"GenericRelation", b"content_object", b".add("),
      events=(ev.RelationAssign, ev.RelatedWrite))
def cross_alias_generic(e, ctx: FileContext) -> None:
    if isinstance(e, ev.RelationAssign):
        if e.relation.kind != "gfk":
            return
        conflict = relation_conflict(ctx, e.value.model, e.value.aliases, e.owner.model, e.owner.aliases)
        pairs = [(e.node, e.owner, e.value, conflict)] if conflict else []
    else:
        if e.manager.relation.kind != "generic_relation" or _sync(e.method) not in ("add", "set"):
            return
        owner = e.manager.owner
        pairs = []
        for node, obj in e.objs:
            conflict = relation_conflict(ctx, obj.model, obj.aliases, owner.model, owner.aliases)
            if conflict is None and e.bulk:
                pair = differ(ctx_write(ctx, e), obj.aliases)
                conflict = Conflict(pair[1], pair[0], "bulk add needs the manager's database") if pair else None
            if conflict:
                pairs.append((node, owner, obj, conflict))
    for node, owner, value, conflict in pairs:
        ctx.report(node, "MDB103", (
            f"generic relation on a {short(owner.model)} from {phrase(owner.aliases, conflict.second)} is given a "
            f"{short(value.model)} from {phrase(value.aliases, conflict.first)}: Django raises ValueError; "
            f"fetch both from the same database"
        ), {"instance": side(ctx, owner.model, owner.aliases, conflict.second),
            "value": side(ctx, value.model, value.aliases, conflict.first)})


@rule("MDB104", "row-points-to-another-database", "A row written on one database pointing at a row of another.",
      tokens=(b"create(", b"using"), events=(ev.RowWrite,))
def foreign_pointer(e: ev.RowWrite, ctx: FileContext) -> None:
    pair = differ(e.target, e.value.aliases)
    if pair is None:
        return
    target, source = pair
    for t in e.target.names:
        for s in e.value.aliases.names:
            if shares_data(ctx, e.model, t, e.value.model, s) is not False:
                return
    ctx.report(e.value_node, "MDB104", (
        f"{short(e.model)}.{e.relation.name} is written on {phrase(e.target, target)} with a "
        f"{short(e.value.model)} from {phrase(e.value.aliases, source)}: Django raises nothing and the row points "
        f"at whatever {short(e.value.model)} has that primary key on {target!r}; copy or fetch the "
        f"{short(e.value.model)} on {target!r} first"
    ), {"relation": e.relation.name, "row": side(ctx, e.model, e.target, target),
        "value": side(ctx, e.value.model, e.value.aliases, source)})
