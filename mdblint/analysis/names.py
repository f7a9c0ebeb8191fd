"""What a name in a linted file stands for: imports, module constants, string values.

An import table in the style of django-upgrade's `from_imports`, not libcst's (costly)
QualifiedNameProvider: `qualname(expr)` turns `transaction.atomic` into
`django.db.transaction.atomic` when the module did `from django.db import transaction`.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst


def dotted(expr: cst.BaseExpression) -> str | None:
    """`a.b.c` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(expr, cst.Attribute):
        parts.append(expr.attr.value)
        expr = expr.value
    if not isinstance(expr, cst.Name):
        return None
    parts.append(expr.value)
    return ".".join(reversed(parts))


def _module_dotted(node: cst.BaseExpression | None) -> str:
    return "" if node is None else (dotted(node) or "")


def string_literal(expr: cst.BaseExpression) -> str | None:
    """The value of a plain (non-f) string literal, implicit concatenation included."""
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    return None


@dataclass(frozen=True)
class Value:
    """A string value and the node that wrote it down (for "where it came from")."""
    value: str
    origin: cst.CSTNode | None  # None: it came from another file (see `origin_path`/`origin_line`)
    how: str                    # "literal", "module constant NAME", "settings.NAME"
    origin_path: str | None = None
    origin_line: int | None = None


class Names:
    """Module-level imports and constants of one file."""

    def __init__(self, module: str | None, is_package: bool) -> None:
        self.module = module or ""
        self.package = self.module if is_package else self.module.rpartition(".")[0]
        self.imports: dict[str, str] = {}     # local name -> qualified name
        self.stars: list[str] = []            # modules star-imported (`from .base import *`)
        self.constants: dict[str, cst.BaseExpression] = {}
        self._assigned: dict[str, int] = {}

    # -- collection (module body only; function-level imports are added as they are met) --
    def add_import(self, node: cst.Import | cst.ImportFrom) -> None:
        if isinstance(node, cst.Import):
            for alias in node.names:
                name = dotted(alias.name) or ""
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    self.imports[alias.asname.name.value] = name
                else:
                    self.imports[name.split(".")[0]] = name.split(".")[0]
            return
        base = self._absolute(len(node.relative), _module_dotted(node.module))
        if isinstance(node.names, cst.ImportStar):
            if base and base not in self.stars:
                self.stars.append(base)
            return
        for alias in node.names:
            name = dotted(alias.name) or ""
            local = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else name
            self.imports[local] = f"{base}.{name}" if base else name

    def add_function_imports(self, module: cst.Module) -> None:
        """The imports inside functions and classes of a module read without walk() (another
        module's, for summaries), as walk() adds them; a name a module-level import binds keeps it."""
        from mdblint.analysis.walk import children   # walk imports this module
        stack: list[tuple[cst.CSTNode, bool]] = [(s, False) for s in module.body if isinstance(s, cst.BaseCompoundStatement)]
        while stack:
            node, inside = stack.pop()
            if isinstance(node, cst.SimpleStatementLine):
                for small in node.body:
                    if inside and isinstance(small, (cst.Import, cst.ImportFrom)):
                        saved = dict(self.imports)
                        self.add_import(small)
                        self.imports.update(saved)
                continue
            inside = inside or isinstance(node, (cst.FunctionDef, cst.ClassDef))
            stack.extend((child, inside) for child in children(node) if isinstance(child, (
                cst.BaseSuite, cst.BaseStatement, cst.ExceptHandler, cst.ExceptStarHandler, cst.Else, cst.Finally,
                cst.MatchCase)))

    def _absolute(self, level: int, module: str) -> str:
        if not level:
            return module
        parts = self.package.split(".") if self.package else []
        if level > 1:
            parts = parts[: len(parts) - (level - 1)]
        return ".".join(p for p in (*parts, module) if p)

    def add_module_statement(self, stmt: cst.BaseStatement) -> None:
        if not isinstance(stmt, cst.SimpleStatementLine):
            return
        for small in stmt.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                self.add_import(small)
            elif isinstance(small, cst.Assign):
                for target in small.targets:
                    if isinstance(target.target, cst.Name):
                        self._bind(target.target.value, small.value)
            elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value is not None:
                self._bind(small.target.value, small.value)

    def _bind(self, name: str, value: cst.BaseExpression) -> None:
        self._assigned[name] = self._assigned.get(name, 0) + 1
        if self._assigned[name] == 1:
            self.constants[name] = value
        else:
            self.constants.pop(name, None)  # reassigned: not a constant

    # -- queries --
    def qualname(self, expr: cst.BaseExpression) -> str | None:
        name = dotted(expr)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        if head in self.imports:
            full = self.imports[head]
            return f"{full}.{rest}" if rest else full
        return None
