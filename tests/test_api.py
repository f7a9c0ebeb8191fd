"""The Python API: `mdblint.lint(paths, **options) -> Result` gives the CLI's findings."""

from __future__ import annotations

import json
import shutil

import pytest

import mdblint
from tests.helpers import SAMPLES, run_cli


def cli_findings(*args: str, cwd) -> set[tuple]:
    proc = run_cli(*args, "--format", "json", "--no-cache", cwd=cwd)
    return {(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in json.loads(proc.stdout)["findings"]}


def api_findings(result: mdblint.Result) -> set[tuple]:
    return {(f.path, f.line, f.column, f.code, f.message) for f in result.findings}


def test_lint_gives_the_clis_findings(tmp_path, monkeypatch):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    monkeypatch.chdir(root)
    result = mdblint.lint(".", cache=False, jobs=1)
    assert isinstance(result, mdblint.Result) and result.findings
    assert api_findings(result) == cli_findings(".", cwd=root)
    assert result.problems == [] and [p.ref.settings_module for p in result.projects] == ["bookstore_site.settings"]
    assert all(isinstance(f, mdblint.Finding) for f in result.findings)
    # Options are the [tool.mdblint] keys, "_" for "-", and several paths may be given.
    only = mdblint.lint(["catalog", "accounts"], select=["MDB5"], cache=False)
    assert only.findings and {f.code for f in only.findings} == {"MDB501"}
    assert api_findings(only) == cli_findings("catalog", "accounts", "--select", "MDB5", cwd=root)


def test_configuration_is_read_unless_isolated(tmp_path, monkeypatch):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    (root / "pyproject.toml").write_text('[tool.mdblint]\nselect = ["MDB501"]\ncache = false\n')
    monkeypatch.chdir(root)
    assert {f.code for f in mdblint.lint().findings} == {"MDB501"}
    assert len({f.code for f in mdblint.lint(isolated=True, cache=False).findings}) > 1


def test_errors_and_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    with pytest.raises(mdblint.UsageError, match="unknown option 'selct'"):
        mdblint.lint(".", selct=["MDB5"])
    with pytest.raises(mdblint.UsageError, match="option jobs must be"):
        mdblint.lint(".", jobs=0)
    with pytest.raises(mdblint.UsageError, match="no such file"):
        mdblint.lint("missing")
    (tmp_path / "a.py").write_text("x = 1\n")
    result = mdblint.lint(".", cache=False)
    assert [p.cause for p in result.problems] == ["no-project"] and isinstance(result.problems[0], mdblint.Problem)
    with pytest.raises(mdblint.UsageError, match="no Django project found"):
        mdblint.lint(".", cache=False, strict=True)


def test_import_mdblint_stays_cheap():
    import subprocess
    import sys

    code = "import sys, mdblint; print(mdblint.__version__); print('mdblint.engine' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [mdblint.__version__, "False"]
