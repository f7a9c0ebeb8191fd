"""DATABASE_ROUTERS evaluated statically: what Django's ConnectionRouter would answer.

Each router method is read with `ast` and interpreted over sets of possible values (a condition
whose value is unknown runs both branches). Whatever the evaluation does not know makes the
answer unknown (None); nothing is guessed and no project code is imported.
"""

from __future__ import annotations

import ast
import itertools
import math
from pathlib import Path
from dataclasses import dataclass

from mdblint.project.index import Project
from mdblint.project.settings_static import OneOf


@dataclass(frozen=True)
class Answer:
    aliases: frozenset[str] | None      # the possible aliases; None: unknown
    why: str
    path: str | None = None             # the file of the deciding return (None: Django's fallback)
    line: int | None = None


@dataclass(frozen=True)
class Verdict:
    allowed: bool | None                # None: unknown
    why: str
    path: str | None = None
    line: int | None = None


class _Unknown(Exception):
    """The evaluation does not know this value."""


@dataclass(frozen=True)
class _Cls:         # a model class
    label: str


@dataclass(frozen=True)
class _Meta:        # a model's _meta
    label: str


@dataclass(frozen=True, eq=False)
class _Obj:         # a model instance (identity equality); label None: its model is not known
    label: str | None
    db: str | None


@dataclass(frozen=True, eq=False)
class _State:
    db: str | None


@dataclass(frozen=True)
class _Dict:        # a dict of known items; also the `**hints` dict
    items: tuple


@dataclass(frozen=True)
class _Ext:         # a dotted name outside the project: random.choice, django.conf.settings, ...
    name: str


@dataclass(frozen=True)
class _Mod:         # a project module
    name: str


@dataclass(frozen=True)
class _Self:        # the router instance
    qual: str


@dataclass(frozen=True)
class _Bound:       # a method of a known value
    obj: object
    name: str


_PLAIN = (str, int, float, bool, type(None))
_KNOWN = {"django.db.DEFAULT_DB_ALIAS": "default", "django.db.utils.DEFAULT_DB_ALIAS": "default"}
_BUILTINS = {"isinstance", "hasattr", "getattr", "type", "bool", "len"}
_MUTATORS = {"append", "add", "update", "extend", "insert", "remove", "discard", "pop", "clear", "setdefault"}
_STR_METHODS = {"lower", "upper", "strip", "startswith", "endswith"}
_MISSING = object()
_LIMIT = 64


def _truth(v: object) -> bool:
    if isinstance(v, (*_PLAIN, tuple, frozenset)):
        return bool(v)
    if isinstance(v, _Dict):
        return bool(v.items)
    if isinstance(v, (_Cls, _Meta, _Obj, _State, _Self, _Mod)):
        return True     # Model defines neither __bool__ nor __len__
    raise _Unknown


def _eq(a: object, b: object) -> bool:
    if isinstance(a, _Obj) or isinstance(b, _Obj):
        if a is b:
            return True
        if isinstance(a, _Obj) and isinstance(b, _Obj):
            raise _Unknown          # Model.__eq__ compares primary keys
        return False
    if isinstance(a, _PLAIN) and isinstance(b, _PLAIN):
        return a == b
    if isinstance(a, (_Cls, _Meta)) or isinstance(b, (_Cls, _Meta)):
        return a == b               # one class per label; classes compare by identity
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) != len(b):
        return False            # (lists are kept as tuples: equal lengths are not decided)
    if isinstance(a, frozenset) and isinstance(b, frozenset) and all(isinstance(x, _PLAIN) for x in a | b):
        return a == b
    if isinstance(a, (_Ext, _Self, _Mod, _State, _Bound)) or isinstance(b, (_Ext, _Self, _Mod, _State, _Bound)) \
            or type(a) is type(b):
        raise _Unknown
    return False


def _is(a: object, b: object) -> bool:
    if isinstance(a, _Obj) or isinstance(b, _Obj):
        return a is b
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool) \
            or isinstance(a, (_Cls, _Meta)) or isinstance(b, (_Cls, _Meta)):
        return _eq(a, b) and type(a) is type(b)
    raise _Unknown


def _in(x: object, seq: object) -> bool:
    if isinstance(seq, _Dict):
        seq = tuple(k for k, _ in seq.items)
    if isinstance(seq, str) and isinstance(x, str):
        return x in seq
    if not isinstance(seq, (tuple, frozenset)):
        raise _Unknown
    unknown = False
    for e in seq:
        try:
            if _eq(x, e):
                return True
        except _Unknown:
            unknown = True
    if unknown:
        raise _Unknown
    return False


