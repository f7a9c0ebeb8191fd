"""Django REST framework serializers run over a queryset's rows (`many=True`): what every row's
serialization reads, read statically (DRF and project code are never imported).

A serializer is a project class whose bases reach `rest_framework.serializers`' serializers
(through the index's class table). Its fields, per row (DRF's `to_representation`):
- a declared field `x = <DRF field>(source="a.b")` reads the attribute path `a.b` (a forward key
  on the way is one object per row);
- `StringRelatedField` reads the relation and runs the target's `__str__` (perrow.py's summary);
  `SlugRelatedField` reads the related object; `PrimaryKeyRelatedField` and
  `HyperlinkedRelatedField` on a forward key read only the key (DRF's pk-only optimization); any
  related field with `many=True` evaluates the related manager (`.all()`) per row;
- a nested project serializer reads its relation (forward: one object, `many=True`: the related
  manager) and then its own fields on the related rows, below that path;
- `SerializerMethodField` runs `get_<name>(self, obj)`, and a source naming a property or a
  method of the model runs it: their per-row effects come from perrow.py's summaries;
- `Meta.fields` of a ModelSerializer (`"__all__"`, a literal list; `exclude`): a forward key is
  a `PrimaryKeyRelatedField` (the key only), a to-many relation a `PrimaryKeyRelatedField(many=True)`
  (a query per row), both nested with `Meta.depth`.
Anything else (a project field class, `source="*"`, a serializer that overrides
`to_representation`, a `list_serializer_class`, Meta.fields mdblint cannot read, an unknown
base class) stays silent: unknown is never reported.

Where rows come from:
- a list view (a project class reaching `ListModelMixin`: ListAPIView, ListCreateAPIView,
  ModelViewSet, ReadOnlyModelViewSet) with `serializer_class` and `queryset = ...` or
  `get_queryset()` (found on its project MRO; a view that overrides `list`,
  `get_serializer_class` or `get_serializer`, or has a base mdblint cannot read, is skipped).
  These are reported in the serializer's module (`serializer_module`), at the field, naming the
  views; the views are found through the index's class table and read once per run;
- `Serializer(qs, many=True)` in code the interpreter runs (function views): `serializer_call`,
  reported at the field when the serializer is in the same module, else at the call.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis import perrow
from mdblint.analysis.names import string_literal
from mdblint.analysis.values import EVERYTHING_LOADED, NOTHING_LOADED, Loaded, ModelClass, QuerySet
from mdblint.analysis.vocab import REQUERIES
from mdblint.analysis.walk import children

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter

SERIALIZERS = frozenset({
    "rest_framework.serializers.Serializer", "rest_framework.serializers.ModelSerializer",
    "rest_framework.serializers.HyperlinkedModelSerializer",
})
LIST_VIEWS = frozenset({
    "rest_framework.mixins.ListModelMixin", "rest_framework.generics.ListAPIView",
    "rest_framework.generics.ListCreateAPIView", "rest_framework.viewsets.ModelViewSet",
    "rest_framework.viewsets.ReadOnlyModelViewSet",
})
DRF_MODULES = ("rest_framework.serializers.", "rest_framework.fields.", "rest_framework.relations.")
PK_ONLY = frozenset({"PrimaryKeyRelatedField", "HyperlinkedRelatedField"})
RELATED = frozenset({"PrimaryKeyRelatedField", "HyperlinkedRelatedField", "StringRelatedField", "SlugRelatedField",
                     "RelatedField", "ManyRelatedField"})
# Fields that never read the instance's attributes on output.
SILENT = frozenset({"HiddenField", "HyperlinkedIdentityField", "SerializerMethodField"})
# View methods that change which serializer runs or how the list is built.
VIEW_OVERRIDES = ("list", "get_serializer_class", "get_serializer")
SERIALIZER_OVERRIDES = ("to_representation",)
# Decorators of a SerializerMethodField's method that only annotate it for schema generators
# (drf-spectacular, drf-yasg) and return it unchanged.
SCHEMA_DECORATORS = frozenset({"extend_schema_field", "swagger_serializer_method"})
FORWARD = frozenset({"fk", "o2o"})
TO_MANY = frozenset({"reverse_fk", "m2m", "reverse_m2m", "generic_relation"})
MAX_NESTING = 6


@dataclass(frozen=True)
class Read:
    """One relation read per serialized row, not loaded with the rows."""
    kind: str            # "forward" (select_related), "manager" (prefetch_related), "query" (any other query)
    model: str           # the model whose relation is read (or queried)
    relation: str        # the relation's name (the query's method for "query")
    path: str            # from the serialized rows: what the fix loads
    through_many: bool   # the path crosses a to-many relation: prefetch_related only
    steps: tuple = ()    # (text, path, line): the fields and calls from the root field to the read


@dataclass(frozen=True)
class SerializedRead:
    """A serializer field of this module (or, for an explicit call in another module's
    serializer, the call) that reads `reads` for every row of the querysets `views` serialize."""
    node: Any
    serializer: str
    field: str
    reads: tuple         # Read, ...: all loaded by one method (or one query)
    views: tuple         # ((view name, path, line), ...)
    # (queryset node of this module, the Serializer(...) call or None, path): where --fix adds a path
    fixes: tuple = ()


_MEMO: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def _memo(interp: "Interpreter") -> dict:
    return _MEMO.setdefault(interp.summaries, {})


# -- classes --

def _bases_reach(interp: "Interpreter", qualname: str, roots: frozenset[str]) -> bool | None:
    """Does the project class reach one of `roots` through its bases? None when a base is unknown."""
    bases = interp.ctx.project.class_bases
    seen, todo, unknown = set(), [qualname], False
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for base in bases.get(current, ()):
            if base in roots:
                return True
            if base in bases:
                todo.append(base)
            elif not base.startswith(("rest_framework.", "django.")) and base not in ("object", "builtins.object"):
                unknown = True
    return None if unknown else False


def _qualname(owner: "Interpreter", cls: cst.ClassDef) -> str:
    return f"{owner.ctx.names.module}.{cls.name.value}"


def _reaches(owner: "Interpreter", cls: cst.ClassDef, roots: frozenset[str]) -> bool:
    """Does the class statement reach one of `roots` through its written bases (read from the
    parsed modules: the file being linted may be newer than the index, or outside the project)?"""
    todo, seen = [(owner, cls)], set()
    while todo:
        current, c = todo.pop()
        if id(c) in seen or len(seen) > 30:
            continue
        seen.add(id(c))
        for base in c.bases:
            if base.keyword is not None:
                continue
            qualname = current.ctx.names.qualname(base.value) or ""
            if qualname in roots:
                return True
            if qualname.startswith(("rest_framework.", "django.")):
                continue
            found = current.find_class(base.value)
            if found is not None:
                todo.append(found)
    return False


def is_serializer(owner: "Interpreter", cls: cst.ClassDef) -> bool:
    return _reaches(owner, cls, SERIALIZERS)


def _body(cls: cst.ClassDef) -> list:
    return list(cls.body.body) if isinstance(cls.body, cst.IndentedBlock) else []


def _assignments(cls: cst.ClassDef) -> dict[str, tuple[cst.CSTNode, cst.BaseExpression]]:
    """Class-level `name = value` (the statement line and the value)."""
    out = {}
    for stmt in _body(cls):
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                    out[small.targets[0].target.value] = (stmt, small.value)
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value is not None:
                    out[small.target.value] = (stmt, small.value)
    return out


def _methods(cls: cst.ClassDef) -> dict[str, cst.FunctionDef]:
    return {s.name.value: s for s in _body(cls) if isinstance(s, cst.FunctionDef)}


def _meta(cls: cst.ClassDef) -> cst.ClassDef | None:
    return next((s for s in _body(cls) if isinstance(s, cst.ClassDef) and s.name.value == "Meta"), None)


def _mro(owner: "Interpreter", cls: cst.ClassDef) -> list[tuple["Interpreter", cst.ClassDef]] | None:
    """The project classes of `cls`'s MRO (depth-first over the written bases), up to DRF's and
    Django's own; None when a base is neither (a third-party class may define anything)."""
    out, todo, seen = [], [(owner, cls)], set()
    while todo:
        current, c = todo.pop(0)
        if id(c) in seen:
            continue
        seen.add(id(c))
        out.append((current, c))
        bases = []
        for base in c.bases:
            if base.keyword is not None:
                continue
            qualname = current.ctx.names.qualname(base.value) or ""
            if qualname.startswith(("rest_framework.", "django.")) or qualname in ("object", "builtins.object"):
                continue
            found = current.find_class(base.value)
            if found is None:
                return None
            bases.append(found)
        todo[:0] = bases
        if len(out) > 30:
            return None
    return out


