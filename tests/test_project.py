"""The project index: summaries, static settings, the model graph and the disk cache."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from mdblint import codec
from mdblint.cache import Cache, default_cache_dir
from mdblint.discovery import ProjectRef
from mdblint.project import index, load_project
from mdblint.project.summary import UNKNOWN, ModuleSummary, Value, summarize

SETTINGS = """
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}}
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    for directory in {p.parent for p in root.rglob("*.py")}:
        if directory != root and not (directory / "__init__.py").exists():
            (directory / "__init__.py").write_text("")
    return root


def project(root: Path, files: dict[str, str], settings: str = "site.settings", **kw):
    write(root, files)
    return load_project(ProjectRef(root, settings, "manage.py"), **kw)


def shop(tmp_path: Path, models: str, settings: str = SETTINGS, **extra: str):
    return project(tmp_path, {"site/settings.py": settings, "shop/models.py": models, **extra})


# -- summaries -----------------------------------------------------------------------------

def test_summary_imports_constants_and_classes() -> None:
    s = summarize(b"""
import a.b
import a.b as c
from . import sib
from ..up import thing as other
from .star import *
NAME = "x"
NUMS = [1, 2, (3, "4")]
PATH = BASE / "x"
CONFIG = {"A": {"B": None}}
CONFIG["A"]["C"] = 1
class Book(models.Model, Mixin):
    title = models.CharField(max_length=3)
    objects = BookManager.from_queryset(QS)()
    class Meta:
        abstract = True
        app_label = "shop"
""", "pkg.sub.mod")
    assert not s.broken
    assert s.names["a"].target == "a" and s.names["c"].target == "a.b"
    assert s.names["sib"].target == "pkg.sub.sib"
    assert s.names["other"].target == "pkg.up.thing"
    assert s.stars == ("pkg.sub.star",)
    assert s.constants["NAME"] == "x" and s.constants["NUMS"] == [1, 2, (3, "4")]
    assert s.constants["PATH"] is UNKNOWN
    assert "CONFIG" not in s.constants        # modified by a subscript assignment
    book = s.classes["Book"]
    assert book.bases == ("models.Model", "Mixin")
    assert book.attrs["title"].target.callee == "models.CharField"
    assert book.attrs["objects"].target.callee == "BookManager.from_queryset()"
    assert book.meta == {"abstract": True, "app_label": "shop"}


def test_summary_package_relative_import_and_broken_file() -> None:
    s = summarize("from .models import Book\n", "shop", is_package=True)
    assert s.names["Book"].target == "shop.models.Book"
    broken = summarize(b"def f(:\n", "shop.bad")
    assert broken.broken and "SyntaxError" in broken.error


def test_summaries_codec() -> None:
    s = summarize(b"X = {'a': 1}\nclass A(B):\n    f = F('x', to=Y)\n    g = f(*a)\n", "m")
    back = codec.decode(codec.encode(s), ModuleSummary)
    assert back == s and back.classes["A"].attrs["f"].target == s.classes["A"].attrs["f"].target
    assert back.classes["A"].attrs["g"].target.args[0] is UNKNOWN
    assert codec.decode(codec.encode([UNKNOWN], list[Value]), list[Value])[0] is UNKNOWN


# -- settings ------------------------------------------------------------------------------

def test_settings_star_import_subscript_and_routers(tmp_path: Path) -> None:
    p = project(tmp_path, {
        "site/settings/__init__.py": """
            from .base import *
            DATABASES["replica"] = {"ENGINE": "django.db.backends.sqlite3", "TEST": {"MIRROR": "default"}}
            DATABASE_ROUTERS = ["site.routers.Router"]
            INSTALLED_APPS += ["shop"]
        """,
        "site/settings/base.py": """
            import os
            DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ["DB"]}}
            INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
            PRIMARY = "default"
            AUTH_USER_MODEL = "shop.Customer"
        """,
    })
    s = p.settings
    assert s.path == tmp_path / "site/settings/__init__.py"
    assert list(s.databases) == ["default", "replica"]
    assert s.databases["default"].engine == "django.db.backends.postgresql"
    assert s.databases["default"].line == 3 and s.module_of["DATABASES"] == "site.settings.base"
    assert s.databases["replica"].mirror == "default" and s.databases["replica"].line == 3
    assert s.routers == ("site.routers.Router",)
    assert s.installed_apps == ("django.contrib.contenttypes", "django.contrib.auth", "shop")
    assert s.auth_user_model == "shop.Customer"
    assert s.constants["PRIMARY"] == "default"
    assert s.line_of["DATABASE_ROUTERS"] == 4


