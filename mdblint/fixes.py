"""`mdblint --fix`: add the missing select_related()/prefetch_related() to the queryset a loop iterates.

A fix is applied only where it cannot change anything but the query count: the queryset is built
in the same function as the loop, and reaches only that loop (it is written in the loop's `in`
clause, or assigned to a name whose one other use is there; for a template's loop, in the
context's value, the view's `queryset =` or the value its `get_queryset()` returns); its chain has no call that
select_related()/prefetch_related() would conflict with (values(), union(), only(), ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import libcst as cst

from mdblint.analysis.vocab import FIX_CONFLICTS

# Chain calls after which adding select_related/prefetch_related fails or changes the rows.
CONFLICTS = FIX_CONFLICTS
SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.Module)


@dataclass(frozen=True)
class Fix:
    """Load `path` with `method` on the queryset built at `root`, which the loop `loop` iterates."""
    node: Any          # the finding's node
    code: str
    root: Any          # the queryset expression (a libcst Call)
    loop: Any          # cst.For or cst.CompFor; a Serializer(..., many=True) call; None: a DRF view's queryset
    method: str        # "select_related" | "prefetch_related"
    path: str


def apply(module: cst.Module, fixes: Iterable[Fix]) -> tuple[cst.Module, int]:
    """The module with every applicable fix made, and how many findings they fix."""
    parents = _parents(module)
    groups: dict[int, list[Fix]] = {}
    for fix in fixes:
        if _applicable(fix, parents):
            groups.setdefault(id(fix.root), []).append(fix)
    replacements: dict[cst.CSTNode, cst.CSTNode] = {}
    fixed = 0
    for group in groups.values():
        root = group[0].root
        if any(_inside(root, other, parents) or _inside(other, root, parents) for other in replacements):
            continue  # one edited queryset inside another: left for the next pass
        by_method: dict[str, list[str]] = {}
        for fix in group:
            by_method.setdefault(fix.method, []).append(fix.path)
        new = root
        for method, paths in by_method.items():
            new = _add_paths(new, method, paths)
        if new is not root:
            replacements[root] = new
            fixed += len({(id(f.node), f.code) for f in group})   # a finding may load several paths
    if not replacements:
        return module, 0
    return module.visit(_Replace(replacements)), fixed


def each(module: cst.Module, fixes: Iterable[Fix]) -> list[tuple[Fix, cst.CSTNode, cst.CSTNode]]:
    """Each fix that apply() would make on its own: (fix, the queryset node, its replacement).
    The module is walked once, however many fixes (for `[*]` marks and SARIF's `fixes`)."""
    parents = _parents(module)
    found = []
    for fix in fixes:
        if _applicable(fix, parents):
            new = _add_paths(fix.root, fix.method, [fix.path])
            if new is not fix.root:
                found.append((fix, fix.root, new))
    return found


class _Replace(cst.CSTTransformer):
    def __init__(self, replacements: dict[cst.CSTNode, cst.CSTNode]) -> None:
        self.replacements = replacements

    def on_leave(self, original: cst.CSTNode, updated: cst.CSTNode) -> Any:
        return self.replacements.get(original, updated)


def _parents(module: cst.Module) -> dict[cst.CSTNode, cst.CSTNode]:
    return {child: node for node in _walk(module) for child in node.children}


def _inside(node: cst.CSTNode, ancestor: cst.CSTNode, parents: dict) -> bool:
    return any(n is ancestor for n in _ancestors(node, parents))


def _scope(node: cst.CSTNode, parents: dict) -> cst.CSTNode | None:
    node = parents.get(node)
    while node is not None and not isinstance(node, SCOPES):
        node = parents.get(node)
    return node


def _methods(expr: cst.BaseExpression) -> list[str]:
    """The method names called along a chain `a.b(...).c(...)[...]`."""
    names = []
    while True:
        if isinstance(expr, cst.Call):
            if isinstance(expr.func, cst.Attribute):
                names.append(expr.func.attr.value)
            expr = expr.func
        elif isinstance(expr, cst.Attribute):
            expr = expr.value
        elif isinstance(expr, cst.Subscript):
            names.append("[]")
            expr = expr.value
        else:
            return names


def _applicable(fix: Fix, parents: dict) -> bool:
    root, loop = fix.root, fix.loop
    if not isinstance(root, cst.Call) or not isinstance(root.func, cst.Attribute) or root not in parents:
        return False
    methods = _methods(root)
    if CONFLICTS.intersection(methods) or "[]" in methods or not all(p.isidentifier() for p in fix.path.split("__")):
        return False
    if loop is None:   # the queryset a DRF view serves (`queryset = ...`, get_queryset()'s return): every use wants it
        return True
    # A template's loop (analysis/templates.py): the queryset reaches it through `carrier` (the
    # context's value, the view's `queryset =` or what its get_queryset() returns).
    carrier = getattr(loop, "carrier", None)
    if not isinstance(loop, cst.CSTNode) and carrier is None:
        return False
    if _scope(root, parents) is not _scope(carrier if carrier is not None else loop, parents):
        return False
    # The loop, or an enclosing one whose rows the loop's rows come from (nested paths); the
    # call `Serializer(qs, many=True)` that serializes the rows; or a template loop's carrier.
    iters = [carrier] if carrier is not None else [loop] if isinstance(loop, cst.Call) and fix.code == "MDB306" else \
        [n.iter for n in _ancestors(loop, parents) if isinstance(n, (cst.For, cst.CompFor))]
    if any(_inside(root, it, parents) for it in iters):
        return True
    # `name = <queryset>` whose only other use is in the loop's `in` clause.
    assign = parents.get(root)
    if not (isinstance(assign, cst.Assign) and assign.value is root and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)):
        return False
    name = assign.targets[0].target.value
    uses = [n for n in _walk(_scope(root, parents)) if isinstance(n, cst.Name) and n.value == name
            and n is not assign.targets[0].target]
    return len(uses) == 1 and any(_inside(uses[0], it, parents) for it in iters) and _bound_once(name, _scope(root, parents))