# -- what a serializer reads per row --

class _Walk:
    """One serializer's reads over rows of `model` that come with `loaded`."""

    def __init__(self, interp: "Interpreter") -> None:
        self.interp = interp
        self.reads: list[Read] = []
        self.active: set[int] = set()

    def locate(self, owner: "Interpreter", node: cst.CSTNode) -> tuple[str, int | None]:
        return owner.locate(node)

    # The rows: (model, loaded, path, through_many).
    def serializer(self, owner: "Interpreter", cls: cst.ClassDef, model: str, loaded: Loaded, path: str,
                   many: bool, steps: tuple, depth: int) -> list[tuple[str, cst.CSTNode, list[Read]]] | None:
        """The reads of each field: [(field name, its statement, reads)]; None when unknown."""
        if id(cls) in self.active or depth > MAX_NESTING:
            return None
        mro = _mro(owner, cls)
        if mro is None:
            return None
        if any(name in _methods(c) for _, c in mro for name in SERIALIZER_OVERRIDES):
            return None
        meta_owner, meta = next(((o, _meta(c)) for o, c in mro if _meta(c) is not None), (None, None))
        meta_attrs = _assignments(meta) if meta is not None else {}
        if "list_serializer_class" in meta_attrs and path == "":
            return None
        meta_model = meta_attrs.get("model")
        if meta_model is not None:
            value = meta_owner.eval(meta_model[1], meta_owner.module_env)
            if not isinstance(value, ModelClass) or not self.interp.is_a(model, value.label):
                return None
        self.active.add(id(cls))
        try:
            return self._fields(owner, cls, mro, meta_owner, meta, meta_attrs, model, loaded, path, many, steps, depth)
        finally:
            self.active.discard(id(cls))

    def _fields(self, owner, cls, mro, meta_owner, meta, meta_attrs, model, loaded, path, many, steps, depth):
        # Declared fields, the class's own last (a subclass's declaration wins).
        declared: dict[str, tuple[Any, cst.CSTNode, cst.BaseExpression, bool]] = {}
        for o, c in reversed(mro):
            for name, (stmt, value) in _assignments(c).items():
                if isinstance(value, cst.Call):
                    declared[name] = (o, stmt, value, c is cls)
                else:
                    declared.pop(name, None)
        fields = _literal_names(meta_attrs.get("fields"))
        exclude = _literal_names(meta_attrs.get("exclude"))
        depth_value = _int(meta_attrs.get("depth"))
        is_model_serializer = "model" in meta_attrs or (meta is not None and bool(meta.bases))
        out: list[tuple[str, cst.CSTNode, list[Read]]] = []
        if is_model_serializer:
            if "fields" in meta_attrs and fields is None or "exclude" in meta_attrs and exclude is None \
                    or "depth" in meta_attrs and depth_value is None or "model" not in meta_attrs \
                    or "fields" not in meta_attrs and "exclude" not in meta_attrs:
                # Meta.fields unknown: only the class's own declared fields are surely serialized.
                names = [n for n, d in declared.items() if d[3]]
                implicit: list[tuple[str, cst.CSTNode]] = []
            else:
                graph_model = self.interp.graph.models.get(model)
                if graph_model is None:
                    return None
                if fields == ["__all__"] or fields is None:
                    names = [*graph_model.fields, *(r.name for r in graph_model.relations.values() if r.kind == "m2m")]
                    names += [n for n in declared if n not in names]
                    names = [n for n in names if n not in (exclude or [])]
                    at = meta_attrs.get("fields", meta_attrs.get("exclude"))
                    implicit = [(n, at[0] if at is not None else cls) for n in names if n not in declared]
                else:
                    names = fields
                    at = meta_attrs["fields"]
                    implicit = [(n, _element(at[1], n) or at[0]) for n in names if n not in declared]
                names = [n for n in names if n in declared]
                for name, node in implicit:
                    reads = self._implicit(meta_owner, model, name, loaded, path, many, steps, depth_value or 0, depth, node)
                    if reads is not None:
                        out.append((name, node, reads))
        else:
            names = list(declared)
        for name in names:
            o, stmt, value, _ = declared[name]
            reads = self._declared(o, cls, name, value, model, loaded, path, many, steps, depth, stmt)
            if reads is not None:
                out.append((name, stmt, reads))
        # DRF's order: Meta.fields as listed; with "__all__"/exclude the declared fields come first.
        order = {n: i for i, n in enumerate(fields)} if fields and fields != ["__all__"] else \
            {n: i for i, n in enumerate(declared)}
        return sorted(out, key=lambda item: order.get(item[0], len(order)))

    def _declared(self, owner, cls, name, call: cst.Call, model, loaded, path, many, steps, depth, stmt):
        """A declared field `name = Field(...)`: its reads, [] for none, None when unknown."""
        if _kwarg_true(call, "write_only"):
            return []
        source = _kwarg_string(call, "source")
        if any(a.keyword is not None and a.keyword.value == "source" for a in call.args) and source is None:
            return None
        source = source or name
        if source == "*":
            return None
        qualname = owner.ctx.names.qualname(call.func) or ""
        kind = qualname.rpartition(".")[2]
        where = owner.locate(stmt)
        text = f"{cls.name.value}.{name}"
        if qualname.startswith(DRF_MODULES):
            if kind == "SerializerMethodField":
                method = _kwarg_string(call, "method_name") or f"get_{name}"
                return self._method_field(owner, cls, method, model, loaded, path, many, (*steps, (text, *where)))
            if kind in SILENT:
                return []
            if kind in RELATED or kind == "ManyRelatedField":
                return self._related(owner, kind, call, model, source, loaded, path, many, (*steps, (text, *where)))
            return self._attribute_path(model, source, loaded, path, many, (*steps, (text, *where)), last_object=True)
        found = owner.find_class(call.func)
        if found is None or not is_serializer(*found):
            return None
        return self._nested(found[0], found[1], model, source, _kwarg_true(call, "many"), loaded, path, many,
                            (*steps, (text, *where)), depth)

    def _walk_path(self, model, source, loaded, path, many, steps, stop_before_last: bool = False):
        """Follow `a.b.c` from rows of `model`: the forward keys read on the way. Returns
        (reads, (model, loaded, path, many, last name)) or None when unknown."""
        parts = source.split(".")
        reads: list[Read] = []
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if last and stop_before_last:
                return reads, (model, loaded, path, many, part)
            relation = self.interp._relation(model, part)
            graph_model = self.interp.graph.models.get(model)
            if graph_model is None:
                return None
            if relation is None:
                if not last:
                    return None   # a property or method on the way: its result is unknown
                return reads, (model, loaded, path, many, part)
            child = f"{path}__{part}" if path else part
            if relation.kind in FORWARD or relation.kind == "reverse_o2o":
                if last:
                    return reads, (model, loaded, path, many, part)
                free = relation.parent_link and relation.kind != "reverse_o2o"
                if not free and not loaded.covers(part, True, relation.null is True):
                    reads.append(Read("forward", model, part, child, many, steps))
                    loaded = EVERYTHING_LOADED   # reported once, at the first key not loaded
                else:
                    loaded = loaded.below(part)
                model, path = relation.target, child
                continue
            if last:
                return reads, (model, loaded, path, many, part)
            return None   # `a.b` through a to-many relation: an attribute of a manager
        return reads, (model, loaded, path, many, parts[-1])

    def _attribute_path(self, model, source, loaded, path, many, steps, last_object: bool):
        """A plain field (CharField(source="a.b"), ReadOnlyField, ...): the path's keys, and the
        last name: a forward key reads its object (the field shows its str()), a property or a
        model method runs on the row."""
        walked = self._walk_path(model, source, loaded, path, many, steps)
        if walked is None:
            return None
        reads, (model, loaded, path, many, last) = walked
        relation = self.interp._relation(model, last)
        if relation is None:
            graph_model = self.interp.graph.models.get(model)
            if graph_model is not None and (last in graph_model.fields or last.endswith("_id") or last == "pk"):
                return reads
            effects = self._callable(model, last, loaded, path, many, steps)
            return None if effects is None else reads + effects
        if relation.kind in FORWARD or relation.kind == "reverse_o2o":
            return reads + self._object(model, relation, loaded, path, many, steps, run_str=last_object)
        return None   # a manager shown as a string: unknown

    def _object(self, model, relation, loaded, path, many, steps, run_str: bool) -> list[Read]:
        """The related object of a forward key (or reverse one-to-one) read, and its __str__."""
        name = relation.name
        child = f"{path}__{name}" if path else name
        free = relation.parent_link and relation.kind != "reverse_o2o"
        if not free and not loaded.covers(name, True, relation.null is True):
            return [Read("forward", model, name, child, many, steps)]
        if run_str:
            return self._str(relation.target, loaded.below(name), child, many, steps)
        return []

    def _str(self, model, loaded, path, many, steps) -> list[Read]:
        found = perrow.find_method(self.interp, model, "__str__")
        if found is None:
            return []
        return self._run(found[0], found[2], found[1], model, loaded, path, many, steps, f"{_short(model)}.__str__") or []

    def _callable(self, model, name, loaded, path, many, steps):
        """`source` naming a property or a method of the model: DRF reads or calls it on the row."""
        found = perrow.find_method(self.interp, model, name)
        if found is None:
            return None
        owner, cls, fn = found
        params = perrow._params(fn)
        if not (perrow._usable(fn, prop=True) and len(params) >= 1 or perrow._usable(fn, prop=False) and len(params) == 1):
            return None   # DRF calls a method without arguments
        return self._run(owner, fn, cls, model, loaded, path, many, steps, f"{_short(model)}.{name}")

    def _run(self, owner, fn, cls, model, loaded, path, many, steps, text, param_index: int = 0, self_cls=None):
        """The per-row effects of `fn` with its parameter `param_index` bound to the row."""
        params = perrow._params(fn)
        if len(params) <= param_index:
            return None
        try:
            found = perrow._effects(owner, fn, cls if self_cls is None else self_cls,
                                    {params[param_index]: (model, loaded)}, {})
        except Exception:   # an analysis bug costs this field only
            return None
        reads = []
        for _, event, where_path, line, _ in found:
            step = (*steps, (text, where_path, line))
            if isinstance(event, ev.RowQuery) and event.kind in ("forward", "manager", "requery", "to_attr"):
                full = f"{path}__{event.path}" if path else event.path
                kind = "forward" if event.kind == "forward" else "manager"
                name = getattr(event.relation, "name", None) or event.path.rpartition("__")[2]
                if event.kind in ("requery", "to_attr") or event.method in REQUERIES:
                    reads.append(Read("query", event.model, event.method or name, full, True, step))
                else:
                    reads.append(Read(kind, event.model, name, full, many or event.through_many, step))
            elif isinstance(event, ev.LoopQuery):
                reads.append(Read("query", event.model, event.method, path, True, step))
        return reads

    def _method_field(self, owner, cls, method, model, loaded, path, many, steps):
        mro = _mro(owner, cls)
        if mro is None:
            return None
        found = next(((o, c, _methods(c)[method]) for o, c in mro if method in _methods(c)), None)
        if found is None:
            return None
        o, c, fn = found
        if any(d not in SCHEMA_DECORATORS for d in perrow._decorators(fn)):
            return None
        return self._run(o, fn, c, model, loaded, path, many, steps, f"{c.name.value}.{method}()", param_index=1,
                         self_cls=c)

    def _related(self, owner, kind, call, model, source, loaded, path, many, steps):
        """A related field: `PrimaryKeyRelatedField`, `StringRelatedField`, `SlugRelatedField`, ..."""
        if kind == "HyperlinkedRelatedField" and _kwarg_string(call, "lookup_field") not in (None, "pk"):
            kind = "SlugRelatedField"
        if kind not in ("PrimaryKeyRelatedField", "HyperlinkedRelatedField", "StringRelatedField", "SlugRelatedField"):
            return None
        walked = self._walk_path(model, source, loaded, path, many, steps)
        if walked is None:
            return None
        reads, (model, loaded, path, many_rows, last) = walked
        relation = self.interp._relation(model, last)
        if relation is None or relation.target is None:
            return None
        child = f"{path}__{last}" if path else last
        if _kwarg_true(call, "many"):
            if relation.kind not in TO_MANY:
                return None
            if perrow.manager_loads(self.interp, relation.target):
                return reads
            if not loaded.covers(last, False):
                return reads + [Read("manager", model, last, child, True, steps)]
            if kind == "StringRelatedField":
                return reads + self._str(relation.target, loaded.below(last), child, True, steps)
            if kind == "SlugRelatedField":
                slug = _kwarg_string(call, "slug_field")
                if slug is None:
                    return None
                more = self._attribute_path(relation.target, slug, loaded.below(last), child, True, steps, last_object=False)
                return None if more is None else reads + more
            return reads
        if relation.kind not in FORWARD:
            return None
        if kind in PK_ONLY:
            return reads   # DRF reads the key's column only
        if kind == "StringRelatedField":
            return reads + self._object(model, relation, loaded, path, many_rows, steps, run_str=True)
        return reads + self._object(model, relation, loaded, path, many_rows, steps, run_str=False)

    def _nested(self, owner, cls, model, source, nested_many, loaded, path, many, steps, depth):
        """A nested serializer over the relation `source`."""
        walked = self._walk_path(model, source, loaded, path, many, steps)
        if walked is None:
            return None
        reads, (model, loaded, path, many, last) = walked
        relation = self.interp._relation(model, last)
        if relation is None or relation.target is None:
            return None
        child = f"{path}__{last}" if path else last
        if nested_many:
            if relation.kind not in TO_MANY:
                return None
            if perrow.manager_loads(self.interp, relation.target):
                return reads
            if not loaded.covers(last, False):
                return reads + [Read("manager", model, last, child, True, steps)]
            inner = self.serializer(owner, cls, relation.target, loaded.below(last), child, True, steps, depth + 1)
        else:
            if relation.kind not in FORWARD and relation.kind != "reverse_o2o":
                return None
            free = relation.parent_link and relation.kind != "reverse_o2o"
            if not free and not loaded.covers(last, True, relation.null is True):
                return reads + [Read("forward", model, last, child, many, steps)]
            inner = self.serializer(owner, cls, relation.target, loaded.below(last), child, many, steps, depth + 1)
        if inner is None:
            return reads
        for name, stmt, more in inner:
            reads += more
        return reads

    def _implicit(self, owner, model, name, loaded, path, many, steps, meta_depth, depth, node):
        """A name of Meta.fields with no declared field: what ModelSerializer builds for it."""
        graph_model = self.interp.graph.models.get(model)
        if graph_model is None:
            return None
        text = (f"Meta.fields \"{name}\"", *owner.locate(node)) if owner is not None else (name, None, None)
        step = (*steps, text)
        relation = graph_model.relations.get(name)
        if relation is None:
            if name in graph_model.fields or name in ("pk", "id", "url"):
                return []
            return self._callable(model, name, loaded, path, many, step)
        if relation.target is None:
            return None
        child = f"{path}__{name}" if path else name
        if relation.kind in FORWARD:
            if meta_depth <= 0:
                return []   # PrimaryKeyRelatedField: the key's column only
            reads = self._object(model, relation, loaded, path, many, step, run_str=False)
            if reads:
                return reads
            return self._depth(relation.target, loaded.below(name), child, many, step, meta_depth - 1, depth)
        if relation.kind in TO_MANY:
            if perrow.manager_loads(self.interp, relation.target):
                return []
            if not loaded.covers(name, False):
                return [Read("manager", model, name, child, True, step)]
            if meta_depth <= 0:
                return []
            return self._depth(relation.target, loaded.below(name), child, True, step, meta_depth - 1, depth)
        return None

    def _depth(self, model, loaded, path, many, steps, meta_depth, depth):
        """A serializer built by Meta.depth: every field of the related model, depth one less."""
        if depth > MAX_NESTING:
            return []
        graph_model = self.interp.graph.models.get(model)
        if graph_model is None:
            return []
        reads: list[Read] = []
        for name in (*graph_model.fields, *(r.name for r in graph_model.relations.values() if r.kind == "m2m")):
            more = self._implicit(None, model, name, loaded, path, many, steps, meta_depth, depth + 1, None)
            reads += more or []
        return reads


