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
