"""The alias analysis: an abstract interpreter over each function body, flow-sensitive, that
knows what every expression is (manager, queryset, instance, related manager, string) and which
aliases it may be bound to, and emits events (see events.py) for the rules.

Branches join their values (an alias set holds every possibility); a branch that returns or
raises does not flow on; loops run their body once and join with the state before the loop.
Unknown stays unknown: nothing here guesses.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, Iterable

import libcst as cst
from mdblint.analysis.walk import Positions, children, visit

from mdblint.analysis import asyncorm, drf, perrow, templates
from mdblint.analysis import events as ev
from mdblint.analysis.names import dotted, string_literal
from mdblint.analysis.provenance import (
    DJANGO_ALIASES, ROUTER_CALLS, alias_form, carried, command_option, constructor_parameter_aliases, django_constant,
    instance_state_db, is_context_manager, mentions_atomic, method_parameter_aliases, parameter_aliases, trace_attribute,
    via_wrapper, yielded_atomic,
)
from mdblint.analysis.requests import (
    called_names, entry_point, is_request_user, opaque_decorator, request_atomics, routed_names,
)
from mdblint.analysis.summaries import (
    SELF_ALIAS, Summaries, Summary, bind_arguments, depends_on_params, relocate_event, substitute, substitute_event,
)
from mdblint.analysis.values import (
    EVERYTHING_LOADED, NOTHING_LOADED, UNKNOWN, UNKNOWN_ALIASES, Aliases, Atomic, Bound, Collection, Connection, Instance, Loaded, Manager, ModelClass,
    Param, QuerySet, RelatedManager, Row, Sequence, Source, Str, Unknown, Value, join, relocate,
)
# The ORM method names: generated from django-stubs (orm_api.py), with the analysis' policy (vocab.py).
from mdblint.analysis.vocab import (
    CHAIN, FILTERS, INSTANCE_QUERIES, MANAGER_READS, QUERIES, READ_ONE, RELATED_QUERIES, RELATED_WRITES, REQUERIES,
    ROWS, SET_OPS, USING_POSITION, WRITE_ONE, WRITE_PAIR, WRITES,
)
# dict methods that change it in place (a `**d` of it is then known only after a readable update()).
DICT_MUTATIONS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})
# Calls that fetch the rows of a select_for_update() queryset (get_or_create() starts with a get()).
LOCKED_EVALUATIONS = READ_ONE | frozenset({"get_or_create", "aget_or_create", "in_bulk", "ain_bulk"})
# Writes whose bulk form (bulk_create(), one update()/delete()) gives no per-row result: when the
# loop uses the result, MDB305 does not suggest it.
RESULT_ADVICE = frozenset({"create", "get_or_create", "update_or_create", "update", "delete"})
# Other calls that run the queryset's query (reads; not locking ones).
EVALUATIONS = frozenset({"count", "acount", "exists", "aexists", "aggregate", "aaggregate", "contains", "acontains"})

if TYPE_CHECKING:
    from mdblint.analysis.walk import FileContext

Env = dict[str, Value]

FORWARD = frozenset({"fk", "o2o"})
TO_MANY = frozenset({"reverse_fk", "m2m", "reverse_m2m", "generic_relation"})
TRANSACTION = "django.db.transaction."
DEFAULT = "default"
OVERRIDE = frozenset({"django.test.override_settings", "django.test.utils.override_settings"})
# Annotations of a parameter whose items are rows: `QuerySet[M]`, `Iterable[M]`, `list[M]`, ...
ROW_CONTAINERS = frozenset({"QuerySet", "Iterable", "Iterator", "Sequence", "Collection", "list", "List", "set",
                            "Set", "AbstractSet", "MutableSequence", "frozenset", "FrozenSet"})


_CONSTANT_NAMES = frozenset(q.rpartition(".")[2] for q in DJANGO_ALIASES)


_Atomic = Atomic   # the value of `transaction.atomic(...)` or of a project wrapper of it


class _Subquery(Value):
    def __init__(self, inner: Value, kind: str, node: cst.CSTNode) -> None:
        self.inner, self.kind, self.node = inner, kind, node


class _Prefetch(Value):
    """`Prefetch("path", queryset=..., to_attr=...)`: with to_attr, the default manager stays unloaded."""

    def __init__(self, path: str | None, to_attr: bool, inner: Loaded | None = None, custom: bool = False) -> None:
        """`inner`: what the given queryset loads, None if none was given or it is unknown."""
        self.path, self.to_attr, self.inner, self.custom = path, to_attr, inner, custom


class _Q(Value):
    """`Q(...)`, and combinations `Q() | Q()`, `~Q()`: the calls whose lookups apply."""

    def __init__(self, calls: tuple[cst.Call, ...]) -> None:
        self.calls = calls


class _Settings(Value):
    pass


PER_ROW_WRITES = frozenset({"delete", "update", "adelete", "aupdate"})


class Pending:
    """A per-row `rel.all()` query (an event) kept until it is known to be evaluated: `.all()` builds
    a lazy queryset, and one that is only combined (`qs | row.rel.all()`) queries nothing per row;
    the union runs once, where it is evaluated. Delivered to the sink active where it was built."""
    __slots__ = ("emit", "event", "combined", "done")   # combined: "|" or "&" once it was an operand

    def __init__(self, emit: Callable[[Any], None], event: Any) -> None:
        self.emit, self.event, self.combined, self.done = emit, event, "", False

    def deliver(self) -> None:
        if not self.done:
            self.done = True
            self.emit(self.event)


class Interpreter:
    """Runs over one file and reports events through `emit`."""

    def __init__(self, ctx: "FileContext", routers: Any, emit: Callable[[Any], None], services: Any = None) -> None:
        """`services` (the engine's Linter) loads other modules, router sets and summaries' inputs;
        without it the analysis stays within this file."""
        self.ctx = ctx
        self.graph = ctx.project.graph
        self.routers = routers
        self.sink = emit
        self.emit = self._deliver                         # asyncorm.route: what Django refuses is reported as such
        self._async = False                               # running an `async def` (asyncorm.py)
        self.blocked_nodes: set[int] = set()              # nodes reported by asyncorm
        self.async_iterated: set[int] = set()             # iterables of `async for`
        self.discarded: set[int] = set()                  # calls that are statements: their result is not used
        self.atomic: list[Aliases] = []
        self.loops: list[Any] = []                        # loop nodes whose body is being run
        self.row_loops: set[Any] = set()                  # loops over rows: a queryset, a list of rows
        self._in_chain = False                             # inside an attribute chain (a.b.c)
        self._once = False                                 # in a block that leaves the loop: runs once
        self._identity_once: frozenset[int] = frozenset()  # statements of the running loop body that run twice at most
        self.assigned_relations: set[tuple[str, str]] = set()   # (model, relation) assigned on instances
        self._chain_missing: tuple | None = None           # its deepest per-row relation read not loaded
        self.loop_reads: dict[Any, set[str]] = {}          # loop -> forward paths/fields read on its rows (perrow.py)
        # loop -> (root queryset, path) of the forward relations read so far in its body, directly
        # or by a project function given the row: cached on the row for the rest of the iteration.
        self.iteration_loaded: dict[int, set[tuple[int, str]]] = {}
        # How many branches, loop bodies or statements after a possible early exit deep the running
        # code is (a per-row callee's read there may not run on a call: perrow.py).
        self._conditional = 0
        self.loop_regions: dict[Any, Any] = {}             # comprehension clause -> the comprehension
        self.callee_constants: dict[str, bool] = {}         # a per-row callee's parameters fixed by the call
        self.module_env: Env = {}
        self.functions: dict[str, cst.FunctionDef] = {}   # module-level functions
        self.classes: dict[str, cst.ClassDef] = {}        # module-level classes
        self.services = services
        self.summaries = services.summaries if services is not None else Summaries()
        self._summary: Summary | None = None
        self._self: tuple[cst.ClassDef, str] | None = None  # the method's class and its `self` parameter
        self._probe: tuple[tuple[cst.Attribute, ...], list[Value]] | None = None  # provenance.trace_attribute
        self._call_probe: tuple[cst.Call, cst.BaseExpression, list[Value]] | None = None  # provenance.parameter_aliases
        self._function: cst.FunctionDef | None = None      # the function being run
        self._class: cst.ClassDef | None = None            # the class it is a method of
        self._specializing = False                         # running a function with a caller's querysets
        self.module: cst.Module | None = None
        self._positions: Any = None
        self._routed: frozenset[str] | None = None          # names this module's urlpatterns route to
        self.current: cst.FunctionDef | None = None         # the function `run` is analysing
        self.entry = ""                                     # running a view, command or task (requests.entry_point)
        self._called: frozenset[str] | None = None
        self._pending: list[Pending] = []                    # per-row `.all()` queries not yet reported

    def _deliver(self, event: Any) -> None:
        if not asyncorm.route(self, event):
            self.sink(event)

    def flush_pending(self, start: int = 0) -> None:
        """Report the per-row `.all()` queries built since `start` that were not only combined."""
        for pending in self._pending[start:]:
            if not pending.combined:
                pending.deliver()
        del self._pending[start:]

    def evaluated_pending(self, value: Value, write: str | None = None) -> None:
        """Per-row `.all()` querysets evaluated (or written through, `write`) while their loop still
        runs: a query per row, reported now."""
        if isinstance(value, QuerySet):
            for pending in value.pending:
                if pending.event.loop in self.loops and not pending.done:
                    if write is not None:   # a DELETE/UPDATE per row: prefetch_related() would not spare it
                        pending.event = replace(pending.event, method=write)
                    elif pending.combined and value.node is not pending.event.node:
                        # the combination is a new query: prefetch_related() would not spare it (MDB302 says so)
                        pending.event = replace(pending.event, method=pending.combined)
                    pending.deliver()

    def locate(self, node: cst.CSTNode) -> tuple[str, int | None]:
        """(path, line) of a node of this module (positions computed once, on first use)."""
        if self._positions is None:
            self._positions = Positions(self.module)
        where = self._positions.get(node)
        return self.ctx.relpath(self.ctx.path), where.start.line if where else None

    # -- entry points --
    def prepare(self, module: cst.Module) -> None:
        """Module-level names: functions, classes, and the values module code binds."""
        self.module = module
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef):
                self.functions[stmt.name.value] = stmt
            elif isinstance(stmt, cst.ClassDef):
                self.classes[stmt.name.value] = stmt
        start = len(self._pending)
        try:
            self.module_env = self.block(module.body, {}) or {}
        finally:
            self.flush_pending(start)

    def run(self, module: cst.Module) -> list[str]:
        """Analyse every function; returns the internal errors met (each costs one function only)."""
        errors: list[str] = []
        self._guarded(errors, "<module>", self.prepare, module)
        for fn, cls in _functions(module.body, None):
            self.current = fn
            self._guarded(errors, fn.name.value, self.function, fn, cls)
        self.current = None
        self._guarded(errors, "<serializers>", drf.serializer_module, self, module)   # DRF serializers of list views
        self._guarded(errors, "<class-based views>", templates.class_views, self, module)   # templates.py
        self.flush_pending()
        return errors

    @staticmethod
    def _guarded(errors: list[str], where: str, step: Callable, *args: Any) -> None:
        try:
            step(*args)
        except RecursionError:    # deeply nested code: the engine tries the file on a deep stack
            raise
        except Exception as exc:  # an analysis bug must not cost the run
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            errors.append(f"{where}: {type(exc).__name__}: {exc}")

    def summarize(self, fn: cst.FunctionDef, cls: cst.ClassDef | None, self_value: Value | None,
                  given: Env | None = None) -> Summary:
        """Run `fn` with symbolic parameters (but those `given`), emitting nothing; collect returns
        and assignments."""
        params = []
        for p in (*fn.params.posonly_params, *fn.params.params, *fn.params.kwonly_params):
            default = self.eval(p.default, self.module_env) if p.default is not None else UNKNOWN
            params.append((p.name.value, default))
        saved = self.emit, self._summary
        summary = Summary(params)
        def collect(event: Any) -> None:
            # Writes and transaction calls matter to any caller inside an atomic block.
            if depends_on_params(event) or isinstance(event, (ev.Write, ev.TransactionCall, ev.LockedRead)):
                summary.effects.append(event)
        self.emit, self._summary = collect, summary
        try:
            self.function(fn, cls, self_value, given)
            return self._summary
        finally:
            summary = self._summary
            self.emit, self._summary = saved
            del summary

    def function(self, fn: cst.FunctionDef, cls: cst.ClassDef | None, self_value: Value | None = None,
                 given: Env | None = None) -> Env | None:
        """Run `fn`'s body; parameters are symbolic unless `given` (a caller's arguments)."""
        env: Env = {}
        params = fn.params
        for p in (*params.posonly_params, *params.params, *params.kwonly_params):
            env[p.name.value] = (given or {}).get(p.name.value) or Param(p.name.value, item=self._annotated_rows(p.annotation))
        saved_self, self._self = self._self, None
        saved_function, self._function = self._function, fn
        saved_async, self._async = self._async, fn.asynchronous is not None
        saved_class, self._class = self._class, cls
        if cls is not None and params.params and not _is_static(fn):
            env[params.params[0].name.value] = self_value if self_value is not None else self._self_value(cls)
            self._self = (cls, params.params[0].name.value)
        saved, self.atomic = self.atomic, [a for d in fn.decorators for a in self._atomic_of(d.decorator)]
        self.atomic = self.request_atomics(fn, cls) + self.atomic
        saved_entry, self.entry = self.entry, self.is_entry(fn, cls) if self._summary is None and given is None else ""
        saved_routers = self.routers
        for d in (*(cls.decorators if cls is not None else ()), *fn.decorators):
            self.use_routers(self.overridden_routers(d.decorator))
        start = len(self._pending)
        try:
            return self.block(fn.body.body if isinstance(fn.body, cst.IndentedBlock) else fn.body.body, env)
        finally:
            self.flush_pending(start)
            self.atomic = saved
            self._self = saved_self
            self._function = saved_function
            self._async = saved_async
            self._class = saved_class
            self.entry = saved_entry
            self.use_routers(saved_routers)

    def probe_call(self, fn: cst.FunctionDef, call: cst.Call, expr: cst.BaseExpression,
                   cls: cst.ClassDef | None = None) -> Value:
        """The value of argument `expr` of `call` when `fn` (the function around the call, a
        method of `cls` if given) runs with symbolic parameters, emitting nothing; joined over
        every time the call is met."""
        saved, found = self._call_probe, []
        self._call_probe = (call, expr, found)
        try:
            self.summarize(fn, cls, None)
        except Exception:   # an analysis bug costs this parameter only
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            return UNKNOWN
        finally:
            self._call_probe = saved
        if not found:
            return UNKNOWN
        value = found[0]
        for other in found[1:]:
            value = join(value, other)
        return value

    def probe_assignments(self, fn: cst.FunctionDef, cls: cst.ClassDef, targets: tuple[cst.Attribute, ...]) -> list[Value]:
        """The values `fn` (a method of `cls`, run with symbolic parameters, emitting nothing)
        assigns at `targets` (its `self.<attr> = v` statements); [UNKNOWN] if the run fails."""
        saved, found = self._probe, []
        self._probe = (targets, found)
        try:
            self.summarize(fn, cls, None)
        except Exception:   # an analysis bug costs this attribute only
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            found.append(UNKNOWN)
        finally:
            self._probe = saved
        return found


    def request_atomics(self, fn: cst.FunctionDef, cls: cst.ClassDef | None) -> list[Aliases]:
        """The blocks ATOMIC_REQUESTS opens around a view (see requests.py)."""
        if self.module is None:
            return []
        return request_atomics(self.ctx, fn, cls, self._module_names()[0], self._top_level(fn, cls))

    def is_entry(self, fn: cst.FunctionDef, cls: cst.ClassDef | None) -> str:
        if self.module is None:
            return ""
        routed, called = self._module_names()
        kind = entry_point(self.ctx, fn, cls, routed, called, self._top_level(fn, cls))
        return "" if kind in ("task", "command") and opaque_decorator(self, fn.decorators) else kind

    def _module_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The names this module's urlpatterns route to, and the names it calls (read once)."""
        if self._routed is None:
            self._routed = routed_names(self.module)
        if self._called is None:
            self._called = self.ctx.called if self.ctx.called is not None else called_names(self.module)
        return self._routed, self._called

    def _top_level(self, fn: cst.FunctionDef, cls: cst.ClassDef | None) -> bool:
        """A module-level function, or a method of a module-level class."""
        return self.functions.get(fn.name.value) is fn if cls is None else self.classes.get(cls.name.value) is cls

    def _annotated_rows(self, annotation: cst.Annotation | None) -> str | None:
        """The model of `QuerySet[M]`, `Iterable["M"]`, `list[M]`, ... annotating a parameter."""
        expr = annotation.annotation if annotation is not None else None
        if not isinstance(expr, cst.Subscript) or len(expr.slice) != 1 or not isinstance(expr.slice[0].slice, cst.Index):
            return None
        container = dotted(expr.value)
        if container is None or container.rpartition(".")[2] not in ROW_CONTAINERS:
            return None
        item = expr.slice[0].slice.value
        if isinstance(item, cst.SimpleString):   # a forward reference: "Book"
            try:
                item = cst.parse_expression(string_literal(item) or "")
            except cst.ParserSyntaxError:
                return None
        if not isinstance(item, (cst.Name, cst.Attribute)):
            return None
        value = self.eval(item, self.module_env)
        return value.label if isinstance(value, ModelClass) else None

    def _self_value(self, cls: cst.ClassDef) -> Value:
        label = self._model_of_name(cls.name.value)
        return Instance(label, UNKNOWN_ALIASES) if label else UNKNOWN

    # -- statements --
    def block(self, body: Iterable[cst.CSTNode], env: Env | None) -> Env | None:
        body = list(body)
        # Inside a loop, a block that ends by leaving it (return, break, raise) runs once at most.
        # A callee's own return does not leave its caller's loop (perrow.CALLEE).
        # A raise does leave it (an error path, not run on every row, even where the caller catches it).
        once = bool(self.loops) and bool(body) and (_leaves(body[-1]) if self.loops[-1] is not perrow.CALLEE
                                                    else _raises(body[-1]))
        saved, self._once = self._once, self._once or once
        saved_conditional = self._conditional
        in_callee = perrow.CALLEE in self.loops
        try:
            for stmt in body:
                if env is None:
                    return None
                if id(stmt) in self._identity_once:
                    self._once = True
                    try:
                        env = self.statement(stmt, env)
                    finally:
                        self._once = saved or once
                    continue
                env = self.statement(stmt, env)
                if in_callee and self._conditional == saved_conditional and _may_leave(stmt):
                    self._conditional += 1   # what follows may not run (`if done: return` before it)
            return env
        finally:
            self._once = saved
            self._conditional = saved_conditional

    def statement(self, stmt: cst.CSTNode, env: Env) -> Env | None:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                env = self.small(small, env)
                if env is None:
                    return None
            return env
        if isinstance(stmt, cst.If):
            test = self.eval(stmt.test, env)
            asyncorm.truth(self, stmt.test, test, env)
            if self.loops:   # `if qs:` evaluates the queryset
                perrow.truth_tested(self, stmt.test, test, env)
            # A per-row callee's `if flag:` on a parameter the call fixes runs one branch; on one it
            # does not, neither branch counts as run on every call (perrow.py).
            branch = perrow.decided(self, stmt.test, env, stmt.body.body) if self.loops else None
            # `if key != last: ...; last = key`, `if k not in cache: cache[k] = ...`: once per key, not per row.
            saved_once, self._once = self._once, self._once or (branch is None and bool(self.loops) and _memo_guard(stmt)) \
                or branch == "unknown"
            before = _copy_loaded(self.iteration_loaded)
            self._conditional += branch is None or branch == "unknown"
            try:
                then = self.block(stmt.body.body, dict(env)) if branch is not False else None
            finally:
                self._once = saved_once
            then_loaded, self.iteration_loaded = self.iteration_loaded, before
            saved_once, self._once = self._once, self._once or branch == "unknown"
            try:
                other = None if branch is True else \
                    self.block(stmt.orelse.body.body, dict(env)) if isinstance(stmt.orelse, cst.Else) else \
                    self.statement(stmt.orelse, dict(env)) if stmt.orelse is not None else dict(env)
            finally:
                self._once = saved_once
                self._conditional -= branch is None or branch == "unknown"
            # What one branch read is cached after the `if` only if the other read it too (or left).
            if then is None and branch is not False:
                pass   # the then-branch left: what follows runs after the else-branch only
            elif other is None and branch is not True:
                self.iteration_loaded = then_loaded
            elif branch is True:
                self.iteration_loaded = then_loaded
            elif branch is not False:
                self.iteration_loaded = {k: v & self.iteration_loaded.get(k, set()) for k, v in then_loaded.items()}
            return _join_envs(then, other)
        if isinstance(stmt, (cst.For, cst.While)):
            if isinstance(stmt, cst.For):
                iterable = self.eval(stmt.iter, env)
                if stmt.asynchronous is None:
                    asyncorm.evaluation(self, stmt.iter, iterable, "iteration")
                else:
                    asyncorm.async_loop(self, stmt.iter)
                self.locked_read(stmt.iter, iterable, "iterated")
                if self.loops:
                    perrow.evaluated(self, stmt.iter, iterable, "iteration")
                if _rows(iterable):
                    self.row_loops.add(stmt)
                item = self.element(iterable, stmt)
                body_env = self.bind(stmt.target, item, dict(env), stmt)
            else:
                self.eval(stmt.test, env)
                body_env = dict(env)
            self.loops.append(stmt)
            saved_once, self._once = self._once, False
            saved_identity, self._identity_once = self._identity_once, _identity_bounded(stmt.body.body)
            # An inner loop may run no iteration: what it reads on the outer rows is not cached after it.
            outer_loaded = _copy_loaded(self.iteration_loaded)
            self._conditional += 1
            try:
                after = self.block(stmt.body.body, body_env)
            finally:
                self.loops.pop()
                self._once = saved_once
                self._identity_once = saved_identity
                self._conditional -= 1
                self.iteration_loaded = outer_loaded
            out = _join_envs(env, after if after is not None else env)
            if isinstance(stmt, cst.For) and out is not None:   # a second loop over these rows reads what this one cached
                out = perrow.after_loop(self, stmt, stmt.iter, iterable, out)
                asyncorm.fetched(self, stmt, stmt.iter, out)
            if stmt.orelse is not None:
                out = self.block(stmt.orelse.body.body, out) if out is not None else None
            return out
        if isinstance(stmt, cst.With):
            pushed, saved_routers = 0, self.routers
            for item in stmt.items:
                self.use_routers(self.overridden_routers(item.item))
                value = self.eval(item.item, env)
                if isinstance(value, _Atomic):
                    self.atomic += value.blocks
                    pushed += len(value.blocks)
                elif self.maybe_atomic(item.item, env):
                    self.atomic.append(UNKNOWN_ALIASES)   # some atomic block, on aliases not known
                    pushed += 1
                if item.asname is not None:
                    env = self.bind(item.asname.name, UNKNOWN, env, stmt)
            try:
                return self.block(stmt.body.body, env)
            finally:
                del self.atomic[len(self.atomic) - pushed:]
                self.use_routers(saved_routers)
        if isinstance(stmt, cst.Try):
            body = self.block(stmt.body.body, dict(env))
            out = body if stmt.orelse is None or body is None else self.block(stmt.orelse.body.body, body)
            # A per-row callee's error path does not run on every call (perrow.py).
            saved_once, self._once = self._once, self._once or perrow.CALLEE in self.loops
            self._conditional += 1
            try:
                for handler in stmt.handlers:
                    out = _join_envs(out, self.block(handler.body.body, dict(env)))
            finally:
                self._once = saved_once
                self._conditional -= 1
            if stmt.finalbody is not None:
                self.block(stmt.finalbody.body.body, dict(env))
            return out
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            env = dict(env)
            env.pop(stmt.name.value, None)
            return env
        return env  # match, ... : not interpreted

    def small(self, node: cst.BaseSmallStatement, env: Env) -> Env | None:
        if isinstance(node, cst.Assign):
            value = self.eval(node.value, env)
            for target in node.targets:
                env = self.bind(target.target, value, env, node)
            return env
        if isinstance(node, cst.AnnAssign):
            return self.bind(node.target, self.eval(node.value, env), env, node) if node.value else env
        if isinstance(node, cst.AugAssign):
            result = self.combine(node, self.eval(node.target, env), self.eval(node.value, env), node.operator)
            return self.bind(node.target, result, env, node)
        if isinstance(node, cst.Expr):
            value = node.value.expression if isinstance(node.value, cst.Await) else node.value
            self.discarded.add(id(value))   # a call whose result is not used (MDB305's advice)
            self.eval(node.value, env)
            return env
        if isinstance(node, cst.Return):
            value = self.eval(node.value, env) if node.value is not None else UNKNOWN
            if self._summary is not None:
                first = not self._summary.returned
                self._summary.returns = value if first else join(self._summary.returns, value)
                self._summary.returned = True
            return None
        if isinstance(node, cst.Raise):
            if node.exc is not None:
                self.eval(node.exc, env)
            return None
        if isinstance(node, (cst.Break, cst.Continue)):
            return None
        if isinstance(node, cst.Del):
            return env
        return env

    def bind(self, target: cst.CSTNode, value: Value, env: Env, stmt: cst.CSTNode) -> Env:
        env = dict(env)
        if isinstance(target, cst.Name):
            name = target.value
            for key in [k for k in env if k.startswith(name + ".")]:
                del env[key]   # attribute values of the old binding
            env[name] = value
        elif isinstance(target, (cst.Tuple, cst.List)):
            items = value.items if isinstance(value, Sequence) and len(value.items) == len(target.elements) else None
            for i, element in enumerate(target.elements):
                env = self.bind(element.value, items[i] if items else self.element(value) if isinstance(value, Collection) else UNKNOWN, env, stmt)
        elif isinstance(target, cst.Subscript):   # `ctx["k"] = v` on a dict (templates.py)
            env = templates.bind_key(self, target, value, env)
        elif isinstance(target, cst.Attribute):
            if self._probe is not None and target in self._probe[0]:
                self._probe[1].append(value)
            owner = self.eval(target.value, env)
            self.assign_attribute(owner, target.attr.value, value, stmt, env)
            key = dotted(target)
            if key is not None:
                env[key] = value
            if isinstance(target.value, cst.Name) and isinstance(owner, Instance) and owner.aliases is None \
                    and isinstance(value, Instance) and value.aliases is not None:
                # Django binds an unsaved instance to its new relation's database.
                env[target.value.value] = replace(owner, aliases=self.write_aliases(owner.model, value.aliases))
        return env

    def assign_attribute(self, owner: Value, name: str, value: Value, node: cst.CSTNode, env: Env) -> None:
        if isinstance(owner, Instance):
            self.assigned_relations.add((owner.model, name))
        if self._summary is not None and isinstance(owner, Param) and isinstance(value, (Param, Instance)):
            self._summary.assigns.append((owner.name, name, value, None))
        if not isinstance(owner, Instance) or not isinstance(value, Instance):
            return
        relation = self._relation(owner.model, name)
        if relation is None or relation.kind not in ("fk", "o2o", "reverse_o2o", "gfk"):
            return
        self.assigned_relations.add((owner.model, name))
        if relation.kind != "gfk" and not self.is_a(value.model, relation.target):
            return  # Django raises its own "must be a X instance" error
        self.emit(ev.RelationAssign(node, owner, relation, value, "assignment"))

    # -- expressions --
    def eval(self, e: cst.BaseExpression | None, env: Env) -> Value:
        if e is None:
            return UNKNOWN
        try:
            method = getattr(self, "_e_" + type(e).__name__, None)
            return method(e, env) if method else self._visit_children(e, env)
        except RecursionError:
            return UNKNOWN

    def _visit_children(self, e: cst.CSTNode, env: Env) -> Value:
        """Evaluate the expressions inside `e` (f-string parts, arguments, elements) for their effects."""
        for child in children(e):
            if isinstance(child, cst.BaseExpression):
                self.eval(child, env)
            else:
                self._visit_children(child, env)
        return UNKNOWN

    def _e_SimpleString(self, e: cst.SimpleString, env: Env) -> Value:
        value = string_literal(e)
        return Str(Aliases.of(value, Source("literal", e))) if value is not None else UNKNOWN

    _e_ConcatenatedString = _e_SimpleString

    def _e_Dict(self, e: cst.Dict, env: Env) -> Value:
        return templates.dict_value(self, e, env)

    def _e_FormattedString(self, e: cst.FormattedString, env: Env) -> Value:
        """f"{row}" formats the row: its __format__/__str__ runs (perrow.py)."""
        for part in e.parts:
            if isinstance(part, cst.FormattedStringExpression):
                value = self.eval(part.expression, env)
                if self.loops:
                    perrow.formatted(self, part, value)
                for spec in part.format_spec or ():
                    if isinstance(spec, cst.FormattedStringExpression):
                        self.eval(spec.expression, env)
        return UNKNOWN

    def _e_Name(self, e: cst.Name, env: Env) -> Value:
        name = e.value
        if name in env:
            return env[name]
        if name in self.module_env and not self.ctx._is_local(name):
            return self.module_env[name]
        qualname = self.ctx.names.qualname(e) or (f"{self.ctx.names.module}.{name}" if self.ctx.names.module else None)
        if qualname == "django.conf.settings":
            return _Settings()
        constant = django_constant(qualname, e)
        if constant is not None:
            return constant
        label = self.graph.by_qualname.get(qualname) if qualname else None
        if label:
            return ModelClass(label)
        if qualname and name.isupper() and self.services is not None:   # a constant from another project module
            found = self.services.imported_constant(qualname)
            if found is not None:
                value, path, line = found
                return Str(Aliases.of(value, Source(f"constant {qualname}", None, self.ctx.relpath(path), line)))
        return UNKNOWN

    def _e_Attribute(self, e: cst.Attribute, env: Env) -> Value:
        """An attribute; the outermost one of a chain reports its deepest per-row relation read."""
        outermost = not self._in_chain
        self._in_chain = True
        try:
            return self._attribute(e, env)
        finally:
            if outermost:
                self._in_chain = False
                missing, self._chain_missing = self._chain_missing, None
                if missing is not None:
                    self.emit(perrow.note(self, ev.RowQuery(e, "forward", *missing)))

    def _attribute(self, e: cst.Attribute, env: Env) -> Value:
        key = dotted(e)
        if key is not None and key in env:
            return env[key]
        name = e.attr.value
        if name == "db" and isinstance(e.value, cst.Attribute) and e.value.attr.value == "_state":
            return instance_state_db(self.eval(e.value.value, env), dotted(e.value.value) or "obj")
        base = self.eval(e.value, env)
        if name == "user" and self._request_user(e.value, env):
            return self.request_user()
        if isinstance(base, Connection) and name == "alias":
            return base.alias   # `connections[db].alias` is db
        if isinstance(base, (Manager, QuerySet)) and name in ("db", "_db"):
            # Django's carriers: `manager.db` is the bound alias or what the routers answer for reads;
            # `qs.db` too, but for a queryset a write method or select_for_update() made `_for_write`
            # (the routers' write answer): unbound, it is known only when both answers agree.
            # `self._db` (in a manager or queryset method) is the bound alias, None when routed.
            read = self.bound_aliases(base.bound, base.model) if name == "db" else base.bound.aliases
            text = dotted(e) or _short_code(self.module, e)
            if name == "db" and isinstance(base, QuerySet) and base.bound.aliases is None \
                    and read.names != self.bound_aliases(base.bound, base.model, write=True).names:
                return Unknown(f"carrier {text} (reads and writes of its model route apart)")
            return carried(read, text)
        if base is UNKNOWN and self._self is not None and isinstance(e.value, cst.Name) \
                and e.value.value == self._self[1] and self.services is not None:
            return trace_attribute(self, self._self[0], name)   # `self.db`: what the class hierarchy sets
        if base is UNKNOWN and name in _CONSTANT_NAMES:
            constant = django_constant(self.ctx.names.qualname(e), e)
            if constant is not None:
                return constant
        if base is UNKNOWN and name.isupper() and self.services is not None:   # `helpers.ARCHIVE`
            qualname = self.ctx.names.qualname(e)
            found = self.services.imported_constant(qualname) if qualname else None
            if found is not None:
                value, path, line = found
                return Str(Aliases.of(value, Source(f"constant {qualname}", None, self.ctx.relpath(path), line)))
        if isinstance(base, _Settings):
            value = self.ctx.project.settings.constants.get(name)
            if isinstance(value, (str, frozenset)):   # a string, or OneOf several (conditional settings)
                s = self.ctx.project.settings
                source = Source(f"settings.{name}", None, self.ctx.relpath(s.path_of.get(name, s.path)), s.line_of.get(name))
                aliases = Aliases()
                for v in sorted({value} if isinstance(value, str) else {v for v in value if isinstance(v, str)}):
                    aliases = aliases.join(Aliases.of(v, source))
                if not isinstance(value, str) and any(not isinstance(v, str) for v in value):
                    # an environment variable's default: or whatever the environment holds
                    aliases = aliases.join(Aliases(unknown=True))
                return Str(aliases)
            return UNKNOWN
        if isinstance(base, ModelClass):
            model = self.graph.models.get(base.label)
            if model is not None and name in model.managers:
                return Manager(base.label, manager=name)
            return UNKNOWN
        if isinstance(base, Instance):
            value = self._instance_attribute(base, name, e)
            if key is not None and (isinstance(value, Instance) or value is UNKNOWN) and base.row is not None:
                env[key] = value   # Django caches the related object, and a deferred field once read
            return value
        return UNKNOWN

    def _request_user(self, expr: cst.BaseExpression, env: Env) -> bool:
        """Is `expr.user` a view's `request.user` (requests.is_request_user), `request` not rebound?"""
        if self.module is None or (isinstance(expr, cst.Name) and not (
                isinstance(env.get(expr.value), Param) and env[expr.value].name == expr.value)):
            return False
        routed, called = self._module_names()
        fn, cls = self._function, self._class
        return is_request_user(self.ctx, fn, cls, routed, called, fn is not None and self._top_level(fn, cls), expr,
                               self._self[1] if self._self else None)

    def request_user(self) -> Value:
        """The request's user: an instance of AUTH_USER_MODEL, loaded by Django's ModelBackend through
        its default manager, so on the database the routers answer db_for_read(User) with."""
        wanted = self.ctx.project.settings.auth_user_model.lower()
        label = next((label for label in self.graph.models if label.lower() == wanted), None)
        return Instance(label, self.read_aliases(label, None)) if label is not None else UNKNOWN

    def _instance_attribute(self, owner: Instance, name: str, node: cst.CSTNode | None = None) -> Value:
        relation = self._relation(owner.model, name)
        if relation is not None and relation.kind == "gfk" and owner.row is not None and node is not None:
            row = owner.row
            # Only prefetch_related() loads a generic key, or an earlier complete loop over the same
            # rows (perrow.after_loop puts what it read in `select`).
            if row.loop in self.loops and not self._once and not row.loaded.covers(name, forward=False) \
                    and name not in row.loaded.select and not self.loaded_in_iteration(row, name):
                self._chain_missing = (owner.model, relation, row.child(name, True).path, True, row.loop, row.root)
            self.iteration_read(row, name)
            return UNKNOWN
        if relation is None and owner.row is not None and node is not None:
            if perrow.attribute(self, owner, name, node):   # a property of the model, run on the row
                return UNKNOWN
            self._field_read(owner, name, node)
            return UNKNOWN
        if relation is None and owner.loaded is not None and node is not None:   # one instance: asyncorm.py
            self._field_read(owner, name, node)
            return UNKNOWN
        if relation is None or relation.target is None:
            return UNKNOWN
        row = owner.row
        if relation.kind in FORWARD or relation.kind == "reverse_o2o":
            child_row = None
            # A multi-table parent link is built from the row's own columns; a relation assigned on
            # the rows earlier (in this function) is cached on them.
            free = (relation.parent_link and relation.kind != "reverse_o2o") or (owner.model, name) in self.assigned_relations \
                or (row is not None and self.loaded_in_iteration(row, name))
            if row is not None:
                self.iteration_read(row, name)
            if not free and asyncorm.lazy_relation(self, owner, relation, name, node):
                # Django refuses the read (async, FETCH_RAISE): reported; what it would give is not followed.
                return Instance(relation.target, self.read_aliases(relation.target, owner.aliases), loaded=EVERYTHING_LOADED)
            if row is not None:
                if row.loop in self.loops and not free and not self._once and not row.loaded.covers(name, True, relation.null is True) \
                        and node is not None:
                    # Reported once per attribute chain, with its deepest path (see _e_Attribute).
                    self._chain_missing = (owner.model, relation, row.child(name, False).path, row.through_many,
                                           row.loop, row.root)
                child_row = row.child(name, False)
                if relation.kind in ("o2o", "reverse_o2o") and relation.reverse:
                    # A one-to-one caches both sides: the object reached knows its way back.
                    back = child_row.loaded
                    child_row = replace(child_row, loaded=replace(back, select=back.select | {relation.reverse}))
            loaded = owner.loaded.below(name) if row is None and owner.loaded is not None else None
            return Instance(relation.target, self.read_aliases(relation.target, owner.aliases), row=child_row,
                            loaded=loaded)
        if relation.kind in TO_MANY:
            # An instance of unknown provenance (self, a parameter) may come with any prefetch: assume
            # its relations are loaded rather than report what the code does not prove.
            loaded = row.loaded if row is not None else owner.loaded if owner.loaded is not None else EVERYTHING_LOADED
            prefetched = loaded.covers(name, forward=False)
            return RelatedManager(owner, relation, relation.target, row=row.child(name, True) if row else None,
                                  prefetched=prefetched, loaded=loaded.below(name),
                                  custom=loaded.prefetch_all or name in loaded.custom)
        return UNKNOWN

    def _field_read(self, owner: Instance, name: str, node: cst.CSTNode) -> None:
        """A field read on a row: one query per row if only()/defer() left it out (MDB304)."""
        row, model = owner.row, self.graph.models.get(owner.model)
        if model is None or (owner.model, name) in self.assigned_relations:
            return
        if row is not None and (row.loop not in self.loops or self._once) and not (self._async or row.loaded.blocked):
            return
        field = name
        if name not in model.fields:   # a foreign key's column: `publisher_id`
            relation = model.relations.get(name[:-3]) if name.endswith("_id") else None
            if relation is None or relation.kind not in FORWARD or relation.name not in model.fields:
                return
            field = relation.name
        if field in self._primary_keys(owner.model):
            return
        if asyncorm.lazy_field(self, owner, name, field, row.loaded if row is not None else owner.loaded, node):
            return
        if row is not None and row.loop in self.loops and not self._once and row.loaded.defers(field):
            self.emit(perrow.note(self, ev.RowQuery(node, "deferred", owner.model, name, row.child(field, False).path,
                                                    False, row.loop, row.root)))

    def _primary_keys(self, label: str) -> set[str]:
        """The primary keys of a model and of its multi-table parents (always loaded with a row)."""
        keys, todo = set(), [label]
        while todo:
            model = self.graph.models.get(todo.pop())
            if model is not None and model.pk not in keys:
                keys.add(model.pk)
                todo += model.parents
        return keys

    @staticmethod
    def _deferred_loading(e: cst.Call, name: str, loaded: Loaded) -> Loaded:
        """only()/defer(): Django's `add_immediate_loading` / `add_deferred_loading` on literal names."""
        if name == "defer" and any(isinstance(a.value, cst.Name) and a.value.value == "None" for a in e.args):
            return replace(loaded, deferred=(frozenset(), True))
        names = [string_literal(a.value) for a in e.args]
        if loaded.deferred is None or any(n is None for n in names) or any(a.keyword or a.star for a in e.args):
            return replace(loaded, deferred=None)
        existing, defer = loaded.deferred
        given = frozenset(names)
        if name == "only":
            return replace(loaded, deferred=(given - existing, False) if defer else (given, False))
        if defer:
            return replace(loaded, deferred=(existing | given, True))
        if existing - given:
            return replace(loaded, deferred=(existing - given, False))
        return replace(loaded, deferred=(given - existing, True))

    def loaded_after(self, e: cst.Call, name: str, loaded: Loaded, env: Env) -> Loaded:
        """select_related()/prefetch_related() add the paths they name; prefetch_related(None) clears.
        An argument mdblint cannot read counts as loading everything (never a guess that reports)."""
        if name in ("only", "defer"):
            return self._deferred_loading(e, name, loaded)
        if name == "fetch_mode":   # Django 6.1: FETCH_PEERS loads a field or forward key for all rows at once
            mode = dotted(e.args[0].value) if e.args else None
            if (mode or "").endswith("FETCH_RAISE"):   # a lazy read raises FieldFetchBlocked (asyncorm.py)
                return replace(loaded, peers=False, blocked=True)
            return replace(loaded, peers=not (mode or "").endswith("FETCH_ONE"), blocked=False)
        if name not in ("select_related", "prefetch_related"):
            return loaded
        paths, everything = set(), False
        for a in e.args:
            if a.keyword is not None:
                continue
            if isinstance(a.value, cst.Name) and a.value.value == "None":   # clears what was asked before
                loaded = replace(loaded, prefetch=frozenset(), prefetch_all=False, to_attr=frozenset(), lookups=False) \
                    if name == "prefetch_related" \
                    else replace(loaded, select=frozenset(), select_all=False)
                continue
            value = self.eval(a.value, env)
            if isinstance(value, Str) and value.values.exact and len(value.values.names) == 1:
                paths.add(next(iter(value.values.names)))
            elif isinstance(value, _Prefetch) and value.path is not None:
                if value.to_attr:
                    loaded = replace(loaded, to_attr=loaded.to_attr | {value.path})
                else:
                    paths.add(value.path)
                    if value.custom:
                        loaded = replace(loaded, custom=loaded.custom | {value.path})
                        if value.inner is None:
                            loaded = replace(loaded, opaque=loaded.opaque | {value.path})
                    if value.inner is not None:   # what the Prefetch's own queryset loads, below its path
                        inner, path = value.inner, value.path
                        loaded = replace(loaded, select=loaded.select | {f"{path}__{p}" for p in inner.select},
                                         prefetch=loaded.prefetch | {f"{path}__{p}" for p in inner.prefetch},
                                         deferred_at=(*loaded.deferred_at, (path, inner.deferred),
                                                      *((f"{path}__{p}", d) for p, d in inner.deferred_at)))
            else:
                everything = True
        if name == "select_related":
            everything = everything or not e.args
            return replace(loaded, select=loaded.select | paths, select_all=loaded.select_all or everything)
        return replace(loaded, prefetch=loaded.prefetch | paths, select_all=loaded.select_all or everything,
                       prefetch_all=loaded.prefetch_all or everything,
                       lookups=bool(loaded.prefetch | paths | loaded.to_attr) or loaded.prefetch_all or everything)

    def _iterator(self, e: cst.Call, qs: QuerySet, loaded: Loaded) -> Loaded:
        """iterator() keeps this queryset's prefetches only given chunk_size, on Django >= 4.1; without
        it Django < 5.0 drops them (one query per row) and Django >= 5.0 raises ValueError."""
        if not loaded.lookups:
            return loaded
        version = self.ctx.django_version
        if version is not None and version < (4, 1):
            return replace(loaded, prefetch=frozenset(), prefetch_all=False, to_attr=frozenset(), lookups=False)
        if argument(e, 0, "chunk_size") is None:
            self.emit(ev.RowQuery(e, "iterator", qs.model, None, ", ".join(sorted(loaded.prefetch | loaded.to_attr)),
                                  True, None, qs))
        return loaded

    def _e_Subscript(self, e: cst.Subscript, env: Env) -> Value:
        base = self.eval(e.value, env)
        index = e.slice[0].slice if len(e.slice) == 1 else None
        if isinstance(e.value, cst.Name) and e.value.value not in env and isinstance(index, cst.Index) \
                and string_literal(index.value) is not None:   # `options["database"]` of a command
            option = command_option(self, self._function, self._class, e.value.value, string_literal(index.value), e)
            if option is not None:
                return option
        if self.ctx.names.qualname(e.value) == "django.db.connections" and isinstance(index, cst.Index):
            alias = self.eval(index.value, env)
            self.alias_site(e, "connections[]", alias, index.value)
            return Connection(alias) if isinstance(alias, (Str, Param)) else UNKNOWN
        if isinstance(index, cst.Index):
            self.eval(index.value, env)
            asyncorm.evaluation(self, e, base, "indexed")
            self.locked_read(e, base, "indexed")
            if isinstance(base, QuerySet) and base.rows == "instances":
                return Instance(base.model, self.bound_aliases(base.bound, base.model))
            if isinstance(base, Sequence) and _int_literal(index.value):
                i = int(index.value.value) if isinstance(index.value, cst.Integer) else -int(index.value.expression.value)
                return base.items[i] if -len(base.items) <= i < len(base.items) else UNKNOWN
            if isinstance(base, Collection):
                return base.values if base.values is not None else base.item if base.wrap is None else UNKNOWN
        elif isinstance(index, cst.Slice) and isinstance(base, QuerySet):
            return replace(base, bounded=base.bounded or isinstance(index.upper, cst.Integer))
        return UNKNOWN

    def _e_IfExp(self, e: cst.IfExp, env: Env) -> Value:
        self.eval(e.test, env)
        return join(self.eval(e.body, env), self.eval(e.orelse, env))

    def _e_Tuple(self, e: cst.Tuple | cst.List, env: Env) -> Value:
        """A tuple or list display; `[*keep, extra]` splices what `keep` holds (see concatenated)."""
        result: Value = Sequence(())
        items: list[Value] = []
        for element in e.elements:
            value = self.eval(element.value, env)
            if isinstance(element, cst.StarredElement):
                result = self.concatenated(self.concatenated(result, Sequence(tuple(items))), value)
                items = []
            else:
                items.append(value)
        return self.concatenated(result, Sequence(tuple(items)))

    _e_List = _e_Tuple

    def _e_Await(self, e: cst.Await, env: Env) -> Value:
        return self.eval(e.expression, env)

    def _e_BinaryOperation(self, e: cst.BinaryOperation, env: Env) -> Value:
        left, right = self.eval(e.left, env), self.eval(e.right, env)
        if isinstance(e.operator, cst.Modulo) and self.loops:   # "%s" % row
            perrow.percent(self, e, e.right, right)
        return self.combine(e, left, right, e.operator)

    def combine(self, node: cst.CSTNode, left: Value, right: Value, operator: cst.CSTNode) -> Value:
        """`a | b`, `a & b` (and `|=`, `&=`) on querysets and Q objects; `a + b` (and `+=`) on lists
        and tuples."""
        if isinstance(operator, (cst.Add, cst.AddAssign)):
            return self.concatenated(left, right)
        if not isinstance(operator, (cst.BitOr, cst.BitAnd, cst.BitOrAssign, cst.BitAndAssign)):
            return UNKNOWN
        op = "|" if isinstance(operator, (cst.BitOr, cst.BitOrAssign)) else "&"
        if isinstance(left, QuerySet) and isinstance(right, QuerySet):
            self.emit(ev.SetOperation(node, left, right, op))
            for pending in (*left.pending, *right.pending):   # built into the combination, not read
                pending.combined = op
            return replace(left, node=node, pending=left.pending + right.pending) if left.pending or right.pending else left
        if isinstance(left, _Q) and isinstance(right, _Q):
            return _Q(left.calls + right.calls)
        for value in (left, right):   # `unknown | row.rel.all()`: still a queryset combined, not read
            for pending in value.pending if isinstance(value, QuerySet) else ():
                pending.combined = op
        return UNKNOWN

    def concatenated(self, left: Value, right: Value) -> Value:
        """`keep + [extra]`: the items of both, in order when both are known item by item; else a
        collection of either's items (unknown if either side is not a list or tuple mdblint knows)."""
        if isinstance(left, Sequence) and isinstance(right, Sequence):
            return Sequence(left.items + right.items)
        if isinstance(left, (Sequence, Collection)) and isinstance(right, (Sequence, Collection)) \
                and not any(isinstance(v, Collection) and (v.wrap or v.values is not None) for v in (left, right)):
            item = self.element(left) if not (isinstance(left, Sequence) and not left.items) else None
            other = self.element(right) if not (isinstance(right, Sequence) and not right.items) else None
            joined = item if other is None else other if item is None else join(item, other)
            return Collection(joined if joined is not None else UNKNOWN, bounded=_bounded(left) and _bounded(right))
        return UNKNOWN

    def _e_UnaryOperation(self, e: cst.UnaryOperation, env: Env) -> Value:
        value = self.eval(e.expression, env)
        return value if isinstance(e.operator, cst.BitInvert) and isinstance(value, (_Q, _Subquery)) else UNKNOWN

    def _comprehension(self, e: Any, env: Env, element: Callable[[Env], Value]) -> Value:
        inner = dict(env)
        clause = e.for_in
        depth = 0
        saved_once, self._once = self._once, False   # a loop of its own, even in a block that runs once
        outer_loaded = _copy_loaded(self.iteration_loaded)
        try:
            bounded = True
            clauses = []
            while clause is not None:
                if depth == 0:   # the first iterable is evaluated where the comprehension is (maybe once)
                    self._once = saved_once
                try:
                    iterable = self.eval(clause.iter, inner)
                finally:
                    self._once = False
                if clause.asynchronous is None:
                    asyncorm.evaluation(self, clause.iter, iterable, "iteration")
                else:
                    asyncorm.async_loop(self, clause.iter)
                if self.loops and not (depth == 0 and saved_once):   # the first iterable runs where the comprehension is
                    perrow.evaluated(self, clause.iter, iterable, "iteration")
                self.locked_read(clause.iter, iterable, "iterated")
                bounded = bounded and _bounded(iterable)
                if _rows(iterable):
                    self.row_loops.add(clause)
                self.loop_regions[clause] = e
                clauses.append((clause, iterable))
                inner = self.bind(clause.target, self.element(iterable, clause), inner, e)
                self.loops.append(clause)
                depth += 1
                for condition in clause.ifs:
                    self.eval(condition.test, inner)
                clause = clause.inner_for_in
            result = Collection(element(inner), bounded=bounded)
            if len(clauses) == 1:   # `[... for b in qs]` evaluated qs: a later loop over it reads what this one cached
                perrow.after_loop(self, clauses[0][0], clauses[0][0].iter, clauses[0][1], env, in_place=True)
                asyncorm.fetched(self, clauses[0][0], clauses[0][0].iter, env)
            return result
        finally:
            self.iteration_loaded = outer_loaded   # it may run no iteration (and its own rows are gone)
            del self.loops[len(self.loops) - depth:]
            self._once = saved_once

    def _e_ListComp(self, e: Any, env: Env) -> Value:
        return self._comprehension(e, env, lambda inner: self.eval(e.elt, inner))

    _e_SetComp = _e_GeneratorExp = _e_ListComp

    def _e_DictComp(self, e: cst.DictComp, env: Env) -> Value:
        """`{k: v for ...}`: a dict whose keys are the `k`s (what iterating it yields) and values the `v`s."""
        values: list[Value] = []
        keys = self._comprehension(e, env, lambda inner: (self.eval(e.key, inner), values.append(self.eval(e.value, inner)))[0])
        return replace(keys, values=values[0]) if isinstance(keys, Collection) and values else UNKNOWN

    def _e_Lambda(self, e: cst.Lambda, env: Env) -> Value:
        return UNKNOWN

    def _e_Yield(self, e: cst.Yield, env: Env) -> Value:
        if e.value is not None:
            self.eval(e.value.item if isinstance(e.value, cst.From) else e.value, env)
        if self._summary is not None:
            self._summary.yields.append(tuple(self.atomic))
        return UNKNOWN

    # -- calls --
    def _e_Call(self, e: cst.Call, env: Env) -> Value:
        if self._call_probe is not None and self._call_probe[0] is e:
            self._call_probe[2].append(self.eval(self._call_probe[1], env))
        saved, self._in_chain = self._in_chain, False   # arguments are chains of their own
        try:
            return self._call(e, env)
        finally:
            self._in_chain = saved

    def _call(self, e: cst.Call, env: Env) -> Value:
        func = e.func
        if any(a.keyword is not None and a.keyword.value == "many" for a in e.args):
            drf.serializer_call(self, e, env)   # Serializer(qs, many=True)
        qualname = self.ctx.names.qualname(func)
        if qualname is not None and (qualname.startswith(TRANSACTION) or qualname.startswith("django.db.models")):
            return self._django_call(e, qualname, env)
        if qualname in ROUTER_CALLS:
            return self.router_call(e, ROUTER_CALLS[qualname], env)
        if qualname in templates.RENDERERS:   # render(request, "t.html", {...}): the template runs here
            return templates.render_call(self, e, qualname, env)
        if isinstance(func, cst.Attribute):
            receiver = self.eval(func.value, env)
            if func.attr.value == "get" and isinstance(func.value, cst.Name) and func.value.value not in env \
                    and len(e.args) == 1 and string_literal(e.args[0].value) is not None:
                option = command_option(self, self._function, self._class, func.value.value,
                                        string_literal(e.args[0].value), e)   # `options.get("database")`
                if option is not None:
                    return option
            if receiver is UNKNOWN and qualname is not None:   # module.function(...)
                found = self.project_function(func)
                per_row = perrow.resolve_function(self, func) if self.loops else None
                if found is not None or per_row is not None:
                    args = [self.eval(a.value, env) for a in e.args]
                    if per_row is not None:
                        perrow.function_call(self, e, per_row, args)
                    if found is None:
                        return UNKNOWN
                    return self.apply_summary(e, self.function_summary(found[0], found[1], e, args), args, False,
                                              found[0], found[1])
            return self.method(e, receiver, func.attr.value, env)
        callee = self.eval(func, env)
        if isinstance(callee, ModelClass):
            return self.construct(e, callee.label, env)
        args = [self.eval(a.value, env) for a in e.args]
        if isinstance(func, cst.Name) and func.value not in env and (self.loops or func.value in perrow.KEYED):
            self._per_row_call(e, func, args, env)
        if isinstance(func, cst.Name) and func.value not in env:
            found = self.project_function(func)
            if found is not None:
                if found[0] is self:
                    self.specialize(e, found[1], args)
                return self.apply_summary(e, self.function_summary(found[0], found[1], e, args), args, False,
                                          found[0], found[1])
        name = func.value if isinstance(func, cst.Name) else None
        if name == "setattr" and len(e.args) == 3:
            attr = string_literal(e.args[1].value)
            if attr is not None:
                self.assign_attribute(args[0], attr, args[2], e, env)
            return UNKNOWN
        if name == "enumerate" and args and isinstance(args[0], (QuerySet, Collection)):
            return Collection(Sequence((UNKNOWN, self.element(args[0]))), args[0], "enumerate", bounded=_bounded(args[0]))
        if name == "range" and e.args and all(_int_literal(a.value) and a.keyword is None for a in e.args):
            return Collection(UNKNOWN, bounded=True)   # a constant number of steps
        if name == "zip" and e.args:
            return self.zipped(e, args)
        if name == "dict" and all(a.keyword is not None for a in e.args):   # dict(publisher=pub): literal keys
            return templates.Mapping(tuple((a.keyword.value, v) for a, v in zip(e.args, args)), e)
        if name in ("list", "tuple", "set", "sorted", "reversed", "iter", "len", "bool") and args \
                and sum(a.keyword is None for a in e.args) == 1 and e.args[0].keyword is None and not e.args[0].star:
            asyncorm.evaluation(self, e, args[0], name)
            self.locked_read(e, args[0], f"passed to {name}()")
            if self.loops:   # evaluates a queryset
                perrow.evaluated(self, e, args[0], name)
            if name in ("len", "bool"):
                return UNKNOWN
            item = self.element(args[0])
            return Collection(item, args[0] if isinstance(args[0], QuerySet) else None, bounded=_bounded(args[0])) \
                if item is not UNKNOWN else UNKNOWN

        return UNKNOWN

    def zipped(self, e: cst.Call, args: list[Value]) -> Value:
        """`zip(a, b, ...)`: tuples of their items, item by item when every argument is a list or
        tuple mdblint knows, else tuples of what each yields; as many steps as its shortest
        argument (a constant number if one of them is bounded)."""
        given = [(a, v) for a, v in zip(e.args, args) if not (a.keyword is not None and a.keyword.value == "strict")]
        bounded = any(a.keyword is None and not a.star and _bounded(v) for a, v in given)
        if not given or any(a.keyword is not None or a.star for a, _ in given):
            return Collection(UNKNOWN, bounded=True) if bounded else UNKNOWN
        values = [v for _, v in given]
        if all(isinstance(v, Sequence) for v in values):
            return Sequence(tuple(Sequence(items) for items in zip(*(v.items for v in values))))
        return Collection(Sequence(tuple(self.element(v) for v in values)), bounded=bounded)

    def router_call(self, e: cst.Call, method: str, env: Env) -> Value:
        """`router.db_for_read(Model, instance=obj)` / `db_for_write`: what the project's routers
        answer for that model (and the instance's alias as the hint), when they are known."""
        values = [self.eval(a.value, env) for a in e.args]
        model = values[0] if e.args and e.args[0].keyword is None and not e.args[0].star else None
        hint_expr = argument(e, -1, "instance")
        hint = self.eval(hint_expr, env) if hint_expr is not None else None
        if not isinstance(model, ModelClass) or any(a.star or (a.keyword is not None and a.keyword.value != "instance")
                                                    for a in e.args):
            return Unknown(f"router.{method}() of a model or hints mdblint cannot read")
        if hint is not None and not (isinstance(hint, Instance) and hint.aliases is not None):
            return Unknown(f"router.{method}() with an instance hint of unknown alias")
        aliases = self._route(method, model.label, hint.aliases if hint is not None else None)
        return Str(aliases) if aliases.exact else Unknown(f"router.{method}() not statically known")

    def _per_row_call(self, e: cst.Call, func: cst.Name, args: list[Value], env: Env) -> None:
        """Calls that run project code on a row (perrow.py): helper(row), str(row), hasattr(row, ...),
        sorted(rows, key=...), map(f, rows)."""
        name = func.value
        if name in ("str", "repr", "format") and args and e.args[0].keyword is None and not e.args[0].star:
            perrow.dunder(self, e, args[0], name)
        elif name == "hasattr":
            perrow.hasattr_call(self, e, args)
        elif name in perrow.KEYED:
            perrow.keyed(self, e, name, env, args, _rows, self.element)
        else:
            found = perrow.resolve_function(self, func)
            if found is not None:
                perrow.function_call(self, e, found, args)

    def _django_call(self, e: cst.Call, qualname: str, env: Env) -> Value:
        name = qualname.rpartition(".")[2]
        if qualname.startswith(TRANSACTION) and name in USING_POSITION:
            using = self.using_argument(e, USING_POSITION[name], f"transaction.{name}()", env)
            if name == "atomic":
                if using is None:
                    return _Atomic(Aliases.of(DEFAULT, Source("atomic() without using", e)))
                return _Atomic(_as_aliases(using))
            aliases = None if using is None else _as_aliases(using)
            self.emit(ev.TransactionCall(e, name, aliases, tuple(self.atomic)))
            if name == "get_connection":   # the connection of that alias: its `.alias` is the alias
                if using is None:
                    return Connection(Str(Aliases.of(DEFAULT, Source("get_connection() without using", e))))
                return Connection(using) if isinstance(using, (Str, Param)) else UNKNOWN
            return UNKNOWN
        if name == "Prefetch" and e.args:
            to_attr = argument(e, 2, "to_attr")
            queryset = argument(e, 1, "queryset")
            inner = self.eval(queryset, env) if queryset is not None else None
            return _Prefetch(string_literal(e.args[0].value), to_attr is not None,
                             (inner.loaded or NOTHING_LOADED) if isinstance(inner, QuerySet) else None,
                             queryset is not None)
        if name in ("Subquery", "Exists") and e.args:
            return _Subquery(self.eval(e.args[0].value, env), name, e)
        if name == "Q":
            return _Q((e,))
        values = [self.eval(a.value, env) for a in e.args]
        if name == "prefetch_related_objects":   # the rows it is given come with the lookups
            perrow.prefetched_objects(self, e, env)
            perrow.prefetched_per_row(self, e, values, env)
        return UNKNOWN

    def method(self, e: cst.Call, receiver: Value, name: str, env: Env) -> Value:
        if isinstance(receiver, (Manager, QuerySet)):
            return self.queryset_method(e, receiver, name, env)
        if isinstance(receiver, RelatedManager):
            return self.related_method(e, receiver, name, env)
        if isinstance(receiver, Instance):
            return self.instance_method(e, receiver, name, env)
        values = [self.eval(a.value, env) for a in e.args]
        if self._summary is not None and name in RELATED_WRITES and isinstance(e.func, cst.Attribute) \
                and isinstance(e.func.value, cst.Attribute) and isinstance(e.func.value.value, cst.Name):
            # `param.rel.add(x)`: the relation is known once the caller gives the instance.
            param = self.eval(e.func.value.value, env)
            if isinstance(param, Param) and not any(a.star == "**" for a in e.args):
                self._summary.related.append((param.name, e.func.value.attr.value, name,
                                              tuple((a.star == "*", v) for a, v in zip(e.args, values) if a.keyword is None),
                                              e, _bulk_mode(e)))
        if isinstance(receiver, templates.Mapping) and name in DICT_MUTATIONS and isinstance(e.func, cst.Attribute) \
                and isinstance(e.func.value, cst.Name) and e.func.value.value in env:
            env[e.func.value.value] = self.mutated(e, receiver, name, values)
        if self.loops and self._self is not None and isinstance(e.func, cst.Attribute) \
                and isinstance(e.func.value, cst.Name) and e.func.value.value == self._self[1]:
            perrow.self_method_call(self, e, name, values)   # `self.helper(row)` in a command, a view
        if name == "format" and isinstance(receiver, Str) and self.loops:   # "{}".format(row)
            for a, value in zip(e.args, values):
                if not a.star:
                    perrow.dunder(self, e, value, "format")
        # An alias-taking call on something not known to be an ORM object: listed, never judged.
        expr = argument(e, 0, "alias") if name in ("using", "db_manager") else \
            argument(e, -1, "using") if name in ("save", "delete", "raw", "refresh_from_db") else None
        if expr is not None:
            self.alias_site(e, f".{name}()", self.eval(expr, env), expr)
        return UNKNOWN

    @staticmethod
    def mutated(e: cst.Call, mapping: "templates.Mapping", name: str, values: list[Value]) -> Value:
        """A dict known item by item after `d.update(k=v)` / `d.update({...})` (its items then
        those); after any other change, or an update mdblint cannot read, not known."""
        if name != "update" or any(a.star for a in e.args) or sum(a.keyword is None for a in e.args) > 1:
            return UNKNOWN
        for a, value in zip(e.args, values):
            if a.keyword is not None:
                mapping = mapping.with_item(a.keyword.value, value)
            elif isinstance(value, templates.Mapping):
                for key, item in value.items:
                    mapping = mapping.with_item(key, item)
            else:
                return UNKNOWN
        return mapping

    def _unordered(self, manager: RelatedManager) -> bool:
        """Is the prefetched queryset known to have no ordering? first()/last() then order by pk: a query."""
        model = self.graph.models.get(manager.model)
        return not manager.custom and model is not None and model.ordered is False

    def per_iteration(self, e: cst.Call, model: str, method: str, on: str) -> None:
        """A call that runs a query: reported if it runs on every iteration of a loop over rows."""
        if self._once:
            return
        loop = next((loop for loop in reversed(self.loops) if loop in self.row_loops), None)
        if loop is not None:
            # save()/delete() on a model that overrides it: bulk_update()/queryset delete() would skip it.
            # create() and its kin call save() too, which bulk_create() would skip.
            bare = method.removeprefix("a")
            override = perrow.overridden(self, model, bare) if on == "instance" and bare in ("save", "delete") \
                else perrow.overridden(self, model, "save") if bare in ("create", "get_or_create", "update_or_create") \
                else None
            used = on != "instance" and method.removeprefix("a") in RESULT_ADVICE and id(e) not in self.discarded
            self.emit(ev.LoopQuery(e, model, method, on, loop, overrides=override, used=used))

    def queryset_method(self, e: cst.Call, qs: Manager | QuerySet, name: str, env: Env,
                        per_iteration: bool = True) -> Value:
        model, bound = qs.model, qs.bound
        if isinstance(qs, QuerySet) and qs.evaluated is not None:   # a new queryset: new rows, not the cached ones
            qs = replace(qs, evaluated=None)
        # A related manager read on a row of the loop is MDB302's (the manager's own queryset carries the row).
        if per_iteration and name in QUERIES and not (isinstance(qs, QuerySet) and (
                qs.row is not None and qs.row.loop in self.loops or qs.of_loop in self.loops)):
            self.per_iteration(e, model, name, "queryset")
        if name in ("using", "db_manager"):
            expr = argument(e, 0, "alias" if name == "using" else "using")
            value = self.eval(expr, env) if expr is not None else Str(Aliases.of(DEFAULT, Source("None", e)))
            value = self.alias_site(e, f".{name}()", value, expr)
            aliases = _as_aliases(value)
            if name == "db_manager":
                return Manager(model, Bound(aliases), qs.manager)
            if isinstance(qs, QuerySet):   # a clone: what it loads and how it is sliced stay
                return replace(qs, bound=Bound(aliases), node=e)
            return QuerySet(model, Bound(aliases), node=e, manager=qs.manager)
        current = qs if isinstance(qs, QuerySet) else QuerySet(
            model, bound, node=e, manager=qs.manager,
            # a manager whose get_queryset() loads relations: what its rows come with is unknown
            loaded=EVERYTHING_LOADED if perrow.manager_loads(self, model, qs.manager) else None)
        if per_iteration and name in QUERIES and current.cache is None:
            asyncorm.query(self, e, model, name, "query")
        if name in QUERIES:   # `row.rel.all().delete()`: a write per row, which no prefetch spares
            self.evaluated_pending(current, name if name in PER_ROW_WRITES else None)
        if current.cache is not None:   # `row.rel.all().filter(...)`: the prefetched rows, queried again
            self.row_read(e, current.cache, name)
            current = replace(current, cache=None)
        if name in LOCKED_EVALUATIONS or name in EVALUATIONS:
            self.locked_read(e, current, f"read with .{name}()")
        lookups: dict[str, Value] = {}
        if name in FILTERS or name in CHAIN:
            lookups = self.check_lookups(e, current, env)
        else:
            for a in e.args:
                self.eval(a.value, env)
        if name in CHAIN:
            loaded = self.loaded_after(e, name, current.loaded or NOTHING_LOADED, env)
            if name == "iterator":
                loaded = self._iterator(e, current, loaded)
            # filter(), only(), ... on a related manager run a query of their own: their rows do not
            # come from the outer queryset's prefetch, and their lookup paths start here.
            locked = e if name == "select_for_update" else current.locked
            bounded = current.bounded or (name == "filter" and self._few_rows(current.model, lookups))
            if current.row is not None and name in REQUERIES:
                return replace(current, node=e, loaded=loaded, row=None, of_loop=current.row.loop, locked=locked,
                               bounded=bounded)
            return replace(current, node=e, loaded=loaded, locked=locked, bounded=bounded)
        if name in ROWS:
            return replace(current, rows="values", node=e)
        if name in SET_OPS:
            for a in e.args:
                other = self.eval(a.value, env)
                if isinstance(other, QuerySet):
                    self.emit(ev.SetOperation(e, current, other, name))
            return current
        if name in WRITES:
            target = self.bound_aliases(bound, model, write=True)
            self.emit(ev.Write(e, target, f"{_short(model)}.{name}()", tuple(self.atomic), model))
            if name in ("bulk_create", "abulk_create") and e.args:
                objs = self.eval(e.args[0].value, env)
                for obj in (objs.items if isinstance(objs, Sequence) else (self.element(objs),)):
                    if isinstance(obj, Instance):
                        self.rows_written(e, model, target, obj.pending)
                if _bounded(objs):   # it returns the list it was given: as many rows as a literal list
                    return Collection(UNKNOWN, bounded=True)
            if name in WRITE_ONE or name in WRITE_PAIR:
                self.row_write(e, model, target, env, defaults=name in WRITE_PAIR)
                instance = Instance(model, target)
                return Sequence((instance, UNKNOWN)) if name in WRITE_PAIR else instance
            return UNKNOWN
        if name in READ_ONE:   # what came with the instance is known: the queryset's paths, or nothing
            return Instance(model, self.bound_aliases(bound, model), loaded=current.loaded or NOTHING_LOADED)
        return self.custom_method(e, qs, name, env)

    def _few_rows(self, label: str, lookups: dict[str, Value]) -> bool:
        """Does a filter() keep a constant number of rows: a unique field (the primary key, a field
        declared unique=True) equal to one value, or `__in` a literal list or a bounded collection
        (`pk__in=[r.pk for r in qs[:3]]`)?"""
        model = self.graph.models.get(label)
        if model is None:
            return False
        unique = model.unique | {"pk"} | ({model.pk} if model.pk else set())
        for lookup, value in lookups.items():
            field, _, op = lookup.partition("__")
            if field not in unique or "__" in op:
                continue
            if op in ("", "exact") or (op == "in" and _bounded(value)):
                return True
        return False

    def check_lookups(self, e: cst.Call, outer: QuerySet, env: Env) -> dict[str, Value]:
        """Evaluates a filter's arguments (the checks of each lookup); returns the keyword lookups'
        values."""
        lookups: dict[str, Value] = {}
        for a in e.args:
            value = self.eval(a.value, env)
            if a.keyword is None:
                self._expressionargument(value, outer, None)
                if isinstance(value, _Q):
                    for call in value.calls:
                        self.check_lookups(call, outer, env)
                continue
            lookup = a.keyword.value
            lookups[lookup] = value
            related = lookup.split("__")[0] in self._relations(outer.model)
            if isinstance(value, QuerySet):
                self.emit(ev.QuerysetArgument(a, outer, value, "lookup", lookup))
            elif isinstance(value, Instance) and related:
                self.emit(ev.InstanceLookup(a, outer, lookup, value))
            elif isinstance(value, Sequence) and related and lookup.endswith("__in"):
                for item in value.items:
                    if isinstance(item, Instance):
                        self.emit(ev.InstanceLookup(a, outer, lookup, item))
            else:
                self._expressionargument(value, outer, lookup)
        return lookups

    def _expressionargument(self, value: Value, outer: QuerySet, lookup: str | None) -> None:
        if isinstance(value, _Subquery) and isinstance(value.inner, QuerySet):
            self.emit(ev.QuerysetArgument(value.node, outer, value.inner, value.kind, lookup))

    def locked_read(self, node: cst.CSTNode, value: Value, how: str) -> None:
        """A queryset evaluated: a Read on its database; if select_for_update(), Django checks at that
        point that a transaction is open on the queryset's database (its write database)."""
        if isinstance(value, QuerySet) and value.locked is None and self._summary is None:
            self.emit(ev.Read(node, value.model, self.bound_aliases(value.bound, value.model),
                              f"{_short(value.model)} rows {how}", tuple(self.atomic)))
        if isinstance(value, QuerySet) and value.locked is not None:
            aliases = self.bound_aliases(value.bound, value.model, write=True)
            self.emit(ev.LockedRead(node, aliases, f"{_short(value.model)} select_for_update() {how}",
                                    tuple(self.atomic), value.locked, self.entry))

    def related_write(self, e: cst.Call, manager: RelatedManager, name: str, args: list[tuple[Any, bool, Value]],
                      bulk: bool | None = None, via: str = "") -> None:
        """`manager.add/set/remove(...)` with its positional arguments (node, starred, value)."""
        objs: list[tuple[Any, Instance]] = []
        for node, star, value in args:
            # add(obj), add(*objs), set([a, b]), set(queryset), set(list(queryset))
            spread = star or name in ("set", "aset")
            items = (value.items if isinstance(value, Sequence) else (self.element(value),)) if spread else (value,)
            objs += [(node, v) for v in items if isinstance(v, Instance)]
        self.emit(ev.RelatedWrite(e, manager, name, tuple(objs), _bulk_mode(e) if bulk is None else bulk, via))
        self.emit(ev.Write(e, self.write_aliases(manager.model, manager.owner.aliases), f"{manager.relation.name}.{name}()",
                           tuple(self.atomic), manager.model))

    def related_method(self, e: cst.Call, manager: RelatedManager, name: str, env: Env) -> Value:
        owner = manager.owner
        args = [(a, self.eval(a.value, env)) for a in e.args if a.keyword is None]
        for a in e.args:
            if a.keyword is not None:
                self.eval(a.value, env)
        if name in RELATED_QUERIES:
            self.per_iteration(e, manager.model, name, "related")
        if name in RELATED_WRITES or name in ("create", "get_or_create", "update_or_create", "clear"):
            asyncorm.query(self, e, manager.model, name, "related", f"{manager.relation.name}.{name}")
        if name in RELATED_WRITES:
            self.related_write(e, manager, name, [(arg, arg.star == "*", value) for arg, value in args])
            return UNKNOWN
        if name == "db_manager":
            expr = argument(e, 0, "using")
            value = self.eval(expr, env) if expr is not None else UNKNOWN
            value = self.alias_site(e, ".db_manager()", value, expr)
            return replace(manager, reads=_as_aliases(value))
        row = manager.row
        pending = self.row_read(e, manager, name)
        bound = Bound(manager.reads) if manager.reads is not None else \
            Bound(instance=owner.aliases if owner.aliases is not None else UNKNOWN_ALIASES)
        # Rows of a reverse-FK manager know their owner (Django's known related objects).
        known = Loaded(select=frozenset({manager.relation.reverse})) if manager.relation.kind == "reverse_fk" \
            and manager.relation.reverse else NOTHING_LOADED
        if manager.loaded is not None:   # the owner came with this relation's nested prefetches
            known = replace(manager.loaded, select=known.select | manager.loaded.select)
        if perrow.manager_loads(self, manager.model):   # the related model's default manager loads relations itself
            known = EVERYTHING_LOADED
        if known.select and owner.row is None and manager.relation.kind == "reverse_fk":
            # One owner outside any loop: every row's `reverse` is that same instance, so what is read
            # through it is fetched once and cached there (not once per row).
            known = replace(known, opaque=known.opaque | {manager.relation.reverse})
        qs = QuerySet(manager.model, bound, node=e, row=row, loaded=known,
                      cache=manager if manager.prefetched and name == "all" else None,
                      pending=(pending,) if pending is not None else ())
        if name in ("create", "get_or_create", "update_or_create", "clear"):
            target = self.write_aliases(manager.model, owner.aliases)
            self.emit(ev.Write(e, target, f"{manager.relation.name}.{name}()", tuple(self.atomic), manager.model))
            if name == "create":
                return Instance(manager.model, target)
            return UNKNOWN
        # Served from the prefetch cache: no query (MDB303 reports the calls that are not).
        return self.queryset_method(e, qs, name, env, per_iteration=not manager.prefetched) if name != "all" else qs

    def row_read(self, e: cst.Call, manager: RelatedManager, name: str) -> Pending | None:
        """A related manager of a loop's row read with `name`: a query per row unless prefetched and
        served from the prefetched rows (MDB302, MDB303). For `.all()` (a lazy queryset) the query
        is returned pending: reported later unless the queryset is only combined (`Pending`)."""
        row = manager.row
        if row is None or row.loop not in self.loops or self._once or name not in MANAGER_READS | REQUERIES:
            return None
        owner = manager.owner
        if not manager.prefetched:
            # Prefetched into an attribute (to_attr) but read through the manager: "to_attr" (MDB303).
            kind = "to_attr" if row.path in (row.root.loaded or NOTHING_LOADED).to_attr else "manager"
            event = ev.RowQuery(e, kind, owner.model, manager.relation, row.path, True, row.loop, row.root, name)
            if name in ("all", "filter", "exclude"):   # lazy: `rel.filter(...).delete()` is a write per row
                pending = Pending(self.emit, event)
                self._pending.append(pending)
                return pending
            self.emit(event)
        elif name in REQUERIES or name in ("last", "alast") or (name in ("first", "afirst") and self._unordered(manager)):
            # last() reverses (a clone), first() of unordered rows orders by pk: both query again.
            self.emit(ev.RowQuery(e, "requery", owner.model, manager.relation, row.path, True, row.loop, row.root, name))

    def instance_method(self, e: cst.Call, instance: Instance, name: str, env: Env) -> Value:
        using = self.using_argument(e, -1, f".{name}(using=...)", env)
        if name not in INSTANCE_QUERIES and self.loops:   # a method of the model, run on the row
            perrow.method_call(self, e, instance, name)
        if name in INSTANCE_QUERIES:
            self.per_iteration(e, instance.model, name, "instance")
            asyncorm.query(self, e, instance.model, name, "instance")
        if name in ("save", "delete", "asave", "adelete"):
            if using is None:
                target = self.write_aliases(instance.model, instance.aliases)
            else:
                target = _as_aliases(using)
            self.emit(ev.Write(e, target, f"{_short(instance.model)}.{name}()", tuple(self.atomic), instance.model))
            if name in ("save", "asave"):
                self.rows_written(e, instance.model, target, instance.pending, at_call=True)
                if isinstance(e.func, cst.Attribute) and isinstance(e.func.value, cst.Name):
                    env[e.func.value.value] = replace(instance, aliases=target, pending=())
        return UNKNOWN

    def construct(self, e: cst.Call, label: str, env: Env) -> Value:
        """`Model(field=value, ...)`: Django assigns relation values in field order; the first binds
        the new instance's database (`db_for_write(model, instance=value)`), later ones are checked."""
        instance = Instance(label, None)
        pending = []
        for arg, relation, value in self._relation_kwargs(e, label, env):
            # A GenericForeignKey binds like a ForeignKey: Django assigns its content type's row.
            if instance.aliases is None:
                pending.append((relation, value, arg))
                if value.aliases is not None:
                    instance = Instance(label, self.write_aliases(label, value.aliases))
                continue
            # Checked here (MDB101/MDB103); if Django allows it, the row is consistent too.
            self.emit(ev.RelationAssign(arg, instance, relation, value, "constructor"))
        return replace(instance, pending=tuple(pending))

    def row_write(self, e: cst.Call, label: str, target: Aliases, env: Env, defaults: bool) -> None:
        """`create(**kwargs)` on `target` (and `defaults={...}` of get_or_create/update_or_create):
        the constructor's checks, then a row on `target` holding those relation values."""
        instance = self.construct(e, label, env)
        pending = list(instance.pending)
        if defaults:
            given = next((a.value for a in e.args if a.keyword is not None and a.keyword.value in ("defaults", "create_defaults")), None)
            if isinstance(given, cst.Dict):
                pending += self._relation_items(label, [(el.key, el.value) for el in given.elements
                                                         if isinstance(el, cst.DictElement)], env)
        self.rows_written(e, label, target, pending)

    def rows_written(self, e: cst.CSTNode, label: str, target: Aliases, pending, at_call: bool = False) -> None:
        """Rows written on `target` holding relation values; reported at the value, or at the call
        (`at_call`) when the value was given earlier (save(using=), bulk_create)."""
        for relation, value, node in pending:
            if value.aliases is not None and relation.db_constraint:
                self.emit(ev.RowWrite(e, label, target, relation, value, e if at_call else node))

    def _relation_kwargs(self, e: cst.Call, label: str, env: Env) -> list[tuple[Any, Any, Instance]]:
        """(arg, relation, instance) for relation keywords, in the model's field order (Django's);
        `**data` of a dict known item by item gives its items (reported at `data`)."""
        items = [(a.keyword, a.value) for a in e.args if a.keyword is not None]
        items += [(key, a.value, value) for a, key, value in self.unpacked_keywords(e, env)]
        return [(node, relation, value) for relation, value, node in self._relation_items(label, items, env)]

    def unpacked_keywords(self, e: cst.Call, env: Env) -> list[tuple[cst.Arg, str, Value]]:
        """(arg, key, value) for each item of a `**name` argument whose dict mdblint knows item by
        item (a dict display or dict(k=v) with literal keys); other `**` arguments give nothing."""
        found = []
        for a in e.args:
            if a.star == "**":
                mapping = self.eval(a.value, env)
                if isinstance(mapping, templates.Mapping):
                    found += [(a, key, value) for key, value in mapping.items]
        return found

    def _relation_items(self, label: str, items, env: Env) -> list[tuple[Any, Instance, Any]]:
        model = self.graph.models.get(label)
        if model is None:
            return []
        found = {}
        for key, expr, *given in items:   # (key, expr) or (key, expr, its value already known)
            name = key if isinstance(key, str) else key.value if isinstance(key, cst.Name) \
                else string_literal(key) if key is not None else None
            relation = model.relations.get(name) if name else None
            if relation is None:
                continue
            value = given[0] if given else self.eval(expr, env)
            if not isinstance(value, Instance):
                continue
            if relation.kind == "gfk" or (relation.kind in FORWARD and self.is_a(value.model, relation.target)):
                found[relation.name] = (relation, value, expr)
        order = {name: i for i, name in enumerate(model.fields)}
        return [found[n] for n in sorted(found, key=lambda n: order.get(n, len(order)))]

    # -- override_settings(DATABASE_ROUTERS=[...]) --
    def overridden_routers(self, expr: cst.BaseExpression) -> Any:
        """The routers an `override_settings(DATABASE_ROUTERS=...)` / `self.settings(...)` installs, or None."""
        if not isinstance(expr, cst.Call):
            return None
        func = expr.func
        if self.ctx.names.qualname(func) not in OVERRIDE and not (isinstance(func, cst.Attribute) and func.attr.value == "settings"
                                                                and isinstance(func.value, cst.Name) and func.value.value == "self"):
            return None
        value = next((a.value for a in expr.args if a.keyword is not None and a.keyword.value == "DATABASE_ROUTERS"), None)
        if value is None or self.services is None:
            return None
        paths: list[str] | None = []
        for element in value.elements if isinstance(value, (cst.List, cst.Tuple)) else [None]:
            item = element.value if element is not None else None
            path = string_literal(item) if item is not None else None
            if path is None and isinstance(item, cst.Call):
                path = self.ctx.names.qualname(item.func) or (
                    f"{self.ctx.names.module}.{item.func.value}" if isinstance(item.func, cst.Name) else None)
            if path is None:
                paths = None
                break
            paths.append(path)
        return self.services.routers_for(tuple(paths) if paths is not None else None)

    def use_routers(self, routers: Any) -> None:
        if routers is not None:
            self.routers = self.ctx.routers = routers

    # -- other functions --
    def project_function(self, func: cst.Name | cst.Attribute, any_function: bool = False
                         ) -> tuple["Interpreter", cst.FunctionDef] | None:
        """The definition of a module-level project function called by name or through its module
        (in another module: one worth a summary, unless `any_function`)."""
        if isinstance(func, cst.Name) and func.value in self.functions and not self.ctx._is_local(func.value):
            return self, self.functions[func.value]
        qualname = self.ctx.names.qualname(func)
        if qualname is None or self.services is None:
            return None
        module, _, name = qualname.rpartition(".")
        if module not in self.ctx.project.modules or not (any_function or self.services.worth_summarizing(module, name)):
            return None
        other = self.services.module_interpreter(module)
        if other is not None and name in other.functions:
            return other, other.functions[name]
        return None

    def function_summary(self, owner: "Interpreter", fn: cst.FunctionDef, call: cst.Call, args: list[Value]) -> Summary | None:
        """The summary of module-level function `fn` (of `owner`'s module) for this call: where the
        call passes model classes (`archived(Book)`, or a parameter's default `model=Book`), the
        function evaluated again with those parameters bound to them (`model.objects.using(X)` is
        a queryset of that model), once per set of models; otherwise the plain summary. A
        parameter given anything else stays symbolic (`model.objects` of it is unknown)."""
        summary = owner.summaries.of(fn, None, owner)
        bound = bind_arguments(summary, call, args, False) if summary is not None else None
        models = tuple(sorted((name, value) for name, value in (bound or {}).items() if isinstance(value, ModelClass)))
        return owner.summaries.of(fn, None, owner, models=models) if models else summary

    def apply_summary(self, call: cst.Call, summary: Summary | None, args: list[Value], skip_first: bool,
                      owner: "Interpreter", fn: cst.FunctionDef | None = None,
                      extra: dict[str, Value] | None = None) -> Value:
        """`extra`: symbolic names other than the parameters, with the caller's values (SELF_ALIAS)."""
        if summary is None:
            return UNKNOWN
        if owner is not self:
            summary = Summary([(n, relocate(d, owner.locate)) for n, d in summary.params],
                              relocate(summary.returns, owner.locate),
                              [(p, a, relocate(v, owner.locate), k) for p, a, v, k in summary.assigns], summary.returned,
                              [relocate_event(event, owner.locate) for event in summary.effects],
                              [tuple(relocate(Str(a), owner.locate).values for a in stack) for stack in summary.yields],
                              [(p, r, m, tuple((star, relocate(v, owner.locate)) for star, v in given),
                                owner.locate(w) if isinstance(w, cst.CSTNode) else w, bulk)
                               for p, r, m, given, w, bulk in summary.related])
        bound = bind_arguments(summary, call, args, skip_first)
        if bound is None:
            return UNKNOWN
        if extra:
            bound.update(extra)
        for param, attribute, value, _ in summary.assigns:
            owner = bound.get(param, UNKNOWN)
            self.assign_attribute(owner, attribute, substitute(value, bound), call, {})
        for param, attribute, method, given, where, bulk in summary.related:
            self.replay_related_write(call, bound.get(param, UNKNOWN), attribute, method,
                                      [(star, substitute(v, bound)) for star, v in given], where, bulk, fn)
        for event in summary.effects:
            # A lock with no block open in the callee (a block there is judged where it is open)
            # matters wherever the chain of callers reaches a view, command or task (MDB404).
            locked = isinstance(event, ev.LockedRead) and not event.atomic
            if depends_on_params(event) or self.atomic or locked:
                given = event.aliases.params if isinstance(event, ev.AliasSite) else frozenset()
                event = substitute_event(event, bound, call, tuple(self.atomic))
                if locked:   # named after the function that locks (the innermost of the chain)
                    event = replace(event, entry=self.entry, what=event.what if fn is None or " (in " in event.what
                                    else f"{event.what} (in {fn.name.value}())")
                if isinstance(event, ev.AliasSite):   # the reason is the caller's now, not the callee's
                    unknown = sorted(p for p in given if not (isinstance(bound.get(p), (Str, Param))))
                    event = replace(event, reason=None if event.aliases.exact else
                                    "parameter " + ", ".join(sorted(event.aliases.params)) if event.aliases.params
                                    else f"parameter {', '.join(unknown)} of {fn.name.value}() (this call passes a value "
                                         "not known)" if unknown and fn is not None
                                    else event.reason)
                self.emit(event)
        if fn is not None and summary.yields and is_context_manager(fn):
            # A @contextmanager: its `with` body runs at the yield, inside the blocks open there.
            blocks = yielded_atomic(summary.yields)
            return via_wrapper(substitute(blocks, bound), fn) if blocks is not None else UNKNOWN
        returned = substitute(summary.returns, bound) if summary.returned else UNKNOWN
        return via_wrapper(returned, fn) if fn is not None and isinstance(returned, Atomic) else returned

    def replay_related_write(self, call: cst.Call, owner: Value, attribute: str, method: str,
                             given: list[tuple[bool, Value]], where: Any, bulk: bool, fn: cst.FunctionDef | None) -> None:
        """A called function's `param.rel.add/set/remove(...)` (its node, or (path, line) in another
        module: `where`), with the caller's instances: judged at the call."""
        if isinstance(owner, Param) and self._summary is not None:   # passed on: the caller's caller knows
            self._summary.related.append((owner.name, attribute, method, tuple(given), where, bulk))
            return
        if not isinstance(owner, Instance):
            return
        manager = self._instance_attribute(owner, attribute)
        if not isinstance(manager, RelatedManager):
            return
        path, line = where if isinstance(where, tuple) else self.locate(where)
        helper = f"through {fn.name.value}()" if fn is not None else "through a called function"
        at = f"line {line}" if not isinstance(where, tuple) else f"{path}:{line}"
        self.related_write(call, manager, method, [(call, star, value) for star, value in given],
                           bulk=bulk, via=f"{helper}, its {attribute}.{method}() at {at}")

    def specialize(self, call: cst.Call, fn: cst.FunctionDef, args: list[Value]) -> None:
        """Run a function of this module again with the querysets its caller passes: its loops over
        them know what the rows come with (only the N+1 rules hear of it)."""
        rows = lambda value: isinstance(value, (QuerySet, Collection)) and _rows(value)
        if self._specializing or self._summary is not None or not any(rows(a) for a in args):
            return
        params = [(p.name.value, UNKNOWN) for p in (*fn.params.posonly_params, *fn.params.params, *fn.params.kwonly_params)]
        bound = bind_arguments(Summary(params), call, args, False)
        given = {k: v for k, v in (bound or {}).items() if rows(v)}
        if not given:
            return
        saved = self.emit, self.loops, self._once, self.atomic
        outer = self.emit
        self.emit = lambda event: outer(event) if isinstance(event, (ev.RowQuery, ev.LoopQuery)) else None
        self.loops, self._once, self._specializing = [], False, True
        try:
            self.function(fn, None, None, given)
        finally:
            self.emit, self.loops, self._once, self.atomic = saved
            self._specializing = False

    def custom_method(self, e: cst.Call, receiver: Manager | QuerySet, name: str, env: Env) -> Value:
        """A method of the model's custom manager or queryset class (`Person.objects.archived()`)."""
        args = [self.eval(a.value, env) for a in e.args]
        # Worth a summary if the method binds an alias itself, or the receiver's binding flows through self.
        if self.services is not None and receiver.bound.aliases is None \
                and name not in self.services.method_names_binding_aliases():
            return UNKNOWN
        # A receiver bound to an alias: the method runs with `self` bound to a symbolic one, which the
        # call replaces by the receiver's (like a parameter), so what the method does through `self`
        # (its writes, `using(self._db)`) is judged at the call, with the receiver's alias.
        bound = Bound(Aliases(params=frozenset({SELF_ALIAS}))) if receiver.bound.aliases is not None else receiver.bound
        extra = {SELF_ALIAS: Str(receiver.bound.aliases)} if receiver.bound.aliases is not None else None
        for owner, cls in self.manager_classes(receiver.model, receiver.manager):
            fn = _method(cls, name)
            if fn is not None:
                self_value = replace(receiver, bound=bound) if isinstance(receiver, QuerySet) \
                    else Manager(receiver.model, bound, receiver.manager)
                return self.apply_summary(e, owner.summaries.of(fn, cls, owner, self_value), args, True, owner,
                                          extra=extra)
        return UNKNOWN

    def manager_classes(self, label: str, manager: str | None) -> list[tuple["Interpreter", cst.ClassDef]]:
        """The classes behind `Model.<manager>`: `M()`, `M.from_queryset(Q)()`, `Q.as_manager()`."""
        model = self.graph.models.get(label)
        if model is None or manager is None or self.services is None:
            return []
        home = self.services.module_interpreter(model.module)
        cls = home.classes.get(model.name) if home is not None else None
        if cls is None:
            return []
        for stmt in cls.body.body:
            if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], cst.Assign):
                assign = stmt.body[0]
                if any(isinstance(t.target, cst.Name) and t.target.value == manager for t in assign.targets):
                    return home.manager_value_classes(assign.value, 0)
        return []

    def manager_value_classes(self, value: cst.BaseExpression, depth: int) -> list[tuple["Interpreter", cst.ClassDef]]:
        """The classes behind a manager made by `value`; a call of a project function (a manager
        factory) is followed to the one value it returns."""
        found = [c for ref in _manager_refs(value) if (c := self.find_class(ref))]
        if found or depth > 3 or not isinstance(value, cst.Call) or not isinstance(value.func, (cst.Name, cst.Attribute)):
            return found
        factory = self.project_function(value.func, any_function=True)
        returned = _sole_return(factory[1]) if factory is not None else None
        return factory[0].manager_value_classes(returned, depth + 1) if returned is not None else []


    def find_class(self, expr: cst.BaseExpression) -> tuple["Interpreter", cst.ClassDef] | None:
        if isinstance(expr, cst.Name) and expr.value in self.classes:
            return self, self.classes[expr.value]
        qualname = self.ctx.names.qualname(expr)
        if qualname is None or self.services is None:
            return None
        module, _, name = qualname.rpartition(".")
        return self._class_in(module, name, set())

    def _class_in(self, module: str, name: str, seen: set[str]) -> tuple["Interpreter", cst.ClassDef] | None:
        """The class `name` of project module `module`: defined there, or re-exported by it (`from
        .base import Name`, `from .base import *`)."""
        if module in seen or len(seen) > 20 or self.services is None:
            return None
        seen.add(module)
        other = self.services.module_interpreter(module)
        if other is None:
            return None
        if name in other.classes:
            return other, other.classes[name]
        imported = other.ctx.names.imports.get(name)
        if imported is not None and "." in imported:
            found = self._class_in(imported.rpartition(".")[0], imported.rpartition(".")[2], seen)
            if found is not None:
                return found
        for star in other.ctx.names.stars:
            found = self._class_in(star, name, seen)
            if found is not None:
                return found
        return None

    # -- aliases --
    def using_argument(self, e: cst.Call, position: int, kind: str, env: Env) -> Value | None:
        """Evaluate a call's arguments; its `using` one (None when absent) is also an alias site."""
        expr = argument(e, position, "using")
        using = self.eval(expr, env) if expr is not None else None
        if expr is None and position < 0:   # `save(**opts)` with opts = {"using": ...} known item by item
            given = next(((a, v) for a, key, v in self.unpacked_keywords(e, env) if key == "using"), None)
            if given is not None:
                expr, using = given[0].value, given[1]
        for a in e.args:
            if a.value is not expr:
                self.eval(a.value, env)
        if using is not None:
            using = self.alias_site(e, kind, using, expr)
        return using

    def alias_site(self, node: cst.CSTNode, kind: str, value: Value, expr: cst.BaseExpression | None = None) -> Value:
        """List an alias site; the value to bind there: `value`, or for a parameter of a method
        run on its own, what every call in the project passes when that is known (a method has
        no summary applied at its calls, so its own sites carry the findings)."""
        if isinstance(value, Str):
            aliases = value.values
        elif isinstance(value, Param):
            aliases = Aliases(params=frozenset({value.name}))
        else:
            aliases = UNKNOWN_ALIASES
        reason = None
        if isinstance(value, Param) and self._summary is None and self._function is not None \
                and aliases.params == {value.name}:
            # A parameter of a function run on its own: what every caller in the project passes
            # (the findings come from each call site, where the summary is applied).
            if self._class is None:
                traced = parameter_aliases(self, self._function, value.name)
            elif self._function.name.value == "__init__":
                traced = constructor_parameter_aliases(self, self._class, self._function, value.name)
            else:
                traced = method_parameter_aliases(self, self._class, self._function, value.name)
            if isinstance(traced, Aliases):
                aliases = traced
                if self._class is not None:
                    value = Str(traced)
            else:
                aliases, reason = UNKNOWN_ALIASES, traced
        if reason is not None:
            pass
        elif aliases.params:
            reason = "parameter " + ", ".join(sorted(aliases.params))
        elif aliases.unknown:
            reason = _unknown_reason(expr, value)
        self.emit(ev.AliasSite(node, kind, aliases, reason, alias_form(expr)))
        return value

    def bound_aliases(self, bound: Bound, model: str, write: bool = False) -> Aliases:
        if bound.aliases is not None:
            return bound.aliases
        route = self.write_aliases if write else self.read_aliases
        return route(model, bound.instance)

    def read_aliases(self, model: str, instance: Aliases | None) -> Aliases:
        return self._route("db_for_read", model, instance)

    def write_aliases(self, model: str, instance: Aliases | None) -> Aliases:
        return self._route("db_for_write", model, instance)

    def _route(self, method: str, model: str, instance: Aliases | None) -> Aliases:
        if self.routers is None:
            return UNKNOWN_ALIASES
        hints = [None] if instance is None else list(instance.names)
        result = Aliases(params=instance.params if instance else frozenset(), unknown=bool(instance and instance.unknown))
        for hint in hints:
            answer = getattr(self.routers, method)(model, hint)
            if answer.aliases is None:
                return UNKNOWN_ALIASES
            routed = Source(f"routed by {answer.why.split(' returns ')[0].split(' (')[0]}", None,
                            self.ctx.relpath(answer.path) if answer.path else None, answer.line)
            for alias in answer.aliases:
                source = instance.source(alias) if instance is not None and alias == hint and answer.path is None else None
                result = result.join(Aliases.of(alias, source or routed))
        return result

    def element(self, value: Value, loop: Any = None) -> Value:
        """What iterating `value` yields; in a loop, an instance knows it is one row of it."""
        if isinstance(value, Collection) and value.wrap == "enumerate" and loop is not None:
            return Sequence((UNKNOWN, self.element(value.source, loop)))
        if isinstance(value, Collection) and isinstance(value.source, QuerySet) and loop is not None:
            value = value.source
        if isinstance(value, QuerySet):
            if value.rows != "instances":
                return UNKNOWN
            row = None
            if loop is not None and not value.bounded:   # a constant number of rows: no N+1 over them
                loaded = value.evaluated or value.loaded or NOTHING_LOADED
                if value.row is not None:   # rows of a related manager read per row of an outer loop
                    outer = value.row.loaded
                    row = Row(loop, value.row.path, replace(loaded, select=outer.select | loaded.select,
                                                            prefetch=outer.prefetch | loaded.prefetch),
                              value.row.root, value.row.through_many)
                else:
                    row = Row(loop, "", loaded, value)
            # One of a constant number of rows (qs[:3], filter(pk=...)): what came with it is known,
            # as for get(); a loop over its related manager is a loop over rows.
            known = (value.evaluated or value.loaded or NOTHING_LOADED) if row is None and value.bounded else None
            return Instance(value.model, self.bound_aliases(value.bound, value.model), row=row, loaded=known)
        if isinstance(value, Collection):
            return value.item
        if isinstance(value, Param) and value.item is not None:   # annotated: rows of unknown provenance
            return Instance(value.item, UNKNOWN_ALIASES, loaded=EVERYTHING_LOADED)
        if isinstance(value, Sequence) and value.items:
            result = value.items[0]
            for item in value.items[1:]:
                result = join(result, item)
            return result
        return UNKNOWN

    # -- model graph --
    def is_a(self, label: str, target: str | None) -> bool:
        """Is an instance of `label` acceptable where `target` is expected (itself, a proxy or an MTI child)?"""
        seen, todo = set(), [label]
        while todo:
            current = todo.pop()
            if current == target:
                return True
            model = self.graph.models.get(current)
            if model is None or current in seen:
                continue
            seen.add(current)
            todo += [*model.parents, *([model.concrete] if model.concrete else [])]
        return False

    def _relation(self, label: str, name: str) -> Any:
        model = self.graph.models.get(label)
        return model.relations.get(name) if model is not None else None

    def loaded_in_iteration(self, row: Row, name: str) -> bool:
        """Was the relation `name` of this row read earlier in the same iteration (here, or by a
        project function given the row)? Django caches it on the instance: no second query."""
        loaded = self.iteration_loaded.get(id(row.loop))
        return bool(loaded) and (id(row.root), f"{row.path}__{name}" if row.path else name) in loaded

    def iteration_read(self, row: Row, name: str) -> None:
        if row.loop in self.loops and row.loop is not perrow.CALLEE:
            self.iteration_loaded.setdefault(id(row.loop), set()).add(
                (id(row.root), f"{row.path}__{name}" if row.path else name))

    def _relations(self, label: str) -> dict:
        model = self.graph.models.get(label)
        return model.relations if model is not None else {}

    def _model_of_name(self, name: str) -> str | None:
        module = self.ctx.names.module
        return self.graph.by_qualname.get(f"{module}.{name}") if module else None

    def _atomic_of(self, decorator: cst.BaseExpression) -> tuple[Aliases, ...]:
        """The atomic blocks a decorator opens around the function: `@transaction.atomic(...)`, a
        project wrapper of it (`@kc_atomic()`), or some block on unknown aliases (a project
        function that may open one, called with the decorated function)."""
        target = decorator.func if isinstance(decorator, cst.Call) else decorator
        if self.ctx.names.qualname(target) != TRANSACTION + "atomic":
            if not self.maybe_atomic(decorator):
                return ()
            value = self.eval(decorator, self.module_env) if isinstance(decorator, cst.Call) else UNKNOWN
            return value.blocks if isinstance(value, _Atomic) else (UNKNOWN_ALIASES,)
        value = self.eval(decorator, self.module_env)
        return value.blocks if isinstance(value, _Atomic) else (Aliases.of(DEFAULT, Source("@atomic", decorator)),)

    def maybe_atomic(self, expr: cst.BaseExpression, env: Env | None = None) -> bool:
        """Could `expr` (a with-item or decorator mdblint did not read as an atomic block) open
        one? A call of, or a name for, a project function whose code mentions atomic, any
        callable named like one, or a local whose value is not known (`with wrapper():`)."""
        target = expr.func if isinstance(expr, cst.Call) else expr
        if not isinstance(target, (cst.Name, cst.Attribute)):
            return False
        qualname = self.ctx.names.qualname(target)
        if qualname is not None and qualname.startswith("django."):
            return False   # Django's own: atomic() is read as such, nothing else opens a block
        if "atomic" in (dotted(target) or "").lower():
            return True
        if env is not None and isinstance(expr, cst.Call) and qualname is not None \
                and _library(qualname, self.ctx.project.modules):
            return True   # a with-item: a library's context manager (reversion.create_revision() opens one)
        if env is not None and isinstance(target, cst.Name) and isinstance(env.get(target.value), (Unknown, Param)):
            return True
        found = self.project_function(target) if isinstance(target, (cst.Name, cst.Attribute)) else None
        return found is not None and mentions_atomic(found[0].module, found[1])