def _short(label: str) -> str:
    return label.rpartition(".")[2]


def _literal_names(value: tuple | None) -> list[str] | None:
    if value is None:
        return None
    expr = value[1]
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        text = string_literal(expr)
        return [text] if text == "__all__" else None
    if isinstance(expr, (cst.List, cst.Tuple)):
        names = [string_literal(e.value) if not isinstance(e, cst.StarredElement) else None for e in expr.elements]
        return None if any(n is None for n in names) else names
    return None


def _element(expr: cst.BaseExpression, name: str) -> cst.CSTNode | None:
    if isinstance(expr, (cst.List, cst.Tuple)):
        return next((e.value for e in expr.elements if string_literal(e.value) == name), None)
    return None


def _int(value: tuple | None) -> int | None:
    if value is None:
        return 0
    return int(value[1].value) if isinstance(value[1], cst.Integer) else None


def _kwarg(call: cst.Call, name: str) -> cst.BaseExpression | None:
    return next((a.value for a in call.args if a.keyword is not None and a.keyword.value == name), None)


def _kwarg_string(call: cst.Call, name: str) -> str | None:
    value = _kwarg(call, name)
    return string_literal(value) if value is not None else None


def _kwarg_true(call: cst.Call, name: str) -> bool:
    value = _kwarg(call, name)
    return isinstance(value, cst.Name) and value.value == "True"


