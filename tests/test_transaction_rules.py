"""MDB404-MDB407 and ATOMIC_REQUESTS: behaviour beyond the catalog's fixtures (what stays silent,
what the findings say)."""

from __future__ import annotations

import textwrap

from mdblint.engine import lint_source
from tests.helpers import SAMPLES, load_sample


def lint(source: str, select: str, sample: str = "bookstore", path: str = "catalog/probe.py"):
    project = load_sample(sample)
    return lint_source(textwrap.dedent(source), SAMPLES / sample / path, project, [select])


HEAD = """\
from django.db import transaction
from catalog.models import Publisher
"""


def test_mdb404_outside_every_block_is_silent():
    # The function may run inside a caller's atomic block on "other": not proven.
    assert lint(HEAD + """
def lock(pk):
    return Publisher.objects.using("other").select_for_update().get(pk=pk)
""", "MDB404") == []


def test_mdb404_unevaluated_or_unknown_alias_is_silent():
    assert lint(HEAD + """
def lock(pk, db):
    with transaction.atomic():
        qs = Publisher.objects.using("other").select_for_update()
        other = Publisher.objects.using(db).select_for_update().get(pk=pk)
    return qs
""", "MDB404") == []


def test_mdb404_tasks_run_outside_any_transaction():
    # A task queue's worker calls the task outside any block; a task also called by name in its
    # module may run inside the caller's block (silent), as may a plain function.
    findings = lint("""
from celery import shared_task
from django.db import transaction
from myproject.celery import app
from catalog.models import Publisher


@shared_task
def rename(pk):
    publisher = Publisher.objects.select_for_update().get(pk=pk)


@app.task(bind=True)
def archive(self, pk):
    return list(Publisher.objects.using("other").select_for_update().filter(pk=pk))


@app.task
def locked_in_block(pk):
    with transaction.atomic():
        return Publisher.objects.select_for_update().get(pk=pk)


@shared_task
def called_directly(pk):
    return Publisher.objects.select_for_update().get(pk=pk)


def caller(pk):
    with transaction.atomic():
        called_directly(pk)


def in_a_block(fn):
    def wrapper(*args):
        with transaction.atomic():
            return fn(*args)
    return wrapper


@shared_task
@in_a_block
def wrapped_by_a_decorator_that_opens_a_block(pk):
    return Publisher.objects.select_for_update().get(pk=pk)


@shared_task
async def not_run_by_a_worker_in_a_transaction_we_know(pk):
    return await Publisher.objects.select_for_update().aget(pk=pk)
""", "MDB404")
    assert [(f.line, f.code) for f in findings] == [(10, "MDB404"), (15, "MDB404")]
    assert "in a task" in findings[0].message and "'default'" in findings[0].message
    assert findings[1].data["entry"] == "task" and "'other'" in findings[1].message


def test_mdb404_through_helpers_to_a_command():
    # handle() calls a helper that calls the locking helper: reported at handle's call; the same
    # chain called inside atomic() is silent, and a helper nothing calls is silent.
    findings = lint(HEAD + """
from django.core.management.base import BaseCommand


def lock(pk):
    return Publisher.objects.select_for_update().get(pk=pk)


def rename(pk):
    publisher = lock(pk)
    publisher.save()


def unused(pk):
    return lock(pk)


class Command(BaseCommand):
    def handle(self, *args, **options):
        rename(1)
        with transaction.atomic():
            rename(2)


class Other(BaseCommand):
    @transaction.atomic
    def handle(self, *args, **options):
        rename(3)
""", "MDB404")
    assert [(f.line, f.code) for f in findings] == [(22, "MDB404")]
    assert "management command" in findings[0].message


def test_mdb404_reports_the_alias_and_the_block():
    findings = lint(HEAD + """
def lock(pk):
    with transaction.atomic(using="default"):
        return list(Publisher.objects.using("other").select_for_update())
""", "MDB404")
    assert [(f.line, f.code) for f in findings] == [(6, "MDB404")]
    assert "'other'" in findings[0].message and "'default'" in findings[0].message
    assert "TransactionManagementError" in findings[0].message


def test_mdb404_values_list_and_related_manager_keep_the_lock():
    findings = lint(HEAD + """
def lock(owner):
    owner = Publisher.objects.using("other").get(pk=1)
    with transaction.atomic():
        names = list(Publisher.objects.using("other").select_for_update().values_list("name", flat=True))
        books = owner.book_set.select_for_update().first()
""", "MDB404")
    assert [f.line for f in findings] == [7, 8]


