"""Queries Django refuses to run where the code runs them (MDB307, MDB308):

- inside `async def`, the sync ORM: a query method (`get()`, `count()`, `save()`, a related
  manager's `add()`), a queryset evaluated by a plain `for`, `list()`, `len()`, `bool()`/`if`,
  indexing, and a lazy read on an instance (a forward key or reverse one-to-one not loaded with
  it, a deferred field). Django's `async_unsafe` guard raises SynchronousOnlyOperation before the
  query (`cause="async"`). Their async twins (`aget()`, `acount()`, `async for`, `asave()`),
  `sync_to_async(...)` (a separate function or a lambda: not run here) and reads of what the
  queryset loaded (`select_related`) are not reported.
- with Django 6.1's `fetch_mode(FETCH_RAISE)`: a forward key, reverse one-to-one or deferred field
  not loaded with the row raises FieldFetchBlocked (`cause="fetch_raise"`), sync or async; related
  managers are not blocked (their querysets run as usual).

Where the per-row analysis (flow.py, perrow.py) would report an N+1 at such a read or query
(RowQuery, LoopQuery), `route` turns it into a BlockedQuery: it raises, it does not repeat.
Unknown stays silent: an instance of unknown provenance (a parameter, `self`, the result of a
join) may come with anything, a prefetched related manager reads its cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis.perrow import CALLEE
from mdblint.analysis.values import QuerySet, Value
from mdblint.analysis.vocab import ASYNC_NAMES, CHAIN

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter

READS = ("forward", "deferred")
MANAGER_KINDS = ("manager", "requery", "to_attr")


def _short(label: str | None) -> str:
    return (label or "?").rpartition(".")[2]


def _function(interp: "Interpreter") -> str | None:
    fn = interp._function
    return fn.name.value if fn is not None else None


def _emit(interp: "Interpreter", event: ev.BlockedQuery) -> None:
    """One finding per node (a read met again when a function is re-run with a caller's values)."""
    if id(event.node) in interp.blocked_nodes:
        return
    interp.blocked_nodes.add(id(event.node))
    interp.sink(event)


def _direct(interp: "Interpreter") -> bool:
    """Report here, not through the per-row machinery: not inside a summary or a per-row callee's
    run (whose events are re-emitted at the caller's call, and routed there)."""
    return interp._summary is None and CALLEE not in interp.loops


def route(interp: "Interpreter", event: Any) -> bool:
    """Turn a per-row event that Django would refuse into a BlockedQuery; True when it did."""
    if isinstance(event, ev.RowQuery):
        loaded = getattr(event.root, "loaded", None)
        if event.kind in READS and loaded is not None and loaded.blocked:
            cause = "fetch_raise"
        elif interp._async and (event.kind in READS or (
                event.kind in MANAGER_KINDS and event.method not in CHAIN and event.method not in ASYNC_NAMES)):
            cause = "async"
        else:
            return False
        name = event.relation if isinstance(event.relation, str) else getattr(event.relation, "name", event.path)
        kind = "field" if event.kind == "deferred" else "relation" if event.kind == "forward" else "related"
        what = f"{_short(event.model)}.{name}" + (f".{event.method}" if kind == "related" else "")
        nullable = kind == "relation" and getattr(event.relation, "kind", None) in ("fk", "o2o") \
            and getattr(event.relation, "null", None) is True
        _emit(interp, ev.BlockedQuery(event.node, cause, kind, event.model, what, event.path, _function(interp),
                                      event.via, event.through_many, nullable))
        return True
    if isinstance(event, ev.LoopQuery) and interp._async and event.method not in ASYNC_NAMES \
            and id(event.node) not in interp.async_iterated:
        kind = "evaluation" if event.on == "evaluated" else "instance" if event.on == "instance" else "query"
        _emit(interp, ev.BlockedQuery(event.node, "async", kind, event.model, event.method, None, _function(interp),
                                      event.via))
        return True
    return False


def lazy_relation(interp: "Interpreter", owner: Any, relation: Any, name: str, node: cst.CSTNode | None) -> bool:
    """A forward key or reverse one-to-one read on an instance whose loaded relations are known and
    do not include it: reported when Django refuses the query. True: reported (the caller returns
    what the read gives without following it: the first read of a chain raised)."""
    if node is None or not _direct(interp):
        return False
    loaded = owner.row.loaded if owner.row is not None else owner.loaded
    if loaded is None or loaded.covers(name, True, relation.null is True):
        return False
    cause = "fetch_raise" if loaded.blocked else "async" if interp._async else None
    if cause is None:
        return False
    path = owner.row.child(name, False).path if owner.row is not None else name
    many = owner.row.through_many if owner.row is not None else False
    _emit(interp, ev.BlockedQuery(node, cause, "relation", owner.model, f"{_short(owner.model)}.{name}", path,
                                  _function(interp), (), many, relation.kind != "reverse_o2o" and relation.null is True))
    return True


def lazy_field(interp: "Interpreter", owner: Any, name: str, field: str, loaded: Any, node: cst.CSTNode) -> bool:
    """A field that only()/defer() left out, read on an instance: as lazy_relation."""
    if not _direct(interp) or loaded is None or not loaded.defers(field):
        return False
    cause = "fetch_raise" if loaded.blocked else "async" if interp._async else None
    if cause is None:
        return False
    path = owner.row.child(field, False).path if owner.row is not None else field
    _emit(interp, ev.BlockedQuery(node, cause, "field", owner.model, f"{_short(owner.model)}.{name}", path,
                                  _function(interp)))
    return True


def query(interp: "Interpreter", node: cst.CSTNode, model: str, method: str, kind: str, what: str | None = None) -> None:
    """A sync query method called inside `async def` (on a queryset or manager, an instance, a
    related manager): `kind` is "query", "instance" or "related"."""
    if interp._async and _direct(interp) and method not in ASYNC_NAMES:
        _emit(interp, ev.BlockedQuery(node, "async", kind, model, what or method, None, _function(interp)))


def evaluation(interp: "Interpreter", node: cst.CSTNode, value: Value, how: str) -> None:
    """A queryset evaluated by sync code inside `async def`: `for`, a comprehension, `list()`,
    `len()`, `bool()`/`if`, indexing. Rows already fetched (a prefetched manager's `all()`) are not
    a query."""
    if not (interp._async and _direct(interp)) or not isinstance(value, QuerySet):
        return
    if value.cache is not None or value.evaluated is not None:
        return
    _emit(interp, ev.BlockedQuery(node, "async", "evaluation", value.model, how, None, _function(interp)))


def truth(interp: "Interpreter", test: cst.BaseExpression, value: Value, env: dict) -> None:
    """`if qs:` / `if not qs:` inside `async def`."""
    if not interp._async:
        return
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and isinstance(test.expression, cst.Name):
        value = env.get(test.expression.value)
    if isinstance(test, (cst.Name, cst.UnaryOperation)):
        evaluation(interp, test, value, "bool")


def async_loop(interp: "Interpreter", iter_expr: cst.CSTNode) -> None:
    """`async for` / an async comprehension: its iterable is fetched through the async API."""
    interp.async_iterated.add(id(iter_expr))


def fetched(interp: "Interpreter", loop: Any, iter_expr: cst.BaseExpression, env: dict | None) -> None:
    """After `async for x in qs` (or `[... async for x in qs]`), `qs` holds its rows: Django's
    `__aiter__` fills the result cache, so a later sync loop, `len()` or `if qs:` reads it."""
    if env is None or getattr(loop, "asynchronous", None) is None or not isinstance(iter_expr, cst.Name):
        return
    value = env.get(iter_expr.value)
    if isinstance(value, QuerySet) and value.evaluated is None and value.row is None:
        from dataclasses import replace
        from mdblint.analysis.values import NOTHING_LOADED
        env[iter_expr.value] = replace(value, evaluated=value.loaded or NOTHING_LOADED)
