"""mdblint: a static linter for Django multi-database misuse.

`mdblint.lint(paths, **options) -> mdblint.Result` is the Python API (see mdblint/api.py)."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
__all__ = ["Finding", "Problem", "Result", "UsageError", "__version__", "lint"]

# Loaded on first use, so that `import mdblint` (every module reads __version__) stays cheap and
# the package's root imports no layer (importlib: import-linter sees no edge from here).
_LAZY = {"lint": "mdblint.api", "Result": "mdblint.model", "Problem": "mdblint.model",
         "UsageError": "mdblint.model", "Finding": "mdblint.findings"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mdblint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
