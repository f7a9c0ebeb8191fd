"""The command line as users run it: samples, output formats, exit codes, broken files,
discovery from anywhere, and the promise never to import project code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import mdblint
from mdblint.report.severity import level
from tests.helpers import REPO, SAMPLES, run_cli

EXPECT = re.compile(r"#\s*expect:\s*(MDB\d+)")
SAMPLE_NAMES = sorted(p.parent.name for p in SAMPLES.glob("*/manage.py"))


def marked(root: Path) -> set[tuple[str, int, str]]:
    """(path relative to REPO, line, code) for every `# expect:` marker under root."""
    found = set()
    for path in sorted(root.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if m := EXPECT.search(line):
                found.add((path.relative_to(REPO).as_posix(), number, m.group(1)))
    return found


def findings_of(stdout: str) -> set[tuple[str, int, str]]:
    return {(f["path"], f["line"], f["code"]) for f in json.loads(stdout)["findings"]}


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_sample_findings_are_exactly_the_marked_lines(sample):
    proc = run_cli(f"samples/{sample}", "--format", "json", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    expected = marked(SAMPLES / sample)
    assert expected, "each sample carries # expect: markers"
    assert findings_of(proc.stdout) == expected


def test_text_output_has_flake8_shape():
    proc = run_cli("samples/bookstore", "--no-cache", "--format", "concise")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines and all(re.fullmatch(r"[^:]+\.py:\d+:\d+: MDB\d{3} .+", line) for line in lines), lines
    assert any("did you mean 'replica'?" in line for line in lines)


def test_text_output_has_severity_fix_marks_and_a_summary():
    proc = run_cli("samples/bookstore", "--no-cache")
    assert proc.returncode == 1
    *lines, summary = proc.stdout.splitlines()
    concise = run_cli("samples/bookstore", "--no-cache", "--format", "concise").stdout.splitlines()
    assert len(lines) == len(concise)
    shape = re.compile(r"([^:]+\.py:\d+:\d+: (MDB\d{3})) \[(error|warning)\]( \[\*\])? (.+)")
    for line, flake8_line in zip(lines, concise):
        m = shape.fullmatch(line)
        assert m, line
        assert m.group(3) == level(m.group(2))
        assert flake8_line == f"{m.group(1)} {m.group(5)}"
    fixable = sum(" [*] " in line for line in lines)
    # What --fix fixes on the sample (tests/test_fix.py): one MDB301 in each of three files.
    assert fixable == 3 and all(" MDB30" in line for line in lines if " [*] " in line)
    assert summary == f"Found {len(lines)} findings (14 files checked, 3 fixable with `--fix`)."


def test_json_shape():
    proc = run_cli("samples/bookstore", "--format", "json", "--no-cache")
    doc = json.loads(proc.stdout)
    assert set(doc) == {"version", "schema", "findings", "summary"}
    assert doc["version"] == mdblint.__version__
    finding = next(f for f in doc["findings"] if f["code"] == "MDB501")
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "code", "message", "data",
                            "fingerprint"}
    assert finding["path"].startswith("samples/bookstore/") and "\\" not in finding["path"]
    assert finding["column"] >= 1 and finding["end_line"] >= finding["line"]
    data = finding["data"]
    assert data["known_aliases"] == ["default", "other", "replica"]
    assert data["databases_source"]["path"] == "samples/bookstore/bookstore_site/settings.py"
    assert data["alias_source"]["at"]["line"] >= 1
    assert sum(doc["summary"]["by_code"].values()) == len(doc["findings"])
    assert doc["summary"]["by_code"]["MDB501"] == sum(f["code"] == "MDB501" for f in doc["findings"])
    assert doc["summary"]["projects"][0]["databases"] == ["default", "other", "replica"]


def test_several_projects_each_with_its_own_settings():
    proc = run_cli("samples", "--format", "json", "--no-cache")
    assert proc.returncode == 1
    assert findings_of(proc.stdout) == marked(SAMPLES)
    roots = {p["root"] for p in json.loads(proc.stdout)["summary"]["projects"]}
    assert roots == {f"samples/{name}" for name in SAMPLE_NAMES}


def test_repository_root_with_project_in_a_subfolder(tmp_path):
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "src" / "bookstore")
    proc = run_cli(".", "--format", "json", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    paths = {f["path"] for f in json.loads(proc.stdout)["findings"]}
    assert paths and all(p.startswith("src/bookstore/") for p in paths)


def test_one_file_inside_a_project_uses_the_project(tmp_path):
    proc = run_cli("samples/bookstore/catalog/services.py", "--format", "json", "--no-cache")
    assert proc.returncode == 1
    assert {f["path"] for f in json.loads(proc.stdout)["findings"]} == {"samples/bookstore/catalog/services.py"}


def test_broken_files_are_reported_and_the_run_goes_on(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", project)
    (project / "catalog" / "broken.py").write_text("def f(:\n    return x.using('default')\n")
    (project / "catalog" / "latin1.py").write_bytes(b'NAME = "caf\xe9"\n')
    (project / "catalog" / "empty.py").write_bytes(b"")
    (project / "catalog" / "dangling.py").symlink_to(project / "nowhere.py")
    proc = run_cli(".", "--format", "json", "--no-cache", cwd=project)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    codes = {(f["path"], f["code"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("catalog/broken.py", "MDB003") in codes
    assert ("catalog/latin1.py", "MDB002") in codes
    assert ("catalog/dangling.py", "MDB001") in codes
    assert not any(path == "catalog/empty.py" for path, _ in codes)
    assert ("catalog/services.py", "MDB501") in codes  # the other files were still checked


def test_project_code_is_never_imported(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", project)
    tripwire = tmp_path / "imported.txt"
    payload = f"open({str(tripwire)!r}, 'w').write('imported')\n"
    for module in ("catalog/tripwire.py", "catalog/models.py", "bookstore_site/settings.py", "manage.py"):
        path = project / module
        path.write_text(payload + (path.read_text() if path.exists() else "Book.objects.using('x')\n"))
    proc = run_cli(".", "--no-cache", cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert not tripwire.exists()


def test_select_and_ignore():
    assert run_cli("samples/bookstore", "--ignore", "MDB", "--no-cache").returncode == 0
    assert run_cli("samples/bookstore", "--select", "MDB0", "--no-cache").returncode == 0
    proc = run_cli("samples/bookstore", "--ignore", "MDB5", "--no-cache")
    assert proc.returncode == 1 and "MDB501" not in proc.stdout and "MDB101" in proc.stdout
    proc = run_cli("samples/bookstore", "--ignore", "MDB5", "--select", "MDB501", "--no-cache")
    assert proc.returncode == 1 and {line.split()[1] for line in proc.stdout.splitlines()[:-1]} == {"MDB501"}


@pytest.mark.parametrize("args, message", [
    (["--no-such-flag"], "unrecognized arguments"),
    (["--select", "MDB9"], "unknown rule code or prefix 'MDB9'"),
    (["no/such/path"], "no such file or directory"),
    (["--format", "xml"], "invalid choice"),
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["rule", "MDB999"], "unknown rule"),
])
def test_usage_errors_exit_2_with_one_line(args, message):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and message in proc.stderr, proc.stderr
    assert proc.stdout == ""


def test_bad_configuration_exits_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.mdblint]\nselct = ["MDB5"]\n')
    (tmp_path / "a.py").write_text("x = 1\n")
    proc = run_cli(".", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown key [tool.mdblint] 'selct'" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_pyproject_settings_and_select(tmp_path):
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    (tmp_path / "pyproject.toml").write_text('[tool.mdblint]\nroot = "site"\nselect = ["MDB5"]\nignore = ["MDB501"]\n')
    assert run_cli(".", "--no-cache", cwd=tmp_path).returncode == 0


def test_rule_and_version():
    proc = run_cli("rule", "mdb501")
    assert proc.returncode == 0 and proc.stdout.startswith("# MDB501 unknown-database-alias")
    assert json.loads(run_cli("rule", "MDB501", "--format", "json").stdout)["name"] == "unknown-database-alias"
    assert run_cli("--version").stdout.strip() == f"mdblint {mdblint.__version__}"


def test_clean_tree_exits_0(tmp_path):
    (tmp_path / "a.py").write_text("def f(qs):\n    return qs.using('whatever')\n")
    assert run_cli(".", cwd=tmp_path).returncode == 0


def test_pool_and_cache_give_the_same_findings(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", project)
    for i in range(40):  # enough files for the process pool
        (project / "catalog" / f"extra_{i}.py").write_text(
            "from catalog.models import Book\n\ndef f():\n    return Book.objects.using('nope').count()\n")
    serial = run_cli(".", "--format", "json", "--jobs", "1", "--no-cache", cwd=project)
    pooled = run_cli(".", "--format", "json", "--jobs", "2", cwd=project)
    warm = run_cli(".", "--format", "json", "--jobs", "2", cwd=project)
    assert json.loads(serial.stdout)["findings"] == json.loads(pooled.stdout)["findings"] == json.loads(warm.stdout)["findings"]
    assert len(json.loads(serial.stdout)["findings"]) == 40 + len(marked(SAMPLES / "bookstore"))
    assert json.loads(pooled.stdout)["summary"]["parsed"] > 40
    assert json.loads(warm.stdout)["summary"]["parsed"] == 0  # every file answered from the cache


def test_settings_flag_makes_the_project_where_the_module_imports_from(tmp_path):
    # Django's own tests/ look like this: settings at the top, a nested manage.py project inside.
    tests = tmp_path / "tests"
    shutil.copytree(SAMPLES / "bookstore", tests / "nested")
    (tests / "test_sqlite.py").write_text('DATABASES = {"default": {}, "other": {}}\n')
    (tests / "app").mkdir()
    (tests / "app" / "views.py").write_text(
        "from django.db import connections\n\nconnections['other']\nconnections['replica']\n")
    proc = run_cli("tests", "--settings", "test_sqlite", "--format", "json", "--no-cache", cwd=tmp_path)
    doc = json.loads(proc.stdout)
    assert [p["root"] for p in doc["summary"]["projects"]] == ["tests"]
    assert ("tests/app/views.py", 4, "MDB501") in findings_of(proc.stdout)
    assert not any(f[0] == "tests/app/views.py" and f[1] == 3 for f in findings_of(proc.stdout))
    proc = run_cli("tests", "--settings", "no_such_settings", cwd=tmp_path)
    assert proc.returncode == 2 and "no_such_settings" in proc.stderr


def test_sarif_github_statistics_and_output_file(tmp_path):
    out = tmp_path / "report.sarif"
    proc = run_cli("samples/bookstore", "--format", "sarif", "--output-file", str(out), "--statistics", "--no-cache")
    assert proc.returncode == 1 and proc.stdout == ""
    sarif = json.loads(out.read_text())
    results = sarif["runs"][0]["results"]
    assert len(results) == len(marked(SAMPLES / "bookstore"))
    assert "MDB501 unknown-database-alias" in proc.stderr  # statistics go to stderr beside a file report
    github = run_cli("samples/bookstore", "--format", "github", "--no-cache").stdout.splitlines()
    assert len(github) == len(results) and all(line.startswith(("::error file=samples/bookstore/", "::warning file=samples/bookstore/")) for line in github)


def test_aliases_lists_every_site_with_what_was_resolved():
    proc = run_cli("samples/bookstore", "--aliases", "--format", "json", "--no-cache")
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    sites = {(s["path"], s["line"]): s for s in doc["sites"]}
    replica = sites[("samples/bookstore/catalog/services.py", 22)]
    assert replica["aliases"]["replica"]["how"] == "settings.REPLICA_DB"
    assert replica["aliases"]["replica"]["path"] == "samples/bookstore/bookstore_site/settings.py"
    assert any(s["unknown"] == "parameter using (archive_book() has no caller in the project)" for s in doc["sites"])
    assert doc["summary"]["sites"] == len(doc["sites"]) == doc["summary"]["resolved"] + doc["summary"]["unknown"]
    text = run_cli("samples/bookstore", "--aliases", "--no-cache").stdout
    assert "services.py:22:12: .using() -> 'replica' (settings.REPLICA_DB, samples/bookstore/bookstore_site/settings.py:" in text


def test_read_only_and_relation_groups_from_configuration(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "newsroom", project)
    (project / "news" / "extra.py").write_text(
        "from news.models import Article, Section\n\n"
        "def f():\n"
        "    Section.objects.using('analytics').create(name='x')\n"
        "    section = Section.objects.using('analytics').get(pk=1)\n"
        "    article = Article.objects.using('default').get(pk=1)\n"
        "    article.section = section\n")
    codes = lambda *args: {(f["line"], f["code"]) for f in json.loads(
        run_cli("news/extra.py", "--format", "json", "--no-cache", *args, cwd=project).stdout)["findings"]}
    assert codes() == {(7, "MDB101")}                          # no routers: different databases refuse
    assert (4, "MDB402") in codes("--read-only", "analytics")
    # newsroom has no routers, so its verdicts are known: groups only fill in unknown ones
    assert (7, "MDB101") in codes("--relation-groups", "default+analytics")


def test_relation_groups_decide_where_the_routers_cannot_be_evaluated(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "newsroom", project)
    (project / "newsroom_site" / "routers.py").write_text(
        "from somewhere import policy\n\n"
        "class DynamicRouter:\n"
        "    def allow_relation(self, obj1, obj2, **hints):\n"
        "        return policy(obj1, obj2)\n")
    settings = project / "newsroom_site" / "settings" / "__init__.py"
    settings.write_text(settings.read_text() + '\nDATABASE_ROUTERS = ["newsroom_site.routers.DynamicRouter"]\n')
    (project / "news" / "extra.py").write_text(
        "from news.models import Article, Section\n\n"
        "def f():\n"
        "    section = Section.objects.using('analytics').get(pk=1)\n"
        "    article = Article.objects.using('default').get(pk=1)\n"
        "    article.section = section\n")
    codes = lambda *args: {(f["line"], f["code"]) for f in json.loads(
        run_cli("news/extra.py", "--format", "json", "--no-cache", *args, cwd=project).stdout)["findings"]}
    assert codes() == set()                                          # the router's answer is unknown
    assert codes("--relation-groups", "default+analytics") == set()  # declared to share data
    assert codes("--relation-groups", "default,analytics") == {(6, "MDB101")}


UNKNOWNS = '''import random

from catalog.models import Book


def no_caller(db):
    return Book.objects.using(db).count()


def passed_along(db):
    return Book.objects.using(db).count()


def caller():
    return passed_along(random.choice(["default", "other"]))


def local():
    db = random.choice(["default", "other"])
    return Book.objects.using(db).count()


def tracked_object(job):
    return Book.objects.using(job.database).count()


REGISTRY = [no_caller]
'''


def test_aliases_counts_every_unknown_site_once_per_reason_category(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", site)
    (site / "catalog" / "unknowns.py").write_text(UNKNOWNS)
    doc = json.loads(run_cli("catalog/unknowns.py", "--aliases", "--format", "json", "--no-cache", cwd=site).stdout)
    reasons = {s["line"]: s["unknown"] for s in doc["sites"]}
    # at the call, the callee's parameter is named with the call that passes a value not known
    assert reasons[15] == "parameter db of passed_along() (this call passes a value not known)"
    assert doc["summary"]["unknown_by_reason"] == {
        "parameter: a caller passes a value not known": 2,   # in passed_along(), and at the call in caller()
        "parameter: callers not all known (used as a value, decorated, called from outside the project)": 1,
        "variable: a local value not statically known": 1,
        "attribute: of an object mdblint does not track": 1,
    }
    assert sum(doc["summary"]["unknown_by_reason"].values()) == doc["summary"]["unknown"] == 5
    text = run_cli("catalog/unknowns.py", "--aliases", "--no-cache", cwd=site).stdout
    assert "5 sites: 0 resolved, 5 unknown\n      2  unknown: parameter: a caller passes a value not known\n" in text


def test_every_reason_mdblint_gives_falls_in_a_named_category():
    from mdblint.sites import category
    for reason in ("parameter db (f() has no caller in the project)",
                   "parameter db (a caller passes its parameter x (the call at a.py:3 passes a value not known))",
                   "parameter db (callers too deep to follow)", "parameter db",
                   "attribute self.db (set in __init__() from its parameter db (g() is used as a value at a.py:9))",
                   "attribute self.db (a base outside the project may set it)", "attribute self.db (set outside its class)",
                   "carrier qs.db (its alias is not known)", "router.db_for_read() not statically known",
                   "command option database (its default is not known)", "return value of pick()", "computed value",
                   "setting settings.READ_DB: read at run time (the environment), else 'replica'"):
        assert not category(reason).startswith("other"), reason
    assert category("attribute self.db (set in __init__() from its parameter db (g() is used as a value at a.py:9))") \
        == "attribute: set from a constructor or method argument not known"
    assert category("parameter db (a caller passes its parameter x (f() has no caller in the project))") \
        == "parameter: no caller in the project"
