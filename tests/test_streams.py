"""No traceback on any stream: a reader that stops early, an output folder that does not exist,
an internal error in one file (its MDB004 finding, the run goes on), a crash (exit 2, never 1),
and progress that shows on a terminal only."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mdblint.cli import main
from mdblint.engine import Options, lint_paths
from mdblint.report import progress
from tests.helpers import REPO, SAMPLES, run_cli


@pytest.fixture
def big(tmp_path) -> Path:
    """The bookstore sample with a file of 600 findings (more than a pipe's buffer holds) and
    one of 300 fixable loops (a diff longer than that too)."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", site, ignore=shutil.ignore_patterns(".mdblint_cache"))
    many = "".join(f'def f{i}():\n    return Book.objects.using("nope").count()\n\n' for i in range(600))
    (site / "catalog" / "many.py").write_text("from catalog.models import Book\n\n" + many)
    loops = "".join(f"def g{i}():\n    return [b.publisher.name for b in Book.objects.all()]\n\n" for i in range(300))
    (site / "catalog" / "loops.py").write_text("from catalog.models import Book\n\n" + loops)
    return site


def head_1(args: list[str], cwd: Path) -> tuple[str, int, str]:
    """`mdblint ARGS | head -1`: read one line, close the pipe, wait."""
    proc = subprocess.Popen([sys.executable, "-m", "mdblint", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    return first, proc.wait(timeout=300), err


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "junit"], ["--diff"]],
                         ids=["text", "json", "junit", "diff"])
def test_a_reader_that_stops_early_ends_the_run_quietly(big, args):
    first, code, err = head_1([".", "--no-cache", *args], big)
    assert first
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert code == 1, err   # the findings' code (the diff's: changes), not a crash's


def test_the_same_through_a_shell_pipe(big):
    proc = subprocess.run(f'"{sys.executable}" -m mdblint . --no-cache | head -1', shell=True, cwd=big,
                          capture_output=True, text=True, timeout=300)
    assert proc.stdout.count("\n") == 1 and proc.stderr == "", proc.stderr


def test_output_file_into_a_missing_folder_is_created(tmp_path):
    target = tmp_path / "reports" / "x" / "out.sarif"
    proc = run_cli("samples/bookstore", "--format", "sarif", "--output-file", str(target), "--no-cache")
    assert proc.returncode == 1 and proc.stdout == "" and "Traceback" not in proc.stderr, proc.stderr
    assert '"version": "2.1.0"' in target.read_text()


def test_output_file_onto_a_folder_or_under_a_file_is_one_line_exit_2(tmp_path):
    proc = run_cli("samples/bookstore", "--output-file", str(tmp_path), "--no-cache")
    assert proc.returncode == 2 and proc.stderr == f"mdblint: error: --output-file {tmp_path}: is a directory\n"
    (tmp_path / "file").write_text("")
    proc = run_cli("samples/bookstore", "--output-file", str(tmp_path / "file" / "out.txt"), "--no-cache")
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"mdblint: error: --output-file {tmp_path / 'file' / 'out.txt'}: ")


