"""One module's facts for the project index, read with stdlib `ast` (never imported).

A `ModuleSummary` is plain data (`mdblint.codec` stores it): the module's top-level bindings
(imports, classes, literal constants, calls), its star imports, the ordered top-level
statements that settings evaluation and import-order simulation replay (`ops`), and per class
its bases, class-level assignments and `class Meta` attributes.
"""

from __future__ import annotations

import abc
import ast
from dataclasses import dataclass, field

from mdblint.model import deeply
from mdblint.project.lowering import lowered
from mdblint.project.units import ModuleFacts, module_facts


class _Unknown:
    """A value that cannot be read statically (a call, a path, an f-string...)."""
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __reduce__(self):
        return (_Unknown, ())

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


class Value(abc.ABC):
    """The type of a literal as `literal()` reads it: None, bool, int, float, complex, str, bytes,
    Ellipsis, a list, tuple, frozenset or dict (LineDict) of Values, a Ref, BinAdd, CallInfo or
    UNKNOWN. An annotation only (never instantiated); the cache encodes and checks these trees."""


class Op(abc.ABC):
    """The type of one entry of `ModuleSummary.ops`: a tuple (op, line, cond, *payload), see
    `_Collector`. An annotation only; the cache encodes and checks each op's payload."""


Op.register(tuple)


@dataclass(frozen=True)
class Ref:
    """A dotted name used as a value (`settings.AUTH_USER_MODEL`, `Person`), resolved later."""
    dotted: str