def _compare(op: ast.cmpop, a: object, b: object) -> bool:
    if isinstance(op, (ast.Eq, ast.NotEq)):
        return _eq(a, b) == isinstance(op, ast.Eq)
    if isinstance(op, (ast.Is, ast.IsNot)):
        return _is(a, b) == isinstance(op, ast.Is)
    if isinstance(op, (ast.In, ast.NotIn)):
        return _in(a, b) == isinstance(op, ast.In)
    numbers = isinstance(a, (int, float)) and isinstance(b, (int, float))
    ordered = numbers or (isinstance(a, str) and isinstance(b, str))
    ops = {ast.Lt: "__lt__", ast.LtE: "__le__", ast.Gt: "__gt__", ast.GtE: "__ge__"}
    if not ordered or type(op) not in ops:
        raise _Unknown
    return getattr(a, ops[type(op)])(b)


def _product(*sets: frozenset) -> list[tuple]:
    if math.prod(map(len, sets)) > _LIMIT:
        raise _Unknown
    return list(itertools.product(*sets))


def _const(v: object) -> object:
    """A settings constant as an evaluation value."""
    if isinstance(v, _PLAIN):
        return v
    if isinstance(v, (list, tuple)):
        return tuple(_const(x) for x in v)
    if isinstance(v, (set, frozenset)):
        return frozenset(_const(x) for x in v)
    if isinstance(v, dict):
        return _Dict(tuple((_const(k), _const(x)) for k, x in v.items()))
    raise _Unknown