MIGRATION = """\
from django.db import migrations


def forwards(apps, schema_editor):
    Publisher = apps.get_model("catalog", "Publisher")
{body}


class Migration(migrations.Migration):
    operations = [migrations.RunPython(forwards)]
"""


def migration(body: str, sample: str = "bookstore") -> list:
    return lint(MIGRATION.format(body=textwrap.indent(textwrap.dedent(body), "    ")), "MDB406", sample,
                "catalog/migrations/0002_data.py")


def test_mdb406_using_the_migrated_alias_is_silent():
    assert migration("""
        db = schema_editor.connection.alias
        Publisher.objects.using(db).update(name="x")
        Publisher.objects.db_manager(db).create(name="y")
        Publisher(name="z").save(using=db)
        qs = Publisher.objects.filter(name="x")
        qs.using(db).delete()
    """) == []


def test_mdb406_reports_a_queryset_evaluated_later():
    findings = migration("""
        qs = Publisher.objects.filter(name="x")
        for p in qs:
            pass
    """)
    assert [f.line for f in findings] == [8]
    assert "'replica'" in findings[0].message and "RunPython function forwards()" in findings[0].message


def test_mdb406_needs_a_function_run_by_runpython_and_a_second_database():
    assert lint("""
def forwards(apps, schema_editor):
    Publisher = apps.get_model("catalog", "Publisher")
    Publisher.objects.update(name="x")
""", "MDB406", path="catalog/migrations/0002_data.py") == []


def test_mdb406_is_the_only_rule_run_on_apps_migrations(tmp_path):
    import shutil

    from mdblint.engine import lint_paths
    from mdblint.model import Options

    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    (root / "catalog" / "migrations").mkdir()
    (root / "catalog" / "migrations" / "__init__.py").write_text("")
    (root / "catalog" / "migrations" / "0002_data.py").write_text(MIGRATION.format(body="""
    Publisher.objects.update(name="x")
    with transaction.atomic(using="other"):
        Publisher.objects.using("default").create(name="y")
""").replace("from django.db import migrations", "from django.db import migrations, transaction"))
    result = lint_paths([root], Options(cache=False))
    found = {(f.path.rsplit("/", 1)[-1], f.code) for f in result.findings}
    assert ("0002_data.py", "MDB406") in found
    assert not any(name == "0002_data.py" and code != "MDB406" for name, code in found)   # no MDB401
    only_401 = lint_paths([root], Options(cache=False, select=["MDB401"]))
    assert not any(f.path.endswith("0002_data.py") for f in only_401.findings)


SIGNAL_HEAD = """\
from django.db.models.signals import post_save, m2m_changed
from django.dispatch import receiver
from catalog.models import Publisher, Tag
"""


def test_mdb407_receivers_without_sender_or_with_using_are_silent():
    assert lint(SIGNAL_HEAD + """
@receiver(post_save)
def any_model(sender, instance, **kwargs):
    Tag.objects.create(name="x")


@receiver(post_save, sender=Publisher)
def passes(sender, instance, using, **kwargs):
    Tag.objects.using(using).create(name="x")
    instance.book_set.update(title="y")


def not_a_receiver(instance):
    Tag.objects.create(name="x")
""", "MDB407") == []


def test_mdb407_reports_a_connected_m2m_receiver():
    findings = lint(SIGNAL_HEAD + """
def tagged(sender, instance, action, **kwargs):
    Tag.objects.filter(name="stale").delete()


m2m_changed.connect(tagged, sender=Publisher)
""", "MDB407")
    assert [f.line for f in findings] == [6]
    assert "m2m_changed receiver tagged()" in findings[0].message and "'other'" in findings[0].message


def test_mdb407_without_routers_django_keeps_the_instance_database():
    # newsroom: "default" and "analytics", no routers: a Section saved on "analytics" stays there,
    # a Correction created with no hint goes to "default".
    findings = lint("""
from django.db.models.signals import post_save
from django.dispatch import receiver
from news.models import Correction, Section


@receiver(post_save, sender=Section)
def log(sender, instance, **kwargs):
    Correction.objects.create(note="x")
    instance.articles.update(title="y")
""", "MDB407", "newsroom", "news/probe.py")
    assert [f.line for f in findings] == [9]
    assert "on 'analytics' it writes to 'default'" in findings[0].message


VIEWS_HEAD = """\
from django.db import transaction
from django.utils.decorators import method_decorator
from django.views import View
from news.models import Section
"""


