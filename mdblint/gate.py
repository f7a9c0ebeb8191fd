"""The check gate: which units of a file can produce a finding, decided from the index's facts
(mdblint/project/units.py) before libcst parses anything.

A unit (a function, a method, the module's own code) is *admitted* when some rule can fire on
it; the others are blanked (their body becomes `pass` and empty lines, so every line and column
of what stays is unchanged) and a file with nothing admitted is not parsed at all. The gate is
sound by construction: it admits on every way the analysis can come to know an ORM value or an
alias, and `MDBLINT_GATE=0` turns it off so that tests can compare (tests/test_gate.py).

Why each condition (see mdblint/analysis/flow.py for what the interpreter knows):
- an alias reaches a unit only through `using`/`db_manager`/`connections`, an
  `override_settings(DATABASE_ROUTERS=...)`, a transaction function given its alias
  positionally, a custom manager/queryset method that may bind one (called on an ORM value),
  a project function worth a summary, or a same-module function or module value that does:
  the unit is *alias-capable*;
- an ORM value reaches a unit through a model class (by name, import or alias), `self` in a
  model's method, or a same-module function or value that holds one: the unit is *ORM-ish*;
- a query raises in an `async def` or on rows fetched with fetch_mode(FETCH_RAISE), loop or not;
- the N+1 rules need a loop over rows (a for loop or a comprehension whose iterable may come,
  through the unit's own bindings, from an ORM-ish name), `iterator()`, or a call to a
  same-module function that loops (it is re-run with the caller's querysets);
- without an alias, every queryset and instance is on what the routers answer; when they answer
  'default' for every model, read and write (and 'default' is writable), and no alias has
  ATOMIC_REQUESTS (views run in blocks the code does not show), no cross-alias, transaction or
  replica rule can fire, so an ORM-ish unit needs a loop; otherwise it is admitted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from mdblint.project import Project
from mdblint.project.index import module_units
from mdblint.project.units import ASYNC_MARK, Unit

ALIAS_NAMES = frozenset({"using", "db_manager", "connections", "DATABASE_ROUTERS"})
LOOP_NAMES = frozenset({"iterator"})
# Where a query raises without a loop (MDB307, MDB308): an `async def`, fetch_mode(FETCH_RAISE).
RAISING_NAMES = frozenset({ASYNC_MARK, "FETCH_RAISE"})
# A unit that renders a template runs the template's loops (analysis/templates.py); a module with a
# generic view keeps its class statements (queryset =, template_name =) and its view methods.
TEMPLATE_NAMES = frozenset({"render", "render_to_response", "TemplateResponse", "SimpleTemplateResponse",
                            "render_to_string"})
VIEW_NAMES = frozenset({"ListView", "DetailView", "template_name", "context_object_name"})
VIEW_METHODS = frozenset({"get_queryset", "get_context_data"})
# A management command's option declarations, read for the values of `options[...]`.
OPTION_METHODS = frozenset({"add_arguments"})


def enabled() -> bool:
    return os.environ.get("MDBLINT_GATE", "1") != "0"


@dataclass(frozen=True)
class Plan:
    """What to parse of a file: nothing (`skip`), or its text with these units' bodies blanked."""
    skip: bool
    blank: tuple[tuple[int, int], ...] = ()   # (first line, last line), 1-based: each becomes `pass`

    def apply(self, text: str) -> str:
        if not self.blank:
            return text
        lines = text.splitlines(keepends=True)
        for first, last in self.blank:
            line = lines[first - 1]
            indent = line[:len(line) - len(line.lstrip(" \t"))]
            lines[first - 1] = f"{indent}pass\n"
            for i in range(first, min(last, len(lines))):
                lines[i] = "\n"
        return "".join(lines)


SKIP = Plan(True)
ASK = object()   # "no plan given: ask the gate"