# -- the rows: views and explicit calls --

def _loaded(interp: "Interpreter", qs: Any) -> Loaded | None:
    """What the rows of a queryset value come with; None when they are not rows to report on."""
    if not isinstance(qs, QuerySet) or qs.rows != "instances" or qs.bounded or qs.row is not None:
        return None
    loaded = qs.evaluated or qs.loaded or NOTHING_LOADED
    if perrow.manager_loads(interp, qs.model, qs.manager):
        return None
    return loaded


@dataclass
class _View:
    owner: Any
    cls: cst.ClassDef
    serializer: tuple            # (interpreter, ClassDef)
    model: str
    loaded: Loaded
    root: cst.CSTNode | None     # the queryset expression --fix may edit (a call in the view's class)


def _view(owner: "Interpreter", cls: cst.ClassDef) -> _View | None:
    """A list view's serializer and the queryset it serializes; None when any is unknown."""
    mro = _mro(owner, cls)
    if mro is None:
        return None
    serializer = queryset = get_queryset = None
    for o, c in mro:
        methods, attrs = _methods(c), _assignments(c)
        if any(name in methods for name in VIEW_OVERRIDES):
            return None
        # DRF calls get_queryset(): a project override anywhere on the MRO wins over `queryset`.
        if get_queryset is None and "get_queryset" in methods:
            get_queryset = (o, c, methods["get_queryset"])
        if queryset is None and "queryset" in attrs:
            queryset = (o, c, attrs["queryset"][1])
        if serializer is None and "serializer_class" in attrs:
            serializer = (o, attrs["serializer_class"][1])
    if serializer is None or (queryset is None and get_queryset is None):
        return None
    found = serializer[0].find_class(serializer[1])
    if found is None or not is_serializer(*found):
        return None
    root = None
    if get_queryset is None:
        o, c, expr = queryset
        try:
            value = _quiet(o, lambda: o.eval(expr, o.module_env))
        except Exception:   # an analysis bug costs this view only
            return None
        root = expr if c is cls else None   # --fix edits the view's own class only
    else:
        o, c, fn = get_queryset
        if fn.decorators:
            return None   # a decorator may return other rows
        try:
            summary = _quiet(o, lambda: o.summarize(fn, c, None))
        except Exception:
            return None
        value = summary.returns if summary.returned else None
        returns = _walk_returns(fn)
        if len(returns) != 1:
            return None   # branches may serve rows that come with different relations
        root = returns[0] if c is cls else None
    loaded = _loaded(o, value)
    if loaded is None:
        return None
    if root is not None and not (isinstance(root, cst.Call) and getattr(value, "node", None) is root):
        root = None
    return _View(owner, cls, found, value.model, loaded, root)


