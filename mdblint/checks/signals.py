"""MDB407: model signal receivers that write rows without the `using` the signal passes them."""

from __future__ import annotations

from typing import Any

import libcst as cst

from mdblint.analysis.names import string_literal
from mdblint.analysis.vocab import WRITES
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.migrations import _calls, _keyword, _mark, _ordered, _replicas, _routers

SIGNALS = frozenset(f"django.db.models.signals.{s}" for s in
                    ("pre_save", "post_save", "pre_delete", "post_delete", "m2m_changed"))
SWITCHES = frozenset({"using", "db_manager"})
NOT_MANAGERS = frozenset({"_meta", "DoesNotExist", "MultipleObjectsReturned", "pk"})


@rule("MDB407", "signal-receiver-ignores-using",
      "A pre/post_save, pre/post_delete or m2m_changed receiver writes rows without the `using` it receives.",
      tokens=(b"signals",), nodes=(cst.Module,), ungated=True)
def receiver_ignores_using(module: cst.Module, ctx: FileContext) -> None:
    functions = {s.name.value: s for s in module.body if isinstance(s, cst.FunctionDef)}
    receivers: dict[str, tuple[cst.FunctionDef, str, list[str | None]]] = {}   # name -> (fn, signal, senders)

    def add(fn: cst.FunctionDef, signals: list[str], sender: cst.BaseExpression | None) -> None:
        label = _model(ctx, sender) if sender is not None else None
        for signal in signals:
            entry = receivers.setdefault(f"{fn.name.value}:{signal}", (fn, signal, []))
            entry[2].append(label)

    for fn in functions.values():
        for d in fn.decorators:
            call = d.decorator
            if isinstance(call, cst.Call) and (ctx.names.qualname(call.func) or "") == "django.dispatch.receiver" and call.args:
                add(fn, _signals(ctx, call.args[0].value), _kwarg(call, "sender"))
    for call in _calls(module, ctx):
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "connect" and call.args \
                and isinstance(call.args[0].value, cst.Name) and call.args[0].value.value in functions:
            signals = _signals(ctx, func.value)
            if signals:
                add(functions[call.args[0].value.value], signals, _kwarg(call, "sender"))
    checked: set[int] = set()
    for fn, signal, senders in receivers.values():
        if id(fn) in checked or None in senders:   # a receiver of every model's signal: its instances' aliases are unknown
            continue
        checked.add(id(fn))
        _check_receiver(ctx, fn, signal, senders)


def _signals(ctx: FileContext, expr: cst.BaseExpression) -> list[str]:
    items = [e.value for e in expr.elements] if isinstance(expr, (cst.List, cst.Tuple)) else [expr]
    found = [ctx.names.qualname(item) for item in items]
    return [s.rpartition(".")[2] for s in found if s in SIGNALS]


def _kwarg(call: cst.Call, name: str) -> cst.BaseExpression | None:
    return next((a.value for a in call.args if a.keyword is not None and a.keyword.value == name), None)


def _model(ctx: FileContext, expr: cst.BaseExpression | None) -> str | None:
    """The label of a model class named by `expr` (imported, defined in this module, or "app.Model")."""
    if expr is None:
        return None
    literal = string_literal(expr)
    if literal is not None:
        model = ctx.project.graph.get(literal)
        return model.label if model is not None else None
    qualname = ctx.names.qualname(expr)
    if qualname is None and isinstance(expr, cst.Name) and ctx.names.module:
        qualname = f"{ctx.names.module}.{expr.value}"
    return ctx.project.graph.by_qualname.get(qualname) if qualname else None


