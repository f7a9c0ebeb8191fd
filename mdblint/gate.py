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
- the N+1 rules need a loop over rows (a for loop, a comprehension, `iterator()`), or a call to
  a same-module function that loops (it is re-run with the caller's querysets);
- without an alias, every queryset and instance is on what the routers answer; when they answer
  'default' for every model, read and write (and 'default' is writable), no cross-alias,
  transaction or replica rule can fire, so an ORM-ish unit needs a loop; otherwise it is admitted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from mdblint.project import Project
from mdblint.project.units import Unit

ALIAS_NAMES = frozenset({"using", "db_manager", "connections", "DATABASE_ROUTERS"})
LOOP_NAMES = frozenset({"iterator"})


def enabled() -> bool:
    return os.environ.get("MDBLINT_GATE", "1") != "0"


@dataclass(frozen=True)
class Plan:
    """What to parse of a file: nothing (`skip`), or its text with these units' bodies blanked."""
    skip: bool
    blank: tuple[tuple[int, int], ...] = ()   # (first body line, last line), 1-based

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


class Gate:
    def __init__(self, project: Project, routers: Any, read_only: tuple[str, ...] = ()) -> None:
        self.project = project
        graph = project.graph
        self.models = graph.by_qualname
        self.model_names = frozenset({q.rpartition(".")[2] for q in graph.by_qualname}
                                     | {m.name for m in graph.models.values()})
        self.uniform = _routed_to_default(project, routers, read_only)

    def plan(self, module: str | None, digest: str) -> Plan | None:
        """The plan for `module`'s file whose content hashes to `digest`; None: parse it whole
        (the index has no facts for this content)."""
        units = self.project.units.get(module) if module else None
        if not units or self.project.digests.get(module) != digest:
            return None
        return self._plan(module, units)

    def _plan(self, module: str, units: tuple[Unit, ...]) -> Plan:
        top = units[-1]                        # the module's own code
        package = module if self.project.modules[module].name == "__init__.py" else module.rpartition(".")[0]
        module_imports = {local: _absolute(target, package) for local, target in top.imports}
        functions = {u.name: u for u in units if u.kind == "function"}
        # The names of module values: what module code binds, beyond imports and definitions.
        values = frozenset(top.names) - module_imports.keys() - {u.name for u in units if u.kind != "module"}

        orm: dict[int, bool] = {}
        alias: dict[int, bool] = {}
        # A custom manager/queryset method that may bind an alias is summarized only when called on
        # a manager or queryset, which an ORM-ish unit holds.
        methods = {i: not self.project.alias_methods.isdisjoint(u.names) for i, u in enumerate(units)}
        for i, u in enumerate(units):
            imports = {**module_imports, **{local: _absolute(t, package) for local, t in u.imports}}
            alias[i] = self._alias_direct(u, imports)
            orm[i] = alias[i] or self._orm_direct(u, module, imports)
        # Same-module functions and module values pass what they hold to the units naming them.
        index = {id(u): i for i, u in enumerate(units)}
        changed = True
        while changed:
            changed = False
            for i, u in enumerate(units):
                names = u.names
                callees = [index[id(functions[n])] for n in names if n in functions and functions[n] is not u]
                via_values = i != len(units) - 1 and not values.isdisjoint(names)
                top_i = len(units) - 1
                new_alias = alias[i] or any(alias[c] for c in callees) or (via_values and alias[top_i]) \
                    or (methods[i] and orm[i])
                new_orm = orm[i] or new_alias or any(orm[c] for c in callees) or (via_values and orm[top_i])
                if new_alias != alias[i] or new_orm != orm[i]:
                    alias[i], orm[i], changed = new_alias, new_orm, True

        admitted = set()
        for i, u in enumerate(units):
            loops = u.loops or not LOOP_NAMES.isdisjoint(u.names) or any(
                functions[n].loops for n in u.names if n in functions and functions[n] is not u)
            if alias[i] or (orm[i] and (loops or not self.uniform)):
                admitted.add(i)
        # A same-module function an admitted unit calls is analysed for its summary: keep it.
        todo = list(admitted)
        while todo:
            u = units[todo.pop()]
            for n in u.names:
                f = functions.get(n)
                if f is not None and index[id(f)] not in admitted:
                    admitted.add(index[id(f)])
                    todo.append(index[id(f)])
        if not admitted:
            return SKIP
        blank = tuple((u.body, u.end) for i, u in enumerate(units)
                      if i not in admitted and u.kind != "module" and u.body)
        return Plan(False, blank)

    def _alias_direct(self, u: Unit, imports: dict[str, str]) -> bool:
        names = u.names
        if u.positional_alias or not ALIAS_NAMES.isdisjoint(names):
            return True
        relevant = self.project.relevant
        for n in names:
            target = imports.get(n)
            if target is None:
                continue
            owner, _, fn = target.rpartition(".")
            if fn in relevant.get(owner, ()):
                return True
            # `import pkg.helpers` (or `as h`): `h.function(...)` names a function of that module.
            for mod, fns in relevant.items():
                if (mod == target or mod.startswith(target + ".")) and not fns.isdisjoint(names):
                    return True
        return False

    def _orm_direct(self, u: Unit, module: str, imports: dict[str, str]) -> bool:
        names = u.names
        if not self.model_names.isdisjoint(names):
            return True
        if u.cls is not None and f"{module}.{u.cls}" in self.models:
            return True   # `self` is an instance of this model
        return any(imports[n] in self.models for n in names if n in imports)


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
    for label, model in project.graph.models.items():
        if model.abstract or model.swapped:
            continue
        for method in (routers.db_for_read, routers.db_for_write):
            for hint in (None, "default"):
                answer = method(label, hint)
                if answer.aliases != frozenset({"default"}):
                    return False
    return True