def _quiet(interp: "Interpreter", step: Any) -> Any:
    saved = interp.emit
    interp.emit = lambda event: None
    try:
        return step()
    finally:
        interp.emit = saved


def _walk_returns(fn: cst.FunctionDef) -> list[cst.BaseExpression]:
    found, todo = [], list(children(fn.body))
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Return):
            found.append(node.value)
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            todo.extend(children(node))
    return found


def _list_views(interp: "Interpreter") -> dict[str, list[tuple[str, str]]]:
    """serializer qualname -> [(view module, view class)] of every list view of the project (read
    once per run)."""
    memo = _memo(interp)
    if "views" in memo:
        return memo["views"]
    memo["views"] = table = {}
    services = interp.services
    if services is None:
        return table
    project = interp.ctx.project
    for qualname in sorted(project.class_bases):
        if "serializer_class" not in project.class_attrs.get(qualname, ()) and not _inherits_attr(project, qualname):
            continue
        if _bases_reach(interp, qualname, LIST_VIEWS) is not True:
            continue
        module, _, name = qualname.rpartition(".")
        other = services.module_interpreter(module)
        cls = other.classes.get(name) if other is not None else None
        if cls is None:
            continue
        mro = _mro(other, cls)
        attr = next((a["serializer_class"] for o, c in mro or () for a in [_assignments(c)] if "serializer_class" in a), None)
        found = other.find_class(attr[1]) if attr is not None else None
        if found is None:
            continue
        table.setdefault(_qualname(*found), []).append((module, name))
    return table


