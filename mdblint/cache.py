"""A tiny on-disk cache of pickled objects: atomic writes, a file lock, never an exception.

A corrupt or unreadable entry loads as None; an unwritable directory means no cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Iterator

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
        return self.directory / f"{name}.pickle"

    def load(self, name: str) -> object | None:
        if self.directory is None:
            return None
        try:
            with open(self._path(name), "rb") as fh:
                return pickle.load(fh)
        except Exception:       # missing, truncated, from another version: all mean "no entry"
            return None

    def store(self, name: str, obj: object) -> None:
        if not self._ready():
            return
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.directory)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
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