def _check_receiver(ctx: FileContext, fn: cst.FunctionDef, signal: str, senders: list[str | None]) -> None:
    params = {p.name.value for p in (*fn.params.params, *fn.params.kwonly_params)}
    local: dict[str, str] = {}            # variables holding a new instance of a model
    rebound: set[str] = set()
    seen: set[int] = set()
    for node in _ordered(fn.body):
        if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            name = node.targets[0].target.value
            built = _construct(ctx, node.value, params | rebound)
            if built is not None and name not in rebound:
                local[name] = built
            else:
                local.pop(name, None)
                rebound.add(name)
        if not isinstance(node, cst.Call) or id(node) in seen:
            continue
        func = node.func
        if not isinstance(func, cst.Attribute):
            continue
        method = func.attr.value
        if method in ("save", "delete") and not _keyword(node, "using"):
            target = func.value
            label = local.get(target.value) if isinstance(target, cst.Name) else _construct(ctx, target, params | rebound)
            if label is not None:
                _mark(node, seen)
                _judge(ctx, node, fn, signal, senders, label, f"{label.rpartition('.')[2]}.{method}()")
                continue
        chain = _chain(ctx, node, params | rebound)
        if chain is None:
            continue
        _mark(node, seen)
        label, methods, last = chain
        if last in WRITES and not methods & SWITCHES:
            _judge(ctx, node, fn, signal, senders, label, f"{label.rpartition('.')[2]}.objects...{last}()")


def _judge(ctx: FileContext, node: cst.CSTNode, fn: cst.FunctionDef, signal: str, senders: list[str | None],
           label: str, what: str) -> None:
    """Reported when the routers keep a sender saved on A there, and would write `label`'s row beside
    it if given the instance's database (Django's fallback does both), but without it write to T != A."""
    databases = ctx.project.settings.databases
    if not databases or len(databases) < 2 or ctx.project.settings.routers is None:
        return
    routers = _routers(ctx)
    unhinted = routers.db_for_write(label, None)
    if unhinted.aliases is None or len(unhinted.aliases) != 1:
        return
    target = next(iter(unhinted.aliases))
    replicas = _replicas(ctx, routers)
    for alias in sorted(databases):
        if alias == target or alias in replicas:
            continue
        if not all(s is not None and routers.db_for_write(s, alias).aliases == frozenset({alias}) for s in senders):
            continue
        if routers.db_for_write(label, alias).aliases != frozenset({alias}):
            continue
        sender = ", ".join(sorted({s.rpartition(".")[2] for s in senders if s}))
        verb = "deleted from" if "delete" in signal else "changed on" if signal == "m2m_changed" else "saved on"
        ctx.report(node, "MDB407", (
            f"{what} in {signal} receiver {fn.name.value}() ignores the database the {sender} was {verb}: "
            f"for an instance on {alias!r} it writes to {target!r} ({unhinted.why}); pass the receiver's "
            f"`using` (.using(using), .db_manager(using), save(using=using))"
        ), {"receiver": fn.name.value, "signal": signal, "writes_to": target, "instance_on": alias, "model": label})
        return


def _construct(ctx: FileContext, expr: cst.BaseExpression, local: set[str]) -> str | None:
    if isinstance(expr, cst.Call) and isinstance(expr.func, (cst.Name, cst.Attribute)):
        if isinstance(expr.func, cst.Name) and expr.func.value in local:
            return None
        return _model(ctx, expr.func)
    return None


def _chain(ctx: FileContext, expr: cst.Call, local: set[str]) -> tuple[str, frozenset, str] | None:
    """(label, methods, last) of `Model.manager.m1().m2()` on a model class; None otherwise."""
    methods: list[str] = []
    node: Any = expr
    while isinstance(node, (cst.Call, cst.Attribute)):
        if isinstance(node, cst.Call):
            if not isinstance(node.func, cst.Attribute):
                return None
            node = node.func
        methods.append(node.attr.value)
        node = node.value
    if not isinstance(node, (cst.Name,)) or node.value in local or len(methods) < 2:
        return None
    label = _model(ctx, node)
    if label is None:
        return None
    methods.reverse()
    if methods[0] in NOT_MANAGERS or methods[0] not in ctx.project.graph.models[label].managers:
        return None
    return label, frozenset(methods[1:]), methods[-1]
