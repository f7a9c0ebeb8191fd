"""Project discovery never guesses silently: every source of the settings module (the flag,
[tool.mdblint], the environment, manage.py, pytest's configuration, wsgi.py/asgi.py), and one
warning per cause when a project cannot be read whole, the same in JSON, exit 2 with --strict."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from mdblint.discovery import discover
from tests.helpers import run_cli

SETTINGS = '''
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "a"},
    "other": {"ENGINE": "django.db.backends.sqlite3", "NAME": "b"},
}
INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
DATABASE_ROUTERS = []
'''
MODELS = "from django.db import models\n\n\nclass Book(models.Model):\n    title = models.CharField(max_length=9)\n"
USES = "from shop.models import Book\n\n\ndef count():\n    return Book.objects.using('othr').count()\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def site(root: Path, settings: str = SETTINGS, **extra: str) -> Path:
    """A project without manage.py: the `site_cfg.settings` module, an app with a model and a
    misspelt alias (MDB501 when the project is found), and `extra` files."""
    return write(root, {"site_cfg/__init__.py": "", "site_cfg/settings.py": settings, "shop/__init__.py": "",
                        "shop/models.py": MODELS, "shop/services.py": USES, **extra})


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return {**env, **extra}


def lint_json(root: Path, *args: str, env: dict | None = None):
    proc = run_cli(".", "--format", "json", "--no-cache", *args, cwd=root, env=env or clean_env())
    return proc, json.loads(proc.stdout) if proc.stdout.strip() else None


SOURCES = {
    "pytest.ini": ("pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n", "pytest.ini [pytest]"),
    ".pytest.ini": (".pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n", ".pytest.ini [pytest]"),
    "pyproject": ("pyproject.toml", '[tool.pytest.ini_options]\nDJANGO_SETTINGS_MODULE = "site_cfg.settings"\n',
                  "pyproject.toml [tool.pytest.ini_options]"),
    "setup.cfg": ("setup.cfg", "[tool:pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n", "setup.cfg [tool:pytest]"),
    "tox.ini": ("tox.ini", "[pytest]\nDJANGO_SETTINGS_MODULE=site_cfg.settings\n", "tox.ini [pytest]"),
    "tox setenv": ("tox.ini", "[testenv]\nsetenv =\n    FOO = 1\n    DJANGO_SETTINGS_MODULE = site_cfg.settings\n",
                   "tox.ini [testenv] setenv"),
    "addopts --ds": ("pytest.ini", "[pytest]\naddopts = -ra --ds=site_cfg.settings\n", "pytest.ini [pytest]"),
    "wsgi.py": ("site_cfg/wsgi.py", 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
                "site_cfg/wsgi.py"),
    "asgi.py": ("site_cfg/asgi.py", 'import os\nos.environ["DJANGO_SETTINGS_MODULE"] = "site_cfg.settings"\n',
                "site_cfg/asgi.py"),
}


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_names_the_settings(tmp_path, source):
    name, text, label = SOURCES[source]
    root = site(tmp_path / "repo", **{name: text})
    (root / ".git").mkdir()   # wsgi.py/asgi.py are found from a file through the repository's root
    for path in (root, root / "shop" / "services.py"):   # from the folder, and from a file (pre-commit)
        found = discover([path], environ={})
        assert [(r.root, r.settings_module, r.found_by) for r in found.projects] == [(root.resolve(), "site_cfg.settings", label)]
        assert found.problems == []


def test_pytest_pythonpath_and_src_layout(tmp_path):
    root = tmp_path / "repo"
    site(root / "src")
    write(root, {"pytest.ini": "[pytest]\npythonpath = src\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n"})
    assert [r.root for r in discover([root], environ={}).projects] == [(root / "src").resolve()]


def test_the_cli_finds_a_project_without_manage_py_and_reports_its_findings(tmp_path):
    root = site(tmp_path / "repo", **{"pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n"})
    proc, report = lint_json(root)
    assert proc.returncode == 1, proc.stderr
    assert [f["code"] for f in report["findings"]] == ["MDB501"]
    assert report["summary"]["projects"] == [{"root": ".", "settings": "site_cfg.settings", "databases": ["default", "other"],
                                              "models": 2, "found_by": "pytest.ini [pytest]"}]
    assert report["summary"]["warnings"] == [] and proc.stderr == ""


def test_precedence_environment_then_manage_py_then_pytest_then_wsgi(tmp_path):
    root = site(tmp_path / "repo", **{
        "site_cfg/test_settings.py": "from site_cfg.settings import *\n",
        "site_cfg/prod.py": "from site_cfg.settings import *\n",
        "pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.test_settings\n",
        "site_cfg/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.prod")\n'})
    assert discover([root], environ={}).projects[0].settings_module == "site_cfg.test_settings"
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    assert discover([root], environ={}).projects[0].found_by == "manage.py"
    env = discover([root], environ={"DJANGO_SETTINGS_MODULE": "site_cfg.prod"}).projects
    assert [(r.settings_module, r.found_by) for r in env] == [("site_cfg.prod", "DJANGO_SETTINGS_MODULE")]
    # The environment, through the CLI.
    proc, report = lint_json(root, env=clean_env(DJANGO_SETTINGS_MODULE="site_cfg.prod"))
    assert report["summary"]["projects"][0]["found_by"] == "DJANGO_SETTINGS_MODULE"


def test_a_template_placeholder_is_not_a_settings_module(tmp_path):
    root = site(tmp_path / "repo", **{
        "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
        "template/project_name/wsgi.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "{{ project_name }}.settings")\n'})
    found = discover([root], environ={})
    assert len(found.projects) == 1 and found.problems == []


# -- one warning per cause, the same in JSON, exit 2 with --strict --

def validate(report: dict) -> None:
    import jsonschema

    from mdblint.report import SCHEMAS

    schema = json.loads((SCHEMAS / "mdblint-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(report)


def check_warned(root: Path, cause: str, *needles: str, env: dict | None = None, code: int = 1) -> dict:
    proc, report = lint_json(root, env=env)
    validate(report)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("mdblint: warning: ")]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert proc.returncode == code, proc.stderr
    [warning] = report["summary"]["warnings"]
    assert warning["cause"] == cause and f"{warning['message']}; {warning['fix']}" == lines[0].removeprefix("mdblint: warning: ")
    strict, _ = lint_json(root, "--strict", env=env)
    assert strict.returncode == 2 and strict.stderr.startswith("mdblint: error: "), strict.stderr
    return warning


def test_no_project(tmp_path):
    root = write(tmp_path / "repo", {"shop/__init__.py": "", "shop/services.py": USES})
    warning = check_warned(root, "no-project", "no Django project found", "--settings MODULE",
                           "[tool.mdblint] settings", code=0)
    assert warning["project"] is None
    # The config key does what the flag does.
    (root / "pyproject.toml").write_text("[tool.mdblint]\nstrict = true\n")
    assert run_cli(".", cwd=root, env=clean_env()).returncode == 2


def test_manage_py_names_a_settings_module_that_does_not_exist(tmp_path):
    # rapidpro: `temba.settings` is git-ignored, created from a template at install time
    root = site(tmp_path / "repo", **{
        "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "temba.settings")\n'})
    check_warned(root, "settings-not-found", "manage.py names settings module 'temba.settings'", "--settings", code=0)


def test_the_environment_names_a_module_that_does_not_exist(tmp_path):
    root = site(tmp_path / "repo", **{
        "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n'})
    warning = check_warned(root, "settings-not-found", "DJANGO_SETTINGS_MODULE='elsewhere.settings'", "unset it",
                           env=clean_env(DJANGO_SETTINGS_MODULE="elsewhere.settings"))
    assert warning["project"] is None


def test_databases_built_by_a_call(tmp_path):
    settings = SETTINGS.replace("DATABASES = {", "DATABASES = get_databases({", 1).replace("}\nINSTALLED", "})\nINSTALLED", 1)
    root = site(tmp_path / "repo", settings, manage_py="")
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    warning = check_warned(root, "databases-unknown", "DATABASES at site_cfg/settings.py:2 cannot be read statically",
                           "--databases A,B", "[tool.mdblint] databases", code=0)
    assert (warning["path"], warning["line"]) == ("site_cfg/settings.py", 2)
    # Told the aliases, mdblint reads the project whole and MDB501 is back.
    proc, report = lint_json(root, "--databases", "default,other")
    assert report["summary"]["warnings"] == [] and [f["code"] for f in report["findings"]] == ["MDB501"]


def test_databases_from_a_star_import_that_cannot_be_read(tmp_path):
    # Not Django's default (a lone "default"): the module it star-imports may set DATABASES.
    root = site(tmp_path / "repo", "from outside_package.settings import *\nINSTALLED_APPS = ['shop']\nDATABASE_ROUTERS = []\n")
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    check_warned(root, "databases-unknown", "DATABASES is not set in site_cfg.settings", "outside_package.settings", code=0)


def test_databases_with_constant_keys_are_read(tmp_path):
    settings = 'OTHER = "other"\nfrom site_cfg.names import DEFAULT\nDATABASES = {DEFAULT: {}, OTHER: {}}\n' \
               'DATABASES[REPORTING] = {}\nINSTALLED_APPS = ["shop"]\nDATABASE_ROUTERS = []\n'
    root = site(tmp_path / "repo", settings.replace("DATABASES[REPORTING]", "REPORTING = 'reporting'\nDATABASES[REPORTING]"),
                **{"site_cfg/names.py": 'DEFAULT = "default"\n'})
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    proc, report = lint_json(root)
    assert report["summary"]["projects"][0]["databases"] == ["default", "other", "reporting"]
    assert report["summary"]["warnings"] == [] and [f["code"] for f in report["findings"]] == ["MDB501"]


def test_installed_apps_set_at_run_time(tmp_path):
    # Django's own tests: runtests.py sets INSTALLED_APPS; the settings module does not.
    root = site(tmp_path / "repo", SETTINGS.replace('INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]\n', ""))
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    check_warned(root, "installed-apps-unknown", "installs none of the 1 app with a models module", "(shop)",
                 "--settings", code=0)


def test_installed_apps_computed(tmp_path):
    root = site(tmp_path / "repo", SETTINGS.replace('INSTALLED_APPS = [', 'INSTALLED_APPS = apps() + ['))
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    check_warned(root, "installed-apps-unknown", "INSTALLED_APPS at site_cfg/settings.py:6 cannot be read statically")


@pytest.mark.parametrize("routers, needle", [
    ("[r for r in ROUTERS]", "DATABASE_ROUTERS at site_cfg/settings.py:7 cannot be read statically"),
    ('["thirdparty.routers.Router"]', "router thirdparty.routers.Router (DATABASE_ROUTERS at site_cfg/settings.py:7)"),
])
def test_routers_unknown(tmp_path, routers, needle):
    root = site(tmp_path / "repo", SETTINGS.replace("DATABASE_ROUTERS = []", f"DATABASE_ROUTERS = {routers}"))
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    proc, report = lint_json(root)
    check_warned(root, "routers-unknown", needle, "relation-groups", code=proc.returncode)


def test_show_settings_lists_the_projects(tmp_path):
    root = site(tmp_path / "repo", **{"tox.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n"})
    proc = run_cli("--show-settings", cwd=root, env=clean_env())
    assert proc.returncode == 0, proc.stderr
    assert "project .\n  settings = site_cfg.settings  # from tox.ini [pytest]\n  aliases = default, other\n  models = 2\n" in proc.stdout
    empty = write(tmp_path / "empty", {"a.py": ""})
    shown = run_cli("--show-settings", cwd=empty, env=clean_env()).stdout
    assert "# projects: 0" in shown and "# warning: no Django project found" in shown


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_flake8_reports_a_project_it_cannot_read_once(tmp_path, jobs):
    import subprocess
    import sys

    root = write(tmp_path / "repo", {f"pkg/m{i}.py": "x = 1\n" for i in range(30)})
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "MDB", "--jobs", jobs, "."], cwd=root,
                          capture_output=True, text=True, env=clean_env(), timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1 and ":1:1: MDB500 no Django project found" in lines[0] and "--settings" in lines[0], proc.stdout
    # With the project readable, nothing of the kind.
    site(root)
    write(root, {"pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = site_cfg.settings\n"})
    again = subprocess.run([sys.executable, "-m", "flake8", "--select", "MDB", "--jobs", jobs, "."], cwd=root,
                           capture_output=True, text=True, env=clean_env(), timeout=300)
    assert [line.split(": ")[1].split()[0] for line in again.stdout.splitlines()] == ["MDB501"], again.stdout


def test_flake8_settings_option_drops_an_inline_comment():
    from mdblint.flake8_plugin import settings_option

    assert settings_option("mysite.settings   # only when manage.py does not name it") == "mysite.settings"
    assert settings_option("  mysite.settings ") == "mysite.settings"
    assert settings_option("# nothing") is None and settings_option(None) is None


@pytest.mark.parametrize("items, aliases", [
    ("EXTRA", ["default", "other", "reports", "sync"]),          # a constant, imported (kolibri's settings)
    ("['reports', 'sync']", ["default", "other", "reports", "sync"]),
    ("load_extra()", None),                                      # not known: DATABASES is not either
])
def test_databases_extended_in_a_loop(tmp_path, items, aliases):
    settings = SETTINGS + f"from site_cfg.names import EXTRA\nfor alias in {items}:\n    DATABASES[alias] = {{'NAME': alias}}\n"
    root = site(tmp_path / "repo", settings, **{"site_cfg/names.py": "EXTRA = ('reports', 'sync')\n"})
    (root / "manage.py").write_text('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n')
    proc, report = lint_json(root)
    assert report["summary"]["projects"][0]["databases"] == aliases
    assert [w["cause"] for w in report["summary"]["warnings"]] == ([] if aliases else ["databases-unknown"])


def test_a_configured_root_without_settings_is_reported(tmp_path):
    root = write(tmp_path / "repo", {"src/shop/__init__.py": "", "src/shop/models.py": MODELS})
    found = discover([root], config_root=root / "src", environ={})
    assert [(r.root, r.settings_module) for r in found.projects] == [((root / "src").resolve(), None)]
    assert [p.cause for p in found.problems] == ["settings-not-found"] and "[tool.mdblint] root" in found.problems[0].message
