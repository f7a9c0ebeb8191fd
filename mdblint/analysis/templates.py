"""Per-row reads in Django templates: what a view's template does to the rows of the querysets
its context holds.

Sources of a context: `render(request, "t.html", {...})`, `TemplateResponse(request, "t.html",
{...})`, `render_to_string("t.html", {...})` (a dict literal, or a name bound to one and filled
with `ctx["key"] = value`), and the generic `ListView`/`DetailView` (their `queryset =`,
`model =`, `get_queryset()`, `context_object_name`, `template_name` or Django's default
`<app_label>/<model_name>_list.html`/`_detail.html`, and the keys `get_context_data()` adds).

The template (found by mdblint/project/templates.py) is run over that context by the same
interpreter as Python code: `{% for o in orders %}` is a loop over the rows of `orders`;
`{{ o.customer.name }}`, `{% if o.customer %}`, `{{ o.customer|default:"" }}`, `{% with
c=o.customer %}` read a forward key; `{% for l in o.lines.all %}`, `{{ o.lines.count }}` a
related manager; `{{ o }}` runs the model's `__str__` (perrow.py); a property or a method of the
model runs on the row; `{% include "x.html" [with a=b] [only] %}` runs the included template
with that context. Each per-row read is reported as today's N+1 findings are, at the Python line
that names the template (the render call, the view class's `template_name` or its `class`
line), with `via` steps naming the template file and line of the loop and of the read (JSON and
SARIF carry them in `data["via"]`, and `data["template"]`).

Unknown stays silent: a template name that is not a literal or not found in exactly one
`templates` folder, a context that is not a dict mdblint can read, a variable not in the
context, a custom tag (its arguments are not read), a filter other than `default` (its result
is unknown), `{% if forloop.first %}` (runs once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis import perrow
from mdblint.analysis.names import string_literal
from mdblint.analysis.values import (
    UNKNOWN,
    Collection,
    Instance,
    QuerySet,
    RelatedManager,
    Value,
)
from mdblint.project.templates import Template, index_for, lexer_available

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter

# qualname -> (position of the template name, position of the context)
RENDERERS = {
    "django.shortcuts.render": (1, 2),
    "django.shortcuts.render_to_response": (0, 1),
    "django.template.response.TemplateResponse": (1, 2),
    "django.template.response.SimpleTemplateResponse": (0, 1),
    "django.template.loader.render_to_string": (0, 1),
}
LIST_VIEWS = frozenset({"django.views.generic.ListView", "django.views.generic.list.ListView"})
DETAIL_VIEWS = frozenset({"django.views.generic.DetailView", "django.views.generic.detail.DetailView"})
MAX_INCLUDE = 6
# Filters that leave the value as it is (for what is read after them) and render it with str().
KEEPING = frozenset({"default", "default_if_none"})
STRING = frozenset({"default", "default_if_none", "escape", "force_escape", "safe", "upper", "lower", "title",
                    "capfirst", "truncatechars", "truncatewords", "striptags", "linebreaksbr", "linebreaks",
                    "urlize", "center", "ljust", "rjust", "cut", "slugify", "wordwrap"})
# Related-manager and queryset methods a template can call (no arguments).
MANAGER_CALLS = frozenset({"all", "count", "exists", "first", "last", "none"})
OPERATORS = frozenset({"and", "or", "not", "in", "is", "==", "!=", "<", ">", "<=", ">="})
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


# What became of each template source met in this process (for measurement: bench, tests):
# "run", "dynamic name", "context unknown", "not found" (missing, or held by two folders).
STATS: dict[str, int] = {}


def _count(what: str) -> None:
    STATS[what] = STATS.get(what, 0) + 1


@dataclass(frozen=True)
class Mapping(Value):
    """A dict whose string keys are known: a template context."""
    items: tuple = ()                   # ((key, value), ...)
    node: Any = field(default=None, compare=False)   # the dict literal

    def get(self, key: str) -> Value | None:
        return next((v for k, v in self.items if k == key), None)

    def with_item(self, key: str, value: Value) -> "Mapping":
        return Mapping(tuple((k, v) for k, v in self.items if k != key) + ((key, value),), self.node)


class TemplateLoop:
    """A `{% for %}` of a template: the loop a per-row read is on. `carrier` is the Python
    expression the iterated queryset reaches the template through (for --fix, fixes.py)."""

    def __init__(self, text: str, where: dict, carrier: Any) -> None:
        self.text = text
        self.where = where
        self.carrier = carrier

    def __repr__(self) -> str:
        return f"<template loop {self.text} at {self.where}>"


# -- dict values (hooks of flow.py) --

def dict_value(interp: "Interpreter", e: cst.Dict, env: dict) -> Value:
    """`{"k": v, ...}`: a Mapping of its string-keyed items (every element is evaluated)."""
    items = []
    for element in e.elements:
        if isinstance(element, cst.DictElement):
            key = string_literal(element.key)
            if key is None:
                interp.eval(element.key, env)
            value = interp.eval(element.value, env)
            if key is not None:
                items.append((key, value))
        else:
            interp.eval(element.value, env)
    return Mapping(tuple(items), e)


def bind_key(interp: "Interpreter", target: cst.Subscript, value: Value, env: dict) -> dict:
    """`ctx["k"] = v` on a name bound to a Mapping: the name's mapping with that item."""
    if not isinstance(target.value, cst.Name) or len(target.slice) != 1 \
            or not isinstance(target.slice[0].slice, cst.Index):
        return env
    key = string_literal(target.slice[0].slice.value)
    name = target.value.value
    current = env.get(name)
    if not isinstance(current, Mapping):
        return env
    env = dict(env)
    env[name] = current.with_item(key, value) if key is not None else Mapping((), current.node)
    return env


