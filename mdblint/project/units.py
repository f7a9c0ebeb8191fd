"""Per-unit facts of one module, read with stdlib `ast` while the index summarizes it.

A *unit* is what the checker analyses on its own: a module-level function, a method of a
module-level class (nested classes included), or the module's remaining top-level code. For
each, the index keeps the few facts the check gate (mdblint/gate.py) needs to decide, without
libcst, whether the unit can produce a finding: the names it mentions, whether it loops, and
whether it passes an alias positionally to a transaction function. It also keeps, per module,
the facts that cross-module analysis used to re-read files for: string constants, which
functions are worth a summary, and the method names of manager/queryset classes.

Everything here is graph-independent plain data: what depends on the models (which names are
models, which relation names exist) is decided later, from these facts and the graph.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field

# Tokens that make a function worth a summary (it may bind an alias, or open a block: `atomic`
# also matches wrappers such as traced_atomic_transaction(); `get_connection(` returns a
# connection whose `.alias` is one); the same text test as before. The first three bind an alias.
_RELATED_WRITES = frozenset({"add", "set", "remove", "aadd", "aset", "aremove"})
SUMMARY_TOKENS = ("using", "db_manager", "connections[", "atomic", "select_for_update(", "get_connection(")
# django.db.transaction functions and the position of their `using` argument.
TRANSACTION_USING = {
    "atomic": 0, "savepoint": 0, "clean_savepoints": 0, "get_rollback": 0, "get_autocommit": 0,
    "commit": 0, "rollback": 0, "get_connection": 0, "mark_for_rollback_on_error": 0,
    "non_atomic_requests": 0, "on_commit": 1, "savepoint_commit": 1, "savepoint_rollback": 1,
    "set_rollback": 1, "set_autocommit": 1,
}
# Names too common to matter to the gate: never a model, a manager, an alias or a project helper.
# Put among the names of a unit that holds an `async def` (itself or nested): the sync ORM raises
# there (MDB307), with or without a loop (gate.py). Not an identifier: it cannot clash with one.
ASYNC_MARK = "async def"
_STOP = frozenset({"self", "cls", "None", "True", "False", "str", "int", "len", "print", "isinstance",
                   "dict", "list", "set", "tuple", "range", "super", "getattr", "hasattr", "bool", "float"})


@dataclass(frozen=True)
class Unit:
    kind: str                      # "function" | "method" | "module"
    name: str                      # function or method name ("" for the module's top-level code)
    cls: str | None                # the class a method is defined in (innermost), None otherwise
    start: int                     # first line (its first decorator)
    body: int                      # first line of its body (0: not blankable)
    end: int                       # last line
    names: tuple[str, ...]         # identifiers it mentions: names, attributes, keywords, imports
    loops: bool                    # a for loop or a comprehension
    positional_alias: bool         # a transaction function given its alias positionally
    imports: tuple[tuple[str, str], ...] = ()   # function-level imports: (local name, qualified name)
    # The module unit only: each name module code binds, with the names its statement mentions.
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # What its loops iterate, followed back through the unit's own bindings (flow-insensitive):
    # every name an iterable may come from. A loop can be over rows only if one of them is ORM-ish.
    loop_sources: tuple[str, ...] = ()
    self_name: str | None = None      # a method's first parameter (`self` in a model's method)
    # The module unit only: class-level simple statements that hold no alias (first, last line).
    # The interpreter never runs class bodies; only MDB501 reads them, and only for an alias.
    class_statements: tuple[tuple[int, int], ...] = ()
    # The module unit only: every name called bare, `name(...)`, anywhere in the module.
    called: tuple[str, ...] = ()


@dataclass(frozen=True)
class FunctionFacts:
    """One `def` (any depth) for `worth_summarizing`: its text holds SUMMARY_TOKENS, and which
    attributes of its parameters it assigns (a relation attribute makes it worth a summary)."""
    tokens: bool
    param_attrs: tuple[str, ...]
    alias: bool = False               # it may bind an alias itself: using/db_manager/connections[, or
                                      # a transaction function given one positionally
    calls: tuple[str, ...] = ()       # the names it calls (bare or as a method), when worth a summary


@dataclass
class ModuleFacts:
    units: tuple[Unit, ...] = ()
    string_constants: dict[str, tuple[str, int]] = field(default_factory=dict)   # NAME -> (value, line)
    functions: dict[str, tuple[FunctionFacts, ...]] = field(default_factory=dict)  # by bare name
    queryset_methods: tuple[str, ...] = ()    # methods of classes deriving from ...Manager/...QuerySet
    alias_tokens: bool = False                # the text holds "using" or "db_manager"
    # Attribute names this module assigns on something other than a method's own `self`/`cls`
    # (`loader.db = ...`, `setattr(obj, "db", ...)`): set from outside their class.
    outside_attrs: tuple[str, ...] = ()
    # Per class name: the attributes its methods assign on their own `self` (`self.db = ...`).
    self_attrs: dict[str, tuple[str, ...]] = field(default_factory=dict)


def module_facts(tree: ast.Module, text: str) -> ModuleFacts:
    lines = text.splitlines(keepends=True)
    facts = ModuleFacts()
    facts.alias_tokens = "using" in text or "db_manager" in text
    facts.string_constants = _string_constants(tree)
    functions = _Functions(lines, text)
    units: list[Unit] = []
    _collect_units(tree.body, None, (), units, functions)
    module_nodes = _module_level_nodes(tree.body, functions.classes)
    names, loops, positional, imports = _scan(module_nodes, functions)
    facts.functions = functions.result()
    facts.queryset_methods = _queryset_class_methods(functions.classes, text)
    statements: list[tuple[int, int]] = []
    _class_statements(tree.body, False, statements, lines)
    units.append(Unit("module", "", None, 1, 0, len(lines), names, loops, positional, imports,
                      values=_module_values(tree.body), class_statements=tuple(statements),
                      called=tuple(sorted(functions.called)),
                      loop_sources=_loop_sources(module_nodes) if loops else ()))
    facts.units = tuple(units)
    if "=" in text or "setattr" in text:
        facts.outside_attrs, facts.self_attrs = _attribute_stores(tree, "setattr" in text)
    return facts


_BLOCKS = (ast.stmt, ast.excepthandler, ast.match_case)


def _attribute_stores(tree: ast.Module, setattr_calls: bool = True
                      ) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Attribute names assigned on a receiver that is not the enclosing method's first parameter
    (or `self`/`cls`): `obj.x = v`, `obj.x += v`, `setattr(obj, "x", v)`, at any depth; and per
    class name, those its methods assign on their own `self`.

    Assignments are statements, so the walk goes through statements only; expressions are
    searched (for `setattr(...)` calls) only when the module's text names setattr."""
    found: set[str] = set()
    own_stores: dict[str, set[str]] = {}
    todo: list[tuple[ast.AST, frozenset[str], str | None]] = [(tree, frozenset(), None)]
    while todo:
        node, own, cls = todo.pop()
        kind = type(node)
        if kind is ast.ClassDef:
            stores = own_stores.setdefault(node.name, set())
            for stmt in node.body:
                if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    # names the class body binds, under if/try/for too
                    stores.update(n.id for n in ast.walk(stmt) if type(n) is ast.Name and isinstance(n.ctx, ast.Store))
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    params = (*stmt.args.posonlyargs, *stmt.args.args)
                    first = frozenset({params[0].arg}) if params else frozenset()
                    todo.append((stmt, first | {"self", "cls"}, node.name))
                else:
                    todo.append((stmt, own, cls))
            continue
        stored: list[tuple[ast.AST, str]] = []
        if kind in (ast.Assign, ast.AnnAssign, ast.AugAssign):
            targets = node.targets if kind is ast.Assign else [node.target]
            stored = [(t.value, t.attr) for target in targets for t in ast.walk(target)
                      if type(t) is ast.Attribute and isinstance(t.ctx, ast.Store)]
        own_here = own | {"self", "cls"} if own else own
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _BLOCKS):
                todo.append((child, own_here, cls))
            elif setattr_calls:
                # An expression holds no statement: only its setattr() calls store attributes.
                stored.extend(_setattr_stores(child))
        for receiver, attr in stored:
            if type(receiver) is ast.Name and receiver.id in own:
                if cls is not None:
                    own_stores[cls].add(attr)
            else:
                found.add(attr)
    return (tuple(sorted(map(sys.intern, found))),
            {c: tuple(sorted(map(sys.intern, a))) for c, a in own_stores.items() if a})


