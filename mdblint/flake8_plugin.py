"""flake8 adapter: the same engine, one file at a time, codes `MDB...`.

flake8 instantiates the plugin once per file, in several worker processes (forked on Linux up to
Python 3.13, spawned elsewhere, so every worker may run `parse_options` itself). The project
graph is therefore loaded per process, lazily, from the on-disk cache that the first process to
get there builds under a lock. flake8 applies select/ignore, noqa and per-file-ignores itself.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Iterator

import mdblint
from mdblint.model import Problem, display_path


class Flake8Checker:
    name = "mdblint"
    version = mdblint.__version__
    settings: ClassVar[str | None] = None
    _linters: ClassVar[dict[Any, Any]] = {}
    _by_folder: ClassVar[dict[Any, Any]] = {}

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
        cls.settings = settings_option(getattr(options, "mdblint_settings", None))

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.filename in ("stdin", "-", None):
            return
        from mdblint.engine import few_collections

        path = Path(self.filename).absolute()
        with few_collections():
            found = _linter_for(path, self.settings)
            problems = found.problems
            findings = []
            if found.linter is not None:
                data = _file_bytes(path, self.lines)
                findings = _cached_lint(found.linter, found.cache, found.key, path, data)
        for problem in problems:
            # Each once per flake8 run, on the first file checked (the CLI prints them on stderr).
            if _first_report(problem):
                yield 1, 0, f"MDB500 {problem}", type(self)
        for f in findings:
            yield f.line, f.column - 1, f"{f.code} {f.message}", type(self)


def _file_bytes(path: Path, lines: list[str]) -> bytes:
    """The file's bytes as on disk, as the CLI reads them: flake8's `lines` are text it decoded
    itself (latin-1 when the declared encoding fails), which re-encoded would turn a file that is
    not valid in its encoding (MDB002) into another one. Without the file: the lines, in UTF-8."""
    try:
        return path.read_bytes()
    except OSError:
        return "".join(lines).encode("utf-8", "surrogateescape")


def settings_option(value: Any) -> str | None:
    """`mdblint-settings` as flake8's config reader gives it: an inline `# comment` is kept in the
    value (configparser does not strip it), so it is cut here; a dotted name has no `#`."""
    if not isinstance(value, str):
        return None
    value = value.split("#", 1)[0].strip().strip("\"'")
    return value or None


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


@dataclass
class Found:
    """What the plugin has for a file's project: the engine, its results cache and key (None when
    the project could not be loaded), and what could not be read (reported as MDB500)."""
    linter: Any = None
    cache: Any = None
    key: str = ""
    problems: list[Problem] = field(default_factory=list)


def _linter_for(path: Path, settings: str | None) -> Found:
    """The engine for `path`'s project, its results cache and key: found as the CLI finds it,
    loaded once per process; a project that cannot be loaded gives its problem instead."""
    from mdblint import config
    from mdblint.engine import UsageError

    try:
        options, _ = config.load([path])
        if settings:
            options.settings = settings
        key = (path.parent, options.settings, options.root)
        if key not in Flake8Checker._by_folder:
            Flake8Checker._by_folder[key] = _load(path, options)
        return Flake8Checker._by_folder[key]
    except UsageError as e:
        return Found(problems=[Problem("settings-not-found" if "settings" in str(e) else "configuration", str(e),
                                       "fix the configuration (mdblint-settings, [tool.mdblint])")])


def _load(path: Path, options: Any) -> Found:
    from mdblint import discovery
    from mdblint.cache import Cache
    from mdblint.checks import select_rules
    from mdblint.engine import Linter, _cache_dir, discover_projects, no_project, options_key, results_key
    from mdblint.project import load_project
    from mdblint.project.problems import project_problems

    found = discover_projects([path], options)   # upwards from the file only
    ref = discovery.owner(path, found.projects)
    problems = [p for p in found.problems if ref is not None and p.project in (None, display_path(ref.root))]
    if ref is None:
        problems = [no_project([Path(".")])]   # one message for every folder: reported once
    key = (ref, options.settings)
    if key not in Flake8Checker._linters:
        cache_dir = _cache_dir(ref.root, options) if ref else None
        project = load_project(ref, cache_dir=cache_dir)
        # flake8 chooses the codes; run every rule. Findings are cached without their path.
        rules = select_rules()
        Flake8Checker._linters[key] = Found(Linter(project, rules), Cache(cache_dir),
                                            results_key(project, [r.code for r in rules], options_key(options), ""),
                                            project_problems(project, options.databases is not None))
    loaded = Flake8Checker._linters[key]
    return Found(loaded.linter, loaded.cache, loaded.key, problems + loaded.problems)


def _first_report(problem: Problem) -> bool:
    """True the first time this flake8 run (its main process and the workers it started) asks
    for `problem`: a marker file, created exclusively, per run and problem."""
    import hashlib
    import multiprocessing
    import os
    import tempfile
    import time

    parent = multiprocessing.parent_process()
    main = parent.pid if parent is not None else os.getpid()
    run = f"{main}-{_started(main)}"
    folder = Path(tempfile.gettempdir()) / f"mdblint-flake8-{os.getuid() if hasattr(os, 'getuid') else 0}"
    name = hashlib.blake2b(f"{run}\0{problem}".encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(folder / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    except OSError:
        return True   # no marker can be written: report it (a repeat beats a silence)
    os.close(fd)
    if main == os.getpid():   # now and then, forget the markers of runs older than a day
        for old in folder.iterdir():
            try:
                if old.stat().st_mtime < time.time() - 86400:
                    old.unlink()
            except OSError:
                pass
    return True


def _started(pid: int) -> str:
    """When process `pid` started (Linux: /proc), so that a reused pid is another run."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return ""