class LineDict(dict):
    """A dict literal that remembers the line of each key and any `**spread` of a name."""

    def __init__(self, *args, lines=None, spread=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[Value, int] = dict(lines or {})
        self.spread: tuple[Value, ...] = tuple(spread)


@dataclass(frozen=True)
class BinAdd:
    """`left + right` where a side is a name (`DJANGO_APPS + LOCAL_APPS`), evaluated by settings."""
    left: Value
    right: Value


@dataclass(frozen=True)
class CallInfo:
    """`callee(*args, **kwargs)`: callee as dotted text ("X.from_queryset()" for call chains)."""
    callee: str | None
    args: tuple[Value, ...]
    kwargs: dict[str, Value]
    line: int


for _kind in (type(None), bool, int, float, complex, str, bytes, type(Ellipsis), list, tuple, frozenset, dict,
              Ref, BinAdd, CallInfo, _Unknown):
    Value.register(_kind)
del _kind


@dataclass(frozen=True)
class Binding:
    """What a name stands for: kind is module | from | class | value | ref | call | other."""
    kind: str
    target: Value = None    # module: dotted module; from: "pkg.mod.name"; ref: dotted text
    line: int = 0


@dataclass
class ClassSummary:
    name: str
    line: int
    bases: tuple[str | None, ...]
    attrs: dict[str, Binding]            # class-level names in definition order
    meta: dict[str, Value] | None        # `class Meta` attributes (None: no Meta)
    meta_bases: tuple[str | None, ...] = ()
    # The bases as written with their type arguments dropped (`DataLoader[K, R]` -> DataLoader):
    # the class hierarchy of alias provenance reads these (the model graph keeps `bases`).
    generic_bases: tuple[str | None, ...] = ()


@dataclass
class ModuleSummary:
    module: str
    is_package: bool = False
    broken: bool = False
    error: str | None = None
    names: dict[str, Binding] = field(default_factory=dict)
    stars: tuple[str, ...] = ()
    classes: dict[str, ClassSummary] = field(default_factory=dict)
    # Ordered top-level statements: (op, line, conditional, *payload); see _Collector.
    ops: tuple[Op, ...] = ()
    facts: ModuleFacts | None = None     # per-unit and cross-module facts (mdblint/project/units.py)

    @property
    def constants(self) -> dict[str, Value]:
        """Module-level literal values (last assignment wins; modified names are UNKNOWN)."""
        out = {}
        for name, b in self.names.items():
            if b.kind == "value":
                out[name] = b.target
        return out


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a Name/Attribute chain; `f.g()` for a call of one; else None."""
    parts = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            inner = dotted(node.func)
            if inner is None:
                return None
            parts.append(inner + "()")
            break
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        else:
            return None
    return ".".join(reversed(parts))


def literal(node: ast.AST | None, calls: bool = False) -> object:
    """A literal value; names become `Ref`, anything else UNKNOWN (calls: CallInfo if asked)."""
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = dotted(node)
        return Ref(name) if name else UNKNOWN
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return UNKNOWN
        items = [literal(e, calls) for e in node.elts]
        if isinstance(node, ast.List):
            return items
        if isinstance(node, ast.Tuple):
            return tuple(items)
        try:
            return frozenset(items)
        except TypeError:
            return UNKNOWN
    if isinstance(node, ast.Dict):
        out, lines, spread = {}, {}, []
        for k, v in zip(node.keys, node.values):
            if k is None:
                value = literal(v)
                if isinstance(value, dict):
                    out.update(value)
                    lines.update(getattr(value, "lines", {}))
                elif isinstance(value, Ref) and not out:
                    spread.append(value)
                else:
                    return UNKNOWN
                continue
            key = literal(k)    # a name (`{DEFAULT_DB: ...}`) stays a Ref, for settings evaluation to resolve
            if isinstance(key, _Unknown) or not _hashable(key):
                return UNKNOWN
            out[key] = literal(v, calls)
            lines[key] = k.lineno
        return LineDict(out, lines=lines, spread=spread)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = literal(node.operand)
        return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else UNKNOWN
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        if type(left) is type(right) and isinstance(left, (str, list, tuple)):
            return left + right
        if isinstance(left, (Ref, BinAdd, list, tuple)) and isinstance(right, (Ref, BinAdd, list, tuple)):
            return BinAdd(left, right)
        return UNKNOWN
    if calls and isinstance(node, ast.Call):
        return call_info(node)
    return UNKNOWN


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def call_info(node: ast.Call) -> CallInfo:
    args = tuple(UNKNOWN if isinstance(a, ast.Starred) else literal(a) for a in node.args)
    kwargs = {k.arg: literal(k.value) for k in node.keywords if k.arg is not None}
    return CallInfo(dotted(node.func), args, kwargs, node.lineno)


def _value_binding(node: ast.AST, line: int) -> Binding:
    if isinstance(node, ast.Call):
        return Binding("call", call_info(node), line)
    value = literal(node)
    if isinstance(value, Ref):
        return Binding("ref", value.dotted, line)
    return Binding("value", value, line)


ARMS_LIMIT = 8   # `a if c else b if d else ...`: at most this many arms, else one unknown value


def _arms(node: ast.AST) -> list[ast.AST]:
    """The values `a if c else b` (nested in either arm) may take; a plain value is its own arm."""
    arms, todo = [], [node]
    while todo:
        item = todo.pop(0)
        if isinstance(item, ast.IfExp):
            todo[:0] = [item.body, item.orelse]
        else:
            arms.append(item)
    return arms if len(arms) <= ARMS_LIMIT else [node]


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in _target_names(e)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


class _Collector:
    """Walk module-level statements (descending into if/try/with/for blocks as conditional).

    ops: ("import", line, cond, module)             any import: `import a.b`, `from a import b`
         ("star", line, cond, module)               `from a import *`
         ("from", line, cond, module, name, asname) `from a import name as asname`
         ("assign", line, cond, name, value)        `NAME = <literal, Ref, CallInfo or UNKNOWN>`
         ("augassign", line, cond, name, value)     `NAME += <literal>`
         ("setitem", line, cond, name, keys, value) `NAME["a"]["b"] = <literal>`
         ("mutate", line, cond, name, method, args) `NAME.update({...})`, `NAME.append(x)`
         ("class", line, cond, name)
         ("other", line, cond, name)                def, for-target, with-as, del...
         ("loop", line, cond, name, items)          `for NAME in <literal or Ref>:` opens its body's ops
         ("endloop", line, cond, name)              ... and closes them
    """

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.names: dict[str, Binding] = {}
        self.stars: list[str] = []
        self.classes: dict[str, ClassSummary] = {}
        self.ops: list[tuple] = []

    def absolute(self, module: str | None, level: int) -> str:
        if not level:
            return module or ""
        base = self.package
        for _ in range(level - 1):
            base = base.rpartition(".")[0]
        return f"{base}.{module}" if module and base else (module or base)

    def body(self, stmts: list[ast.stmt], cond: bool) -> None:
        for stmt in stmts:
            self.stmt(stmt, cond)

    def bind(self, name: str, binding: Binding, op: tuple) -> None:
        self.names[name] = binding
        self.ops.append(op)

    def stmt(self, node: ast.stmt, cond: bool) -> None:
        line = node.lineno
        if isinstance(node, ast.Import):
            for alias in node.names:
                self.ops.append(("import", line, cond, alias.name))
                if alias.asname:
                    self.names[alias.asname] = Binding("module", alias.name, line)
                else:
                    head = alias.name.partition(".")[0]
                    self.names[head] = Binding("module", head, line)
        elif isinstance(node, ast.ImportFrom):
            module = self.absolute(node.module, node.level)
            self.ops.append(("import", line, cond, module))
            for alias in node.names:
                if alias.name == "*":
                    self.stars.append(module)
                    self.ops.append(("star", line, cond, module))
                    continue
                local = alias.asname or alias.name
                self.names[local] = Binding("from", f"{module}.{alias.name}" if module else alias.name, line)
                self.ops.append(("from", line, cond, module, alias.name, local))
        elif isinstance(node, ast.ClassDef):
            self.classes[node.name] = self.klass(node)
            self.bind(node.name, Binding("class", node.name, line), ("class", line, cond, node.name))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is None:
                return
            for target in targets:
                if isinstance(target, ast.Name):
                    self.names[target.id] = _value_binding(node.value, line)
                    self.assign(target.id, node.value, line, cond)
                elif isinstance(target, ast.Subscript):
                    self.setitem(target, node.value, line, cond)
                else:
                    for name in _target_names(target):
                        self.bind(name, Binding("other", None, line), ("other", line, cond, name))
        elif isinstance(node, ast.AugAssign):
            if isinstance(node.target, ast.Name):
                name = node.target.id
                op_ok = isinstance(node.op, ast.Add)
                self.ops.append(("augassign", line, cond, name, literal(node.value) if op_ok else UNKNOWN))
                self.names[name] = Binding("other", None, line)
            elif isinstance(node.target, ast.Subscript):
                self.setitem(node.target, None, line, cond)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                name = func.value.id
                args = tuple(literal(a, calls=True) for a in node.value.args)
                keywords = node.value.keywords
                if keywords and not args and func.attr == "update" and all(k.arg for k in keywords):
                    # `NAME.update(replica={...})`: one dict of the keywords
                    args = (LineDict({k.arg: literal(k.value, calls=True) for k in keywords},
                                     lines={k.arg: k.value.lineno for k in keywords}),)
                elif keywords:
                    args = (UNKNOWN,)
                self.ops.append(("mutate", line, cond, name, func.attr, args))
                if name in self.names and self.names[name].kind == "value":
                    self.names[name] = Binding("other", None, line)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.bind(node.name, Binding("other", None, line), ("other", line, cond, node.name))
        elif isinstance(node, ast.If):
            self.body(node.body, True)
            self.body(node.orelse, True)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            self.body(node.body, cond)          # the usual `try: from .local import *` runs
            for handler in node.handlers:
                self.body(handler.body, True)
            self.body(node.orelse, True)
            self.body(node.finalbody, cond)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                for name in _target_names(item.optional_vars) if item.optional_vars else []:
                    self.bind(name, Binding("other", None, line), ("other", line, True, name))
            self.body(node.body, cond)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            if not isinstance(node, ast.While):
                for name in _target_names(node.target):
                    self.bind(name, Binding("other", None, line), ("other", line, True, name))
            # `for NAME in ITEMS:` brackets its body, so that settings evaluation can run it per item.
            loop = isinstance(node, ast.For) and isinstance(node.target, ast.Name) and not node.orelse
            if loop:
                self.ops.append(("loop", line, cond, node.target.id, literal(node.iter, calls=True)))
            self.body(node.body, True)
            if loop:
                self.ops.append(("endloop", line, cond, node.target.id))
            self.body(node.orelse, True)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                for name in _target_names(target):
                    self.names.pop(name, None)
                    self.ops.append(("other", line, cond, name))

    def assign(self, name: str, value: ast.AST, line: int, cond: bool) -> None:
        """`NAME = value` as ops. Calls are kept (CallInfo: settings evaluation reads
        `os.environ.get("X", "d")`, `dict(BASE)`...); `a if c else b` is `a`, then `b` under a
        condition (their join); `{K: V for T in ITEMS}` is `{}`, then a loop setting `NAME[K] = V`."""
        if isinstance(value, ast.DictComp) and self.comprehension(name, value, line, cond):
            return
        arms = _arms(value)
        for i, arm in enumerate(arms):
            self.ops.append(("assign", line, cond or i > 0, name, literal(arm, calls=True)))

    def comprehension(self, name: str, node: ast.DictComp, line: int, cond: bool) -> bool:
        if len(node.generators) != 1:
            return False
        gen = node.generators[0]
        key = literal(node.key)
        if not isinstance(gen.target, ast.Name) or gen.ifs or gen.is_async or isinstance(key, _Unknown) \
                or not _hashable(key):
            return False
        self.ops.append(("assign", line, cond, name, LineDict()))
        self.ops.append(("loop", line, cond, gen.target.id, literal(gen.iter, calls=True)))
        self.ops.append(("setitem", line, True, name, (key,), literal(node.value, calls=True)))
        self.ops.append(("endloop", line, cond, gen.target.id))
        return True

    def setitem(self, target: ast.Subscript, value: ast.AST | None, line: int, cond: bool) -> None:
        keys = []
        node: ast.AST = target
        while isinstance(node, ast.Subscript):
            keys.append(literal(node.slice))
            node = node.value
        if not isinstance(node, ast.Name):
            return
        name = node.id
        ok = all(not isinstance(k, _Unknown) and _hashable(k) for k in keys)   # Refs: resolved by settings evaluation
        self.ops.append(("setitem", line, cond, name, tuple(reversed(keys)) if ok else None,
                         literal(value, calls=True) if value is not None else UNKNOWN))
        if name in self.names and self.names[name].kind == "value":
            self.names[name] = Binding("other", None, line)

    def klass(self, node: ast.ClassDef) -> ClassSummary:
        attrs: dict[str, Binding] = {}
        meta = None
        meta_bases: tuple = ()
        for stmt in node.body:
            if isinstance(stmt, ast.ClassDef):
                if stmt.name == "Meta":
                    meta = {}
                    meta_bases = tuple(dotted(b) for b in stmt.bases)
                    for inner in stmt.body:
                        if isinstance(inner, (ast.Assign, ast.AnnAssign)) and inner.value is not None:
                            targets = inner.targets if isinstance(inner, ast.Assign) else [inner.target]
                            for t in targets:
                                if isinstance(t, ast.Name):
                                    meta[t.id] = literal(inner.value)
                attrs[stmt.name] = Binding("other", None, stmt.lineno)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                if stmt.value is None:
                    continue
                for t in targets:
                    for name in _target_names(t):
                        attrs.pop(name, None)       # keep definition order of the last binding
                        attrs[name] = (_value_binding(stmt.value, stmt.lineno) if isinstance(t, ast.Name)
                                       else Binding("other", None, stmt.lineno))
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                attrs.pop(stmt.name, None)
                attrs[stmt.name] = Binding("other", None, stmt.lineno)
        return ClassSummary(node.name, node.lineno, tuple(dotted(b) for b in node.bases), attrs, meta, meta_bases,
                            tuple(dotted(b.value if isinstance(b, ast.Subscript) else b) for b in node.bases))


def summarize(source: bytes | str, module: str, *, is_package: bool = False) -> ModuleSummary:
    """Summarize one module's source; a file that does not parse gives a `broken` summary."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        # Newer syntax than this Python's (PEP 695, PEP 701 on 3.11): libcst rewrites it, lines kept.
        tree = lowered(source)
        if tree is None:
            return ModuleSummary(module, is_package, broken=True, error=f"{type(exc).__name__}: {exc}")
    except (ValueError, MemoryError, RecursionError) as exc:
        return ModuleSummary(module, is_package, broken=True, error=f"{type(exc).__name__}: {exc}")
    try:
        # deeply nested code (1,000 nested `-`) runs out of the default limit: tried again on a deep stack
        return deeply(_summary, tree, source, module, is_package)
    except RecursionError as exc:
        return ModuleSummary(module, is_package, broken=True, error=f"RecursionError: {exc}")


def _summary(tree: ast.Module, source: bytes | str, module: str, is_package: bool) -> ModuleSummary:
    collector = _Collector(module, is_package)
    collector.body(tree.body, False)
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    facts = module_facts(tree, text)
    return ModuleSummary(module, is_package, False, None, collector.names, tuple(collector.stars),
                         collector.classes, tuple(collector.ops), facts)
