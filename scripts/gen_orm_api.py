"""Generate mdblint/analysis/orm_api.py: Django's ORM method vocabulary, read from django-stubs.

    pip install django-stubs==6.1.2   # a development tool, not a dependency of mdblint
    python scripts/gen_orm_api.py            # rewrites mdblint/analysis/orm_api.py
    python scripts/gen_orm_api.py --check    # exits 1 if the committed module is stale

Reads the stub files with `ast` (nothing is imported from them) and, for every public method of
QuerySet, RawQuerySet, BaseManager/Manager, the related managers, Model and auth's UserManager,
records what its return annotation says it returns (see `KINDS`), whether it is the async twin of
another method, and the position of a `using` (or `alias`) parameter; for the functions of
django.db.transaction, the position of `using`. What a method *does* (writes, runs a query,
re-queries a prefetched manager) is not in the stubs: that policy lives where the sets are used
(mdblint/analysis/vocab.py).

tests/test_orm_api.py regenerates the module from the installed django-stubs and fails when it
differs from the committed one.
"""

from __future__ import annotations

import argparse
import ast
import importlib.metadata
import sys
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "mdblint" / "analysis" / "orm_api.py"

# What a return annotation says, in the receiver's terms.
KINDS = {
    "queryset": "a queryset of the same rows' model: Self, QuerySet[M]",
    "rows": "a queryset of other rows than model instances: QuerySet[M, dict], values(), dates()",
    "raw": "a RawQuerySet",
    "manager": "a manager: Self on a manager, Manager[M]",
    "row": "one row of the queryset, or None (the row type: an instance unless values() was called)",
    "instance": "one model instance (the model type, or Self on Model)",
    "instance_pair": "tuple[M, bool]: an instance and whether it was created",
    "instances": "list[M]",
    "instance_map": "dict[key, M]",
    "iterator": "Iterator[...] or AsyncIterator[...]",
    "scalar": "int, bool, str, a dict or tuple of those",
    "none": "None",
    "other": "anything else (Any, type[...], checks, ...)",
}

# (constant name, stub file, classes whose public methods it holds, what Self is in them)
CLASSES = (
    ("QUERYSET", "db/models/query.pyi", ("QuerySet",), "queryset"),
    ("RAW_QUERYSET", "db/models/query.pyi", ("RawQuerySet",), "raw"),
    ("MANAGER", "db/models/manager.pyi", ("BaseManager", "Manager"), "manager"),
    ("RELATED_MANAGER", "db/models/fields/related_descriptors.pyi", ("RelatedManager", "ManyRelatedManager"),
     "manager"),
    ("MODEL", "db/models/base.pyi", ("Model",), "instance"),
    ("USER_MANAGER", "contrib/auth/models.pyi", ("UserManager",), "manager"),
)
TRANSACTION = "db/transaction.pyi"
QUERYSETS = frozenset({"QuerySet", "_QuerySet"})   # older stubs: class _QuerySet, QuerySet = _QuerySet[M, M]
SCALARS = frozenset({"int", "bool", "str", "float", "Literal"})
ITERATORS = frozenset({"Iterator", "AsyncIterator"})
MANAGERS = frozenset({"BaseManager", "Manager", "RelatedManager", "ManyRelatedManager", "EmptyManager"})
SKIPPED_DECORATORS = frozenset({"property", "cached_property"})   # attributes, not methods


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _args(node: ast.Subscript) -> list[ast.expr]:
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


@dataclass(frozen=True)
class _Class:
    model: str | None      # the type variable of the model: QuerySet's _Model, Manager's _T
    row: str | None        # QuerySet's _Row (defaults to the model)
    self_kind: str


def _type_vars(module: ast.Module) -> dict[str, ast.Call]:
    found = {}
    for stmt in module.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and _name(stmt.value.func) == "TypeVar":
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = stmt.value
    return found


def _class_vars(cls: ast.ClassDef, type_vars: dict[str, ast.Call], self_kind: str) -> _Class:
    params: list[str] = []
    generic = [b for b in cls.bases if isinstance(b, ast.Subscript) and _name(b.value) == "Generic"]
    for base in generic or [b for b in cls.bases if isinstance(b, ast.Subscript)]:
        params += [a.id for a in _args(base) if isinstance(a, ast.Name) and a.id in type_vars]
        if params:
            break
    model = params[0] if params else None
    row = next((p for p in params[1:] for kw in type_vars[p].keywords
                if kw.arg == "default" and isinstance(kw.value, ast.Name) and kw.value.id == model), None)
    return _Class(model, row, self_kind)


