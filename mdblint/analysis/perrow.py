"""Per-row effects through calls: what a project function, method or property does to the row it
is given, applied where a loop over rows calls it (`str(row)`, `f"{row}"`, `"%s" % row`,
`row.prop`, `row.method()`, `helper(row)`, `hasattr(row, "rel")`, `sorted(rows, key=...)`,
`map(f, rows)`).

The callee is run by the interpreter of the module that defines it (found through the project's
model graph and module index, so a model's methods in models.py are found from any module), with
the parameter bound to a row of a symbolic loop (`CALLEE`: one call per row of the caller's loop)
that comes with what the caller's row comes with. Every per-row read and query it reports on that
row (forward keys, related managers, deferred fields, queries) is re-emitted at the call, with
the caller's path prefixed and the caller's loop and queryset, and a `via` step naming the call
and the line inside the callee. Results are memoized per (function, row model, what the row
loads). Unknown stays silent: a callee with an unknown decorator, an unresolved base class before
the method, `*args` at the call, recursion or more than `MAX_DEPTH` nested calls gives nothing.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis.names import string_literal
from mdblint.analysis.values import UNKNOWN_ALIASES, Instance, Row, Value
from mdblint.analysis.walk import children

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter


class _CalleeLoop:
    """The loop a callee's body runs under: the caller's loop, one call per row."""

    def __repr__(self) -> str:
        return "<per-row call>"


CALLEE = _CalleeLoop()
MAX_DEPTH = 4
# Decorators a per-row callee may carry: they return the function itself or read it once per instance.
PROPERTIES = frozenset({"property", "cached_property"})
TRANSPARENT = frozenset({"display"})   # django.contrib.admin.display only sets attributes
# The builtins that apply a function to every item of their iterable, and where it is given.
KEYED = {"sorted": ("key", None), "min": ("key", None), "max": ("key", None), "map": (None, 0),
         "filter": (None, 0)}
_PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([a-zA-Z%])")


class _Root:
    """The root of a parameter's row inside a callee: paths there are relative to the parameter."""

    def __init__(self, loaded: Any) -> None:
        self.loaded = loaded
        self.node = None


_MEMO: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()
_ACTIVE: set[tuple] = set()


def active_row(interp: "Interpreter", value: Value) -> Row | None:
    """The row `value` is, if it is one of a loop whose body is running, outside a run-once block."""
    if isinstance(value, Instance) and value.row is not None and value.row.loop in interp.loops and not interp._once:
        return value.row
    return None


def per_row_loop(interp: "Interpreter") -> Any:
    """The innermost loop over rows being run (where a query per call is a query per row)."""
    if interp._once:
        return None
    return next((loop for loop in reversed(interp.loops) if loop in interp.row_loops), None)


# -- finding the callee --

def _decorators(fn: cst.FunctionDef) -> list[str]:
    names = []
    for d in fn.decorators:
        expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        names.append(expr.attr.value if isinstance(expr, cst.Attribute) else expr.value if isinstance(expr, cst.Name) else "?")
    return names


def _class_defs(cls: cst.ClassDef, name: str) -> list[cst.FunctionDef]:
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return [s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == name]


def class_of(interp: "Interpreter", label: str) -> tuple["Interpreter", cst.ClassDef] | None:
    """The class statement of a model, in the interpreter of its module (parsed whole, ungated)."""
    model = interp.graph.models.get(label)
    if model is None or interp.services is None or not model.module:
        return None
    home = interp.services.module_interpreter(model.module)
    cls = home.classes.get(model.name) if home is not None else None
    return (home, cls) if cls is not None else None


def find_method(interp: "Interpreter", label: str, name: str,
                unread: list[str] | None = None) -> tuple["Interpreter", cst.ClassDef, cst.FunctionDef] | None:
    """`name` defined by a project class of the model's MRO (depth-first over the written bases,
    as Python finds a method on a single-inheritance chain); None when not defined there, or when a
    base that could define it is not a project class (a third-party mixin)."""
    start = class_of(interp, label)
    return None if start is None else find_in_class(start, name, unread)


