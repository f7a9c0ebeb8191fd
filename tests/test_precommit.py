"""The pre-commit hook, run as users run it: `pre-commit try-repo` against a throwaway repository
holding a sample. pre-commit passes only the changed files; the project still comes whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers import REPO, SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*args: str, cwd) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("precommit")
    shutil.copytree(SAMPLES / "bookstore", root / "bookstore")
    (root / "bookstore" / "catalog" / "clean.py").write_text(
        "from catalog.models import Book\n\n\ndef titles():\n    return list(Book.objects.using('default').values_list('title', flat=True))\n")
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "sample", cwd=root)
    return root


def try_repo(site, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(site.parent / "pre-commit-home")}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "mdblint", *args],
                          cwd=site, capture_output=True, text=True, env=env, timeout=900)


def test_hook_reports_the_samples_findings(site):
    proc = try_repo(site, "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bookstore/catalog/services.py:84:12: MDB501 [error] unknown database alias 'replcia'" in proc.stdout
    assert "MDB101" in proc.stdout  # found through the project's other modules (a call into services.py)


def test_hook_passes_on_a_clean_changed_file(site):
    proc = try_repo(site, "--files", "bookstore/catalog/clean.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
