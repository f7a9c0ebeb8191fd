"""The static model graph must say what real Django says about every model and relation.

For every `samples/*/manage.py` project (and, when `MDBLINT_DJANGO_TESTS` names the `tests/`
folder of a Django source tree, a few of Django's own test apps), a subprocess runs
`django.setup()` and dumps each model of `apps.get_models(include_auto_created=True)`; the
static `load_project(...).graph` must agree on labels, proxies, parents, managers, concrete
fields, primary keys and every (non-hidden) relation.
"""

from __future__ import annotations

import difflib
import json
import os
import pprint
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mdblint.discovery import ProjectRef, settings_from_manage_py
from mdblint.project import load_project

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.parent for p in (REPO / "samples").glob("*/manage.py"))

DUMP = r'''
import json, os, sys
root, settings_module = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
from django.conf import settings
settings.DATABASES = {alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
                      for alias in settings.DATABASES}
import django
django.setup()
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation, GenericRel
from django.db.models import ForeignObjectRel

def hidden(rel):
    # ForeignObjectRel.is_hidden()'s rule. Not `rel.hidden` (a cached_property since Django 5.1):
    # a GenericRelation copied to an MTI child is deep-copied with `hidden` already cached as
    # False before its related_name becomes "+", so Django lists a meaningless "+" reverse.
    return bool(rel.related_name) and rel.related_name[-1] == "+"

out = {}
for model in apps.get_models(include_auto_created=True):
    meta = model._meta
    rels = {}
    for f in meta.get_fields(include_hidden=True):
        if not f.is_relation:
            continue
        if isinstance(f, ForeignObjectRel):
            if hidden(f):
                continue
            kind = ("reverse_generic" if isinstance(f, GenericRel) else "reverse_o2o" if f.one_to_one
                    else "reverse_m2m" if f.many_to_many else "reverse_fk")
            rels[f.get_accessor_name()] = {
                "kind": kind, "target": f.related_model._meta.label, "reverse": f.field.name,
                "through": f.through._meta.label if f.many_to_many else None,
                "parent_link": bool(f.parent_link), "query_name": f.name}
            continue
        if isinstance(f, GenericForeignKey):
            rels[f.name] = {"kind": "gfk", "target": None, "reverse": None, "through": None,
                            "parent_link": False, "query_name": f.name}
            continue
        kind = ("generic_relation" if isinstance(f, GenericRelation) else "m2m" if f.many_to_many
                else "o2o" if f.one_to_one else "fk")
        rels[f.name] = {
            "kind": kind, "target": f.related_model._meta.label,
            "reverse": None if hidden(f.remote_field) else f.remote_field.get_accessor_name(),
            "through": f.remote_field.through._meta.label if f.many_to_many else None,
            "parent_link": bool(getattr(f.remote_field, "parent_link", False)), "query_name": f.name}
        if kind in ("fk", "o2o"):
            rels[f.name]["null"] = f.null
    out[meta.label] = {
        "proxy": meta.proxy, "concrete": meta.concrete_model._meta.label,
        "parents": [p._meta.label for p in meta.parents],
        "managers": [m.name for m in meta.managers],
        "fields": [f.name for f in meta.concrete_fields],
        "pk": meta.pk.name if meta.pk else None,
        "auto_created": bool(meta.auto_created),
        "ordered": bool(meta.ordering),
        "relations": rels,
    }
print(json.dumps({"models": out, "modules": sorted(sys.modules)}, sort_keys=True))
'''


