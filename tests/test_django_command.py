"""`manage.py mdblint` (mdblint.django) under real Django: on each sample, with "mdblint.django"
added to INSTALLED_APPS of a copy, it gives the CLI's findings and `--compare-static` reports no
difference; on a project whose settings and models are built at run time, the live facts find
what the static reading cannot, and `--compare-static` names each difference."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("django")

REPO = Path(__file__).resolve().parent.parent
SETTINGS_FILE = {"bookstore": "bookstore_site/settings.py", "newsroom": "newsroom_site/settings/__init__.py"}


def _run(cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def _installed(tmp_path: Path, sample: str) -> Path:
    root = tmp_path / sample
    shutil.copytree(REPO / "samples" / sample, root, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3"))
    with open(root / SETTINGS_FILE[sample], "a", encoding="utf-8") as f:
        f.write('\nINSTALLED_APPS += ["mdblint.django"]\n')
    return root


@pytest.mark.parametrize("sample", sorted(SETTINGS_FILE))
def test_manage_py_mdblint_gives_the_cli_findings(tmp_path: Path, sample: str) -> None:
    root = _installed(tmp_path, sample)
    live = _run(root, "manage.py", "mdblint", "--format", "json", "--no-cache")
    cli = _run(root, "-m", "mdblint", "--format", "json", "--no-cache", ".")
    assert live.returncode == cli.returncode == 1, (live.stderr, cli.stderr)
    live_doc, cli_doc = json.loads(live.stdout), json.loads(cli.stdout)
    assert live_doc["findings"] and live_doc["findings"] == cli_doc["findings"]
    # The same projects, read from the live settings rather than found by manage.py.
    assert all(p.pop("found_by") == "live settings" for p in live_doc["summary"]["projects"])
    assert [{k: v for k, v in p.items() if k != "found_by"} for p in cli_doc["summary"]["projects"]] == \
        live_doc["summary"]["projects"]
    text = _run(root, "manage.py", "mdblint", "--no-cache")
    assert text.stdout.splitlines() == _run(root, "-m", "mdblint", "--no-cache", ".").stdout.splitlines()
    assert len(text.stdout.splitlines()) == len(live_doc["findings"]) + 1      # and the summary line


@pytest.mark.parametrize("sample", sorted(SETTINGS_FILE))
def test_compare_static_finds_no_difference_on_the_samples(tmp_path: Path, sample: str) -> None:
    root = _installed(tmp_path, sample)
    proc = _run(root, "manage.py", "mdblint", "--compare-static")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (line,) = proc.stdout.splitlines()
    assert line.startswith("mdblint: static reading vs live project: no difference (compared ")
    models = int(line.split(" settings, ")[1].split(" models")[0])
    assert models >= 15, line      # the registry's models were compared, not none


DYNAMIC = {
    "manage.py": """\
        import os, sys
        # no `if __name__ == "__main__":` guard: the engine's spawned workers must not run it again
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_conf.settings")
        from django.core.management import execute_from_command_line
        execute_from_command_line(sys.argv)
        """,
    "site_conf/__init__.py": "",
    "site_conf/settings.py": """\
        import os

        def _databases():
            return {name: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
                    for name in ("default", "reports")}

        SECRET_KEY = "x"
        DATABASES = _databases()
        INSTALLED_APPS = ["django.contrib.contenttypes", "shop", "mdblint.django"]
        if os.environ.get("SHOP_ROUTED", "1") == "1":
            DATABASE_ROUTERS = ["shop.routers.ReportsRouter"]
        REPORTS_DB = os.environ.get("SHOP_REPORTS_DB", "reports")
        DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
        """,
    "shop/__init__.py": "",
    "shop/routers.py": """\
        class ReportsRouter:
            def db_for_read(self, model, **hints):
                return "reports"
        """,
    "shop/models.py": """\
        from django.db import models

        class Customer(models.Model):
            name = models.CharField(max_length=20)

        class Order(models.Model):
            customer = models.ForeignKey(Customer, models.CASCADE)

        def _model(name):
            return type(name, (models.Model,), {"__module__": __name__, "text": models.CharField(max_length=9)})

        Tag = _model("Tag")
        """,
    "shop/services.py": """\
        from django.conf import settings

        from shop.models import Order

        def count():
            return Order.objects.using("reprots").count()

        def reports():
            return Order.objects.using(settings.REPORTS_DB).count()
        """,
}


def _dynamic(tmp_path: Path) -> Path:
    root = tmp_path / "dynamic"
    for name, text in DYNAMIC.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    return root


def test_live_settings_find_what_the_static_reading_cannot(tmp_path: Path) -> None:
    root = _dynamic(tmp_path)
    cli = _run(root, "-m", "mdblint", "--format", "json", "--no-cache", ".")
    assert cli.returncode == 0 and json.loads(cli.stdout)["findings"] == []   # DATABASES is not known statically
    live = _run(root, "manage.py", "mdblint", "--format", "json", "--no-cache")
    assert live.returncode == 1, live.stderr
    findings = json.loads(live.stdout)["findings"]
    assert [(f["path"], f["line"], f["code"]) for f in findings] == [("shop/services.py", 6, "MDB501")]
    assert "'reprots'" in findings[0]["message"] and "did you mean 'reports'" in findings[0]["message"]
    assert json.loads(live.stdout)["summary"]["projects"][0]["databases"] == ["default", "reports"]


def test_compare_static_names_each_difference(tmp_path: Path) -> None:
    root = _dynamic(tmp_path)
    proc = _run(root, "manage.py", "mdblint", "--compare-static")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert "settings: DATABASES: static reading not known, live default, reports" in lines
    assert "settings: DATABASE_ROUTERS: static reading not known, live [shop.routers.ReportsRouter]" in lines
    # REPORTS_DB = os.environ.get("SHOP_REPORTS_DB", "reports"): statically 'reports' or the
    # environment's value; live it is the default, so no difference
    assert not any(line.startswith("settings: REPORTS_DB") for line in lines)
    assert "model shop.Tag: not in the static graph (live: defined in shop.models)" in lines
    assert lines[-1].startswith("mdblint: static reading vs live project: 3 differences (compared ")
    assert len(lines) == 4, lines


def test_the_live_routers_are_the_running_ones(tmp_path: Path) -> None:
    root = _dynamic(tmp_path)
    env_off = {**os.environ, "SHOP_ROUTED": "0", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "manage.py", "mdblint", "--compare-static"], cwd=root,
                          capture_output=True, text=True, env=env_off, timeout=300)
    assert "settings: DATABASE_ROUTERS: static reading not known, live []" in proc.stdout.splitlines()


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    root = _dynamic(tmp_path)
    proc = _run(root, "manage.py", "mdblint", "--select", "MDB9")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "mdblint: error: unknown rule code or prefix 'MDB9'"


def test_compare_static_shows_an_installed_apps_the_static_reading_cannot_evaluate(tmp_path: Path) -> None:
    root = _installed(tmp_path, "bookstore")
    with open(root / SETTINGS_FILE["bookstore"], "a", encoding="utf-8") as f:
        f.write('INSTALLED_APPS = [*INSTALLED_APPS]\n')    # a starred item: not a literal
    proc = _run(root, "manage.py", "mdblint", "--compare-static")
    assert proc.returncode == 1
    assert ("settings: INSTALLED_APPS: static reading not known, live [django.contrib.contenttypes, "
            "django.contrib.auth, catalog, accounts.apps.AccountsConfig, mdblint.django]") in proc.stdout.splitlines()


def test_the_readme_documents_the_command_as_tested() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'INSTALLED_APPS += ["mdblint.django"]' in readme      # what _installed() appends
    assert "the only mode that imports and runs project code" in readme
    for snippet in ("python manage.py mdblint  ", "python manage.py mdblint --compare-static"):
        assert snippet in readme, snippet


def test_worker_processes_get_the_live_project(tmp_path: Path) -> None:
    root = _installed(tmp_path, "bookstore")
    for i in range(20):   # more files than the engine lints serially
        (root / "catalog" / f"extra_{i}.py").write_text(
            f"from catalog.models import Book\n\n\ndef f{i}():\n    for b in Book.objects.using('replcia'):\n"
            "        print(b.publisher.name)\n")
    live = _run(root, "manage.py", "mdblint", "--format", "json", "--no-cache", "--jobs", "2")
    cli = _run(root, "-m", "mdblint", "--format", "json", "--no-cache", "--jobs", "2", ".")
    assert live.returncode == 1, live.stderr
    findings = json.loads(live.stdout)["findings"]
    assert findings == json.loads(cli.stdout)["findings"]
    extra = [(f["code"], f["line"]) for f in findings if f["path"] == "catalog/extra_7.py"]
    assert extra == [("MDB501", 5), ("MDB301", 6)]


def test_workers_start_under_a_manage_py_without_a_main_guard(tmp_path: Path) -> None:
    root = _dynamic(tmp_path)
    for i in range(20):
        (root / "shop" / f"extra_{i}.py").write_text(
            "from shop.models import Order\n\n\ndef f():\n    return Order.objects.using('reprots').count()\n")
    live = _run(root, "manage.py", "mdblint", "--format", "json", "--no-cache", "--jobs", "2")
    assert live.returncode == 1, live.stderr[-2000:]
    findings = json.loads(live.stdout)["findings"]
    assert sorted({f["path"] for f in findings}) == sorted([f"shop/extra_{i}.py" for i in range(20)] + ["shop/services.py"])
