"""MDB307, MDB308: queries Django refuses to run where the code runs them (analysis/asyncorm.py)."""

from __future__ import annotations

import libcst as cst

from mdblint.analysis import events as ev
from mdblint.analysis.perrow import via_text
from mdblint.analysis.vocab import ASYNC_NAMES
from mdblint.analysis.walk import FileContext
from mdblint.checks.base import rule
from mdblint.checks.verdicts import short

# The async twin of a sync call, by what it is.
TWINS = {"iteration": "iterate it with `async for`", "list": "build the list with `[x async for x in ...]`",
         "tuple": "build it with `[x async for x in ...]`", "set": "build it with `{x async for x in ...}`",
         "sorted": "fetch the rows with `[x async for x in ...]` first", "len": "use `await ....acount()`",
         "bool": "use `await ....aexists()`", "indexed": "use `await ....afirst()` or `async for` over a slice",
         "reversed": "fetch the rows with `async for` first", "iter": "iterate it with `async for`"}


def _where(e: ev.BlockedQuery) -> str:
    where = f"async def {e.function}()" if e.function else "async def"
    return f"{where} {via_text(e.via)}" if e.via else where


def _load(e: ev.BlockedQuery) -> str:
    if e.kind == "field":
        field = (e.path or "").rpartition("__")[2]
        return f"add \"{field}\" to the only() that left it out (or remove it from defer())"
    method = "prefetch_related" if e.many else "select_related"
    return f"add {method}(\"{e.path}\") to the queryset that fetched the row"


@rule("MDB307", "sync-orm-in-async",
      "A sync ORM query inside async def (a lazy relation or deferred field, get()/count()/save(), a queryset "
      "iterated or list()ed): Django raises SynchronousOnlyOperation.",
      tokens=(b"async ",), events=(ev.BlockedQuery,))
def sync_orm_in_async(e: ev.BlockedQuery, ctx: FileContext) -> None:
    if e.cause != "async":
        return
    data = {"kind": e.kind, "model": e.model, "what": e.what, "function": e.function}
    if e.via:
        data["via"] = [{"call": call, "callee": callee, "path": path, "line": line} for call, callee, path, line in e.via]
    raises = f"inside {_where(e)} Django raises SynchronousOnlyOperation instead of running the query"
    if e.kind in ("relation", "field"):
        data["path"] = e.path
        what = "is not loaded with the instance" if e.kind == "relation" else "was deferred by only()/defer()"
        when = " (when the key is set)" if e.nullable else ""
        message = (f"{e.what} {what}: reading it runs a query{when}, and {raises}; {_load(e)}, or read it "
                   f"inside sync_to_async()")
    elif e.kind == "evaluation":
        twin = TWINS.get(e.what, "fetch it with the async API")
        message = (f"a {short(e.model)} queryset evaluated by sync code ({e.what}): {raises}; {twin}, "
                   f"or wrap the code in sync_to_async()")
    else:
        method = e.what.rpartition(".")[2]
        func = getattr(e.node, "func", None)
        receiver = " ".join(ctx.flow.module.code_for_node(func.value).split()) \
            if isinstance(func, cst.Attribute) and not e.via and ctx.flow is not None else ""
        if len(receiver) > 40:
            receiver = "..." + receiver[-37:]
        call = f"{receiver}.{method}()" if receiver else f"{e.what}()"
        if "a" + method not in ASYNC_NAMES:
            twin = "the async API"
        else:
            twin = f"`await {receiver}.a{method}()`" if receiver else f"its async twin a{method}()"
        message = f"{call} is the sync ORM: {raises}; use {twin}, or sync_to_async()"
    ctx.report(e.node, "MDB307", message, data)


@rule("MDB308", "fetch-blocked",
      "A relation or deferred field not loaded with a row fetched with fetch_mode(FETCH_RAISE): Django 6.1 raises "
      "FieldFetchBlocked.", tokens=(b"FETCH_RAISE",), events=(ev.BlockedQuery,))
def fetch_blocked(e: ev.BlockedQuery, ctx: FileContext) -> None:
    if e.cause != "fetch_raise":
        return
    data = {"kind": e.kind, "model": e.model, "what": e.what, "path": e.path}
    if e.via:
        data["via"] = [{"call": call, "callee": callee, "path": path, "line": line} for call, callee, path, line in e.via]
    what = "is not loaded with" if e.kind == "relation" else "was deferred by only()/defer() on"
    through = f" ({via_text(e.via)})" if e.via else ""
    when = " when the key is set" if e.nullable else ""
    ctx.report(e.node, "MDB308", (
        f"{e.what} {what} a row fetched with fetch_mode(FETCH_RAISE): reading it raises FieldFetchBlocked{when}"
        f"{through}; {_load(e)}"
    ), data)
