"""Results are cached per file: an edit re-checks that file, and the files whose analysis read
it (a module whose functions they summarized), not the whole project."""

from __future__ import annotations

import shutil

from mdblint.engine import Options, lint_paths
from tests.helpers import SAMPLES


def _run(root, monkeypatch, cache):
    monkeypatch.setenv("MDBLINT_CACHE_DIR", str(cache))
    monkeypatch.chdir(root)
    return lint_paths([root], Options(jobs=1))


def test_an_edit_rechecks_only_that_file(tmp_path, monkeypatch):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    cache = tmp_path / "cache"
    first = _run(root, monkeypatch, cache)
    assert first.parsed > 1 and first.findings
    again = _run(root, monkeypatch, cache)
    assert again.parsed == 0 and again.findings == first.findings
    with open(root / "catalog" / "views.py", "a") as f:
        f.write("\n# an edit\n")
    edited = _run(root, monkeypatch, cache)
    assert edited.parsed == 1, "only the edited file is checked again"
    assert edited.findings == first.findings


def test_an_edit_to_a_module_rechecks_the_files_that_read_it(tmp_path, monkeypatch):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    cache = tmp_path / "cache"
    first = _run(root, monkeypatch, cache)
    # catalog/managers.py holds the custom manager whose methods other files' analysis summarizes.
    with open(root / "catalog" / "managers.py", "a") as f:
        f.write("\n# an edit\n")
    edited = _run(root, monkeypatch, cache)
    assert 1 <= edited.parsed < first.parsed
    assert edited.findings == first.findings
