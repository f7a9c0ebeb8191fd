"""What the alias analysis observed; rules subscribe to these by type and never walk the tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mdblint.analysis.values import Aliases, Instance, QuerySet, RelatedManager, Value


@dataclass(frozen=True)
class AliasSite:
    """`.using(x)`, `.db_manager(x)`, `using=x`, `atomic(x)`, `connections[x]`."""
    node: Any
    kind: str
    aliases: Aliases
    reason: str | None = None   # why some possibility is unknown ("parameter using", "attribute self.db", ...)
    form: str = "other"         # how the alias is written (analysis/provenance.py FORMS)


@dataclass(frozen=True)
class RelationAssign:
    """`owner.field = value`, `setattr(owner, "field", value)`, or a constructor keyword."""
    node: Any
    owner: Instance
    relation: Any          # graph Relation, on owner's model
    value: Instance
    via: str               # "assignment", "setattr", "constructor"


@dataclass(frozen=True)
class RelatedWrite:
    """`manager.add/set/remove(...objs)` on a related manager."""
    node: Any
    manager: RelatedManager
    method: str
    objs: tuple[tuple[Any, Instance], ...]   # (node, instance)
    bulk: bool = True                        # bulk mode: the default, or `bulk=True` (through a helper: its call's)
    via: str = ""                            # through a helper: "link() at line 11"


@dataclass(frozen=True)
class RowWrite:
    """A row written on `target` holding `value` in relation field `relation` (create, save(using=))."""
    node: Any
    model: str
    target: Aliases
    relation: Any
    value: Instance
    value_node: Any


@dataclass(frozen=True)
class QuerysetArgument:
    """A queryset used inside another one's filter: `x__in=inner`, `Subquery(inner)`, `Exists(inner)`."""
    node: Any
    outer: QuerySet
    inner: QuerySet
    how: str               # "lookup", "Subquery", "Exists"
    lookup: str | None


@dataclass(frozen=True)
class InstanceLookup:
    """`filter(rel=instance)`: a primary key compared across databases."""
    node: Any
    outer: QuerySet
    lookup: str
    value: Instance


@dataclass(frozen=True)
class SetOperation:
    node: Any
    left: QuerySet
    right: QuerySet
    op: str


@dataclass(frozen=True)
class Write:
    """A write to the database(s) `aliases`, under the enclosing atomic blocks `atomic`."""
    node: Any
    aliases: Aliases
    what: str
    atomic: tuple[Aliases, ...]
    model: str | None = None   # the model whose rows are written (None: not known)


@dataclass(frozen=True)
class Read:
    """A queryset of `model` evaluated (iterated, get(), count(), list(), ...) on `aliases`."""
    node: Any
    model: str
    aliases: Aliases
    what: str
    atomic: tuple[Aliases, ...]


@dataclass(frozen=True)
class TransactionCall:
    """`on_commit`, `set_rollback`, ... with or without `using=`, under the enclosing atomics."""
    node: Any
    function: str
    using: Aliases | None
    atomic: tuple[Aliases, ...]


@dataclass(frozen=True)
class LockedRead:
    """A `select_for_update()` queryset evaluated (iterated, get(), first(), list(), ...) on `aliases`
    (its write database: select_for_update() marks the queryset for write), under the atomics."""
    node: Any
    aliases: Aliases
    what: str
    atomic: tuple[Aliases, ...]
    lock: Any              # the select_for_update() call
    entry: str = ""        # in a view, command or task ("view", ...): no block is open but those in `atomic`


@dataclass(frozen=True)
class RowQuery:
    """A relation or field read per row of a loop over a queryset, not loaded with the rows (N+1)."""
    node: Any
    # "forward" (an object per row), "manager" (a related manager evaluated per row), "requery" (a
    # prefetched manager queried again), "to_attr" (the manager read instead of the to_attr list),
    # "deferred" (a field left out by only()/defer()), "iterator" (iterator() drops the prefetch).
    kind: str
    model: str             # the model whose relation is read
    relation: Any
    path: str              # from the iterated queryset: what prefetch/select_related needs
    through_many: bool     # the path crosses a to-many relation: only prefetch_related covers it
    loop: Any              # the loop node
    root: Any              # the iterated QuerySet value (its .node is where it was built)
    method: str | None = None   # the related manager's method called ("count", "filter", ...)
    # Through calls (perrow.py): ((call text, callee, path, line), ...) from the loop to the read.
    via: tuple = ()


@dataclass(frozen=True)
class LoopQuery:
    """A query run on every iteration of a loop over rows (a queryset, a list of rows)."""
    node: Any
    model: str
    method: str            # "get", "count", "save", ...
    on: str                # "queryset", "instance" or "related" (a related manager of an object outside the rows)
    loop: Any
    via: tuple = ()        # through calls (perrow.py): ((call text, callee, path, line), ...)
    overrides: tuple | None = None   # save()/delete() on a model that overrides it: (path, line) of the override
    used: bool = False     # a write whose result the loop uses (create()'s object, update()'s count)


@dataclass(frozen=True)
class BlockedQuery:
    """A query Django refuses to run where it is: the sync ORM inside `async def` ("async": raises
    SynchronousOnlyOperation), or a lazy read on a row fetched with fetch_mode(FETCH_RAISE)
    ("fetch_raise": raises FieldFetchBlocked, Django 6.1)."""
    node: Any
    cause: str             # "async" | "fetch_raise"
    kind: str              # "relation", "field", "query", "evaluation", "instance", "related"
    model: str | None
    what: str              # "Pet.owner", "get", "iteration", "list", "save", ...
    path: str | None = None     # for a relation or field: what select_related/only() needs
    function: str | None = None  # the async function it is in
    via: tuple = ()        # through calls (perrow.py)
    many: bool = False     # the path crosses a to-many relation: prefetch_related, not select_related
    nullable: bool = False  # a nullable key: no query (and nothing raised) while it is NULL


EVENTS = (AliasSite, RelationAssign, RelatedWrite, RowWrite, QuerysetArgument, InstanceLookup,
          SetOperation, Write, Read, TransactionCall, LockedRead, RowQuery, LoopQuery, BlockedQuery)
__all__ = [e.__name__ for e in EVENTS] + ["EVENTS", "Value"]