def views(source: str, select: str = "MDB401", path: str = "news/views.py") -> list[int]:
    return [f.line for f in lint(VIEWS_HEAD + source, select, "newsroom", path)]


def test_atomic_requests_is_read_from_settings():
    databases = load_sample("newsroom").settings.databases
    assert databases["analytics"].atomic_requests is True and databases["default"].atomic_requests is False


def test_atomic_requests_views_of_a_views_module():
    assert views("""
def create(request):
    Section.objects.create(name="x")


def helper(section):
    Section.objects.create(name="y")


async def acreate(request):
    await Section.objects.acreate(name="z")


class Edit(View):
    def post(self, request):
        Section.objects.create(name="w")
""") == [7, 20]


def test_atomic_requests_only_views_modules_or_urlpatterns():
    assert views("""
def create(request):
    Section.objects.create(name="x")
""", path="news/services.py") == []
    assert views("""
from django.urls import path


def create(req):
    Section.objects.create(name="x")


urlpatterns = [path("x/", create)]
""", path="news/services.py") == [10]


def test_non_atomic_requests_names_its_alias():
    assert views("""
@transaction.non_atomic_requests(using="analytics")
def create(request):
    Section.objects.create(name="x")


@transaction.non_atomic_requests
def still_atomic_on_analytics(request):
    Section.objects.create(name="y")


@method_decorator(transaction.non_atomic_requests(using="analytics"), name="dispatch")
class Edit(View):
    def post(self, request):
        Section.objects.create(name="w")
""") == [13]


def test_atomic_requests_mdb403_on_commit_in_a_view():
    assert views("""
def create(request):
    transaction.on_commit(lambda: None)
    transaction.on_commit(lambda: None, using="analytics")
""", "MDB403") == [7]


def test_mdb405_same_function_dominating_write_only():
    assert lint(HEAD + """
def branches(flag):
    if flag:
        Publisher.objects.create(name="x")
    else:
        return Publisher.objects.filter(name="x").exists()


def loop(names):
    for name in names:
        Publisher.objects.create(name=name)
    return Publisher.objects.count()


def read_first():
    n = Publisher.objects.count()
    Publisher.objects.create(name="x")
    return n


def write(name):
    Publisher.objects.create(name=name)


def read(name):
    return Publisher.objects.get(name=name)
""", "MDB405") == []


def test_mdb405_reports_read_after_write_with_both_sites():
    findings = lint(HEAD + """
def view():
    with transaction.atomic():
        Publisher.objects.bulk_create([Publisher(name="x")])
        for p in Publisher.objects.all():
            pass
    Publisher.objects.filter(name="x").update(name="y")
    return Publisher.objects.using("replica").get(name="y")
""", "MDB405")
    assert [f.line for f in findings] == [7, 10]
    assert "inside the transaction.atomic(using='default') block" in findings[0].message
    assert "right after the write" in findings[1].message and "Publisher.update()" in findings[1].message


def _variant(tmp_path, settings_edit, router_edit=None):
    import shutil

    from mdblint.discovery import ProjectRef, settings_from_manage_py
    from mdblint.project import load_project

    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    settings = root / "bookstore_site" / "settings.py"
    settings.write_text(settings_edit(settings.read_text()))
    if router_edit is not None:
        routers = root / "bookstore_site" / "routers.py"
        routers.write_text(router_edit(routers.read_text()))
    return root, load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))


def test_mdb402_a_router_defined_replica_without_mirror(tmp_path):
    root, project = _variant(tmp_path, lambda s: s.replace('"TEST": {"MIRROR": "default"},', ""))
    assert project.settings.databases["replica"].mirror is None
    source = HEAD + """
def archive():
    Publisher.objects.using("replica").create(name="x")
    Publisher.objects.using("other").create(name="y")
"""
    findings = lint_source(source, root / "catalog" / "probe.py", project, ["MDB402"])
    assert [(f.line, "the routers send reads there and no write" in f.message) for f in findings] == [(5, True)]


def test_mdb402_an_alias_the_routers_never_name_is_not_read_only(tmp_path):
    # The router no longer keeps "other" instances on "other": that alias is reached explicitly only.
    root, project = _variant(tmp_path, lambda s: s, lambda r: r.replace('return "other"', 'return None'))
    source = HEAD + """
def archive():
    Publisher.objects.using("other").create(name="y")
"""
    assert lint_source(source, root / "catalog" / "probe.py", project, ["MDB402"]) == []