def find_in_class(start: tuple["Interpreter", cst.ClassDef], name: str, unread: list[str] | None = None,
                  ) -> tuple["Interpreter", cst.ClassDef, cst.FunctionDef] | None:
    """`name` defined by `start` (a class in its module's interpreter) or a project base of it."""
    todo, seen = [start], set()
    while todo:
        owner, cls = todo.pop(0)
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        defs = _class_defs(cls, name)
        if defs:
            return owner, cls, defs[0]
        bases = []
        for base in cls.bases:
            if base.keyword is not None:
                continue
            qualname = owner.ctx.names.qualname(base.value)
            if qualname is not None and qualname.startswith("django.db.models"):
                continue   # Django's own Model: its __str__/__repr__/save/delete read no relation
            found = owner.find_class(base.value)
            if found is None:   # a base mdblint cannot read may define it
                if unread is not None:
                    unread.append(qualname or (owner.module.code_for_node(base.value) if owner.module else "a base"))
                return None
            bases.append(found)
        todo[:0] = bases
    return None


def overridden(interp: "Interpreter", label: str, name: str) -> tuple[str, int | None] | None:
    """(path, line) of a project override of `name` (save, delete) on the model, if any; (base,
    None) when a base class mdblint cannot read (a third-party model mixin) may override it."""
    unread: list[str] = []
    found = find_method(interp, label, name, unread)
    if found is None:
        return (unread[0], None) if unread else None
    owner, _, fn = found
    return owner.locate(fn)


def _usable(fn: cst.FunctionDef, prop: bool) -> bool:
    names = _decorators(fn)
    if prop:
        return any(n in PROPERTIES for n in names) and all(n in PROPERTIES | TRANSPARENT for n in names)
    return all(n in TRANSPARENT for n in names)


def resolve_function(interp: "Interpreter", func: cst.BaseExpression) -> tuple["Interpreter", cst.FunctionDef] | None:
    """A module-level project function called by name or through its module."""
    if isinstance(func, cst.Name) and func.value in interp.functions and not interp.ctx._is_local(func.value):
        return interp, interp.functions[func.value]
    qualname = interp.ctx.names.qualname(func)
    if qualname is None or interp.services is None:
        return None
    module, _, name = qualname.rpartition(".")
    if module not in interp.ctx.project.modules:
        return None
    other = interp.services.module_interpreter(module)
    if other is not None and name in other.functions:
        return other, other.functions[name]
    return None


# -- running the callee --

def _describe(interp: "Interpreter", node: cst.CSTNode) -> str:
    try:
        text = " ".join(interp.module.code_for_node(node).split())
    except Exception:
        return "the call"
    if isinstance(node, cst.FormattedStringExpression):
        text = f'f"{text}"'
    return text if len(text) <= 50 else text[:47] + "..."


def _params(fn: cst.FunctionDef) -> list[str]:
    p = fn.params
    return [x.name.value for x in (*p.posonly_params, *p.params, *p.kwonly_params)]


def _literal_truth(expr: cst.BaseExpression | None) -> bool | None:
    """The truth of a literal argument or default (True, False, None, a number, a string)."""
    if isinstance(expr, cst.Name) and expr.value in ("True", "False", "None"):
        return expr.value == "True"
    if isinstance(expr, cst.Integer):
        return expr.value.strip("0_xXoObB") != ""
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        value = string_literal(expr)
        return bool(value) if value is not None else None
    return None


def _constants(fn: cst.FunctionDef, call: cst.CSTNode | None, skip_first: bool) -> dict[str, bool]:
    """Parameters whose truth is known at this call: a literal argument, else a literal default."""
    p = fn.params
    positional = [x for x in (*p.posonly_params, *p.params)][1 if skip_first else 0:]
    known: dict[str, bool] = {}
    for param in (*positional, *p.kwonly_params):
        truth = _literal_truth(param.default)
        if truth is not None:
            known[param.name.value] = truth
    if isinstance(call, cst.Call):
        for i, arg in enumerate(a for a in call.args if a.keyword is None and not a.star):
            if i < len(positional):
                known.pop(positional[i].name.value, None)
                truth = _literal_truth(arg.value)
                if truth is not None:
                    known[positional[i].name.value] = truth
        for arg in call.args:
            if arg.keyword is not None:
                known.pop(arg.keyword.value, None)
                truth = _literal_truth(arg.value)
                if truth is not None:
                    known[arg.keyword.value] = truth
    return known