def _library(qualname: str, project_modules) -> bool:
    """Is `qualname` imported from an installed library: neither the standard library, Django
    (whose blocks are read) nor a module of the project?"""
    top = qualname.split(".")[0]
    if top in sys.stdlib_module_names or top in ("builtins", "django"):
        return False
    module = qualname
    while module:
        if module in project_modules:
            return False
        module = module.rpartition(".")[0]
    return True


def _rows(value: Value) -> bool:
    """Is iterating `value` a loop over rows (a queryset, a list of rows, an annotated parameter)?"""
    if isinstance(value, QuerySet):
        return not value.bounded
    if isinstance(value, Collection):
        if value.bounded:
            return False
        if isinstance(value.source, (QuerySet, Collection)):
            return _rows(value.source)
        return isinstance(value.item, Instance)
    return isinstance(value, Param) and value.item is not None


def _bounded(value: Value) -> bool:
    """Does iterating `value` take a constant number of steps (qs[:3], range(1, 9), a literal tuple)?"""
    if isinstance(value, QuerySet):
        return value.bounded
    if isinstance(value, Collection):
        return value.bounded or (isinstance(value.source, QuerySet) and value.source.bounded)
    return isinstance(value, Sequence)


def _int_literal(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        expr = expr.expression
    return isinstance(expr, cst.Integer)


def _short(label: str) -> str:
    return label.rpartition(".")[2]


def _as_aliases(value: Value) -> Aliases:
    """The aliases a value names where an alias is expected (a parameter stays symbolic)."""
    if isinstance(value, Str):
        return value.values
    if isinstance(value, Param):
        return Aliases(params=frozenset({value.name}))
    return UNKNOWN_ALIASES


def _short_code(module: cst.Module | None, node: cst.CSTNode) -> str:
    """A node's source on one line, shortened, for a message."""
    text = " ".join(module.code_for_node(node).split()) if module is not None else "..."
    return text if len(text) <= 60 else text[:28] + "..." + text[-29:]


def _unknown_reason(expr: cst.BaseExpression | None, value: Value) -> str:
    """Why an alias is not statically known, for `mdblint --aliases`."""
    if isinstance(value, Unknown) and value.why.startswith(("attribute ", "router.", "carrier ", "command option ")):
        return value.why   # traced (provenance.py): the reason it stops
    if isinstance(value, Str) and isinstance(expr, cst.Attribute) \
            and any(s.how == f"settings.{expr.attr.value}" for _, s in value.values.known):
        # `os.environ.get("X", "d")`, `env("X", default="d")` in the settings: the default is known
        known = ", ".join(repr(a) for a, _ in value.values.known)
        return f"setting settings.{expr.attr.value}: read at run time (the environment), else {known}"
    if isinstance(expr, cst.Attribute):
        return f"attribute {dotted(expr) or expr.attr.value}"
    if isinstance(expr, cst.Call):
        return f"return value of {dotted(expr.func) or 'a call'}()"
    if isinstance(expr, cst.Name):
        return f"variable {expr.value}"
    if isinstance(expr, (cst.Subscript, cst.BinaryOperation, cst.FormattedString)):
        return "computed value"
    return "dynamic"


def _memo_guard(stmt: cst.If) -> bool:
    """Does the `if` body rebind a name its test reads (a last-key or cache check)?"""
    tested, todo = set(), [stmt.test]
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Name):
            tested.add(node.value)
        elif isinstance(node, cst.Attribute):
            todo.append(node.value)
        else:
            todo.extend(children(node))
    bound = set()
    for line in stmt.body.body:
        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, (cst.AugAssign, cst.AnnAssign)) else []
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) \
                    and isinstance(small.value.func, cst.Attribute) \
                    and small.value.func.attr.value in ("add", "append", "update", "setdefault"):
                targets = [small.value.func.value]
            for target in targets:
                for node in (target.elements if isinstance(target, (cst.Tuple, cst.List)) else [target]):
                    node = getattr(node, "value", node) if isinstance(node, cst.Element) else node
                    node = node.value if isinstance(node, cst.Subscript) else node
                    if isinstance(node, cst.Name):
                        bound.add(node.value)
    return bool(tested & bound)


