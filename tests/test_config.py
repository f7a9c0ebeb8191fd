"""[tool.mdblint] keys, their command-line flags, --show-settings, excludes and .gitignore,
per-file-ignores, and the databases keys (run in-process: these are about options, not the engine)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mdblint.cli import main
from mdblint.discovery import Gitignore, GlobSet, absolute_glob
from tests.helpers import SAMPLES


@pytest.fixture
def run(capsys, monkeypatch):
    """run(cwd, *args) -> (exit code, stdout, stderr) of `mdblint ARGS` in `cwd`."""
    def run(cwd: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as e:
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    return tmp_path / "site"


def findings(run, cwd: Path, *args: str) -> set[tuple[str, str]]:
    code, out, err = run(cwd, ".", "--format", "json", "--no-cache", "--select", "MDB501", *args)
    assert code in (0, 1), err
    return {(f["path"], f["data"]["alias"]) for f in json.loads(out)["findings"]}


ALL = {("catalog/services.py", "replcia"), ("catalog/services.py", "archive"), ("catalog/views.py", "analytics"),
       ("catalog/views.py", "defualt"), ("accounts/services.py", "archive"), ("accounts/services.py", "backup")}


# -- errors: one line, exit 2 --

@pytest.mark.parametrize("toml, message", [
    ('selct = ["MDB5"]', "unknown key [tool.mdblint] 'selct'"),
    ("settings = 1", "[tool.mdblint] settings must be a string"),
    ('root = ["src"]', "[tool.mdblint] root must be a string"),
    ('root = "nowhere"', "is not a directory"),
    ('databases = "default"', "[tool.mdblint] databases must be a list of strings"),
    ("extend-databases = [1]", "[tool.mdblint] extend-databases must be a list of strings"),
    ('relation-groups = ["default", "replica"]', "[tool.mdblint] relation-groups must be a list of lists of strings"),
    ('read-only = "replica"', "[tool.mdblint] read-only must be a list of strings"),
    ('select = "MDB5"', "[tool.mdblint] select must be a list of strings"),
    ("ignore = [5]", "[tool.mdblint] ignore must be a list of strings"),
    ("extend-select = true", "[tool.mdblint] extend-select must be a list of strings"),
    ('extend-ignore = "MDB5"', "[tool.mdblint] extend-ignore must be a list of strings"),
    ('per-file-ignores = ["a.py"]', "[tool.mdblint] per-file-ignores must be a table of glob = [codes]"),
    ('per-file-ignores = {"a.py" = "MDB5"}', "[tool.mdblint] per-file-ignores must be a table of glob = [codes]"),
    ('exclude = "build"', "[tool.mdblint] exclude must be a list of strings"),
    ("extend-exclude = 1", "[tool.mdblint] extend-exclude must be a list of strings"),
    ('respect-gitignore = "no"', "[tool.mdblint] respect-gitignore must be true or false"),
    ("force-exclude = 1", "[tool.mdblint] force-exclude must be true or false"),
    ("django-version = 5.2", '[tool.mdblint] django-version must be a version string like "5.2"'),
    ('django-version = "five"', '[tool.mdblint] django-version must be a version string like "5.2"'),
    ('cache = "yes"', "[tool.mdblint] cache must be true or false"),
    ("jobs = 0", "[tool.mdblint] jobs must be at least 1"),
    ("jobs = true", "[tool.mdblint] jobs must be at least 1"),
    ('jobs = "2"', "[tool.mdblint] jobs must be at least 1"),
    ('select = ["MDB9"]', "unknown rule code or prefix 'MDB9'"),
    ('extend-ignore = ["XYZ1"]', "unknown rule code or prefix 'XYZ1'"),
    ('per-file-ignores = {"a.py" = ["MDB9"]}', "per-file-ignores 'a.py': unknown rule code or prefix 'MDB9'"),
    ('relation-groups = [["default", "nope"]]', "relation-groups names 'nope', which DATABASES of"),
    ('read-only = ["nope"]', "read-only names 'nope', which DATABASES of"),
    ("select = [", "cannot read"),
])
def test_bad_keys_exit_2_with_one_line(run, site, toml, message):
    (site / "pyproject.toml").write_text(f"[tool.mdblint]\n{toml}\n")
    code, out, err = run(site, ".", "--no-cache")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err, err


@pytest.mark.parametrize("args, message", [
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--django-version", "5"], "expected a version like"),
    (["--per-file-ignores", "MDB5"], "expected GLOB:CODES"),
    (["--root", "nowhere"], "is not a directory"),
    (["--read-only", "nope"], "read-only names 'nope'"),
    (["--relation-groups", "default+replica,nope"], "relation-groups names 'nope'"),
    (["--extend-select", "MDB9"], "unknown rule code or prefix 'MDB9'"),
    (["--write-baseline"], "--write-baseline needs --baseline FILE"),
])
def test_bad_flags_exit_2_with_one_line(run, site, args, message):
    code, out, err = run(site, ".", "--no-cache", *args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err, err


def test_aliases_that_exist_are_accepted(run, site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nrelation-groups = [["default", "replica"]]\n'
                                         'read-only = ["replica"]\n')
    assert findings(run, site) == ALL


# -- the command line overrides pyproject.toml --

def test_flags_override_the_pyproject(run, site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nselect = ["MDB0"]\ncache = true\njobs = 3\n')
    code, out, _ = run(site, ".", "--no-cache")
    assert code == 0 and out.startswith("All checks passed! (")
    assert findings(run, site) == ALL   # --select MDB501 replaces select
    _, out, _ = run(site, "--show-settings", "--select", "MDB5", "--no-cache", "--extend-ignore", "MDB0")
    assert 'select = ["MDB5"]  # command line' in out
    assert "cache = false  # command line" in out
    assert f"jobs = 3  # {site / 'pyproject.toml'}" in out
    assert 'extend-ignore = ["MDB0"]  # command line' in out


def test_extend_keys_add_to_the_pyproject(run, site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nextend-ignore = ["MDB0"]\n')
    _, out, _ = run(site, "--show-settings", "--extend-ignore", "MDB1")
    assert f'extend-ignore = ["MDB0", "MDB1"]  # {site / "pyproject.toml"} + command line' in out


def test_show_settings(run, site, tmp_path):
    code, out, _ = run(tmp_path, "--show-settings")
    assert code == 0 and out.splitlines()[0] == "# configuration: defaults"
    assert "respect-gitignore = true  # defaults" in out and "django-version = (unset)  # defaults" in out
    lines = out.splitlines()
    keys = [line.split(" = ")[0] for line in lines[1:lines.index(next(x for x in lines if x.startswith("# projects:")))]]
    assert keys == ["settings", "root", "databases", "extend-databases", "relation-groups", "read-only", "select",
                    "ignore", "extend-select", "extend-ignore", "per-file-ignores", "exclude", "extend-exclude",
                    "respect-gitignore", "force-exclude", "django-version", "cache", "cache-dir", "jobs", "strict"]
    pyproject = site / "pyproject.toml"
    pyproject.write_text('[project]\nname = "site"\ndependencies = ["requests", "Django>=5.2,<6"]\n\n'
                         '[tool.mdblint]\nsettings = "bookstore_site.settings"\n'
                         'per-file-ignores = {"catalog/*.py" = ["MDB5"]}\n')
    code, out, _ = run(site / "catalog", "--show-settings", ".")
    assert code == 0 and out.splitlines()[0] == f"# configuration: {pyproject}"
    assert f'settings = "bookstore_site.settings"  # {pyproject}' in out
    assert f'django-version = "5.2"  # {pyproject} [project].dependencies' in out
    assert f'per-file-ignores = {{ "{site.as_posix()}/catalog/*.py" = ["MDB5"] }}' in out
    _, out, _ = run(site, "--show-settings", "--django-version", "6.1")
    assert 'django-version = "6.1"  # command line' in out


# -- excludes and .gitignore --

def _add_misuse(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("from catalog.models import Book\n\n\ndef f():\n    return Book.objects.using('nope').count()\n")


def test_gitignored_folders_are_skipped(run, site):
    _add_misuse(site / "catalog" / "generated" / "bad.py")
    (site / ".gitignore").write_text("# generated code\ngenerated/\n")
    assert findings(run, site) == ALL
    assert ("catalog/generated/bad.py", "nope") in findings(run, site, "--no-respect-gitignore")
    (site / "pyproject.toml").write_text("[tool.mdblint]\nrespect-gitignore = false\n")
    assert ("catalog/generated/bad.py", "nope") in findings(run, site)
    assert findings(run, site, "--respect-gitignore") == ALL


def test_gitignore_negation_and_nested_files(run, site):
    for name in ("a.py", "keep.py"):
        _add_misuse(site / "catalog" / "gen" / name)
    (site / ".gitignore").write_text("/catalog/gen/*.py\n!keep.py\n")
    (site / "accounts" / ".gitignore").write_text("services.py\n")
    got = findings(run, site)
    assert ("catalog/gen/keep.py", "nope") in got and ("catalog/gen/a.py", "nope") not in got
    assert not any(path == "accounts/services.py" for path, _ in got)


def test_gitignore_of_the_repository_applies_above_the_linted_folder(run, site):
    (site / ".git").mkdir()
    (site / ".gitignore").write_text("catalog/views.py\n")
    code, out, _ = run(site / "catalog", ".", "--format", "json", "--no-cache", "--select", "MDB501")
    assert {f["path"] for f in json.loads(out)["findings"]} == {"services.py"}


def test_exclude_and_extend_exclude(run, site):
    assert findings(run, site, "--extend-exclude", "catalog/views.py") == {f for f in ALL if f[0] != "catalog/views.py"}
    assert findings(run, site, "--extend-exclude", "views.py,accounts") == {f for f in ALL if f[0] == "catalog/services.py"}
    (site / "pyproject.toml").write_text('[tool.mdblint]\nextend-exclude = ["**/services.py"]\n')
    assert findings(run, site) == {f for f in ALL if f[0] == "catalog/views.py"}
    # the default excludes, and `exclude` replacing them
    _add_misuse(site / "catalog" / "migrations" / "0001_initial.py")
    _add_misuse(site / "node_modules" / "x.py")
    assert not any("migrations" in p or "node_modules" in p for p, _ in findings(run, site))
    got = findings(run, site, "--exclude", "node_modules")
    assert ("catalog/migrations/0001_initial.py", "nope") in got and not any("node_modules" in p for p, _ in got)


def test_files_named_on_the_command_line_are_linted_unless_force_exclude(run, site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nextend-exclude = ["catalog/views.py"]\n')
    code, out, _ = run(site, "catalog/views.py", "--no-cache", "--select", "MDB501")
    assert code == 1 and out.count("catalog/views.py") == 2
    code, out, _ = run(site, "catalog/views.py", "--no-cache", "--force-exclude")
    assert code == 0 and out == "No Python files found: nothing was checked.\n"
    (site / ".gitignore").write_text("accounts/\n")
    assert run(site, "accounts/services.py", "--no-cache", "--select", "MDB501")[0] == 1
    assert run(site, "accounts/services.py", "--no-cache", "--force-exclude")[0] == 0


# -- per-file-ignores --

def test_per_file_ignores(run, site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nper-file-ignores = {"catalog/*.py" = ["MDB5"]}\n')
    assert findings(run, site) == {f for f in ALL if f[0] == "accounts/services.py"}
    # the flag replaces the table; a glob without "/" matches the file name anywhere
    assert findings(run, site, "--per-file-ignores", "services.py:MDB501") == {f for f in ALL if f[0] == "catalog/views.py"}
    assert findings(run, site, "--extend-per-file-ignores", "accounts/**:MDB501") == set()
    assert findings(run, site, "--per-file-ignores", "views.py: MDB5, MDB0 accounts/*:MDB501") == \
        {f for f in ALL if f[0] == "catalog/services.py"}


# -- databases --

def test_databases_replace_and_extend_what_settings_declare(run, site):
    assert findings(run, site, "--extend-databases", "replcia,backup") == ALL - {
        ("catalog/services.py", "replcia"), ("accounts/services.py", "backup")}
    everything = "default,other,replica,replcia,archive,analytics,defualt,backup"
    assert findings(run, site, "--databases", everything) == set()
    fewer = findings(run, site, "--databases", "default,other")
    assert ALL < fewer and ("catalog/views.py", "replica") not in fewer  # READ_DB is a name, not a literal
    assert any(alias == "replica" for _, alias in fewer)
    (site / "pyproject.toml").write_text('[tool.mdblint]\ndatabases = ["default", "other", "replica", "archive"]\n')
    assert findings(run, site) == ALL - {("catalog/services.py", "archive"), ("accounts/services.py", "archive")}
    # read-only / relation-groups are checked against the configured aliases
    assert run(site, ".", "--no-cache", "--read-only", "archive", "--select", "MDB501")[0] == 1
    code, _, err = run(site, ".", "--no-cache", "--read-only", "backup")
    assert code == 2 and "read-only names 'backup'" in err


def test_databases_do_not_apply_outside_a_project(run, tmp_path):
    (tmp_path / "a.py").write_text("from django.db import connections\n\nconnections['nope']\n")
    assert run(tmp_path, ".", "--no-cache", "--databases", "main")[0] == 0   # no settings: silent


# -- the matchers --

@pytest.mark.parametrize("pattern, path, is_dir, expected", [
    ("build", "/r/build", True, True),
    ("build", "/r/a/build", True, True),
    ("build/", "/r/build", False, None),
    ("*.log", "/r/a/b/x.log", False, True),
    ("/top.py", "/r/top.py", False, True),
    ("/top.py", "/r/a/top.py", False, None),
    ("a/b.py", "/r/a/b.py", False, True),
    ("a/b.py", "/r/x/a/b.py", False, None),
    ("**/gen", "/r/x/y/gen", True, True),
    ("gen/**", "/r/gen/a/b.py", False, True),
    ("a/**/b", "/r/a/x/y/b", True, True),
    ("\\#x", "/r/#x", False, True),
    ("# comment", "/r/# comment", False, None),
    ("trailing.py   ", "/r/trailing.py", False, True),
])
def test_gitignore_patterns(pattern, path, is_dir, expected):
    assert Gitignore("/r", pattern + "\n").decide(path, is_dir) is expected


def test_gitignore_last_match_wins():
    rules = Gitignore("/r", "*.py\n!keep.py\nkeep.py\n!/keep.py\n")
    assert rules.decide("/r/keep.py", False) is False
    assert rules.decide("/r/a/keep.py", False) is True
    assert rules.decide("/r/other.py", False) is True


def test_globs():
    base = Path("/p")
    globs = GlobSet([absolute_glob(g, base) for g in ("tests/**", "*_pb2.py", "legacy/*.py", "gen/")])
    assert globs.match("/p/tests/a/b.py") and globs.match("/p/x/y_pb2.py") and globs.match("/p/legacy/a.py")
    assert not globs.match("/p/legacy/sub/a.py") and not globs.match("/q/tests/a.py")
    assert globs.match("/p/x/gen", is_dir=True) and not globs.match("/p/x/gen")
