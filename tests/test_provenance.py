"""Alias provenance as applications write it (issue 10): Django's own constants, DATABASES keyed
by constants, attributes over a class hierarchy, Django's carriers, routers, parameters, and
project wrappers of transaction.atomic(using=...). Each test lints a small project written to
tmp_path and checks the sites `--aliases` lists, where each alias came from, and the findings."""

from __future__ import annotations

import textwrap
from pathlib import Path

from mdblint.checks import select_rules
from mdblint.discovery import ProjectRef
from mdblint.engine import Linter
from mdblint.project import load_project
from mdblint.sites import summary

SETTINGS = """
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DATABASES = {"default": {}, "other": {}}
"""
MODELS = """
from django.db import models

class Author(models.Model):
    name = models.CharField(max_length=10)

class Book(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
"""


def make(root: Path, files: dict[str, str], settings: str = SETTINGS) -> Linter:
    files = {"site/settings.py": settings, "shop/models.py": MODELS, **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    for directory in {p.parent for p in root.rglob("*.py")}:
        if directory != root and not (directory / "__init__.py").exists():
            (directory / "__init__.py").write_text("")
    project = load_project(ProjectRef(root, "site.settings", "manage.py"))
    return Linter(project, select_rules())


def sites(linter: Linter, path: Path) -> dict[int, dict]:
    return {s["line"]: s for s in linter.alias_sites(path)}


def findings(linter: Linter, path: Path) -> list[tuple[int, str, str]]:
    return [(f.line, f.code, f.message) for f in linter.lint_path(path)[0]]


# -- (a) Django's constants, DATABASES keyed by constants --------------------------------------

def test_default_db_alias_imported_or_dotted(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        import django.db
        from django import db
        from django.db import DEFAULT_DB_ALIAS, transaction
        from shop.models import Book

        def run():
            Book.objects.using(DEFAULT_DB_ALIAS).count()
            Book.objects.using(django.db.DEFAULT_DB_ALIAS).count()
            with transaction.atomic(using=db.DEFAULT_DB_ALIAS):
                Book.objects.using("other").update(author=None)
    """})
    found = sites(linter, tmp_path / "shop/jobs.py")
    for line in (8, 9, 10):
        assert found[line]["aliases"] == {"default": {"how": "django.db.DEFAULT_DB_ALIAS", "path": found[line]["path"],
                                                     "line": line}}, found[line]
        assert not found[line]["unknown"] and found[line]["form"] == "constant"
    assert [code for _, code, _ in findings(linter, tmp_path / "shop/jobs.py")] == ["MDB401"]


def test_default_db_alias_not_from_django_stays_unknown(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from shop.models import Book
        from shop.conf import DEFAULT_DB_ALIAS

        def run():
            Book.objects.using(DEFAULT_DB_ALIAS).count()
    """, "shop/conf.py": "import os\nDEFAULT_DB_ALIAS = os.environ['DB']\n"})
    assert sites(linter, tmp_path / "shop/jobs.py")[6]["unknown"]


def test_databases_keyed_by_constants(tmp_path: Path) -> None:
    linter = make(tmp_path, {"site/names.py": 'REPLICA = "replica"\n', "shop/jobs.py": """
        from shop.models import Book

        def run():
            Book.objects.using("replcia").count()
            Book.objects.using("replica").count()
    """}, settings="""
        import django.db
        from django.db import DEFAULT_DB_ALIAS
        from site.names import REPLICA
        INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
        ARCHIVE = "archive"
        DATABASES = {DEFAULT_DB_ALIAS: {}, REPLICA: {"TEST": {"MIRROR": django.db.DEFAULT_DB_ALIAS}}, ARCHIVE: {}}
    """)
    databases = linter.project.settings.databases
    assert list(databases) == ["default", "replica", "archive"]
    assert databases["replica"].mirror == "default" and databases["archive"].line == 7
    assert [(line, code) for line, code, _ in findings(linter, tmp_path / "shop/jobs.py")] == [(5, "MDB501")]


def test_databases_keyed_by_an_unknown_name(tmp_path: Path) -> None:
    linter = make(tmp_path, {}, settings="""
        import os
        NAME = os.environ["DB"]
        DATABASES = {"default": {}, NAME: {}}
    """)
    assert linter.project.settings.databases is None


# -- (f) project wrappers of transaction.atomic ------------------------------------------------

WRAPPERS = """
from contextlib import contextmanager
from django.db import transaction

ARCHIVE = "other"

def archive_atomic():
    return transaction.atomic(using=ARCHIVE)

def atomic_on(alias):
    return transaction.atomic(using=alias)

@contextmanager
def block_on(alias):
    with transaction.atomic(using=alias):
        yield

@contextmanager
def maybe_block(flag):
    if flag:
        yield
    else:
        with transaction.atomic(using=ARCHIVE):
            yield

def decorator_or_block(using=ARCHIVE):
    if callable(using):
        return transaction.atomic(ARCHIVE)(using)
    return transaction.atomic(using)
"""


