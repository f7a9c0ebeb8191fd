"""Alias provenance beyond the expression itself: how an alias-taking site spells its alias
(the *form*, for `mdblint --aliases` and its per-form counts), and the tracing that follows a
value to where applications set it: Django's own constants, class attributes and `__init__`
assignments over a class hierarchy, the carriers Django gives a queryset, manager or instance
(`qs.db`, `self._db`, `obj._state.db`), the routers' answers, the callers of a function, and
project wrappers of `transaction.atomic(using=...)`.

Every value traced keeps its `Source` (what it is, and the file and line it came from); what
cannot be known is unknown, and the alias sites say why.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

import libcst as cst

from mdblint.analysis.names import dotted
from mdblint.analysis.walk import children, visit
from mdblint.analysis.values import UNKNOWN_ALIASES, Aliases, Atomic, Param, Source, Str, Unknown, Value, relocate

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter

# The forms an alias is written in (the table), in the order --aliases reports them.
FORMS = ("literal", "settings", "constant", "call", "router", "name", "attribute", "carrier", "subscript",
         "other", "none")
_CARRIERS = ("db", "_db")
_ROUTER_METHODS = ("db_for_read", "db_for_write")


def alias_form(expr: cst.BaseExpression | None) -> str:
    """How an alias is written at a site: a literal, `settings.X`, an UPPER constant
    (`DEFAULT_DB_ALIAS`), a call, a router's answer, a name (parameter or local), an attribute
    (`self.db`), one of Django's carriers (`qs.db`, `self._db`, `obj._state.db`), a subscript
    (`options["database"]`), none (`.using()` with no argument), or other."""
    if expr is None:
        return "none"
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        return "literal"
    if isinstance(expr, cst.Name):
        if expr.value == "None":
            return "none"
        return "constant" if expr.value.isupper() else "name"
    if isinstance(expr, cst.Attribute):
        text = dotted(expr) or ""
        if text.startswith("settings.") or ".settings." in text:
            return "settings"
        if expr.attr.value in _CARRIERS:
            return "carrier"
        if expr.attr.value.isupper():
            return "constant"
        return "attribute"
    if isinstance(expr, cst.Call):
        func = expr.func
        if isinstance(func, cst.Attribute) and func.attr.value in _ROUTER_METHODS:
            return "router"
        return "call"
    if isinstance(expr, cst.Subscript):
        return "subscript"
    return "other"


# -- Django's own constants ------------------------------------------------------------------

DJANGO_ALIASES = {"django.db.DEFAULT_DB_ALIAS": "default", "django.db.utils.DEFAULT_DB_ALIAS": "default"}


def django_constant(qualname: str | None, node: cst.CSTNode) -> Str | None:
    """`DEFAULT_DB_ALIAS` (imported from django.db, or `django.db.DEFAULT_DB_ALIAS`): "default"."""
    alias = DJANGO_ALIASES.get(qualname) if qualname else None
    return Str(Aliases.of(alias, Source(qualname.rpartition(".")[0].replace(".utils", "") + ".DEFAULT_DB_ALIAS", node))) \
        if alias is not None else None


# -- project wrappers of transaction.atomic ----------------------------------------------------

_CONTEXT_MANAGERS = frozenset({"contextmanager", "asynccontextmanager", "contextlib.contextmanager",
                               "contextlib.asynccontextmanager"})
_MENTIONS: dict[int, tuple[cst.FunctionDef, bool]] = {}


def is_context_manager(fn: cst.FunctionDef) -> bool:
    """Is `fn` decorated with contextlib's @contextmanager (its `with` body runs at its yield)?"""
    return any(dotted(d.decorator) in _CONTEXT_MANAGERS for d in fn.decorators)


def mentions_atomic(module: cst.Module | None, fn: cst.FunctionDef) -> bool:
    """Does the text of `fn` mention atomic (it may open an atomic block, itself or through a helper)?"""
    entry = _MENTIONS.get(id(fn))
    if entry is None or entry[0] is not fn:
        if len(_MENTIONS) > 4096:
            _MENTIONS.clear()
        text = module.code_for_node(fn) if module is not None else "atomic"
        entry = _MENTIONS[id(fn)] = (fn, "atomic" in text)
    return entry[1]


def yielded_atomic(yields: list[tuple[Aliases, ...]]) -> Atomic | None:
    """The atomic blocks a @contextmanager's `with` body runs in: those open at its yield (the
    same at every yield); some block on unknown aliases when its yields differ; None if no yield
    is inside one."""
    if not any(yields):
        return None
    first = yields[0]
    if first and all(stack == first for stack in yields):
        return Atomic(first[-1], first[:-1])
    return Atomic(UNKNOWN_ALIASES)


def via_wrapper(atomic: Atomic, fn: cst.FunctionDef) -> Atomic:
    """An atomic block opened by a project wrapper: each alias says which wrapper chose it."""
    def tag(aliases: Aliases) -> Aliases:
        known = tuple((a, replace(s, how=f"{s.how} in {fn.name.value}()" if s.how != "literal" else
                                  f"{fn.name.value}()")) for a, s in aliases.known)
        return replace(aliases, known=known)
    return Atomic(tag(atomic.aliases), tuple(tag(a) for a in atomic.outer))


# -- attributes of a class hierarchy -----------------------------------------------------------

# Attributes Django's ORM classes keep themselves (`self._db` of a manager, `self._state`): traced
# as Django's carriers, never as the class's own assignments.
_DJANGO_OWNED = frozenset({"db", "_db", "_state", "_hints", "model", "query"})


def class_family(qual: str, bases: dict[str, tuple[str, ...]], memo: dict) -> tuple[set[str], bool] | None:
    """The classes whose code may set an attribute of `self` in a method of `qual`: every
    ancestor of every project subclass of `qual` (itself included), and whether any of them has a
    base outside the project. None: the hierarchy reaches a base mdblint cannot resolve, or one
    of Django's ORM classes."""
    children = memo.get(("children",))
    if children is None:
        children = memo[("children",)] = {}
        for cls, parents in bases.items():
            for parent in parents:
                children.setdefault(parent, set()).add(cls)
    below, todo = {qual}, [qual]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in below:
                below.add(child)
                todo.append(child)
    family, todo = set(below), list(below)
    external = False
    while todo:
        for parent in bases.get(todo.pop(), ()):
            if parent == "?" or parent.startswith("django.db."):
                return None
            if parent in bases:
                if parent not in family:
                    family.add(parent)
                    todo.append(parent)
            elif parent not in ("object", "builtins.object"):
                external = True
    return family, external


