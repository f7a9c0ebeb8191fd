"""The model graph: every model of the project (and installed contrib apps) with its relations.

Built from module summaries only, replaying what Django's `ModelBase` and `Options` do: app
labels from INSTALLED_APPS, abstract-field copies with `%(class)s`/`%(app_label)s`, multi-table
parent links, proxies, manager inheritance, auto-created m2m through models, and the reverse
accessors Django installs on the targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mdblint.project import contrib
from mdblint.project.settings_static import SettingsInfo
from mdblint.project.resolve import FIELD_KINDS, Resolver, external_kind
from mdblint.project.summary import CallInfo, ClassSummary, ModuleSummary, Ref

_CONCRETE_KINDS = {"fk", "o2o", "field"}
RELATION_KINDS = ("fk", "o2o", "m2m", "gfk", "generic_relation")
REVERSE_KINDS = ("reverse_fk", "reverse_o2o", "reverse_m2m", "reverse_generic")


@dataclass(frozen=True)
class Relation:
    name: str                  # attribute name on the model holding this relation
    kind: str                  # one of RELATION_KINDS or REVERSE_KINDS
    target: str | None         # label of the model on the other side (None for gfk)
    reverse: str | None        # name on the other side (forward: accessor Django creates; None if hidden)
    through: str | None = None
    parent_link: bool = False
    line: int = 0              # line of the forward field's definition
    query_name: str | None = None   # name used in lookups from this model (`book__title`)
    defined_in: str | None = None   # qualname of the class whose body defines the forward field
    db_constraint: bool = True      # False: declared without a database constraint (may point across databases)
    null: bool | None = False       # a forward key declared null=True (None: not a literal)


@dataclass
class Model:
    label: str
    name: str
    app_label: str
    module: str
    path: Path | None
    line: int
    abstract: bool = False
    proxy: bool = False
    concrete: str | None = None          # label of the concrete model (itself unless proxy)
    parents: tuple[str, ...] = ()         # Django's `_meta.parents` (MTI parents; a proxy's concrete model)
    managers: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()          # concrete field names, in `_meta.concrete_fields` order
    relations: dict[str, Relation] = field(default_factory=dict)
    pk: str | None = None
    swapped: str | None = None            # the replacing label when swapped out (auth.User)
    auto_created: bool = False            # an m2m through model Django creates
    qualname: str | None = None
    ordered: bool | None = None           # Meta.ordering (own, inherited) is non-empty; None: not known
    unique: frozenset[str] = frozenset()  # concrete fields declared unique=True or primary_key=True


@dataclass
class ModelGraph:
    models: dict[str, Model] = field(default_factory=dict)
    by_qualname: dict[str, str] = field(default_factory=dict)
    plain_classes: frozenset[str] = frozenset()   # project classes that are not managers or querysets

    def get(self, label: str) -> Model | None:
        """The model for "app_label.ModelName" (model name case-insensitive, as in Django)."""
        model = self.models.get(label)
        if model is None and "." in label:
            app, _, name = label.rpartition(".")
            for candidate in self.models.values():
                if candidate.app_label == app and candidate.name.lower() == name.lower():
                    return candidate
        return model


@dataclass
class _Field:
    name: str
    kind: str
    call: CallInfo | None
    module: str          # where names in `call` are resolved
    line: int
    origin: str          # qualname of the class whose body defines it
    order: tuple         # creation order: auto-created first
    mti_inherited: bool = False


@dataclass
class _Model:
    qual: str
    module: str
    cls: ClassSummary
    name: str
    meta: dict
    abstract: bool
    proxy: bool
    app_label: str | None
    installed: bool
    bases: list[str] = field(default_factory=list)          # direct model bases (project qualnames)
    local: list[_Field] = field(default_factory=list)       # local_fields + local_many_to_many
    private: list[_Field] = field(default_factory=list)     # gfk, generic relations
    parents: dict[str, str | None] = field(default_factory=dict)   # parent qual -> link field name
    managers: list[tuple[tuple, str]] = field(default_factory=list)  # (order, name) local managers
    concrete: str = ""
    pk: str | None = None

    @property
    def label(self) -> str:
        return f"{self.app_label}.{self.name}"


class _Builder(Resolver):
    def __init__(self, summaries: dict[str, ModuleSummary], settings: SettingsInfo,
                 paths: dict[str, Path]) -> None:
        super().__init__(summaries)
        self.settings = settings
        self.paths = paths
        self._models: dict[str, _Model] = {}
        self.order = self._creation_order()

    # -- import order (Django's field and manager creation counters follow it) ---------------
    def _creation_order(self) -> dict[str, int]:
        order: dict[str, int] = {}
        visited: set[str] = set()

        def visit(start: str) -> None:
            stack = []

            def push(module: str) -> None:
                parts = module.split(".")
                for i in range(len(parts), 0, -1):     # packages before their submodules
                    name = ".".join(parts[:i])
                    if name in self.s and name not in visited:
                        visited.add(name)
                        stack.append((name, 0))
            push(start)
            while stack:
                module, index = stack.pop()
                ops = self.s[module].ops
                while index < len(ops):
                    op = ops[index]
                    index += 1
                    if op[0] == "class":
                        order.setdefault(f"{module}.{op[3]}", len(order))
                    elif op[0] in ("import", "from"):
                        target = op[3] if op[0] == "import" else f"{op[3]}.{op[4]}"
                        before = len(stack)
                        stack.append((module, index))
                        push(op[3])
                        if target != op[3]:
                            push(target)
                        if len(stack) > before + 1:
                            break
                        stack.pop()

        for name, _label in self.app_configs() or []:
            visit(name)
        for name, _label in self.app_configs() or []:
            visit(f"{name}.models")
        for module in sorted(self.s):
            visit(module)
        return order

    # -- apps -------------------------------------------------------------------------------
    def app_configs(self) -> list[tuple[str, str]] | None:
        """(app name, label) per INSTALLED_APPS entry; None when INSTALLED_APPS is unknown."""
        if hasattr(self, "_apps"):
            return self._apps
        entries = self.settings.installed_apps
        if entries is None:
            self._apps = None
            return None
        out = []
        for entry in entries:
            if entry in contrib.APP_CONFIGS:
                out.append(contrib.APP_CONFIGS[entry])
                continue
            qual = self.canon(entry)
            if qual in self.classes and self.kind(qual) == "appconfig":
                out.append(self._config(qual, entry.rsplit(".", 2)[0]))
                continue
            config = self._default_config(entry)
            if config is not None:
                out.append(self._config(config, entry))
            elif ".apps." in entry and entry not in self.s:
                name = entry.split(".apps.")[0]
                out.append((name, name.rpartition(".")[2]))
            else:
                out.append((entry, entry.rpartition(".")[2]))
        self._apps = out
        return out

    def _config(self, qual: str, fallback_name: str) -> tuple[str, str]:
        name = self.class_attr(qual, "name")
        name = name if isinstance(name, str) else fallback_name
        label = self.class_attr(qual, "label")
        return name, label if isinstance(label, str) else name.rpartition(".")[2]

    def _default_config(self, entry: str) -> str | None:
        """The AppConfig Django picks from `<entry>.apps` (one subclass, or one `default = True`)."""
        module = f"{entry}.apps"
        s = self.s.get(module)
        if s is None:
            return None
        found = []
        for name in s.names:
            qual = self.lookup(module, name)
            qual = self.canon(qual) if qual else None
            if qual and qual in self.classes and self.kind(qual) == "appconfig" and qual not in found:
                found.append(qual)
        candidates = [q for q in found if self.class_attr(q, "default") is not False]
        if len(candidates) == 1:
            return candidates[0]
        explicit = [q for q in candidates if self.class_attr(q, "default") is True]
        return explicit[0] if len(explicit) == 1 else None

    def app_of(self, module: str) -> tuple[str | None, bool]:
        """(label, installed) of the app containing `module`."""
        cache = self.__dict__.setdefault("_app_cache", {})
        if module not in cache:
            cache[module] = self._app_of(module)
        return cache[module]

    def _app_of(self, module: str) -> tuple[str | None, bool]:
        apps = self.app_configs()
        if apps is None:
            for name in contrib.APPS:
                if module == name or module.startswith(name + "."):
                    return name.rpartition(".")[2], name in ("django.contrib.contenttypes", "django.contrib.auth")
            parts = module.split(".")
            if "models" in parts[1:]:
                return parts[parts.index("models", 1) - 1], True
            return (parts[-2] if len(parts) > 1 else parts[0]), True
        best = None
        for name, label in apps:
            if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best[0])):
                best = (name, label)
        return (best[1], True) if best else (None, False)

    # -- models -----------------------------------------------------------------------------
    def meta(self, qual: str) -> dict:
        """Declared Meta attributes, with `class Meta(Base.Meta)` and abstract-parent inheritance."""
        module, cs = self.classes[qual]
        if cs.meta is None:
            for base in self.mro(qual)[1:]:
                if base in self.classes and self.classes[base][1].meta is not None and self.is_abstract(base):
                    return {**self.meta(base), "abstract": False}
            return {}
        out = {}
        for base in cs.meta_bases:
            resolved = self.resolve(module, base)
            if resolved and resolved.endswith(".Meta") and resolved[:-5] in self.classes:
                out.update(self.meta(resolved[:-5]))
                out["abstract"] = False
        out.update(cs.meta)
        return out

    def app_label(self, qual: str) -> tuple[str | None, bool]:
        """(app label, registered in the global app registry) of a model class."""
        module = self.classes[qual][0]
        meta = self.meta(qual)
        label, installed = self.app_of(module)
        if isinstance(meta.get("app_label"), str):
            label = meta["app_label"]
            installed = self.app_configs() is None or any(lb == label for _n, lb in self.app_configs())
        if "apps" in meta:      # Meta.apps: a private registry (Django's own tests), not INSTALLED_APPS
            installed = False
        return label, installed

    def is_abstract(self, qual: str) -> bool:
        meta = self.classes[qual][1].meta
        return bool(meta) and meta.get("abstract") is True

    def ordered(self, qual: str) -> bool | None:
        """Does the model have a default ordering? Multi-table children and proxies inherit it."""
        meta = self.meta(qual)
        if "ordering" in meta:
            value = meta["ordering"]
            return bool(value) if isinstance(value, (list, tuple)) else None
        if meta.get("order_with_respect_to"):
            return True
        # ModelBase: a concrete model without its own ordering takes that of the first `_meta` in
        # its MRO, if that one is not abstract.
        bases = self._models[qual].bases
        if not bases:
            return False
        if self.is_abstract(bases[0]):
            return False if len(bases) == 1 else None
        return self.ordered(bases[0])

    def model(self, qual: str) -> _Model:
        """Replay ModelBase.__new__ for one model class (bases first)."""
        if qual in self._models:
            return self._models[qual]
        module, cs = self.classes[qual]
        meta = self.meta(qual)
        abstract = self.is_abstract(qual)
        app_label, installed = self.app_label(qual)
        m = _Model(qual, module, cs, cs.name, meta, abstract, meta.get("proxy") is True,
                   app_label or module.rpartition(".")[0].rpartition(".")[2] or module, installed)
        self._models[qual] = m
        class_order = self.order.get(qual, 1 << 30)
        for name, b in cs.attrs.items():
            if b.kind != "call":
                continue
            kind = self.call_kind(module, b.target)
            if kind == "manager":
                m.managers.append(((class_order, b.line), name))
            elif kind in FIELD_KINDS:
                f = _Field(name, kind, b.target, module, b.line, qual, (0, class_order, b.line))
                (m.private if kind in ("gfk", "generic_relation") else m.local).append(f)
        field_names = {f.name for f in m.local + m.private}
        for base in (self.resolve(module, b) for b in cs.bases):
            if base and base in self.classes and self.kind(base) == "model" and base not in m.bases:
                m.bases.append(base)
        # parent links declared on this class or its abstract bases
        parent_links: dict[str, str] = {}
        for owner in [qual] + [b for b in m.bases if self.is_abstract(b)]:
            fields = m.local if owner == qual else self.model(owner).local
            for f in fields:
                if f.kind == "o2o" and f.call and f.call.kwargs.get("parent_link") is True:
                    target = self._target_qual(m, f)
                    if target:
                        parent_links[target] = f.name
        inherited: set[str] = set()
        auto_ptrs = []
        for base in self.mro(qual):
            if base not in m.bases:
                if base in self.classes:
                    inherited.update(self.classes[base][1].attrs)
                continue
            parent = self.model(base)
            if not parent.abstract:
                inherited.update(f.name for f in parent.local)
                concrete = parent.concrete or parent.qual
                if concrete in parent_links:
                    link = parent_links[concrete]
                elif not m.proxy:
                    link = f"{self.model(concrete).name.lower()}_ptr"
                    if link not in cs.attrs:
                        target = self.model(concrete)
                        call = CallInfo(None, (f"{target.app_label}.{target.name}",), {"parent_link": True}, cs.line)
                        auto_ptrs.append(_Field(link, "o2o", call, module, cs.line, qual, ()))
                else:
                    link = None
                m.parents[concrete] = link
            else:
                for f in parent.local:
                    if f.name not in field_names and f.name not in cs.attrs and f.name not in inherited \
                            and f.name not in {x.name for x in m.local}:
                        m.local.append(_Field(f.name, f.kind, f.call, f.module, f.line, f.origin, f.order))
                m.parents.update(parent.parents)
            for f in parent.private:
                if f.name not in field_names:
                    m.private = [x for x in m.private if x.name != f.name]
                    m.private.append(_Field(f.name, f.kind, f.call, f.module, f.line, f.origin, f.order,
                                            mti_inherited=not parent.abstract))
        # auto-created fields get decreasing negative creation counters: the last made sorts first
        for i, f in enumerate(auto_ptrs):
            f.order = (-1, -i)
        m.local = auto_ptrs + m.local
        m.local.sort(key=lambda f: f.order)
        if m.proxy:
            for base in m.bases:
                parent = self.model(base)
                if not parent.abstract:
                    m.concrete = parent.concrete or parent.qual
                    break
        if not m.concrete:
            m.concrete = qual
        # primary key (Options._prepare)
        if not abstract:
            if m.proxy:
                m.pk = self.model(m.concrete).pk if m.concrete != qual else None
            else:
                for f in m.local + m.private:
                    if f.kind == "field_nc" and f.call and (f.call.callee or "").endswith("CompositePrimaryKey"):
                        m.pk = f.name
                    elif f.call and f.call.kwargs.get("primary_key") is True and m.pk is None:
                        m.pk = f.name
                if m.pk is None and m.parents:
                    m.pk = next(iter(m.parents.values()))
                if m.pk is None:
                    m.local.insert(0, _Field("id", "field", None, module, cs.line, qual, (-2,)))
                    m.pk = "id"
                if meta.get("order_with_respect_to"):
                    m.local.append(_Field("_order", "field", None, module, cs.line, qual, (1 << 30,)))
        return m

    def _target_text(self, f: _Field) -> object:
        if f.call is None:
            return None
        return f.call.args[0] if f.call.args else f.call.kwargs.get("to")

    def _target_qual(self, m: _Model, f: _Field) -> str | None:
        """Qualname of a relation's target model class."""
        label = self.target_label(m, f)
        return self.by_label.get(label.lower()) if label else None

    def label_for(self, text: str, m: _Model) -> str:
        if text == "self":
            return m.label
        app, _, name = text.rpartition(".")
        app = app or m.app_label
        found = self.by_label.get(f"{app}.{name}".lower())
        return self._models[found].label if found else f"{app}.{name}"

    def target_label(self, m: _Model, f: _Field, value: object = "__target__") -> str | None:
        """The label a relation's `to` (or `through`) names, as seen from owner `m`."""
        if value == "__target__":
            value = self._target_text(f)
        if isinstance(value, Ref):
            qual = self.resolve(f.module, value.dotted)
            if qual == "django.conf.settings.AUTH_USER_MODEL":
                return self.label_for(self.settings.auth_user_model, m)
            if qual in self._models:
                return self._models[qual].label
            b = self.binding(qual) if qual else None
            if b is not None and b.kind == "value" and isinstance(b.target, str):
                return self.label_for(b.target, m)
            return None
        if isinstance(value, str):
            return self.label_for(value, m)
        return None

    # -- graph ------------------------------------------------------------------------------
    def build(self) -> ModelGraph:
        quals = sorted((q for q in self.classes if self.kind(q) == "model"
                        and not (q.startswith("django.") and external_kind(q))),
                       key=lambda q: (self.order.get(q, 1 << 30), q))
        # labels first (relations name their targets by label)
        self.by_label = {}
        for abstract_pass in (False, True):
            for qual in quals:
                module = self.classes[qual][0]
                label, installed = self.app_label(qual)
                if self.is_abstract(qual) == abstract_pass and label and (
                        installed or (abstract_pass and not module.startswith("django."))):
                    self.by_label.setdefault(f"{label}.{self.classes[qual][1].name}".lower(), qual)
        for qual in quals:
            self.model(qual)
        for qual, m in self._models.items():
            if m.abstract and (m.installed or not m.module.startswith("django.")):
                m.installed = True
        graph = ModelGraph()
        swapped_by = self.settings.auth_user_model
        forward: dict[str, dict[str, Relation]] = {}
        reverse: dict[str, dict[str, Relation]] = {}
        throughs: list[Model] = []
        for qual in quals:
            m = self._models[qual]
            if not m.installed:
                continue
            swapped = None
            if m.meta.get("swappable") == "AUTH_USER_MODEL" and swapped_by.lower() != m.label.lower():
                swapped = swapped_by
            model = Model(m.label, m.name, m.app_label, m.module, self.paths.get(m.module), m.cls.line,
                          abstract=m.abstract, proxy=m.proxy, swapped=swapped, qualname=qual, pk=m.pk)
            graph.models.setdefault(m.label, model)
            graph.by_qualname[qual] = m.label
            rels = forward[qual] = {}
            for f in [f for f in m.local if f.kind in ("fk", "o2o", "m2m", "foreign_object")] + m.private:
                rel, back, through = self.relation(m, f, swapped is not None)
                rels[f.name] = rel
                if back is not None and rel.target and not m.abstract and swapped is None:
                    target = self.by_label.get(rel.target.lower())
                    holder = self._models[target].concrete if target else None
                    if holder:
                        reverse.setdefault(holder, {})[back.name] = back
                if through is not None and not m.abstract and swapped is None:
                    throughs.append(through)
        for qual in quals:
            m = self._models[qual]
            model = graph.models.get(m.label)
            if model is None or model.qualname != qual:
                continue
            model.concrete = self._models[m.concrete].label
            model.parents = tuple(self._models[p].label for p in m.parents)
            model.ordered = self.ordered(qual)
            model.managers = tuple(self.managers(m))
            if not m.abstract:
                model.fields = tuple(self.concrete_fields(m, set()))
                model.unique = frozenset(f.name for f in m.local if f.call is not None and (
                    f.call.kwargs.get("unique") is True or f.call.kwargs.get("primary_key") is True))
            model.relations = self.relations(m, forward, reverse, set())
        for through in throughs:
            graph.models.setdefault(through.label, through)
        # re-exports: `from .book import Book` in models/__init__.py makes `pkg.models.Book` a name
        for module, s in self.s.items():
            for name, b in s.names.items():
                if b.kind in ("from", "ref"):
                    qual = self.canon(self.lookup(module, name) or "")
                    if qual in graph.by_qualname:
                        graph.by_qualname.setdefault(f"{module}.{name}", graph.by_qualname[qual])
            for star in s.stars:
                for qual, label in list(graph.by_qualname.items()):
                    name = qual.rpartition(".")[2]
                    if name not in s.names and self.canon(self.lookup(module, name) or "") == qual:
                        graph.by_qualname.setdefault(f"{module}.{name}", label)
        graph.plain_classes = frozenset(q for q in self.classes if not q.startswith("django.")
                                        and self.kind(q) not in ("manager", "queryset"))
        return graph

    def relation(self, m: _Model, f: _Field, swapped: bool) -> tuple[Relation, Relation | None, Model | None]:
        """The forward Relation of field `f` on owner `m`, its reverse, and an auto through model."""
        kwargs = f.call.kwargs if f.call else {}
        kind = "fk" if f.kind == "foreign_object" else f.kind
        target = None if kind == "gfk" or f.call is None else self.target_label(m, f)
        if kind == "gfk":
            return Relation(f.name, "gfk", None, None, line=f.line, query_name=f.name, defined_in=f.origin), None, None
        subst = {"class": m.name.lower(), "model_name": m.name.lower(), "app_label": m.app_label.lower()}
        related_name = kwargs.get("related_name")
        if kind == "generic_relation":
            rqn = kwargs.get("related_query_name")
            related_name = "+" if f.mti_inherited or not isinstance(rqn, str) else rqn
        elif not isinstance(related_name, str):
            default = m.meta.get("default_related_name")
            related_name = default if isinstance(default, str) else None
        related_query_name = kwargs.get("related_query_name") if not f.mti_inherited else None
        if not m.abstract:
            try:
                related_name = related_name % subst if related_name else related_name
                if isinstance(related_query_name, str):
                    related_query_name = related_query_name % subst
            except (KeyError, ValueError, TypeError):
                pass
        multiple = kind != "o2o"
        symmetrical = False
        if kind == "m2m":
            value = kwargs.get("symmetrical")
            symmetrical = value if isinstance(value, bool) else self._target_text(f) == "self"
        hidden = m.abstract or (isinstance(related_name, str) and related_name.endswith("+")) \
            or (symmetrical and target == m.label)
        accessor = None if hidden else (related_name or m.name.lower() + ("_set" if multiple else ""))
        through = None
        through_model = None
        if kind == "m2m":
            explicit = kwargs.get("through")
            if explicit is not None:
                through = self.target_label(m, f, explicit)
            elif not m.abstract:
                through = f"{m.app_label}.{m.name}_{f.name}"
                if not swapped and target:
                    through_model = self.through_model(m, f, target, through)
        parent_link = kwargs.get("parent_link") is True
        null = kwargs.get("null", False)
        rel = Relation(f.name, kind, target, accessor, through, parent_link, f.line, f.name, f.origin,
                       kwargs.get("db_constraint") is not False, null if isinstance(null, bool) else None)
        back = None
        if accessor is not None:
            query_name = related_query_name if isinstance(related_query_name, str) else (
                related_name or m.name.lower())
            back_kind = "reverse_generic" if kind == "generic_relation" else f"reverse_{kind}"
            back = Relation(accessor, back_kind, m.label, f.name, through, parent_link, f.line, query_name, f.origin)
        return rel, back, through_model

    def through_model(self, m: _Model, f: _Field, target: str, label: str) -> Model:
        """The intermediary model Django creates for an m2m without `through`."""
        to = target.rpartition(".")[2].lower()
        from_ = m.name.lower()
        if to == from_:
            to, from_ = f"to_{to}", f"from_{from_}"
        name = label.rpartition(".")[2]
        relations = {
            from_: Relation(from_, "fk", m.label, None, line=f.line, query_name=from_),
            to: Relation(to, "fk", target, None, line=f.line, query_name=to),
        }
        return Model(label, name, m.app_label, m.module, self.paths.get(m.module), f.line,
                     concrete=label, managers=("objects",), fields=("id", from_, to), relations=relations,
                     pk="id", auto_created=True, qualname=None)

    def managers(self, m: _Model) -> list[str]:
        """Options.managers: local managers along the MRO (models only), sorted (depth, creation)."""
        found, seen = [], set()
        depth = 0
        for base in self.mro(m.qual):
            if base not in self._models:
                continue
            for order, name in self._models[base].managers:
                if name not in seen:
                    seen.add(name)
                    found.append(((depth, order), name))
            depth += 1
        if not found and not m.abstract:
            m.managers.append(((0, 0), "objects"))
            return ["objects"]
        return [name for _key, name in sorted(found)]

    def concrete_fields(self, m: _Model, seen: set[str]) -> list[str]:
        out = []
        for parent in m.parents:
            if parent not in seen:
                seen.add(parent)
                out += self.concrete_fields(self._models[parent], seen)
        if m.proxy:
            return out
        out += [f.name for f in m.local if f.kind in _CONCRETE_KINDS]
        return out

    def relations(self, m: _Model, forward: dict, reverse: dict, seen: set[str]) -> dict[str, Relation]:
        """Options.get_fields() relations: parents' (minus their reverse parent links), own reverse, own forward."""
        out: dict[str, Relation] = {}
        for parent in m.parents:
            if parent in seen:
                continue
            seen.add(parent)
            for name, rel in self.relations(self._models[parent], forward, reverse, seen).items():
                if rel.kind == "reverse_o2o" and rel.parent_link and parent != m.concrete:
                    continue
                if rel.kind == "generic_relation" or rel.kind == "gfk":
                    continue    # private fields are copied, not inherited
                out[name] = rel
        if not m.proxy:
            out.update(reverse.get(m.qual, {}))
        out.update(forward.get(m.qual, {}))
        return out


def build_graph(summaries: dict[str, ModuleSummary], settings: SettingsInfo,
                paths: dict[str, Path] | None = None) -> ModelGraph:
    """The model graph of the project summaries plus the embedded contrib apps."""
    merged = {**contrib.contrib_summaries(), **summaries}
    return _Builder(merged, settings, paths or {}).build()