def test_atomic_wrappers_open_blocks_on_their_alias(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/tx.py": WRAPPERS, "shop/jobs.py": """
        from django.db import transaction
        from shop import tx
        from shop.models import Author
        from shop.tx import archive_atomic, atomic_on, block_on

        def covered():
            with transaction.atomic():
                with archive_atomic():
                    Author.objects.using("other").create(name="a")
                with atomic_on("other"):
                    Author.objects.using("other").create(name="a")
                with block_on("other"):
                    Author.objects.using("other").create(name="a")
                with tx.block_on(alias="other"):
                    Author.objects.using("other").create(name="a")

        def not_covered():
            with archive_atomic():
                Author.objects.using("default").create(name="a")
            with block_on("default"):
                Author.objects.using("other").create(name="a")

        @atomic_on("default")
        def decorated():
            Author.objects.using("other").create(name="a")
    """})
    found = linter.lint_path(tmp_path / "shop/jobs.py")[0]
    assert [(f.line, f.code) for f in found] == [(20, "MDB401"), (22, "MDB401"), (26, "MDB401")]
    first = found[0]
    assert "'other' (archive_atomic())" in first.message
    [block] = first.data["atomic"]
    assert block["aliases"] == ["other"] and block["source"]["how"] == "archive_atomic()"
    assert block["source"]["at"]["path"].endswith("shop/tx.py") and block["source"]["at"]["line"] == 5
    assert "'default' (block_on())" in found[1].message


def test_blocks_mdblint_cannot_read_silence_the_writes_inside(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/tx.py": WRAPPERS, "shop/jobs.py": """
        from django.db import transaction
        from shop.models import Author
        from shop.tx import decorator_or_block, maybe_block

        def run(wrapper, lib):
            with transaction.atomic():
                with maybe_block(True):
                    Author.objects.using("other").create(name="a")
                with decorator_or_block():
                    Author.objects.using("other").create(name="a")
                with wrapper():
                    Author.objects.using("other").create(name="a")
                with lib.kc_atomic():
                    Author.objects.using("other").create(name="a")

        @decorator_or_block
        def decorated():
            with transaction.atomic():
                pass
            Author.objects.using("default").create(name="a")

        def still_reported():
            with transaction.atomic():
                with open("x"):
                    Author.objects.using("other").create(name="a")

        @transaction.non_atomic_requests
        def view(request):
            with transaction.atomic():
                Author.objects.using("other").create(name="a")
    """})
    assert [(f.line, f.code) for f in linter.lint_path(tmp_path / "shop/jobs.py")[0]] == [(26, "MDB401"), (31, "MDB401")]


# -- (b) attributes set by the class hierarchy -------------------------------------------------

LOADERS = """
from django.conf import settings
from shop.models import Book

def pick(context):
    if getattr(context, "replica", True):
        return "other"
    return "default"

class BaseLoader:
    database: str

    def __init__(self, context):
        self.database = pick(context)
        self.archive = settings.ARCHIVE

class BookLoader(BaseLoader):
    def load(self):
        return Book.objects.using(self.database).count() + Book.objects.using(self.archive).count()

class Service:
    db = "default"

    def run(self):
        return Book.objects.using(self.db).count()

class ArchiveService(Service):
    db = "other"

class Plain:
    db = "default"

    def run(self):
        return Book.objects.using(self.db).count()

class Tampered:
    alias = "default"

    def run(self):
        return Book.objects.using(self.alias).count()

class FromParameter:
    def __init__(self, alias):
        self.alias2 = alias

    def run(self):
        return Book.objects.using(self.alias2).count()

class Changed:
    name = "default"

    def switch(self):
        self.name += "x"

    def run(self):
        return Book.objects.using(self.name).count()
"""


def test_attributes_union_over_the_class_hierarchy(tmp_path: Path) -> None:
    settings = SETTINGS + 'ARCHIVE = "other"\n'
    linter = make(tmp_path, {"shop/loaders.py": LOADERS, "shop/other.py": """
        def tamper(service):
            service.alias = "other"
    """, "shop/tests/test_loaders.py": """
        def test_load(loader):
            loader.database = "mocked"
    """}, settings=settings)
    found = sites(linter, tmp_path / "shop/loaders.py")
    first, archive = sorted((s for s in linter.alias_sites(tmp_path / "shop/loaders.py") if s["line"] == 19),
                            key=lambda s: s["column"])
    assert set(first["aliases"]) == {"default", "other"} and not first["unknown"]
    assert first["aliases"]["other"]["how"] == "literal via self.database in BaseLoader.__init__()"
    assert first["aliases"]["other"]["line"] == 7 and first["form"] == "attribute"
    source = archive["aliases"]["other"]
    assert source["how"] == "settings.ARCHIVE via self.archive in BaseLoader.__init__()"
    assert source["path"].endswith("site/settings.py") and source["line"] == 4
    # Service.run may run on an ArchiveService: both class attributes.
    assert set(found[25]["aliases"]) == {"default", "other"} and not found[25]["unknown"]
    assert set(found[34]["aliases"]) == {"default"}
    assert found[40]["unknown"] == "attribute self.alias (set outside its class)"
    assert found[47]["unknown"] == ("attribute self.alias2 (set in FromParameter.__init__() from its parameter alias "
                                    "(FromParameter is not constructed in the project))")
    assert found[56]["unknown"] == "attribute self.name (Changed.switch() changes self.name in place)"


def test_attribute_aliases_reach_the_rules(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from django.db import transaction
        from shop.models import Author

        class Archiver:
            database = "other"

            def __init__(self):
                self.primary = "default"

            def run(self):
                with transaction.atomic(using=self.primary):
                    Author.objects.using(self.database).create(name="a")
                with transaction.atomic(using=self.database):
                    Author.objects.using(self.database).create(name="a")
    """})
    [finding] = linter.lint_path(tmp_path / "shop/jobs.py")[0]
    assert (finding.line, finding.code) == (13, "MDB401")
    assert "'other' (literal via self.database in Archiver.database)" in finding.message
    assert finding.data["atomic"][0]["source"]["how"] == "literal via self.primary in Archiver.__init__()"


