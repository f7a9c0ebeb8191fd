"""The data every layer shares: options, usage errors, a run's result, how paths are shown.

The bottom layer, with mdblint.findings (the only module it imports at run time).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mdblint.findings import Finding

if TYPE_CHECKING:
    from mdblint.project import Project


class UsageError(Exception):
    """Bad paths, flags or configuration: the CLI prints one line and exits 2."""


@dataclass
class Options:
    """What `[tool.mdblint]` and the command line set (mdblint/config.py reads and checks them)."""
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)   # glob -> codes
    settings: str | None = None       # settings module, overriding manage.py
    root: Path | None = None          # project import root, from [tool.mdblint] root
    databases: list[str] | None = None                                  # replaces DATABASES' aliases
    extend_databases: list[str] = field(default_factory=list)           # added to them
    relation_groups: list[list[str]] = field(default_factory=list)      # aliases that share data
    read_only: list[str] = field(default_factory=list)
    exclude: list[str] | None = None  # None: discovery's defaults
    extend_exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    force_exclude: bool = False       # exclude files named on the command line too
    django_version: str | None = None  # "5.2"
    cache: bool = True
    cache_dir: Path | None = None     # None: <project root>/.mdblint_cache/<version>
    jobs: int = 0                     # 0: as many as there are cores
    warn_unused_noqa: bool = False
    strict: bool = False              # what discovery cannot read is an error (exit 2), not a warning
    base: Path | None = None          # globs are relative to it: pyproject.toml's folder, else cwd


@dataclass(frozen=True)
class Problem:
    """Something that keeps mdblint from reading a project whole, so that rules stay silent where
    they would otherwise speak: printed as one warning line on stderr, listed in the JSON
    summary, an error with `--strict`."""
    cause: str            # no-project | settings-not-found | databases-unknown | installed-apps-unknown | routers-unknown | templates-unread
    message: str          # what is off, one line
    fix: str              # how to fix it: the flag or key
    project: str | None = None   # the project's root as shown, when there is one
    path: str | None = None      # the file and line of the setting at fault, when there is one
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.message}; {self.fix}"


@dataclass
class Result:
    findings: list[Finding]
    files: int            # files looked at
    parsed: int           # files that went through libcst (the rest were cached or prefiltered)
    projects: list[Project]
    project_of: dict[str, Project] = field(default_factory=dict)   # a finding's path -> its project
    problems: list[Problem] = field(default_factory=list)          # what could not be read, one per cause


def display_path(path: Any) -> str:
    """Relative to the current directory when below it, with "/" separators."""
    path = os.path.abspath(path)
    rel = os.path.relpath(path) if path.startswith(os.getcwd() + os.sep) or path == os.getcwd() else path
    return rel.replace(os.sep, "/")


# -- progress: the front end (mdblint/report/progress.py) sets the hook; the layers below only
# call `progress(...)`, which costs nothing when no one listens.

ProgressHook = Callable[[str, int, int], None]   # (stage: "indexing" | "checking", done, total)
_progress_hook: list[ProgressHook] = []


def set_progress_hook(hook: ProgressHook | None) -> None:
    _progress_hook[:] = [hook] if hook is not None else []


def progress(stage: str, done: int, total: int) -> None:
    if _progress_hook:
        _progress_hook[0](stage, done, total)


# -- deeply nested code --
# libcst's tree is as deep as the code is nested (an `a and b and ...` chain of 500 terms is 500
# nodes deep, where Python's ast keeps it flat), and its code generator, which positions come
# from, spends ~5 Python frames a level: past ~200 levels, Python's default limit of 1,000 frames
# runs out. A computation that runs out is tried once more on a thread of its own with a large
# stack and a higher limit; what runs out there too is reported as too deep (MDB005).
DEEP_STACK = 512 * 1024 * 1024   # bytes, reserved (not committed) for the second try's thread
DEEP_LIMIT = 24_000              # frames for the second try: ~4,000 levels of libcst's codegen


def deeply(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)`; if it raises RecursionError, `fn(*args)` again on a thread with `DEEP_STACK`
    bytes of stack and a recursion limit of `DEEP_LIMIT` (RecursionError if it runs out there too).
    The limit is the interpreter's: it is raised only while the caller waits for that thread."""
    try:
        return fn(*args)
    except RecursionError:
        pass
    return on_deep_stack(fn, *args)


def on_deep_stack(fn: Callable[..., Any], *args: Any, limit: int | None = DEEP_LIMIT) -> Any:
    """`fn(*args)` run on mdblint's deep-stack thread (`DEEP_STACK` bytes), with the interpreter's
    recursion limit raised to `limit` while the caller waits (None: left as it is); its result or
    its exception. Called from that thread, `fn(*args)` is run directly."""
    import sys
    import threading

    if threading.current_thread().name == _DEEP_NAME:
        return fn(*args)        # already there (a second try calling for one)
    outcome: list[Any] = []
    done = threading.Event()
    with _deep_lock:            # one caller at a time: the limit is the interpreter's
        thread = _deep_thread()
        old_limit = sys.getrecursionlimit()
        if limit is not None:
            sys.setrecursionlimit(max(old_limit, limit))
        try:
            _deep_queue[0].put((fn, args, outcome, done))
            done.wait()
        finally:
            if limit is not None:
                sys.setrecursionlimit(old_limit)
    del thread
    ok, value = outcome[0]
    if ok:
        return value
    raise value


_DEEP_NAME = "mdblint-deep-stack"
_deep_queue: list[Any] = [None, None]   # (queue, the pid that started its thread)


def _deep_thread() -> Any:
    """The deep-stack thread of this process, started on first use (again after a fork: a forked
    child has the parent's objects but not its threads)."""
    import os
    import queue
    import threading

    if _deep_queue[0] is not None and _deep_queue[1] == os.getpid():
        return None
    jobs: Any = queue.SimpleQueue()

    def serve() -> None:
        while True:
            fn, args, outcome, done = jobs.get()
            try:
                outcome.append((True, fn(*args)))
            except BaseException as e:   # noqa: BLE001 - handed to the caller's thread
                outcome.append((False, e))
            finally:
                del fn, args
                done.set()

    old_size = threading.stack_size()
    try:
        threading.stack_size(DEEP_STACK)
        threading.Thread(target=serve, name=_DEEP_NAME, daemon=True).start()
    finally:
        threading.stack_size(old_size)
    _deep_queue[0], _deep_queue[1] = jobs, os.getpid()
    return None


def _make_lock() -> Any:
    import threading
    return threading.Lock()


_deep_lock = _make_lock()
