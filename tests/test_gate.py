"""The check gate is sound: with it on (units no rule can fire on are blanked, files with none
are not parsed) mdblint reports exactly what it reports with it off (MDBLINT_GATE=0).

Checked on both samples with every rule fixture copied into them as a project module (so that
the index knows it and the gate decides on it), and on any real trees named in
MDBLINT_GATE_TREES (colon-separated; slow, for a developer's machine)."""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import pytest

from mdblint import gate
from mdblint.checks import select_rules
from mdblint.discovery import ProjectRef, find_projects, settings_from_manage_py
from mdblint.engine import Linter, collect_files
from mdblint.project import load_project
from mdblint.project.units import module_facts
from mdblint.runtime import fixture_sample
from tests.helpers import REPO, SAMPLES


def _findings(project, files, monkeypatch, on: bool):
    monkeypatch.setenv("MDBLINT_GATE", "1" if on else "0")
    linter = Linter(project, select_rules())
    assert (linter.gate is not None) == on
    out = []
    for path in files:
        out += [(f.path, f.line, f.column, f.code, f.message) for f in linter.lint_path(path)[0]]
    return out, linter


@pytest.mark.parametrize("sample", ["bookstore", "newsroom"])
def test_gate_on_and_off_agree_on_samples_with_every_fixture(sample, tmp_path, monkeypatch):
    root = tmp_path / sample
    shutil.copytree(SAMPLES / sample, root)
    folder = root / "gatefixtures"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    copied = 0
    for fixture in sorted((REPO / "rules").glob("*/*.py")):
        if fixture.is_symlink() or fixture_sample(fixture) != sample:
            continue
        shutil.copy(fixture, folder / f"{fixture.parent.name}_{fixture.name}")
        copied += 1
    assert copied > 10
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    files = collect_files([root])
    with_gate, linter = _findings(project, files, monkeypatch, True)
    without, _ = _findings(project, files, monkeypatch, False)
    assert sorted(with_gate) == sorted(without)
    assert with_gate, "the fixtures report something"
    # The gate did decide on these files (they are indexed), and it skipped or blanked some.
    plans = [linter.gate.plan(linter.module_name(f)[0], _digest(f)) for f in files]
    decided = [p for p in plans if p is not None]   # the rest does not parse with ast (MDB002/MDB003 fixtures)
    assert len(decided) >= 0.9 * len(plans)
    assert any(p.skip or p.blank for p in decided)


def _digest(path: Path) -> str:
    import hashlib
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


@pytest.mark.skipif(not os.environ.get("MDBLINT_GATE_TREES"), reason="set MDBLINT_GATE_TREES to real trees (slow)")
def test_gate_on_and_off_agree_on_real_trees(monkeypatch):
    for tree in os.environ["MDBLINT_GATE_TREES"].split(":"):
        root = Path(tree).resolve()
        refs = find_projects([root], None, None)
        project = load_project(refs[0] if refs else None)
        files = collect_files([root])
        assert sorted(_findings(project, files, monkeypatch, True)[0]) == \
            sorted(_findings(project, files, monkeypatch, False)[0]), tree


SOURCE = '''\
from functools import wraps
from catalog.models import Book


def inert(x):
    return x + 1


def decorated_inner(func):
    @wraps(func)
    def wrapper(*args):
        return func(*args)

    return wrapper


def helper(qs):
    for b in qs:
        print(b.publisher.name)


def caller():
    helper(Book.objects.all())


def on_replica():
    return Book.objects.using("replica").count()


class Plain:
    def method(self):
        return [i for i in range(3)]

    def single(self): return 1
'''


def test_units_and_plan():
    tree = ast.parse(SOURCE)
    facts = module_facts(tree, SOURCE)
    units = {u.name: u for u in facts.units}
    assert units["inert"].body == 6 and units["inert"].end == 6
    assert units["decorated_inner"].body == 10, "a decorated nested def starts at its decorator"
    assert units["single"].body == 0, "a body on the def's line is never blanked"
    assert units["helper"].loops and not units["caller"].loops
    assert "using" in units["on_replica"].names
    assert units[""].kind == "module" and "Book" in units[""].names


def test_plan_keeps_callees_and_preserves_positions(tmp_path):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    path = root / "catalog" / "gated.py"
    path.write_text(SOURCE)
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    linter = Linter(project, select_rules())
    assert linter.gate is not None and gate.enabled()
    plan = linter.gate.plan("catalog.gated", _digest(path))
    blanked = {first for first, _ in plan.blank}
    lines = SOURCE.splitlines()
    kept = {name: lines.index(next(l for l in lines if l.startswith(f"def {name}"))) + 2 for name in
            ("helper", "caller", "on_replica")}
    assert not blanked & set(kept.values()), "a loop, its caller with a queryset, an alias: kept"
    assert {6, 10} <= blanked, "inert functions are blanked"
    text = plan.apply(SOURCE)
    assert len(text.splitlines()) == len(lines)
    ast.parse(text)
    # Unblanked lines are byte for byte the same, so every position of what stays is unchanged.
    spans = [range(first, last + 1) for first, last in plan.blank]
    for number, (old, new) in enumerate(zip(lines, text.splitlines()), 1):
        if not any(number in span for span in spans):
            assert old == new


def test_plan_is_none_for_content_the_index_did_not_see(tmp_path):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    linter = Linter(project, select_rules())
    assert linter.gate.plan("catalog.models", "0" * 32) is None
    assert linter.gate.plan(None, "0" * 32) is None


def test_a_cached_project_reads_its_units_only_when_a_file_is_gated(tmp_path):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    ref = ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py")
    first = load_project(ref, cache_dir=tmp_path / "cache")
    assert first.units
    cached = load_project(ref, cache_dir=tmp_path / "cache")
    assert not cached.units and cached.units_from is not None, "a warm run does not decode the units"
    linter = Linter(cached, select_rules())
    path = root / "catalog" / "services.py"
    assert linter.gate.plan("catalog.services", _digest(path)) == \
        Linter(first, select_rules()).gate.plan("catalog.services", _digest(path))
    assert list(cached.units) == ["catalog.services"], "only the gated file's units are decoded"



def test_a_method_called_on_self_is_kept_beside_its_caller(tmp_path, monkeypatch):
    # `self.line(book)` in a loop runs line() per row (perrow.py): the gate must keep line()'s body.
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    (root / "catalog" / "report.py").write_text(
        "from catalog.models import Book\n\n\nclass Report:\n    def line(self, book):\n"
        "        return book.publisher.name\n\n    def run(self):\n"
        "        return [self.line(b) for b in Book.objects.all()]\n")
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    files = [root / "catalog" / "report.py"]
    with_gate, _ = _findings(project, files, monkeypatch, True)
    without, _ = _findings(project, files, monkeypatch, False)
    assert sorted(with_gate) == sorted(without)
    assert [(f[1], f[3]) for f in with_gate] == [(9, "MDB301")] and "through self.line(b)" in with_gate[0][4]