def test_an_internal_error_in_one_file_is_its_finding_and_the_run_goes_on(monkeypatch, tmp_path, capsys):
    import mdblint.engine as engine

    monkeypatch.delenv("MDBLINT_DEBUG")   # tests/conftest.py sets it, to make analysis bugs raise

    site = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", site)
    monkeypatch.chdir(site)
    real_walk = engine.walk

    def walk(module, ctx, handlers):
        if ctx.path.endswith("views.py"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_walk(module, ctx, handlers)

    monkeypatch.setattr(engine, "walk", walk)
    before = {(f.path, f.line, f.code) for f in lint_paths([Path(".")], Options(cache=False, jobs=1)).findings}
    views = [f for f in lint_paths([Path(".")], Options(cache=False, jobs=1)).findings if f.path == "catalog/views.py"]
    assert [f.code for f in views] == ["MDB004"] and views[0].line == 1
    assert "RecursionError: maximum recursion depth exceeded" in views[0].message
    assert "engine.py:" in views[0].message or "walk" in views[0].message
    others = {x for x in before if x[0] != "catalog/views.py"}
    assert len(others) > 5 and all(code != "MDB004" for _, _, code in others)   # the other files: checked
    capsys.readouterr()
    code = main([".", "--no-cache", "--format", "concise"])
    out, err = capsys.readouterr()
    assert code == 1 and "catalog/views.py:1:1: MDB004 internal error while checking this file (RecursionError" in out
    assert "mdblint: warning: catalog/views.py: internal error" in err and "Traceback" not in err
    # It can be ignored like any code, and the run is then clean of it.
    assert "MDB004" not in (main([".", "--no-cache", "--extend-ignore", "MDB004"]), capsys.readouterr())[1][0]


def test_an_internal_error_in_one_function_is_an_mdb004_finding_too(monkeypatch):
    import mdblint.analysis.flow as flow
    from mdblint.checks import select_rules
    from mdblint.engine import Linter
    from tests.helpers import load_sample

    real = flow.Interpreter.function

    def function(self, fn, cls):
        if fn.name.value == "count_on_replica":
            raise KeyError("boom")
        return real(self, fn, cls)

    monkeypatch.setattr(flow.Interpreter, "function", function)
    monkeypatch.delenv("MDBLINT_DEBUG")
    source = ('from catalog.models import Book\n\ndef count_on_replica():\n    return Book.objects.using("nope").count()\n\n'
              'def other():\n    return Book.objects.using("nope").count()\n')
    findings, _ = Linter(load_sample("bookstore"), select_rules()).lint_bytes(SAMPLES / "bookstore" / "catalog" / "x.py",
                                                                            source.encode())
    assert [(f.line, f.code) for f in findings] == [(1, "MDB004"), (4, "MDB501"), (7, "MDB501")]
    assert "count_on_replica: KeyError: 'boom'" in findings[0].message


def test_a_crash_exits_2_never_1_with_one_line(monkeypatch, capsys):
    import mdblint.engine as engine

    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(engine, "lint_paths", crash)
    monkeypatch.delenv("MDBLINT_DEBUG")
    monkeypatch.chdir(SAMPLES / "bookstore")
    code = main([".", "--no-cache"])
    _, err = capsys.readouterr()
    assert code == 2 and err.splitlines() == [
        "mdblint: internal error: RuntimeError: disk on fire (please report it; MDBLINT_DEBUG=1 shows the traceback)"]


def test_usage_errors_and_interrupts(monkeypatch, capsys):
    import mdblint.engine as engine

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "lint_paths", interrupted)
    monkeypatch.chdir(SAMPLES / "bookstore")
    assert main([".", "--no-cache"]) == 130
    assert capsys.readouterr()[1] == "mdblint: interrupted\n"


# -- progress --

class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_wanted_on_a_terminal_outside_ci_only(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(None, Tty()) and not progress.wanted(None, io.StringIO())
    assert progress.wanted("always", io.StringIO()) and not progress.wanted("never", Tty())
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(None, Tty()) and progress.wanted("always", Tty())


def test_progress_lines_are_redrawn_and_erased():
    stream = Tty()
    meter = progress.Progress(stream, patience=0, interval=0)
    meter("indexing", 1, 3)
    meter("checking", 12, 40)
    assert stream.getvalue().split("\r")[1:] == ["mdblint: indexing 1/3 files", "mdblint: checking 12/40 files"]
    meter.clear()
    assert stream.getvalue().endswith("\r" + " " * len("mdblint: checking 12/40 files") + "\r")
    quiet = Tty()
    progress.Progress(quiet, patience=60)("checking", 1, 2)   # a short run shows nothing
    assert quiet.getvalue() == ""


def test_progress_reports_indexing_and_checking_when_asked(big, monkeypatch, capsys):
    monkeypatch.setattr(progress, "PATIENCE", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    monkeypatch.chdir(big)
    code = main([".", "--no-cache", "--progress", "--format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and out.startswith("{")   # the report itself is untouched
    assert "mdblint: indexing " in err and "mdblint: checking " in err
    total = len(list(big.rglob("*.py")))
    assert f"indexing {total}/{total} files" in err
    assert err.endswith("\r")   # erased before the report


def test_no_progress_in_a_pipe_unless_asked(big):
    proc = run_cli(".", "--no-cache", "--format", "json", cwd=big)
    assert "mdblint: checking" not in proc.stderr and "\r" not in proc.stderr


def test_an_internal_error_while_fixing_one_file_leaves_it_and_fixes_the_others(monkeypatch, tmp_path, capsys):
    import mdblint.engine as engine
    from mdblint.engine import fix_paths

    monkeypatch.delenv("MDBLINT_DEBUG")
    site = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", site, ignore=shutil.ignore_patterns(".mdblint_cache"))
    monkeypatch.chdir(site)
    real = engine.fixes.apply

    def apply(module, chosen):
        if "def person_books" in module.code:   # catalog/views.py
            raise AttributeError("no such node")
        return real(module, chosen)

    monkeypatch.setattr(engine.fixes, "apply", apply)
    views = (site / "catalog" / "views.py").read_text()
    changes = fix_paths([Path(".")], Options(cache=False, jobs=1))
    assert sorted(c.path for c in changes) == ["accounts/services.py", "catalog/services.py"]
    assert (site / "catalog" / "views.py").read_text() == views
    assert "mdblint: warning: no fix written to catalog/views.py (internal error: AttributeError: no such node)" \
        in capsys.readouterr()[1]
