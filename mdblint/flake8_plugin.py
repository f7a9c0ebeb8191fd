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
        from mdblint.engine import few_collections

        path = Path(self.filename).absolute()
        with few_collections():
            found = _linter_for(path, self.settings)
            if found is None:
                return
            linter, cache, key = found
            data = "".join(self.lines).encode("utf-8")
            findings = _cached_lint(linter, cache, key, path, data)
        for f in findings:
            yield f.line, f.column - 1, f"{f.code} {f.message}", type(self)


def _cached_lint(linter: Any, cache: Any, key: str, path: Path, data: bytes) -> list[Any]:
    """One file's findings, from its own results entry when the file and what its analysis read
    are unchanged (an entry per file: flake8's workers write them side by side, atomically)."""
    import hashlib

    from mdblint.engine import Entry, cached_findings

    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    name = f"flake8-{key}-{hashlib.blake2b(str(path).encode('utf-8', 'surrogateescape'), digest_size=10).hexdigest()}"
    found = cached_findings(linter.project, cache.load(name, Entry), digest)
    if found is None:
        found, _ = linter.lint_bytes(path, data)
        cache.store(name, (digest, linter.last_deps, found))
    return found


def _linter_for(path: Path, settings: str | None):
    """The engine for `path`'s project, its results cache and key: found as the CLI finds it,
    loaded once per process."""
    from mdblint import config, discovery
    from mdblint.cache import Cache
    from mdblint.checks import select_rules
    from mdblint.engine import Linter, UsageError, _cache_dir, options_key, results_key
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
        cache_dir = _cache_dir(ref.root, options) if ref else None
        project = load_project(ref, cache_dir=cache_dir)
        # flake8 chooses the codes; run every rule. Findings are cached without their path.
        rules = select_rules()
        Flake8Checker._linters[key] = (Linter(project, rules), Cache(cache_dir),
                                       results_key(project, [r.code for r in rules], options_key(options), ""))
    return Flake8Checker._linters[key]
