"""Django's ORM method vocabulary, generated from django-stubs 6.1.2 by scripts/gen_orm_api.py.

Do not edit: regenerate with `pip install django-stubs==VERSION` and `python scripts/gen_orm_api.py`
(tests/test_orm_api.py fails when this module differs from what the installed stubs give).
Each class's public methods, grouped by what their return annotation says (the kinds below);
what a method does beyond its signature (writes, queries) is policy, in mdblint/analysis/vocab.py.
This module imports nothing.
"""

STUBS_VERSION = "6.1.2"

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

# QuerySet (django-stubs/db/models/query.pyi): kind -> method names.
QUERYSET = {
    "queryset": frozenset({
        "alias", "all", "annotate", "complex_filter", "defer", "difference", "distinct", "exclude", "extra",
        "fetch_mode", "filter", "intersection", "none", "only", "order_by", "prefetch_related", "reverse",
        "select_for_update", "select_related", "union", "using",
    }),
    "rows": frozenset({
        "dates", "datetimes", "values", "values_list",
    }),
    "raw": frozenset({
        "raw",
    }),
    "manager": frozenset({
        "as_manager",
    }),
    "row": frozenset({
        "aearliest", "afirst", "aget", "alast", "alatest", "earliest", "first", "get", "last", "latest",
    }),
    "instance": frozenset({
        "acreate", "create",
    }),
    "instance_pair": frozenset({
        "aget_or_create", "aupdate_or_create", "get_or_create", "update_or_create",
    }),
    "instances": frozenset({
        "abulk_create", "bulk_create",
    }),
    "instance_map": frozenset({
        "ain_bulk", "in_bulk",
    }),
    "iterator": frozenset({
        "aiterator", "iterator",
    }),
    "scalar": frozenset({
        "aaggregate", "abulk_update", "acontains", "acount", "adelete", "aexists", "aexplain", "aggregate",
        "aupdate", "bulk_update", "contains", "count", "delete", "exists", "explain", "update",
    }),
    "other": frozenset({
        "resolve_expression",
    }),
}

# RawQuerySet (django-stubs/db/models/query.pyi): kind -> method names.
RAW_QUERYSET = {
    "raw": frozenset({
        "prefetch_related", "using",
    }),
    "iterator": frozenset({
        "iterator",
    }),
    "other": frozenset({
        "resolve_model_init_order",
    }),
}

# BaseManager, Manager (django-stubs/db/models/manager.pyi): kind -> method names.
MANAGER = {
    "queryset": frozenset({
        "alias", "all", "annotate", "complex_filter", "defer", "difference", "distinct", "exclude", "extra",
        "filter", "get_queryset", "intersection", "none", "only", "order_by", "prefetch_related", "reverse",
        "select_for_update", "select_related", "union", "using",
    }),
    "rows": frozenset({
        "dates", "datetimes", "values", "values_list",
    }),
    "raw": frozenset({
        "raw",
    }),
    "manager": frozenset({
        "db_manager",
    }),
    "instance": frozenset({
        "acreate", "aearliest", "afirst", "aget", "alast", "alatest", "create", "earliest", "first", "get",
        "last", "latest",
    }),
    "instance_pair": frozenset({
        "aget_or_create", "aupdate_or_create", "get_or_create", "update_or_create",
    }),
    "instances": frozenset({
        "abulk_create", "bulk_create",
    }),
    "instance_map": frozenset({
        "ain_bulk", "in_bulk",
    }),
    "iterator": frozenset({
        "aiterator", "iterator",
    }),
    "scalar": frozenset({
        "aaggregate", "abulk_update", "acontains", "acount", "aexists", "aexplain", "aggregate", "aupdate",
        "bulk_update", "contains", "count", "exists", "explain", "update",
    }),
    "none": frozenset({
        "contribute_to_class",
    }),
    "other": frozenset({
        "check", "deconstruct", "from_queryset",
    }),
}

# RelatedManager, ManyRelatedManager (django-stubs/db/models/fields/related_descriptors.pyi): kind -> method names.
RELATED_MANAGER = {
    "instance": frozenset({
        "acreate", "create",
    }),
    "instance_pair": frozenset({
        "aget_or_create", "aupdate_or_create", "get_or_create", "update_or_create",
    }),
    "none": frozenset({
        "aadd", "aclear", "add", "aremove", "aset", "clear", "remove", "set",
    }),
}

# Model (django-stubs/db/models/base.pyi): kind -> method names.
MODEL = {
    "instance": frozenset({
        "from_db",
    }),
    "instances": frozenset({
        "get_constraints",
    }),
    "scalar": frozenset({
        "adelete", "delete",
    }),
    "none": frozenset({
        "arefresh_from_db", "asave", "clean", "clean_fields", "full_clean", "refresh_from_db", "save",
        "save_base", "validate_constraints", "validate_unique",
    }),
    "other": frozenset({
        "check", "date_error_message", "get_deferred_fields", "prepare_database_save", "serializable_value",
        "unique_error_message",
    }),
}

# UserManager (django-stubs/contrib/auth/models.pyi): kind -> method names.
USER_MANAGER = {
    "queryset": frozenset({
        "with_perm",
    }),
    "instance": frozenset({
        "acreate_superuser", "acreate_user", "create_superuser", "create_user",
    }),
}

# Methods whose positional arguments are other querysets (`*other_qs: QuerySet[...]`).
QUERYSET_ARGUMENTS = frozenset({
    "difference", "intersection", "union",
})

# Async methods and their synchronous twin (`async def`, or returning AsyncIterator).
ASYNC = {
    "aadd": "add",
    "aaggregate": "aggregate",
    "abulk_create": "bulk_create",
    "abulk_update": "bulk_update",
    "aclear": "clear",
    "acontains": "contains",
    "acount": "count",
    "acreate": "create",
    "acreate_superuser": "create_superuser",
    "acreate_user": "create_user",
    "adelete": "delete",
    "aearliest": "earliest",
    "aexists": "exists",
    "aexplain": "explain",
    "afirst": "first",
    "aget": "get",
    "aget_or_create": "get_or_create",
    "ain_bulk": "in_bulk",
    "aiterator": "iterator",
    "alast": "last",
    "alatest": "latest",
    "arefresh_from_db": "refresh_from_db",
    "aremove": "remove",
    "asave": "save",
    "aset": "set",
    "aupdate": "update",
    "aupdate_or_create": "update_or_create",
}

# Methods (of any class above) taking a database alias: (parameter, position; -1 keyword only).
DATABASE_PARAMETER = {
    "adelete": ("using", 0),
    "arefresh_from_db": ("using", 0),
    "asave": ("using", -1),
    "db_manager": ("using", 0),
    "delete": ("using", 0),
    "raw": ("using", 3),
    "refresh_from_db": ("using", 0),
    "save": ("using", -1),
    "save_base": ("using", 3),
    "using": ("alias", 0),
}

# django.db.transaction functions (django-stubs/db/transaction.pyi) and the position of `using`.
TRANSACTION_USING = {
    "atomic": 0,
    "clean_savepoints": 0,
    "commit": 0,
    "get_autocommit": 0,
    "get_connection": 0,
    "get_rollback": 0,
    "mark_for_rollback_on_error": 0,
    "non_atomic_requests": 0,
    "on_commit": 1,
    "rollback": 0,
    "savepoint": 0,
    "savepoint_commit": 1,
    "savepoint_create": 0,
    "savepoint_rollback": 1,
    "set_autocommit": 1,
    "set_rollback": 1,
}
