"""Read a Django settings module without importing it.

The module's top-level statements (from its summary) are replayed in order, following star
imports and `from x import NAME` within the project. Values are literals or UNKNOWN;
assignments inside `if`/`for`/`except` blocks are joined with the earlier value (union of dict
keys and list items), so an alias defined under some condition still counts as an alias.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from mdblint.project.summary import UNKNOWN, BinAdd, CallInfo, LineDict, ModuleSummary, Ref, Value, _Unknown

DEFAULT_AUTH_USER_MODEL = "auth.User"


@dataclass(frozen=True)
class Database:
    alias: str
    engine: str | None      # None: not a literal
    mirror: str | None      # TEST["MIRROR"]
    line: int               # where the alias was written (0: unknown / Django's default)
    atomic_requests: bool | None = False   # ATOMIC_REQUESTS (None: not a literal)


@dataclass
class SettingsInfo:
    module: str | None
    path: Path | None
    databases: dict[str, Database] | None = None     # None: not statically known
    routers: tuple[str, ...] | None = None
    installed_apps: tuple[str, ...] | None = None
    auth_user_model: str = DEFAULT_AUTH_USER_MODEL
    constants: dict[str, Value] = field(default_factory=dict)
    line_of: dict[str, int] = field(default_factory=dict)
    module_of: dict[str, str] = field(default_factory=dict)   # setting -> module that assigned it
    path_of: dict[str, Path] = field(default_factory=dict)    # setting -> file that assigned it
    unresolved: tuple[str, ...] = ()    # star-imported modules outside the project (their names are unknown)

    @property
    def aliases(self) -> tuple[str, ...] | None:
        return None if self.databases is None else tuple(self.databases)


# Django's defaults for settings whose conditional assignment changes what mdblint may assume.
CONDITIONAL_DEFAULTS: dict[str, object] = {"DATABASE_ROUTERS": []}
LOOP_LIMIT = 64   # a settings loop over more constants than this is not unrolled


class OneOf(frozenset):
    """A setting that holds one of these strings, depending on a condition (`DATABASE_REPLICA`).
    With UNKNOWN among them, it may also hold a value not known statically: an environment
    variable read with a literal default (`os.environ.get("REPLICA_DB", "replica")`) is the
    default or whatever the environment says."""

    @property
    def literals(self) -> tuple[str, ...]:
        """The strings it may hold, sorted."""
        return tuple(sorted(v for v in self if isinstance(v, str)))

    @property
    def open(self) -> bool:
        """It may also hold a value not known statically."""
        return UNKNOWN in self


class JoinedList(list):
    """A list setting whose content depends on a condition (the union of the possibilities)."""


def _possible(value: object) -> frozenset:
    return value if isinstance(value, OneOf) else frozenset([value])


def _join(old: object, new: object) -> object:
    """The value a name has when `new` was assigned only under some condition."""
    if old == new:
        return old
    if isinstance(old, (str, OneOf, _Unknown)) and isinstance(new, (str, OneOf, _Unknown)):
        # every literal branch, plus "unknown" when a branch is not known statically
        return OneOf(_possible(old) | _possible(new))
    if isinstance(old, dict) and isinstance(new, dict):
        out = LineDict(old, lines=getattr(old, "lines", {}))
        for key, value in new.items():
            out[key] = _join(old[key], value) if key in old else value
            out.lines.setdefault(key, getattr(new, "lines", {}).get(key, 0))
        return out
    if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
        return JoinedList(list(old) + [x for x in new if x not in old])
    return UNKNOWN


# Django's own constants that settings modules use as aliases (`{DEFAULT_DB_ALIAS: {...}}`).
DJANGO_CONSTANTS = {"django.db.DEFAULT_DB_ALIAS": "default", "django.db.utils.DEFAULT_DB_ALIAS": "default"}
_MODULE = object()   # a name not bound by the module's code: an `import django` leaves it unset


@dataclass(frozen=True)
class _Imported:
    """A name imported from outside the project (`from os import environ`): only called."""
    qualname: str


@dataclass(frozen=True)
class _EnvReader:
    """A django-environ `environ.Env(NAME=(str, "default"), ...)`: its scheme's string defaults."""
    defaults: tuple[tuple[str, str], ...] = ()


