"""Find the Python files to lint and the Django projects they belong to, without importing anything.

A *project* is a directory that is the import root of a Django site (the folder holding
`manage.py`, or one named by `[tool.mdblint] root`), plus its settings module. Every linted file
belongs to the deepest project whose root contains it; files outside every project are linted
with no project knowledge (rules that need it stay silent).
"""

from __future__ import annotations

import ast
import os
import re
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


def iter_python_files(root: Path, exclude_dirs: frozenset[str] = EXCLUDE_DIRS,
                      excluder: Excluder | None = None) -> Iterator[Path]:
    """Yield every `.py` file below `root` (or `root` itself if it is a file), in sorted order.
    With `excluder`, it decides what is skipped below `root` (`root` itself is always walked)."""
    if root.is_file():
        yield root
        return
    if excluder is not None:
        excluder.add_root(root)
    for dirpath, dirnames, filenames in os.walk(root):
        if excluder is None:
            dirnames[:] = sorted(d for d in dirnames if not _skip_dir(dirpath, d, exclude_dirs))
        else:
            dirnames[:] = sorted(d for d in dirnames if not excluder.skip(dirpath, d, True))
        for name in sorted(filenames):
            if name.endswith(".py") and (excluder is None or not excluder.skip(dirpath, name, False)):
                yield Path(dirpath, name)


# -- exclusion: [tool.mdblint] exclude / extend-exclude globs, and .gitignore files --

DEFAULT_EXCLUDE = sorted(EXCLUDE_DIRS) + ["*.egg-info"]
DEFAULT_EXCLUDE_NOTE = ("folders holding pyvenv.cfg, build/dist/venv/env folders that are not packages, "
                        "apps' migrations")


def glob_regex(pattern: str) -> str:
    """A glob as a regex body: `*` and `?` stay within one folder, `**` crosses folders,
    `**/` also matches no folder at all, `[...]` is a character class (`[!...]` negated)."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and pattern.find("]", i + 2) != -1:
            end = pattern.find("]", i + 2)
            body = pattern[i + 1:end].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
            continue
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def absolute_glob(pattern: str, base: Path) -> str:
    """A glob with a `/` is relative to `base` (absolute ones stay); one without matches a name
    at any depth and is kept as it is."""
    pattern = pattern.replace(os.sep, "/")
    if "/" not in pattern.rstrip("/"):
        return pattern
    if os.path.isabs(pattern):
        return pattern
    while pattern.startswith("./"):
        pattern = pattern[2:]
    return re.sub(r"([*?\[])", r"[\1]", Path(os.path.abspath(base)).as_posix().rstrip("/")) + "/" + pattern.lstrip("/")


class GlobSet:
    """Globs from absolute_glob: a match on the whole absolute path or, for globs without a
    `/`, on the name. A trailing `/` restricts a glob to folders."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = list(patterns)
        names, paths, dir_names, dir_paths = [], [], [], []
        for p in self.patterns:
            dir_only = p.endswith("/") and p != "/"
            p = p.rstrip("/") if dir_only else p
            target = (dir_paths if dir_only else paths) if "/" in p else (dir_names if dir_only else names)
            target.append(glob_regex(p))
        self._res = [re.compile("(?:" + "|".join(group) + ")\\Z") if group else None
                     for group in (names, paths, dir_names, dir_paths)]

    def match(self, path: str, is_dir: bool = False) -> bool:
        """`path`: absolute, "/" separators."""
        name = path.rsplit("/", 1)[-1]
        names, paths, dir_names, dir_paths = self._res
        return bool((names and names.match(name)) or (paths and paths.match(path))
                    or (is_dir and ((dir_names and dir_names.match(name)) or (dir_paths and dir_paths.match(path)))))


class Gitignore:
    """The rules of one .gitignore file (the common part of git's syntax): `name`, `dir/`,
    `*.ext`, `/anchored`, `a/b`, `**/x`, `x/**`, `!negation`, `#` comments, `\\` escapes."""

    def __init__(self, folder: str, text: str) -> None:
        self.folder = folder.rstrip("/") + "/"
        self.rules: list[tuple[re.Pattern[str], bool, bool]] = []   # (regex, negated, folders only)
        for line in text.splitlines():
            line = re.sub(r"(?<!\\)\s+\Z", "", line)        # trailing spaces, unless escaped
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            line = line[1:] if negated else line
            dir_only = line.endswith("/")
            line = line.rstrip("/")
            if not line:
                continue
            anchored = "/" in line
            body = glob_regex(line.lstrip("/"))
            self.rules.append((re.compile(("" if anchored else "(?:.*/)?") + body + "\\Z"), negated, dir_only))

    def decide(self, path: str, is_dir: bool) -> bool | None:
        """True ignored, False re-included by `!`, None: no rule matches."""
        rel = path[len(self.folder):]
        for regex, negated, dir_only in reversed(self.rules):
            if (is_dir or not dir_only) and regex.match(rel):
                return not negated
        return None


