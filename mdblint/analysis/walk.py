"""One walk over a file's libcst tree, dispatching nodes to the selected rules.

libcst's own visitor rebuilds every node it passes (about 4x the cost of this walk on
django/db/models/query.py: 225 ms against 54 ms), so we walk dataclass fields directly and
skip the fields that only ever hold white space and punctuation.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Callable, Iterator

import libcst as cst

from mdblint.analysis.names import Names, Value, string_literal
from mdblint.project.settings_static import OneOf

if TYPE_CHECKING:
    from mdblint.project import Project

_SKIP = frozenset({
    "lpar", "rpar", "comma", "semicolon", "leading_lines", "lines_after_decorators", "header",
    "footer", "newline", "trailing_whitespace", "equal", "colon", "dot", "star", "lbracket",
    "rbracket", "lbrace", "rbrace", "operator", "first_line", "empty_lines", "indent",
})
_FIELDS: dict[type, tuple[str, ...]] = {}
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _child_fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.name not in _SKIP and not f.name.startswith("whitespace")
        )
    return names


_NODE_TYPES: dict[type, bool] = {}   # type -> is it a CSTNode (isinstance on the ABC is slow)


def _is_node(kind: type) -> bool:
    known = _NODE_TYPES.get(kind)
    if known is None:
        known = _NODE_TYPES[kind] = issubclass(kind, cst.CSTNode)
    return known


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The child nodes that can hold code, in source order."""
    found = []
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is list or kind is tuple:
            found.extend(item for item in value if _is_node(type(item)))
        elif _is_node(kind):
            found.append(value)
    return found


def _hook(visitor: cst.CSTVisitor, name: str) -> Any:
    """The visitor's own method `name`, None when it is libcst's do-nothing default."""
    own = getattr(type(visitor), name, None)
    return None if own is None or own is getattr(cst.CSTVisitor, name, None) else getattr(visitor, name)


