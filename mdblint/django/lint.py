"""Lint paths with a project built from the live settings (mdblint.django.facts), as `lint_paths` does
with the static one: the same rules, configuration, results cache, `# noqa` and per-file-ignores."""

from __future__ import annotations

import contextlib
import sys
import types
from pathlib import Path

from mdblint import discovery
from mdblint.engine import _check_aliases, _configured, _lint_project, collect_files, selected_rules
from mdblint.model import Options, Result, display_path
from mdblint.project import Project, load_project


def lint_with(project: Project, paths: list[Path], options: Options,
              unused_noqa: list[tuple[str, int, list[str]]] | None = None) -> Result:
    """Lint `paths`; the files below the project's root with `project`, any others without a project."""
    rules = selected_rules(options)
    project = _configured(project, options)
    _check_aliases([project], options)
    assert project.ref is not None
    files = collect_files(paths, options)
    inside = [f for f in files if discovery.owner(f, [project.ref]) is not None]
    outside = [f for f in files if discovery.owner(f, [project.ref]) is None]
    projects = [project]
    with _workers_without_main():
        findings, parsed = _lint_project(project, rules, inside, options, unused_noqa)
        if outside:
            projects.append(load_project(None))
            more, more_parsed = _lint_project(projects[-1], rules, outside, options, unused_noqa)
            findings, parsed = findings + more, parsed + more_parsed
    project_of = {display_path(f): project for f in inside} | {display_path(f): projects[-1] for f in outside}
    return Result(sorted(findings), len(files), parsed, projects, project_of)


@contextlib.contextmanager
def _workers_without_main():
    """While the engine's spawned workers start, `__main__` is a module without a file: a spawned
    process runs the parent's main file again (as `__mp_main__`), and a `manage.py` without an
    `if __name__ == "__main__":` guard would run the command again in every worker, which could
    not start. The workers need nothing from it (they run mdblint.engine's functions)."""
    main = sys.modules.get("__main__")
    stub = types.ModuleType("__main__")
    stub.__spec__ = None
    sys.modules["__main__"] = stub
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
