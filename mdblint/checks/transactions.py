"""MDB4xx: transactions and writes."""

from __future__ import annotations

from mdblint.analysis import events as ev
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import phrase, source_data

# A view runs inside the atomic blocks of ATOMIC_REQUESTS: views name `request` (or are routed
# by the module's urlpatterns).
TOKENS = (b"atomic", b"request", b"urlpatterns")


@rule("MDB401", "write-outside-atomic-database", "A write inside atomic(using=X) that goes to another database.",
      tokens=TOKENS, events=(ev.Write,))
def write_outside_atomic(e: ev.Write, ctx: FileContext) -> None:
    if not e.atomic or not e.aliases.exact or not _outside_every_block(e.aliases, e.atomic, ctx):
        return
    # A block on a replica holds no write (writes there are MDB402's): it is opened for a
    # consistent read snapshot, not to make writes elsewhere atomic.
    read_only = read_only_aliases(ctx)
    if all(a.names <= read_only.keys() for a in e.atomic):
        return
    alias = min(e.aliases.names)
    ctx.report(e.node, "MDB401", (
        f"{e.what} writes to {phrase(e.aliases, alias)} inside {block(e.atomic[-1])}: "
        f"a rollback does not undo it; wrap it in transaction.atomic(using={alias!r}) too"
    ), {"write": {"alias": alias, "source": source_data(ctx, e.aliases.source(alias))}, "atomic": _blocks(e.atomic, ctx)})


@rule("MDB402", "write-to-read-only-database", "A write through an alias that only reads (a replica).",
      tokens=(b"using", b"save", b"create", b"delete", b"update", b"bulk_", b".add(", b".set("), events=(ev.Write,))
def write_to_read_only(e: ev.Write, ctx: FileContext) -> None:
    if not e.aliases.exact:
        return
    read_only = read_only_aliases(ctx)
    if not e.aliases.names <= read_only.keys():
        return
    alias = min(e.aliases.names)
    ctx.report(e.node, "MDB402", (
        f"{e.what} writes to {phrase(e.aliases, alias)}, which is read-only ({read_only[alias]}): the replica "
        f"refuses the write or silently diverges from its primary; write through the primary"
    ), {"write": {"alias": alias, "source": source_data(ctx, e.aliases.source(alias))}, "read_only": read_only[alias]})


def read_only_aliases(ctx: FileContext) -> dict[str, str]:
    """Aliases the project only reads from, and why: a TEST MIRROR, `read-only` in [tool.mdblint],
    or routers that never send a write there."""
    declared = tuple(getattr(ctx, "read_only", ()) or ())
    memo = ctx.project.__dict__.setdefault("_read_only", {})   # per read-only declaration
    if declared in memo:
        return memo[declared]
    databases = ctx.project.settings.databases or {}
    found = {a: f"a TEST MIRROR of {d.mirror!r}" for a, d in databases.items() if d.mirror}
    for alias in declared:
        found.setdefault(alias, "declared read-only in [tool.mdblint]")
    writable = _router_answers(ctx, databases, "db_for_write")
    readable = _router_answers(ctx, databases, "db_for_read") if writable is not None else None
    if writable is not None and readable is not None:
        # A router's replica: reads are sent there, writes never (an alias the routers never name
        # is reached only explicitly: nothing says it refuses writes).
        for alias in (databases.keys() & readable) - writable:
            found.setdefault(alias, "the routers send reads there and no write")
    memo[declared] = found
    return found


def _router_answers(ctx: FileContext, databases, method: str) -> set[str] | None:
    """Every alias the routers' `method` can return, for any model and instance hint; None if unknown."""
    if ctx.routers is None or not ctx.project.settings.routers or not databases:
        return None
    writable: set[str] = set()
    for label, model in ctx.project.graph.models.items():
        if model.abstract or model.swapped:
            continue
        for hint in (None, *databases):
            answer = getattr(ctx.routers, method)(label, hint)
            if answer.aliases is None:
                return None
            writable |= answer.aliases
    return writable


# What runs an entry point outside every block of the project's own.
ENTRY_WORDS = {"view": "a view (Django's handler opens no block here)",
               "command": "a management command (BaseCommand.execute opens no transaction)",
               "task": "a task (the worker runs it outside any transaction)"}