# -- render calls --

def _argument(call: cst.Call, position: int, keyword: str) -> cst.BaseExpression | None:
    positional = [a for a in call.args if a.keyword is None]
    if any(a.star for a in call.args):
        return None
    for a in call.args:
        if a.keyword is not None and a.keyword.value == keyword:
            return a.value
    return positional[position].value if position < len(positional) else None


def render_call(interp: "Interpreter", e: cst.Call, qualname: str, env: dict) -> Value:
    """A call that renders a template with a context: run the template on it."""
    values = {id(a.value): interp.eval(a.value, env) for a in e.args}
    if not lexer_available() or interp._summary is not None or interp.ctx.project.ref is None:
        return UNKNOWN
    name_at, context_at = RENDERERS[qualname]
    name_expr = _argument(e, name_at, "template_name" if "render" in qualname else "template")
    context_expr = _argument(e, context_at, "context")
    if name_expr is None or context_expr is None:
        return UNKNOWN
    found = interp.ctx.string_value(name_expr)
    context = values.get(id(context_expr))
    if found is None or not isinstance(found.value, str):
        _count("dynamic name")
        return UNKNOWN
    if not isinstance(context, Mapping):
        _count("context unknown")
        return UNKNOWN
    carriers = {}
    if isinstance(context_expr, cst.Dict):
        carriers = {string_literal(el.key): el.value for el in context_expr.elements
                    if isinstance(el, cst.DictElement) and string_literal(el.key) is not None}
    run_template(interp, e, found.value, dict(context.items), carriers)
    return UNKNOWN


def run_template(interp: "Interpreter", node: cst.CSTNode, name: str, context: dict[str, Value],
                 carriers: dict[str, Any]) -> bool:
    """Run template `name` over `context`, reporting its per-row reads at `node`; False when the
    template is not known (its name is not found in exactly one templates folder)."""
    index = index_for(interp.ctx.project.ref.root)
    template = index.load(name)
    if template is None:
        _count("not found")
        return False
    _count("run")
    _Run(interp, node, index, carriers).template(template, context, (), 0)
    return True