def decided(interp: "Interpreter", test: cst.BaseExpression, env: dict, body: Sequence[cst.BaseStatement] = ()) -> Any:
    """Inside a callee, an `if` on one of its parameters: True/False when the call's literal
    argument (or the default) decides it, "unknown" when the caller's value is not known (the
    branches then count as not run on every call), None for any other test. A per-instance memo
    on the row (`if getattr(self, "_x", None) is None: ... self._x = ...`) is decided too: a row
    fresh from the queryset has no `_x`, so the first call on each row runs the body."""
    if CALLEE not in interp.loops:
        return None
    negate, expr = False, test
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
        negate, expr = True, expr.expression
    if isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1 \
            and isinstance(expr.comparisons[0].comparator, cst.Name) and expr.comparisons[0].comparator.value == "None" \
            and isinstance(expr.comparisons[0].operator, (cst.Is, cst.IsNot)):
        negate = negate != isinstance(expr.comparisons[0].operator, cst.Is)   # `x is None` is `not x` for a literal
        expr = expr.left
    if _discriminates(expr):
        return "unknown"
    unset = _memo_on_row(expr, env, body)
    if unset is not None:
        return unset != negate
    if not isinstance(expr, cst.Name):
        return None
    from mdblint.analysis.values import Param
    value = env.get(expr.value)
    if not isinstance(value, Param) or value.name != expr.value:
        return None
    truth = interp.callee_constants.get(expr.value)
    if truth is None:
        return "unknown"
    return truth != negate


def _memo_on_row(expr: cst.BaseExpression, env: dict, body: Sequence[cst.BaseStatement]) -> bool | None:
    """`getattr(self, "_x", None)`, `hasattr(self, "_x")` or `"_x" in self.__dict__`, where `self`
    is a row and the `if` body sets `self._x`: the test's truth on a fresh row (False: the
    attribute is not set), or None for any other test."""
    attr = None
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value in ("getattr", "hasattr") \
            and len(expr.args) == (3 if expr.func.value == "getattr" else 2) \
            and isinstance(expr.args[0].value, cst.Name) and expr.args[0].value.value == "self" \
            and isinstance(expr.args[1].value, cst.SimpleString) \
            and (expr.func.value == "hasattr" or isinstance(expr.args[2].value, cst.Name) and expr.args[2].value.value == "None"):
        attr = expr.args[1].value.evaluated_value
    elif isinstance(expr, cst.Comparison) and len(expr.comparisons) == 1 and isinstance(expr.left, cst.SimpleString) \
            and isinstance(expr.comparisons[0].operator, (cst.In, cst.NotIn)) \
            and _is_self_dict(expr.comparisons[0].comparator):
        attr = expr.left.evaluated_value
        if isinstance(expr.comparisons[0].operator, cst.NotIn):
            return None if not _sets_self(body, attr) or not _self_is_row(env) else True
    if not isinstance(attr, str) or not _sets_self(body, attr) or not _self_is_row(env):
        return None
    return False


def _is_self_dict(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Attribute) and expr.attr.value == "__dict__" \
        and isinstance(expr.value, cst.Name) and expr.value.value == "self"


def _self_is_row(env: dict) -> bool:
    value = env.get("self")
    return isinstance(value, Instance) and value.row is not None


def _sets_self(body: Sequence[cst.BaseStatement], attr: str) -> bool:
    """Does the block (at any depth, outside nested functions) assign `self.<attr>`?"""
    todo: list[cst.CSTNode] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            if any(isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name)
                   and t.value.value == "self" for t in targets):
                return True
        todo.extend(children(node))
    return False