def _inherits_attr(project: Any, qualname: str) -> bool:
    seen, todo = set(), list(project.class_bases.get(qualname, ()))
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if "serializer_class" in project.class_attrs.get(current, ()):
            return True
        todo += project.class_bases.get(current, ())
    return False


def serializer_module(interp: "Interpreter", module: cst.Module) -> None:
    """Report, at their fields, what the serializers of this module read per row of the list
    views that serialize with them (SerializedRead events): the views of this module, read from
    its parse, and those of other modules, found through the index's class table."""
    if interp.services is None or not wanted(interp):
        return
    own = [c for c in interp.classes.values() if is_serializer(interp, c)]
    if not own:
        return
    current = interp.ctx.names.module
    local = [view for c in interp.classes.values() if _reaches(interp, c, LIST_VIEWS)
             for view in [_view(interp, c)] if view is not None]
    table = _list_views(interp) if current is not None else {}
    for cls in own:
        views = [v for v in local if v.serializer[1] is cls]
        for module_name, name in table.get(_qualname(interp, cls), []):
            if module_name == current:
                continue
            interp.services.read.add(module_name)   # this file's findings depend on that view
            owner = interp.services.module_interpreter(module_name)
            view_cls = owner.classes.get(name) if owner is not None else None
            view = _view(owner, view_cls) if view_cls is not None else None
            if view is not None and _qualname(*view.serializer) == _qualname(interp, cls):
                views.append(view)
        _report_fields(interp, cls, views)