def test_mdb404_in_views_only_entry_points():
    source = HEAD + """
from django.views import View


def helper(request):
    return Publisher.objects.select_for_update().get(pk=1)


def caller(request):
    with transaction.atomic():
        return helper(request)


def direct(request):
    return list(Publisher.objects.select_for_update())


class Lock(View):
    def post(self, request):
        return Publisher.objects.select_for_update().first()

    def locked(self):
        return Publisher.objects.select_for_update().first()
"""
    assert [f.line for f in lint(source, "MDB404", path="catalog/views.py")] == [17, 22]
    assert lint(source, "MDB404", path="catalog/services.py") == []


def test_mdb404_follows_helpers_of_other_modules(tmp_path, monkeypatch):
    # A lock in catalog/locks.py, called from a command and a task of other modules: reported at
    # their calls, named after the helper; the call inside atomic() is silent, and so are tasks
    # wrapped in a block by a decorator function, or by a decorator object mdblint does not follow,
    # and locks under a library's context manager or a project one that opens a block through
    # another.
    import shutil

    import mdblint

    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    (root / "catalog" / "locks.py").write_text(textwrap.dedent("""\
        from contextlib import contextmanager

        from django.db import transaction

        from catalog.models import Publisher


        def lock_publisher(pk):
            return Publisher.objects.select_for_update().get(pk=pk)


        class Transactional:
            def __call__(self, fn):
                return transaction.atomic(fn)


        transactional = Transactional()


        def in_a_block(fn):
            return transaction.atomic(fn)


        @contextmanager
        def traced_atomic_transaction():
            with transaction.atomic():
                yield


        @contextmanager
        def transaction_with_commit_on_errors():   # opens its block through another wrapper
            with traced_atomic_transaction():
                yield
        """))
    commands = root / "catalog" / "management" / "commands"
    commands.mkdir(parents=True)
    for folder in (commands.parent, commands):
        (folder / "__init__.py").write_text("")
    (commands / "rename.py").write_text(textwrap.dedent("""\
        from django.core.management.base import BaseCommand
        from django.db import transaction

        from catalog import locks
        from catalog.locks import lock_publisher


        class Command(BaseCommand):
            def handle(self, *args, **options):
                lock_publisher(1)
                locks.lock_publisher(2)
                with transaction.atomic():
                    lock_publisher(3)
        """))
    (root / "catalog" / "tasks.py").write_text(textwrap.dedent("""\
        from celery import shared_task

        import reversion

        from catalog.locks import in_a_block, lock_publisher, transaction_with_commit_on_errors, transactional


        @shared_task
        def rename(pk):
            publisher = lock_publisher(pk)
            publisher.save()


        @shared_task
        @in_a_block
        def wrapped(pk):
            lock_publisher(pk)


        @shared_task
        @transactional
        def wrapped_by_an_object(pk):
            lock_publisher(pk)


        @shared_task
        def in_a_library_block(pk):
            with reversion.create_revision():   # opens transaction.atomic()
                lock_publisher(pk)


        @shared_task
        def in_a_wrapper_block(pk):
            with transaction_with_commit_on_errors():
                lock_publisher(pk)
        """))
    monkeypatch.chdir(root)
    findings = mdblint.lint(".", select=["MDB404"], cache=False, jobs=1).findings
    assert sorted((f.path, f.line) for f in findings) == [
        ("catalog/management/commands/rename.py", 10), ("catalog/management/commands/rename.py", 11),
        ("catalog/tasks.py", 10)]
    assert all("(in lock_publisher())" in f.message for f in findings)


def test_mdb406_a_declared_read_only_alias_is_not_migrated():
    # bookstore: writes routed to "default", "other" migrated too; declared read-only (a replica,
    # migrated through its primary), "other" is not a database the data migration can miss.
    from mdblint.checks import select_rules
    from mdblint.engine import Linter

    source = MIGRATION.format(body='    Publisher.objects.filter(name="x").update(name="y")').encode()
    path = (SAMPLES / "bookstore" / "catalog" / "migrations" / "0002_data.py").resolve()
    project = load_sample("bookstore")
    flagged = Linter(project, select_rules(["MDB406"])).lint_bytes(path, source)[0]
    assert [f.code for f in flagged] == ["MDB406"] and "'other'" in flagged[0].message
    assert Linter(project, select_rules(["MDB406"]), read_only=["other"]).lint_bytes(path, source)[0] == []
