"""Function summaries: what a project function returns, and which relations it assigns on its
parameters, in terms of those parameters, so that a call site with known arguments gets the
caller's aliases (`def archived(): return Book.objects.using("other")`, a manager method that
calls `.using()`, `def link(book, person): book.editor = person`).

Each summary is computed once per process, by running the interpreter over the function with
its parameters bound to symbolic `Param` values. Functions of other project modules are read
with libcst on first use (the module is parsed once).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

import libcst as cst

from mdblint.analysis.values import (
    UNKNOWN, UNKNOWN_ALIASES, Aliases, Atomic, Bound, Collection, Connection, Instance, Manager, Param, QuerySet, Sequence,
    Source, Str, Value, join,
)

if TYPE_CHECKING:
    from mdblint.analysis.flow import Interpreter


# The symbolic alias of `self` in a custom manager or queryset method summarized for a bound
# receiver (`Person.objects.db_manager("replica").by_name(...)`): the call puts the receiver's in.
SELF_ALIAS = "\0self"


@dataclass
class Summary:
    params: list[tuple[str, Value]]                  # (name, default) in order; default UNKNOWN when none
    returns: Value = UNKNOWN
    assigns: list[tuple[str, str, Value, Any]] = field(default_factory=list)  # (param, attribute, value, relation kinds)
    returned: bool = False
    effects: list[Any] = field(default_factory=list)   # events whose aliases depend on parameters
    yields: list[tuple] = field(default_factory=list)  # the atomic blocks open at each `yield` (a generator)
    # `param.rel.add/set/remove(...)`: (param, relation attribute, method, ((star, value), ...) of the
    # positional arguments, where: the call node, or (path, line) once relocated, its bulk mode)
    related: list[tuple[str, str, str, tuple, Any, bool]] = field(default_factory=list)


def bind_arguments(summary: Summary, call: cst.Call, args: list[Value], skip_first: bool) -> dict[str, Value] | None:
    """Map a call's arguments to parameter names; None when `*args`/`**kwargs` make it unclear."""
    params = summary.params[1:] if skip_first else summary.params
    bound: dict[str, Value] = {}
    positional = 0
    for arg, value in zip(call.args, args):
        if arg.star:
            return None
        if arg.keyword is None:
            if positional >= len(params):
                return None
            bound[params[positional][0]] = value
            positional += 1
        else:
            bound[arg.keyword.value] = value
    for name, default in params:
        bound.setdefault(name, default)
    return bound


def substitute(value: Value, args: dict[str, Value]) -> Value:
    """`value` with the caller's arguments in place of the parameters."""
    if isinstance(value, Param):
        return args.get(value.name, UNKNOWN)
    if isinstance(value, Str):
        return Str(_aliases(value.values, args))
    if isinstance(value, (Manager, QuerySet)):
        bound = value.bound
        return replace(value, bound=Bound(_aliases(bound.aliases, args) if bound.aliases else None,
                                          _aliases(bound.instance, args) if bound.instance else None))
    if isinstance(value, Instance):
        return replace(value, aliases=_aliases(value.aliases, args) if value.aliases else None)
    if isinstance(value, Sequence):
        return Sequence(tuple(substitute(v, args) for v in value.items))
    if isinstance(value, Collection):
        return Collection(substitute(value.item, args), values=substitute(value.values, args) if value.values is not None else None)
    if isinstance(value, Atomic):
        return Atomic(_aliases(value.aliases, args), tuple(_aliases(a, args) for a in value.outer))
    if isinstance(value, Connection):
        return Connection(substitute(value.alias, args))
    return value


def _aliases(aliases: Aliases, args: dict[str, Value]) -> Aliases:
    if not aliases.params:
        return aliases
    mapped = {}
    for name in aliases.params:
        value = args.get(name, UNKNOWN)
        mapped[name] = value.values if isinstance(value, Str) else \
            Aliases(params=frozenset({value.name})) if isinstance(value, Param) else UNKNOWN_ALIASES
    return aliases.substitute(mapped)


