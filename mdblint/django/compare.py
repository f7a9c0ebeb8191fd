"""`manage.py mdblint --compare-static`: where the static reading of a project differs from the live one.

Compared: the settings module, DATABASES (aliases, ENGINE, TEST MIRROR), DATABASE_ROUTERS,
INSTALLED_APPS, AUTH_USER_MODEL, every setting the static reading resolved to a value, the
string settings that name a database alias, and for every registered model its proxy,
concrete model, parents, managers, concrete fields, primary key, ordering, swapping and each
relation (kind, target, reverse accessor, through model, parent link, lookup name, null,
db_constraint). A value the static reading leaves unknown differs when the code relies on it
(DATABASES, DATABASE_ROUTERS, INSTALLED_APPS, alias-valued settings); elsewhere it is not compared.
"""

from __future__ import annotations

from typing import Any

from mdblint.django.facts import Facts
from mdblint.project.graph import Model
from mdblint.project.settings_static import OneOf, SettingsInfo
from mdblint.project.summary import UNKNOWN, BinAdd, Ref

RELATION_FIELDS = ("kind", "target", "reverse", "through", "parent_link", "query_name", "null", "db_constraint")
MODEL_FIELDS = ("proxy", "concrete", "parents", "managers", "fields", "pk", "ordered", "swapped")


def _known(value: Any) -> bool:
    """No part of `value` is unknown to the static reading."""
    if value is UNKNOWN or isinstance(value, (Ref, BinAdd)):
        return False
    if isinstance(value, dict):
        return all(_known(v) for v in value.values())
    if isinstance(value, (list, tuple, frozenset)):
        return all(_known(v) for v in value)
    return True


def _show(value: Any) -> str:
    if isinstance(value, OneOf):
        return "one of " + ", ".join(repr(v) for v in value.literals) + (" or not known" if value.open else "")
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(value) + "]" if value else "[]"
    return repr(value)