def _ancestors(node: cst.CSTNode, parents: dict):
    while node is not None:
        yield node
        node = parents.get(node)


def _walk(node: cst.CSTNode):
    todo = [node]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(node.children)


def _bound_once(name: str, scope: cst.CSTNode) -> bool:
    """`name` is assigned exactly once in `scope` (no other assignment, loop target, global, ...)."""
    bindings = 0
    for node in _walk(scope):
        if isinstance(node, (cst.Global, cst.Nonlocal)) and any(n.name.value == name for n in node.names):
            return False
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor, cst.NamedExpr,
                             cst.AsName, cst.Param)):
            target = node.name if isinstance(node, (cst.AsName, cst.Param)) else node.target
            if any(isinstance(n, cst.Name) and n.value == name for n in _walk(target)):
                bindings += 1
    return bindings == 1


def _add_paths(root: cst.Call, method: str, paths: list[str]) -> cst.Call:
    """`root` with `method(*paths)`: merged into a call of the chain that names string paths only,
    else appended (before a trailing iterator())."""
    existing = _find_call(root, method)
    if existing is not None:
        have = [_string(a.value) for a in existing.args]
        new = _needed(paths, have)
        if not new:
            return root
        quote = "'" if existing.args and existing.args[-1].value.value.startswith("'") else '"'
        args = list(existing.args)
        args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        args += _args(new, quote)
        return root.deep_replace(existing, existing.with_changes(args=args))
    target: cst.BaseExpression = root
    if root.func.attr.value == "iterator":   # `qs.iterator()` -> `qs.select_related(...).iterator()`
        target = root.func.value
    if isinstance(target, cst.Call) and isinstance(target.func, cst.Attribute) and target.func.attr.value == "all" \
            and not target.args:   # `X.all()` -> `X.select_related(...)`
        wrapped = target.with_changes(func=target.func.with_changes(attr=cst.Name(method)), args=_args(_needed(paths, []), '"'))
    else:
        wrapped = cst.Call(func=cst.Attribute(value=target, attr=cst.Name(method)), args=_args(_needed(paths, []), '"'))
    return wrapped if target is root else root.with_changes(func=root.func.with_changes(value=wrapped))


def _find_call(expr: cst.BaseExpression, method: str) -> cst.Call | None:
    while isinstance(expr, (cst.Call, cst.Attribute)):
        if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == method:
            if expr.args and all(a.keyword is None and not a.star and _string(a.value) is not None for a in expr.args):
                return expr
            return None
        expr = expr.func if isinstance(expr, cst.Call) else expr.value
    return None


def _string(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, cst.SimpleString):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _needed(paths: list[str], have: list[str | None]) -> list[str]:
    """Paths not yet loaded, without those a longer one implies (`a` with `a__b`)."""
    wanted = list(dict.fromkeys(paths))
    covered = lambda p, others: any(o == p or (o or "").startswith(p + "__") for o in others)
    return [p for p in wanted if not covered(p, have) and not covered(p, [o for o in wanted if o != p])]


def _args(paths: list[str], quote: str) -> list[cst.Arg]:
    args = [cst.Arg(cst.SimpleString(f"{quote}{p}{quote}")) for p in paths]
    return [a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))) for a in args[:-1]] + args[-1:]