def _leaves(stmt: cst.CSTNode) -> bool:
    """Does this statement leave the enclosing loop (return, break, raise)?"""
    if isinstance(stmt, cst.SimpleStatementLine):
        return any(isinstance(s, (cst.Return, cst.Break, cst.Raise)) for s in stmt.body)
    return False


def _may_leave(stmt: cst.CSTNode) -> bool:
    """Can a compound statement end the call part-way and normally (a return inside it, outside
    nested functions and classes)? A raise does not count: code after a call that returned did
    not raise there (`if not valid: raise ...` guards the rest of the callee)."""
    if isinstance(stmt, cst.SimpleStatementLine) or isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
        return False
    todo = [stmt]
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Return):
            return True
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and node is not stmt:
            continue
        todo.extend(children(node))
    return False


def _copy_loaded(loaded: dict[int, set]) -> dict[int, set]:
    return {k: set(v) for k, v in loaded.items()} if loaded else {}


def _identity_bounded(body: Sequence[cst.BaseStatement]) -> frozenset[int]:
    """The statements of a loop body that bind a value the loop then compares by identity with
    the first row's, leaving at the first that differs:

        vm_site = vm.site or vm.cluster._site
        if site is None:
            site = vm_site
        elif vm_site is not site:
            break

    A relation read that queries loads a new object, never the one an earlier row loaded, so the
    loop leaves at the second such load: the reads feeding `vm_site` run twice at most, whatever
    the number of rows. (What a prefetch or an earlier read cached is the same object, and costs
    no query.) Returns the ids of the assignments of such values."""
    found: set[int] = set()
    for index, stmt in enumerate(body):
        if not isinstance(stmt, cst.If):
            continue
        firsts, compared, branch = set(), set(), stmt
        while isinstance(branch, cst.If):
            test = branch.test
            if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
                    and isinstance(test.left, cst.Name) and isinstance(test.comparisons[0].comparator, cst.Name):
                left, op, right = test.left.value, test.comparisons[0].operator, test.comparisons[0].comparator.value
                if isinstance(op, cst.Is) and right == "None":
                    for line in branch.body.body:   # `if first is None: first = value`
                        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
                            if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                                    and isinstance(small.targets[0].target, cst.Name) and small.targets[0].target.value == left \
                                    and isinstance(small.value, cst.Name):
                                firsts.add((left, small.value.value))
                elif isinstance(op, cst.IsNot) and branch.body.body and _leaves(branch.body.body[-1]):
                    compared.update({(left, right), (right, left)})
            branch = branch.orelse
        for first, value in firsts:
            if (value, first) not in compared:
                continue
            for earlier in reversed(body[:index]):   # the value's last assignment before the test
                small = earlier.body[0] if isinstance(earlier, cst.SimpleStatementLine) and len(earlier.body) == 1 else None
                if isinstance(small, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == value
                                                         for t in small.targets):
                    found.add(id(earlier))
                    break
                if value in _bound_names(earlier):
                    break
    return frozenset(found)


