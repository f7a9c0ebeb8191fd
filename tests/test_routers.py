"""Routers evaluated statically, checked against Django's own ConnectionRouter."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mdblint.discovery import ProjectRef
from mdblint.project import load_project
from mdblint.project.routers import Answer, Routers, Verdict
from tests.helpers import load_sample

# -- the samples ------------------------------------------------------------------------------


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_bookstore_primary_replica_router() -> None:
    project = load_sample("bookstore")
    source = project.modules["bookstore_site.routers"]
    r = Routers(project)
    read = r.db_for_read("catalog.Book")
    assert read.aliases == {"replica"}
    line = line_of(source, 'return "replica"')
    assert read.why == f"PrimaryReplicaRouter.db_for_read returns 'replica' (bookstore_site/routers.py:{line})"
    assert (read.path, read.line) == (str(source), line)
    assert r.db_for_read("catalog.Book", instance="other").aliases == {"other"}
    assert r.db_for_read("catalog.Book", instance="default").aliases == {"replica"}
    assert r.db_for_write("catalog.Book").aliases == {"default"}
    assert r.db_for_write("catalog.Book", instance="other").aliases == {"other"}
    assert r.db_for_write("auth.User", instance="replica").aliases == {"default"}
    allowed = r.allow_relation("catalog.Book", "default", "catalog.Person", "replica")
    assert (allowed.allowed, allowed.line) == (True, line_of(source, "return True"))
    assert r.allow_relation("catalog.Book", "default", "catalog.Person", "other") == \
        Verdict(False, "no router: different databases", None, None)
    assert r.allow_relation("catalog.Book", "other", "catalog.Person", "other").allowed is True
    assert r.db_for_read("catalog.Book") is read     # memoized


def test_newsroom_has_no_routers() -> None:
    project = load_sample("newsroom")
    assert project.settings.routers == ()
    r = Routers(project)
    model = "news.Article"
    assert r.db_for_read(model) == Answer(frozenset({"default"}), "no router: default", None, None)
    assert r.db_for_write(model).aliases == {"default"}
    assert r.db_for_read(model, instance="analytics") == Answer(frozenset({"analytics"}), "instance hint", None, None)
    assert r.db_for_write(model, instance="analytics").aliases == {"analytics"}
    assert r.db_for_write(model, instance="").aliases == {"default"}     # an unsaved instance
    assert r.allow_relation(model, "default", model, "default").allowed is True
    assert r.allow_relation(model, "default", model, "analytics").allowed is False


# -- a project in tmp_path --------------------------------------------------------------------

SETTINGS = """
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "multiple_database"]
DATABASES = {a: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"} for a in ("default", "other")}
BOOK_DB = "writer"
"""

MODELS = """
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)


class Person(models.Model):
    name = models.CharField(max_length=100)


class Pet(models.Model):
    owner = models.ForeignKey(Person, models.CASCADE)


class Ebook(Book):
    url = models.URLField()


class BookProxy(Book):
    class Meta:
        proxy = True