class _Run:
    def __init__(self, interp: "Interpreter", node: cst.CSTNode, index: Any, carriers: dict[str, Any]) -> None:
        self.interp = interp
        self.node = node
        self.index = index
        self.carriers = carriers
        self.seen: set[tuple] = set()
        self.steps: tuple = ()          # via steps to the read being run (loops, includes)
        self.active: set[str] = set()   # templates being run (include cycles)
        self.carrier: Any = None        # the innermost template loop's carrier (nested loops' rows)

    def where(self, template: Template, line: int) -> tuple[str, int]:
        return self.interp.ctx.relpath(str(template.path)), line

    def step(self, template: Template, text: str, line: int) -> tuple:
        path, line = self.where(template, line)
        return (text if len(text) <= 60 else text[:57] + "...", f"template {template.name}", path, line)

    # -- events --
    def emit(self, event: Any, read: tuple) -> None:
        """A read's event, reported at the Python node with the template's steps."""
        if isinstance(event, ev.RowQuery):
            key = ("row", event.kind, event.path, event.method, id(event.loop))
        elif isinstance(event, ev.LoopQuery):
            key = ("loop", event.model, event.method, id(event.loop))
        else:
            return   # reads, writes: their node is not in the Python file
        if key in self.seen:
            return
        self.seen.add(key)
        steps = (*self.steps, read)
        self.outer_emit(replace(event, node=self.node, via=(*steps, *event.via)))

    def template(self, template: Template, context: dict, steps: tuple, depth: int) -> None:
        if template.name in self.active or depth > MAX_INCLUDE:
            return
        interp = self.interp
        self.active.add(template.name)
        saved = interp.emit, interp._chain_missing, interp._in_chain, self.steps
        self.outer_emit = saved[0] if depth == 0 else self.outer_emit
        self.steps = steps
        try:
            self.nodes(template, template.nodes, dict(context))
        finally:
            interp.emit, interp._chain_missing, interp._in_chain, self.steps = saved
            self.active.discard(template.name)

    def nodes(self, template: Template, nodes: list, context: dict) -> None:
        for node in nodes:
            try:
                self.tag(template, node, context)
            except RecursionError:
                return

    def reading(self, template: Template, node: Any) -> tuple:
        read = self.step(template, node.text, node.line)
        self.interp.emit = lambda event: self.emit(event, read)
        return read

    def tag(self, template: Template, node: Any, context: dict) -> None:
        interp = self.interp
        kind, bits = node.kind, node.bits
        if kind == "var":
            self.reading(template, node)
            self.expression(bits[0], context, rendered=True)
        elif kind == "for":
            self.loop(template, node, context)
        elif kind == "with":
            self.reading(template, node)
            inner = dict(context)
            args = bits[1:]
            if len(args) == 3 and args[1] == "as":   # {% with expr as name %}
                inner[args[2]] = self.expression(args[0], context)
            else:
                for arg in args:
                    key, eq, expr = arg.partition("=")
                    if eq:
                        inner[key] = self.expression(expr, context)
            self.nodes(template, node.body, inner)
        elif kind == "if":
            for branch_bits, body in node.branches:
                self.reading(template, Node_(branch_bits, node))
                once = any(b.startswith("forloop.") for b in branch_bits[1:])
                for bit in branch_bits[1:]:
                    if bit not in OPERATORS and not once:
                        self.expression(bit, context)
                saved, interp._once = interp._once, interp._once or once
                try:
                    self.nodes(template, body, context)
                finally:
                    interp._once = saved
        elif kind == "include":
            self.include(template, node, context)
        elif kind == "block":
            self.nodes(template, node.body, context)
        elif kind == "tag" and bits[0] in ("url", "firstof"):
            self.reading(template, node)
            args = bits[2:] if bits[0] == "url" else bits[1:]
            if "as" in args:
                args = args[:args.index("as")]
            for arg in args:
                self.expression(arg.partition("=")[2] if "=" in arg and not arg.startswith(("'", '"')) else arg,
                                context)
        elif node.body:   # ifchanged, spaceless, autoescape, ...: their bodies render as they are
            for _, body in node.branches:
                self.nodes(template, body, context)

    def loop(self, template: Template, node: Any, context: dict) -> None:
        interp = self.interp
        bits = node.bits
        if "in" not in bits:
            return
        at = bits.index("in")
        targets = [t for part in bits[1:at] for t in part.split(",") if t]
        read = self.reading(template, node)
        iterable = self.expression(bits[at + 1], context) if at + 1 < len(bits) else UNKNOWN
        path, line = self.where(template, node.line)
        head = (_split_filters(bits[at + 1]) or [""])[0].split(".")[0] if at + 1 < len(bits) else ""
        carrier = self.carrier if self.steps else self.carriers.get(head)
        loop = TemplateLoop(node.text, {"path": path, "line": line}, carrier)
        item = interp.element(iterable, loop) if isinstance(iterable, (QuerySet, Collection)) else UNKNOWN
        body_context = dict(context)
        body_context["forloop"] = UNKNOWN
        for t in targets:
            body_context[t] = item if len(targets) == 1 else UNKNOWN
        rows = isinstance(item, Instance) and item.row is not None and item.row.loop is loop
        if rows:
            interp.row_loops.add(loop)
        interp.loops.append(loop)
        saved_once, interp._once = interp._once, False
        saved_steps, self.steps = self.steps, (*self.steps, read) if rows else self.steps
        saved_carrier, self.carrier = self.carrier, carrier if rows else self.carrier
        try:
            self.nodes(template, node.branches[0][1], body_context)
        finally:
            self.steps, self.carrier = saved_steps, saved_carrier
            interp.loops.pop()
            interp._once = saved_once
        for _, body in node.branches[1:]:   # {% empty %}
            self.nodes(template, body, context)

    def include(self, template: Template, node: Any, context: dict) -> None:
        bits = node.bits
        if len(bits) < 2:
            return
        name = _literal(bits[1])
        self.reading(template, node)
        only = "only" in bits[2:]
        inner = {} if only else dict(context)
        if "with" in bits:
            for arg in bits[bits.index("with") + 1:]:
                key, eq, expr = arg.partition("=")
                if eq:
                    inner[key] = self.expression(expr, context)
        if not isinstance(name, str):
            return
        included = self.index.load(name)
        if included is None:
            return
        saved_emit = self.interp.emit
        try:
            self.template(included, inner, (*self.steps, self.step(template, node.text, node.line)),
                          len(self.active))
        finally:
            self.interp.emit = saved_emit

    # -- expressions --
    def expression(self, text: str, context: dict, rendered: bool = False) -> Value:
        """A filter expression `var|f:arg|g`: the variable's value, its reads reported."""
        parts = _split_filters(text)
        if not parts:
            return UNKNOWN
        value = self.variable(parts[0], context)
        str_run = rendered
        for f in parts[1:]:
            fname, colon, arg = f.partition(":")
            fname = fname.strip()
            if colon and _literal(arg) is None:
                self.variable(arg.strip(), context)
            str_run = str_run and fname in STRING
            if fname not in KEEPING:
                value = UNKNOWN
        if str_run and isinstance(value, Instance):
            call = cst.Call(func=cst.Name("str"), args=[cst.Arg(cst.Name("row"))])
            perrow.dunder(self.interp, call, value, "str")
        return value

    def variable(self, text: str, context: dict) -> Value:
        interp = self.interp
        text = text.strip()
        if not text or _literal(text) is not None or text.startswith("_("):
            return UNKNOWN
        names = text.split(".")
        value = context.get(names[0], UNKNOWN)
        saved = interp._chain_missing, interp._in_chain
        interp._chain_missing, interp._in_chain = None, True
        try:
            for i, name in enumerate(names[1:], 1):
                if value is UNKNOWN or not name:
                    value = UNKNOWN
                    break
                value = self.lookup(value, name, ".".join(names[:i + 1]))
        finally:
            missing = interp._chain_missing
            interp._chain_missing, interp._in_chain = saved
        if missing is not None:
            interp.emit(perrow.note(interp, ev.RowQuery(self.node, "forward", *missing)))
        return value

    def lookup(self, value: Value, name: str, text: str) -> Value:
        """Django's lookup order: a key, an attribute (called if callable), an index."""
        interp = self.interp
        if isinstance(value, Mapping):
            return value.get(name) or UNKNOWN
        node = cst.parse_expression(text) if all(p.isidentifier() for p in text.split(".")) else None
        if node is None:
            return UNKNOWN
        if isinstance(value, Instance):
            model = interp.graph.models.get(value.model)
            if model is None:
                return UNKNOWN
            if name in model.relations or name in model.fields or name.endswith("_id"):
                return interp._instance_attribute(value, name, node)
            found = perrow.find_method(interp, value.model, name)
            if found is not None and perrow._usable(found[2], prop=True):
                return interp._instance_attribute(value, name, node)
            if found is not None and perrow._usable(found[2], prop=False) and interp.loops:
                perrow.method_call(interp, cst.Call(func=node), value, name)
            return UNKNOWN
        if isinstance(value, RelatedManager) and name in MANAGER_CALLS:
            saved, interp._in_chain = interp._in_chain, False
            try:
                return interp.related_method(cst.Call(func=node), value, name, {})
            finally:
                interp._in_chain = saved
        if isinstance(value, QuerySet) and name == "all":
            return value
        return UNKNOWN