class ClassAttributes:
    """What one class body does to its attributes, read once: class-level values, the methods
    assigning `self.<attr> = v` (with those targets), and the attributes it sets in ways not
    followed (a method or property of that name, unpacking, in-place changes, nested functions,
    a condition in the class body), with why; `dynamic`: it calls setattr(self, <not a literal>)."""

    def __init__(self, cls: cst.ClassDef) -> None:
        self.values: dict[str, list[cst.BaseExpression]] = {}
        self.methods: dict[str, list[tuple[cst.FunctionDef, tuple[cst.Attribute, ...]]]] = {}
        self.opaque: dict[str, str] = {}
        self.dynamic: str | None = None
        name = cls.name.value
        body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
        for stmt in body:
            if isinstance(stmt, cst.FunctionDef):
                returned = _property_return(stmt)
                if returned is not None:
                    self.values.setdefault(stmt.name.value, []).append(returned)
                else:
                    self.opaque.setdefault(stmt.name.value, f"{name}.{stmt.name.value} is a method or property")
                params = stmt.params.params
                if not params:
                    continue
                found = _AssignsSelf(params[0].name.value)
                visit(stmt.body, found)
                for attr, why in found.opaque.items():
                    self.opaque.setdefault(attr, f"{name}.{stmt.name.value}() {why}")
                for attr, targets in found.targets.items():
                    self.methods.setdefault(attr, []).append((stmt, tuple(targets)))
                if found.dynamic and self.dynamic is None:
                    self.dynamic = f"{name}.{stmt.name.value}() calls setattr(self, ...)"
            elif isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign):
                        for target in small.targets:
                            if isinstance(target.target, cst.Name):
                                self.values.setdefault(target.target.value, []).append(small.value)
                            else:
                                for n in _names(target.target):
                                    self.opaque.setdefault(n, f"{name}.{n} is bound by unpacking")
                    elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) \
                            and small.value is not None:
                        self.values.setdefault(small.target.value, []).append(small.value)
                    elif isinstance(small, cst.AugAssign):
                        for n in _names(small.target):
                            self.opaque.setdefault(n, f"{name}.{n} is changed in place")
            elif not isinstance(stmt, cst.ClassDef):
                for n in _names(stmt):
                    self.opaque.setdefault(n, f"{name}.{n} may be bound under a condition")


def class_attributes(cls: cst.ClassDef, memo: dict) -> ClassAttributes:
    entry = memo.get(("class", id(cls)))
    if entry is None or entry[0] is not cls:
        entry = memo[("class", id(cls))] = (cls, ClassAttributes(cls))
    return entry[1]


_PROPERTIES = ("property", "cached_property", "functools.cached_property", "functional.cached_property",
               "django.utils.functional.cached_property")


def _property_return(fn: cst.FunctionDef) -> cst.BaseExpression | None:
    """The expression a `@property` / `@cached_property` returns when its whole body is one
    `return <expr>` (after an optional docstring) not mentioning `self`: its value is that of a
    class attribute, read in the module's scope. None for anything else (stays opaque)."""
    if len(fn.decorators) != 1 or dotted(fn.decorators[0].decorator) not in _PROPERTIES:
        return None
    params = fn.params
    if len(params.params) != 1 or params.posonly_params or params.kwonly_params or params.star_arg is not cst.MaybeSentinel.DEFAULT \
            or params.star_kwarg or not isinstance(fn.body, cst.IndentedBlock):
        return None
    body = list(fn.body.body)
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1 \
            and isinstance(body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, cst.SimpleString):
        body = body[1:]
    if len(body) != 1 or not isinstance(body[0], cst.SimpleStatementLine) or len(body[0].body) != 1:
        return None
    ret = body[0].body[0]
    if not isinstance(ret, cst.Return) or ret.value is None:
        return None
    self_name = params.params[0].name.value
    if any(isinstance(n, cst.Name) and n.value == self_name for n in _walk(ret.value)):
        return None
    return ret.value


def _names(node: cst.CSTNode) -> set[str]:
    return {n.value for n in _walk(node) if isinstance(n, cst.Name)}


def _walk(node: cst.CSTNode):
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        todo.extend(children(current))