def _plainer(value: Any) -> Any:
    """dict/list subclasses of the static reading (LineDict, JoinedList) as plain ones."""
    if isinstance(value, dict):
        return {k: _plainer(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plainer(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plainer(v) for v in value)
    return value


def settings_differences(static: SettingsInfo, live: SettingsInfo,
                         explicit: frozenset[str] = frozenset()) -> tuple[list[str], int]:
    """(differences, how many settings were compared). `explicit`: the settings the settings
    module sets (a Django default unknown to the static reading is not a difference)."""
    out: list[str] = []
    compared = 0

    def differ(what: str, was: str, now: str) -> None:
        out.append(f"settings: {what}: static reading {was}, live {now}")

    compared += 1
    if static.module != live.module:
        differ("settings module", repr(static.module), repr(live.module))
    compared += 1
    live_dbs = live.databases or {}
    if static.databases is None:
        differ("DATABASES", "not known", ", ".join(live_dbs) or "none")
    else:
        if set(static.databases) != set(live_dbs):
            differ("DATABASES aliases", ", ".join(sorted(static.databases)) or "none", ", ".join(sorted(live_dbs)) or "none")
        for alias in sorted(set(static.databases) & set(live_dbs)):
            was, now = static.databases[alias], live_dbs[alias]
            if was.engine != now.engine:
                differ(f"DATABASES[{alias!r}] ENGINE", repr(was.engine) if was.engine else "not known", repr(now.engine))
            if was.mirror != now.mirror:
                differ(f"DATABASES[{alias!r}] TEST MIRROR", repr(was.mirror), repr(now.mirror))
    for name, was, now in (("DATABASE_ROUTERS", static.routers, live.routers),
                           ("INSTALLED_APPS", static.installed_apps, live.installed_apps)):
        compared += 1
        if was is None:
            differ(name, "not known", _show(list(now or ())))
        elif tuple(was) != tuple(now or ()):
            differ(name, _show(list(was)), _show(list(now or ())))
    compared += 1
    if static.auth_user_model != live.auth_user_model:
        differ("AUTH_USER_MODEL", repr(static.auth_user_model), repr(live.auth_user_model))
    aliases = set(live_dbs)
    skip = {"DATABASES", "DATABASE_ROUTERS", "INSTALLED_APPS", "AUTH_USER_MODEL"}
    for name in sorted(set(static.constants) | set(live.constants)):
        if name in skip:
            continue
        was = static.constants.get(name, UNKNOWN)
        now = live.constants.get(name, UNKNOWN)
        if isinstance(was, OneOf) and was.open:
            # the environment's value, else a literal default: the live value differs only when
            # it is none of the literals
            compared += 1
            if now not in was.literals:
                differ(name, _show(was), _show(now))
            continue
        if not _known(was):
            if name in explicit and isinstance(now, str) and now in aliases:   # an alias the code may use through settings.NAME
                compared += 1
                differ(name, "not known", f"{now!r} (a database alias)")
            continue
        compared += 1
        if isinstance(was, OneOf):
            if now not in was:
                differ(name, _show(was), _show(now))
        elif now is UNKNOWN or _plainer(was) != _plainer(now):
            differ(name, _show(_plainer(was)), "not a plain value" if now is UNKNOWN else _show(now))
    return out, compared


def _model_view(model: Model) -> dict[str, Any]:
    view = {f: getattr(model, f) for f in MODEL_FIELDS}
    view["relations"] = {name: {f: getattr(r, f) for f in RELATION_FIELDS} for name, r in model.relations.items()}
    return view


def graph_differences(facts: Facts) -> tuple[list[str], int, int]:
    """(differences, models compared, relations compared)."""
    static, live = facts.static.graph.models, facts.live.graph.models
    skipped = set(facts.not_imported)
    out: list[str] = []
    models = relations = 0
    for label in sorted(set(static) | set(live)):
        was, now = static.get(label), live.get(label)
        if label in skipped or (was is not None and was.abstract) or (now is not None and now.abstract):
            continue
        if was is None:
            out.append(f"model {label}: not in the static graph (live: defined in {now.module})")
            continue
        if now is None:
            out.append(f"model {label}: not a model for Django (static: {was.module})")
            continue
        models += 1
        if was.swapped or now.swapped:   # Django leaves a swapped-out model's _meta incomplete
            if was.swapped != now.swapped:
                out.append(f"model {label}: swapped: static {was.swapped!r}, live {now.swapped!r}")
            continue
        a, b = _model_view(was), _model_view(now)
        if a["ordered"] is None:         # an ordering the static reading cannot evaluate
            b["ordered"] = None
        for field in MODEL_FIELDS:
            if a[field] != b[field]:
                out.append(f"model {label}: {field}: static {_show(a[field])}, live {_show(b[field])}")
        for name in sorted(a["relations"].keys() | b["relations"].keys()):
            ra, rb = a["relations"].get(name), b["relations"].get(name)
            if ra is None:
                out.append(f"model {label}: relation {name!r} ({rb['kind']} to {rb['target']}) not in the static graph")
                continue
            if rb is None:
                out.append(f"model {label}: relation {name!r} ({ra['kind']} to {ra['target']}) not in the live graph")
                continue
            relations += 1
            if ra["null"] is None:       # null=<not a literal>
                rb = {**rb, "null": None}
            for field in RELATION_FIELDS:
                if ra[field] != rb[field]:
                    out.append(f"model {label}: relation {name!r}: {field}: static {ra[field]!r}, live {rb[field]!r}")
    return out, models, relations


def compare(facts: Facts) -> tuple[list[str], str]:
    """(every difference, one line saying what was compared)."""
    settings, n_settings = settings_differences(facts.static.settings, facts.live.settings, facts.explicit)
    graph, n_models, n_relations = graph_differences(facts)
    summary = f"compared {n_settings} settings, {n_models} models and {n_relations} relations"
    if facts.not_imported:
        summary += (f"; not compared, their modules not imported by django.setup(): "
                    f"{', '.join(facts.not_imported)}")
    return settings + graph, summary