@pytest.mark.parametrize("text", [
    "DATABASES = env.db()",
    "DATABASES = {'default': {}}\nDATABASES.update(EXTRA)",
    "DATABASES = {**BASE}",
])
def test_settings_databases_unknown(tmp_path: Path, text: str) -> None:
    p = project(tmp_path, {"site/settings.py": text})
    assert p.settings.databases is None


def test_settings_conditional_aliases_and_defaults(tmp_path: Path) -> None:
    p = project(tmp_path, {"site/settings.py": """
        DATABASES = {"default": {}}
        if DEBUG:
            DATABASES = {"default": {}, "debug": {}}
        else:
            DATABASES["replica"] = {}
        PARTS = ["a"]
        INSTALLED_APPS = PARTS + ["b"]
    """})
    assert sorted(p.settings.databases) == ["debug", "default", "replica"]
    assert p.settings.installed_apps == ("a", "b")
    assert p.settings.routers == () and p.settings.auth_user_model == "auth.User"


def test_no_project_and_missing_settings(tmp_path: Path) -> None:
    empty = load_project(None)
    assert empty.settings.databases is None and empty.settings.installed_apps is None
    assert {"contenttypes.ContentType", "auth.User", "auth.Group", "auth.Permission"} <= set(empty.graph.models)
    assert "admin.LogEntry" not in empty.graph.models
    p = project(tmp_path, {"shop/models.py": "from django.db import models\nclass Item(models.Model):\n    pass\n"},
                settings="nowhere.settings")
    assert p.settings.databases is None
    assert p.graph.get("shop.Item") is not None       # app label from the package


# -- the graph -----------------------------------------------------------------------------

def test_relations_reverse_accessors_and_string_targets(tmp_path: Path) -> None:
    p = shop(tmp_path, """
        from django.db import models as m
        from django.db.models import ForeignKey as FK

        class Base(m.Model):
            owner = m.ForeignKey("auth.User", m.CASCADE, related_name="%(app_label)s_%(class)s_owned")
            class Meta:
                abstract = True

        class Author(Base):
            friends = m.ManyToManyField("self")
            fans = m.ManyToManyField("self", symmetrical=False)

        class Book(Base):
            author = FK(Author, on_delete=m.CASCADE)
            editor = FK("Author", m.SET_NULL, null=True, related_name="+")
            prequel = m.OneToOneField("self", m.SET_NULL, null=True)
            shelf = m.ForeignKey("shop.Shelf", m.CASCADE, related_name="books", related_query_name="book")

        class Shelf(m.Model):
            pass
    """)
    g = p.graph
    book, author, shelf, user = g.get("shop.Book"), g.get("shop.Author"), g.get("shop.Shelf"), g.get("auth.User")
    assert book.relations["owner"].reverse == "shop_book_owned"
    assert user.relations["shop_book_owned"].kind == "reverse_fk"
    assert user.relations["shop_author_owned"].target == "shop.Author"
    assert book.relations["author"].target == "shop.Author" and author.relations["book_set"].reverse == "author"
    assert book.relations["editor"].reverse is None and "+" not in author.relations
    assert book.relations["prequel"].reverse == "book" and book.relations["book"].kind == "reverse_o2o"
    assert shelf.relations["books"].query_name == "book"
    friends = author.relations["friends"]
    assert friends.reverse is None and friends.through == "shop.Author_friends"
    assert author.relations["fans"].reverse == "author_set"
    through = g.get("shop.Author_friends")
    assert through.auto_created and through.fields == ("id", "from_author", "to_author")
    assert g.get("shop.Base").abstract and g.by_qualname["shop.models.Book"] == "shop.Book"


