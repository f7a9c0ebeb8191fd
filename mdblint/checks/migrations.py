"""MDB406: data migrations (RunPython functions) that query or write without the database being
migrated. Apps' migrations are not linted by the other rules; the engine lints them for this one."""

from __future__ import annotations

from typing import Any, Iterator

import libcst as cst

from mdblint.analysis.names import string_literal
from mdblint.analysis.vocab import READ_ONE, WRITES
from mdblint.analysis.walk import FileContext, children
from mdblint.checks.base import rule

MIGRATION_CODES = ("MDB406",)   # the codes the engine runs on apps' migrations
# Attributes of a model class that are not managers.
NOT_MANAGERS = frozenset({"_meta", "DoesNotExist", "MultipleObjectsReturned", "pk", "check"})
# Calls that run the chain's query; a chain ending otherwise is judged where it is evaluated.
RUNS = WRITES | READ_ONE | frozenset({
    "count", "acount", "exists", "aexists", "aggregate", "aaggregate", "iterator", "in_bulk", "ain_bulk",
    "contains", "acontains", "explain", "aexplain",
})
ITERATORS = frozenset({"list", "tuple", "set", "sorted", "len", "bool", "any", "all", "sum", "dict"})
SWITCHES = frozenset({"using", "db_manager"})


@rule("MDB406", "data-migration-ignores-database",
      "A RunPython function queries or writes without using=schema_editor.connection.alias.",
      tokens=(b"RunPython",), nodes=(cst.Module,), ungated=True)
def data_migration_ignores_database(module: cst.Module, ctx: FileContext) -> None:
    functions = {s.name.value: s for s in module.body if isinstance(s, cst.FunctionDef)}
    done: set[str] = set()
    for call in _calls(module, ctx):
        qualname = ctx.names.qualname(call.func) or ""
        if not (qualname.startswith("django.db.migrations") and qualname.endswith(".RunPython")):
            continue
        for i, arg in enumerate(call.args):
            if (arg.keyword is None and i < 2) or (arg.keyword is not None and arg.keyword.value in ("code", "reverse_code")):
                if isinstance(arg.value, cst.Name) and arg.value.value in functions and arg.value.value not in done:
                    done.add(arg.value.value)
                    _check_function(functions[arg.value.value], ctx)


def _check_function(fn: cst.FunctionDef, ctx: FileContext) -> None:
    params = [p.name.value for p in fn.params.params]
    if len(params) < 2:
        return
    apps = params[0]
    models: dict[str, str | None] = {}       # local name -> model label ("app.Model"; None: not literal)
    other: set[str] = set()                  # names also bound to something else: not judged
    for node in _nodes(fn.body, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.For, cst.WithItem)):
        targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else \
            [node.asname.name] if isinstance(node, cst.WithItem) and node.asname else \
            [node.target] if not isinstance(node, cst.WithItem) else []
        for target in targets:
            label = _get_model(node.value, apps) if isinstance(node, cst.Assign) and len(targets) == 1 else False
            if isinstance(target, cst.Name):
                if label is not False:
                    models[target.value] = label
                else:
                    other.add(target.value)
    for name in other:
        models.pop(name, None)
    pending: dict[str, tuple[str | None, cst.CSTNode]] = {}   # variables holding unbound querysets / new instances
    seen: set[int] = set()
    for node in _ordered(fn.body):
        if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            name = node.targets[0].target.value
            chain = _chain(node.value, apps, models)
            built = _constructed(node.value, apps, models)
            if chain is not None and not (chain[1] & SWITCHES) and not (chain[2] in RUNS):
                pending[name] = (chain[0], node.value)
                _mark(node.value, seen)
            elif built is not False:
                pending[name] = (built, node.value)
            else:
                pending.pop(name, None)
        if isinstance(node, cst.Call) and id(node) not in seen:
            chain = _chain(node, apps, models)
            if chain is not None:
                _mark(node, seen)
                label, methods, last = chain
                if not methods & SWITCHES and (last in RUNS or last == "save" or last == "delete"):
                    if last in ("save", "delete") and _keyword(node, "using"):
                        continue
                    _report(ctx, node, label, last in WRITES or last in ("save", "delete"), fn, params[1])
                continue
            func = node.func
            if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in pending:
                label, _ = pending[func.value.value]
                method = func.attr.value
                if method in SWITCHES:
                    pending.pop(func.value.value)
                elif method in RUNS or method in ("save", "delete"):
                    if not _keyword(node, "using"):
                        _report(ctx, node, label, method in WRITES or method in ("save", "delete"), fn, params[1])
                    pending.pop(func.value.value)
            elif isinstance(func, cst.Name) and func.value in ITERATORS and node.args \
                    and isinstance(node.args[0].value, cst.Name) and node.args[0].value.value in pending:
                label, _ = pending.pop(node.args[0].value.value)
                _report(ctx, node, label, False, fn, params[1])
        if isinstance(node, (cst.For, cst.CompFor)):
            it = node.iter
            if isinstance(it, cst.Name) and it.value in pending:
                label, _ = pending.pop(it.value)
                _report(ctx, it, label, False, fn, params[1])
            elif id(it) not in seen:
                chain = _chain(it, apps, models)
                if chain is not None and not chain[1] & SWITCHES:
                    _mark(it, seen)
                    _report(ctx, it, chain[0], False, fn, params[1])