def django_dump(root: Path, settings_module: str) -> dict:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([sys.executable, "-c", DUMP, str(root), settings_module],
                          capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"Django could not load {root}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def static_dump(root: Path, settings_module: str) -> dict:
    project = load_project(ProjectRef(root, settings_module, "manage.py"))
    out = {}
    for label, m in project.graph.models.items():
        if m.abstract or m.swapped:
            continue
        out[label] = {
            "proxy": m.proxy, "concrete": m.concrete, "parents": list(m.parents),
            "managers": list(m.managers), "fields": list(m.fields), "pk": m.pk,
            "auto_created": m.auto_created, "module": m.module, "ordered": m.ordered,
            "relations": {name: {"kind": r.kind, "target": r.target, "reverse": r.reverse,
                                 "through": r.through, "parent_link": r.parent_link,
                                 "query_name": r.query_name,
                                 **({"null": r.null} if r.kind in ("fk", "o2o") else {})}
                          for name, r in m.relations.items()},
        }
    return out


def compare(root: Path, settings_module: str) -> tuple[int, int]:
    """Assert static == Django; return (models, relations) compared."""
    dump = django_dump(root, settings_module)
    real = dump["models"]
    imported = set(dump["modules"])
    # Django knows the models of the modules it imported (models.py and what they import);
    # the static graph also has those of never-imported modules (tests.py, scripts).
    static = {label: m for label, m in static_dump(root, settings_module).items() if m.pop("module") in imported}
    problems = []
    for label in sorted(real.keys() | static.keys()):
        if label not in static:
            problems.append(f"{label}: missing from the static graph")
        elif label not in real:
            problems.append(f"{label}: not a model for Django")
        else:
            if static[label]["ordered"] is None:   # Meta.ordering mdblint cannot read: not compared
                static[label].pop("ordered")
                real[label].pop("ordered")
            for name, rel in static[label]["relations"].items():
                if rel.get("null", False) is None and name in real[label]["relations"]:   # null=<not a literal>
                    rel["null"] = real[label]["relations"][name].get("null")
        if label in real and label in static and real[label] != static[label]:
            diff = difflib.unified_diff(pprint.pformat(real[label], width=110).splitlines(),
                                        pprint.pformat(static[label], width=110).splitlines(),
                                        "django", "mdblint", lineterm="", n=1)
            problems.append(f"{label}:\n" + "\n".join(diff))
    assert not problems, f"{root}: static graph differs from Django:\n" + "\n\n".join(problems)
    return len(real), sum(len(m["relations"]) for m in real.values())


@pytest.mark.parametrize("root", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_graph_matches_django(root: Path) -> None:
    settings_module = settings_from_manage_py(root / "manage.py")
    models, relations = compare(root, settings_module)
    assert models and relations


# Django's own test apps (from a Django source tree): MDBLINT_DJANGO_TESTS=/path/to/django/tests.
# Every app with a models.py, but those the static reading cannot match by design:
KNOWN_DIFFERENT = {
    "indexes",               # a ForeignObject subclass forces related_name="+" in its __init__
    "queryset_pickle",       # a model class nested in a plain class
    "update_only_fields",    # a custom field that has no column (non-concrete)
    "model_forms",           # models defined under `if Image:` (Pillow installed or not)
    "model_fields",          # Pillow-conditional models, a field class nested in the model, a field renaming itself
    "gis_tests", "postgres_tests",   # need GIS / PostgreSQL
}
DJANGO_TESTS = os.environ.get("MDBLINT_DJANGO_TESTS")


def _django_test_project(tmp: Path, tests: Path, apps: list[str] | None = None) -> tuple[Path, list[str]]:
    if apps is None:
        apps = sorted(p.parent.name for p in tests.glob("*/models.py") if p.parent.name not in KNOWN_DIFFERENT)
    for app in apps:
        shutil.copytree(tests / app, tmp / app, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))
    (tmp / "djtests_settings.py").write_text(
        "INSTALLED_APPS = [\n"
        "    'django.contrib.contenttypes', 'django.contrib.auth', 'django.contrib.sites',\n"
        "    'django.contrib.sessions', 'django.contrib.admin.apps.SimpleAdminConfig',\n"
        + "".join(f"    {a!r},\n" for a in apps) + "]\n"
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3'},\n"
        "             'other': {'ENGINE': 'django.db.backends.sqlite3'}}\n"
        "SECRET_KEY = 'x'\nUSE_TZ = True\nDEFAULT_AUTO_FIELD = 'django.db.models.AutoField'\n")
    return tmp, apps


@pytest.mark.skipif(not DJANGO_TESTS, reason="set MDBLINT_DJANGO_TESTS to a Django source tree's tests/")
def test_django_test_apps_match_django(tmp_path: Path) -> None:
    root, apps = _django_test_project(tmp_path, Path(DJANGO_TESTS))
    assert apps
    models, relations = compare(root, "djtests_settings")
    print(f"compared {models} models and {relations} relations over {len(apps)} Django test apps")