@rule("MDB404", "select-for-update-outside-atomic", "select_for_update() evaluated with no atomic() open on its database.",
      # A view, command or task may lock through a helper of another module: its own text need
      # not name select_for_update.
      tokens=(b"select_for_update", b"atomic", b"request", b"def handle", b"task"), events=(ev.LockedRead,))
def select_for_update_outside_atomic(e: ev.LockedRead, ctx: FileContext) -> None:
    # Only where the code shows the transactions it runs in: inside atomic() blocks on other
    # databases, or in a view, management command or task (requests.entry_point), which nothing in
    # the project calls inside a block, directly or through the helpers it calls (their locks are
    # judged at the call, under the caller's blocks). A function evaluated outside every atomic()
    # block that nothing shows to be such an entry point may be called inside one: silent.
    if not e.aliases.exact or not _defined(ctx, e.aliases):
        return
    if not e.atomic:
        if e.entry:
            alias = min(e.aliases.names)
            where = ENTRY_WORDS.get(e.entry, e.entry)
            ctx.report(e.node, "MDB404", (
                f"{e.what} locks rows on {phrase(e.aliases, alias)} in {where}, with no transaction open: "
                f"Django raises TransactionManagementError (\"select_for_update cannot be used outside of a "
                f"transaction\"); wrap it in transaction.atomic(using={alias!r})"
            ), {"lock": {"alias": alias, "source": source_data(ctx, e.aliases.source(alias))}, "atomic": [],
                "entry": e.entry})
        return
    if not _outside_every_block(e.aliases, e.atomic, ctx):
        return
    alias = min(e.aliases.names)
    ctx.report(e.node, "MDB404", (
        f"{e.what} locks rows on {phrase(e.aliases, alias)}, but the open block is {block(e.atomic[-1])}: Django raises "
        f"TransactionManagementError (\"select_for_update cannot be used outside of a transaction\"); "
        f"wrap it in transaction.atomic(using={alias!r})"
    ), {"lock": {"alias": alias, "source": source_data(ctx, e.aliases.source(alias))}, "atomic": _blocks(e.atomic, ctx)})


@rule("MDB403", "transaction-call-on-default", "on_commit()/set_rollback()/... without using= inside atomic(using=X).",
      tokens=TOKENS, events=(ev.TransactionCall,))
def transaction_call_without_using(e: ev.TransactionCall, ctx: FileContext) -> None:
    if e.using is not None or not e.atomic or not all(a.exact and _defined(ctx, a) for a in e.atomic):
        return
    protected = frozenset().union(*(a.names for a in e.atomic))
    if "default" in protected:
        return
    alias = min(e.atomic[-1].names)
    effect = "runs the callback at once" if e.function == "on_commit" else "acts on 'default', not this transaction"
    ctx.report(e.node, "MDB403", (
        f"transaction.{e.function}() without using= inside {block(e.atomic[-1])} {effect}; "
        f"pass using={alias!r}"
    ), {"function": e.function, "atomic": [{"aliases": sorted(a.names)} for a in e.atomic]})


def block(aliases) -> str:
    """An atomic block as messages name it: `transaction.atomic(using='x')`, or the request's."""
    alias = min(aliases.names)
    source = aliases.source(alias)
    if source is not None and source.how == "ATOMIC_REQUESTS":
        return f"the request's transaction.atomic(using={alias!r}) (ATOMIC_REQUESTS)"
    return f"transaction.atomic(using={phrase(aliases, alias)})"


def _outside_every_block(aliases, atomic, ctx: FileContext) -> bool:
    """`aliases` (exact) go to none of the open blocks' databases, all of them known and defined."""
    if not all(a.exact and _defined(ctx, a) for a in atomic):
        return False
    return not aliases.names & frozenset().union(*(a.names for a in atomic))


def _blocks(atomic, ctx: FileContext) -> list[dict]:
    """The open blocks, as a finding's data gives them."""
    return [{"aliases": sorted(a.names), "source": source_data(ctx, a.source(min(a.names)))} for a in atomic]


def _defined(ctx: FileContext, aliases) -> bool:
    """An atomic block on an alias DATABASES lacks raises on entry (MDB501), so nothing in it runs."""
    databases = ctx.project.settings.databases
    return databases is None or aliases.names <= databases.keys()