class _AssignsSelf(cst.CSTVisitor):
    """The `self.<attr> = v` statements of a method body, by attribute, and the attributes it
    sets in ways not followed (augmented, unpacked, inside a nested function)."""

    def __init__(self, self_name: str) -> None:
        self.self_name = self_name
        self.targets: dict[str, list[cst.Attribute]] = {}
        self.opaque: dict[str, str] = {}
        self.dynamic = False
        self.depth = 0

    def _attr(self, node: cst.CSTNode) -> str | None:
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == self.self_name:
            return node.attr.value
        return None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.depth += 1

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.depth -= 1

    def _store(self, target: cst.CSTNode) -> None:
        if isinstance(target, cst.Subscript):
            return                   # `self.attr[k] = v` changes what it holds, not the attribute
        attr = self._attr(target)
        if attr is not None:
            if self.depth:
                self.opaque.setdefault(attr, f"sets self.{attr} in a nested function")
            else:
                self.targets.setdefault(attr, []).append(target)
            return
        for node in _walk(target):
            attr = self._attr(node)
            if attr is not None:
                self.opaque.setdefault(attr, f"sets self.{attr} by unpacking")

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._store(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._store(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        attr = self._attr(node.target)
        if attr is not None:
            self.opaque.setdefault(attr, f"changes self.{attr} in place")

    def visit_For(self, node: cst.For) -> None:
        for n in _walk(node.target):
            attr = self._attr(n)
            if attr is not None:
                self.opaque.setdefault(attr, f"binds self.{attr} in a loop")

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "setattr" and len(node.args) >= 2:
            receiver = node.args[0].value
            if isinstance(receiver, cst.Name) and receiver.value == self.self_name:
                name = node.args[1].value
                if isinstance(name, cst.SimpleString) and name.evaluated_value:
                    self.opaque.setdefault(str(name.evaluated_value), f"calls setattr(self, {name.value}, ...)")
                else:
                    self.dynamic = True


def trace_attribute(interp: "Interpreter", cls: cst.ClassDef, attr: str) -> Value:
    """The value of `self.<attr>` in a method of `cls` (a module-level class of `interp`'s
    module): the union of every value the class hierarchy gives it (class attributes, and
    `self.<attr> = v` in any method of any class that `self` may be an instance of), each alias
    naming where it was set. Unknown, with the reason, if any of them is not known, if no class
    sets it, or if some code sets it from outside its class."""
    project = interp.ctx.project
    module = interp.ctx.names.module or _OUTSIDE
    if interp.classes.get(cls.name.value) is not cls or interp.services is None:
        return Unknown(f"attribute self.{attr}")
    qual = f"{module}.{cls.name.value}"
    memo = interp.summaries.attributes
    key = ("attribute", qual, attr)
    if key in memo:
        return memo[key]
    memo[key] = Unknown(f"attribute self.{attr} (recursive)")
    memo[key] = result = _trace(interp, qual, attr, project)
    return result


_OUTSIDE = "<not a module of the project>"   # the module name of a file outside the project


def _hierarchy(interp: "Interpreter", project: Any) -> tuple[dict, dict, str | None]:
    """(class -> bases, class -> attribute names it sets, the module read from the linted tree
    instead of the index): a file outside the project's modules (a fixture, a script) adds its
    own classes, read from its tree."""
    module = interp.ctx.names.module or _OUTSIDE
    if module in project.modules:
        return project.class_bases, project.class_attrs, None
    memo = interp.summaries.attributes
    entry = memo.get(("local", module))
    if entry is None or entry[0] is not interp:
        bases, attrs = dict(project.class_bases), dict(project.class_attrs)
        for name, cls in interp.classes.items():
            qual = f"{module}.{name}"
            bases[qual] = tuple(_base_qualname(interp, module, b.value) for b in cls.bases)
            facts = ClassAttributes(cls)
            attrs[qual] = frozenset(facts.values) | frozenset(facts.methods) | frozenset(facts.opaque)
        entry = memo[("local", module)] = (interp, bases, attrs)
    return entry[1], entry[2], module


def _base_qualname(interp: "Interpreter", module: str, base: cst.BaseExpression) -> str:
    if isinstance(base, cst.Name) and base.value in interp.classes:
        return f"{module}.{base.value}"
    if isinstance(base, cst.Name) and base.value == "object":
        return "builtins.object"
    return interp.ctx.names.qualname(base) or "?"


def _trace(interp: "Interpreter", qual: str, attr: str, project: Any) -> Value:
    if attr in project.outside_attrs:
        return Unknown(f"attribute self.{attr} (set outside its class)")
    memo = interp.summaries.attributes
    bases, attrs, local = _hierarchy(interp, project)
    if ("family", qual) not in memo:
        memo[("family", qual)] = class_family(qual, bases, memo if local is None else {})
    if memo[("family", qual)] is None:
        return Unknown(f"attribute self.{attr} (a base class mdblint cannot read)")
    family, external = memo[("family", qual)]
    if external and attr in _DJANGO_OWNED:
        return Unknown(f"attribute self.{attr} (a base outside the project may set it)")
    setters = sorted(c for c in family if attr in attrs.get(c, ()))
    if not setters:
        return Unknown(f"attribute self.{attr} (not set in its class)")
    result: Aliases | None = None
    for member in setters:
        module, _, name = member.rpartition(".")
        # Read from the module as written (the check gate may have blanked this file's other units).
        current = module == (interp.ctx.names.module or _OUTSIDE) and not getattr(interp.ctx, "blanked", False)
        owner = interp if module == local or current else interp.services.module_interpreter(module)
        cls = owner.classes.get(name) if owner is not None else None
        if cls is None:
            return Unknown(f"attribute self.{attr} (class {member} not read)")
        facts = class_attributes(cls, memo)
        why = facts.opaque.get(attr) or facts.dynamic
        if why is not None:
            return Unknown(f"attribute self.{attr} ({why})")
        if external and facts.values.get(attr):
            # A base outside the project may set class attributes from its arguments (Django's
            # View.__init__ sets every as_view(**initkwargs) on self).
            return Unknown(f"attribute self.{attr} (a class attribute of a class with a base outside the project)")
        found: list[tuple[Value, str]] = [(owner.eval(v, owner.module_env), f"{name}.{attr}")
                                          for v in facts.values.get(attr, ())]
        for fn, targets in facts.methods.get(attr, ()):
            for value in owner.probe_assignments(fn, cls, targets):
                found.append((value, f"{name}.{fn.name.value}()"))
        for index, (value, where) in enumerate(found):
            if isinstance(value, Param) and where == f"{name}.__init__()":
                init = next(f for f, _ in facts.methods[attr] if f.name.value == "__init__")
                traced = constructor_parameter_aliases(owner, cls, init, value.name)
                if isinstance(traced, str):
                    return Unknown(f"attribute self.{attr} (set in {where} from its {traced})")
                value = Str(traced)
            if not isinstance(value, Str) or not value.values.exact:
                return Unknown(f"attribute self.{attr} (set in {where} from a value not known)")
            moved = relocate(value, owner.locate).values
            tagged = Aliases(tuple((a, replace(src, how=f"{src.how} via self.{attr} in {where}"))
                                   for a, src in moved.known))
            result = tagged if result is None else result.join(tagged)
    if result is None:
        return Unknown(f"attribute self.{attr} (not set in its class)")
    return Str(result)


# -- Django's carriers and routers -------------------------------------------------------------

ROUTER_CALLS = {"django.db.router.db_for_read": "db_for_read", "django.db.router.db_for_write": "db_for_write",
                "django.db.utils.ConnectionRouter.db_for_read": "db_for_read"}


def carried(aliases: Aliases | None, text: str) -> Value:
    """An alias a queryset, manager or instance carries (`qs.db`, `self._db`, `obj._state.db`),
    each source saying it came through `text`. Inside a summary it may be symbolic (a parameter's,
    or the receiver's of a custom manager method: `self._db`), for the caller to put in."""
    if aliases is None or aliases.unknown or not (aliases.known or aliases.params):
        return Unknown(f"carrier {text} (its alias is not known)" if aliases is not None else
                       f"carrier {text} (None: not bound to a database)")
    return Str(Aliases(tuple((a, replace(s, how=f"{s.how} via {text}")) for a, s in aliases.known), aliases.params))


def instance_state_db(owner: Value, text: str) -> Value:
    """`obj._state.db`: the database an instance was read from or saved to (None if unsaved)."""
    from mdblint.analysis.values import Instance
    if not isinstance(owner, Instance):
        return Unknown(f"carrier {text}._state.db (not a known instance)")
    return carried(owner.aliases, f"{text}._state.db")


# -- parameters: what every caller in the project passes ---------------------------------------

_MAX_CALLER_MODULES = 40
_MAX_DEPTH = 3


def _traced(interp: "Interpreter", key: tuple, param: str, trace: Callable[[], Aliases | str]) -> Aliases | str:
    """`trace()`, memoized per run under `key`; a call met again while it runs (callers passing
    the parameter along in a cycle) and a chain too deep to follow are reasons, not crashes."""
    memo = interp.summaries.attributes
    if key in memo:
        return memo[key]
    memo[key] = f"parameter {param} (its callers pass it along in a cycle)"
    try:
        result = trace()
    except RecursionError:
        result = f"parameter {param} (callers too deep to follow)"
    memo[key] = result
    return result


def parameter_aliases(interp: "Interpreter", fn: cst.FunctionDef, param: str, depth: int = 0) -> Aliases | str:
    """The aliases parameter `param` of module-level function `fn` may hold: the union of what
    every call in the project passes (positionally, by keyword, or the default when omitted).
    A reason (str) when some caller is not known: the function is used as a value (passed,
    stored, decorated into a registry), has no caller in the project, is called with *args or
    **kwargs, or a caller passes a value not known."""
    module = interp.ctx.names.module
    project = interp.ctx.project
    if interp.services is None or not module or module not in project.modules \
            or interp.functions.get(fn.name.value) is not fn:
        return f"parameter {param}"
    return _traced(interp, ("parameter", module, fn.name.value, param), param, lambda: _callers_pass(interp, module, fn, param, depth))


def _param_index(fn: cst.FunctionDef, param: str) -> tuple[int | None, cst.Param | None]:
    """(position, the Param) of `param` in `fn`'s signature (position None: keyword-only)."""
    positional = [*fn.params.posonly_params, *fn.params.params]
    for i, p in enumerate(positional):
        if p.name.value == param:
            return i, p
    for p in fn.params.kwonly_params:
        if p.name.value == param:
            return None, p
    return None, None


def _callers_pass(interp: "Interpreter", module: str, fn: cst.FunctionDef, param: str, depth: int) -> Aliases | str:
    name = fn.name.value
    position, declared = _param_index(fn, param)
    if declared is None:
        return f"parameter {param}"
    if depth > _MAX_DEPTH:
        return f"parameter {param} (callers too deep to follow)"
    qual = f"{module}.{name}"

    def find(owner: "Interpreter", caller_module: str) -> tuple[str | None, list]:
        escape, found = _references(owner, qual, name, caller_module == module)
        return (f"{name}() {escape}" if escape else None), [(call, scope, position, None) for call, scope in found]

    return _join_callers(interp, {name}, f"{name}()", param, declared, depth, find, f"{name}() has no caller in the project")


def _join_callers(interp: "Interpreter", names: set[str], shown: str, param: str, declared: cst.Param, depth: int,
                  find: Callable[["Interpreter", str], tuple[str | None, list]], uncalled: str) -> Aliases | str:
    """The union of what every call found passes for `param`, over the modules whose units name
    one of `names`; `find(owner, module)` gives a module's first escape (a reason) or its calls
    as (call, enclosing function, argument position, enclosing class). A reason when a module
    cannot be read, too many name it, a call passes a value not known, or none calls (`uncalled`)."""
    from mdblint.project.index import all_units
    units = all_units(interp.ctx.project)
    candidates = sorted(m for m, us in units.items() if any(n in u.names for u in us for n in names))
    if len(candidates) > _MAX_CALLER_MODULES:
        return f"parameter {param} ({shown} is named in too many modules to follow)"
    home = interp.ctx.names.module or _OUTSIDE
    if home not in interp.ctx.project.modules:
        # A file outside the project's modules (a fixture, a script): no module of the project
        # imports it, so its own calls are added to those the project's modules make.
        candidates.append(home)
    result: Aliases | None = None
    calls = 0
    for caller_module in candidates:
        owner = interp if caller_module == home and home not in interp.ctx.project.modules \
            else interp.services.module_interpreter(caller_module)
        if owner is None or owner.module is None:
            return f"parameter {param} (module {caller_module} not read)"
        escape, found = find(owner, caller_module)
        if escape is not None:
            return f"parameter {param} ({escape})"
        for call, scope, at, klass in found:
            calls += 1
            tagged = _passed(interp, owner, call, scope, at, param, declared, depth, klass)
            if isinstance(tagged, str):
                return tagged
            result = tagged if result is None else result.join(tagged)
    if not calls:
        return f"parameter {param} ({uncalled})"
    return result if result is not None else f"parameter {param}"


def _passed(interp: "Interpreter", owner: "Interpreter", call: cst.Call, scope: cst.CSTNode | None,
            at: int | None, param: str, declared: cst.Param, depth: int,
            klass: cst.ClassDef | None = None) -> Aliases | str:
    """What one call passes for `param` (its argument at `at` or by keyword, else the default),
    each alias tagged with the call's place; a reason when that is not known."""
    value = _argument(owner, call, scope, at, param, declared, interp, klass)
    if isinstance(value, Param):
        inner = _relayed(owner, scope, value.name, depth)
        if isinstance(inner, str):
            return f"parameter {param} ({inner})"
        aliases = inner
    elif isinstance(value, Str) and value.values.exact:
        aliases = relocate(value, owner.locate).values
    else:
        path, line = owner.locate(call)
        return f"parameter {param} (the call at {path}:{line} passes a value not known)"
    path, line = owner.locate(call)
    return Aliases(tuple((a, replace(s, how=f"{s.how} passed as {param} at {path}:{line}")) for a, s in aliases.known))


def _relayed(owner: "Interpreter", scope: cst.CSTNode | None, name: str, depth: int) -> Aliases | str:
    """What a caller passes on from its own parameter `name`: the union of its own callers
    (a module-level function, or a method of a module-level class); a reason otherwise."""
    caller = scope if isinstance(scope, cst.FunctionDef) else None
    if caller is None:
        return "passed on from a parameter mdblint does not follow"
    if owner.functions.get(caller.name.value) is caller:
        inner = parameter_aliases(owner, caller, name, depth + 1)
    else:
        cls = _owning_class(owner, caller)
        if cls is None:
            return "passed on from a parameter of a nested function"
        inner = constructor_parameter_aliases(owner, cls, caller, name, depth + 1) if caller.name.value == "__init__" \
            else method_parameter_aliases(owner, cls, caller, name, depth + 1)
    return f"a caller passes its {inner}" if isinstance(inner, str) else inner


def _owning_class(owner: "Interpreter", fn: cst.FunctionDef) -> cst.ClassDef | None:
    """The module-level class `fn` is a method of (defined directly in its body), if any."""
    for cls in owner.classes.values():
        body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
        if any(stmt is fn for stmt in body):
            return cls
    return None


def _argument(owner: "Interpreter", call: cst.Call, scope: cst.CSTNode | None, position: int | None, param: str,
              declared: cst.Param, callee: "Interpreter", klass: cst.ClassDef | None = None) -> Value:
    """What `call` passes for `param`: its argument, else the parameter's default."""
    expr = None
    for i, arg in enumerate(call.args):
        if arg.star:
            return Unknown("star arguments")
        if arg.keyword is not None:
            if arg.keyword.value == param:
                expr = arg.value
        elif position is not None and i == position:
            expr = arg.value
    if expr is None:
        if declared.default is None:
            return Unknown("no argument")
        return callee.eval(declared.default, callee.module_env)
    if isinstance(scope, cst.FunctionDef):
        return owner.probe_call(scope, call, expr, klass or _owning_class(owner, scope))
    return owner.eval(expr, owner.module_env)


def _references(owner: "Interpreter", qual: str, name: str, home: bool
                ) -> tuple[str | None, list[tuple[cst.Call, cst.CSTNode | None]]]:
    """The calls of function `qual` in `owner`'s module, each with its enclosing function, and
    the first use of it as a value (the escape: passed, stored, decorated, exported), read from
    the module's reference index (one walk per module, whatever the number of functions asked)."""
    index = owner.__dict__.get("_reference_index")
    if index is None:
        collector = _ReferenceIndex()
        visit(owner.module, collector)
        index = owner.__dict__["_reference_index"] = collector.events

    def refers(node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Name):
            return home or owner.ctx.names.qualname(node) == qual
        return owner.ctx.names.qualname(node) == qual   # an Attribute whose attr is `name`

    escape: str | None = None
    calls: list[tuple[cst.Call, cst.CSTNode | None]] = []
    for kind, node, scope in index.get(name, ()):
        if kind == _CALL:
            if refers(node.func):
                if scope is not None and escape is None and name in _local_names(scope):
                    escape = "is shadowed by a local name"
                calls.append((node, scope))
        elif kind == _USE:
            if escape is None and refers(node):
                path, line = owner.locate(node)
                escape = f"is used as a value at {path}:{line}"
        elif escape is None and home:
            escape = "is named in a string (exported or looked up by name)"
    return escape, calls


_CALL, _USE, _STRING = 0, 1, 2


class _ReferenceIndex(cst.CSTVisitor):
    """Every reference of a module by the name it ends in, in source order: calls (with their
    enclosing function), uses as a value (a name or attribute that is not called, defined,
    a parameter or a keyword) and string literals naming it."""

    def __init__(self) -> None:
        self.events: dict[str, list[tuple[int, Any, cst.CSTNode | None]]] = {}
        self.scopes: list[cst.CSTNode] = []
        self.callees: set[int] = set()

    def _add(self, name: str, kind: int, node: Any) -> None:
        self.events.setdefault(name, []).append((kind, node, self.scopes[-1] if self.scopes else None))

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.append(node)
        self.callees.add(id(node.name))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.callees.add(id(node.name))

    def visit_Param(self, node: cst.Param) -> None:
        self.callees.add(id(node.name))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.callees.add(id(node.keyword))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            self._add(func.value, _CALL, node)
        elif isinstance(func, cst.Attribute):
            self._add(func.attr.value, _CALL, node)
        else:
            return
        self.callees.add(id(func))

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) not in self.callees:
            self._add(node.value, _USE, node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.callees.add(id(node.attr))   # `x.name`: the attribute, judged as a whole
        if id(node) not in self.callees:
            self._add(node.attr.value, _USE, node)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._add(node.value.strip("\"'"), _STRING, node)


def _local_names(scope: cst.FunctionDef) -> frozenset[str]:
    from mdblint.analysis.walk import _bound_names
    return frozenset(_bound_names(scope))


# -- parameters of methods: what every call through the class hierarchy passes ----------------

_SIGNATURE_KEEPING = ("atomic",)   # decorators that call the method with its caller's arguments


def _method_kind(fn: cst.FunctionDef) -> str | None:
    """"plain", "static" or "class" (how a call's arguments map to its parameters); None when
    a decorator may change that (property, cached_property, a project decorator)."""
    kind = "plain"
    for d in fn.decorators:
        name = dotted(d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator) or ""
        if name == "staticmethod":
            kind = "static"
        elif name == "classmethod":
            kind = "class"
        elif name.rpartition(".")[2] not in _SIGNATURE_KEEPING:
            return None
    return kind


def method_parameter_aliases(interp: "Interpreter", cls: cst.ClassDef, fn: cst.FunctionDef, param: str,
                             depth: int = 0) -> Aliases | str:
    """The aliases parameter `param` of method `fn` of module-level class `cls` may hold: the
    union of what every call of a method of that name in the project passes (`self.m(...)`,
    `super().m(...)`, `Class.m(...)`, `obj.m(...)` on any receiver: a call whose receiver is not
    known is counted as one). A reason (str) when the method may be called from outside the
    project (a class of its hierarchy has a base outside it, or mdblint cannot read a base), is
    decorated, is used as a value or named in a string, or a caller passes a value not known."""
    module = interp.ctx.names.module or _OUTSIDE   # a file outside the project: its own calls
    if interp.services is None or interp.classes.get(cls.name.value) is not cls:
        return f"parameter {param}"
    return _traced(interp, ("method parameter", module, cls.name.value, fn.name.value, param), param, lambda: _method_callers_pass(interp, module, cls, fn, param, depth))


def _method_callers_pass(interp: "Interpreter", module: str, cls: cst.ClassDef, fn: cst.FunctionDef, param: str,
                         depth: int) -> Aliases | str:
    name = fn.name.value
    where = f"{cls.name.value}.{name}()"
    kind = _method_kind(fn)
    if kind is None:
        return f"parameter {param} ({where} is decorated)"
    if name.startswith("__") and name.endswith("__"):
        return f"parameter {param} ({where} is a special method Python calls)"
    position, declared = _param_index(fn, param)
    if declared is None:
        return f"parameter {param}"
    if kind != "static":
        if position == 0:
            return f"parameter {param}"
        position = position - 1 if position is not None else None
    if depth > _MAX_DEPTH:
        return f"parameter {param} (callers too deep to follow)"
    bases, _, _ = _hierarchy(interp, interp.ctx.project)
    family = class_family(f"{module}.{cls.name.value}", bases, {})
    if family is None:
        return f"parameter {param} (a base class of {cls.name.value} mdblint cannot read)"
    if family[1]:
        return f"parameter {param} ({where} is in a class with a base outside the project, which may call it)"
    named = _configured(interp.ctx.project, family[0], memo=interp.summaries.attributes)
    if named is not None:
        return f"parameter {param} ({where} is in class {named}, named in the settings: Django may call it)"
    def find(owner: "Interpreter", caller_module: str) -> tuple[str | None, list]:
        finder = _MethodReferences(owner, name)
        visit(owner.module, finder)
        if finder.escape is not None:
            return f"{where} {finder.escape}", []
        found = []
        for call, scope, klass, explicit_self in finder.calls:
            at = position
            if explicit_self and kind == "plain":
                at = position + 1 if position is not None else None   # `Class.m(obj, ...)`
            found.append((call, scope, at, klass))
        return None, found

    return _join_callers(interp, {name}, f"{name}()", param, declared, depth, find, f"{where} has no caller in the project")


def _setting_strings(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _setting_strings(v, out)
    elif isinstance(value, dict):
        for k, v in value.items():
            _setting_strings(k, out)
            _setting_strings(v, out)


def _configured(project: Any, family: set[str], memo: dict) -> str | None:
    """A class of `family` that a setting names by its dotted path (DATABASE_ROUTERS,
    MIDDLEWARE, backends: Django instantiates it and calls its methods), or any setting not
    read statically could: None when no setting names one."""
    strings = memo.get(("setting strings",))
    if strings is None:
        strings = memo[("setting strings",)] = set()
        for value in project.settings.constants.values():
            _setting_strings(value, strings)
        strings.update(project.settings.routers or ())
    for qual in sorted(family):
        short = qual.rpartition(".")[2]
        if qual in strings or any(s.endswith("." + short) for s in strings):
            return qual
    return None


class _MethodReferences(cst.CSTVisitor):
    """Every call `<receiver>.<name>(...)` in one module, with its enclosing function and that
    function's module-level class, and whether the receiver names a class (`Class.m(obj, ...)`
    passes self explicitly); the first other use of `.<name>` or a string equal to it (`escape`)."""

    def __init__(self, owner: "Interpreter", name: str) -> None:
        self.owner, self.name = owner, name
        self.calls: list[tuple[cst.Call, cst.CSTNode | None, cst.ClassDef | None, bool]] = []
        self.escape: str | None = None
        self.scopes: list[tuple[cst.FunctionDef, cst.ClassDef | None]] = []
        self.classes: list[cst.ClassDef] = []
        self.funcs: set[int] = set()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        top = self.classes[-1] if len(self.classes) == 1 and not self.scopes \
            and self.owner.classes.get(self.classes[-1].name.value) is self.classes[-1] else None
        self.scopes.append((node, top))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == self.name:
            self.funcs.add(id(func))
            scope, klass = self.scopes[-1] if self.scopes else (None, None)
            explicit = isinstance(func.value, (cst.Name, cst.Attribute)) \
                and self.owner.find_class(func.value) is not None
            self.calls.append((node, scope, klass, explicit))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == self.name and id(node) not in self.funcs and self.escape is None:
            path, line = self.owner.locate(node)
            self.escape = f"is used as a value at {path}:{line}"

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if self.escape is None and node.value.strip("\"'") == self.name:
            path, line = self.owner.locate(node)
            self.escape = f"is named in a string at {path}:{line}"

    def visit_Name(self, node: cst.Name) -> None:
        # `handler = name` in a class body (the method as a value); the def's own name is not a use.
        if node.value == self.name and self.classes and not self.scopes and self.escape is None \
                and not any(isinstance(s, cst.FunctionDef) and s.name is node for s in self.classes[-1].body.body):
            path, line = self.owner.locate(node)
            self.escape = f"is used as a value at {path}:{line}"


# -- management-command options ---------------------------------------------------------------

_COMMAND_BASES = ("django.core.management.base.", "django.core.management.")


def _is_command(interp: "Interpreter", cls: cst.ClassDef, memo: dict) -> bool:
    """Is `cls` (a module-level class of `interp`'s module) a management command: it or a project
    ancestor derives from one of django.core.management's command classes?"""
    project = interp.ctx.project
    bases, _, _ = _hierarchy(interp, project)
    module = interp.ctx.names.module or _OUTSIDE
    seen, todo = set(), [f"{module}.{cls.name.value}"]
    for base in cls.bases:
        name = interp.ctx.names.qualname(base.value) or ""
        if name.startswith(_COMMAND_BASES) and name.endswith("Command"):
            return True
    while todo:
        for parent in bases.get(todo.pop(), ()):
            if parent.startswith(_COMMAND_BASES) and parent.endswith("Command"):
                return True
            if parent in bases and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return False


def _option_dest(call: cst.Call) -> str | None:
    """The `dest` of `parser.add_argument(...)`: given, or its first long option (dashes as
    underscores), or its positional name."""
    names = [string_value(a.value) for a in call.args if a.keyword is None]
    for a in call.args:
        if a.keyword is not None and a.keyword.value == "dest":
            return string_value(a.value)
    if not names or any(n is None for n in names):
        return None
    longs = [n for n in names if n.startswith("--")]
    chosen = longs[0][2:] if longs else names[0].lstrip("-")
    return chosen.replace("-", "_")


def string_value(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    return None


def command_option(interp: "Interpreter", fn: cst.FunctionDef | None, cls: cst.ClassDef | None, options: str,
                   key: str, node: cst.CSTNode) -> Value | None:
    """`options[key]` (or `options.get(key)`) in `handle(self, *args, **options)` of a management
    command: the option's default in its `add_arguments` (a command run without it), or any
    alias DATABASES defines (a value given on the command line or to call_command() must be one
    for a query to run); its `choices` when it lists them. None: not a command's options."""
    if fn is None or cls is None or fn.name.value != "handle" or fn.params.star_kwarg is None \
            or not isinstance(fn.params.star_kwarg, cst.Param) or fn.params.star_kwarg.name.value != options:
        return None
    memo = interp.summaries.attributes
    if interp.classes.get(cls.name.value) is not cls or not _is_command(interp, cls, memo):
        return None
    found = _find_option(interp, cls, key)
    text = f'{options}["{key}"]'
    if found is None:
        return Unknown(f"command option {text} (no add_argument() for it in the command)")
    owner, call = found
    default = choices = None
    action = None
    for a in call.args:
        if a.keyword is None:
            continue
        if a.keyword.value == "default":
            default = a.value
        elif a.keyword.value == "choices":
            choices = a.value
        elif a.keyword.value == "action":
            action = string_value(a.value)
    if action not in (None, "store"):
        return Unknown(f"command option {text} (action {action!r})")
    path, line = owner.locate(call)
    result = Aliases()
    if default is not None:
        value = owner.eval(default, owner.module_env)
        if not isinstance(value, Str) or not value.values.exact:
            return Unknown(f"command option {text} (its default is not known)")
        result = result.join(Aliases(tuple((a, replace(s, how=f"{s.how}: the default of option {key} in add_arguments()"))
                                           for a, s in relocate(value, owner.locate).values.known)))
    required = any(a.keyword is not None and a.keyword.value == "required" and isinstance(a.value, cst.Name)
                   and a.value.value == "True" for a in call.args)
    positional = any(a.keyword is None and (string_value(a.value) or "-")[0] != "-" for a in call.args)
    if default is None and choices is None and not (required or positional):
        return Unknown(f"command option {text} (None when omitted: its routers or Django's default choose)")
    if choices is not None:
        if not isinstance(choices, (cst.List, cst.Tuple)):
            return Unknown(f"command option {text} (its choices are not known)")
        for element in choices.elements:
            value = owner.eval(element.value, owner.module_env)
            if not isinstance(value, Str) or not value.values.exact:
                return Unknown(f"command option {text} (its choices are not known)")
            result = result.join(Aliases(tuple((a, replace(s, how=f"{s.how}: a choice of option {key}"))
                                               for a, s in relocate(value, owner.locate).values.known)))
        return Str(result)
    databases = interp.ctx.project.settings.databases
    if databases is None:
        return Unknown(f"command option {text} (given on the command line; DATABASES is not known)")
    source = Source(f"command option --{key} (given on the command line: a DATABASES alias)", None, path, line)
    for alias in sorted(databases):
        result = result.join(Aliases.of(alias, source))
    return Str(result)


def _find_option(interp: "Interpreter", cls: cst.ClassDef, key: str) -> tuple["Interpreter", cst.Call] | None:
    """The `add_argument(...)` call whose dest is `key` in the `add_arguments` of `cls` or of a
    project ancestor (the first class up the hierarchy that has one)."""
    todo: list[tuple[Interpreter, cst.ClassDef]] = [(interp, cls)]
    seen: set[int] = set()
    while todo:
        owner, klass = todo.pop(0)
        if id(klass) in seen:
            continue
        seen.add(id(klass))
        body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
        for stmt in body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "add_arguments":
                for node in _walk(stmt):
                    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                            and node.func.attr.value == "add_argument" and _option_dest(node) == key:
                        return owner, node
        for base in klass.bases:
            found = owner.find_class(base.value)
            if found is not None:
                todo.append(found)
    return None


# -- parameters of __init__: what every construction of the class passes -----------------------

def constructor_parameter_aliases(interp: "Interpreter", cls: cst.ClassDef, fn: cst.FunctionDef, param: str,
                                  depth: int = 0) -> Aliases | str:
    """The aliases parameter `param` of `cls.__init__` may hold: the union of what every
    construction passes (`Cls(...)` and `Sub(...)` of a subclass that does not define __init__,
    `cls(...)` in a classmethod of them, `super().__init__(...)` or `Cls.__init__(self, ...)` in a
    subclass's __init__, followed through that one's own parameters). A reason (str) when a class
    of the hierarchy has a base outside the project or is named in the settings, or one of those
    classes is used as a value (passed, stored, returned) or named in a string."""
    module = interp.ctx.names.module or _OUTSIDE   # a file outside the project: its own constructions
    if interp.services is None or interp.classes.get(cls.name.value) is not cls:
        return f"parameter {param}"
    return _traced(interp, ("constructor parameter", module, cls.name.value, param), param, lambda: _constructions_pass(interp, module, cls, fn, param, depth))


def _defines(owner: "Interpreter", qual: str, name: str) -> bool | None:
    module, _, cls_name = qual.rpartition(".")
    other = owner if (owner.ctx.names.module or _OUTSIDE) == module else owner.services.module_interpreter(module)
    cls = other.classes.get(cls_name) if other is not None else None
    if cls is None:
        return None
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return any(isinstance(s, cst.FunctionDef) and s.name.value == name for s in body)


def _constructions_pass(interp: "Interpreter", module: str, cls: cst.ClassDef, fn: cst.FunctionDef, param: str,
                        depth: int) -> Aliases | str:
    where = f"{cls.name.value}.__init__()"
    position, declared = _param_index(fn, param)
    if declared is None or position == 0:
        return f"parameter {param}"
    position = position - 1 if position is not None else None
    if depth > _MAX_DEPTH:
        return f"parameter {param} (callers too deep to follow)"
    qual = f"{module}.{cls.name.value}"
    bases, _, _ = _hierarchy(interp, interp.ctx.project)
    family = class_family(qual, bases, {})
    if family is None:
        return f"parameter {param} (a base class of {cls.name.value} mdblint cannot read)"
    if family[1]:
        return f"parameter {param} ({where} is in a class with a base outside the project, which may construct it)"
    named = _configured(interp.ctx.project, family[0], memo=interp.summaries.attributes)
    if named is not None:
        return f"parameter {param} ({where} is in class {named}, named in the settings: Django may construct it)"
    # The classes whose construction runs this __init__: it and the subclasses inheriting it;
    # the subclasses overriding it reach it through super().__init__ (or Cls.__init__(self, ...)).
    below: dict[str, bool] = {}
    children = {}
    for c, parents in bases.items():
        for p in parents:
            children.setdefault(p, set()).add(c)
    todo = [qual]
    constructs = {qual}
    overriding: set[str] = set()
    while todo:
        for child in sorted(children.get(todo.pop(), ())):
            if child in below:
                continue
            own = _defines(interp, child, "__init__")
            if own is None:
                return f"parameter {param} (class {child} not read)"
            below[child] = own
            if own:
                overriding.add(child)
            else:
                constructs.add(child)
                todo.append(child)
    names = {q.rpartition(".")[2] for q in constructs | overriding}

    def find(owner: "Interpreter", caller_module: str) -> tuple[str | None, list]:
        finder = _Constructions(owner, constructs, overriding, qual)
        visit(owner.module, finder)
        if finder.escape is not None:
            return finder.escape, []
        return None, [(call, scope, position + 1 if explicit_self and position is not None else position, klass)
                      for call, scope, klass, explicit_self in finder.calls]

    return _join_callers(interp, names, cls.name.value, param, declared, depth, find, f"{cls.name.value} is not constructed in the project")


_TYPE_TESTS = frozenset({"isinstance", "issubclass"})


class _Constructions(cst.CSTVisitor):
    """The constructions of the classes `constructs` in one module (`C(...)`, `cls(...)` in their
    classmethods, and `super().__init__(...)` / `C.__init__(self, ...)` in the __init__ of a class
    of `overriding`), each with its enclosing function and that one's module-level class; the
    first other use of one of those classes (`escape`), class statements' bases, annotations,
    isinstance()/issubclass() and `except` clauses aside."""

    def __init__(self, owner: "Interpreter", constructs: set[str], overriding: set[str], home: str) -> None:
        self.owner, self.constructs, self.overriding, self.home = owner, constructs, overriding, home
        self.short = {q.rpartition(".")[2] for q in constructs | overriding}
        self.calls: list[tuple[cst.Call, cst.CSTNode | None, cst.ClassDef | None, bool]] = []
        self.escape: str | None = None
        self.scopes: list[tuple[cst.FunctionDef, cst.ClassDef | None]] = []
        self.classes: list[cst.ClassDef] = []
        self.seen: set[int] = set()
        self.module = owner.ctx.names.module or _OUTSIDE

    def _qual(self, node: cst.CSTNode) -> str | None:
        if isinstance(node, cst.Name) and node.value in self.owner.classes:
            return f"{self.module}.{node.value}"
        if isinstance(node, (cst.Name, cst.Attribute)):
            return self.owner.ctx.names.qualname(node)
        return None

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.classes.append(node)
        visit(node.body, self)
        for d in node.decorators:
            visit(d, self)
        self.classes.pop()
        return False

    def visit_Annotation(self, node: cst.Annotation) -> bool:
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.type is not None:
            self.seen.update(id(n) for n in _walk(node.type))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        top = self.classes[-1] if len(self.classes) == 1 and not self.scopes \
            and self.owner.classes.get(self.classes[-1].name.value) is self.classes[-1] else None
        self.scopes.append((node, top))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def _current_class(self) -> str | None:
        scope = self.scopes[-1] if self.scopes else None
        return f"{self.module}.{scope[1].name.value}" if scope is not None and scope[1] is not None else None

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        scope, klass = self.scopes[-1] if self.scopes else (None, None)
        if isinstance(func, cst.Name) and func.value in _TYPE_TESTS and len(node.args) == 2:
            self.seen.update(id(n) for n in _walk(node.args[1].value))
            return
        if self._qual(func) in self.constructs:
            self.seen.add(id(func))
            self.calls.append((node, scope, klass, False))
            return
        if self._qual(func) in self.overriding:   # runs its own __init__ (seen at its super().__init__)
            self.seen.add(id(func))
            return
        current = self._current_class()
        if isinstance(func, cst.Name) and func.value == "cls" and current in self.constructs:
            self.calls.append((node, scope, klass, False))   # `cls(...)` in a classmethod
            return
        if isinstance(func, cst.Attribute) and func.attr.value == "__init__" and scope is not None \
                and scope.name.value == "__init__" and current in self.overriding:
            receiver = func.value
            if isinstance(receiver, cst.Call) and dotted(receiver.func) == "super" and not receiver.args \
                    and set(_parents_of(self.owner, current)) & self.constructs:
                self.calls.append((node, scope, klass, False))
            elif self._qual(receiver) == self.home:
                self.seen.add(id(receiver))
                self.calls.append((node, scope, klass, True))

    def _use(self, node: cst.CSTNode) -> None:
        if self.escape is None and id(node) not in self.seen and self._qual(node) in self.constructs | self.overriding:
            path, line = self.owner.locate(node)
            self.escape = f"class {self._qual(node)} is used as a value at {path}:{line}"

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.short:
            self._use(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.seen.add(id(node.attr))
        if node.attr.value in self.short:
            self._use(node)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if self.escape is None and node.value.strip("\"'").rpartition(".")[2] in self.short:
            path, line = self.owner.locate(node)
            self.escape = f"class {node.value.strip(chr(34) + chr(39))} is named in a string at {path}:{line}"


def _parents_of(owner: "Interpreter", qual: str | None) -> tuple[str, ...]:
    """The direct bases of `qual` (super() in its __init__ reaches the first that has one)."""
    if qual is None:
        return ()
    bases, _, _ = _hierarchy(owner, owner.ctx.project)
    return bases.get(qual, ())