class Node_:
    """An if/elif branch seen as a tag of its own (for the read's step)."""

    def __init__(self, bits: list[str], node: Any) -> None:
        self.text = "{% " + " ".join(bits) + " %}"
        self.line = node.line


def _literal(text: str) -> Any:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if _NUMBER.match(text) or text in ("True", "False", "None"):
        return text
    return None


def _split_filters(text: str) -> list[str]:
    parts, current, quote = [], [], None
    for ch in text:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif ch == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p for p in (p.strip() for p in parts) if p]


# -- generic class-based views --

def class_views(interp: "Interpreter", module: cst.Module) -> None:
    """ListView/DetailView subclasses of this module: their template over their context."""
    if not lexer_available() or interp.ctx.project.ref is None:
        return
    for stmt in module.body:
        # A view's class names a view among its bases (ListView, a project's BaseOrderView):
        # other classes (models, forms) are not followed into other modules.
        if isinstance(stmt, cst.ClassDef) and any("View" in (_dotted(b.value) or "") for b in stmt.bases):
            try:
                _class_view(interp, stmt)
            except Exception:   # an analysis bug costs this view only
                import os
                if os.environ.get("MDBLINT_DEBUG"):
                    raise


def _dotted(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return None


def _mro(interp: "Interpreter", cls: cst.ClassDef) -> tuple[list, str | None]:
    """The project classes of `cls`'s bases, depth first (owner interpreter, class), and which
    generic view ("list", "detail") it derives from; None when it is neither, or when a base
    mdblint cannot read stands before it."""
    chain, kind, todo, seen = [], None, [(interp, cls)], set()
    while todo:
        owner, current = todo.pop(0)
        if id(current) in seen or len(seen) > 12:
            continue
        seen.add(id(current))
        chain.append((owner, current))
        bases = []
        for base in current.bases:
            if base.keyword is not None:
                continue
            qualname = owner.ctx.names.qualname(base.value)
            if qualname in LIST_VIEWS or qualname in DETAIL_VIEWS:
                kind = kind or ("list" if qualname in LIST_VIEWS else "detail")
                continue
            found = owner.find_class(base.value)
            if found is not None:
                bases.append(found)
            elif qualname is not None and qualname.startswith("django.contrib.auth.mixins"):
                continue   # LoginRequiredMixin, PermissionRequiredMixin: no context of their own
            elif kind is None:
                return chain, None
        todo[:0] = bases
    return chain, kind


def _attributes(chain: list) -> dict[str, tuple]:
    """Class attributes set along the MRO (nearest first): name -> (owner, class, statement, value)."""
    found: dict[str, tuple] = {}
    for owner, cls in chain:
        body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
        for stmt in body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                            and isinstance(small.targets[0].target, cst.Name):
                        found.setdefault(small.targets[0].target.value, (owner, cls, small, small.value))
            elif isinstance(stmt, cst.FunctionDef):
                found.setdefault(stmt.name.value + "()", (owner, cls, stmt, None))
    return found


def _class_view(interp: "Interpreter", cls: cst.ClassDef) -> None:
    chain, kind = _mro(interp, cls)
    if kind is None:
        return
    attrs = _attributes(chain)
    qs, carrier = None, None
    if "get_queryset()" in attrs:
        owner, owner_cls, fn, _ = attrs["get_queryset()"]
        if owner is not interp:
            return
        qs = interp.summarize(fn, owner_cls, None).returns
        carrier = _returned(fn)
    elif "queryset" in attrs:
        owner, _, stmt, expr = attrs["queryset"]
        if owner is not interp:
            return
        qs, carrier = interp.eval(expr, interp.module_env), expr
    elif "model" in attrs:
        owner, _, stmt, expr = attrs["model"]
        model_value = owner.eval(expr, owner.module_env)
        label = getattr(model_value, "label", None)
        model = interp.graph.models.get(label) if label else None
        if model is None or not model.managers:
            return
        qs = QuerySet(label, loaded=perrow._everything() if perrow.manager_loads(interp, label) else None)
    if not isinstance(qs, QuerySet) or qs.rows != "instances":
        return
    model = interp.graph.models.get(qs.model)
    if model is None:
        return
    model_name = model.name.lower()
    name = None
    if "template_name" in attrs:
        owner, _, stmt, expr = attrs["template_name"]
        name = string_literal(expr)
        if name is None:
            return
        node = stmt if owner is interp else cls.name
    else:
        suffix = "_list" if kind == "list" else "_detail"
        if "template_name_suffix" in attrs:
            suffix = string_literal(attrs["template_name_suffix"][3])
            if suffix is None:
                return
        name = f"{model.app_label}/{model_name}{suffix}.html"
        node = cls.name
    object_name = model_name
    if "context_object_name" in attrs:
        object_name = string_literal(attrs["context_object_name"][3])
        if object_name is None:
            return
    context: dict[str, Value] = {}
    carriers: dict[str, Any] = {}
    if kind == "list":
        names = ["object_list", f"{model_name}_list" if "context_object_name" not in attrs else object_name]
        if "paginate_by" in attrs:
            names.append("page_obj")
        for n in names:
            context[n] = qs
            carriers[n] = carrier
    else:
        loaded = qs.evaluated or qs.loaded
        instance = Instance(qs.model, interp.bound_aliases(qs.bound, qs.model), loaded=loaded or _nothing())
        context["object"] = context[object_name] = instance
    if "get_context_data()" in attrs:
        owner, owner_cls, fn, _ = attrs["get_context_data()"]
        if owner is interp:
            context.update(_added_keys(interp, fn, owner_cls))
    run_template(interp, node, name, context, carriers)


def _nothing() -> Any:
    from mdblint.analysis.values import NOTHING_LOADED
    return NOTHING_LOADED


def _returned(fn: cst.FunctionDef) -> Any:
    """The expression of a function's one `return` statement (at its body's top level)."""
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
    returns = [s.body[0].value for s in body if isinstance(s, cst.SimpleStatementLine)
               and isinstance(s.body[0], cst.Return) and s.body[0].value is not None]
    return returns[0] if len(returns) == 1 else None


def _added_keys(interp: "Interpreter", fn: cst.FunctionDef, cls: cst.ClassDef) -> dict[str, Value]:
    """The string keys get_context_data() sets on a context (`context["k"] = v`), with their values."""
    found: dict[str, Value] = {}
    original = interp.bind

    def bind(target: cst.CSTNode, value: Value, env: dict, stmt: cst.CSTNode) -> dict:
        if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
            key = string_literal(target.slice[0].slice.value)
            if key is not None:
                found[key] = value
        return original(target, value, env, stmt)

    interp.bind = bind
    try:
        summary = interp.summarize(fn, cls, None)
    finally:
        del interp.bind
    if isinstance(summary.returns, Mapping):
        found.update(dict(summary.returns.items))
    return found