"""


def make(root: Path, files: dict[str, str], routers: str | None = "ROUTERS") -> object:
    settings = SETTINGS + ("" if routers is None else f"DATABASE_ROUTERS = {routers}\n")
    files = {"site_cfg/__init__.py": "", "site_cfg/settings.py": settings, "multiple_database/__init__.py": "",
             "multiple_database/models.py": MODELS, **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return load_project(ProjectRef(root, "site_cfg.settings", "manage.py"))


# tests/multiple_database/routers.py of Django 5.2 (unchanged in 6.x), and three routers of its tests.py
DJANGO_ROUTERS = '''
from django.db import DEFAULT_DB_ALIAS


class TestRouter:
    """
    Vaguely behave like primary/replica, but the databases aren't assumed to
    propagate changes.
    """

    def db_for_read(self, model, instance=None, **hints):
        if instance:
            return instance._state.db or "other"
        return "other"

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return obj1._state.db in ("default", "other") and obj2._state.db in (
            "default",
            "other",
        )

    def allow_migrate(self, db, app_label, **hints):
        return True


class AuthRouter:
    """
    Control all database operations on models in the contrib.auth application.
    """

    def db_for_read(self, model, **hints):
        "Point all read operations on auth models to 'default'"
        if model._meta.app_label == "auth":
            # We use default here to ensure we can tell the difference
            # between a read request and a write request for Auth objects
            return "default"
        return None

    def db_for_write(self, model, **hints):
        "Point all operations on auth models to 'other'"
        if model._meta.app_label == "auth":
            return "other"
        return None

    def allow_relation(self, obj1, obj2, **hints):
        "Allow any relation if a model in Auth is involved"
        return obj1._meta.app_label == "auth" or obj2._meta.app_label == "auth" or None

    def allow_migrate(self, db, app_label, **hints):
        "Make sure the auth app only appears on the 'other' db"
        if app_label == "auth":
            return db == "other"
        return None


class WriteRouter:
    # A router that only expresses an opinion on writes
    def db_for_write(self, model, **hints):
        return "writer"


class WriteToOtherRouter:
    """
    A router that sends all writes to the other database.
    """

    def db_for_write(self, model, **hints):
        return "other"


class ModelMetaRouter:
    "A router to ensure model arguments are real model classes"

    def db_for_write(self, model, **hints):
        if not hasattr(model, "_meta"):
            raise ValueError


class AttributeErrorRouter:
    "A router to test the exception handling of ConnectionRouter"

    def db_for_read(self, model, **hints):
        raise AttributeError

    def db_for_write(self, model, **hints):
        raise AttributeError
'''

CHAINS = [["TestRouter"], ["AuthRouter"], ["WriteRouter"], ["TestRouter", "WriteRouter"],
          ["TestRouter", "AuthRouter"], ["AuthRouter", "TestRouter"], ["WriteRouter", "AuthRouter", "TestRouter"],
          ["WriteToOtherRouter"], ["ModelMetaRouter"], ["ModelMetaRouter", "AuthRouter"], []]
MODEL_LABELS = ["auth.User", "auth.Group", "contenttypes.ContentType", "multiple_database.Book",
                "multiple_database.Person", "multiple_database.Ebook", "multiple_database.BookProxy"]
INSTANCES = [None, "default", "other", "writer", ""]     # "": an unsaved instance (_state.db is None)
ALIASES = ["default", "other", "writer", ""]
PAIRS = [("multiple_database.Book", "multiple_database.Person"), ("multiple_database.Book", "auth.User"),
         ("auth.User", "multiple_database.Pet"), ("auth.User", "auth.Group"),
         ("multiple_database.Ebook", "multiple_database.Book"),
         ("multiple_database.BookProxy", "multiple_database.Pet"),
         ("multiple_database.Pet", "multiple_database.BookProxy"), ("multiple_database.Pet", "multiple_database.Pet")]

# More of what routers do (not from Django), checked against Django the same way.
EXTRA_ROUTERS = '''
from django.conf import settings
from django.contrib.auth import get_user_model
from multiple_database.models import Book, BookProxy


class ModelRouter:
    labels = ("auth", "contenttypes")

    def db_for_read(self, model, **hints):
        if model._meta.app_label in self.labels and model is not get_user_model():
            return "other"
        if model._meta.concrete_model is Book:
            return settings.BOOK_DB
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return "default" if instance._state.db == "writer" else None
        return None

    def db_for_write(self, model, instance=None, **hints):
        return model._meta.proxy and "other" or ""

    def allow_relation(self, obj1, obj2, **hints):
        if isinstance(obj1, Book) or isinstance(obj2, BookProxy):
            return obj1._state.db != "writer"
        if type(obj1) is type(obj2):
            return None
        return obj1._meta.model_name < obj2._meta.model_name or None
'''
EXTRA_CHAINS = [["ModelRouter"], ["ModelRouter", "TestRouter"], ["AuthRouter", "ModelRouter", "WriteRouter"]]

# Run by Django itself in a fresh interpreter: the oracle for every grid point.
ORACLE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import django
from django.conf import settings
settings.configure(
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "multiple_database"],
    DATABASES={a: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"} for a in ("default", "other")},
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    BOOK_DB="writer",
)
django.setup()
from django.apps import apps
from django.db.utils import ConnectionRouter

def obj(label, alias):
    o = apps.get_model(label)()
    o._state.db = alias or None
    return o

out = []
for kind, chain, *args in json.loads(sys.stdin.read()):
    router = ConnectionRouter(["multiple_database.routers." + r for r in chain])
    try:
        if kind == "allow_relation":
            m1, a1, m2, a2 = args
            out.append(bool(router.allow_relation(obj(m1, a1), obj(m2, a2))))
        else:
            label, inst = args
            hints = {} if inst is None else {"instance": obj("multiple_database.Pet", inst)}
            out.append(getattr(router, kind)(apps.get_model(label), **hints))
    except Exception as exc:
        out.append("raises " + type(exc).__name__)
print(json.dumps(out))
"""


