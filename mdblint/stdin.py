"""`mdblint - --stdin-filename PATH`, as editors call linters: the text comes on stdin, and is
checked as if it were the file PATH of its project (its settings, models and helpers read from
disk, as usual). With `--fix` the fixed text is the output."""

from __future__ import annotations

import os
from pathlib import Path

from mdblint import discovery, noqa
from mdblint.checks import select_rules
from mdblint.engine import FIXABLE, Linter, _cache_dir, _configured
from mdblint.model import Options, Result, UsageError, display_path
from mdblint.project import load_project

DEFAULT_NAME = "stdin.py"   # without --stdin-filename: outside every project


def _linter(path: Path, options: Options, codes: list[str] | None = None) -> tuple[Linter, object]:
    try:
        rules = select_rules([*(options.select or ["MDB"]), *options.extend_select],
                             [*options.ignore, *options.extend_ignore]) if codes is None else select_rules(codes)
    except ValueError as e:
        raise UsageError(str(e)) from None
    refs = discovery.find_projects([path], options.settings, options.root)
    if options.settings and not refs:
        raise UsageError(f"settings module {options.settings!r} not found at or above {display_path(path)}")
    ref = discovery.owner(path, refs)
    project = _configured(load_project(ref, cache_dir=_cache_dir(ref.root, options)), options) if ref \
        else load_project(None)
    linter = Linter(project, rules, options.read_only, options.relation_groups, options.django_version)
    return linter, project


def excluded(path: Path, options: Options) -> bool:
    """With `--force-exclude`, a stdin file whose name is excluded is not checked (as ruff does)."""
    if not options.force_exclude:
        return False
    excluder = discovery.Excluder(options.exclude, options.extend_exclude, options.respect_gitignore, options.base)
    return excluder.excluded(path)


def path_of(filename: str | None) -> Path:
    return Path(os.path.abspath(filename or DEFAULT_NAME))


def lint(data: bytes, filename: str | None, options: Options,
         unused_noqa: list[tuple[str, int, list[str]]] | None = None) -> Result:
    """The findings of `data` checked as the file `filename`, after per-file-ignores and `# noqa`."""
    path = path_of(filename)
    if excluded(path, options):
        return Result([], 0, 0, [])
    linter, project = _linter(path, options)
    raw, parsed = linter.lint_bytes(path, data)
    shown = display_path(path)
    ignored = tuple(c.strip().upper() for glob, codes in options.per_file_ignores.items()
                    if discovery.GlobSet([glob]).match(path.as_posix()) for c in codes)
    raw = [f for f in raw if not f.code.startswith(ignored)] if ignored else raw
    kept, unused = noqa.apply(data, raw, linter.codes, options.warn_unused_noqa)
    if unused_noqa is not None:
        unused_noqa.extend((shown, line, codes) for line, codes in unused)
    return Result(sorted(kept), 1, int(parsed), [project], {shown: project})


def fix(data: bytes, filename: str | None, options: Options) -> tuple[bytes, int]:
    """`data` with what `--fix` fixes among its reported findings fixed, and how many."""
    path = path_of(filename)
    if excluded(path, options):
        return data, 0
    wanted = {(f.line, f.column, f.code) for f in lint(data, filename, options).findings if f.code in FIXABLE}
    if not wanted:
        return data, 0
    linter, _ = _linter(path, options, list(FIXABLE))
    fixed = 0
    for _ in range(3):   # as fix_paths: a queryset nested in another fixed one waits for a pass
        new, count = linter.fix_bytes(path, data, wanted)
        if new is None:
            break
        data, fixed = new, fixed + count
        wanted = {(f.line, f.column, f.code) for f in lint(data, filename, options).findings if f.code in FIXABLE}
    return data, fixed