def _constant(expr: cst.BaseExpression) -> bool:
    """A literal, an UPPER_CASE name or attribute (`STATUS_OPEN`, `Kind.FACILITY`), or a tuple of them."""
    if isinstance(expr, (cst.Integer, cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
        return all(_constant(e.value) for e in expr.elements)
    name = expr.attr.value if isinstance(expr, cst.Attribute) else expr.value if isinstance(expr, cst.Name) else None
    return name is not None and name.isupper()


def _discriminates(expr: cst.BaseExpression) -> bool:
    """`x.kind == KIND`, `status in (A, B)`, `isinstance(x, C)`: a test that sorts the rows into
    kinds; in a callee, what it guards may never run for the caller's rows."""
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value in ("isinstance", "issubclass"):
        return True
    return isinstance(expr, cst.Comparison) and any(
        isinstance(c.operator, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)) and (_constant(c.comparator) or _constant(expr.left))
        for c in expr.comparisons)


def _effects(owner: "Interpreter", fn: cst.FunctionDef, cls: cst.ClassDef | None,
             rows: dict[str, tuple[str, Any]], consts: dict[str, bool]) -> list[tuple[str, Any, str, int | None, bool]]:
    """What `fn` does per call to the rows bound to its parameters (`rows`: param -> (model,
    what the row loads)), given the parameters whose truth the call fixes (`consts`):
    (param or "", event, path, line, on every call); "" for a query not on a row."""
    memo = _MEMO.setdefault(owner.summaries, {})
    key = (id(fn), tuple(sorted(rows.items(), key=lambda kv: kv[0])), tuple(sorted(consts.items())))
    entry = memo.get(key)
    if entry is not None and entry[0] is fn:
        return entry[1]
    if key in _ACTIVE or len(_ACTIVE) >= MAX_DEPTH:
        return []
    roots = {p: _Root(loaded) for p, (_, loaded) in rows.items()}
    by_root = {id(r): p for p, r in roots.items()}
    given = {p: Instance(model, UNKNOWN_ALIASES, row=Row(CALLEE, "", loaded, roots[p])) for p, (model, loaded) in rows.items()}
    names = _params(fn)
    self_value = None
    if cls is not None and fn.params.params:
        self_value = given.pop(fn.params.params[0].name.value, None)
    found: list[tuple[str, Any, str, int | None, bool]] = []

    def collect(event: Any) -> None:
        # The last item: the read runs on every call (not in a branch, a loop or after an early exit).
        if isinstance(event, ev.RowQuery) and event.loop is not None and id(event.root) in by_root:
            found.append((by_root[id(event.root)], event, *owner.locate(event.node), owner._conditional == 0))
        elif isinstance(event, ev.LoopQuery) and event.loop is CALLEE:
            found.append(("", event, *owner.locate(event.node), False))

    state = (owner.emit, owner.loops, owner._once, owner.atomic, owner._summary, owner._specializing,
             owner.assigned_relations, owner._in_chain, owner._chain_missing, owner.row_loops, owner.callee_constants,
             owner._conditional, owner.iteration_loaded)
    owner.emit, owner.loops, owner._once, owner._summary, owner._specializing = collect, [CALLEE], False, None, True
    owner._conditional, owner.iteration_loaded = 0, {}
    owner.callee_constants = {k: v for k, v in consts.items() if k not in rows}
    owner.assigned_relations = set(owner.assigned_relations)
    owner._in_chain, owner._chain_missing = False, None
    owner.row_loops = owner.row_loops | {CALLEE}
    _ACTIVE.add(key)
    try:
        if names:
            owner.function(fn, cls, self_value, given)
    except Exception:   # an analysis bug costs this callee only
        found = []
    finally:
        _ACTIVE.discard(key)
        (owner.emit, owner.loops, owner._once, owner.atomic, owner._summary, owner._specializing,
         owner.assigned_relations, owner._in_chain, owner._chain_missing, owner.row_loops, owner.callee_constants,
         owner._conditional, owner.iteration_loaded) = state
    memo[key] = (fn, found)
    return found


def _apply(interp: "Interpreter", call: cst.CSTNode, owner: "Interpreter", fn: cst.FunctionDef,
           cls: cst.ClassDef | None, bound: dict[str, Instance]) -> None:
    """Run `fn` on the rows `bound` to its parameters and report its per-row effects at `call`."""
    # A relation the caller assigned on the rows is cached on them: loaded, for the callee.
    from dataclasses import replace
    # So is one read earlier in this iteration, by the caller or by another call given the row.
    rows = {}
    for p, v in bound.items():
        loaded = v.row.loaded
        assigned = frozenset(name for model, name in interp.assigned_relations if model == v.model)
        if assigned and not v.row.path:
            loaded = replace(loaded, select=loaded.select | assigned)
        prefix = f"{v.row.path}__" if v.row.path else ""
        earlier = frozenset(path[len(prefix):] for root, path in interp.iteration_loaded.get(id(v.row.loop), ())
                            if root == id(v.row.root) and path.startswith(prefix))
        if earlier:
            loaded = replace(loaded, select=loaded.select | earlier)
        rows[p] = (v.model, loaded)
    effects = _effects(owner, fn, cls, rows, _constants(fn, call, cls is not None))
    if not effects:
        return
    callee = f"{cls.name.value}.{fn.name.value}" if cls is not None else fn.name.value
    text = _describe(interp, call)
    # One finding per call for the queries the callee runs (the first, and how many more), and one
    # per relation path it reads: a call running twenty counts is one thing to fix, at the call.
    queries = [effect for effect in effects if isinstance(effect[1], ev.LoopQuery)]
    if queries:
        _, event, path, line, _ = queries[0]
        more = len(queries) - 1
        named = callee if not more else f"{callee}, and {more} more quer{'y' if more == 1 else 'ies'}"
        loop = per_row_loop(interp)
        if loop is not None:
            interp.emit(ev.LoopQuery(call, event.model, event.method, event.on, loop,
                                     via=((text, named, path, line), *event.via), overrides=event.overrides,
                                     # the callee uses what it wrote (or returns it): the cautious advice
                                     used=event.used))
    seen: set[tuple] = set()
    for param, event, path, line, every_call in effects:
        if isinstance(event, ev.LoopQuery):
            continue
        if event.kind in ("requery", "to_attr"):
            continue   # a callee may check what was prefetched before it queries (it often does): not proven
        row = bound[param].row
        full = f"{row.path}__{event.path}" if row.path and event.path else row.path or event.path
        if (event.kind, full, event.method) in seen:
            continue
        seen.add((event.kind, full, event.method))
        if event.kind == "forward" and every_call and row.loop in interp.loops:   # now cached on the row
            parts = full.split("__")
            loaded_now = interp.iteration_loaded.setdefault(id(row.loop), set())
            loaded_now.update((id(row.root), "__".join(parts[:i])) for i in range(1, len(parts) + 1))
        # A read the callee makes on some calls only stays one for a caller that is a callee itself.
        interp._conditional += not every_call
        try:
            interp.emit(ev.RowQuery(call, event.kind, event.model, event.relation, full,
                                    row.through_many or event.through_many, row.loop, row.root, event.method,
                                    via=((text, callee, path, line), *event.via)))
        finally:
            interp._conditional -= not every_call


# -- the call forms --

def method_call(interp: "Interpreter", call: cst.Call, instance: Instance, name: str) -> None:
    """`row.method(...)`: a plain method of the row's model."""
    if active_row(interp, instance) is None or any(a.star for a in call.args):
        return
    found = find_method(interp, instance.model, name)
    if found is not None and _usable(found[2], prop=False) and len(_params(found[2])) >= 1:
        _apply(interp, call, found[0], found[2], found[1], {_params(found[2])[0]: instance})


def attribute(interp: "Interpreter", instance: Instance, name: str, node: cst.CSTNode) -> bool:
    """`row.prop`: a property or cached_property of the row's model; True when it is one."""
    model = interp.graph.models.get(instance.model)
    if model is None or name in model.fields or name.startswith("__"):
        return False
    found = find_method(interp, instance.model, name)
    if found is None or not _usable(found[2], prop=True) or not _params(found[2]):
        return False
    if active_row(interp, instance) is not None:
        _apply(interp, node, found[0], found[2], found[1], {_params(found[2])[0]: instance})
    return True


def dunder(interp: "Interpreter", node: cst.CSTNode, value: Value, how: str) -> None:
    """`str(row)`, `repr(row)`, `format(row)` (f-strings, `%`, `str.format`): the dunder that runs.
    Django's Model.__repr__ calls str(self); object.__format__ calls str(self)."""
    if active_row(interp, value) is None:
        return
    order = {"str": ("__str__",), "repr": ("__repr__", "__str__"), "format": ("__format__", "__str__")}[how]
    for name in order:
        found = find_method(interp, value.model, name)
        if found is not None:
            if _usable(found[2], prop=False) and _params(found[2]):
                _apply(interp, node, found[0], found[2], found[1], {_params(found[2])[0]: value})
            return


def self_method_call(interp: "Interpreter", call: cst.Call, name: str, args: list[Value]) -> None:
    """`self.helper(row, ...)`: a method of the running method's own class (or a project base)
    given rows of the running loops (a command's or a view's helper)."""
    if interp._self is None or interp.module is None:
        return
    found = find_in_class((interp, interp._self[0]), name)
    if found is not None and _params(found[2]):
        function_call(interp, call, (found[0], found[2]), args, found[1])


def function_call(interp: "Interpreter", call: cst.Call, found: tuple["Interpreter", cst.FunctionDef],
                  args: list[Value], cls: cst.ClassDef | None = None) -> None:
    """`helper(row, ...)`: a module-level project function given rows of the running loops (or,
    with `cls`, a method called on self: its first parameter is not an argument)."""
    owner, fn = found
    if not _usable(fn, prop=False):
        return
    names = _params(fn)[1:] if cls is not None else _params(fn)
    bound: dict[str, Instance] = {}
    positional = 0
    for arg, value in zip(call.args, args):
        if arg.star:
            return
        if arg.keyword is None:
            if positional >= len(fn.params.posonly_params) + len(fn.params.params) - (cls is not None):
                return
            name = names[positional]
            positional += 1
        else:
            name = arg.keyword.value
            if name not in names:
                return
        if active_row(interp, value) is not None:
            bound[name] = value
    if bound:
        _apply(interp, call, owner, fn, cls, bound)


def hasattr_call(interp: "Interpreter", call: cst.Call, args: list[Value]) -> None:
    """`hasattr(row, "rel")` reads `row.rel` (a reverse one-to-one queries, and raises when missing)."""
    if len(args) != 2 or len(call.args) != 2 or any(a.keyword or a.star for a in call.args):
        return
    name = string_literal(call.args[1].value)
    if name is None or active_row(interp, args[0]) is None:
        return
    saved, interp._chain_missing = interp._chain_missing, None
    try:
        interp._instance_attribute(args[0], name, call)
        missing = interp._chain_missing
    finally:
        interp._chain_missing = saved
    if missing is not None:
        interp.emit(ev.RowQuery(call, "forward", *missing))


def percent(interp: "Interpreter", node: cst.BinaryOperation, right: cst.BaseExpression, values: Value) -> None:
    """`"... %s ..." % row` / `% (a, row)`: each `%s` runs str(), `%r` repr()."""
    fmt = string_literal(node.left)
    if fmt is None:
        return
    conversions = [c for name, c in _PERCENT.findall(fmt) if c != "%" and not name]
    items = list(values.items) if hasattr(values, "items") and isinstance(right, cst.Tuple) else [values]
    for conversion, item in zip(conversions, items):
        if conversion in ("s", "r"):
            dunder(interp, node, item, "repr" if conversion == "r" else "str")


def formatted(interp: "Interpreter", node: cst.FormattedStringExpression, value: Value) -> None:
    conversion = node.conversion
    dunder(interp, node, value, "repr" if conversion == "r" else "str" if conversion == "s" else "format")


def keyed(interp: "Interpreter", call: cst.Call, name: str, env: dict, args: list[Value], rows_of: Any,
          element: Any) -> None:
    """`sorted(rows, key=f)`, `min/max(rows, key=f)`, `map(f, rows)`, `filter(f, rows)`: `f` runs
    on every row, in a loop of its own (the call). `args`: the arguments' values, evaluated."""
    keyword, position = KEYED[name]
    if any(a.star for a in call.args):
        return
    positional = [(a, v) for a, v in zip(call.args, args) if a.keyword is None]
    if keyword is not None:
        func = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == keyword), None)
        iterable = positional[0][1] if len(positional) == 1 else None
    else:
        func = positional[0][0].value if len(positional) == 2 else None
        iterable = positional[1][1] if len(positional) == 2 else None
    if func is None or iterable is None or not rows_of(iterable):
        return
    interp.row_loops.add(call)
    item = element(iterable, call)
    interp.loops.append(call)
    saved_once, interp._once = interp._once, False
    try:
        if isinstance(func, cst.Lambda):
            params = func.params.params
            if len(params) == 1 and not isinstance(func.params.star_arg, (cst.Param, cst.ParamStar)) \
                    and not func.params.kwonly_params:
                inner = interp.bind(params[0].name, item, dict(env), call)
                interp.eval(func.body, inner)
        elif isinstance(func, cst.Name) and func.value in ("str", "repr") and func.value not in env:
            dunder(interp, call, item, func.value)
        elif isinstance(func, (cst.Name, cst.Attribute)):
            found = resolve_function(interp, func)
            if found is not None and _params(found[1]) and active_row(interp, item) is not None \
                    and _usable(found[1], prop=False):
                _apply(interp, call, found[0], found[1], None, {_params(found[1])[0]: item})
    finally:
        interp.loops.pop()
        interp._once = saved_once


