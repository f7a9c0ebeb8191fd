"""Alias provenance beyond the expression itself: how an alias-taking site spells its alias
(the *form*, for `mdblint --aliases` and its per-form counts), and the tracing that follows a
value to where applications set it: Django's own constants, class attributes and `__init__`
assignments over a class hierarchy, the carriers Django gives a queryset, manager or instance
(`qs.db`, `self._db`, `obj._state.db`), the routers' answers, the callers of a function, and
project wrappers of `transaction.atomic(using=...)`.

Every value traced keeps its `Source` (what it is, and the file and line it came from); what
cannot be known is unknown, and the alias sites say why.
"""

from __future__ import annotations

import libcst as cst

from mdblint.analysis.names import dotted
from mdblint.analysis.values import Aliases, Source, Str

# The forms an alias is written in (the table), in the order --aliases reports them.
FORMS = ("literal", "settings", "constant", "call", "router", "name", "attribute", "carrier", "subscript",
         "other", "none")
_CARRIERS = ("db", "_db")
_ROUTER_METHODS = ("db_for_read", "db_for_write")


def alias_form(expr: cst.BaseExpression | None) -> str:
    """How an alias is written at a site: a literal, `settings.X`, an UPPER constant
    (`DEFAULT_DB_ALIAS`), a call, a router's answer, a name (parameter or local), an attribute
    (`self.db`), one of Django's carriers (`qs.db`, `self._db`, `obj._state.db`), a subscript
    (`options["database"]`), none (`.using()` with no argument), or other."""
    if expr is None:
        return "none"
    if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
        return "literal"
    if isinstance(expr, cst.Name):
        if expr.value == "None":
            return "none"
        return "constant" if expr.value.isupper() else "name"
    if isinstance(expr, cst.Attribute):
        text = dotted(expr) or ""
        if text.startswith("settings.") or ".settings." in text:
            return "settings"
        if expr.attr.value in _CARRIERS:
            return "carrier"
        if expr.attr.value.isupper():
            return "constant"
        return "attribute"
    if isinstance(expr, cst.Call):
        func = expr.func
        if isinstance(func, cst.Attribute) and func.attr.value in _ROUTER_METHODS:
            return "router"
        return "call"
    if isinstance(expr, cst.Subscript):
        return "subscript"
    return "other"


# -- Django's own constants ------------------------------------------------------------------

DJANGO_ALIASES = {"django.db.DEFAULT_DB_ALIAS": "default", "django.db.utils.DEFAULT_DB_ALIAS": "default"}


def django_constant(qualname: str | None, node: cst.CSTNode) -> Str | None:
    """`DEFAULT_DB_ALIAS` (imported from django.db, or `django.db.DEFAULT_DB_ALIAS`): "default"."""
    alias = DJANGO_ALIASES.get(qualname) if qualname else None
    return Str(Aliases.of(alias, Source(qualname.rpartition(".")[0].replace(".utils", "") + ".DEFAULT_DB_ALIAS", node))) \
        if alias is not None else None
