"""Abstract values of the alias analysis: what an expression is (a manager, a queryset, an
instance, a related manager, a string) and which database aliases it may be bound to.

An alias set lists the possible aliases with where each came from; it may also hold symbolic
parameters (inside a function summary, `Param("using")` stands for whatever the caller passes)
and an `unknown` mark (some path gives an alias mdblint cannot see). Rules act only on sets
whose every possibility is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Source:
    """Where an alias was bound: a node of this file, or a line of another file."""
    how: str                    # "literal", "settings.REPLICA_DB", "router db_for_read", ...
    node: Any = None            # a libcst node of the linted file
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Aliases:
    known: tuple[tuple[str, Source], ...] = ()   # (alias, where it came from), sorted, unique aliases
    params: frozenset[str] = frozenset()         # symbolic: the caller's argument for these parameters
    unknown: bool = False                        # some possibility is not statically known

    @staticmethod
    def of(alias: str, source: Source) -> "Aliases":
        return Aliases(((alias, source),))

    @property
    def names(self) -> frozenset[str]:
        return frozenset(a for a, _ in self.known)

    @property
    def exact(self) -> bool:
        """Every possibility is a known alias."""
        return bool(self.known) and not self.unknown and not self.params

    def source(self, alias: str) -> Source | None:
        return next((s for a, s in self.known if a == alias), None)

    def join(self, other: "Aliases") -> "Aliases":
        merged = dict(other.known)
        merged.update(self.known)
        return Aliases(tuple(sorted(merged.items(), key=lambda kv: kv[0])), self.params | other.params,
                       self.unknown or other.unknown)

    def substitute(self, args: dict[str, "Aliases"]) -> "Aliases":
        """Replace symbolic parameters by the caller's alias sets."""
        result = Aliases(self.known, frozenset(), self.unknown)
        for p in self.params:
            result = result.join(args.get(p, UNKNOWN_ALIASES))
        return result


UNKNOWN_ALIASES = Aliases(unknown=True)


class Value:
    """Base of abstract values; `Unknown` is the top."""


@dataclass(frozen=True)
class Unknown(Value):
    why: str = "dynamic"


UNKNOWN = Unknown()


@dataclass(frozen=True)
class Str(Value):
    """A string: the possible values (a string is an alias only where used as one)."""
    values: Aliases


@dataclass(frozen=True)
class Connection(Value):
    """A database connection looked up by alias (`connections[alias]`); its `.alias` is that alias."""
    alias: Value


@dataclass(frozen=True)
class ModelClass(Value):
    label: str


@dataclass(frozen=True)
class Bound:
    """How a manager or queryset picks its database: `aliases` once `.using()`/`.db_manager()`
    bound it, else the routers decide at evaluation (`instance`: the related-manager hint)."""
    aliases: Aliases | None = None
    instance: Aliases | None = None


@dataclass(frozen=True)
class Manager(Value):
    model: str
    bound: Bound = Bound()
    manager: str | None = None         # the model attribute it came from ("objects"), for custom methods


@dataclass(frozen=True)
class QuerySet(Value):
    model: str
    bound: Bound = Bound()
    rows: str = "instances"            # "instances" | "values"
    node: Any = field(default=None, compare=False)   # where it was built (for provenance)
    manager: str | None = None
    # What each row comes with: select_related / prefetch_related paths ("publisher__country").
    loaded: "Loaded" = field(default=None, compare=False)
    # A related manager's queryset inside a loop: the owner's row and the relation (for N+1 paths).
    row: "Row | None" = field(default=None, compare=False)
    bounded: bool = field(default=False, compare=False)   # sliced to a constant number of rows ([:10])
    of_loop: Any = field(default=None, compare=False)     # built from a related manager of this loop's rows
    cache: Any = field(default=None, compare=False)       # `rel.all()` of a prefetched related manager: its rows
    locked: Any = field(default=None, compare=False)      # the select_for_update() call that locks its rows
    # Evaluated by a loop that read relations on every row: what its cached rows now come with
    # (a new queryset made from it, `.all()`, `.filter()`, fetches new rows: it does not inherit this).
    evaluated: "Loaded | None" = field(default=None, compare=False)
    # `row.rel.all()` built per row: the query it issues when evaluated (flow.Pending), reported at
    # the end of the function unless it was only combined with `|`/`&` (a queryset built, not read).
    pending: tuple = field(default=(), compare=False)