def _report(ctx: FileContext, node: cst.CSTNode, label: str | None, write: bool, fn: cst.FunctionDef,
            editor: str) -> None:
    verdict = _wrong_database(ctx, label, write, _migrations_app(ctx, label))
    if verdict is None:
        return
    target, migrated, why = verdict
    model = (label or "the model").rpartition(".")[2]
    ctx.report(node, "MDB406", (
        f"{model} is {'written' if write else 'queried'} in RunPython function {fn.name.value}() without the "
        f"database being migrated: it runs on {target!r} ({why}) even when {editor}.connection.alias is "
        f"{migrated!r}; use .using({editor}.connection.alias) (or db_manager(), save(using=...))"
    ), {"function": fn.name.value, "runs_on": target, "migrated": migrated, "model": label})


def _wrong_database(ctx: FileContext, label: str | None, write: bool, app: str | None):
    """(alias the query runs on, another alias migrations of the app run on, why) or None."""
    databases = ctx.project.settings.databases
    settings = ctx.project.settings
    # With no routers nothing says which other databases these migrations run on: a second alias
    # is as often a replica or a sync source never migrated (rapidpro's "readonly", treeherder's
    # "upstream") as a copy of the schema.
    if not databases or len(databases) < 2 or app is None or not settings.routers:
        return None
    routers = _routers(ctx)
    model = ctx.project.graph.get(label) if label else None
    if model is None:
        return None
    answer = (routers.db_for_write if write else routers.db_for_read)(model.label, None)
    if answer.aliases is None or len(answer.aliases) != 1:
        return None
    target, why = next(iter(answer.aliases)), f"routed: {answer.why}"
    replicas = _replicas(ctx, routers)
    for alias in sorted(databases):
        if alias == target or alias in replicas:   # a replica is migrated through its primary
            continue
        if routers.allow_migrate(alias, app).allowed is True:
            return target, alias, why
    return None


def _replicas(ctx: FileContext, routers: Any) -> frozenset[str]:
    """TEST MIRRORs, declared read-only aliases, and aliases no router's db_for_write returns (for
    any model and hint)."""
    declared = tuple(getattr(ctx, "read_only", ()) or ())
    memo = ctx.project.__dict__.setdefault("_migrate_replicas", {})   # per read-only declaration
    if declared in memo:
        return memo[declared]
    databases = ctx.project.settings.databases or {}
    found = {a for a, d in databases.items() if d.mirror}
    # Declared read-only ([tool.mdblint] read-only, --read-only): a replica, migrated through its
    # primary, never on its own.
    found |= set(declared) & databases.keys()
    if ctx.project.settings.routers:
        writable: set[str] | None = set()
        for label, model in ctx.project.graph.models.items():
            if model.abstract or model.swapped:
                continue
            for hint in (None, *databases):
                answer = routers.db_for_write(label, hint)
                if answer.aliases is None:
                    writable = None
                    break
                writable |= answer.aliases
            if writable is None:
                break
        if writable is not None:
            found |= databases.keys() - writable
    memo[declared] = frozenset(found)
    return memo[declared]


def _routers(ctx: FileContext) -> Any:
    cached = getattr(ctx.project, "_migrate_routers", None)
    if cached is None:
        from mdblint.project.routers import Routers
        cached = ctx.project._migrate_routers = Routers(ctx.project)
    return cached