def _setattr_stores(expr: ast.AST) -> list[tuple[ast.AST, str]]:
    """(receiver, attribute) of every `setattr(obj, "x", v)` call in an expression."""
    return [(node.args[0], node.args[1].value) for node in ast.walk(expr)
            if type(node) is ast.Call and type(node.func) is ast.Name and node.func.id == "setattr"
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)]


def _collect_units(body: list[ast.stmt], cls: str | None, inherited: tuple[ast.AST, ...],
                   units: list[Unit], functions: _Functions) -> None:
    """Functions and methods, as mdblint.analysis.flow._functions finds them (module-level
    blocks of if/try/with are descended; a function's nested defs belong to it)."""
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = stmt.decorator_list[0].lineno if stmt.decorator_list else stmt.lineno
            first = _first_line(stmt.body[0]) if stmt.body else 0
            header_end = first or stmt.lineno
            # A body that starts on the def's own line cannot be blanked line by line.
            blankable = first if first > stmt.lineno and first > _header_last_line(stmt) else 0
            names, loops, positional, imports = _scan([stmt], functions)
            if inherited:
                extra, _, extra_positional, _ = _scan(list(inherited))
                names, positional = tuple(sorted({*names, *extra})), positional or extra_positional
            params = (*stmt.args.posonlyargs, *stmt.args.args)
            units.append(Unit("method" if cls else "function", stmt.name, cls, start, blankable,
                              stmt.end_lineno or header_end, names, loops, positional, imports,
                              loop_sources=_loop_sources([stmt]) if loops else (),
                              self_name=params[0].arg if cls and params else None))
        elif isinstance(stmt, ast.ClassDef):
            # A class's decorators (override_settings) apply to every method.
            _collect_units(stmt.body, stmt.name, (*inherited, *stmt.decorator_list), units, functions)
        elif isinstance(stmt, (ast.If, ast.Try, ast.With, ast.AsyncWith)) or type(stmt).__name__ == "TryStar":
            # As flow._functions: the bodies of if/try/with blocks, in modules and class bodies.
            blocks = [stmt.body, getattr(stmt, "orelse", []), getattr(stmt, "finalbody", [])]
            for block in blocks:
                _collect_units(block, cls, inherited, units, functions)