def test_app_config_label_and_default_config(tmp_path: Path) -> None:
    p = project(tmp_path, {
        "site/settings.py": 'INSTALLED_APPS = ["shop.apps.ShopConfig", "blog"]',
        "shop/apps.py": """
            from django.apps import AppConfig
            class ShopConfig(AppConfig):
                name = "shop"
                label = "store"
        """,
        "shop/models.py": "from django.db import models\nclass Item(models.Model):\n    blog = models.ForeignKey('journal.Post', models.CASCADE)\n",
        "blog/apps.py": "from django.apps import AppConfig\nclass BlogConfig(AppConfig):\n    name = 'blog'\n    label = 'journal'\n",
        "blog/models.py": "from django.db import models\nclass Post(models.Model):\n    pass\n",
        "other/models.py": "from django.db import models\nclass NotInstalled(models.Model):\n    pass\n",
    })
    assert set(p.graph.models) >= {"store.Item", "journal.Post"}
    assert p.graph.get("journal.Post").relations["item_set"].target == "store.Item"
    assert not any(label.endswith("NotInstalled") for label in p.graph.models)
    assert "auth.User" not in p.graph.models        # auth is not installed


def test_inheritance_proxy_and_managers(tmp_path: Path) -> None:
    p = shop(tmp_path, """
        from django.db import models
        from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation

        class QS(models.QuerySet):
            pass

        class Named(models.Manager):
            pass

        Custom = models.Manager.from_queryset(QS)

        class Place(models.Model):
            name = models.CharField(max_length=9)
            notes = GenericRelation("Note", related_query_name="place")
            objects = models.Manager()
            named = Named()

        class Restaurant(Place):
            serves = models.BooleanField()
            extra = Custom()

        class Cheap(Restaurant):
            class Meta:
                proxy = True

        class Note(models.Model):
            content_type = models.ForeignKey("contenttypes.ContentType", models.CASCADE)
            object_id = models.IntegerField()
            target = GenericForeignKey()
            qs = QS.as_manager()
    """)
    g = p.graph
    place, rest, cheap, note = (g.get(f"shop.{n}") for n in ("Place", "Restaurant", "Cheap", "Note"))
    assert rest.parents == ("shop.Place",) and rest.pk == "place_ptr"
    assert rest.fields == ("id", "name", "place_ptr", "serves")
    assert rest.relations["place_ptr"].parent_link and place.relations["restaurant"].parent_link
    assert "restaurant" not in rest.relations           # the parent's reverse link is not inherited
    assert rest.relations["notes"].reverse is None     # MTI copy of a generic relation: hidden reverse
    assert note.relations["place"].kind == "reverse_generic"
    assert note.relations["target"].kind == "gfk" and note.relations["target"].target is None
    assert cheap.proxy and cheap.concrete == "shop.Restaurant" and cheap.parents == ("shop.Restaurant",)
    assert rest.managers == ("extra", "objects", "named") and cheap.managers == rest.managers
    assert note.managers == ("qs",) and g.get("contenttypes.ContentType").relations["note_set"]


def test_custom_user_model_swaps_auth_user(tmp_path: Path) -> None:
    p = shop(tmp_path, """
        from django.conf import settings
        from django.contrib.auth.models import AbstractUser
        from django.db import models

        class Customer(AbstractUser):
            pass

        class Order(models.Model):
            buyer = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    """, settings=SETTINGS + 'AUTH_USER_MODEL = "shop.Customer"\n')
    g = p.graph
    assert g.get("auth.User").swapped == "shop.Customer"
    assert g.get("shop.Order").relations["buyer"].target == "shop.Customer"
    customer = g.get("shop.Customer")
    assert customer.relations["order_set"].target == "shop.Order"
    assert customer.relations["groups"].through == "shop.Customer_groups"
    assert g.get("auth.Group").relations["user_set"].target == "shop.Customer"
    assert "auth.User_groups" not in g.models and customer.managers == ("objects",)
    assert "username" in customer.fields


def test_broken_file_does_not_break_the_build(tmp_path: Path) -> None:
    p = shop(tmp_path, "from django.db import models\nclass Item(models.Model):\n    pass\n",
             **{"shop/views.py": "def broken(:\n"})
    assert p.graph.get("shop.Item") is not None
    assert "shop.views" in p.broken and "shop.views" in p.modules


# -- cache ---------------------------------------------------------------------------------