@dataclass(frozen=True)
class Loaded:
    select: frozenset = frozenset()
    prefetch: frozenset = frozenset()
    select_all: bool = False           # select_related() without arguments: every non-null forward key
    prefetch_all: bool = False         # a prefetch mdblint could not read: assume it covers everything
    to_attr: frozenset = frozenset()   # paths prefetched into an attribute (Prefetch(..., to_attr=...))
    # Django's `query.deferred_loading`: (names, True) defers the names (defer()), (names, False)
    # loads only them (only()); paths may be nested ("publisher__name"). None: not known.
    deferred: tuple | None = (frozenset(), True)
    peers: bool = False                # fetch_mode(FETCH_PEERS) (Django 6.1): forward keys and fields come in batches
    blocked: bool = False              # fetch_mode(FETCH_RAISE) (Django 6.1): a lazy read raises FieldFetchBlocked
    lookups: bool = False              # this queryset's own prefetch_related() names lookups
    custom: frozenset = frozenset()    # paths prefetched with Prefetch(..., queryset=...): ordering unknown
    opaque: frozenset = frozenset()    # ... whose queryset mdblint could not read: what it loads is unknown
    deferred_at: tuple = ()            # (path, deferred) of Prefetch(path, queryset=...only()/defer())

    def covers(self, name: str, forward: bool, nullable: bool = False) -> bool:
        """Is the relation `name` loaded? select_related() without arguments follows non-null keys only."""
        paths = self.prefetch | (self.select if forward else frozenset())
        return (forward and ((self.select_all and not nullable) or self.peers)) or self.prefetch_all \
            or any(p == name or p.startswith(name + "__") for p in paths)

    def defers(self, name: str) -> bool:
        """Is the field `name` of the rows' own model deferred (read later with one query per row)?"""
        if self.deferred is None or self.peers:
            return False
        names, defer = self.deferred
        given = (name, name + "_id")   # only("event_id") loads the key's column like only("event")
        if defer:
            return any(n in names for n in given)
        return bool(names) and not any(n in given or n.startswith(name + "__") for n in names)

    def below(self, name: str) -> "Loaded":
        """What is loaded on the objects reached through `name`."""
        if name in self.opaque:
            return EVERYTHING_LOADED
        rest = lambda paths: frozenset(p[len(name) + 2:] for p in paths if p.startswith(name + "__"))
        deferred = self.deferred
        if deferred is not None:
            names, defer = deferred
            deferred = (rest(names), defer) if defer or rest(names) else (frozenset(), True)
        deferred = next((d for path, d in self.deferred_at if path == name), deferred)
        at = tuple((path[len(name) + 2:], d) for path, d in self.deferred_at if path.startswith(name + "__"))
        return Loaded(rest(self.select), rest(self.prefetch), self.select_all and self.prefetch_all, self.prefetch_all,
                      deferred=deferred, peers=self.peers, custom=rest(self.custom), deferred_at=at,
                      blocked=self.blocked)


NOTHING_LOADED = Loaded()
EVERYTHING_LOADED = Loaded(select_all=True, prefetch_all=True)   # unknown: assume loaded (never report)


@dataclass(frozen=True)
class Row:
    """An instance that is one row of a loop over a queryset: which loop, its path from the
    iterated (root) queryset, what came with it, and where the root queryset was built."""
    loop: Any
    path: str
    loaded: Loaded
    root: Any                          # the root QuerySet value
    through_many: bool = False         # the path crosses a to-many relation (prefetch, not select)

    def child(self, name: str, many: bool) -> "Row":
        return Row(self.loop, f"{self.path}__{name}" if self.path else name, self.loaded.below(name), self.root,
                   self.through_many or many)


@dataclass(frozen=True)
class Instance(Value):
    model: str
    aliases: Aliases | None = None     # None: not saved, not bound (Django: _state.db is None)
    # Relation values given to the constructor of a not-yet-saved instance: (relation, value, node);
    # a later save(using=X) or bulk_create writes them on X.
    pending: tuple = field(default=(), compare=False)
    row: Row | None = field(default=None, compare=False)   # one row of a loop over a queryset
    loaded: "Loaded | None" = field(default=None, compare=False)  # outside loops: what came with it (get())


