"""The ORM method names the analysis recognises: sets over orm_api.py (generated from django-stubs)
and the policy the stubs cannot give.

The stubs say what a method returns, which methods are async twins and which take `using`. What a
method *does* is behaviour: that update() writes while count() reads (both return int), which calls
on a prefetched manager read its cache, which keyword arguments are lookups. Each such judgement is
a named, commented policy set below. A `_NOT_YET` set holds names the stubs put in a set that the
hand-written list this module replaced did not have: kept out so that every finding stays the
same; each is a candidate gap (adding it to the set is a behaviour change, with its own fixtures).

Imports only orm_api (which imports nothing).
"""

from __future__ import annotations

from mdblint.analysis.orm_api import (
    ASYNC, DATABASE_PARAMETER, MANAGER, MODEL, QUERYSET, QUERYSET_ARGUMENTS, RELATED_MANAGER, TRANSACTION_USING,
    USER_MANAGER,
)

_EMPTY: frozenset[str] = frozenset()


def _kinds(api: dict[str, frozenset[str]], *kinds: str) -> frozenset[str]:
    return frozenset().union(*(api.get(kind, _EMPTY) for kind in kinds))


def _all(api: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*api.values())


def with_async(names: frozenset[str] | set[str]) -> frozenset[str]:
    """`names` and their async twins (count -> acount)."""
    return frozenset(names) | {a for a, sync in ASYNC.items() if sync in names}


ASYNC_NAMES = frozenset(ASYNC)

# --- Querysets and managers -------------------------------------------------------------------

# Set operations: the methods whose positional arguments are other querysets.
SET_OPS = QUERYSET_ARGUMENTS
# The methods that take the database alias and return a queryset or manager on it:
# `.using(alias)`, `.db_manager(using)` -> the keyword naming the alias (always at position 0).
ALIAS_METHODS = {m: p for m, (p, i) in DATABASE_PARAMETER.items()
                 if i == 0 and m in _kinds(QUERYSET, "queryset") | _kinds(MANAGER, "manager")}

# Calls that give a queryset of the same model's instances. Policy: set operations and using()
# are handled on their own; iterator() (an Iterator in the stubs) iterates the same rows, with
# the queryset's select_related/prefetch_related, so it is followed like a queryset.
CHAIN = (_kinds(QUERYSET, "queryset") | _kinds(MANAGER, "queryset")) - SET_OPS - ALIAS_METHODS.keys() \
    | {"iterator"}
ROWS = _kinds(QUERYSET, "rows")   # values(), values_list(), dates(), datetimes()

# One row read: the stubs type these as QuerySet's row type (get, first, latest, ...).
_READ_ONE_NOT_YET = frozenset({"aearliest", "alatest"})
READ_ONE = _kinds(QUERYSET, "row") - _READ_ONE_NOT_YET

# A new instance saved: the methods returning the model type (not the row type) on QuerySet, and
# auth's UserManager.create_user/create_superuser, which save on the manager's database too.
WRITE_ONE = _kinds(QUERYSET, "instance") | _kinds(USER_MANAGER, "instance")
WRITE_PAIR = _kinds(QUERYSET, "instance_pair")            # get_or_create(), update_or_create()
# Policy: writes returning a count, which the stubs cannot tell from count() (Django marks them
# `alters_data`; tests/test_orm_api.py checks this set against that mark).
_WRITE_COUNTS = with_async({"update", "delete", "bulk_update"})
WRITES = _kinds(QUERYSET, "instances") | _WRITE_COUNTS | WRITE_ONE | WRITE_PAIR   # + bulk_create()

# Policy: the calls whose keyword arguments are field lookups, checked like filter()'s (the stubs
# type them all `**kwargs: Any`, as they do create()'s field values); count() takes none, and is
# listed as it was.
_FILTERS_NOT_YET = frozenset({"aget_or_create", "aupdate_or_create", "acount"})
FILTERS = with_async({"filter", "exclude", "get", "get_or_create", "update_or_create", "count"}) - _FILTERS_NOT_YET

