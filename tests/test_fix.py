"""`mdblint --fix` / `--diff`: each N+1 fixture marked `# fix: <call>` is fixed with that call, the
fixed code runs under Django with flat query counts and the same result, and fixing again is a no-op."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from mdblint.checks import select_rules
from mdblint.engine import FIXABLE, Linter
from mdblint.runtime import fixture_sample, missing_requirement, run_fixtures
from tests.helpers import REPO, load_sample, run_cli

FIXTURES = sorted(p for code in FIXABLE for p in (REPO / "rules" / code).glob("bad_*.py"))
MARK = re.compile(r"^# fix: (.+)$", re.M)


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def fix(path: Path, data: bytes) -> tuple[bytes | None, Linter]:
    linter = Linter(load_sample(fixture_sample(path)), select_rules(FIXABLE))
    wanted = {(f.line, f.column, f.code) for f in linter.lint_bytes(path, data)[0]}
    return linter.fix_bytes(path, data, wanted)[0], linter


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_fix_makes_the_marked_call_and_is_idempotent(fixture: Path):
    data = fixture.read_bytes()
    mark = MARK.search(data.decode())
    new, linter = fix(fixture, data)
    if mark is None:
        assert new is None, "fixed, but the fixture has no `# fix:` mark"
        return
    assert new is not None, f"not fixed: expected {mark.group(1)}"
    changed = [line for old, line in zip(data.decode().splitlines(), new.decode().splitlines()) if old != line]
    assert len(changed) == 1 and mark.group(1) in changed[0], changed
    compile(new, str(fixture), "exec")
    assert [f for f in linter.lint_bytes(fixture, new)[0] if f.code == fixture.parent.name] == []
    assert fix(fixture, new)[0] is None, "a second --fix changed the file again"


@pytest.fixture(scope="module")
def runtime(tmp_path_factory) -> dict[str, tuple]:
    """Every fixable fixture and its fixed copy, run under Django: {name: (original, fixed)}."""
    out = tmp_path_factory.mktemp("fixed")
    by_sample: dict[str, list[tuple[Path, Path]]] = {}
    for fixture in FIXTURES:
        new, _ = fix(fixture, fixture.read_bytes())
        if new is not None and missing_requirement(fixture) is None:
            copy = out / f"good_{fixture.parent.name}_{fixture.stem}.py"   # judged as good: flat counts
            copy.write_bytes(new)
            by_sample.setdefault(fixture_sample(fixture), []).append((fixture, copy))
    reports = {}
    for sample, pairs in by_sample.items():
        runs = run_fixtures([p for pair in pairs for p in pair], REPO / "samples" / sample)
        for (fixture, _), original, fixed in zip(pairs, runs[0::2], runs[1::2]):
            reports[_id(fixture)] = (original, fixed)
    return reports


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if MARK.search(f.read_text())], ids=_id)
def test_fixed_code_runs_with_flat_query_counts_and_the_same_result(fixture: Path, runtime):
    missing = missing_requirement(fixture)
    if missing is not None:
        pytest.skip(missing)
    original, fixed = runtime[_id(fixture)]
    assert original.ok, original.explanation          # the bad fixture grows ...
    assert fixed.ok, fixed.explanation                # ... the fixed one does not, and raises nothing
    assert [r.result for r in fixed.runs] == [r.result for r in original.runs]
    assert sum(fixed.runs[-1].queries.values()) < sum(original.runs[-1].queries.values())


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.py"))}


def test_cli_diff_and_fix(tmp_path):
    project = tmp_path / "bookstore"
    shutil.copytree(REPO / "samples" / "bookstore", project)
    views = project / "catalog" / "views.py"
    views.write_text(views.read_text() + (
        "\n\ndef kept():\n"
        "    return [b.publisher.name for b in Book.objects.all()]  # noqa: MDB301\n"))
    os.chmod(views, 0o640)
    before = _tree(project)

    diff = run_cli("--diff", "--no-cache", ".", cwd=project)
    assert diff.returncode == 1, diff.stderr
    assert 'Book.objects.select_related("publisher")' in diff.stdout
    assert diff.stdout.count("+++ b/") == 3 and "3 findings fixable in 3 files" in diff.stderr
    assert _tree(project) == before, "--diff wrote files"

    fixed = run_cli("--fix", "--no-cache", ".", cwd=project)
    assert "fixed 3 findings in 3 files" in fixed.stderr, fixed.stderr
    assert "MDB301" not in fixed.stdout and "MDB302" not in fixed.stdout
    assert "MDB303" in fixed.stdout and fixed.returncode == 1   # what --fix cannot fix is still reported
    after = _tree(project)
    assert sorted(k for k in after if after[k] != before[k]) == [
        "accounts/services.py", "catalog/services.py", "catalog/views.py"]
    assert "for b in Book.objects.all()]  # noqa: MDB301" in views.read_text(), "a # noqa line was fixed"
    assert os.stat(views).st_mode & 0o777 == 0o640
    assert not list(project.rglob("*.mdblint-fix")), "a temporary file was left behind"
    for text in after.values():
        compile(text, "fixed", "exec")

    again = run_cli("--fix", ".", cwd=project)
    assert "fixed 0 findings in 0 files" in again.stderr and _tree(project) == after
    assert run_cli("--diff", ".", cwd=project).returncode == 0
