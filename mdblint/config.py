"""`[tool.mdblint]` in pyproject.toml, found by walking up from the first path, and the
command-line flags that override it. Every problem is a one-line `UsageError`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mdblint.discovery import DEFAULT_EXCLUDE, DEFAULT_EXCLUDE_NOTE, absolute_glob, glob_regex, is_dir, is_file, real
from mdblint.model import Options, UsageError

VERSION = re.compile(r"\d+\.\d+\Z")
# `django>=5.2`, `Django==5.2.*`, `django[argon2]~=4.2.0` in [project].dependencies
DJANGO_REQUIREMENT = re.compile(r"^\s*django\s*(?:\[[^\]]*\])?\s*(?:>=|==|~=|===)\s*(\d+\.\d+)", re.IGNORECASE)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _groups(v: Any) -> bool:
    return isinstance(v, list) and all(_strings(g) for g in v)


def _table(v: Any) -> bool:
    return isinstance(v, dict) and all(_strings(codes) for codes in v.values())


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


def _jobs(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _version(v: Any) -> bool:
    return isinstance(v, str) and bool(VERSION.match(v))


# key -> (check, what the value must be)
KEYS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "settings": (_str, "a string"),
    "root": (_str, "a string"),
    "databases": (_strings, "a list of strings"),
    "extend-databases": (_strings, "a list of strings"),
    "relation-groups": (_groups, "a list of lists of strings"),
    "read-only": (_strings, "a list of strings"),
    "select": (_strings, "a list of strings"),
    "ignore": (_strings, "a list of strings"),
    "extend-select": (_strings, "a list of strings"),
    "extend-ignore": (_strings, "a list of strings"),
    "per-file-ignores": (_table, "a table of glob = [codes]"),
    "exclude": (_strings, "a list of strings"),
    "extend-exclude": (_strings, "a list of strings"),
    "respect-gitignore": (_bool, "true or false"),
    "force-exclude": (_bool, "true or false"),
    "django-version": (_version, 'a version string like "5.2"'),
    "cache": (_bool, "true or false"),
    "cache-dir": (_str, "a string (a folder)"),
    "jobs": (_jobs, "at least 1 (an integer)"),
    "strict": (_bool, "true or false"),
}
GLOBS = ("exclude", "extend-exclude")


def attr(key: str) -> str:
    return key.replace("-", "_")


@dataclass
class Loaded:
    options: Options
    pyproject: Path | None
    origins: dict[str, str] = field(default_factory=dict)   # key -> where its value came from


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.mdblint] table, at or above `start`."""
    for candidate in _pyprojects(start):
        if "mdblint" in _tool(_read(candidate), candidate):
            return candidate
    return None