_OPAQUE = (_Imported, _EnvReader)   # namespace values that are never a setting's value
# Calls (key, default=None) that return the environment variable's value, else the default.
ENV_GETTERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
ENV_CLASSES = frozenset({"environ.Env", "environ.FileAwareEnv", "environ.environ.Env", "environ.environ.FileAwareEnv"})


def _or_unknown(default: object) -> object:
    """What an environment variable read with `default` holds: the default, or anything."""
    if isinstance(default, str):
        return OneOf({default, UNKNOWN})
    if isinstance(default, OneOf):
        return OneOf(default | {UNKNOWN})
    return UNKNOWN


class _Evaluator:
    def __init__(self, summaries: dict[str, ModuleSummary]) -> None:
        self.summaries = summaries
        self.cache: dict[str, tuple[dict, dict]] = {}
        self.active: set[str] = set()
        self.unresolved: dict[str, None] = {}   # star imports of modules that are not in the project
        self.current: str | None = None         # the module being run (its import bindings name callees)

    def namespace(self, module: str) -> tuple[dict[str, object], dict[str, tuple[str, int]]]:
        """(name -> value, name -> (module, line)) after running `module`'s top level."""
        if module in self.cache:
            return self.cache[module]
        ns: dict[str, object] = {}
        where: dict[str, tuple[str, int]] = {}
        summary = self.summaries.get(module)
        if summary is None or module in self.active:
            return ns, where
        self.active.add(module)
        outer, self.current = self.current, module
        self.run(module, summary.ops, ns, where)
        self.current = outer
        self.active.discard(module)
        self.cache[module] = (ns, where)
        return ns, where

    def run(self, module: str, ops: tuple, ns: dict, where: dict) -> None:
        """Replay `ops` (a module's top level, or a loop's body) on `ns`."""
        index = 0
        while index < len(ops):
            op = ops[index]
            index += 1
            kind, line, cond = op[0], op[1], op[2]
            if kind == "loop":
                # `for NAME in ITEMS:` over constants (`for alias in REPLICAS: DATABASES[alias] = ...`)
                # runs its body once per item; over anything else, once with NAME unknown.
                end, depth = index, 0
                while end < len(ops) and not (ops[end][0] == "endloop" and depth == 0):
                    depth += {"loop": 1, "endloop": -1}.get(ops[end][0], 0)
                    end += 1
                items = self.evaluate(op[4], ns)
                if isinstance(items, dict):   # `for alias in _DATABASES:` runs over its keys
                    items = list(items)
                concrete = isinstance(items, (list, tuple)) and len(items) <= LOOP_LIMIT and all(
                    isinstance(x, (str, int)) for x in items)
                for item in items if concrete else [UNKNOWN]:
                    ns[op[3]] = item
                    self.run(module, ops[index:end], ns, where)
                ns[op[3]] = UNKNOWN
                index = end + 1
                continue
            if kind == "star":
                if op[3] not in self.summaries:
                    self.unresolved[op[3]] = None
                else:
                    other, other_where = self.namespace(op[3])
                    for name, value in other.items():
                        if not name.startswith("_"):
                            self.set(ns, where, name, copy.deepcopy(value), other_where.get(name, (op[3], line)), cond)
            elif kind == "from":
                source, name, local = op[3], op[4], op[5]
                if f"{source}.{name}" in DJANGO_CONSTANTS:
                    self.set(ns, where, local, DJANGO_CONSTANTS[f"{source}.{name}"], (module, line), cond)
                elif source in self.summaries and f"{source}.{name}" not in self.summaries:
                    other, other_where = self.namespace(source)
                    value = copy.deepcopy(other.get(name, UNKNOWN))
                    self.set(ns, where, local, value, other_where.get(name, (module, line)), cond)
                elif source and source.partition(".")[0] not in self.summaries:
                    self.set(ns, where, local, _Imported(f"{source}.{name}"), (module, line), cond)
                else:
                    self.set(ns, where, local, UNKNOWN, (module, line), cond)
            elif kind == "assign":
                self.set(ns, where, op[3], self.evaluate(op[4], ns), (module, line), cond)
            elif kind == "augassign":
                name, value = op[3], self.evaluate(op[4], ns)
                old = ns.get(name, UNKNOWN)
                if isinstance(old, (list, tuple)) and isinstance(value, (list, tuple)):
                    ns[name] = type(old)(list(old) + list(value))
                else:
                    ns[name] = UNKNOWN
            elif kind == "setitem":
                self.setitem(ns, op[3], self.keys(op[4], ns), self.evaluate(op[5], ns), line)
            elif kind == "mutate":
                self.mutate(ns, op[3], op[4], tuple(self.evaluate(a, ns) for a in op[5]), line)
            elif kind in ("class", "other"):
                ns[op[3]] = UNKNOWN

    @staticmethod
    def set(ns: dict, where: dict, name: str, value: object, origin: tuple[str, int], cond: bool) -> None:
        if cond and name in ns:
            value = _join(ns[name], value)
        elif cond and name in CONDITIONAL_DEFAULTS:
            value = _join(CONDITIONAL_DEFAULTS[name], value)   # the other path keeps Django's default
        ns[name] = value
        where[name] = origin

    def evaluate(self, value: object, ns: dict) -> object:
        """Substitute names defined earlier in the module; other names are UNKNOWN."""
        if isinstance(value, Ref):
            if "." not in value.dotted and value.dotted in ns:
                found = ns[value.dotted]
                return UNKNOWN if isinstance(found, _OPAQUE) else copy.deepcopy(found)
            head = value.dotted.partition(".")[0]
            if value.dotted in DJANGO_CONSTANTS and ns.get(head, _MODULE) is _MODULE:
                return DJANGO_CONSTANTS[value.dotted]   # `django.db.DEFAULT_DB_ALIAS` after `import django.db`
            return UNKNOWN
        if isinstance(value, CallInfo):
            return self.call(value, ns)
        if isinstance(value, BinAdd):
            left, right = self.evaluate(value.left, ns), self.evaluate(value.right, ns)
            if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
                return type(left)(list(left) + list(right))
            return UNKNOWN
        if isinstance(value, dict):
            out = LineDict(lines=getattr(value, "lines", {}))
            for ref in getattr(value, "spread", ()):
                base = self.evaluate(ref, ns)
                if not isinstance(base, dict):
                    return UNKNOWN
                out.update(base)
                out.lines.update({k: v for k, v in getattr(base, "lines", {}).items() if k not in out.lines})
            for key, item in value.items():
                if isinstance(key, Ref):   # `{DEFAULT_DB: {...}}`: the key is the name's value
                    line = out.lines.pop(key, 0)
                    key = self.key(key, ns)
                    if key is UNKNOWN:
                        return UNKNOWN
                    out.lines[key] = line
                out[key] = self.evaluate(item, ns)
            return out
        if isinstance(value, list):
            return [self.evaluate(v, ns) for v in value]
        if isinstance(value, tuple):
            return tuple(self.evaluate(v, ns) for v in value)
        return value

    def callee(self, dotted: str | None, ns: dict) -> tuple[str | None, object]:
        """(qualified name of a callee outside the project, or None; the value its head names)."""
        if dotted is None or "()" in dotted:
            return None, UNKNOWN
        head, _, rest = dotted.partition(".")
        base = ns.get(head, _MODULE)
        tail = f".{rest}" if rest else ""
        if isinstance(base, _Imported):
            return base.qualname + tail, base
        if base is not _MODULE:
            return None, base
        summary = self.summaries.get(self.current) if self.current else None
        binding = summary.names.get(head) if summary is not None else None
        if binding is None:
            return f"builtins.{dotted}", base      # not bound in the module: a builtin (`dict`)
        if binding.kind == "module" and isinstance(binding.target, str) \
                and binding.target.partition(".")[0] not in self.summaries:
            return binding.target + tail, base      # `import os`: os.environ.get
        return None, UNKNOWN

    def call(self, call: CallInfo, ns: dict) -> object:
        """The value of a call the settings make: environment variables read with a literal
        default (the default, or unknown), django-environ's `env(...)`, and the ways a dict of
        DATABASES is built (`dict(BASE, replica={...})`, `BASE.copy()`, `copy.deepcopy(BASE)`).
        Anything else (`dj_database_url.config()`, `env.db()`: one database's configuration) is
        UNKNOWN."""
        qualname, base = self.callee(call.callee, ns)
        args, kwargs = call.args, call.kwargs
        if qualname in ENV_GETTERS:
            if not args or len(args) > 2 or set(kwargs) - {"default"}:
                return UNKNOWN
            default = args[1] if len(args) > 1 else kwargs.get("default")
            return _or_unknown(self.evaluate(default, ns))
        if qualname in ENV_CLASSES:
            defaults = []
            for name, scheme in kwargs.items():   # `Env(REPLICA_DB=(str, "replica"))`
                scheme = self.evaluate(scheme, ns) if not isinstance(scheme, tuple) else scheme
                if isinstance(scheme, tuple) and len(scheme) == 2 and scheme[0] == Ref("str"):
                    default = self.evaluate(scheme[1], ns)
                    if isinstance(default, str):
                        defaults.append((name, default))
            return _EnvReader(tuple(defaults))
        if isinstance(base, _EnvReader):
            return self.env_value(base, call.callee.partition(".")[2], call, ns)
        if isinstance(base, dict) and not args and not kwargs:
            method = call.callee.partition(".")[2]
            if method == "copy":
                return copy.deepcopy(base)
            if method == "keys":
                return list(base)
            return UNKNOWN
        if qualname == "copy.deepcopy" and len(args) == 1 and not kwargs:
            return self.evaluate(args[0], ns)
        if qualname == "builtins.dict" and len(args) <= 1:
            out = LineDict()
            if args:
                first = self.evaluate(args[0], ns)
                if not isinstance(first, dict):
                    return UNKNOWN
                out.update(first)
                out.lines.update(getattr(first, "lines", {}))
            for name, item in kwargs.items():
                out[name] = self.evaluate(item, ns)
                out.lines[name] = call.line
            return out
        return UNKNOWN

    def env_value(self, reader: _EnvReader, method: str, call: CallInfo, ns: dict) -> object:
        """`env("X", default="d")`, `env.str("X", "d")`, `env.get_value(...)`: the default (given,
        or the scheme's), or unknown. Without a default a missing variable raises: unknown."""
        args, kwargs = call.args, call.kwargs
        if method in ("", "get_value"):      # (var, cast=None, default=NOTSET, parse_default=False)
            names = ("var", "cast", "default", "parse_default")
        elif method == "str":                 # (var, default=NOTSET, multiline=False)
            names = ("var", "default", "multiline")
        else:
            return UNKNOWN                    # env.int(), env.db(), env.list()...: not an alias string
        if len(args) > len(names) or set(kwargs) - set(names):
            return UNKNOWN
        given = dict(zip(names, args)) | kwargs
        if given.get("cast") not in (None, Ref("str")):
            return UNKNOWN
        var = self.evaluate(given.get("var"), ns)
        if "default" in given:
            default = self.evaluate(given["default"], ns)
        elif isinstance(var, str) and var in dict(reader.defaults):
            default = dict(reader.defaults)[var]
        else:
            return UNKNOWN
        if isinstance(default, str) and "$" in default:
            return UNKNOWN                    # django-environ reads "$OTHER" as another variable
        return _or_unknown(default)

    def key(self, ref: Ref, ns: dict) -> object:
        """A dict key written as a name: its constant value, or UNKNOWN."""
        value = self.evaluate(ref, ns)
        return value if isinstance(value, (str, int, bytes, bool)) or value is None else UNKNOWN

    def keys(self, keys: tuple | None, ns: dict) -> tuple | None:
        if keys is None:
            return None
        out = tuple(self.key(k, ns) if isinstance(k, Ref) else k for k in keys)
        return None if any(k is UNKNOWN for k in out) else out

    @staticmethod
    def setitem(ns: dict, name: str, keys: tuple | None, value: object, line: int) -> None:
        if name not in ns:
            return
        target = ns[name]
        if keys is None:
            ns[name] = UNKNOWN
            return
        for key in keys[:-1]:
            if not isinstance(target, dict) or key not in target:
                ns[name] = UNKNOWN
                return
            target = target[key]
        if not isinstance(target, dict):
            ns[name] = UNKNOWN
            return
        target[keys[-1]] = value
        if isinstance(target, LineDict):
            target.lines[keys[-1]] = line

    @staticmethod
    def mutate(ns: dict, name: str, method: str, args: tuple, line: int) -> None:
        if name not in ns:
            return
        target = ns[name]
        if method == "update" and isinstance(target, dict) and len(args) == 1 and isinstance(args[0], dict):
            target.update(args[0])
            if isinstance(target, LineDict):
                lines = getattr(args[0], "lines", {})   # each key where it was written, else the call's line
                target.lines.update({k: lines.get(k) or line for k in args[0]})
        elif method in ("append", "insert") and isinstance(target, list) and args:
            target.append(args[-1])
        elif method == "extend" and isinstance(target, list) and len(args) == 1 and isinstance(args[0], (list, tuple)):
            target.extend(args[0])
        elif method in ("get", "copy", "keys", "values", "items", "index", "count"):
            return
        else:
            ns[name] = UNKNOWN


