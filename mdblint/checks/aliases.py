"""MDB5xx: alias names and configuration."""

from __future__ import annotations

import difflib

import libcst as cst

from mdblint.analysis.flow import argument
from mdblint.analysis.names import Value, dotted
from mdblint.analysis.vocab import ALIAS_METHODS, QUERYSET_METHODS, USING_KEYWORD_METHODS, USING_POSITION
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule



def _is_orm_receiver(expr: cst.BaseExpression, ctx: FileContext) -> bool:
    """Does `expr` provably evaluate to a manager or queryset?

    True for chains rooted at a model class (`Book.objects.filter(...)`), through a manager
    attribute the project declares, and for `self` inside a Manager or QuerySet subclass.
    """
    saw_manager = False
    while True:
        if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value in QUERYSET_METHODS:
            expr = expr.func.value
        elif isinstance(expr, cst.Attribute):
            saw_manager = saw_manager or expr.attr.value in ctx.manager_names
            if not saw_manager:
                return False
            expr = expr.value
        else:
            break
    if isinstance(expr, cst.Name):
        if expr.value == "self":
            return _in_manager_class(ctx)
        return saw_manager and _model_label(expr, ctx) is not None
    return False


def _model_label(name: cst.Name, ctx: FileContext) -> str | None:
    qualname = ctx.names.qualname(name)
    if qualname is None and ctx.names.module:
        qualname = f"{ctx.names.module}.{name.value}"
    return ctx.project.graph.by_qualname.get(qualname) if qualname else None


def _in_manager_class(ctx: FileContext) -> bool:
    classes = [s for s in ctx.scopes if isinstance(s, cst.ClassDef)]
    if not classes:
        return False
    for base in classes[-1].bases:
        name = dotted(base.value) or (dotted(base.value.func) if isinstance(base.value, cst.Call) else None) or ""
        if name.split(".")[-1].endswith(("Manager", "QuerySet")):
            return True
    return False


RAISES = "Django raises ConnectionDoesNotExist"
# Where Django does not raise: non_atomic_requests only records the name, and
# BaseHandler.make_view_atomic never finds it, so the view stays in its transaction.
CONSEQUENCE = {"non_atomic_requests": "the decorator silently does nothing and the view still runs in a transaction"}


def _check(ctx: FileContext, node: cst.CSTNode, expr: cst.BaseExpression | None, where: str,
           consequence: str = RAISES) -> None:
    databases = ctx.project.settings.databases
    if expr is None or databases is None:
        return
    value = ctx.string_value(expr)
    if value is None:
        # `settings.NAME` holding one of several strings: every literal it may hold must be an
        # alias (an environment variable's literal default is what runs wherever it is unset;
        # DATABASES joins every conditional alias, so a literal outside it never names one).
        value = next((v for v in ctx.setting_values(expr) if v.value not in databases), None)
    if value is None or value.value in databases:
        return
    _report(ctx, node, value, where, consequence)


def _report(ctx: FileContext, node: cst.CSTNode, value: Value, where: str, consequence: str) -> None:
    settings = ctx.project.settings
    known = sorted(settings.databases)
    close = difflib.get_close_matches(value.value, known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"DATABASES defines {', '.join(map(repr, known))}"
    via = "" if value.how == "literal" else f" (from {value.how})"
    ctx.report(node, "MDB501", (
        f"unknown database alias {value.value!r} in {where}{via}: {consequence}; {hint}"
    ), {
        "alias": value.value,
        "alias_source": {"how": value.how, "at": ctx.at(value)},
        "known_aliases": known,
        "databases_source": {"path": ctx.relpath(settings.path) if settings.path else None,
                             "line": settings.line_of.get("DATABASES")},
        "suggestion": close[0] if close else None,
    })


@rule("MDB501", "unknown-database-alias", "An alias that DATABASES does not define.",
      nodes=(cst.Call, cst.Subscript), tokens=(b"using", b"db_manager", b"connections"))
def unknown_alias(node: cst.CSTNode, ctx: FileContext) -> None:
    if isinstance(node, cst.Subscript):
        # connections["name"]
        if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
                and ctx.names.qualname(node.value) == "django.db.connections":
            _check(ctx, node, node.slice[0].slice.value, "connections[...]")
        return
    func = node.func
    qualname = ctx.names.qualname(func)
    if qualname and qualname.startswith("django.db.transaction."):
        name = qualname.rpartition(".")[2]
        if name in USING_POSITION:
            _check(ctx, node, argument(node, USING_POSITION[name], "using"), f"transaction.{name}()",
                   CONSEQUENCE.get(name, RAISES))
        return
    if not isinstance(func, cst.Attribute):
        return
    method = func.attr.value
    if method in ALIAS_METHODS and _is_orm_receiver(func.value, ctx):
        _check(ctx, node, argument(node, 0, ALIAS_METHODS[method]), f".{method}()")
    elif method in USING_KEYWORD_METHODS:
        _check(ctx, node, argument(node, -1, "using"), f".{method}(using=...)")
