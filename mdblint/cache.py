"""A tiny on-disk cache of plain data: atomic writes, a file lock, never an exception.

Entries are MessagePack (`mdblint.codec`), decoded into the type the caller names and checked
against it, so a cache folder shipped in a repository, a tarball or a CI cache is data, never
code. A missing, corrupt, unreadable or wrongly shaped entry, or one of another format version,
loads as None; an unwritable directory means no cache.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterator

try:
    import fcntl
except ImportError:          # Windows: no locking (writes stay atomic)
    fcntl = None

import mdblint


@functools.cache
def code_fingerprint() -> str:
    """A hash of mdblint's own source, part of every cache key: a changed mdblint (a development
    checkout, an upgrade that kept the version number) never reads another's results."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()


def default_cache_dir(root: Path) -> Path:
    """`$MDBLINT_CACHE_DIR`, else `<root>/.mdblint_cache/<version>`."""
    env = os.environ.get("MDBLINT_CACHE_DIR")
    if env:
        return Path(env)
    return Path(root) / ".mdblint_cache" / mdblint.__version__


class Cache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = Path(directory) if directory is not None else None

    def _ready(self) -> bool:
        if self.directory is None:
            return False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            gitignore = self.directory / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
        except OSError:
            self.directory = None
            return False
        return True

    def _path(self, name: str) -> Path:
        from mdblint import codec      # not at the top: codec imports mdblint.project, which imports this

        # The format version is part of the name: files of another format are never opened.
        return self.directory / f"{name}.v{codec.FORMAT}.msgpack"

    def load(self, name: str, kind: Any) -> Any:
        """The entry `name` as a validated `kind` (a type such as `dict[str, tuple[str, Finding]]`),
        or None if it is missing or is not a `kind`."""
        from mdblint import codec

        if self.directory is None:
            return None
        try:
            # Non-blocking and regular files only: a FIFO or a device planted there reads as nothing.
            fd = os.open(self._path(name), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return None
                data = fh.read()
            # Decoding builds no cycles: the cyclic collector, run over and over on a large entry's
            # new objects, would take longer than the decoding.
            collecting = gc.isenabled()
            gc.disable()
            try:
                return codec.decode(data, kind)
            finally:
                if collecting:
                    gc.enable()
        except Exception:       # missing, truncated, of another shape or version: all mean "no entry"
            return None

    def store(self, name: str, obj: object) -> None:
        from mdblint import codec

        if not self._ready():
            return
        try:
            data = codec.encode(obj)
        except Exception:       # a type the codec does not know: a bug, shown in tests
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            return
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.directory)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self._path(name))
            tmp = None
        except Exception:
            pass
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    @contextlib.contextmanager
    def lock(self, name: str = "lock") -> Iterator[None]:
        """An exclusive lock around a read-modify-write (a no-op without fcntl or a directory)."""
        if fcntl is None or not self._ready():
            yield
            return
        try:
            fh = open(self.directory / f"{name}.lock", "a+b")
        except OSError:
            yield
            return
        with fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            except OSError:
                pass
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


CACHE_FOLDER = ".mdblint_cache"
_NOT_SEARCHED = frozenset({CACHE_FOLDER, ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "node_modules",
                           "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages"})


def clean(root: Path, extra: list[Path] = ()) -> list[Path]:
    """`mdblint clean`: remove every .mdblint_cache folder at or under `root` (not following
    links), and the folders of `extra` that hold an mdblint cache; returns what was removed."""
    import shutil

    found: list[Path] = []
    for dirpath, dirnames, _ in os.walk(root):
        if CACHE_FOLDER in dirnames:
            found.append(Path(dirpath) / CACHE_FOLDER)
        # Not into version control, virtual environments or other tools' caches (never a project's cache).
        dirnames[:] = [d for d in dirnames if d not in _NOT_SEARCHED]
    for folder in extra:
        folder = Path(folder)
        # Only a folder mdblint made (its .gitignore and msgpack entries): never a user's folder.
        if folder.is_dir() and (folder / ".gitignore").is_file() and \
                all(p.suffix in (".msgpack", ".lock", ".tmp") or p.name == ".gitignore" for p in folder.iterdir()):
            found.append(folder)
    removed = []
    for folder in found:
        if folder.is_symlink():
            folder.unlink()
        else:
            shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
