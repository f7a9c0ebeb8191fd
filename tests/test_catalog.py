"""The rule catalog: every rule folder has its doc, mdblint reports exactly the `# expect:` lines
of every fixture, and the fixtures behave as claimed under the real Django ORM (or, for the
MDB0xx codes about unreadable files and MDB500 about unreadable settings, under Python itself)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mdblint.checks import RULES, select_rules
from mdblint.engine import Linter
from mdblint.runtime import fixture_django, fixture_sample, missing_requirement, run_fixtures
from tests.helpers import REPO, load_sample

CATALOG = REPO / "rules"
HEADINGS = ("## What it does", "## Why is this bad?", "## What Django does", "## Example", "## Fix")
EXPECT = re.compile(rb"#\s*expect:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")

# Codes that no truthful bad fixture can show: an internal error is a bug of mdblint's, to fix
# (tests/test_streams.py provokes one by making a rule raise).
NO_BAD_FIXTURE = {"MDB004"}
FOLDERS = sorted(p for p in CATALOG.iterdir() if p.is_dir())
FIXTURES = sorted(p for p in CATALOG.glob("*/*.py") if p.name.startswith(("bad_", "good_")))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def expected(path: Path) -> set[tuple[int, str]]:
    """(line, code) of every `# expect:` marker; a file that cannot be read expects MDB001 at line 1."""
    try:
        data = path.read_bytes()
    except OSError:
        return {(1, "MDB001")}
    return {
        (number, code.strip())
        for number, line in enumerate(data.splitlines(), 1)
        for match in [EXPECT.search(line)] if match
        for code in match.group(1).decode().split(",")
    }


def test_every_rule_has_a_folder_and_every_folder_a_rule():
    assert sorted(p.name for p in FOLDERS) == sorted(RULES)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_doc(folder: Path):
    doc = (folder / "README.md").read_text(encoding="utf-8")
    code = folder.name
    assert doc.startswith(f"# {code} {RULES[code].name}\n"), "first line must be '# CODE name'"
    missing = [h for h in HEADINGS if h not in doc]
    assert not missing, f"{code}/README.md lacks {missing}"
    assert "Use instead" in doc
    names = [p.name for p in folder.iterdir() if p.suffix == ".py" or p.is_symlink()]
    assert any(n.startswith("bad_") for n in names) or code in NO_BAD_FIXTURE
    assert any(n.startswith("good_") for n in names)


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_markers(fixture: Path):
    marks = expected(fixture)
    if fixture.name.startswith("good_"):
        assert not marks, "a good fixture carries no # expect: marker"
    else:
        assert marks, "a bad fixture marks the line(s) mdblint must report"
        assert {code for _, code in marks} == {fixture.parent.name}, "markers name the folder's own code"


# MDB500 (a project mdblint cannot read whole) is about settings: its fixtures are settings
# modules, read as a one-module project's, and Python runs them for the truth.
SETTINGS_CODES = ("MDB500",)


def _settings_project(fixture: Path):
    from mdblint.discovery import ProjectRef
    from mdblint.project import load_project

    return load_project(ProjectRef(fixture.parent, fixture.stem, "test"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_mdblint_reports_exactly_the_marked_lines(fixture: Path):
    if fixture.parent.name in SETTINGS_CODES:
        from mdblint.project.problems import project_problems

        problems = project_problems(_settings_project(fixture))
        assert {(p.line, "MDB500") for p in problems} == expected(fixture), [str(p) for p in problems]
        return
    project = load_sample(fixture_sample(fixture))
    findings = Linter(project, select_rules()).lint_path(fixture)[0]
    if fixture.name.startswith("bad_"):
        # A bad fixture shows one misuse; what other rules say of its set-up code is theirs. A good
        # fixture runs clean with flat query counts: no rule may report it.
        findings = [f for f in findings if f.code == fixture.parent.name]
    reported = {(f.line, f.code) for f in findings}
    assert reported == expected(fixture), "\n".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in findings)


# -- runtime truth --

# MDB0xx codes for valid Python that mdblint cannot check (too deeply nested, not parsed by
# libcst): their bad fixtures compile, like their good ones.
VALID_PYTHON_CODES = ("MDB005", "MDB006")


def _python_verdict(fixture: Path) -> tuple[bool, str]:
    """MDB0xx fixtures: a bad one must not be importable source (for MDB005/MDB006: must be), a
    good one must be."""
    try:
        compile(fixture.read_bytes(), str(fixture), "exec")
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError) as e:
        failed = f"{type(e).__name__}: {e}"
    else:
        failed = ""
    if fixture.name.startswith("bad_") and fixture.parent.name not in VALID_PYTHON_CODES:
        return bool(failed), failed or "compiled cleanly"
    return not failed, failed or "compiles"


def _settings_verdict(fixture: Path) -> tuple[bool, str]:
    """MDB500 fixtures, run by Python: a bad one sets DATABASES, INSTALLED_APPS or DATABASE_ROUTERS
    to a value Django accepts that mdblint reads as unknown; in a good one mdblint reads each of
    them exactly as Python computes it."""
    import runpy
    import sys

    sys.path.insert(0, str(fixture.parent))
    try:
        ns = runpy.run_path(str(fixture))
    finally:
        sys.path.remove(str(fixture.parent))
        for name in [m for m in sys.modules if (fixture.parent / f"{m}.py").is_file()]:
            del sys.modules[name]
    settings = _settings_project(fixture).settings
    static = {"DATABASES": None if settings.databases is None else sorted(settings.databases),
              "INSTALLED_APPS": None if settings.installed_apps is None else list(settings.installed_apps),
              "DATABASE_ROUTERS": None if settings.routers is None else list(settings.routers)}
    valid = {"DATABASES": isinstance(ns.get("DATABASES"), dict) and all(isinstance(a, str) and isinstance(c, dict)
                                                                       for a, c in ns["DATABASES"].items()),
             "INSTALLED_APPS": isinstance(ns.get("INSTALLED_APPS"), (list, tuple)),
             "DATABASE_ROUTERS": isinstance(ns.get("DATABASE_ROUTERS"), (list, tuple))}
    assert all(valid.values()), f"not settings Django accepts: {valid}"
    python = {"DATABASES": sorted(ns["DATABASES"]), "INSTALLED_APPS": list(ns["INSTALLED_APPS"]),
              "DATABASE_ROUTERS": list(ns["DATABASE_ROUTERS"])}
    unread = [k for k in python if static[k] is None]
    if fixture.name.startswith("bad_"):
        return bool(unread), f"mdblint cannot read {unread}" if unread else f"mdblint reads everything: {static}"
    return static == python, f"static {static} vs Python {python}"


def _too_old(fixture: Path) -> str | None:
    """Why the installed Django cannot run a fixture (its `# fixture: django>=X.Y` header), or None."""
    wanted = fixture_django(fixture)
    if wanted is None:
        return None
    django = pytest.importorskip("django")
    return None if django.VERSION[:2] >= wanted else f"needs Django >= {wanted[0]}.{wanted[1]}"


@pytest.fixture(scope="session")
def runtime_reports() -> dict[Path, object]:
    """Run every Django fixture once, one subprocess per sample."""
    by_sample: dict[str, list[Path]] = {}
    for fixture in FIXTURES:
        if not fixture.parent.name.startswith("MDB0") and fixture.parent.name not in SETTINGS_CODES \
                and missing_requirement(fixture) is None and not _too_old(fixture):
            by_sample.setdefault(fixture_sample(fixture), []).append(fixture)
    reports = {}
    for sample, fixtures in by_sample.items():
        for report in run_fixtures(fixtures, REPO / "samples" / sample):
            reports[Path(report.path).resolve()] = report
    return reports


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_fixture_behaves_as_claimed_at_runtime(fixture: Path, runtime_reports):
    if fixture.parent.name.startswith("MDB0"):
        ok, explanation = _python_verdict(fixture)
    elif fixture.parent.name in SETTINGS_CODES:
        ok, explanation = _settings_verdict(fixture)
    else:
        missing = missing_requirement(fixture)
        if missing is not None:   # an optional dependency (Django REST framework): the static test still ran
            pytest.skip(missing)
        if _too_old(fixture):
            pytest.skip(_too_old(fixture))
        report = runtime_reports[fixture.resolve()]
        ok, explanation = report.ok, f"{report.explanation} (Django {report.django})"
    assert ok, explanation