class Gate:
    def __init__(self, project: Project, routers: Any, read_only: tuple[str, ...] = ()) -> None:
        self.project = project
        graph = project.graph
        self.models = graph.by_qualname
        self.model_names = frozenset({q.rpartition(".")[2] for q in graph.by_qualname}
                                     | {m.name for m in graph.models.values()})
        self._routing = (routers, read_only)
        self._uniform: bool | None = None
        self._under: dict[tuple[int, str], frozenset[str]] = {}

    @property
    def alias_methods(self) -> frozenset[str]:
        # Custom manager/queryset methods that may bind an alias (project/index.py cross_part).
        return self.project.manager_alias_methods

    @property
    def uniform(self) -> bool:
        if self._uniform is None:
            self._uniform = _routed_to_default(self.project, *self._routing)
        return self._uniform

    def plan(self, module: str | None, digest: str) -> Plan | None:
        """The plan for `module`'s file whose content hashes to `digest`; None: parse it whole
        (the index has no facts for this content)."""
        units = module_units(self.project, module) if module else None
        if not units or self.project.digests.get(module) != digest:
            return None
        return self._plan(module, units)

    def _plan(self, module: str, units: tuple[Unit, ...]) -> Plan:
        top = len(units) - 1                   # the module's own code, last
        package = module if self.project.modules[module].name == "__init__.py" else module.rpartition(".")[0]
        module_imports = {local: _absolute(target, package) for local, target in units[top].imports}
        functions = {u.name: i for i, u in enumerate(units) if u.kind == "function"}
        values = dict(units[top].values)       # module value -> the names its statement mentions

        def direct(names: tuple[str, ...], imports: dict[str, str], cls: str | None) -> tuple[bool, bool]:
            alias = self._alias_direct(names, imports)
            return alias, alias or self._orm_direct(names, module, cls, imports)

        orm: dict[int | str, bool] = {}
        alias: dict[int | str, bool] = {}
        calls: dict[int | str, list[int | str]] = {}
        methods: dict[int | str, bool] = {}
        for i, u in enumerate(units):
            imports = {**module_imports, **{local: _absolute(t, package) for local, t in u.imports}} \
                if u.imports else module_imports
            alias[i], orm[i] = direct(u.names, imports, u.cls)
            alias[i] = alias[i] or u.positional_alias
            methods[i] = not self.alias_methods.isdisjoint(u.names)
        for name, mentioned in values.items():
            key = "=" + name
            alias[key], orm[key] = direct(mentioned, module_imports, None)
            methods[key] = not self.alias_methods.isdisjoint(mentioned)
        for key in orm:
            names = units[key].names if isinstance(key, int) else values[key[1:]]
            calls[key] = [functions[n] for n in names if n in functions and functions[n] != key] + \
                [("=" + n) for n in names if n in values and ("=" + n) != key and key != top]
        # What same-module functions and module values hold reaches the units that name them; a
        # custom manager method that may bind an alias does so when called on an ORM value.
        changed = True
        while changed:
            changed = False
            for key, callees in calls.items():
                new_orm = orm[key] or any(orm[c] for c in callees)
                new_alias = alias[key] or any(alias[c] for c in callees) or (methods[key] and new_orm)
                if new_alias != alias[key] or new_orm != orm[key]:
                    alias[key], orm[key], changed = new_alias, new_orm or new_alias, True

        def over_rows(u: Unit) -> bool:
            """Can one of its loops iterate rows? Only if what it iterates may come from an ORM value."""
            if not u.loops:
                return False
            sources = u.loop_sources
            if u.self_name is not None and u.self_name in sources and f"{module}.{u.cls}" in self.models:
                return True
            imports = {**module_imports, **{local: _absolute(t, package) for local, t in u.imports}}
            if self._orm_direct(sources, module, None, imports) or self._alias_direct(sources, imports):
                return True
            return any(orm[functions[n]] for n in sources if n in functions) or \
                any(orm["=" + n] for n in sources if n in values)

        admitted = set()
        for i, u in enumerate(units):
            if alias[i]:
                admitted.add(i)
            elif orm[i] and not self.uniform:
                admitted.add(i)
            elif orm[i] and (not RAISING_NAMES.isdisjoint(u.names) or not LOOP_NAMES.isdisjoint(u.names) or over_rows(u) or any(
                    units[c].loops for c in calls[i] if isinstance(c, int)) or not TEMPLATE_NAMES.isdisjoint(u.names)):
                # iterator() on a prefetching queryset; a loop over rows; a same-module function that
                # loops, re-run with this unit's querysets.
                admitted.add(i)
        # A same-module function an admitted unit calls is analysed for its summary: keep it. So is
        # a method an admitted method may call on self (`self.helper(row)` runs per row: perrow.py),
        # any method of the module with a name it mentions.
        by_method_name: dict[str, list[int]] = {}
        for i, u in enumerate(units):
            if u.kind == "method":
                by_method_name.setdefault(u.name, []).append(i)
        todo = list(admitted)
        while todo:
            key = todo.pop()
            kept = [c for c in calls[key] if isinstance(c, int)]
            if units[key].kind == "method":
                kept += [c for n in units[key].names for c in by_method_name.get(n, ()) if c != key]
            for c in kept:
                if c not in admitted:
                    admitted.add(c)
                    todo.append(c)
        if admitted:
            # A command's options (`options["database"]`) are read from its add_arguments():
            # the default and choices given there (analysis/provenance.py).
            admitted |= {i for i, u in enumerate(units) if u.name in OPTION_METHODS}
        views = not VIEW_NAMES.isdisjoint(units[top].names)
        if views:
            admitted |= {i for i, u in enumerate(units) if u.name in VIEW_METHODS}
        if not admitted and not views:
            return SKIP
        blank = tuple((u.body, u.end) for i, u in enumerate(units)
                      if i not in admitted and u.kind != "module" and u.body)
        return Plan(False, blank + (() if views else units[top].class_statements))

    def _alias_direct(self, names: tuple[str, ...], imports: dict[str, str]) -> bool:
        if not ALIAS_NAMES.isdisjoint(names):
            return True
        return self._calls_project_function(names, imports, self.project.alias_capable)

    def _orm_direct(self, names: tuple[str, ...], module: str, cls: str | None, imports: dict[str, str]) -> bool:
        if not self.model_names.isdisjoint(names):
            return True
        if cls is not None and f"{module}.{cls}" in self.models:
            return True   # `self` is an instance of this model
        if any(imports[n] in self.models for n in names if n in imports):
            return True
        # A project function worth a summary may return a queryset or an instance.
        return self._calls_project_function(names, imports, self.project.relevant)

    def _calls_project_function(self, names: tuple[str, ...], imports: dict[str, str],
                                table: dict[str, frozenset[str]]) -> bool:
        for n in names:
            target = imports.get(n)
            if target is None:
                continue
            owner, _, fn = target.rpartition(".")
            if fn in table.get(owner, ()):
                return True
            # `import pkg.helpers` (or `as h`): `h.function(...)` names a function of that module.
            if not self._below(table, target).isdisjoint(names):
                return True
        return False

    def _below(self, table: dict[str, frozenset[str]], target: str) -> frozenset[str]:
        """The functions of `table` in module `target` and the modules below it."""
        key = (id(table), target)
        found = self._under.get(key)
        if found is None:
            prefix = target + "."
            found = self._under[key] = frozenset().union(
                *(fns for mod, fns in table.items() if mod == target or mod.startswith(prefix)))
        return found


def _absolute(target: str, package: str) -> str:
    """A relative import's target (`..models.Book`) made absolute against `package`."""
    if not target.startswith("."):
        return target
    level = len(target) - len(target.lstrip("."))
    parts = package.split(".") if package else []
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    rest = target[level:]
    return ".".join(p for p in (*parts, rest) if p)


def _routed_to_default(project: Project, routers: Any, read_only: tuple[str, ...]) -> bool:
    """Does every query and write without an alias go to 'default', a writable alias? (Then an
    alias can only come from the code.)"""
    if routers is None:
        return False
    databases = project.settings.databases   # None: not statically known (then no alias is read-only)
    if "default" in read_only or databases is not None and ("default" not in databases or databases["default"].mirror):
        return False
    if databases is not None and any(d.atomic_requests is not False for d in databases.values()):
        return False   # views run inside atomic blocks the code does not show (ATOMIC_REQUESTS)
    for label, model in project.graph.models.items():
        if model.abstract or model.swapped:
            continue
        for method in (routers.db_for_read, routers.db_for_write):
            for hint in (None, "default"):
                answer = method(label, hint)
                if answer.aliases != frozenset({"default"}):
                    return False
    return True