def _first_line(stmt: ast.stmt) -> int:
    """A statement's first line: its first decorator's, for a decorated def or class."""
    decorators = getattr(stmt, "decorator_list", None)
    return min(stmt.lineno, *(d.lineno for d in decorators)) if decorators else stmt.lineno


def _header_last_line(fn: ast.AST) -> int:
    """The last line of a def's header: its arguments, return annotation (the colon follows)."""
    last = fn.lineno
    for node in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs, fn.args.vararg, fn.args.kwarg,
                 *fn.args.defaults, *(d for d in fn.args.kw_defaults if d is not None), fn.returns):
        if node is not None:
            last = max(last, getattr(node, "end_lineno", last) or last)
    return last


_KEEP_WORDS = ("using", "db_manager", "connections", *TRANSACTION_USING)


def _class_statements(body: list[ast.stmt], in_class: bool, out: list[tuple[int, int]], lines: list[str],
                      header: int = 0) -> None:
    """Simple statements of class bodies (nested classes too) that can be blanked: no alias in
    them, and no other statement on their lines."""
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.ClassDef):
            header_end = max([stmt.lineno, *(n.end_lineno or n.lineno for n in (*stmt.bases, *stmt.keywords))])
            _class_statements(stmt.body, True, out, lines, header_end)
            continue
        if not in_class or isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) or hasattr(stmt, "body"):
            if not in_class and isinstance(stmt, (ast.If, ast.Try, ast.With, ast.AsyncWith)):
                for part in ("body", "orelse", "finalbody"):
                    _class_statements(getattr(stmt, part, []), False, out, lines, header)
            continue
        end = stmt.end_lineno or stmt.lineno
        if i and (body[i - 1].end_lineno or 0) >= stmt.lineno or i + 1 < len(body) and body[i + 1].lineno <= end:
            continue
        if stmt.lineno <= header:
            continue   # on the class's own line: `class A: x = 1`
        text = "".join(lines[stmt.lineno - 1:end])
        if any(word in text for word in _KEEP_WORDS):
            continue   # an alias, or a transaction function that may be given one (a superset, by text)
        out.append((stmt.lineno, end))