def _str_sequence(value: object) -> tuple[str, ...] | None:
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _databases(value: object, line: int) -> dict[str, Database] | None:
    if not isinstance(value, dict):
        return None
    if not value:   # Django replaces an empty DATABASES with a dummy "default"
        return {"default": Database("default", "django.db.backends.dummy", None, 0)}
    out = {}
    for alias, conf in value.items():
        if not isinstance(alias, str):
            return None
        engine = mirror = None
        atomic: bool | None = False
        if isinstance(conf, dict):
            atomic = conf.get("ATOMIC_REQUESTS", False)
            atomic = atomic if isinstance(atomic, bool) else None
            engine = conf.get("ENGINE") if isinstance(conf.get("ENGINE"), str) else None
            test = conf.get("TEST")
            if isinstance(test, dict) and isinstance(test.get("MIRROR"), str):
                mirror = test["MIRROR"]
        out[alias] = Database(alias, engine, mirror, getattr(value, "lines", {}).get(alias, line), atomic)
    return out


def read_settings(module: str | None, summaries: dict[str, ModuleSummary],
                  paths: dict[str, Path] | None = None) -> SettingsInfo:
    """The statically known settings of `module` (None or missing: everything unknown)."""
    paths = paths or {}
    summary = summaries.get(module) if module else None
    if summary is None or summary.broken:
        return SettingsInfo(module, paths.get(module) if module else None)
    evaluator = _Evaluator(summaries)
    ns, where = evaluator.namespace(module)

    def line(name: str) -> int:
        return where.get(name, (module, 0))[1]

    info = SettingsInfo(module, paths.get(module))
    for name, value in ns.items():
        if name.isupper() and not isinstance(value, (_Unknown, Ref, BinAdd, *_OPAQUE)):
            info.constants[name] = value
    for name, (origin, lineno) in where.items():
        if name.isupper():
            info.line_of[name] = lineno
            info.module_of[name] = origin
            if origin in paths:
                info.path_of[name] = paths[origin]
    info.unresolved = tuple(evaluator.unresolved)
    # Absent, DATABASES is Django's default ({}: a dummy "default"), unless a star import that
    # cannot be read may have set it.
    info.databases = _databases(ns.get("DATABASES", UNKNOWN if info.unresolved else {}), line("DATABASES"))
    routers = ns.get("DATABASE_ROUTERS", ())
    # Routers installed only under some condition: which chain runs is not statically known.
    info.routers = None if isinstance(routers, JoinedList) else _str_sequence(routers)
    info.installed_apps = _str_sequence(ns.get("INSTALLED_APPS", ()))
    user = ns.get("AUTH_USER_MODEL", DEFAULT_AUTH_USER_MODEL)
    info.auth_user_model = user if isinstance(user, str) else DEFAULT_AUTH_USER_MODEL
    return info