def test_attributes_of_django_classes_and_unreadable_bases_stay_unknown(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from django.db import models
        from somewhere import Mixin
        from shop.models import Author

        class Custom(models.Manager):
            db_name = "other"
            def run(self):
                return Author.objects.using(self.db_name).count()

        class External(Mixin):
            _db = "other"
            def run(self):
                return Author.objects.using(self._db).count()

        class Dynamic:
            x = "other"
            def __init__(self, **kw):
                for k, v in kw.items():
                    setattr(self, k, v)
            def run(self):
                return Author.objects.using(self.x).count()

        class View(Mixin):
            database = "other"
            def __init__(self):
                self.replica = "default"
            def get(self):
                return Author.objects.using(self.database).count() + Author.objects.using(self.replica).count()
    """})
    found = sites(linter, tmp_path / "shop/jobs.py")
    assert found[9]["unknown"] == "attribute self.db_name (a base class mdblint cannot read)"
    assert found[14]["unknown"] == "attribute self._db (a base outside the project may set it)"
    assert found[22]["unknown"] == "attribute self.x (Dynamic.__init__() calls setattr(self, ...))"
    # Mixin may set class attributes from its arguments (as View does with as_view(**initkwargs));
    # what __init__ assigns after it is still known.
    database, replica = sorted((s for s in linter.alias_sites(tmp_path / "shop/jobs.py") if s["line"] == 29),
                               key=lambda s: s["column"])
    assert database["unknown"] == "attribute self.database (a class attribute of a class with a base outside the project)"
    assert list(replica["aliases"]) == ["default"] and not replica["unknown"]


# -- (c) Django's carriers, (d) routers --------------------------------------------------------

ROUTED = SETTINGS + 'DATABASE_ROUTERS = ["site.routers.Router"]\n'
ROUTER = """
class Router:
    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db == "other":
            return "other"
        return "default"

    def db_for_write(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db == "other":
            return "other"
        return "default"
"""
MANAGED = MODELS.replace("class Author(models.Model):", '''class AuthorQuerySet(models.QuerySet):
    def books(self):
        return Book.objects.using(self._db)

    def books_on_db(self):
        return Book.objects.using(self.db)

class Author(models.Model):
    objects = AuthorQuerySet.as_manager()''')


def test_carriers_and_routers(tmp_path: Path) -> None:
    linter = make(tmp_path, {"site/routers.py": ROUTER, "shop/models.py": MANAGED, "shop/jobs.py": """
        from django.db import router, transaction
        from shop.models import Author, Book

        def run(pk, unknown):
            qs = Author.objects.using("other").filter(pk=pk)
            Book.objects.using(qs.db).count()
            Book.objects.using(Author.objects.db).count()
            author = qs.get()
            Book.objects.using(author._state.db).count()
            Book.objects.using(Author(name="x")._state.db).count()
            Book.objects.using(router.db_for_write(Author)).count()
            Book.objects.using(router.db_for_read(Author, instance=author)).count()
            Book.objects.using(router.db_for_read(unknown)).count()
            Book.objects.using(Author.objects.filter(pk=pk).db).count()
            with transaction.atomic(using=router.db_for_write(Author)):
                Author.objects.using("other").books().update(author=None)
                Author.objects.using("other").books_on_db().update(author=None)
                Author.objects.all().books().update(author=None)
    """}, settings=ROUTED)
    found = sites(linter, tmp_path / "shop/jobs.py")
    def aliases(line):
        return {a: v["how"] for a, v in found[line]["aliases"].items()}
    assert aliases(7) == {"other": "literal via qs.db"} and found[7]["form"] == "carrier"
    assert aliases(8) == {"default": "routed by Router.db_for_read via Author.objects.db"}
    assert aliases(10) == {"other": "literal via author._state.db"}
    assert found[11]["unknown"].startswith("carrier ") and found[11]["unknown"].endswith("(None: not bound to a database)")
    assert aliases(12) == {"default": "routed by Router.db_for_write"} and found[12]["form"] == "router"
    assert aliases(13) == {"other": "routed by Router.db_for_read"}
    assert found[14]["unknown"].startswith("router.db_for_read()")
    # an unbound queryset reads on "default" and would write on "default": both agree
    assert aliases(15) == {"default": "routed by Router.db_for_read via Author.objects.filter(pk=pk).db"}
    reported = [(f.line, f.code) for f in linter.lint_path(tmp_path / "shop/jobs.py")[0]]
    # The querysets' custom methods keep the receiver's alias through self._db / self.db; an
    # unbound receiver's self._db is None (routed): not judged.
    assert reported == [(17, "MDB401"), (18, "MDB401")]


# -- (e) parameters: what every caller passes --------------------------------------------------

def test_parameters_union_of_every_caller(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/helpers.py": """
        from shop.models import Book

        ARCHIVE = "other"

        def count(using="default"):
            return Book.objects.using(using).count()

        def relay(alias):
            return count(using=alias)

        def one_caller(alias):
            return Book.objects.using(alias).count()

        def as_value(alias):
            return Book.objects.using(alias).count()

        def uncalled(alias):
            return Book.objects.using(alias).count()

        def unknown_caller(alias):
            return Book.objects.using(alias).count()

        HANDLERS = [as_value]
    """, "shop/jobs.py": """
        from shop import helpers
        from shop.helpers import count, one_caller, relay, unknown_caller

        def run(x):
            count()
            helpers.count(helpers.ARCHIVE)
            relay("other")
            one_caller("other")
            unknown_caller(x)
    """})
    found = sites(linter, tmp_path / "shop/helpers.py")
    assert set(found[7]["aliases"]) == {"default", "other"} and not found[7]["unknown"]
    # "default": the default, where jobs.py:6 omits it; "other": relayed from jobs.py:8 by relay()
    assert found[7]["aliases"]["default"]["how"].startswith("literal passed as using at ")
    assert found[7]["aliases"]["default"]["how"].endswith("shop/jobs.py:6")
    assert "shop/jobs.py:8 passed as using at " in found[7]["aliases"]["other"]["how"]
    assert found[13]["aliases"]["other"]["how"].startswith("literal passed as alias at ")
    assert found[16]["unknown"].startswith("parameter alias (as_value() is used as a value at ")
    assert found[19]["unknown"] == "parameter alias (uncalled() has no caller in the project)"
    assert found[22]["unknown"].startswith("parameter alias (a caller passes its parameter x")


def test_generic_bases_and_sites_at_calls(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/loaders.py": """
        from typing import Generic, TypeVar
        from shop.models import Book

        T = TypeVar("T")

        class Loader(Generic[T]):
            def __init__(self):
                self.database = "other"

        class BookLoader(Loader[int]):
            def load(self):
                return Book.objects.using(self.database).count()

        def count(using):
            return Book.objects.using(using).count()

        def run():
            return count("other")
    """})
    found = sites(linter, tmp_path / "shop/loaders.py")
    assert list(found[13]["aliases"]) == ["other"] and not found[13]["unknown"]
    # count()'s site as its caller sees it: the caller's alias, no longer "parameter using"
    assert list(found[19]["aliases"]) == ["other"] and found[19]["unknown"] is None


def test_unbound_queryset_db_when_reads_and_writes_route_apart(tmp_path: Path) -> None:
    linter = make(tmp_path, {"site/routers.py": """
        class Router:
            def db_for_read(self, model, **hints):
                return "other"

            def db_for_write(self, model, **hints):
                return "default"
    """, "shop/jobs.py": """
        from shop.models import Author, Book

        def run():
            Book.objects.using(Author.objects.filter(name="a").db).count()
            Book.objects.using(Author.objects.db).count()
    """}, settings=ROUTED)
    found = sites(linter, tmp_path / "shop/jobs.py")
    # a queryset's db follows db_for_write once a write method or select_for_update() ran on it
    assert found[5]["unknown"].endswith(".db (reads and writes of its model route apart)")
    assert list(found[6]["aliases"]) == ["other"]   # a manager's db is always the read answer


def test_method_parameters_union_of_every_call(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/services.py": """
        from django.db import transaction
        from shop.models import Book

        class Exporter:
            def __init__(self, name):
                self.name = name

            def export(self, using="default"):
                return Book.objects.using(using).count()

            def relay(self, alias):
                return self.export(using=alias)

            @classmethod
            def build(cls, alias):
                return Book.objects.using(alias).count()

            @staticmethod
            def plain(alias):
                return Book.objects.using(alias).count()

            def as_value(self, alias):
                return Book.objects.using(alias).count()

            def uncalled(self, alias):
                return Book.objects.using(alias).count()

            @property
            def decorated(self, alias="other"):
                return Book.objects.using(alias).count()

        class Child(Exporter):
            def run(self):
                self.export()
                super().relay("other")
                Exporter.build("other")
                self.plain(alias="other")
                return self.as_value
    """, "shop/jobs.py": """
        from shop.services import Exporter

        def job(x):
            Exporter("a").export("default")
            Exporter.relay(Exporter("b"), "other")
    """})
    found = sites(linter, tmp_path / "shop/services.py")
    assert set(found[10]["aliases"]) == {"default", "other"} and not found[10]["unknown"], found[10]
    assert found[17]["aliases"]["other"]["how"].startswith("literal passed as alias at ")
    assert not found[17]["unknown"] and not found[21]["unknown"]
    assert found[24]["unknown"].startswith("parameter alias (Exporter.as_value() is used as a value at ")
    assert found[27]["unknown"] == "parameter alias (Exporter.uncalled() has no caller in the project)"
    assert found[31]["unknown"] == "parameter alias (Exporter.decorated() is decorated)"


def test_method_parameters_of_classes_outside_the_project_stay_unknown(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/views.py": """
        from django.views import View
        from shop.models import Book

        class Report(View):
            def count(self, alias):
                return Book.objects.using(alias).count()

            def get(self, request):
                return self.count("other")
    """})
    found = sites(linter, tmp_path / "shop/views.py")
    assert found[7]["unknown"].startswith("parameter alias (Report.count() is in a class with a base outside")


def test_method_parameters_of_classes_named_in_settings_stay_unknown(tmp_path: Path) -> None:
    settings = SETTINGS + 'DATABASE_ROUTERS = ["shop.routers.Router"]\n'
    linter = make(tmp_path, {"shop/routers.py": """
        from shop.models import Book

        class Router:
            def allow_migrate(self, db, app_label, **hints):
                return Book.objects.using(db).exists()

        def check():
            return Router().allow_migrate("default", "shop")
    """}, settings=settings)
    found = sites(linter, tmp_path / "shop/routers.py")
    assert found[6]["unknown"].startswith("parameter db (Router.allow_migrate() is in class shop.routers.Router, named")


def test_attributes_set_from_constructor_parameters(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/copy.py": """
        from shop.models import Book

        class Data:
            def __init__(self, source, target, **kwargs):
                self.source = source
                self.target = target

            def copy(self):
                return Book.objects.using(self.source).count() + Book.objects.using(self.target).count()

        class Decent(Data):
            pass

        class Massive(Data):
            def __init__(self, source, target, size=3):
                super().__init__(source, target)

            @classmethod
            def build(cls):
                return cls("default", target="other")

        class Loose:
            def __init__(self, alias):
                self.alias = alias

            def count(self):
                return Book.objects.using(self.alias).count()

        def run(x):
            Decent(source="default", target="other").copy()
            Massive("default", "other").copy()
            Loose("other")
            return [Loose]
    """})
    found = sites(linter, tmp_path / "shop/copy.py")
    assert set(found[10]["aliases"]) == {"other"} and not found[10]["unknown"], found[10]
    first = min((s for s in linter.alias_sites(tmp_path / "shop/copy.py") if s["line"] == 10), key=lambda s: s["column"])
    assert set(first["aliases"]) == {"default"} and not first["unknown"]
    how = first["aliases"]["default"]["how"]
    assert "via self.source in Data.__init__()" in how and "passed as source at" in how
    assert found[28]["unknown"].startswith("attribute self.alias (set in Loose.__init__() from its parameter alias "
                                           "(class shop.copy.Loose is used as a value at ")


def test_a_setting_default_not_in_databases_is_mdb501_and_its_unknown_part_keeps_other_rules_silent() -> None:
    from tests.helpers import SAMPLES, load_sample
    from mdblint.engine import Linter
    from mdblint.checks import select_rules

    project = load_sample("envsite")
    linter = Linter(project, select_rules())
    source = (b"from django.conf import settings\nfrom ledger.models import Account\n\n\ndef f():\n"
              b"    Account.objects.using(settings.REPORTS_DB).count()\n"
              b"    Account.objects.using(settings.READ_DB).count()\n"
              b"    Account(name='x').save(using=settings.READ_DB)\n"
              b"    Account(name='y').save(using=settings.EXPORT_DB)\n")
    findings, _ = linter.lint_bytes(SAMPLES / "envsite" / "ledger" / "probe.py", source)
    assert sorted((f.line, f.code) for f in findings) == [(6, "MDB501"), (9, "MDB402")]
    assert "'reports'" in findings[0].message if findings[0].line == 6 else True


# -- (9) containers: concatenation, splicing, zip, dict comprehensions ------------------------

def test_container_items_carry_their_aliases(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from shop.models import Book

        KEEP = ["default"]

        def run(unknown):
            joined = KEEP + ["other"]
            spliced = [*KEEP, "other"]
            Book.objects.using(joined[-1]).count()
            Book.objects.using(spliced[1]).count()
            Book.objects.using(joined[0]).count()
            Book.objects.using((unknown + ["other"])[0]).count()
            Book.objects.using([*unknown, "other"][0]).count()
            for alias, name in zip(["other"], ["x"]):
                Book.objects.using(alias).count()
            picked = {a: Book.objects.using(a) for a in ["other"]}
            picked["other"].count()
    """})
    found = sites(linter, tmp_path / "shop/jobs.py")
    assert set(found[9]["aliases"]) == {"other"} and not found[9]["unknown"], found[9]
    assert set(found[10]["aliases"]) == {"other"} and not found[10]["unknown"], found[10]
    assert set(found[11]["aliases"]) == {"default"} and not found[11]["unknown"], found[11]
    for line in (12, 13):   # a list mdblint cannot read item by item stays unknown
        assert found[line]["unknown"] or not found[line]["aliases"], found[line]
    assert set(found[15]["aliases"]) == {"other"} and not found[15]["unknown"], found[15]


