"""flake8 adapter: the same engine, one file at a time, codes `MDB...`.

flake8 instantiates the plugin once per file, in several worker processes (forked on Linux up to
Python 3.13, spawned elsewhere, so every worker may run `parse_options` itself). The project
graph is therefore loaded per process, lazily, from the on-disk cache that the first process to
get there builds under a lock. flake8 applies select/ignore, noqa and per-file-ignores itself.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, ClassVar, Iterator

import mdblint


class Flake8Checker:
    name = "mdblint"
    version = mdblint.__version__
    settings: ClassVar[str | None] = None
    _linters: ClassVar[dict[Any, Any]] = {}

    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        # `tree` is unused, but flake8 classifies plugins by their parameter names.
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        option_manager.add_option(
            "--mdblint-settings", parse_from_config=True, default=None,
            help="mdblint: the Django settings module (default: from manage.py or [tool.mdblint])",
        )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.settings = getattr(options, "mdblint_settings", None)

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.filename in ("stdin", "-", None):
            return
        path = Path(self.filename).absolute()
        linter = _linter_for(path, self.settings)
        if linter is None:
            return
        data = "".join(self.lines).encode("utf-8")
        findings, _ = linter.lint_bytes(path, data)
        for f in findings:
            yield f.line, f.column - 1, f"{f.code} {f.message}", type(self)


def _linter_for(path: Path, settings: str | None):
    """The engine for `path`'s project: found as the CLI finds it, loaded once per process."""
    from mdblint import config, discovery
    from mdblint.checks import select_rules
    from mdblint.engine import Linter, UsageError, _cache_dir
    from mdblint.project import load_project

    try:
        options, _ = config.load([path])
    except UsageError:
        return None
    settings = settings or options.settings
    refs = discovery.find_projects([path], settings, options.root)  # upwards from the file only
    ref = discovery.owner(path, refs)
    key = (ref, settings)
    if key not in Flake8Checker._linters:
        project = load_project(ref, cache_dir=_cache_dir(ref.root, options) if ref else None)
        # flake8 chooses the codes; run every rule.
        Flake8Checker._linters[key] = Linter(project, select_rules())
    return Flake8Checker._linters[key]