def _tool(document: dict[str, Any], path: Path) -> dict[str, Any]:
    """The document's [tool] table ({} if none); `tool = 1` is a usage error."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: tool must be a table ([tool])")
    return tool


def _pyprojects(start: Path) -> list[Path]:
    start = real(start)
    folders = ([start] if is_dir(start) else []) + list(start.parents)
    return [f / "pyproject.toml" for f in folders if is_file(f / "pyproject.toml")]


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise UsageError(f"{path}: cannot read: {e}") from None


CODE_KEYS = ("select", "ignore", "extend-select", "extend-ignore")
# Keys whose value must name something: an empty list would mean "all" or nothing, silently.
NOT_EMPTY = ("select", "databases")
STRING_KEYS = ("settings", "root", "cache-dir")


def _check_value(key: str, value: Any, where: str) -> None:
    """What the type check leaves: empty names, codes in lower case, globs that do not compile."""
    if key in STRING_KEYS and not value.strip():
        raise UsageError(f"{where} must not be empty")
    if key == "settings" and not all(part.isidentifier() for part in value.strip().split(".")):
        raise UsageError(f"{where}: {value!r} is not a dotted module name")
    if isinstance(value, list):
        items = [x for g in value for x in g] if key == "relation-groups" else value
        if any(not x.strip() for x in items) or key == "relation-groups" and any(not g for g in value):
            raise UsageError(f"{where}: an empty name in {value!r}")
        if key in NOT_EMPTY and not value:
            raise UsageError(f"{where} must name at least one {'code' if key == 'select' else 'alias'}")
    codes = value if key in CODE_KEYS else [c for cs in value.values() for c in cs] if key == "per-file-ignores" else []
    for code in codes:
        if code.strip() != code.strip().upper():
            raise UsageError(f"{where}: {code!r} is no rule code (codes are upper case: {code.strip().upper()!r})")
    if key == "per-file-ignores":
        for glob, listed in value.items():
            if not glob.strip():
                raise UsageError(f"{where}: an empty glob")
            if not listed:
                raise UsageError(f"{where}: {glob!r} names no code")
    globs = value if key in GLOBS else list(value) if key == "per-file-ignores" else []
    for glob in globs:
        if not glob.strip():
            raise UsageError(f"{where}: an empty glob")
        if glob_regex(glob).count("\\[") > glob.count("\\["):     # a '[' read as itself
            raise UsageError(f"{where}: {glob!r} has a '[' without its ']' (write [[] for a '[')")
        try:
            re.compile(glob_regex(glob))
        except re.error as e:
            raise UsageError(f"{where}: {glob!r} is not a valid glob ({e})") from None


def set_option(options: Options, key: str, value: Any, base: Path, where: str) -> None:
    """Check `value` for `key` and store it on `options` (globs and root relative to `base`)."""
    check, expected = KEYS[key]
    if not check(value):
        raise UsageError(f"{where} must be {expected}")
    _check_value(key, value, where)
    if key == "cache-dir":
        value = (base / value).resolve()
    elif key == "root":
        value = (base / value).resolve()
        if not value.is_dir():
            raise UsageError(f"{where}: {str(value)!r} is not a directory")
    elif key in GLOBS:
        value = [absolute_glob(g, base) for g in value]
    elif key == "per-file-ignores":
        value = {absolute_glob(g, base): codes for g, codes in value.items()}
    setattr(options, attr(key), value)


def read(paths: list[Path]) -> Loaded:
    """Options from the nearest pyproject.toml with a [tool.mdblint] table (or defaults)."""
    start = paths[0] if paths else Path.cwd()
    pyproject = find_pyproject(start)
    loaded = Loaded(Options(base=pyproject.parent if pyproject else Path.cwd()), pyproject)
    if pyproject is not None:
        table = _tool(_read(pyproject), pyproject)["mdblint"]
        if not isinstance(table, dict):
            raise UsageError(f"{pyproject}: [tool.mdblint] must be a table")
        for key, value in table.items():
            if key not in KEYS:
                raise UsageError(unknown_key(pyproject, key))
            set_option(loaded.options, key, value, pyproject.parent, f"{pyproject}: [tool.mdblint] {key}")
            loaded.origins[key] = str(pyproject)
    if loaded.options.django_version is None:
        # From the requirements: this pyproject's, or the nearest one's.
        for candidate in [pyproject] if pyproject else _pyprojects(start)[:1]:
            found = django_requirement(_read(candidate), candidate)
            if found:
                loaded.options.django_version = found
                loaded.origins["django-version"] = f"{candidate} [project].dependencies"
    return loaded


def unknown_key(where: Path, key: str) -> str:
    """The one-line error for a key [tool.mdblint] does not have, with the nearest known one."""
    import difflib

    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(KEYS)}"
    return f"{where}: unknown key [tool.mdblint] {key!r} ({hint})"


def read_file(path: Path) -> Loaded:
    """`--config FILE`: the options of that file only (no other is read). A pyproject.toml gives
    its [tool.mdblint] table; any other TOML file (mdblint.toml) is the table itself. Globs and
    paths in it are relative to its folder."""
    if not path.is_file():
        raise UsageError(f"--config {path}: no such file")
    path = path.resolve()
    document = _read(path)
    table = _tool(document, path).get("mdblint", {}) if path.name == "pyproject.toml" else document
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.mdblint] must be a table")
    loaded = Loaded(Options(base=path.parent), path)
    for key, value in table.items():
        if key not in KEYS:
            raise UsageError(unknown_key(path, key))
        set_option(loaded.options, key, value, path.parent, f"{path}: {key}")
        loaded.origins[key] = str(path)
    if loaded.options.django_version is None and path.name == "pyproject.toml":
        found = django_requirement(document, path)
        if found:
            loaded.options.django_version = found
            loaded.origins["django-version"] = f"{path} [project].dependencies"
    return loaded


def isolated() -> Loaded:
    """`--isolated`: no configuration file at all, the defaults and the flags only."""
    return Loaded(Options(base=Path.cwd()), None)


def load(paths: list[Path]) -> tuple[Options, Path | None]:
    loaded = read(paths)
    return loaded.options, loaded.pyproject


def django_requirement(document: dict[str, Any], path: Path | None = None) -> str | None:
    project = document.get("project", {})
    if not isinstance(project, dict):
        raise UsageError(f"{path or 'pyproject.toml'}: project must be a table ([project])")
    dependencies = project.get("dependencies", [])
    for dependency in dependencies if isinstance(dependencies, list) else []:
        match = DJANGO_REQUIREMENT.match(dependency) if isinstance(dependency, str) else None
        if match:
            return match.group(1)
    return None


# -- --show-settings --

def _toml(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Path):
        return _toml(value.as_posix())
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def show(loaded: Loaded) -> str:
    """The resolved configuration as `key = value  # origin` lines."""
    lines = [f"# configuration: {loaded.pyproject or 'defaults'}"]
    for key in KEYS:
        value = getattr(loaded.options, attr(key))
        text = _toml(value)
        if key == "databases" and value is None:
            text = "(from DATABASES)"
        elif key == "exclude" and value is None:
            text = f"{_toml(DEFAULT_EXCLUDE)}  (and {DEFAULT_EXCLUDE_NOTE})"
        elif key == "select" and not value:
            text = '["MDB"]'
        elif key == "jobs" and value == 0:
            text = "(one per core)"
        lines.append(f"{key} = {text}  # {loaded.origins.get(key, 'defaults')}")
    return "\n".join(lines) + "\n"
