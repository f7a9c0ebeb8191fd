"""`# noqa` in the CLI: flake8's semantics (the same findings as `flake8 --select MDB`), the
file-level forms, and --warn-unused-noqa."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mdblint.cli import main
from mdblint.noqa import NoqaFile, line_ranges
from tests.helpers import SAMPLES, run_cli

PROBE = '''

def noqa_probe():
    a = Book.objects.using("same_line").count()  # noqa: MDB501
    b = Book.objects.using("prefix").count()  # noqa:MDB5
    c = Book.objects.using("upper").count()  # NOQA: MDB501,E501
    d = Book.objects.using("bare").count()  # noqa
    e = Book.objects.using("lower_codes").count()  # noqa: mdb501
    f = Book.objects.using("other_code").count()  # noqa: MDB2
    g = Book.objects.using("backslash") \\
        .count()  # noqa: MDB501
    h = Book.objects.using(
        "in_brackets",
    ).count()  # noqa: MDB501
    i = Book.objects.using("""multi
line""").count()  # noqa: MDB501
    j = Book.objects.using("after_text").count()  # type: ignore[misc]  # noqa: MDB501 (anywhere on the line)
    k = Book.objects.using("reported").count()
    return a, b, c, d, e, f, g, h, i, j, k
'''
SUPPRESSED = {"same_line", "prefix", "upper", "bare", "backslash", "multi\nline", "after_text"}
REPORTED = {"lower_codes", "other_code", "in_brackets", "reported"}


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    services = tmp_path / "site" / "catalog" / "services.py"
    services.write_text(services.read_text() + PROBE)
    return tmp_path / "site"


def aliases(proc: subprocess.CompletedProcess, path: str = "catalog/services.py") -> set[str]:
    assert proc.returncode in (0, 1), proc.stderr
    return {f["data"]["alias"] for f in json.loads(proc.stdout)["findings"] if f["path"] == path}


def test_noqa_on_the_line_with_prefixes_and_continuations(site):
    proc = run_cli(".", "--format", "json", "--no-cache", "--select", "MDB501", cwd=site)
    found = aliases(proc)
    assert REPORTED <= found and not found & SUPPRESSED


def test_same_findings_as_flake8(site):
    proc = run_cli(".", "--no-cache", "--format", "concise", cwd=site)
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--select", "MDB", "."], cwd=site,
                            capture_output=True, text=True, timeout=300)
    assert flake8.returncode == 1, flake8.stderr
    # flake8 prints "./path"
    assert sorted(line.removeprefix("./") for line in flake8.stdout.splitlines()) == sorted(proc.stdout.splitlines())


@pytest.fixture
def run(capsys, monkeypatch):
    """run(cwd, *args) -> (exit code, stdout, stderr) of `mdblint ARGS`, in-process."""
    def run(cwd: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.mark.parametrize("comment, skipped", [
    ("# flake8: noqa", True),
    ("# mdblint: noqa", True),
    ("  # FLAKE8=NOQA", True),
    ("# flake8: noqa: MDB501", True),   # flake8 skips the file here too
    ("x = 1  # flake8: noqa", False),   # not alone on its line
    ("#flake8: noqa", False),           # flake8 wants the space
])
def test_file_level_noqa(run, site, comment, skipped):
    views = site / "catalog" / "views.py"
    views.write_text(comment + "\n" + views.read_text())
    code, out, err = run(site, ".", "--format", "json", "--no-cache", "--select", "MDB501")
    proc = subprocess.CompletedProcess([], code, out, err)
    assert (aliases(proc, "catalog/views.py") == set()) is skipped
    assert aliases(proc)  # other files are still reported


def test_noqa_is_applied_to_cached_results_too(site):
    first = run_cli(".", "--format", "json", "--select", "MDB501", cwd=site)
    warm = run_cli(".", "--format", "json", "--select", "MDB501", cwd=site)
    assert json.loads(warm.stdout)["summary"]["parsed"] == 0
    assert aliases(first) == aliases(warm) and not aliases(warm) & SUPPRESSED


def test_unused_noqa(tmp_path):
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    site = tmp_path / "site"
    views = site / "catalog" / "views.py"
    views.write_text(views.read_text().replace("# expect: MDB501", "# noqa: MDB501"))
    (site / "catalog" / "extra.py").write_text(textwrap.dedent('''\
        from catalog.models import Book


        def f():
            a = Book.objects.using("default").count()  # noqa: MDB501
            b = Book.objects.using("default").count()  # noqa: MDB5, MDB0, E501
            c = Book.objects.using("default").count()  # noqa
            d = Book.objects.using("nope").count()  # noqa: MDB501,MDB003
            e = Book.objects.using("default").count()  # noqa: E501
            f = Book.objects.using("default").count()  # noqa: mdb501
            return a, b, c, d, e, f
    '''))
    clean = ["catalog/views.py", "catalog/extra.py", "--select", "MDB5,MDB0", "--no-cache"]
    proc = run_cli(*clean, cwd=site)
    assert proc.returncode == 0 and proc.stdout == "All checks passed! (2 files checked)\n" and proc.stderr == ""
    proc = run_cli(*clean, "--warn-unused-noqa", cwd=site)
    assert proc.returncode == 1 and proc.stdout == "Found 4 unused noqa (2 files checked).\n"
    assert proc.stderr.splitlines() == [
        "catalog/extra.py:5: unused noqa: MDB501",
        "catalog/extra.py:6: unused noqa: MDB5, MDB0",
        "catalog/extra.py:8: unused noqa: MDB003",
        "catalog/extra.py:10: unused noqa: mdb501",   # flake8 compares codes as written
    ]
    # codes of rules that did not run are not unused
    proc = run_cli(*clean[:2], "--select", "MDB501", "--no-cache", "--warn-unused-noqa", cwd=site)
    assert proc.stderr.splitlines() == [
        "catalog/extra.py:5: unused noqa: MDB501",
        "catalog/extra.py:6: unused noqa: MDB5",
        "catalog/extra.py:10: unused noqa: mdb501",
    ]


def test_ranges_are_flake8s():
    source = "a = f(\n    1,\n)\nb = '''x\ny'''\nc = 1 + \\\n    2\n"
    lines = source.splitlines(keepends=True)
    assert line_ranges(lines) == {1: (1, 1), 2: (2, 2), 3: (3, 3), 4: (4, 5), 5: (4, 5), 6: (6, 7), 7: (6, 7)}
    assert line_ranges(["x = (\n"]) == {}   # tokenize fails: each line stands alone


def test_directive_line_in_a_joined_range():
    file = NoqaFile(b"x = '''a\nb'''  # noqa: MDB501\n")
    assert file.directive(1).line == 2 and file.directive(1).codes == ["MDB501"]
