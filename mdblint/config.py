"""`[tool.mdblint]` in pyproject.toml, found by walking up from the first path."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from mdblint.engine import Options, UsageError

# key -> expected type
KEYS: dict[str, type] = {"settings": str, "root": str, "select": list, "ignore": list, "cache": bool, "jobs": int}


def find_pyproject(start: Path) -> Path | None:
    start = start.resolve()
    for folder in ([start] if start.is_dir() else []) + list(start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "mdblint" in _read(candidate).get("tool", {}):
                    return candidate
            except UsageError:
                raise
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise UsageError(f"{path}: cannot read: {e}") from None


def load(paths: list[Path]) -> tuple[Options, Path | None]:
    """Options from the nearest pyproject.toml with a [tool.mdblint] table (or defaults)."""
    pyproject = find_pyproject(paths[0] if paths else Path.cwd())
    options = Options()
    if pyproject is None:
        return options, None
    table = _read(pyproject)["tool"]["mdblint"]
    for key, value in table.items():
        expected = KEYS.get(key)
        if expected is None:
            raise UsageError(f"{pyproject}: unknown key [tool.mdblint] {key!r} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) for v in value)):
            raise UsageError(f"{pyproject}: [tool.mdblint] {key} must be a {'list of strings' if expected is list else expected.__name__}")
        if key == "root":
            value = (pyproject.parent / value).resolve()
            if not value.is_dir():
                raise UsageError(f"{pyproject}: [tool.mdblint] root {str(value)!r} is not a directory")
        setattr(options, key, value)
    return options, pyproject