@dataclass(frozen=True)
class RelatedManager(Value):
    owner: Instance
    relation: Any                      # project.graph.Relation
    model: str                         # the related model's label
    reads: Aliases | None = None       # `.db_manager(x)`: reads go to x (Django's writes still route)
    row: Row | None = field(default=None, compare=False)   # the owner's row, extended by this relation
    prefetched: bool = False                                # the owner's row came with this relation
    custom: bool = False                                    # ... through Prefetch(queryset=...) or unknown
    loaded: "Loaded | None" = field(default=None, compare=False)  # what its rows come with (nested prefetches)


@dataclass(frozen=True)
class Sequence(Value):
    """A tuple or list whose items are known (tuple unpacking, `.set([a, b])`)."""
    items: tuple[Value, ...]


@dataclass(frozen=True)
class Collection(Value):
    """A list/iterator of like items (`list(qs)`), for iteration."""
    item: Value
    source: Any = field(default=None, compare=False)   # the QuerySet it was evaluated from, if any
    wrap: str | None = None                            # "enumerate": items are (index, row)
    # Made by a loop of a constant number of steps (range(1, 9), qs[:3], a literal tuple): not rows to N+1 over.
    bounded: bool = field(default=False, compare=False)
    # A dict whose keys are `item` (what iterating it yields): what its values are (`{a: qs for a in ...}`).
    values: Value | None = None


@dataclass(frozen=True)
class Param(Value):
    """A function parameter inside a summary: the caller's argument."""
    name: str
    default: Value = field(default=UNKNOWN)
    item: str | None = field(default=None, compare=False)   # annotated `QuerySet[M]`, `Iterable[M]`: M's label


@dataclass(frozen=True)
class Atomic(Value):
    """`transaction.atomic(...)`, or a project wrapper of it (a function returning one, a
    `@contextmanager` yielding inside one): a context manager / decorator on `aliases`, inside
    the `outer` blocks the wrapper opened first."""
    aliases: Aliases
    outer: tuple[Aliases, ...] = ()

    @property
    def blocks(self) -> tuple[Aliases, ...]:
        return (*self.outer, self.aliases)


def join(a: Value, b: Value) -> Value:
    """The value on either branch."""
    if a == b:
        return a
    if isinstance(a, Str) and isinstance(b, Str):
        return Str(a.values.join(b.values))
    if isinstance(a, Instance) and isinstance(b, Instance) and a.model == b.model:
        if a.aliases is None or b.aliases is None:
            return Instance(a.model, None) if a.aliases is b.aliases else replace(a, aliases=UNKNOWN_ALIASES)
        return Instance(a.model, a.aliases.join(b.aliases))
    if isinstance(a, (QuerySet, Manager)) and type(a) is type(b) and a.model == b.model:
        return replace(a, bound=_join_bound(a.bound, b.bound))
    if isinstance(a, Sequence) and isinstance(b, Sequence) and len(a.items) == len(b.items):
        return Sequence(tuple(join(x, y) for x, y in zip(a.items, b.items)))   # item by item
    return UNKNOWN


def _join_bound(a: Bound, b: Bound) -> Bound:
    if a == b:
        return a
    if a.aliases is not None and b.aliases is not None:
        return Bound(a.aliases.join(b.aliases))
    return Bound(UNKNOWN_ALIASES)  # one bound, one routed: give up rather than guess


def relocate(value: Value, locate: Any) -> Value:
    """`value` with every source node turned into (path, line) by `locate(node)`: for values that
    leave the module they were computed in."""
    def aliases(a: Aliases | None) -> Aliases | None:
        if a is None:
            return None
        moved = []
        for alias, source in a.known:
            if source.node is not None:
                path, line = locate(source.node)
                source = Source(source.how, None, path, line)
            moved.append((alias, source))
        return replace(a, known=tuple(moved))

    if isinstance(value, Str):
        return Str(aliases(value.values))
    if isinstance(value, (Manager, QuerySet)):
        return replace(value, bound=Bound(aliases(value.bound.aliases), aliases(value.bound.instance)))
    if isinstance(value, Instance):
        return replace(value, aliases=aliases(value.aliases))
    if isinstance(value, Sequence):
        return Sequence(tuple(relocate(v, locate) for v in value.items))
    if isinstance(value, Collection):
        return Collection(relocate(value.item, locate), values=relocate(value.values, locate) if value.values is not None else None)
    if isinstance(value, Atomic):
        return Atomic(aliases(value.aliases), tuple(aliases(a) for a in value.outer))
    if isinstance(value, Connection):
        return Connection(relocate(value.alias, locate))
    return value