def via_text(via: tuple) -> str:
    """`through str(order) (Order.__str__, orders/models.py:37)`, one step per call."""
    steps = [f"{call} ({callee}, {path}:{line})" if line else f"{call} ({callee})" for call, callee, path, line in via]
    return "through " + " -> ".join(steps)


# -- rows a loop already loaded --

def note(interp: "Interpreter", event: Any) -> Any:
    """Record a forward key or deferred field read on the rows of a loop (Django caches it on the
    instance: a second loop over the same rows reads it without a query); returns the event."""
    generic = event.relation is not None and getattr(event.relation, "kind", None) == "gfk" and "__" not in event.path \
        if isinstance(event, ev.RowQuery) else False   # a generic key read on the row itself: cached there too
    if isinstance(event, ev.RowQuery) and event.kind in ("forward", "deferred") and (not event.through_many or generic) \
            and event.loop is not None and event.loop is not CALLEE and not interp._once:
        interp.loop_reads.setdefault(event.loop, set()).add(event.path if event.kind == "forward" else "=" + event.path)
    return event


def _leaves_loop(node: cst.CSTNode) -> bool:
    """Can the body stop before the last row (break, return, raise outside nested loops and functions)?"""
    todo = list(children(node))
    while todo:
        item = todo.pop()
        if isinstance(item, (cst.Break, cst.Return, cst.Raise)):
            return True
        if isinstance(item, (cst.For, cst.While, cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            if isinstance(item, (cst.For, cst.While)):
                todo.extend(n for n in children(item.body) if isinstance(n, (cst.Return, cst.Raise)))
            continue
        todo.extend(children(item))
    return False


def after_loop(interp: "Interpreter", loop: Any, iter_expr: cst.BaseExpression, iterable: Value, env: dict,
               in_place: bool = False) -> dict:
    """After a loop over a name bound to a queryset or a list of rows, the name's rows come with
    what the loop read on every row (the same instances: `qs._result_cache`, the list's items)."""
    reads = interp.loop_reads.pop(loop, None)
    if not reads or not isinstance(iter_expr, cst.Name) or iter_expr.value not in env:
        return env
    body = loop.body if isinstance(loop, cst.For) else None
    if body is not None and _leaves_loop(body):
        return env
    from dataclasses import replace
    from mdblint.analysis.values import NOTHING_LOADED, Collection, QuerySet
    qs = iterable.source if isinstance(iterable, Collection) and isinstance(iterable.source, QuerySet) else iterable
    if not isinstance(qs, QuerySet) or qs.rows != "instances" or qs.row is not None:
        return env
    loaded = qs.evaluated or qs.loaded or NOTHING_LOADED
    paths = {r for r in reads if not r.startswith("=")}
    fields = {r[1:] for r in reads if r.startswith("=") and "__" not in r}
    deferred = loaded.deferred
    if deferred is not None and fields:
        names, defer = deferred
        deferred = (names - fields, True) if defer else (names | fields, False)
    new = replace(qs, evaluated=replace(loaded, select=loaded.select | paths, deferred=deferred))
    value = replace(iterable, source=new) if isinstance(iterable, Collection) else new
    if in_place:
        env[iter_expr.value] = value
        return env
    return {**env, iter_expr.value: value}


# -- a fresh queryset evaluated per row --

def _inside(interp: "Interpreter", node: cst.CSTNode, region: cst.CSTNode) -> bool:
    if interp._positions is None:
        interp.locate(region)
    where, around = interp._positions.get(node), interp._positions.get(region)
    if where is None or around is None:
        return False
    return (around.start.line, around.start.column) <= (where.start.line, where.start.column) and \
        (where.end.line, where.end.column) <= (around.end.line, around.end.column)


def evaluated(interp: "Interpreter", node: cst.CSTNode, value: Value, how: str) -> None:
    """`list(qs)`, `len(qs)`, `if qs:`, `for x in qs` on a queryset built inside the loop over rows
    (a new queryset per iteration: one query each); a related manager of the loop's rows is MDB302's."""
    from mdblint.analysis.values import QuerySet
    interp.evaluated_pending(value)
    if not isinstance(value, QuerySet) or value.node is None or value.cache is not None:
        return
    if value.row is not None and value.row.loop in interp.loops or value.of_loop in interp.loops:
        return
    loop = per_row_loop(interp)
    if loop is None or loop is CALLEE:
        return
    region = interp.loop_regions.get(loop, loop)
    if isinstance(region, cst.For):
        region = region.body
    if not _inside(interp, value.node, region) or interp.module is None:
        return
    # The same queryset evaluated again in this iteration reads its result cache.
    seen = interp.loop_reads.setdefault((loop, "evaluated"), set())
    if id(value.node) in seen:
        return
    seen.add(id(value.node))
    interp.emit(ev.LoopQuery(node, value.model, how, "evaluated", loop))


def truth_tested(interp: "Interpreter", test: cst.BaseExpression, value: Value, env: dict) -> None:
    """`if qs:` / `if not qs:` evaluates the queryset (bool() fetches every row)."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        value = interp.eval(test.expression, env) if isinstance(test.expression, cst.Name) else None
    if isinstance(test, (cst.Name, cst.UnaryOperation)) and value is not None:
        evaluated(interp, test, value, "bool")


def prefetched_objects(interp: "Interpreter", call: cst.Call, env: dict) -> None:
    """`prefetch_related_objects(rows, "a", "b__c")`: the instances held by `rows` (a name bound
    to an evaluated queryset or a list of its rows) come with those lookups; a lookup mdblint
    cannot read (`*LOOKUPS`, a Prefetch object) counts as loading everything."""
    from dataclasses import replace
    from mdblint.analysis.values import NOTHING_LOADED, Collection, QuerySet
    if not call.args or call.args[0].keyword is not None or call.args[0].star \
            or not isinstance(call.args[0].value, cst.Name):
        return
    name = call.args[0].value.value
    value = env.get(name)
    qs = value.source if isinstance(value, Collection) and isinstance(value.source, QuerySet) else value
    if not isinstance(qs, QuerySet):
        if isinstance(value, Collection) and isinstance(value.item, Instance):   # rows of another kind
            env[name] = replace(value, item=replace(value.item, row=None, loaded=_everything()))
        return
    paths = [string_literal(a.value) if a.keyword is None and not a.star else None for a in call.args[1:]]
    loaded = qs.evaluated or qs.loaded or NOTHING_LOADED
    if any(p is None for p in paths):
        loaded = replace(loaded, prefetch_all=True, select_all=True)
    else:
        loaded = replace(loaded, prefetch=loaded.prefetch | frozenset(paths))
    new = replace(qs, evaluated=loaded)
    env[name] = replace(value, source=new) if isinstance(value, Collection) else new


def prefetched_per_row(interp: "Interpreter", call: cst.Call, values: list, env: dict) -> None:
    """`prefetch_related_objects([row], "a")` in a loop over rows: a query (one per lookup) on every
    row, the N+1 it was meant to avoid (LoopQuery, MDB305); the row then comes with the lookups."""
    from dataclasses import replace
    from mdblint.analysis.values import Sequence
    given = call.args[0] if call.args else None
    if given is None or given.keyword is not None or given.star or not values or not isinstance(values[0], Sequence):
        return
    paths = [string_literal(a.value) if a.keyword is None and not a.star else None for a in call.args[1:]]
    if not paths:
        return
    loop = per_row_loop(interp)
    rows = [(element.value, item) for element, item in zip(getattr(given.value, "elements", ()), values[0].items)
            if active_row(interp, item) is not None]
    if loop is None or loop is CALLEE or not rows:
        return
    interp.emit(ev.LoopQuery(call, rows[0][1].model, "prefetch_related_objects", "queryset", loop))
    for expr, item in rows:
        if isinstance(expr, cst.Name) and env.get(expr.value) is item:
            loaded = item.row.loaded
            loaded = replace(loaded, prefetch_all=True, select_all=True) if any(p is None for p in paths) \
                else replace(loaded, prefetch=loaded.prefetch | frozenset(paths))
            env[expr.value] = replace(item, row=replace(item.row, loaded=loaded))


def _everything() -> Any:
    from mdblint.analysis.values import EVERYTHING_LOADED
    return EVERYTHING_LOADED


# -- managers whose get_queryset() loads relations --

_LOADING = ("select_related", "prefetch_related")


def manager_loads(interp: "Interpreter", label: str, manager: str | None = None) -> bool:
    """Does the model's manager (`manager`, else its default one: what related managers and
    prefetches use) override get_queryset() with a select_related()/prefetch_related() of its
    own? Then what its rows come with is not known: they are treated as loading everything."""
    model = interp.graph.models.get(label)
    if model is None or interp.services is None:
        return False
    name = manager or (model.managers[0] if model.managers else None)
    if name is None:
        return False
    memo = _MEMO.setdefault(interp.summaries, {})
    key = ("manager_loads", label, name)
    if key not in memo:
        memo[key] = False
        try:
            memo[key] = any(_get_queryset_loads(owner, cls, set()) for owner, cls in interp.manager_classes(label, name))
        except Exception:   # an analysis bug must not cost the run: unknown counts as loading
            memo[key] = True
    return memo[key]


def _get_queryset_loads(owner: "Interpreter", cls: cst.ClassDef, seen: set) -> bool:
    if id(cls) in seen:
        return False
    seen.add(id(cls))
    for fn in _class_defs(cls, "get_queryset"):
        text = owner.module.code_for_node(fn) if owner.module is not None else ""
        if any(word in text for word in _LOADING):
            return True
    for base in cls.bases:
        found = owner.find_class(base.value) if base.keyword is None else None
        if found is not None and _get_queryset_loads(found[0], found[1], seen):
            return True
    return False