def test_cache_hit_and_invalidation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache_dir = tmp_path / "proj", tmp_path / "cache"
    models = "from django.db import models\nclass Item(models.Model):\n    pass\n"
    write(root, {"site/settings.py": SETTINGS, "shop/models.py": models, "shop/views.py": "def f():\n    pass\n"})
    ref = ProjectRef(root, "site.settings", "manage.py")
    calls: list[str] = []
    real = index.summarize
    monkeypatch.setattr(index, "summarize", lambda data, module, **kw: calls.append(module) or real(data, module, **kw))

    first = load_project(ref, cache_dir=cache_dir)
    assert len(calls) == len(first.modules) > 0
    calls.clear()
    second = load_project(ref, cache_dir=cache_dir)
    assert calls == [] and second.fingerprint == first.fingerprint

    os.utime(root / "shop/views.py", ns=(1, 1))           # new stat, same content: hashed, not summarized
    assert load_project(ref, cache_dir=cache_dir).fingerprint == first.fingerprint and calls == []

    (root / "shop/views.py").write_text("def f():\n    return 1\n")    # a body edit: same facts
    third = load_project(ref, cache_dir=cache_dir)
    assert calls == ["shop.views"] and third.fingerprint == first.fingerprint
    calls.clear()

    (root / "shop/models.py").write_text(models + "class Other(models.Model):\n    pass\n")
    fourth = load_project(ref, cache_dir=cache_dir)
    assert calls == ["shop.models"] and fourth.fingerprint != first.fingerprint
    assert fourth.graph.get("shop.Other") is not None