def _migrations_app(ctx: FileContext, label: str | None) -> str | None:
    """The app label RunPython asks allow_migrate about: the migration's app (the package above
    `migrations`), else, in a module elsewhere, the model's app."""
    module = ctx.names.module or ""
    parts = module.split(".")
    if "migrations" in parts[1:]:
        package = ".".join(parts[:parts.index("migrations", 1)])
        labels = {m.app_label for m in ctx.project.graph.models.values()
                  if m.module == package + ".models" or m.module.startswith(package + ".models.")}
        return next(iter(labels)) if len(labels) == 1 else package.rpartition(".")[2]
    model = ctx.project.graph.get(label) if label else None
    return model.app_label if model is not None else None


def _get_model(expr: cst.BaseExpression, apps: str) -> str | None | bool:
    """The label of `apps.get_model("app", "Model")` / `apps.get_model("app.Model")`; None if not
    literal; False if `expr` is not such a call."""
    if not (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "get_model"
            and isinstance(expr.func.value, cst.Name) and expr.func.value.value == apps):
        return False
    args = [string_literal(a.value) for a in expr.args if a.keyword is None]
    if len(args) == 2 and None not in args:
        return f"{args[0]}.{args[1]}"
    if len(args) == 1 and args[0] and "." in args[0]:
        return args[0]
    return None


def _chain(expr: cst.BaseExpression, apps: str, models: dict[str, str | None]):
    """(label, methods, last method) of `Model.manager.m1().m2()` / `Model(...).save()` rooted at a
    historical model; None otherwise."""
    methods: list[str] = []
    node = expr
    while True:
        if _get_model(node, apps) is not False:
            break
        if isinstance(node, cst.Call):
            if isinstance(node.func, cst.Attribute):
                methods.append(node.func.attr.value)
                node = node.func.value
                continue
            label = _get_model(node.func, apps) if isinstance(node.func, cst.Call) else \
                models.get(node.func.value, False) if isinstance(node.func, cst.Name) else False
            if label is False or not methods:
                return None
            methods.reverse()   # Model(...).save(): an instance, no manager
            return label, frozenset(methods), methods[-1]
        if isinstance(node, cst.Attribute):
            methods.append(node.attr.value)
            node = node.value
            continue
        break
    label = _get_model(node, apps) if isinstance(node, cst.Call) else \
        models.get(node.value, False) if isinstance(node, cst.Name) else False
    if label is False or len(methods) < 2:
        return None
    methods.reverse()
    manager, rest = methods[0], methods[1:]
    if manager in NOT_MANAGERS or not isinstance(expr, cst.Call):
        return None
    return label, frozenset(rest), rest[-1]


def _keyword(call: cst.Call, name: str) -> bool:
    return any(a.keyword is not None and a.keyword.value == name for a in call.args)


def _mark(expr: cst.CSTNode, seen: set[int]) -> None:
    """The calls of a chain (not its arguments) are judged with it."""
    node = expr
    while isinstance(node, (cst.Call, cst.Attribute)):
        seen.add(id(node))
        node = node.func if isinstance(node, cst.Call) else node.value


def _constructed(expr: cst.BaseExpression, apps: str, models: dict[str, str | None]) -> str | None | bool:
    """The label of a new historical instance `Model(...)`; False if `expr` is not one."""
    if not isinstance(expr, cst.Call):
        return False
    if isinstance(expr.func, cst.Name):
        return models.get(expr.func.value, False)
    return _get_model(expr.func, apps)


def _calls(module: cst.Module, ctx: FileContext) -> list[cst.Call]:
    """Every call of the module in source order: the walk's (which runs whole-module rules
    after it has seen every node), or a walk of our own."""
    return ctx.calls if ctx.calls is not None else list(_nodes(module, cst.Call, scopes=True))


def _nodes(root: cst.CSTNode, kind: Any, scopes: bool = False) -> Iterator[Any]:
    for node in _ordered(root, scopes):
        if isinstance(node, kind):
            yield node


def _ordered(root: cst.CSTNode, scopes: bool = False) -> Iterator[cst.CSTNode]:
    """Nodes in source order (pre-order); nested functions and classes below the root excluded
    unless `scopes`."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if not scopes and node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(reversed(children(node)))