def test_connection_carries_its_alias(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from django.db import connections
        from shop.models import Book

        def run(unknown):
            conn = connections["other"]
            Book.objects.using(conn.alias).count()
            Book.objects.using(connections[unknown].alias).count()
            Book.objects.using(unknown.alias).count()
    """})
    found = sites(linter, tmp_path / "shop/jobs.py")
    assert set(found[7]["aliases"]) == {"other"} and not found[7]["unknown"], found[7]
    for line in (8, 9):   # an alias mdblint does not know stays unknown
        assert found[line]["unknown"] and not found[line]["aliases"], found[line]


def test_transaction_get_connection_carries_its_alias(tmp_path: Path) -> None:
    # `transaction.get_connection(using)` is the connection of `using` ("default" without it); its
    # `.alias` carries that alias on, also through a helper's parameter and a helper's return value
    # (from another module); a connection of an alias mdblint does not know stays unknown.
    linter = make(tmp_path, {"shop/conns.py": """
        from django.db import connections, transaction

        def archive_connection():
            return transaction.get_connection("other")

        def connection_for(using):
            return connections[using]
    """, "shop/jobs.py": """
        from django.db import transaction
        from shop.conns import archive_connection, connection_for
        from shop.models import Book

        def count_on(using):
            conn = transaction.get_connection(using)
            return Book.objects.using(conn.alias).count()

        def run(unknown):
            conn = transaction.get_connection("other")
            Book.objects.using(conn.alias).count()
            Book.objects.using(transaction.get_connection().alias).count()
            Book.objects.using(archive_connection().alias).count()
            Book.objects.using(connection_for("other").alias).count()
            Book.objects.using(transaction.get_connection(unknown).alias).count()
            Book.objects.using(connection_for(unknown).alias).count()
            count_on("other")
    """})
    found = {s["line"]: s for s in linter.alias_sites(tmp_path / "shop/jobs.py") if s["kind"] == ".using()"}
    for line in (8, 12, 14, 15):
        assert set(found[line]["aliases"]) == {"other"} and not found[line]["unknown"], found[line]
    assert found[13]["aliases"] == {"default": {"how": "get_connection() without using", "path": found[13]["path"],
                                                "line": 13}}, found[13]
    assert found[14]["aliases"]["other"]["line"] == 5 and found[14]["aliases"]["other"]["path"].endswith("conns.py")
    for line in (16, 17):
        assert found[line]["unknown"] and not found[line]["aliases"], found[line]


def test_property_and_cached_property_returning_an_alias(tmp_path: Path) -> None:
    # `@cached_property`/`@property` whose whole body returns a value not depending on self reads
    # like a class attribute; a body that reads self or does more stays unknown.
    settings = SETTINGS + 'ARCHIVE = "other"\n'
    linter = make(tmp_path, {"shop/jobs.py": """
        from django.conf import settings
        from django.utils.functional import cached_property
        from shop.models import Author

        class Archiver:
            @cached_property
            def database(self):
                \"\"\"Where the archive lives.\"\"\"
                return settings.ARCHIVE

            @property
            def primary(self):
                return "default"

            @cached_property
            def chosen(self):
                return self.primary

            @cached_property
            def computed(self):
                name = "other"
                return name

            def run(self):
                Author.objects.using(self.database).count()
                Author.objects.using(self.primary).count()
                Author.objects.using(self.chosen).count()
                Author.objects.using(self.computed).count()
    """}, settings=settings)
    found = sites(linter, tmp_path / "shop/jobs.py")
    assert set(found[26]["aliases"]) == {"other"} and not found[26]["unknown"]
    assert found[26]["aliases"]["other"]["how"] == "settings.ARCHIVE via self.database in Archiver.database"
    assert set(found[27]["aliases"]) == {"default"} and not found[27]["unknown"]
    assert found[28]["unknown"] == "attribute self.chosen (Archiver.chosen is a method or property)"
    assert found[29]["unknown"] == "attribute self.computed (Archiver.computed is a method or property)"


def test_request_user_is_on_the_database_the_routers_read_users_from(tmp_path: Path) -> None:
    # Django's ModelBackend loads request.user through the user model's default manager: with no
    # routers, from "default". A view's request (first parameter; `self.request` in a view class)
    # gives it; a helper's `request` parameter or a custom backend does not.
    models = MODELS + textwrap.dedent("""
        class Note(models.Model):
            owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    """)
    views = """
        from django.views import View
        from shop.models import Note

        def claim(request, pk):
            note = Note.objects.using("other").get(pk=pk)
            note.owner = request.user

        class Claim(View):
            def post(self, request, pk):
                note = Note.objects.using("other").get(pk=pk)
                note.owner = self.request.user
                note.owner = request.user

        def helper(request, pk):
            note = Note.objects.using("other").get(pk=pk)
            note.owner = request.user
        helper(object(), 1)

        def same(request, pk):
            note = Note.objects.get(pk=pk)
            note.owner = request.user
    """
    linter = make(tmp_path, {"shop/models.py": models, "shop/views.py": views})
    got = findings(linter, tmp_path / "shop/views.py")
    assert [(line, code) for line, code, _ in got] == [(7, "MDB101"), (12, "MDB101"), (13, "MDB101")], got
    assert "a User from 'default'" in got[0][2]
    custom = make(tmp_path / "custom", {"shop/models.py": models, "shop/views.py": views},
                  SETTINGS + 'AUTHENTICATION_BACKENDS = ["shop.auth.TokenBackend"]\n')
    assert findings(custom, tmp_path / "custom/shop/views.py") == []


RELATED_MODELS = """
from django.db import models

class Author(models.Model):
    name = models.CharField(max_length=10)

class Book(models.Model):
    author = models.ForeignKey(Author, null=True, on_delete=models.CASCADE)
    readers = models.ManyToManyField(Author, related_name="read")
"""


def test_related_writes_of_helpers_are_judged_with_the_callers_instances(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/models.py": RELATED_MODELS, "shop/links.py": """
        def credit(book, reader):
            book.readers.add(reader)

        def adopt(author, book):
            author.book_set.add(book, bulk=False)
    """, "shop/jobs.py": """
        from shop.links import adopt, credit
        from shop.models import Author, Book

        def credit_later(book, reader):
            credit(book, reader)

        def run(unknown):
            book = Book.objects.using("other").get(pk=1)
            ada = Author.objects.using("default").get(pk=1)
            archivist = Author.objects.using("other").get(pk=2)
            credit(book, ada)
            credit(book, archivist)
            credit_later(book, ada)
            adopt(ada, book)
            adopt(archivist, book)
            credit(unknown, ada)
    """})
    found = [(f.line, f.code, f.message) for f in linter.lint_path(tmp_path / "shop/jobs.py")[0] if f.code == "MDB102"]
    assert [(line, code) for line, code, _ in found] == [(12, "MDB102"), (14, "MDB102"), (15, "MDB102")]
    assert found[0][2].endswith("(through credit(), its readers.add() at " + str(tmp_path / "shop/links.py") + ":3)") or found[0][2].endswith("shop/links.py:3)")
    assert "Book.readers.add() on 'other' is given a Author from 'default'" in found[1][2]
    assert "Author.book_set.add() on 'default' is given a Book from 'other'" in found[2][2]


def test_keyword_unpacking_of_dicts_known_item_by_item(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/jobs.py": """
        from shop.models import Author, Book

        def run(unknown):
            author = Author.objects.using("default").get(pk=1)
            data = {"author": author}
            Book.objects.using("other").create(**data)
            fields = dict(author=author)
            Book.objects.using("other").create(**fields)
            later = {}
            later.update(author=author)
            Book.objects.using("other").create(**later)
            dropped = {"author": author}
            dropped.pop("author")
            Book.objects.using("other").create(**dropped)
            Book.objects.using("other").create(**unknown)
            same = {"author": Author.objects.using("other").get(pk=1)}
            Book.objects.using("other").create(**same)
            opts = {"using": "other"}
            author.save(**opts)
    """})
    path = tmp_path / "shop/jobs.py"
    assert sorted({(line, code) for line, code, _ in findings(linter, path)}) == \
        [(7, "MDB104"), (9, "MDB104"), (12, "MDB104")]
    assert set(sites(linter, path)[20]["aliases"]) == {"other"}


# -- custom managers and querysets (issue 10, 8; 4.3) ---------------------------------------------

REPLICA = """
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]
DATABASES = {"default": {}, "replica": {"TEST": {"MIRROR": "default"}}}
"""
SELF_DB = MODELS.replace("class Author(models.Model):", '''class AuthorManager(models.Manager):
    def shelve(self, author):
        return Book.objects.using(self._db).create(author=author)

    def named(self, name):
        return self.using(self._db).filter(name=name)

class Author(models.Model):
    objects = AuthorManager()''')


def test_custom_manager_method_judged_at_the_call_with_the_receivers_alias(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/models.py": SELF_DB, "shop/jobs.py": """
        from shop.models import Author

        def run(author):
            Author.objects.db_manager("replica").shelve(author)
            Author.objects.db_manager("default").shelve(author)
            Author.objects.shelve(author)
            Author.objects.db_manager("replica").named("x").update(name="y")
    """}, settings=REPLICA)
    reported = [(line, code) for line, code, _ in findings(linter, tmp_path / "shop/jobs.py")]
    # the write inside shelve() goes where self._db says: the receiver's alias, at the call; an
    # unbound manager's self._db is None (routed): not judged
    assert reported == [(5, "MDB402"), (8, "MDB402")]
    assert findings(linter, tmp_path / "shop/models.py") == []


def test_custom_manager_method_with_a_function_level_import(tmp_path: Path) -> None:
    models = MODELS.replace("from django.db import models", "from django.db import models\nfrom shop.managers import AuthorManager") \
        .replace("class Author(models.Model):", "class Author(models.Model):\n    objects = AuthorManager()")
    linter = make(tmp_path, {"shop/models.py": models, "shop/managers.py": """
        from django.db import models

        class AuthorManager(models.Manager):
            def shelve(self, author):
                from shop.models import Book
                return Book.objects.using(self._db).create(author=author)
    """, "shop/jobs.py": """
        from shop.models import Author

        def run(author):
            Author.objects.db_manager("replica").shelve(author)
    """}, settings=REPLICA)
    assert [(line, code) for line, code, _ in findings(linter, tmp_path / "shop/jobs.py")] == [(5, "MDB402")]


def test_manager_factory_followed_to_its_one_return(tmp_path: Path) -> None:
    models = MODELS.replace("class Author(models.Model):", '''class AuthorQuerySet(models.QuerySet):
    def named(self, name):
        return self.filter(name=name)

def author_manager():
    return models.Manager.from_queryset(AuthorQuerySet)()

def either_manager(flag):
    if flag:
        return AuthorQuerySet.as_manager()
    return models.Manager()

class Author(models.Model):
    objects = author_manager()''').replace("class Book(models.Model):", "class Book(models.Model):\n    objects = either_manager(True)")
    linter = make(tmp_path, {"shop/models.py": models, "shop/jobs.py": """
        from shop.models import Author

        def run():
            Author.objects.db_manager("replica").named("x").update(name="y")
            Author.objects.db_manager("default").named("x").update(name="y")
            Book.objects.db_manager("replica").named("x").update(author=None)
    """}, settings=REPLICA)
    # a factory returning one of several managers is not followed: unknown, silent
    assert [(line, code) for line, code, _ in findings(linter, tmp_path / "shop/jobs.py")] == [(5, "MDB402")]


def test_subquery_over_a_model_routed_elsewhere_without_using(tmp_path: Path) -> None:
    linter = make(tmp_path, {"site/routers.py": """
        MODEL_DATABASES = {"author": "other"}

        class Router:
            def db_for_read(self, model, **hints):
                return MODEL_DATABASES.get(model._meta.model_name)

            db_for_write = db_for_read
    """, "shop/jobs.py": """
        from django.db.models import Exists, OuterRef
        from shop.models import Author, Book

        def run():
            Book.objects.filter(author__in=Author.objects.filter(name="a")).count()
            Book.objects.filter(Exists(Author.objects.filter(pk=OuterRef("author_id")))).count()
            Book.objects.using("other").filter(author__in=Author.objects.all()).count()
            Book.objects.filter(author__in=list(Author.objects.all())).count()
            Book.objects.filter(author__name__in=Author.objects.values("name")).count()
    """}, settings=ROUTED)
    found = [(line, code) for line, code, _ in findings(linter, tmp_path / "shop/jobs.py") if code.startswith("MDB2")]
    # the inner queryset has no database of its own: Django runs it on the outer query's, "default"
    assert found == [(6, "MDB202"), (7, "MDB202"), (10, "MDB202")]
    # a router that sends every model's reads to one alias: the inner one runs where the outer one
    # does, and the rows it means may be there (Django's own test_subquery)
    linter = make(tmp_path, {"site/routers.py": ROUTER}, settings=ROUTED)
    (tmp_path / "shop/jobs.py").write_text("from shop.models import Author, Book\n\n\ndef run():\n"
                                           "    Book.objects.using('other').filter(author__in=Author.objects.all()).count()\n")
    assert [f for f in findings(linter, tmp_path / "shop/jobs.py") if f[1].startswith("MDB2")] == []


def test_helpers_parameterised_by_a_model_are_evaluated_per_call(tmp_path: Path) -> None:
    linter = make(tmp_path, {"shop/helpers.py": """
        ARCHIVE = "other"

        def archived(model):
            return model.objects.using(ARCHIVE)

        def on(model, alias):
            return model.objects.using(alias)
    """, "shop/jobs.py": """
        from shop.helpers import archived, on
        from shop.models import Author, Book

        def run(unknown):
            book = archived(Book).get(pk=1)
            book.author = Author.objects.using("default").get(pk=1)
            book.author = archived(Author).get(pk=1)
            book.author = on(Author, "default").get(pk=1)
            book.author = on(Author, "other").get(pk=1)
            book.author = archived(unknown).get(pk=1)
    """})
    found = [f.line for f in linter.lint_path(tmp_path / "shop/jobs.py")[0] if f.code == "MDB101"]
    assert found == [7, 9]