def _report_fields(interp: "Interpreter", cls: cst.ClassDef, views: list[_View]) -> None:
    by_read: dict[tuple, dict] = {}
    for view in views:
        walk = _Walk(interp)
        try:
            fields = walk.serializer(interp, cls, view.model, view.loaded, "", False, (), 0)
        except RecursionError:
            fields = None
        for name, node, reads in _uncached(fields or ()):
            for read in reads:
                entry = by_read.setdefault((id(node), read.path, read.kind), {"node": node, "name": name, "read": read,
                                                                             "views": [], "fixes": []})
                entry["views"].append((view.cls.name.value, *view.owner.locate(view.cls)))
                if view.root is not None and read.kind != "query":
                    entry["fixes"].append((view.root, None))
    _emit(interp, cls, list(by_read.values()))


def _method(read: Read) -> str:
    if read.kind == "query":
        return f"query {read.path} {read.model}.{read.relation}"
    return "prefetch_related" if read.kind == "manager" or read.through_many else "select_related"


def _emit(interp: "Interpreter", cls: cst.ClassDef, entries: list[dict]) -> None:
    """One SerializedRead per field, fix method and set of views: its reads together."""
    groups: dict[tuple, list[dict]] = {}
    for entry in entries:
        groups.setdefault((id(entry["node"]), _method(entry["read"]), tuple(entry["views"])), []).append(entry)
    for group in groups.values():
        first = group[0]
        fixes = tuple((root, anchor, e["read"].path) for e in group for root, anchor in e["fixes"])
        interp.emit(SerializedRead(first["node"], cls.name.value, first["name"], tuple(e["read"] for e in group),
                                   tuple(first["views"]), fixes))