def _module_values(body: list[ast.stmt]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What module-level code binds to a name (the interpreter's module environment): each name
    with the names its statement mentions. Imports, defs and class bodies are not values."""
    out: dict[str, set[str]] = {}
    for stmt in body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(stmt, (ast.If, ast.Try, ast.With, ast.AsyncWith)) or type(stmt).__name__ == "TryStar":
            blocks = [getattr(stmt, part, []) for part in ("body", "orelse", "finalbody")]
            blocks += [handler.body for handler in getattr(stmt, "handlers", [])]
            for block in blocks:
                for name, mentioned in _module_values(block):
                    out.setdefault(name, set()).update(mentioned)
            if not isinstance(stmt, (ast.With, ast.AsyncWith)):
                continue
        bound = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        if bound:
            mentioned = set(_scan([stmt])[0])
            for name in bound:
                out.setdefault(name, set()).update(mentioned)
    return tuple((name, tuple(sorted(m))) for name, m in sorted(out.items()))


def _module_level_nodes(body: list[ast.stmt], classes: list[ast.ClassDef]) -> list[ast.AST]:
    """What the module's own unit holds: its statements without the function and method bodies
    (a class's header, decorators and class-level statements stay)."""
    out: list[ast.AST] = []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out += [*stmt.decorator_list, stmt.args]
            if stmt.returns is not None:
                out.append(stmt.returns)
        elif isinstance(stmt, ast.ClassDef):
            classes.append(stmt)   # its node is not scanned: only its parts are
            out += [*stmt.decorator_list, *stmt.bases, *stmt.keywords]
            out += _module_level_nodes(stmt.body, classes)
        elif isinstance(stmt, (ast.If, ast.Try, ast.With, ast.AsyncWith)) or type(stmt).__name__ == "TryStar":
            for part in ("test", "items", "handlers"):
                value = getattr(stmt, part, None)
                if isinstance(value, list):
                    out += value
                elif value is not None:
                    out.append(value)
            for part in ("body", "orelse", "finalbody"):
                out += _module_level_nodes(getattr(stmt, part, []), classes)
        else:
            out.append(stmt)
    return out


def _scan(nodes: list[ast.AST], functions: "_Functions | None" = None
          ) -> tuple[tuple[str, ...], bool, bool, tuple[tuple[str, str], ...]]:
    """The names these nodes mention, whether they loop, whether a transaction function gets its
    alias positionally, and their imports; with `functions`, every def and class met is recorded
    there too (each node of a module is scanned with it exactly once)."""
    names: set[str] = set()
    loops = positional = False
    imports: list[tuple[str, str]] = []
    frames = functions.frames if functions is not None else None
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if node is _DONE:
            functions.done(frames.pop())
            continue
        kind = type(node)
        if kind is ast.Name:
            names.add(node.id)
            continue
        if kind is ast.Attribute:
            names.add(node.attr)
        elif kind is ast.keyword:
            if node.arg:
                names.add(node.arg)
        elif kind is ast.Call:
            func = node.func
            callee = func.id if type(func) is ast.Name else func.attr if type(func) is ast.Attribute else None
            if functions is not None and type(func) is ast.Name:
                functions.called.add(func.id)
            position = TRANSACTION_USING.get(callee) if callee else None
            if position is not None and len(node.args) > position:
                positional = True
            if _keyed_iterable(node) is not None:   # sorted(rows, key=f), map(f, rows): f runs per row
                loops = True
            if frames and callee is not None:
                # `param.rel.add(x)`: a relation of a parameter, written (a summary replays it at calls)
                related = func.value.attr if callee in _RELATED_WRITES and type(func) is ast.Attribute \
                    and type(func.value) is ast.Attribute and type(func.value.value) is ast.Name else None
                for frame in frames:
                    frame.calls.add(callee)
                    if position is not None and len(node.args) > position:
                        frame.positional = True
                    if related is not None and func.value.value.id in frame.params:
                        frame.attrs.add(related)
        elif kind is ast.Assign:
            if frames:
                for target in node.targets:
                    if type(target) is ast.Attribute and type(target.value) is ast.Name:
                        for frame in frames:
                            if target.value.id in frame.params:
                                frame.attrs.add(target.attr)
        elif kind in (ast.For, ast.AsyncFor, ast.comprehension):
            loops = True
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef):
            names.add(node.name)
            if kind is ast.AsyncFunctionDef:
                names.add(ASYNC_MARK)
            if functions is not None and functions.wanted:
                frames.append(_Frame(node))
                todo.append(_DONE)
        elif kind is ast.ClassDef:
            names.add(node.name)
            if functions is not None:
                functions.classes.append(node)
        elif kind is ast.Import:
            for alias in node.names:
                local = alias.asname or alias.name.partition(".")[0]
                names.add(local)
                imports.append((local, alias.name if alias.asname else local))
            continue
        elif kind is ast.ImportFrom:
            # Relative imports are resolved by the gate against the module's package.
            base = "." * (node.level or 0) + (node.module or "")
            for alias in node.names:
                local = alias.asname or alias.name
                names.update((local, alias.name))
                imports.append((local, f"{base}.{alias.name}" if node.module else f"{base}{alias.name}"))
            continue
        todo.extend(ast.iter_child_nodes(node))
    return tuple(sorted(map(sys.intern, names - _STOP))), loops, positional, tuple(imports)


def _keyed_iterable(node: ast.Call) -> ast.AST | None:
    """The iterable of `sorted/min/max(it, key=f)` or `map/filter(f, it)`: a loop running `f` per item."""
    func = node.func
    name = func.id if type(func) is ast.Name else None
    if name in ("sorted", "min", "max") and len(node.args) == 1 and any(k.arg == "key" for k in node.keywords):
        return node.args[0]
    if name in ("map", "filter") and len(node.args) == 2:
        return node.args[1]
    return None


def _loop_sources(nodes: list[ast.AST]) -> tuple[str, ...]:
    """The names the iterables of these nodes' loops may come from: the names each iterable
    mentions and, for a name bound here, what its bindings mention (assignments, loop targets,
    with-as, parameters' annotations and defaults, setattr, container appends), to a fixpoint."""
    flows: dict[str, set[str]] = {}
    sources: set[str] = set()

    def flow(target: ast.AST, value: ast.AST | None) -> None:
        if value is None:
            return
        mentioned = _mentioned(value)
        for root in _roots(target):
            flows.setdefault(root, set()).update(mentioned)

    for top in nodes:
        for node in ast.walk(top):
            kind = type(node)
            if kind is ast.Assign:
                for target in node.targets:
                    flow(target, node.value)
            elif kind in (ast.AnnAssign, ast.AugAssign, ast.NamedExpr):
                flow(node.target, node.value)
                if kind is ast.AnnAssign:
                    flow(node.target, node.annotation)
            elif kind in (ast.For, ast.AsyncFor, ast.comprehension):
                sources.update(_mentioned(node.iter))
                flow(node.target, node.iter)
            elif kind in (ast.With, ast.AsyncWith):
                for item in node.items:
                    if item.optional_vars is not None:
                        flow(item.optional_vars, item.context_expr)
            elif kind is ast.arguments:
                args = [*node.posonlyargs, *node.args]
                for arg, default in zip(args[len(args) - len(node.defaults):], node.defaults):
                    flows.setdefault(arg.arg, set()).update(_mentioned(default))
                for arg, default in zip(node.kwonlyargs, node.kw_defaults):
                    if default is not None:
                        flows.setdefault(arg.arg, set()).update(_mentioned(default))
                for arg in (*args, *node.kwonlyargs, node.vararg, node.kwarg):
                    if arg is not None and arg.annotation is not None:
                        flows.setdefault(arg.arg, set()).update(_mentioned(arg.annotation))
            elif kind is ast.Call:
                func = node.func
                keyed = _keyed_iterable(node)
                if keyed is not None:
                    sources.update(_mentioned(keyed))
                if type(func) is ast.Name and func.id == "setattr" and node.args:
                    for arg in node.args[1:]:
                        flow(node.args[0], arg)
                elif type(func) is ast.Attribute and func.attr in ("append", "extend", "add", "update",
                                                                    "insert", "setdefault", "appendleft"):
                    for arg in (*node.args, *(k.value for k in node.keywords)):
                        flow(func.value, arg)
    todo = list(sources)
    while todo:
        for name in flows.get(todo.pop(), ()):
            if name not in sources:
                sources.add(name)
                todo.append(name)
    return tuple(sorted(map(sys.intern, sources)))


def _mentioned(node: ast.AST) -> set[str]:
    out = set()
    for n in ast.walk(node):
        if type(n) is ast.Name:
            out.add(n.id)
        elif type(n) is ast.Attribute:
            out.add(n.attr)
    return out


def _roots(target: ast.AST) -> list[str]:
    """The names a binding target rebinds or mutates: `a`, `a.b`, `a[0]` -> a; tuples spread."""
    while isinstance(target, (ast.Attribute, ast.Subscript, ast.Starred)):
        target = target.value
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [r for e in target.elts for r in _roots(e)]
    return []


def _string_constants(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """Top-level names a module binds once, to a string literal: name -> (value, line)."""
    found: dict[str, tuple[str, int] | None] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name):
                value = getattr(node, "value", None)
                literal = value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
                found[target.id] = None if target.id in found or literal is None else (literal, node.lineno)
    return {k: v for k, v in found.items() if v is not None}


def _queryset_class_methods(classes: list[ast.ClassDef], text: str) -> tuple[str, ...]:
    """Names of methods defined on classes that derive from a ...Manager or ...QuerySet class."""
    if "Manager" not in text and "QuerySet" not in text:
        return ()
    names = set()
    for node in classes:
        if any((ast.unparse(b).split("(")[0].rsplit(".", 1)[-1]).endswith(("Manager", "QuerySet")) for b in node.bases):
            names |= {f.name for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return tuple(sorted(names))


class _Frame:
    __slots__ = ("node", "params", "attrs", "calls", "positional")

    def __init__(self, node: ast.AST) -> None:
        self.node = node
        self.params = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
        self.attrs: set[str] = set()
        self.calls: set[str] = set()
        self.positional = False


_DONE = object()


class _Functions:
    """Every def (any depth) by bare name, with whether its text holds SUMMARY_TOKENS and which
    attributes of its parameters it assigns (nested defs count for the enclosing ones too); and
    every class. A module whose text holds neither the tokens, " = " nor a related write (`.add(`)
    has no function facts."""

    def __init__(self, lines: list[str], text: str) -> None:
        self.lines = lines
        self.wanted = any(t in text for t in SUMMARY_TOKENS) or " = " in text or any(f".{m}(" in text for m in _RELATED_WRITES)
        self.table: dict[str, list[FunctionFacts]] = {}
        self.classes: list[ast.ClassDef] = []
        self.frames: list[_Frame] = []
        self.called: set[str] = set()   # every name called bare, `name(...)`, anywhere in the module

    def done(self, frame: "_Frame") -> None:
        fn = frame.node
        body = "".join(self.lines[fn.lineno - 1:fn.end_lineno])
        tokens = any(t in body for t in SUMMARY_TOKENS)
        if tokens or frame.attrs:
            alias = frame.positional or any(t in body for t in SUMMARY_TOKENS[:3])
            self.table.setdefault(fn.name, []).append(
                FunctionFacts(tokens, tuple(sorted(frame.attrs)), alias, tuple(sorted(frame.calls))))
        else:
            self.table.setdefault(fn.name, [])

    def result(self) -> dict[str, tuple[FunctionFacts, ...]]:
        return {k: tuple(v) for k, v in self.table.items()}