def visit(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """Run a libcst visitor's `visit_<Node>` (False: skip the children) and `leave_<Node>`
    methods over `node` without libcst's own traversal, which rebuilds every node it passes
    (node.visit() costs several times this on the same tree). The visitor sees the original
    nodes, in source order; fields that hold no code (whitespace, punctuation) are not entered.
    Field-level hooks (`visit_<Node>_<field>`) are not called."""
    methods: dict[type, tuple[Any, Any]] = {}
    stack: list[tuple[cst.CSTNode, bool]] = [(node, False)]
    while stack:
        current, leaving = stack.pop()
        kind = type(current)
        hooks = methods.get(kind)
        if hooks is None:
            name = kind.__name__
            hooks = methods[kind] = (_hook(visitor, f"visit_{name}"), _hook(visitor, f"leave_{name}"))
        if leaving:
            hooks[1](current)
            continue
        enter = hooks[0] is None or hooks[0](current) is not False
        if hooks[1] is not None:
            stack.append((current, True))   # libcst leaves a node even when its children are skipped
        if enter:
            stack.extend((child, False) for child in reversed(children(current)))


class Positions:
    """libcst's PositionProvider, computed per top-level statement on first use: a node's
    position is found by code generation of its statement alone, shifted by the lines before
    it. Reporting a few lines of a module then costs one plain code generation of the module
    and one positioned generation of a statement, not a positioned generation of the whole
    module (about 4x the cost of a plain one). `positions[node]` and `positions.get(node)`
    answer as the provider's mapping does (a CodeRange; KeyError / None for a node not in the
    module)."""

    def __init__(self, module: Any) -> None:
        self.module = module
        self._owner: dict[int, int] | None = None   # id(node) -> index of its top-level statement
        self._starts: list[int] = []                # first line of each top-level statement
        self._known: dict[Any, Any] = {}            # node -> CodeRange, statements resolved so far
        self._resolved: set[int] = set()
        self._all: Any = None

    def _index(self) -> None:
        module = self.module
        owner: dict[int, int] = {}
        line = 1 + sum(module.code_for_node(h).count("\n") for h in module.header)
        for i, stmt in enumerate(module.body):
            self._starts.append(line)
            line += module.code_for_node(stmt).count("\n")
            todo = [stmt]
            while todo:
                node = todo.pop()
                owner[id(node)] = i
                todo.extend(children(node))
        self._owner = owner

    def get(self, node: Any, default: Any = None) -> Any:
        if self._owner is None:
            self._index()
        i = self._owner.get(id(node))
        if i is None:   # the module itself, white space, punctuation: the whole module's positions
            return self._whole().get(node, default)
        if i not in self._resolved:
            self._resolve(i)
        return self._known.get(node, default)

    def __contains__(self, node: Any) -> bool:
        return self.get(node) is not None

    def __getitem__(self, node: Any) -> Any:
        found = self.get(node)
        if found is None:
            raise KeyError(node)
        return found

    def _resolve(self, i: int) -> None:
        # PositionProvider's own code generation, run on one statement from its first line
        # (libcst's MetadataWrapper would also copy and visit the tree to collect the mapping).
        from libcst.metadata import PositionProvider
        from libcst.metadata.position_provider import PositionProvidingCodegenState
        provider = PositionProvider()
        state = PositionProvidingCodegenState(default_indent=self.module.default_indent,
                                              default_newline=self.module.default_newline, provider=provider)
        state.line = self._starts[i]
        self.module.body[i]._codegen(state)
        self._known.update(provider._computed)
        self._resolved.add(i)

    def _whole(self) -> Any:
        if self._all is None:
            from libcst.metadata import MetadataWrapper, PositionProvider
            self._all = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
        return self._all


def tree_depth(node: cst.CSTNode) -> int:
    """How many levels of code-holding nodes `node`'s tree has (without recursing)."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children(node))
    return deepest


class At:
    """A placeholder for "this node's position" inside finding data, resolved after the walk."""

    __slots__ = ("node",)

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node


class FileContext:
    """What a rule handler may ask about the file it is looking at, and where it reports."""

    def __init__(self, path: str, module: str | None, is_package: bool, project: "Project",
                 manager_names: frozenset[str], relpath: Callable[[Any], str]) -> None:
        self.path = path
        self.project = project
        self.manager_names = manager_names   # every manager attribute name the project's models have
        self.relpath = relpath               # a path as findings show it
        self.names = Names(module, is_package)
        self.scopes: list[cst.CSTNode] = []   # enclosing FunctionDef/ClassDef/Lambda, innermost last
        self.routers: Any = None              # mdblint.project.routers.Routers, when rules need it
        self.flow: Any = None                 # the alias analysis (mdblint.analysis.flow.Interpreter)
        self.read_only: tuple[str, ...] = ()  # [tool.mdblint] read-only aliases
        self.blanked = False                  # the check gate blanked some of the file's units
        # Every name the file calls bare, from the project index when it read this very text
        # (None: the interpreter reads them from the tree, which the gate must not have blanked).
        self.called: frozenset[str] | None = None
        self.calls: list[cst.Call] | None = None   # every call of the file in source order, after the walk
        self.django_version: tuple[int, ...] | None = None   # [tool.mdblint] django-version
        self.reports: list[tuple[cst.CSTNode, str, str, dict[str, Any]]] = []
        self.fixes: list[Any] = []            # mdblint.fixes.Fix, offered with the reports
        self._locals: dict[int, frozenset[str]] = {}

    def report(self, node: cst.CSTNode, code: str, message: str, data: dict[str, Any]) -> None:
        self.reports.append((node, code, message, data))

    def at_node(self, node: cst.CSTNode) -> At:
        return At(node)

    def at(self, value: Value) -> Any:
        """Where a value came from, for finding data: this file's node, or another file's line."""
        if value.origin is not None:
            return At(value.origin)
        return {"path": value.origin_path, "line": value.origin_line}

    # -- values --
    def string_value(self, expr: cst.BaseExpression) -> Value | None:
        """A string that `expr` provably holds: a literal, a module constant, or `settings.NAME`."""
        literal = string_literal(expr)
        if literal is not None:
            return Value(literal, expr, "literal")
        if isinstance(expr, cst.Name) and not self._is_local(expr.value):
            bound = self.names.constants.get(expr.value)
            literal = string_literal(bound) if bound is not None else None
            if literal is not None:
                return Value(literal, bound, f"module constant {expr.value}")
        qualname = self.names.qualname(expr)
        if qualname and qualname.startswith("django.conf.settings."):
            setting = qualname.rpartition(".")[2]
            settings = self.project.settings
            value = settings.constants.get(setting)
            if isinstance(value, str):
                return Value(value, None, f"settings.{setting}", self.relpath(settings.path),
                             settings.line_of.get(setting))
        return None

    def setting_values(self, expr: cst.BaseExpression) -> list[Value]:
        """The strings `settings.NAME` may hold when it is one of several (a literal per branch of
        an `if`, an environment variable's literal default); [] for anything else."""
        qualname = self.names.qualname(expr)
        if not qualname or not qualname.startswith("django.conf.settings."):
            return []
        setting = qualname.rpartition(".")[2]
        settings = self.project.settings
        value = settings.constants.get(setting)
        if not isinstance(value, OneOf):
            return []
        return [Value(v, None, f"settings.{setting}, one of the values it may hold", self.relpath(settings.path),
                      settings.line_of.get(setting)) for v in value.literals]

    def _is_local(self, name: str) -> bool:
        """Is `name` bound in an enclosing function (a parameter, an assignment...)?"""
        return any(name in self._local_names(scope) for scope in self.scopes if not isinstance(scope, cst.ClassDef))

    def _local_names(self, scope: cst.CSTNode) -> frozenset[str]:
        names = self._locals.get(id(scope))
        if names is None:
            names = self._locals[id(scope)] = frozenset(_bound_names(scope))
        return names


def _bound_names(scope: cst.CSTNode) -> Iterator[str]:
    """Parameters and names a function body binds (nested functions and classes excluded)."""
    params = scope.params
    for p in (*params.posonly_params, *params.params, *params.kwonly_params):
        yield p.name.value
    for p in (params.star_arg, params.star_kwarg):
        if isinstance(p, cst.Param):
            yield p.name.value
    if isinstance(scope, cst.Lambda):
        return
    stack = list(children(scope.body))
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            yield node.name.value
            continue
        if isinstance(node, cst.Lambda):
            continue
        target = None
        if isinstance(node, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr, cst.CompFor)):
            target = node.target
        elif isinstance(node, cst.WithItem) and node.asname is not None:
            target = node.asname.name
        elif isinstance(node, cst.ExceptHandler) and node.name is not None:
            target = node.name.name
        elif isinstance(node, (cst.Import, cst.ImportFrom)) and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                asname = alias.asname.name if alias.asname is not None else None
                yield asname.value if isinstance(asname, cst.Name) else dotted_head(alias.name)
        yield from target_names(target)
        stack.extend(children(node))


def target_names(target: cst.CSTNode | None) -> Iterator[str]:
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from target_names(target.value)


def dotted_head(expr: cst.BaseExpression) -> str:
    while isinstance(expr, cst.Attribute):
        expr = expr.value
    return expr.value if isinstance(expr, cst.Name) else ""


def walk(module: cst.Module, ctx: FileContext, handlers: dict[type, list[Callable]]) -> None:
    """Visit every node once, calling the handlers registered for its type. Whole-module rules
    (registered on cst.Module) run after the walk, with every call of the file in `ctx.calls`,
    so that they need no walk of their own."""
    for stmt in module.body:
        ctx.names.add_module_statement(stmt)
    whole = handlers.get(cst.Module, ())
    calls: list[cst.Call] | None = [] if whole else None
    stack: list[Any] = [module]
    while stack:
        node = stack.pop()
        if node is None:        # leaving a scope
            ctx.scopes.pop()
            continue
        kind = type(node)
        if kind is cst.Call and calls is not None:
            calls.append(node)
        if kind is not cst.Module:
            for handler in handlers.get(kind, ()):
                handler(node, ctx)
        if isinstance(node, _SCOPES):
            ctx.scopes.append(node)
            stack.append(None)
        elif isinstance(node, (cst.Import, cst.ImportFrom)) and ctx.scopes:
            ctx.names.add_import(node)  # function-level import: good enough without flow
        stack.extend(reversed(children(node)))
    ctx.calls = calls
    for handler in whole:
        handler(module, ctx)