def run_django(root: Path, grid: list) -> list:
    proc = subprocess.run([sys.executable, "-c", ORACLE, str(root)], input=json.dumps(grid),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def grid_counts(root: Path, project, chains: list) -> tuple[dict, dict]:
    """(known, total) grid points per method; every known answer must equal Django's."""
    grid = [[kind, chain, label, inst] for kind in ("db_for_read", "db_for_write") for chain in chains
            for label in MODEL_LABELS for inst in INSTANCES]
    grid += [["allow_relation", chain, m1, a1, m2, a2] for chain in chains for m1, m2 in PAIRS
             for a1 in ALIASES for a2 in ALIASES]
    expected = run_django(root, grid)
    known = {"db_for_read": 0, "db_for_write": 0, "allow_relation": 0}
    totals = dict.fromkeys(known, 0)
    routers = {tuple(c): Routers(project, tuple(f"multiple_database.routers.{r}" for r in c)) for c in chains}
    for (kind, chain, *args), real in zip(grid, expected):
        answer = getattr(routers[tuple(chain)], kind)(*args)
        static = answer.allowed if kind == "allow_relation" else answer.aliases
        totals[kind] += 1
        if static is not None:
            known[kind] += 1
            assert static == (real if kind == "allow_relation" else {real}), (kind, chain, args, answer)
    return known, totals


def test_django_test_routers_match_connection_router(tmp_path: Path) -> None:
    project = make(tmp_path, {"multiple_database/routers.py": DJANGO_ROUTERS + EXTRA_ROUTERS}, routers="[]")
    known, totals = grid_counts(tmp_path, project, CHAINS)
    print(f"\nDjango's test routers: known {known} of {totals}")
    assert known == totals
    known, totals = grid_counts(tmp_path, project, EXTRA_CHAINS)
    print(f"more routers: known {known} of {totals}")
    assert known["db_for_read"] == totals["db_for_read"] and known["db_for_write"] == totals["db_for_write"]
    assert known["allow_relation"] >= totals["allow_relation"] * 0.75


def test_raising_router_is_unknown(tmp_path: Path) -> None:
    project = make(tmp_path, {"multiple_database/routers.py": DJANGO_ROUTERS}, routers="[]")
    chain = ("multiple_database.routers.AttributeErrorRouter", "multiple_database.routers.TestRouter")
    real = run_django(tmp_path, [["db_for_read", ["AttributeErrorRouter"], "auth.User", None]])
    assert real == ["raises AttributeError"]
    answer = Routers(project, chain).db_for_read("auth.User")
    assert answer.aliases is None and "always raises" in answer.why
    # a router without the method is skipped; then the fallback applies
    assert Routers(project, chain).allow_relation("auth.User", "default", "auth.Group", "default").allowed is True


# -- the documentation's routers and harder cases -----------------------------------------------

DOCS_ROUTERS = '''
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS

from multiple_database.models import Book
from .base import BaseRouter


class AuthRouter:
    """A router to control all database operations on models in the auth and contenttypes applications."""

    route_app_labels = {"auth", "contenttypes"}

    def db_for_read(self, model, **hints):
        if model._meta.app_label in self.route_app_labels:
            return "auth_db"
        return None

    def db_for_write(self, model, **hints):
        if model._meta.app_label in self.route_app_labels:
            return "auth_db"
        return None

    def allow_relation(self, obj1, obj2, **hints):
        if (
            obj1._meta.app_label in self.route_app_labels
            or obj2._meta.app_label in self.route_app_labels
        ):
            return True
        return None


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return random.choice(["replica1", "replica2"])

    def db_for_write(self, model, **hints):
        return "primary"

    def allow_relation(self, obj1, obj2, **hints):
        db_set = {"primary", "replica1", "replica2"}
        if obj1._state.db in db_set and obj2._state.db in db_set:
            return True
        return None


def pick(model):
    return "somewhere"


class CallsSomething:
    def db_for_read(self, model, **hints):
        return pick(model)

    def db_for_write(self, model, **hints):
        if model._meta.model_name == "book":
            return pick(model)
        return None


class ByModel:
    def db_for_read(self, model, **hints):
        if model is Book or model == get_user_model():
            return settings.ARCHIVE_DB
        instance = hints.get("instance")
        return instance._state.db if instance is not None else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        for label in ("a", "b"):
            return label


class Child(BaseRouter):
    def db_for_write(self, model, **hints):
        return super().db_for_write(model, **hints)


class Counting:
    calls = 0

    def db_for_read(self, model, **hints):
        self.calls += 1
        return self.calls > 1 and "other" or "default"

    def db_for_write(self, model, **hints):
        return "a" if self.calls else "b"
'''

BASE = '''
POOL = ("default", "other")


class BaseRouter:
    alias = POOL[1]

    def db_for_read(self, model, **hints):
        return self.alias

    def allow_relation(self, obj1, obj2, **hints):
        return obj1._state.db == obj2._state.db == "default" or None
'''


@pytest.fixture
def docs(tmp_path: Path):
    project = make(tmp_path, {"multiple_database/routers.py": DOCS_ROUTERS, "multiple_database/base.py": BASE,
                              "multiple_database/broken.py": "class Broken(:\n    pass\n"},
                   routers='["multiple_database.routers.AuthRouter", "multiple_database.routers.PrimaryReplicaRouter"]'
                   '\nARCHIVE_DB = "other"')
    return project, lambda *names: Routers(project, tuple(f"multiple_database.{n}" for n in names))


def test_docs_auth_and_primary_replica(docs) -> None:
    project, routers = docs
    r = Routers(project)    # the settings' chain
    assert r.db_for_read("auth.User").aliases == {"auth_db"}
    assert r.db_for_write("contenttypes.ContentType").aliases == {"auth_db"}
    read = r.db_for_read("multiple_database.Book")
    assert read.aliases == {"replica1", "replica2"}
    assert read.why == ("PrimaryReplicaRouter.db_for_read returns 'replica1' or 'replica2' "
                        "(multiple_database/routers.py:38)")
    assert read.line == 38
    assert r.db_for_write("multiple_database.Book", instance="replica1").aliases == {"primary"}
    assert r.allow_relation("auth.User", "auth_db", "multiple_database.Book", "primary").allowed is True
    assert r.allow_relation("multiple_database.Book", "replica2", "multiple_database.Person", "primary").allowed is True
    assert r.allow_relation("multiple_database.Book", "auth_db", "multiple_database.Person", "primary").allowed is False
    assert r.allow_relation("multiple_database.Book", "x", "multiple_database.Person", "x").allowed is True


def test_module_names_imports_and_inheritance(docs) -> None:
    _, routers = docs
    r = routers("routers.ByModel")
    assert r.db_for_read("multiple_database.Book").aliases == {"other"}      # settings.ARCHIVE_DB
    assert r.db_for_read("auth.User").aliases == {"other"}                   # get_user_model()
    assert r.db_for_read("multiple_database.Person", instance="x").aliases == {"x"}
    assert r.db_for_read("multiple_database.Person").aliases == {"default"}
    assert r.db_for_write("auth.User").aliases is None                       # a loop
    child = routers("routers.Child")
    assert child.db_for_read("auth.User").aliases == {"other"}               # inherited, class attribute
    assert child.db_for_write("auth.User").aliases is None                   # super() is not followed
    assert child.allow_relation("auth.User", "default", "auth.Group", "default").allowed is True
    assert child.allow_relation("auth.User", "other", "auth.Group", "other").allowed is True   # None, then same db
    assert child.allow_relation("auth.User", "default", "auth.Group", "other").allowed is False


def test_unknown_is_never_guessed(docs) -> None:
    project, routers = docs
    calls = routers("routers.CallsSomething", "routers.AuthRouter")
    assert calls.db_for_read("auth.User").aliases is None
    assert "could not be evaluated" in calls.db_for_read("auth.User").why
    assert calls.db_for_write("multiple_database.Book").aliases is None
    assert calls.db_for_write("auth.User").aliases == {"auth_db"}       # the unknown branch is not taken
    counting = routers("routers.Counting")
    assert counting.db_for_read("auth.User").aliases is None                 # state on self
    assert counting.db_for_write("auth.User").aliases == {"a", "b"}          # an unknown condition: both
    for missing in ("broken.Broken", "nowhere.Router", "routers.NoSuchRouter", "routers.pick"):
        r = routers(missing)
        assert r.db_for_read("auth.User") == Answer(None, f"{missing.rpartition('.')[2]}.db_for_read is not "
                                                          "statically known", None, None)
        assert r.allow_relation("auth.User", "default", "auth.User", "default").allowed is None
    assert Routers(project, ("django.contrib.auth.SomeRouter",)).db_for_write("auth.User").aliases is None
    # later routers do not matter once an earlier one is unknown
    assert routers("broken.Broken", "routers.AuthRouter").db_for_read("auth.User").aliases is None


def test_unknown_settings(tmp_path: Path) -> None:
    project = make(tmp_path, {"multiple_database/routers.py": DJANGO_ROUTERS}, routers="load_routers()")
    assert project.settings.routers is None
    r = Routers(project)
    assert r.db_for_read("auth.User") == Answer(None, "DATABASE_ROUTERS is not statically known", None, None)
    assert r.allow_relation("auth.User", "default", "auth.User", "default").allowed is None
    assert Routers(project, ("multiple_database.routers.TestRouter",)).db_for_read("auth.User").aliases == {"other"}


MORE_ROUTERS = '''
from django.apps import apps
from django.conf import settings
import multiple_database.models
from .consts import *


class MapRouter:
    mapping: dict = {"contenttypes": "users_db"}

    def db_for_read(self, model, **hints):
        if model._meta.app_label in settings.DATABASE_APPS_MAPPING:
            return settings.DATABASE_APPS_MAPPING[model._meta.app_label]
        return self.mapping.get(model._meta.app_label)

    @staticmethod
    def db_for_write(model, **hints):
        if model._meta.model_name.startswith("per"):
            return PEOPLE
        return "other" if model._meta.concrete_model is multiple_database.models.Book else None

    def allow_relation(self, obj1, obj2, **hints):
        if isinstance(obj1, multiple_database.models.Book) and type(obj2) is apps.get_model("multiple_database", "Pet"):
            return SAME
        return None
'''


def test_settings_mappings_module_attributes_and_star_imports(tmp_path: Path) -> None:
    project = make(tmp_path, {"multiple_database/routers.py": MORE_ROUTERS,
                              "multiple_database/consts.py": 'PEOPLE = "people"\nSAME = False\n'},
                   routers='["multiple_database.routers.MapRouter"]\nDATABASE_APPS_MAPPING = {"auth": "users_db"}')
    r = Routers(project)
    assert r.db_for_read("auth.User").aliases == {"users_db"}
    assert r.db_for_read("contenttypes.ContentType").aliases == {"users_db"}
    assert r.db_for_read("multiple_database.Book").aliases == {"default"}
    assert r.db_for_write("multiple_database.Person").aliases == {"people"}
    assert r.db_for_write("multiple_database.Book").aliases == {"other"}
    assert r.db_for_write("multiple_database.Pet", instance="x").aliases == {"x"}
    book_pet = r.allow_relation("multiple_database.Book", "default", "multiple_database.Pet", "default")
    assert book_pet.allowed is False
    assert book_pet.why == "MapRouter.allow_relation returns False (multiple_database/routers.py:24)"
    assert r.allow_relation("multiple_database.Pet", "a", "multiple_database.Book", "a").allowed is True
    assert r.allow_relation("auth.User", "a", "multiple_database.Pet", "b").allowed is False


ODD_BODIES = [
    "return (lambda: 'a')()", "return f'{model}'", "x = [m for m in 'ab']\n        return x[0]",
    "while True:\n            return 'a'",
    "try:\n            return 'a'\n        except Exception:\n            return 'b'",
    "with open('x') as f:\n            return 'a'", "def inner():\n            return 'a'\n        return inner()",
    "global G\n        return G", "return hints['missing']", "return model.objects.first()", "return (*'ab',)[0]",
    "return dict(a=1)['a']", "return ('a', 'b')[5]", "return {'a': 1}[model]", "return 'a' if self.nope else 'b'",
    "if (y := 'a'):\n            return y", "return None < 1", "return 'a' + 1", "return -model",
    "match model:\n            case _:\n                return 'a'", "return random.choice(set())",
    "return model._meta.db_table",
    "instance = hints.get('instance')\n        return instance._meta.app_label", "return hints.get('instance')",
    "return ('a',)", "return 1", "del model\n        return model", "a, b = model\n        return a",
    "a, b = 'x', 'y'\n        return a + b", "return",
]


def test_odd_code_is_unknown_never_an_error(tmp_path: Path) -> None:
    classes = "".join(f"class R{i}:\n    def db_for_read(self, model, **hints):\n        {body}\n\n\n"
                      for i, body in enumerate(ODD_BODIES))
    project = make(tmp_path, {"multiple_database/routers.py": "import random\n\n\n" + classes}, routers="[]")
    got = {}
    for i, body in enumerate(ODD_BODIES):
        answer = Routers(project, (f"multiple_database.routers.R{i}",)).db_for_read("auth.User", "other")
        assert "evaluation failed" not in answer.why, (body, answer)
        got[body] = answer.aliases
    assert got.pop("return") == {"other"}       # None: the instance hint
    assert got.pop("return ('a',)") is None and got.pop("return 1") is None     # not aliases
    # the AttributeError is an unknown condition: both branches, a superset of what can be returned
    assert got.pop("return 'a' if self.nope else 'b'") == {"a", "b"}
    assert got.pop("if (y := 'a'):\n            return y") is None
    assert {body: a for body, a in got.items() if a is not None} == {}