# Calls that run a query each time (MDB305 when per iteration of a loop over rows): one row, a
# mapping of rows, an aggregate or count, and every write. Policy: contains()/explain() are not
# reported yet.
_SCALAR_NOT_YET = with_async({"contains", "explain"})
QUERIES = (_kinds(QUERYSET, "scalar") - _WRITE_COUNTS - _SCALAR_NOT_YET) | _kinds(QUERYSET, "instance_map", "row") \
    | WRITES

# Methods through which an expression stays a manager or queryset, for MDB501's receiver check.
_RECEIVER_NOT_YET = frozenset({"complex_filter", "difference", "extra", "fetch_mode", "intersection", "union"})
QUERYSET_METHODS = (_kinds(QUERYSET, "queryset") | _kinds(MANAGER, "queryset", "manager")) - _RECEIVER_NOT_YET

# --- Related managers -----------------------------------------------------------------------

# Every method the related managers add or override runs a query: create(), add(), clear(), ...
RELATED_QUERIES = _all(RELATED_MANAGER)
# Of those, the ones given objects to link (add(obj), set([...])); clear() takes none.
RELATED_WRITES = _kinds(RELATED_MANAGER, "none") - with_async({"clear"})

# Policy (Django's behaviour, not signatures): on a prefetched related manager, these build a new
# query instead of reading the prefetched rows: a clone (filter(), values(), ...), a lookup (get(),
# in_bulk()), an ordering (earliest()), aggregate(). count(), exists() and first() of ordered rows
# read the cache (first()/last() are judged where they are used, in flow.py).
_REQUERIES_NOT_YET = frozenset({
    "complex_filter", "difference", "fetch_mode", "intersection", "union", "prefetch_related", "select_for_update",
    "using", "dates", "datetimes", "aearliest", "alatest", "aaggregate", "ain_bulk",
})
REQUERIES = ((_kinds(QUERYSET, "queryset") - {"all", "none"}) | ROWS
             | with_async({"get", "earliest", "latest", "aggregate", "in_bulk"})) - _REQUERIES_NOT_YET
# Related-manager calls that run a query unless the relation was prefetched: all(), iterator(),
# one row, count()/exists(), and the clones and lookups above (their queryset is then read).
# alias(), extra() and reverse() are listed in REQUERIES only (the analysis reads the union).
MANAGER_READS = frozenset({"all", "iterator"}) | READ_ONE | with_async({"count", "exists"}) \
    | (REQUERIES - {"alias", "extra", "reverse"})

# --- Model instances and transactions ---------------------------------------------------------

# Model methods taking `using` run a query on it (save(), delete(), refresh_from_db()).
# Policy: save_base() (save()'s inner step, for raw saves) is not reported per iteration yet.
INSTANCE_QUERIES = frozenset(m for m in _all(MODEL) if m in DATABASE_PARAMETER) - {"save_base"}
# ORM methods whose `using=` keyword names an alias (on instances, managers and querysets).
# Policy: the async twins (asave(using=...), ...) are not checked yet.
USING_KEYWORD_METHODS = frozenset(m for m, (p, _) in DATABASE_PARAMETER.items() if p == "using") \
    - ALIAS_METHODS.keys() - ASYNC_NAMES
# django.db.transaction functions and the position of `using`. Policy: savepoint_create() (added
# to the stubs with Django 6.1) is not checked yet.
_TRANSACTION_NOT_YET = frozenset({"savepoint_create"})
USING_POSITION = {name: i for name, i in TRANSACTION_USING.items() if name not in _TRANSACTION_NOT_YET}

# --- --fix ----------------------------------------------------------------------------------

# Chain calls after which adding select_related()/prefetch_related() fails or changes the rows:
# rows that are not instances, set operations, raw(), and (policy) only()/defer() (the added
# relation would be deferred), extra(), none(), select_for_update() (locks the joined rows too).
FIX_CONFLICTS = ROWS | SET_OPS | _kinds(QUERYSET, "raw") | {"only", "defer", "extra", "none", "select_for_update"}
