"""Find the Python files to lint and the Django projects they belong to, without importing anything.

A *project* is a directory that is the import root of a Django site (the folder holding
`manage.py`, or one named by `[tool.mdblint] root`), plus its settings module. Every linted file
belongs to the deepest project whose root contains it; files outside every project are linted
with no project knowledge (rules that need it stay silent).
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

# Directories never walked: VCS metadata, virtualenvs, caches.
EXCLUDE_DIRS = frozenset({
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", ".env", "node_modules", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".mdblint_cache", "site-packages", ".eggs",
})
# Skipped unless they are Python packages themselves (an app may be called `build`).
BUILD_DIRS = frozenset({"build", "dist", "venv", "env"})


def _skip_dir(parent: str, name: str, exclude_dirs: frozenset[str]) -> bool:
    if name in exclude_dirs or name.endswith(".egg-info"):
        return True
    path = os.path.join(parent, name)
    if os.path.exists(os.path.join(path, "pyvenv.cfg")):
        return True  # a virtualenv, whatever its name
    if name in BUILD_DIRS:
        return not os.path.exists(os.path.join(path, "__init__.py"))
    if name == "migrations":
        # An app's migrations (generated code, no models); not a package that is an app itself.
        return any(os.path.exists(os.path.join(parent, f)) for f in ("models.py", "apps.py", "models"))
    return False


def iter_python_files(root: Path, exclude_dirs: frozenset[str] = EXCLUDE_DIRS) -> Iterator[Path]:
    """Yield every `.py` file below `root` (or `root` itself if it is a file), in sorted order."""
    if root.is_file():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(dirpath, d, exclude_dirs))
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield Path(dirpath, name)


@dataclass(frozen=True)
class ProjectRef:
    root: Path                   # import root: the folder on sys.path when Django runs
    settings_module: str | None  # dotted name, or None when it could not be found
    found_by: str                # "manage.py", "pyproject", "--settings", "settings.py"


def settings_from_manage_py(path: Path) -> str | None:
    """The DJANGO_SETTINGS_MODULE that manage.py sets, read from its syntax tree."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        # os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x")
        if isinstance(node, ast.Call) and len(node.args) == 2 and _is_const(node.args[0], "DJANGO_SETTINGS_MODULE"):
            value = node.args[1]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
        # os.environ["DJANGO_SETTINGS_MODULE"] = "x"
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _is_const(target.slice, "DJANGO_SETTINGS_MODULE"):
                    return node.value.value
    return None


def _is_const(node: ast.AST, value: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == value


def module_path(root: Path, module: str) -> Path | None:
    """The file that defines dotted `module` under `root`, if any."""
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _guess_settings(root: Path) -> str | None:
    """A lone `<pkg>/settings.py` or `<pkg>/settings/__init__.py` one level below root."""
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and not _skip_dir(str(root), child.name, EXCLUDE_DIRS) and (child / "__init__.py").exists():
            if (child / "settings.py").is_file() or (child / "settings" / "__init__.py").is_file():
                found.append(f"{child.name}.settings")
    return found[0] if len(found) == 1 else None


def find_projects(paths: Iterable[Path], settings_module: str | None = None,
                  config_root: Path | None = None) -> list[ProjectRef]:
    """Every Django project that contains, or is contained in, one of `paths`.

    With `settings_module` (from `--settings` or `[tool.mdblint] settings`) there is one project:
    its root is `config_root` (`[tool.mdblint] root`) or the nearest folder, at or above a path,
    from which that module imports. Otherwise each `manage.py` makes a project, with the
    settings module it names.
    """
    paths = [p.resolve() for p in paths]
    if settings_module:
        root = config_root.resolve() if config_root is not None else settings_root(settings_module, paths)
        return [ProjectRef(root, settings_module, "--settings")] if root is not None else []
    roots: dict[Path, str] = {}
    if config_root is not None:
        roots[config_root.resolve()] = "pyproject"
    for path in paths:
        # Upwards: the path sits inside a project.
        for parent in ([path] if path.is_dir() else []) + list(path.parents):
            if (parent / "manage.py").is_file():
                roots.setdefault(parent, "manage.py")
                break
        # Downwards: projects inside the path.
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not _skip_dir(dirpath, d, EXCLUDE_DIRS)]
                if "manage.py" in filenames:
                    roots.setdefault(Path(dirpath), "manage.py")
    projects = []
    for root, found_by in sorted(roots.items()):
        module = settings_from_manage_py(root / "manage.py") if (root / "manage.py").is_file() else None
        if module is None:
            module = _guess_settings(root)
            found_by = "settings.py" if module else found_by
        projects.append(ProjectRef(root, module, found_by))
    return projects


def settings_root(settings_module: str, paths: Iterable[Path]) -> Path | None:
    """The nearest folder, at or above one of `paths`, from which `settings_module` imports."""
    for path in paths:
        path = path.resolve()
        for parent in ([path] if path.is_dir() else []) + list(path.parents):
            if module_path(parent, settings_module) is not None:
                return parent
    return None


def owner(path: Path, projects: list[ProjectRef]) -> ProjectRef | None:
    """The deepest project whose root contains `path`."""
    path = path.resolve()
    best = None
    for project in projects:
        if path.is_relative_to(project.root) and (best is None or len(project.root.parts) > len(best.root.parts)):
            best = project
    return best
