"""Views and ATOMIC_REQUESTS: Django's handler wraps a view in `transaction.atomic(using=alias)`
for every alias whose ATOMIC_REQUESTS is true (`BaseHandler.make_view_atomic`), unless the view
is decorated with `transaction.non_atomic_requests` (for that alias, or every one).

A function is a view when mdblint can show it statically: a module-level function whose first
parameter is `request`, or a method of a class with a `...View` / `...ViewSet` base, in a views
module (`views.py`, a `views` package); or a module-level function or class routed by this
module's own `urlpatterns` (`path("x/", view)`, `path("x/", View.as_view())`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis.names import dotted
from mdblint.analysis.values import Aliases, Source

if TYPE_CHECKING:
    from mdblint.analysis.walk import FileContext

NON_ATOMIC = "django.db.transaction.non_atomic_requests"
URL_FUNCTIONS = frozenset({"path", "re_path", "url"})


def routed_names(module: cst.Module) -> frozenset[str]:
    """Names of module-level functions and classes that this module's `urlpatterns` route to."""
    found: set[str] = set()
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, (cst.AugAssign, cst.AnnAssign)) else []
            if not any(isinstance(t, cst.Name) and t.value == "urlpatterns" for t in targets):
                continue
            value = small.value
            for element in value.elements if isinstance(value, (cst.List, cst.Tuple)) else ():
                call = element.value
                if not (isinstance(call, cst.Call) and (dotted(call.func) or "").rpartition(".")[2] in URL_FUNCTIONS
                        and len(call.args) >= 2):
                    continue
                view = call.args[1].value
                if isinstance(view, cst.Call) and isinstance(view.func, cst.Attribute) and view.func.attr.value == "as_view":
                    view = view.func.value
                if isinstance(view, cst.Name):
                    found.add(view.value)
    return frozenset(found)


HANDLERS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "dispatch"})


def called_names(module: cst.Module) -> frozenset[str]:
    """Names called as `name(...)` anywhere in the module."""
    from mdblint.analysis.walk import children

    found, stack = set(), [module]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
            found.add(node.func.value)
        stack.extend(children(node))
    return frozenset(found)


# Methods Django's management command runner calls (BaseCommand.execute opens no transaction).
COMMAND_HANDLERS = frozenset({"handle", "handle_label", "handle_app_config"})
# Task queues whose workers call a decorated function outside any transaction of the caller's.
TASK_MODULES = ("celery", "dramatiq", "huey", "django_rq", "rq", "django_q", "procrastinate")
TASK_DECORATORS = frozenset({"shared_task", "task", "periodic_task", "db_task", "db_periodic_task", "actor", "job"})


def entry_point(ctx: "FileContext", fn: cst.FunctionDef, cls: cst.ClassDef | None, routed: frozenset[str],
                called: frozenset[str], top_level: bool) -> str:
    """What calls `fn` from outside any block of the project's own, if mdblint can show it: "view"
    (Django's handler: a view that nothing in its module calls, or an HTTP handler method of a view
    class), "command" (a management command's handle()), "task" (a task queue's worker: a
    module-level function decorated as a task that nothing in its module calls); "" otherwise."""
    if _is_async(fn):
        return ""
    if cls is not None and fn.name.value in COMMAND_HANDLERS and top_level and _is_command(cls):
        return "command"
    if cls is None and top_level and fn.name.value not in called and _is_task(ctx, fn):
        return "task"
    if not _is_view(ctx, fn, cls, routed, top_level):
        return ""
    if cls is None:
        return "view" if fn.name.value not in called else ""
    return "view" if fn.name.value in HANDLERS else ""


def opaque_decorator(interp: Any, decorators) -> bool:
    """A decorator of the project's own that is not a module-level function (an instance, a class,
    a method): what it wraps the function in (a block?) is not followed, so the function is not
    known to run outside every block. Functions are followed by the interpreter (their blocks are
    seen, or their aliases are unknown)."""
    ctx = interp.ctx
    for d in decorators:
        expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        if isinstance(expr, cst.Name) and expr.value in interp.functions:
            continue
        qualname = ctx.names.qualname(expr)
        if qualname is None:
            if isinstance(expr, cst.Name) and expr.value in interp.classes or not isinstance(expr, cst.Name):
                return True    # a class of this module, or an attribute of something unknown
            continue
        module, _, name = qualname.rpartition(".")
        if module not in ctx.project.modules:
            continue          # Django's, a task queue's, a library's
        other = interp.services.module_interpreter(module) if interp.services is not None else None
        if other is None or name not in other.functions:
            return True
    return False


def _is_command(cls: cst.ClassDef) -> bool:
    """A management command class: a `...Command` base (BaseCommand, LabelCommand, AppCommand, a
    project's own command base)."""
    return any((dotted(b.value) or "").rpartition(".")[2].endswith("Command") for b in cls.bases)


def _is_task(ctx: "FileContext", fn: cst.FunctionDef) -> bool:
    """Decorated as a task: `@shared_task`, `@app.task(...)`, `@dramatiq.actor`, `@db_task()`,
    `@job`, imported from a task queue or taken from an app object (`app.task`)."""
    for d in fn.decorators:
        expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        name = dotted(expr) or ""
        if name.rpartition(".")[2] not in TASK_DECORATORS:
            continue
        qualname = ctx.names.qualname(expr) or ""
        if qualname.split(".")[0] in TASK_MODULES or (isinstance(expr, cst.Attribute) and name.rpartition(".")[2] in
                                                      ("task", "shared_task", "periodic_task", "actor")):
            return True
    return False