def _map(obj: Any, on_aliases: Any, on_value: Any) -> Any:
    """Rebuild an event field: Aliases and Values through the given functions, tuples item by item."""
    if isinstance(obj, Aliases):
        return on_aliases(obj)
    if isinstance(obj, Value):
        return on_value(obj)
    if isinstance(obj, tuple):
        return tuple(_map(item, on_aliases, on_value) for item in obj)
    return obj


def depends_on_params(event: Any) -> bool:
    """Does an event's verdict depend on the caller's arguments?"""
    found = []
    def check_aliases(a: Aliases) -> Aliases:
        found.append(bool(a.params))
        return a
    def check_value(v: Value) -> Value:
        found.append(substitute(v, _PROBE) != v)
        return v
    for f in fields(event):
        if f.name not in ("node", "atomic"):
            _map(getattr(event, f.name), check_aliases, check_value)
    return any(found)


class _Probe(dict):
    """Maps every parameter to a marker, to tell whether a value mentions parameters."""
    def get(self, key: str, default: Any = None) -> Value:
        return Str(Aliases.of("\0probe", _PROBE_SOURCE))


def substitute_event(event: Any, args: dict[str, Value], call: cst.CSTNode, caller_atomic: tuple) -> Any:
    """An event of a called function, as seen at the call site: the caller's aliases, reported at
    the call, under the caller's atomic blocks as well as the callee's."""
    changes = {}
    for f in fields(event):
        value = getattr(event, f.name)
        if f.name == "atomic":
            changes[f.name] = caller_atomic + tuple(_aliases(a, args) for a in value)
        elif f.name in ("node", "value_node"):
            changes[f.name] = call
        else:
            changes[f.name] = _map(value, lambda a: _aliases(a, args), lambda v: substitute(v, args))
    return replace(event, **changes)


def relocate_event(event: Any, locate: Any) -> Any:
    """An event of another module with its sources turned into (path, line)."""
    from mdblint.analysis.values import relocate
    changes = {f.name: _map(getattr(event, f.name), lambda a: relocate(Str(a), locate).values, lambda v: relocate(v, locate))
               for f in fields(event) if f.name not in ("node", "value_node")}
    return replace(event, **changes)


class Summaries:
    """Per-process memo of summaries, keyed by the function's definition node."""

    def __init__(self) -> None:
        # (id of the definition, self value) -> (the definition, its summary). Holding the node keeps
        # its id from being reused by another file's node while the entry exists.
        self._done: dict[tuple, tuple[cst.FunctionDef, Summary | None]] = {}
        self._modules: dict[str, tuple[cst.Module, Any] | None] = {}
        self.attributes: dict[tuple, Any] = {}   # provenance.py: traced class attributes and what they need

    def of(self, fn: cst.FunctionDef, cls: cst.ClassDef | None, interpreter: "Interpreter",
           self_value: Value | None = None, models: tuple = ()) -> Summary | None:
        """`models`: ((parameter, ModelClass), ...) a call passes: the summary evaluated with those
        parameters bound to the model classes (`def archived(model): return model.objects...`)."""
        key = (id(fn), self_value, models) if models else (id(fn), self_value)
        entry = self._done.get(key)
        if entry is not None and entry[0] is fn:
            return entry[1]
        self._done[key] = (fn, None)      # recursion: a function calling itself is unknown there
        summary = interpreter.summarize(fn, cls, self_value, dict(models) if models else None)
        self._done[key] = (fn, summary)
        return summary

    def module(self, name: str, make_interpreter: Any) -> tuple[cst.Module, Any] | None:
        """A project module, parsed, with an interpreter over it (`make_interpreter(path, module, cst)`)."""
        if name not in self._modules:
            self._modules[name] = make_interpreter(name)
        return self._modules[name]


_PROBE_SOURCE = Source("probe")
_PROBE = _Probe()


def joined_return(previous: Value, value: Value, first: bool) -> Value:
    return value if first else join(previous, value)