def _uncached(fields: Any) -> list[tuple[str, cst.CSTNode, list[Read]]]:
    """Each field's reads (minimal), in DRF's field order, without the forward keys an earlier
    field of the same row already read: Django caches the related object on the instance (a
    related manager's rows are fetched again by every field that reads it)."""
    cached: set[str] = set()
    out = []
    for name, node, reads in fields:
        kept = [r for r in _minimal(reads)
                if not (r.kind == "forward" and not r.through_many and r.path in cached)]
        for r in kept:
            if r.kind == "forward" and not r.through_many:
                parts = r.path.split("__")
                cached.update("__".join(parts[:i]) for i in range(1, len(parts) + 1))
        out.append((name, node, kept))
    return out


def _minimal(reads: list[Read]) -> list[Read]:
    """One read per path: a path that a longer one of the same method also loads is left out."""
    out = []
    for r in reads:
        method = "prefetch" if r.kind == "manager" or r.through_many else "select"
        if any(o is not r and o.kind != "query" and r.kind != "query" and o.path.startswith(r.path + "__")
               and ("prefetch" if o.kind == "manager" or o.through_many else "select") == method for o in reads):
            continue
        if any(o.path == r.path and o.kind == r.kind for o in out):
            continue
        out.append(r)
    return out


def wanted(interp: "Interpreter") -> bool:
    """Does some selected rule read SerializedRead events (the run pays for this analysis only then)?"""
    return SerializedRead in getattr(interp.services, "event_handlers", {})


def serializer_call(interp: "Interpreter", call: cst.Call, env: dict) -> None:
    """`Serializer(qs, many=True)` (or `instance=qs`) on a queryset of rows, in a function."""
    if not _kwarg_true(call, "many") or not wanted(interp):
        return
    arg = next((a.value for a in call.args if a.keyword is None and not a.star), None) or _kwarg(call, "instance")
    if arg is None:
        return
    found = interp.find_class(call.func) if isinstance(call.func, (cst.Name, cst.Attribute)) else None
    if found is None or not is_serializer(*found):
        return
    value = _quiet(interp, lambda: interp.eval(arg, dict(env)))
    loaded = _loaded(interp, value)
    if loaded is None:
        return
    owner, cls = found
    where = interp._function.name.value if interp._function is not None else "<module>"
    view = (f"{where}()", *interp.locate(call))
    root = value.node if isinstance(value.node, cst.Call) else None
    walk = _Walk(interp)
    try:
        fields = walk.serializer(owner, cls, value.model, loaded, "", False, (), 0)
    except RecursionError:
        fields = None
    entries = []
    for name, node, reads in _uncached(fields or ()):
        here = node if owner is interp else call
        for read in reads:
            fix = [(root, call)] if root is not None and read.kind != "query" else []
            entries.append({"node": here, "name": name, "read": read, "views": [view], "fixes": fix})
    _emit(interp, cls, entries)