def is_views_module(module: str | None) -> bool:
    return bool(module) and "views" in module.split(".")[1:] or (module or "").rpartition(".")[2] == "views"


def request_atomics(ctx: "FileContext", fn: cst.FunctionDef, cls: cst.ClassDef | None, routed: frozenset[str],
                    top_level: bool) -> list[Aliases]:
    """The atomic blocks Django opens around `fn` when it runs as (part of) a view."""
    databases = ctx.project.settings.databases
    if not databases or not any(d.atomic_requests for d in databases.values()):
        return []
    if not _is_view(ctx, fn, cls, routed, top_level):
        return []
    excluded = _non_atomic(ctx, fn.decorators) | (_non_atomic(ctx, cls.decorators) if cls is not None else set())
    if cls is not None and "*" not in excluded:
        for stmt in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "dispatch":
                excluded |= _non_atomic(ctx, stmt.decorators)
    if "*" in excluded:
        return []
    # An ATOMIC_REQUESTS that is not a literal: which blocks Django opens is unknown.
    if any(d.atomic_requests is None for d in databases.values()):
        return [Aliases(unknown=True)]
    settings = ctx.project.settings
    path = ctx.relpath(settings.path_of.get("DATABASES", settings.path)) if settings.path else None
    return [Aliases.of(alias, Source("ATOMIC_REQUESTS", None, path, d.line or None))
            for alias, d in sorted(databases.items()) if d.atomic_requests and alias not in excluded]


def _is_view(ctx: "FileContext", fn: cst.FunctionDef, cls: cst.ClassDef | None, routed: frozenset[str],
             top_level: bool) -> bool:
    if cls is None:
        if not top_level or _is_async(fn):   # Django refuses ATOMIC_REQUESTS with async views
            return False
        if fn.name.value in routed:
            return True
        params = fn.params.params
        return is_views_module(ctx.names.module) and bool(params) and params[0].name.value == "request"
    if cls.name.value in routed:
        return True
    return is_views_module(ctx.names.module) and any(
        (dotted(b.value) or "").rpartition(".")[2].endswith(("View", "ViewSet")) for b in cls.bases)


def _is_async(fn: cst.FunctionDef) -> bool:
    return fn.asynchronous is not None


def _non_atomic(ctx: "FileContext", decorators) -> set[str]:
    """Aliases a `non_atomic_requests` decorator names ("*": every one, or not known), also through
    `method_decorator(...)`."""
    found: set[str] = set()
    for d in decorators:
        expr = d.decorator
        if isinstance(expr, cst.Call) and (dotted(expr.func) or "").rpartition(".")[2] == "method_decorator" and expr.args:
            expr = expr.args[0].value
        target = expr.func if isinstance(expr, cst.Call) else expr
        if ctx.names.qualname(target) != NON_ATOMIC and (dotted(target) or "").rpartition(".")[2] != "non_atomic_requests":
            continue
        using = None
        if isinstance(expr, cst.Call):
            for i, a in enumerate(expr.args):
                if (a.keyword is None and i == 0) or (a.keyword is not None and a.keyword.value == "using"):
                    using = a.value
        if using is None:   # non_atomic_requests(using=None) means DEFAULT_DB_ALIAS
            found.add("default")
            continue
        value = ctx.string_value(using)
        found.add(value.value if value is not None else "*")
    return found


# Django's own authentication backend: it loads `request.user` with `UserModel._default_manager`,
# so the user is on the database the routers answer `db_for_read(User)` with (no instance hint).
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def is_request_user(ctx: "FileContext", fn: cst.FunctionDef | None, cls: cst.ClassDef | None, routed: frozenset[str],
                    called: frozenset[str], top_level: bool, expr: cst.BaseExpression, self_name: str | None) -> bool:
    """Is `expr.user` the authenticated user of the request a view is handling: `request.user` with
    `request` the first parameter of a view function that nothing in its module calls, or
    `self.request.user` in a method of a view class (Django's View.setup() sets `self.request`)? Only with Django's ModelBackend (the
    default), which loads the user through the model's default manager."""
    if fn is None or not _model_backend_only(ctx):
        return False
    if cls is None:
        params = fn.params.params
        return isinstance(expr, cst.Name) and bool(params) and expr.value == params[0].name.value \
            and fn.name.value not in called and _is_view(ctx, fn, None, routed, top_level)
    if not (top_level and self_name is not None and _is_view(ctx, fn, cls, routed, True)):
        return False
    params = fn.params.params
    if isinstance(expr, cst.Name):   # `def get(self, request, ...)`: Django's handler passes the request
        return fn.name.value in HANDLERS and len(params) > 1 and expr.value == params[1].name.value
    return isinstance(expr, cst.Attribute) and expr.attr.value == "request" and isinstance(expr.value, cst.Name) \
        and expr.value.value == self_name


def _model_backend_only(ctx: "FileContext") -> bool:
    settings = ctx.project.settings
    if "AUTHENTICATION_BACKENDS" not in settings.line_of and "AUTHENTICATION_BACKENDS" not in settings.constants:
        return True   # Django's default
    value = settings.constants.get("AUTHENTICATION_BACKENDS")
    return isinstance(value, (list, tuple)) and list(value) == [MODEL_BACKEND]