def classify(node: ast.expr | None, c: _Class) -> str:
    """The kind (see KINDS) of a return annotation."""
    if node is None:
        return "other"
    if isinstance(node, ast.Constant) and node.value is None:
        return "none"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [classify(side, c) for side in (node.left, node.right)]
        kinds = {k for k in sides if k != "none"} or {"none"}   # `X | None` is X (first(), last())
        return kinds.pop() if len(kinds) == 1 else "other"
    name = _name(node.value) if isinstance(node, ast.Subscript) else _name(node)
    if isinstance(node, (ast.Name, ast.Attribute)):
        if name == "Self":
            return c.self_kind
        if name is not None and name == c.row:
            return "row"
        if name is not None and name == c.model:
            return "instance"
        return "scalar" if name in SCALARS else "other"
    if not isinstance(node, ast.Subscript):
        return "other"
    args = _args(node)
    first = _name(args[0]) if args else None
    if name in QUERYSETS:
        # QuerySet[M, R]: rows of the model that are not its instances (values(), dates()).
        if len(args) == 2 and first == c.model \
                and not (isinstance(args[1], ast.Name) and args[1].id == (c.row or c.model)):
            return "rows"
        return "queryset"
    if name == "RawQuerySet":
        return "raw"
    if name in MANAGERS:
        return "manager"
    if name in ITERATORS:
        return "iterator"
    if name == "Literal":
        return "scalar"
    if name == "list" and first == c.model:
        return "instances"
    if name == "tuple":
        kinds = [classify(a, c) for a in args]
        if kinds == ["instance", "scalar"]:
            return "instance_pair"
        return "scalar" if all(k == "scalar" for k in kinds) else "other"
    if name == "dict":
        value = classify(args[1], c) if len(args) == 2 else "other"
        if value == "instance":
            return "instance_map"
        return "scalar" if all(classify(a, c) in ("scalar", "other") for a in args) else "other"
    return "other"