def _bound_names(stmt: cst.CSTNode) -> set[str]:
    """Names a statement may bind (assignments, loop targets, `:=`, at any depth)."""
    from mdblint.analysis.walk import target_names
    names: set[str] = set()
    todo: list[cst.CSTNode] = [stmt]
    while todo:
        node = todo.pop()
        if isinstance(node, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr)):
            names.update(target_names(node.target))
        todo.extend(children(node))
    return names


def _raises(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in stmt.body)


def _manager_refs(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """Class expressions behind a manager assignment's value."""
    if isinstance(value, cst.Call):
        func = value.func
        if isinstance(func, cst.Attribute) and func.attr.value == "as_manager":
            return [func.value]
        if isinstance(func, cst.Call) and isinstance(func.func, cst.Attribute) and func.func.attr.value == "from_queryset":
            return [func.func.value] + [a.value for a in func.args[:1]]
        return [func]
    return []


def _sole_return(fn: cst.FunctionDef) -> cst.BaseExpression | None:
    """The value of a function whose body returns once, at its end (`return X`), with no other
    `return`/`yield` anywhere in it; else None."""
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
    last = body[-1] if body else None
    if not (isinstance(last, cst.SimpleStatementLine) and len(last.body) == 1 and isinstance(last.body[0], cst.Return)):
        return None
    returns = [0]

    class _Count(cst.CSTVisitor):
        def visit_Return(self, node: cst.Return) -> None:
            returns[0] += 1

        def visit_Yield(self, node: cst.Yield) -> None:
            returns[0] += 1

    visit(fn.body, _Count())
    return last.body[0].value if returns[0] == 1 else None


def _method(cls: cst.ClassDef, name: str) -> cst.FunctionDef | None:
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return next((s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == name), None)


def _is_static(fn: cst.FunctionDef) -> bool:
    return any(isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod" for d in fn.decorators)


def _join_envs(a: Env | None, b: Env | None) -> Env | None:
    if a is None:
        return b
    if b is None:
        return a
    # An attribute cached on one branch only ("book.publisher") is not cached after the join.
    return {k: join(a[k], b[k]) if k in a and k in b else UNKNOWN for k in a.keys() | b.keys()
            if (k in a and k in b) or "." not in k}


def _functions(body: Iterable[cst.CSTNode], cls: cst.ClassDef | None):
    """Every function and method (nested ones too), with the class a method belongs to."""
    for stmt in body:
        if isinstance(stmt, cst.FunctionDef):
            yield stmt, cls
            inner = stmt.body.body if isinstance(stmt.body, cst.IndentedBlock) else ()
            yield from _functions(inner, None)
        elif isinstance(stmt, cst.ClassDef):
            inner = stmt.body.body if isinstance(stmt.body, cst.IndentedBlock) else ()
            yield from _functions(inner, stmt)
        elif isinstance(stmt, (cst.If, cst.Try, cst.With)):
            blocks = [stmt.body.body]
            for part in ("orelse", "finalbody"):
                extra = getattr(stmt, part, None)
                if isinstance(extra, (cst.Else, cst.Finally)):
                    blocks.append(extra.body.body)
            for b in blocks:
                yield from _functions(b, cls)


def argument(call: cst.Call, position: int, keyword: str) -> cst.BaseExpression | None:
    """The argument at `position` (-1: keyword only) or given as `keyword`; None if absent or unclear."""
    for i, arg in enumerate(call.args):
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
        elif arg.star:
            return None
        elif i == position:
            return arg.value
    return None


def _bulk_mode(call: cst.Call) -> bool:
    """Is this add()/set() in bulk mode (the default, or `bulk=True`)?"""
    arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == "bulk"), None)
    return arg is None or (isinstance(arg.value, cst.Name) and arg.value.value == "True")