def test_cache_corrupt_and_unwritable(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    cache.store("x", {"a": 1})
    assert cache.load("x", dict[str, int]) == {"a": 1}
    assert cache.load("x", dict[str, str]) is None          # another shape: no entry
    (path,) = (tmp_path / "c").glob("x.*")
    path.write_bytes(b"not msgpack")
    assert cache.load("x", dict[str, int]) is None
    blocker = tmp_path / "file"
    blocker.write_text("")
    nowhere = Cache(blocker / "sub")           # a path below a file: cannot be created
    nowhere.store("x", 1)
    with nowhere.lock():
        assert nowhere.load("x", int) is None
    assert Cache(None).load("x", int) is None


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MDBLINT_CACHE_DIR", raising=False)
    assert default_cache_dir(tmp_path).parent == tmp_path / ".mdblint_cache"
    monkeypatch.setenv("MDBLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_cache_dir(tmp_path) == tmp_path / "elsewhere"


def test_discovery_skips_generated_folders_but_not_packages_named_like_them(tmp_path):
    from mdblint.discovery import iter_python_files

    for rel in ["app/models.py", "app/migrations/0001_initial.py", "migrations/__init__.py",
                "migrations/models.py", "build/lib/x.py", "build_pkg/__init__.py", "dist/__init__.py",
                "venv2/pyvenv.cfg", "venv2/lib/y.py", ".git/hooks/z.py"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    found = {p.relative_to(tmp_path).as_posix() for p in iter_python_files(tmp_path)}
    assert found == {"app/models.py", "migrations/__init__.py", "migrations/models.py",
                     "build_pkg/__init__.py", "dist/__init__.py"}


def test_conditional_settings_hold_every_possibility(tmp_path: Path) -> None:
    p = project(tmp_path, {"site/settings.py": '''
        import os
        DATABASES = {"default": {}}
        DATABASE_REPLICA = "default"
        ALWAYS = "default"
        if os.environ.get("REPLICA"):
            DATABASE_REPLICA = "replica"
            DATABASES["replica"] = {}
            DATABASE_ROUTERS = ["site.routers.ReplicaRouter"]
        '''})
    assert p.settings.constants["DATABASE_REPLICA"] == {"default", "replica"}
    assert p.settings.constants["ALWAYS"] == "default"
    assert sorted(p.settings.databases) == ["default", "replica"]
    assert p.settings.routers is None     # installed on one path only: which chain runs is unknown


def test_an_edit_that_changes_no_shape_keeps_the_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and the graph are rebuilt only when some file's shape (its summary without the
    per-unit facts) changed; the cross-module tables always follow the edit."""
    root, cache_dir = tmp_path / "proj", tmp_path / "cache"
    models = "from django.db import models\nclass Item(models.Model):\n    pass\n"
    write(root, {"site/settings.py": SETTINGS, "shop/models.py": models, "shop/views.py": "def f():\n    pass\n"})
    ref = ProjectRef(root, "site.settings", "manage.py")
    builds: list[int] = []
    real = index.build_graph
    monkeypatch.setattr(index, "build_graph", lambda *a, **kw: builds.append(1) or real(*a, **kw))
    first = load_project(ref, cache_dir=cache_dir)
    assert builds == [1] and "shop.views" not in first.relevant

    (root / "shop/views.py").write_text("def f(qs):\n    return qs.using('other')\n")
    second = load_project(ref, cache_dir=cache_dir)
    assert builds == [1], "a body edit does not rebuild the graph"
    assert second.fingerprint == first.fingerprint and second.digests != first.digests
    assert second.relevant == {"shop.views": frozenset({"f"})} and second.alias_capable == second.relevant
    assert second.units["shop.views"][0].name == "f"
    fresh = index.build_project(ref, {rel: (d, index.summarize((root / rel).read_bytes(), index.module_name(root, root / rel)[0],
                                                                is_package=rel.endswith("__init__.py")))
                                      for rel, (_, _, d) in index._walk(root, {})[0].items()})
    for name in ("relevant", "alias_capable", "alias_methods", "manager_alias_methods", "constants", "digests", "parts"):
        assert getattr(second, name) == getattr(fresh, name), name
    assert load_project(ref, cache_dir=cache_dir).relevant == second.relevant   # and it was stored

    before = len(builds)
    (root / "shop/models.py").write_text(models + "class Other(models.Model):\n    pass\n")
    third = load_project(ref, cache_dir=cache_dir)
    assert len(builds) == before + 1 and third.graph.get("shop.Other") is not None


def test_star_import_cycles_do_not_hang(tmp_path: Path) -> None:
    """settings -> a -> b -> a with several star imports each, and a settings module that
    star-imports itself twice: the resolver memoizes, so loading stays fast (it used to take
    about 2^40 steps)."""
    import time

    root = tmp_path / "proj"
    star = "".join(f"from .{m} import *\n" for m in ("a", "b", "c"))
    write(root, {"site/__init__.py": "", "site/settings.py": star + "from .settings import *\nfrom .settings import *\n"
                 + SETTINGS.split("\n", 1)[1],
                 **{f"site/{m}.py": star + f"X_{m.upper()} = 1\n" for m in ("a", "b", "c")}})
    started = time.monotonic()
    p = load_project(ProjectRef(root, "site.settings", "manage.py"))
    assert time.monotonic() - started < 20
    assert p.settings.databases is not None


def test_settings_from_the_environment_hold_their_default_or_unknown() -> None:
    from mdblint.project.settings_static import OneOf, read_settings
    from mdblint.project.summary import UNKNOWN, summarize

    source = textwrap.dedent('''\
        import os
        import environ
        import dj_database_url
        env = environ.Env(ARCHIVE_DB=(str, "archive"))
        A = "default"
        _BASE = {A: dj_database_url.config(default="sqlite://"), "replica": {"TEST": {"MIRROR": A}}}
        DATABASES = dict(_BASE)
        DATABASES.update(archive=env.db("ARCHIVE_URL"))
        SHARDS = {k: {} for k in ("s1", "s2")}
        DATABASES.update(SHARDS)
        R1 = os.environ.get("R1", "replica")
        R2 = os.getenv("R2", default="reports")
        R3 = env("R3", default="x")
        R4 = env("ARCHIVE_DB")
        R5 = env("R5")
        R6 = "a" if os.environ.get("Q") else "b"
        R7 = os.environ.get("R7")
        ''')
    info = read_settings("s", {"s": summarize(source, "s")})
    assert list(info.databases) == ["default", "replica", "archive", "s1", "s2"]
    assert info.databases["replica"].mirror == "default"
    c = info.constants
    assert c["R1"] == OneOf({"replica", UNKNOWN}) and c["R1"].open and c["R1"].literals == ("replica",)
    assert c["R2"] == OneOf({"reports", UNKNOWN}) and c["R3"] == OneOf({"x", UNKNOWN})
    assert c["R4"] == OneOf({"archive", UNKNOWN})
    assert "R5" not in c and "R7" not in c     # no default: not known at all
    assert c["R6"] == OneOf({"a", "b"}) and not c["R6"].open