def _decorators(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {n for n in (_name(d.func if isinstance(d, ast.Call) else d) for d in fn.decorator_list) if n}


def _parameter(fn: ast.FunctionDef | ast.AsyncFunctionDef, names: tuple[str, ...], method: bool
               ) -> tuple[str, int] | None:
    """(name, position) of the first parameter called one of `names`; position -1: keyword only."""
    positional = fn.args.posonlyargs + fn.args.args
    if method and "staticmethod" not in _decorators(fn):
        positional = positional[1:]
    for i, arg in enumerate(positional):
        if arg.arg in names:
            return arg.arg, i
    for arg in fn.args.kwonlyargs:
        if arg.arg in names:
            return arg.arg, -1
    return None


def _public(stmt: ast.stmt) -> bool:
    return isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and not stmt.name.startswith("_") \
        and not (_decorators(stmt) & SKIPPED_DECORATORS)


class Vocabulary:
    def __init__(self) -> None:
        self.kinds: dict[str, dict[str, str]] = {}        # constant -> method -> kind
        self.is_async: set[str] = set()                   # `async def` or returning AsyncIterator
        self.parameters: dict[str, tuple[str, int]] = {}  # method -> (`using`/`alias`, position)
        self.transaction: dict[str, int] = {}
        self.combinators: set[str] = set()               # methods taking other querysets: `*other_qs: QuerySet`

    def add_class(self, constant: str, cls: ast.ClassDef, c: _Class, where: str) -> None:
        own: dict[str, str] = {}
        for stmt in cls.body:
            if not _public(stmt):
                continue
            kind = classify(stmt.returns, c)
            if own.setdefault(stmt.name, kind) != kind:
                raise SystemExit(f"{where}: overloads of {cls.name}.{stmt.name} return {own[stmt.name]} and {kind}")
            returns = stmt.returns.value if isinstance(stmt.returns, ast.Subscript) else stmt.returns
            if isinstance(stmt, ast.AsyncFunctionDef) or (returns is not None and _name(returns) == "AsyncIterator"):
                self.is_async.add(stmt.name)
            vararg = stmt.args.vararg.annotation if stmt.args.vararg is not None else None
            if isinstance(vararg, ast.Subscript) and _name(vararg.value) in QUERYSETS:
                self.combinators.add(stmt.name)
            found = _parameter(stmt, ("using", "alias"), method=True)
            if found is not None:
                if self.parameters.get(stmt.name, found) != found:
                    raise SystemExit(f"{where}: {stmt.name}() takes the alias as {self.parameters[stmt.name]} "
                                     f"and as {found}")
                self.parameters[stmt.name] = found
        self.kinds.setdefault(constant, {}).update(own)   # a subclass (Manager after BaseManager) overrides

    def add_transaction(self, module: ast.Module, where: str) -> None:
        for stmt in module.body:
            if not _public(stmt):
                continue
            found = _parameter(stmt, ("using",), method=False)
            if found is None:
                continue
            if self.transaction.get(stmt.name, found[1]) != found[1]:
                raise SystemExit(f"{where}: overloads of {stmt.name}() take `using` at different positions")
            self.transaction[stmt.name] = found[1]

    def async_twins(self) -> dict[str, str]:
        every = {name for kinds in self.kinds.values() for name in kinds}
        twins = {}
        for name in sorted(self.is_async):
            if not (name.startswith("a") and name[1:] in every):
                raise SystemExit(f"async {name}() has no synchronous twin")
            twins[name] = name[1:]
        return twins


def read(stubs: Path) -> Vocabulary:
    vocabulary = Vocabulary()
    parsed: dict[str, ast.Module] = {}
    for constant, rel, names, self_kind in CLASSES:
        module = parsed.setdefault(rel, ast.parse((stubs / rel).read_text(), rel))
        type_vars = _type_vars(module)
        classes = {s.name: s for s in module.body if isinstance(s, ast.ClassDef)}
        for name in names:
            cls = classes.get(name) or classes.get(f"_{name}")   # _QuerySet in older stubs
            if cls is None:
                raise SystemExit(f"django-stubs/{rel} has no class {name}")
            vocabulary.add_class(constant, cls, _class_vars(cls, type_vars, self_kind), f"django-stubs/{rel}")
    vocabulary.add_transaction(ast.parse((stubs / TRANSACTION).read_text(), TRANSACTION), TRANSACTION)
    return vocabulary


def _set(names: set[str] | frozenset[str], indent: str) -> str:
    if not names:
        return "frozenset()"
    lines, line = [], ""
    for name in sorted(names):
        item = f'"{name}", '
        if len(indent) + 4 + len(line) + len(item) > 112:
            lines.append(line.rstrip())
            line = ""
        line += item
    lines.append(line.rstrip())
    body = "".join(f"\n{indent}    {text}" for text in lines)
    return "frozenset({" + body + f"\n{indent}}})"


def render(stubs: Path, version: str) -> str:
    v = read(stubs)
    out = [
        f'"""Django\'s ORM method vocabulary, generated from django-stubs {version} by scripts/gen_orm_api.py.',
        "",
        "Do not edit: regenerate with `pip install django-stubs==VERSION` and `python scripts/gen_orm_api.py`",
        "(tests/test_orm_api.py fails when this module differs from what the installed stubs give).",
        "Each class's public methods, grouped by what their return annotation says (the kinds below);",
        "what a method does beyond its signature (writes, queries) is policy, in mdblint/analysis/vocab.py.",
        "This module imports nothing.",
        '"""',
        "",
        f'STUBS_VERSION = "{version}"',
        "",
        "KINDS = {",
        *(f'    "{k}": "{text}",' for k, text in KINDS.items()),
        "}",
    ]
    for constant, rel, names, _ in CLASSES:
        kinds = v.kinds[constant]
        out += ["", f"# {', '.join(names)} (django-stubs/{rel}): kind -> method names.", f"{constant} = {{"]
        for kind in KINDS:
            members = {m for m, k in kinds.items() if k == kind}
            if members:
                out.append(f'    "{kind}": {_set(members, "    ")},')
        out.append("}")
    out += ["", "# Methods whose positional arguments are other querysets (`*other_qs: QuerySet[...]`).",
            f"QUERYSET_ARGUMENTS = {_set(v.combinators, '')}"]
    out += ["", "# Async methods and their synchronous twin (`async def`, or returning AsyncIterator).", "ASYNC = {"]
    out += [f'    "{a}": "{s}",' for a, s in v.async_twins().items()]
    out += ["}", "", "# Methods (of any class above) taking a database alias: (parameter, position; -1 keyword only).",
            "DATABASE_PARAMETER = {"]
    out += [f'    "{m}": ("{p}", {i}),' for m, (p, i) in sorted(v.parameters.items())]
    out += ["}", "", f"# django.db.transaction functions (django-stubs/{TRANSACTION}) and the position of `using`.",
            "TRANSACTION_USING = {"]
    out += [f'    "{m}": {i},' for m, i in sorted(v.transaction.items())]
    out += ["}", ""]
    return "\n".join(out)


def find_stubs() -> tuple[Path, str]:
    """The installed django-stubs folder and its version (SystemExit if it is not installed)."""
    try:
        dist = importlib.metadata.distribution("django-stubs")
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit("django-stubs is not installed: pip install django-stubs") from None
    for entry in sys.path:
        candidate = Path(entry or ".") / "django-stubs"
        if (candidate / "db" / "models" / "query.pyi").is_file():
            return candidate, dist.version
    folder = Path(str(dist.locate_file("django-stubs")))
    if (folder / "db" / "models" / "query.pyi").is_file():
        return folder, dist.version
    raise SystemExit("django-stubs is installed but its stub files were not found")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed module is stale")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    stubs, version = find_stubs()
    text = render(stubs, version)
    if args.check:
        if not args.out.is_file() or args.out.read_text() != text:
            raise SystemExit(f"{args.out} is stale: run python scripts/gen_orm_api.py")
        return
    args.out.write_text(text)
    print(f"wrote {args.out} from django-stubs {version} ({stubs})")


if __name__ == "__main__":
    main()