class Excluder:
    """What discovery skips: the exclude globs (None: the defaults, with the heuristics of
    `_skip_dir`), the extend-exclude globs, and .gitignore files when `gitignore` is true:
    those in every walked folder and in its parents up to the repository root (the folder
    with `.git`), or up to `base` outside a repository."""

    def __init__(self, exclude: list[str] | None = None, extend: Iterable[str] = (),
                 gitignore: bool = True, base: Path | None = None) -> None:
        self.default = exclude is None
        self.globs = GlobSet(list(DEFAULT_EXCLUDE if exclude is None else exclude) + list(extend))
        self.gitignore = gitignore
        self.base = Path(os.path.abspath(base or Path.cwd())).as_posix()
        self.roots: set[str] = set()
        self._files: dict[str, Gitignore | None] = {}
        self._chains: dict[str, list[str]] = {}
        self._repos: dict[str, str | None] = {}
        self.migrations: list[Path] = []   # apps' migrations folders skipped by the default heuristics

    def skip(self, parent: str, name: str, is_dir: bool) -> bool:
        path = Path(os.path.abspath(parent), name).as_posix()
        if self.default and is_dir and _skip_dir(parent, name, EXCLUDE_DIRS):
            if name == "migrations" and not self._excluded(path, is_dir):
                self.migrations.append(Path(path))   # linted for the rules about data migrations only
            return True
        return self._excluded(path, is_dir)

    def _excluded(self, path: str, is_dir: bool) -> bool:
        return self.globs.match(path, is_dir) or (self.gitignore and self._ignored(path, is_dir))

    def excluded(self, path: Path) -> bool:
        """`path` or a folder above it, below `base`, is skipped: for `--force-exclude`."""
        chain = [Path(os.path.abspath(path))]
        while chain[-1].parent != chain[-1] and chain[-1].parent.as_posix().startswith(self.base + "/"):
            chain.append(chain[-1].parent)
        return any(self.skip(str(p.parent), p.name, p.is_dir()) for p in reversed(chain))

    def add_root(self, root: Path) -> None:
        self.roots.add(Path(os.path.abspath(root)).as_posix())

    def _ignored(self, path: str, is_dir: bool) -> bool:
        decision = None
        for folder in self._folders(path.rsplit("/", 1)[0] or "/"):
            rules = self._rules(folder)
            found = rules.decide(path, is_dir) if rules else None
            decision = found if found is not None else decision
        return bool(decision)

    def _folders(self, folder: str) -> list[str]:
        """`folder` and the parents whose .gitignore applies to it, outermost first: up to the
        repository root; outside a repository, up to `base` or else the walked root."""
        if folder not in self._chains:
            top = self._git_root(folder)
            if top is None:
                top = self.base if (folder + "/").startswith(self.base + "/") else \
                    max((r for r in self.roots if (folder + "/").startswith(r.rstrip("/") + "/")), key=len, default=folder)
            chain = [folder]
            while chain[-1] != top and chain[-1] != "/":
                chain.append(chain[-1].rsplit("/", 1)[0] or "/")
            self._chains[folder] = chain[::-1]
        return self._chains[folder]

    def _git_root(self, folder: str) -> str | None:
        if folder not in self._repos:
            if os.path.exists(folder.rstrip("/") + "/.git"):
                self._repos[folder] = folder
            else:
                up = folder.rsplit("/", 1)[0] or "/"
                self._repos[folder] = None if up == folder else self._git_root(up)
        return self._repos[folder]

    def _rules(self, folder: str) -> Gitignore | None:
        if folder not in self._files:
            try:
                with open(folder + "/.gitignore", encoding="utf-8", errors="replace") as f:
                    self._files[folder] = Gitignore(folder, f.read())
            except OSError:
                self._files[folder] = None
        return self._files[folder]


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
    projects: dict[Path, ProjectRef] = {}
    for root, found_by in sorted(roots.items()):
        module = settings_from_manage_py(root / "manage.py") if (root / "manage.py").is_file() else None
        if module is None:
            module = _guess_settings(root)
            found_by = "settings.py" if module else found_by
        elif module_path(root, module) is None:
            # manage.py run with the repository root on sys.path (wagtail/test/manage.py names
            # "wagtail.test.settings"): the project's root is where the settings import from.
            root = settings_root(module, [root]) or root
        projects.setdefault(root, ProjectRef(root, module, found_by))
    return list(projects.values())


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