def _stored(node: ast.AST) -> set[str]:
    """Names bound anywhere in `node` (assignments, imports, defs, globals)."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            out.add(n.id)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(n.name)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            out |= {(a.asname or a.name).split(".")[0] for a in n.names}
        elif isinstance(n, ast.Global):
            out |= set(n.names)
    return out


def _mutated(tree: ast.AST, attr: bool) -> set[str]:
    """Names (attr: attribute names) mutated in place: x.append(...), x[k] = v, x += y."""
    out = set()
    for n in ast.walk(tree):
        base = None
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _MUTATORS:
            base = n.func.value
        elif isinstance(n, ast.Subscript) and isinstance(n.ctx, (ast.Store, ast.Del)):
            base = n.value
        elif isinstance(n, ast.AugAssign):
            base = n.target
        elif isinstance(n, ast.Attribute) and isinstance(n.ctx, (ast.Store, ast.Del)) and attr:
            out.add(n.attr)
        if attr and isinstance(base, ast.Attribute):
            out.add(base.attr)
        elif not attr and isinstance(base, ast.Name):
            out.add(base.id)
    return out


class _Frame:
    def __init__(self, module: str, env: dict, local: set[str]) -> None:
        self.module, self.env, self.local = module, env, local


class Routers:
    """Django's router chain for `routers` (dotted class paths; default: the project's DATABASE_ROUTERS).

    Unknown settings make every answer unknown; absent or empty DATABASE_ROUTERS gives Django's
    fallbacks. `model` is a model label; `instance` / `alias` is the alias an instance is bound
    to ("": an unsaved instance, whose `_state.db` is None); `instance=None`: no instance hint.
    Answers are memoized, and each module is parsed once per Routers object.
    """

    def __init__(self, project: Project, routers: tuple[str, ...] | None = None) -> None:
        self.project, self.graph = project, project.graph
        self.paths = project.settings.routers if routers is None else tuple(routers)
        self._trees: dict[str, ast.Module | None] = {}
        self._binds: dict[str, tuple[dict, list] | None] = {}
        self._values: dict[tuple, frozenset | None] = {}
        self._mros: dict[str, list | None] = {}
        self._dynamic: dict[str, set[str] | None] = {}
        self._packages: set[str] | None = None     # every module and package prefix
        self._memo: dict[tuple, object] = {}

    # -- the chain, as ConnectionRouter ----------------------------------------------------

    def db_for_read(self, model: str, instance: str | None = None) -> Answer:
        return self._route("db_for_read", model, instance)

    def db_for_write(self, model: str, instance: str | None = None) -> Answer:
        return self._route("db_for_write", model, instance)

    def allow_relation(self, model1: str, alias1: str, model2: str, alias2: str) -> Verdict:
        """Whether an instance of model1 on alias1 may be related to one of model2 on alias2."""
        return self._memoized(self._relation, model1, alias1, model2, alias2)

    def allow_migrate(self, alias: str, app_label: str) -> Verdict:
        """Whether migrations of `app_label` run on `alias` (RunPython asks it without hints)."""
        return self._memoized(self._migrate, alias, app_label)

    def _route(self, action: str, model: str, instance: str | None) -> Answer:
        return self._memoized(self._route_uncached, action, model, instance)

    def _memoized(self, compute, *args) -> Answer | Verdict:
        key = (compute.__name__, *args)
        if key not in self._memo:
            try:
                self._memo[key] = compute(*args)
            except Exception as exc:    # never raise: an evaluation gap is an unknown answer
                kind = Verdict if compute == self._relation else Answer
                self._memo[key] = kind(None, f"router evaluation failed: {type(exc).__name__}")
        return self._memo[key]

    def _route_uncached(self, action: str, model: str, instance: str | None) -> Answer:
        hints = {} if instance is None else {"instance": _Obj(None, instance or None)}
        found = self._chain(action, (_Cls(self._label(model)),), hints)
        if isinstance(found, str):
            return Answer(None, found)
        if None in found:   # every router passed: Django's fallback
            del found[None]
            found.setdefault(instance or "default", []).append("instance hint" if instance else "no router: default")
        return Answer(frozenset(found), *self._why(found))

    def _relation(self, model1: str, alias1: str, model2: str, alias2: str) -> Verdict:
        objs = (_Obj(self._label(model1), alias1 or None), _Obj(self._label(model2), alias2 or None))
        found = self._chain("allow_relation", objs, {})
        if isinstance(found, str):
            return Verdict(None, found)
        if None in found:
            del found[None]
            same = (alias1 or None) == (alias2 or None)
            found.setdefault(same, []).append("no router: " + ("same database" if same else "different databases"))
        why, path, line = self._why(found)
        return Verdict(next(iter(found)) if len(found) == 1 else None, why, *((path, line) if len(found) == 1 else ()))

    def _migrate(self, alias: str, app_label: str) -> Verdict:
        found = self._chain("allow_migrate", (alias, app_label), {})
        if isinstance(found, str):
            return Verdict(None, found)
        if None in found:
            del found[None]
            found.setdefault(True, []).append("no router: every database")
        why, path, line = self._why(found)
        return Verdict(next(iter(found)) if len(found) == 1 else None, why, *((path, line) if len(found) == 1 else ()))

    def _chain(self, action: str, args: tuple, hints: dict) -> dict | str:
        """outcome -> [where] for each outcome the router chain may decide; None: every router passed.

        db_for_*: a truthy alias decides, a falsy value passes; allow_relation: anything but None decides.
        A str: why the chain is unknown.
        """
        if self.paths is None:
            return "DATABASE_ROUTERS is not statically known"
        found: dict = {}
        for index, qual in enumerate(self.paths):
            name = f"{qual.rpartition('.')[2]}.{action}"
            results = self._results(qual, action, args, hints)
            if results is _MISSING:
                continue
            if isinstance(results, str):
                return results
            passes = False
            for value, path, line in sorted(results, key=lambda r: (r[2], repr(r[0]))):
                try:
                    truthy = _truth(value)
                except _Unknown:
                    return self._where(name, "an unknown value", path, line)
                if action in ("allow_relation", "allow_migrate") and value is not None:
                    found.setdefault(truthy, []).append((index, name, path, line, repr(value)))
                elif action not in ("allow_relation", "allow_migrate") and truthy:
                    if not isinstance(value, str):
                        return self._where(name, f"{value!r}, not an alias", path, line)
                    found.setdefault(value, []).append((index, name, path, line, repr(value)))
                else:
                    passes = True
            if not passes:
                return found
        found[None] = []
        return found

    def _why(self, found: dict) -> tuple[str, str | None, int | None]:
        """"R.db_for_read returns 'a' or 'b' (site/routers.py:19); no router: default", and the first place."""
        groups: dict = {}
        for places in found.values():
            for place in places:
                key = (len(self.paths), place) if isinstance(place, str) else place[:4]
                groups.setdefault(key, set()).add(None if isinstance(place, str) else place[4])
        whys, first = [], (None, None)
        for key in sorted(groups, key=lambda k: (k[0], k[3] if len(k) == 4 else 0, str(k[1]))):
            if len(key) == 2:
                whys.append(key[1])
                continue
            _, name, path, line = key
            whys.append(self._where(name, " or ".join(sorted(groups[key])), path, line))
            first = first if first[0] else (path, line)
        return "; ".join(whys), *first

    def _where(self, name: str, value: str, path: str | None, line: int | None) -> str:
        """"R.db_for_read returns 'replica' (site/routers.py:19)"."""
        text = f"{name} returns {value}"
        root = self.project.ref.root if self.project.ref else None
        try:
            rel = Path(path).relative_to(root).as_posix() if root else path
        except ValueError:
            rel = path
        return f"{text} ({rel}:{line})"

    def _label(self, label: str) -> str:
        model = self.graph.get(label)
        return model.label if model else label

    # -- one router method -----------------------------------------------------------------

    def _results(self, qual: str, action: str, args: tuple, hints: dict) -> object:
        """[(value, path, line)] the method may return; _MISSING: no such method; str: why unknown."""
        member = self._member(qual, action)
        if member is _MISSING:
            return _MISSING
        name = f"{qual.rpartition('.')[2]}.{action}"
        if member is None or member[0] != "func":
            return f"{name} is not statically known"
        _, module, fn, owner = member
        path = str(self.project.modules[module])
        try:
            env = self._bind(fn, _Frame(module, {}, _body_names(owner)), (_Self(qual),) + args, hints)
            ends, returns = self._block(fn.body, [env], _Frame(module, {}, _stored_locals(fn)))
        except (_Unknown, RecursionError):
            return f"{name} could not be evaluated"
        out = [(v, path, line) for values, line in returns for v in values]
        out += [(None, path, fn.lineno)] if ends else []
        return out or f"{name} always raises"

    def _bind(self, fn: ast.FunctionDef, scope: _Frame, args: tuple, hints: dict) -> dict:
        """Parameters bound as Python would for `method(*args, **hints)`."""
        deco = [d.id if isinstance(d, ast.Name) else None for d in fn.decorator_list]
        if deco == ["staticmethod"]:
            args = args[1:]
        elif deco not in ([], ["classmethod"]):
            raise _Unknown
        a, env, hints = fn.args, {}, dict(hints)
        positional = a.posonlyargs + a.args
        if len(args) > len(positional) and not a.vararg:
            raise _Unknown
        defaults = dict(zip([p.arg for p in positional][len(positional) - len(a.defaults):], a.defaults))
        defaults.update({p.arg: d for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None})
        for i, p in enumerate(positional + a.kwonlyargs):
            if i < len(args) and i < len(positional):
                env[p.arg] = frozenset([args[i]])
            elif p.arg in hints and p not in a.posonlyargs:
                env[p.arg] = frozenset([hints.pop(p.arg)])
            elif p.arg in defaults:
                env[p.arg] = self._try(defaults[p.arg], scope)     # evaluated in the class body
            else:
                raise _Unknown      # TypeError when called
        if a.vararg:
            env[a.vararg.arg] = frozenset([tuple(args[len(positional):])])
        if a.kwarg:
            env[a.kwarg.arg] = frozenset([_Dict(tuple(hints.items()))])
        elif hints:
            raise _Unknown
        return env

    # -- statements --------------------------------------------------------------------------

    def _block(self, body: list, envs: list[dict], frame: _Frame) -> tuple[list[dict], list]:
        """Run `body` from each env: (envs that fall through, [(values, line) returned])."""
        returns = []
        for stmt in body:
            nxt = []
            for env in envs:
                ends, rets = self._stmt(stmt, env, frame)
                nxt += ends
                returns += rets
            envs = nxt
            if len(envs) > _LIMIT:
                raise _Unknown
        return envs, returns

    def _stmt(self, st: ast.stmt, env: dict, frame: _Frame) -> tuple[list[dict], list]:
        f = _Frame(frame.module, env, frame.local)
        if isinstance(st, ast.Return):
            return [], [(self._ev(st.value, f) if st.value else frozenset([None]), st.lineno)]
        if isinstance(st, ast.If):
            try:
                truths = {_truth(v) for v in self._ev(st.test, f)}
            except _Unknown:
                truths = {True, False}
            ends, rets = [], []
            for branch in (st.body, st.orelse):
                if (branch is st.body) in truths:
                    e, r = self._block(branch, [dict(env)], frame)
                    ends, rets = ends + e, rets + r
            return ends, rets
        if isinstance(st, (ast.Assign, ast.AnnAssign)):
            if st.value is not None:
                value = self._try(st.value, f)
                for target in st.targets if isinstance(st, ast.Assign) else [st.target]:
                    self._assign(target, value, env)
            return [env], []
        if isinstance(st, ast.Expr):    # a call for its effect: what it mutates becomes unknown
            env.update({n: None for n in _mutated(st, False)})
            return [env], []
        if isinstance(st, ast.AugAssign):
            self._assign(st.target, None, env)
            return [env], []
        if isinstance(st, (ast.Import, ast.ImportFrom)):
            for name, dotted in self._imports(st, frame.module):
                env[name] = self._try_ref(dotted)
            return [env], []
        if isinstance(st, ast.Raise):
            return [], []
        if isinstance(st, (ast.Pass, ast.Assert)):
            return [env], []
        raise _Unknown      # loops, try, with, nested defs, ...

    def _assign(self, target: ast.AST, value: frozenset | None, env: dict) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)) and not any(isinstance(t, ast.Starred) for t in target.elts):
            n = len(target.elts)
            ok = value is not None and all(isinstance(v, tuple) and len(v) == n for v in value)
            for i, t in enumerate(target.elts):
                self._assign(t, frozenset(v[i] for v in value) if ok else None, env)
        else:
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    env[node.id] = None

    # -- expressions ---------------------------------------------------------------------------

    def _try(self, node: ast.AST, f: _Frame) -> frozenset | None:
        try:
            return self._ev(node, f)
        except (_Unknown, RecursionError):
            return None

    def _ev(self, node: ast.AST, f: _Frame) -> frozenset:
        if isinstance(node, ast.Constant):
            return frozenset([node.value])
        if isinstance(node, ast.Name):
            return self._name(node.id, f)
        if isinstance(node, ast.Attribute):
            return frozenset().union(*(self._attr(v, node.attr) for v in self._ev(node.value, f)))
        if isinstance(node, ast.Subscript):
            return frozenset(self._item(v, k) for v, k in _product(self._ev(node.value, f), self._ev(node.slice, f)))
        if isinstance(node, ast.BoolOp):
            return self._boolop(isinstance(node.op, ast.And), node.values, f)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return frozenset(not _truth(v) for v in self._ev(node.operand, f))
        if isinstance(node, ast.Compare):
            left, out = node.left, []
            for op, right in zip(node.ops, node.comparators):
                out.append(ast.Compare(left, [op], [right]))
                left = right
            if len(out) > 1:
                return self._boolop(True, out, f)
            pairs = _product(self._ev(node.left, f), self._ev(node.comparators[0], f))
            return frozenset(_compare(node.ops[0], a, b) for a, b in pairs)
        if isinstance(node, ast.IfExp):
            try:
                truths = {_truth(v) for v in self._ev(node.test, f)}
            except _Unknown:
                truths = {True, False}
            return frozenset().union(*(self._ev(node.body if t else node.orelse, f) for t in truths))
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and not any(isinstance(e, ast.Starred) for e in node.elts):
            kind = frozenset if isinstance(node, ast.Set) else tuple
            return frozenset(kind(t) for t in _product(*(self._ev(e, f) for e in node.elts)))
        if isinstance(node, ast.Dict) and None not in node.keys:
            items = _product(*(self._ev(e, f) for e in node.keys + node.values))
            n = len(node.keys)
            return frozenset(_Dict(tuple(zip(t[:n], t[n:]))) for t in items)
        if isinstance(node, ast.Call) and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args):
            combos = _product(self._ev(node.func, f), *(self._ev(a, f) for a in node.args))
            return frozenset().union(*(self._call(c[0], c[1:]) for c in combos))
        raise _Unknown

    def _boolop(self, is_and: bool, nodes: list, f: _Frame) -> frozenset:
        first = self._ev(nodes[0], f)
        if len(nodes) == 1:
            return first
        out, more = set(), False
        for v in first:
            if _truth(v) == is_and:     # `and` goes on after a truthy value, `or` after a falsy one
                more = True
            else:
                out.add(v)
        return frozenset(out | (self._boolop(is_and, nodes[1:], f) if more else set()))

    def _name(self, name: str, f: _Frame) -> frozenset:
        if name in f.env:
            if f.env[name] is None:
                raise _Unknown
            return f.env[name]
        if name in f.local:
            raise _Unknown      # assigned on another path, or unbound
        value = self._global(f.module, name)
        if value is not None:
            return value
        if name in _BUILTINS:
            return frozenset([_Ext(f"builtins.{name}")])
        raise _Unknown

    def _attr(self, v: object, name: str) -> frozenset:
        if isinstance(v, (_Ext, _Mod)):
            if v.name == "django.conf.settings":
                if name == "AUTH_USER_MODEL":
                    return frozenset([self.project.settings.auth_user_model])
                if name in self.project.settings.constants:
                    value = self.project.settings.constants[name]
                    if isinstance(value, OneOf):   # one of these strings (a branch each), or not known
                        if value.open:
                            raise _Unknown
                        return frozenset(value)
                    return frozenset([_const(value)])
                raise _Unknown
            return self._ref(f"{v.name}.{name}")
        if isinstance(v, _Cls) and name in ("_meta", "__name__") and "." in v.label:
            return frozenset([_Meta(v.label) if name == "_meta" else v.label.rpartition(".")[2]])
        if isinstance(v, _Meta) and "." in v.label:
            model = self.graph.get(v.label)
            app, _, obj = v.label.rpartition(".")
            known = {"app_label": app, "model_name": obj.lower(), "object_name": obj, "label": v.label,
                     "label_lower": v.label.lower()}
            if model is not None:
                known.update(proxy=model.proxy, abstract=model.abstract)
                if model.concrete:
                    known["concrete_model"] = _Cls(model.concrete)
            if name in known:
                return frozenset([known[name]])
        if isinstance(v, _Obj):
            if name == "_state":
                return frozenset([_State(v.db)])
            if v.label is not None and name in ("_meta", "__class__"):
                return frozenset([_Meta(v.label) if name == "_meta" else _Cls(v.label)])
        if isinstance(v, _State) and name == "db":
            return frozenset([v.db])
        if isinstance(v, _Self):
            return self._class_attr(v.qual, name)
        if (isinstance(v, _Dict) and name in ("get", "keys")) or (isinstance(v, str) and name in _STR_METHODS):
            return frozenset([_Bound(v, name)])
        raise _Unknown

    @staticmethod
    def _item(v: object, key: object) -> object:
        if isinstance(v, _Dict):
            for k, x in v.items:
                if _eq(k, key):
                    return x
        elif isinstance(v, (tuple, str)) and isinstance(key, int) and not isinstance(key, bool) \
                and -len(v) <= key < len(v):
            return v[key]
        raise _Unknown      # KeyError, IndexError, or not known

    def _call(self, fn: object, args: tuple) -> frozenset:
        name = fn.name if isinstance(fn, (_Ext, _Bound)) else None
        if name == "random.choice" and len(args) == 1 and isinstance(args[0], (tuple, str)) and args[0]:
            return frozenset(args[0])
        if name == "django.contrib.auth.get_user_model" and not args:
            return frozenset([_Cls(self._label(self.project.settings.auth_user_model))])
        if name == "django.apps.apps.get_model" and args and all(isinstance(a, str) for a in args) and len(args) < 3:
            model = self.graph.get(".".join(args))
            if model is not None:
                return frozenset([_Cls(model.label)])
        if isinstance(fn, _Bound) and isinstance(fn.obj, _Dict):
            if name == "keys" and not args:
                return frozenset([frozenset(k for k, _ in fn.obj.items)])
            if name == "get" and len(args) in (1, 2):
                try:
                    return frozenset([self._item(fn.obj, args[0])])
                except _Unknown:
                    if all(isinstance(k, _PLAIN) for k, _ in fn.obj.items) and isinstance(args[0], _PLAIN):
                        return frozenset([args[1] if len(args) == 2 else None])
                    raise
        if isinstance(fn, _Bound) and isinstance(fn.obj, str) and all(isinstance(a, (str, tuple)) for a in args):
            try:
                return frozenset([getattr(fn.obj, name)(*args)])
            except (TypeError, ValueError):
                raise _Unknown from None
        if name == "builtins.isinstance" and len(args) == 2 and isinstance(args[1], _Cls):
            plain = isinstance(args[0], (*_PLAIN, _Cls, _Meta, _Dict, tuple, frozenset))
            mro = self._ancestors(args[0].label) if isinstance(args[0], _Obj) else set() if plain else None
            target = self.graph.get(args[1].label)
            if isinstance(args[0], _PLAIN) or (mro is not None and args[1].label in mro):
                return frozenset([not isinstance(args[0], _PLAIN)])
            if mro is not None and target is not None and not target.proxy and not target.abstract:
                return frozenset([False])   # a concrete model not among the instance's concrete ancestors
        if name in ("builtins.hasattr", "builtins.getattr") and len(args) in (2, 3) and isinstance(args[1], str) \
                and not isinstance(args[0], (_Ext, _Mod)):
            try:
                found = self._attr(args[0], args[1])
            except _Unknown:
                found = None
            if found is not None:
                return frozenset([True]) if name == "builtins.hasattr" else found
        if name == "builtins.type" and len(args) == 1 and isinstance(args[0], _Obj) and args[0].label:
            return frozenset([_Cls(args[0].label)])
        if name == "builtins.bool" and len(args) == 1:
            return frozenset([_truth(args[0])])
        if name == "builtins.len" and len(args) == 1 and isinstance(args[0], (tuple, frozenset, str, _Dict)):
            return frozenset([len(args[0].items if isinstance(args[0], _Dict) else args[0])])
        raise _Unknown

    def _ancestors(self, label: str | None) -> set[str] | None:
        """The model and its concrete ancestors (`_meta.parents`, transitively); None: not known."""
        out, todo = set(), [label]
        while todo:
            model = self.graph.get(todo.pop()) if label else None
            if model is None:
                return None
            if model.label not in out:
                out.add(model.label)
                todo += model.parents
        return out

    # -- modules and classes -------------------------------------------------------------------

    def _tree(self, module: str) -> ast.Module | None:
        if module not in self._trees:
            path = self.project.modules.get(module)
            try:
                self._trees[module] = ast.parse(path.read_bytes(), str(path)) if path else None
            except (OSError, SyntaxError, ValueError):
                self._trees[module] = None
        return self._trees[module]

    def _imports(self, st: ast.Import | ast.ImportFrom, module: str) -> list[tuple[str, str]]:
        """(local name, dotted name) bound by an import statement ("*": a star import)."""
        if isinstance(st, ast.Import):
            return [(a.asname or a.name.split(".")[0], a.name if a.asname else a.name.split(".")[0]) for a in st.names]
        base = st.module or ""
        if st.level:
            path = self.project.modules.get(module)
            parts = module.split(".")[: None if path and path.name == "__init__.py" else -1]
            parts = parts[: len(parts) - st.level + 1]
            base = ".".join(parts + ([st.module] if st.module else []))
        return [(a.asname or a.name, base if a.name == "*" else f"{base}.{a.name}") for a in st.names]

    def _bindings(self, module: str) -> tuple[dict, list] | None:
        """A module's top-level names -> ("value"|"class"|"import", node or dotted); None: unknown."""
        if module not in self._binds:
            tree, out, stars = self._tree(module), {}, []
            if tree is None:
                self._binds[module] = None
                return None

            def put(name: str, what: tuple | None) -> None:
                out[name] = None if name in out else what
            for st in tree.body:
                if isinstance(st, ast.ClassDef):
                    put(st.name, ("class", st))
                elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    put(st.name, None)
                elif isinstance(st, (ast.Assign, ast.AnnAssign)) and st.value and _target(st):
                    put(_target(st), ("value", st.value))
                elif isinstance(st, (ast.Import, ast.ImportFrom)):
                    for name, dotted in self._imports(st, module):
                        stars.append(dotted) if name == "*" else put(name, ("import", dotted))
                else:
                    for name in _stored(st):
                        put(name, None)
            out.update({n: None for n in _mutated(tree, False) if n in out})
            for node in ast.walk(tree):
                if isinstance(node, ast.Global):
                    out.update({n: None for n in node.names})
            self._binds[module] = (out, stars)
        return self._binds[module]

    def _global(self, module: str, name: str) -> frozenset | None:
        """The value of a top-level name; None: not bound there (a builtin?); raises if unknown."""
        binds = self._bindings(module)
        if binds is None:
            raise _Unknown
        if name not in binds[0]:
            for star in binds[1]:
                if star not in self.project.modules:
                    raise _Unknown
                value = self._global(star, name)
                if value is not None:
                    return value
            return None
        what, key = binds[0][name], (module, name)
        if what is None or self._values.get(key, 0) is None:
            raise _Unknown
        if what[0] == "import":
            return self._ref(what[1])
        if what[0] == "class":
            label = self.graph.by_qualname.get(f"{module}.{name}")
            if label is None:
                raise _Unknown
            return frozenset([_Cls(label)])
        if key not in self._values:
            self._values[key] = None    # a cycle evaluates to unknown
            self._values[key] = self._try(what[1], _Frame(module, {}, set()))
        if self._values[key] is None:
            raise _Unknown
        return self._values[key]

    def _ref(self, dotted: str) -> frozenset:
        """What a dotted name outside any function stands for."""
        if dotted in self.graph.by_qualname:
            return frozenset([_Cls(self.graph.by_qualname[dotted])])
        if dotted in _KNOWN:
            return frozenset([_KNOWN[dotted]])
        modules = self.project.modules
        if self._packages is None:
            self._packages = {m.rsplit(".", i)[0] for m in modules for i in range(m.count(".") + 1)}
        if dotted in self._packages:
            return frozenset([_Mod(dotted)])
        head, _, tail = dotted.rpartition(".")
        if head in modules:
            value = self._global(head, tail)
            if value is None:
                raise _Unknown
            return value
        return frozenset([_Ext(dotted)])

    def _try_ref(self, dotted: str) -> frozenset | None:
        try:
            return self._ref(dotted)
        except (_Unknown, RecursionError):
            return None

    def _class(self, qual: str) -> tuple[str, ast.ClassDef] | None:
        """(module, class node) of a project class, following re-exports."""
        for _ in range(20):
            module, _, name = qual.rpartition(".")
            binds = self._bindings(module) if module in self.project.modules else None
            what = binds[0].get(name) if binds else None
            if what is None:
                return None
            if what[0] == "class":
                return module, what[1]
            if what[0] != "import":
                return None
            qual = what[1]
        return None

    def _base(self, module: str, node: ast.AST) -> str | None:
        """The qualified name of a class base written as `Name` or `a.b.Name`."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.insert(0, node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        binds = self._bindings(module)
        what = binds[0].get(node.id, 0) if binds else None
        if what == 0 and node.id == "object" and not parts and not binds[1]:
            return "builtins.object"
        if what == 0 or what is None or what[0] == "value":
            return None
        return ".".join([what[1] if what[0] == "import" else f"{module}.{node.id}"] + parts)

    def _mro(self, qual: str) -> list[tuple[str, str, ast.ClassDef]] | None:
        """[(qual, module, node)] in method resolution order; None: some class is not in the project."""
        if qual in self._mros:
            return self._mros[qual]
        self._mros[qual] = None     # a cycle: unknown
        found = self._class(qual)
        if found is None or found[1].keywords or found[1].decorator_list:
            return None
        module, node = found
        bases = [self._base(module, b) for b in node.bases]
        bases = [b for b in bases if b != "builtins.object"]
        seqs = [self._mro(b) if b else None for b in bases]
        if any(s is None for s in seqs):
            return None
        merged = _c3([[c[0] for c in s] for s in seqs] + [bases])
        if merged is None:
            return None
        by_qual = {c[0]: c for s in seqs for c in s}
        self._mros[qual] = [(qual, module, node)] + [by_qual[q] for q in merged]
        return self._mros[qual]

    def _member(self, qual: str, name: str) -> tuple | object | None:
        """("func", module, node) or ("value", module, expr) for a router attribute; _MISSING; None: unknown."""
        mro = self._mro(qual)
        if mro is None:
            return None
        for _, module, _ in mro:    # attributes stored or mutated anywhere in the router's modules
            if module not in self._dynamic:
                tree = self._tree(module)
                setattr_ = any(isinstance(n, ast.Name) and n.id == "setattr" for n in ast.walk(tree))
                self._dynamic[module] = None if setattr_ else _mutated(tree, True)
            if self._dynamic[module] is None or name in self._dynamic[module]:
                return None
        for _, module, node in mro:
            binds = {}
            for st in node.body:
                if isinstance(st, ast.FunctionDef):
                    binds[st.name] = None if st.name in binds else ("func", module, st, node)
                elif isinstance(st, (ast.Assign, ast.AnnAssign)) and st.value and _target(st):
                    binds[_target(st)] = None if _target(st) in binds else ("value", module, st.value, node)
                else:
                    binds.update({n: None for n in _stored(st)})
            if name in binds:
                return binds[name]
            if "__getattr__" in binds or "__getattribute__" in binds:
                return None
        return _MISSING

    def _class_attr(self, qual: str, name: str) -> frozenset:
        member = self._member(qual, name)
        if not isinstance(member, tuple) or member[0] != "value":
            raise _Unknown      # a method, unknown, or AttributeError
        _, module, expr, node = member
        return self._ev(expr, _Frame(module, {}, _body_names(node)))


def _target(st: ast.Assign | ast.AnnAssign) -> str | None:
    """The name of `NAME = value` / `NAME: T = value`."""
    targets = st.targets if isinstance(st, ast.Assign) else [st.target]
    return targets[0].id if len(targets) == 1 and isinstance(targets[0], ast.Name) else None


def _body_names(node: ast.ClassDef) -> set[str]:
    return {n for st in node.body for n in _stored(st)}


def _stored_locals(fn: ast.FunctionDef) -> set[str]:
    a = fn.args
    params = {p.arg for p in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if p}
    return params | {n for st in fn.body for n in _stored(st)}


def _c3(seqs: list[list[str]]) -> list[str] | None:
    out, seqs = [], [s for s in seqs if s]
    while seqs:
        head = next((s[0] for s in seqs if not any(s[0] in t[1:] for t in seqs)), None)
        if head is None:
            return None
        out.append(head)
        seqs = [[x for x in s if x != head] for s in seqs]
        seqs = [s for s in seqs if s]
    return out
