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

from mdblint.model import Problem, display_path

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


def real(path: Path) -> Path:
    """`path` absolute, its links followed as far as they go: never an exception (Path.resolve
    raises RuntimeError on a link loop in Python 3.11 and 3.12)."""
    return Path(os.path.realpath(path))


def is_file(path: Path) -> bool:
    """Path.is_file without the PermissionError of a path under a folder that cannot be entered."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def iter_python_files(root: Path, exclude_dirs: frozenset[str] = EXCLUDE_DIRS,
                      excluder: Excluder | None = None, unreadable: list[Path] | None = None) -> Iterator[Path]:
    """Yield every `.py` file below `root` (or `root` itself if it is a file), in sorted order.
    With `excluder`, it decides what is skipped below `root` (`root` itself is always walked).
    `unreadable`, if given, receives each folder that could not be listed (else skipped)."""
    if not is_dir(root):
        if unreadable is not None or is_file(root):   # named but unreadable: reading it says why
            yield root
        return
    if excluder is not None:
        excluder.add_root(root)

    def failed(error: OSError) -> None:
        if unreadable is not None and error.filename is not None:
            unreadable.append(Path(error.filename))

    for dirpath, dirnames, filenames in os.walk(root, onerror=failed):
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
        return any(self.skip(str(p.parent), p.name, is_dir(p)) for p in reversed(chain))

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
    found_by: str                # where the settings module was named: "--settings", "[tool.mdblint] settings",
                                 # "DJANGO_SETTINGS_MODULE", "manage.py", "pkg/wsgi.py", "pytest.ini", ...


# -- where a project's settings module is named --------------------------------------------
#
# Per project root, the first of: --settings / [tool.mdblint] settings (one project, as given),
# DJANGO_SETTINGS_MODULE in the environment (as Django's `os.environ.setdefault` lets it win),
# manage.py, then pytest-django's DJANGO_SETTINGS_MODULE in pytest.ini, .pytest.ini, pyproject.toml
# [tool.pytest.ini_options], tox.ini [pytest], setup.cfg [tool:pytest] (or `--ds` in their
# addopts) or tox.ini's setenv, then wsgi.py / asgi.py. manage.py and pytest's configuration are
# found upwards from a file as well as downwards from a folder, so that a file and its folder
# get the same settings; wsgi.py / asgi.py, inside packages, are found downwards (from the
# repository's root when a file's parents name nothing). A source naming a module that imports
# from nowhere is reported, never silently dropped.

RANK = {"DJANGO_SETTINGS_MODULE": 0, "manage.py": 1, "pytest": 2, "wsgi.py": 3, "asgi.py": 3}
ENTRY_FILES = ("wsgi.py", "asgi.py")
PYTEST_FILES = ("pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg")
SETTINGS_FIX = "pass --settings MODULE or set [tool.mdblint] settings"


@dataclass(frozen=True)
class Candidate:
    module: str
    source: str          # "manage.py", "wsgi.py", "pytest", "DJANGO_SETTINGS_MODULE"
    where: Path | None   # the file that names it (None: the environment)
    label: str           # how --show-settings and warnings name the source
    search: tuple[Path, ...]   # folders the module may import from (then their parents)


@dataclass
class Discovery:
    projects: list[ProjectRef]
    problems: list[Problem]


def settings_from_manage_py(path: Path) -> str | None:
    """The DJANGO_SETTINGS_MODULE that manage.py (or wsgi.py, asgi.py) sets, read from its syntax tree."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
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
    if not module or not all(part.isidentifier() for part in module.split(".")):
        return None
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _guess_settings(root: Path) -> str | None:
    """A lone `<pkg>/settings.py` or `<pkg>/settings/__init__.py` one level below root."""
    found = []
    try:
        children = sorted(root.iterdir())
    except OSError:
        return None
    for child in children:
        if child.is_dir() and not _skip_dir(str(root), child.name, EXCLUDE_DIRS) and (child / "__init__.py").exists():
            if (child / "settings.py").is_file() or (child / "settings" / "__init__.py").is_file():
                found.append(f"{child.name}.settings")
    return found[0] if len(found) == 1 else None


_DS_OPTION = re.compile(r"(?:^|\s)--ds(?:=|\s+)(\S+)")
_SETENV = re.compile(r"^\s*DJANGO_SETTINGS_MODULE\s*=\s*(\S+)\s*$", re.MULTILINE)


def _ini_sections(path: Path) -> dict[str, dict[str, str]]:
    import configparser

    parser = configparser.RawConfigParser(strict=False, comment_prefixes=("#", ";"), inline_comment_prefixes=None)
    parser.optionxform = str   # type: ignore[assignment,method-assign]
    try:
        parser.read_string(path.read_text(encoding="utf-8", errors="replace"), str(path))
    except (OSError, configparser.Error, ValueError):
        return {}
    return {name: dict(parser.items(name)) for name in parser.sections()}


def _pytest_settings(path: Path) -> tuple[str | None, str, list[str]]:
    """(DJANGO_SETTINGS_MODULE that pytest-django reads from this file, the section, its
    `pythonpath` folders); the module is None when the file names none."""
    if path.name == "pyproject.toml":
        import tomllib

        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None, "", []
        tool = document.get("tool")
        table = tool.get("pytest", {}).get("ini_options") if isinstance(tool, dict) and isinstance(tool.get("pytest"), dict) else None
        if not isinstance(table, dict):
            return None, "", []
        section, values = "[tool.pytest.ini_options]", {k: " ".join(v) if isinstance(v, list) else v for k, v in table.items()}
    else:
        sections = _ini_sections(path)
        name = {"setup.cfg": "tool:pytest"}.get(path.name, "pytest")
        values, section = sections.get(name, {}), f"[{name}]"
        if path.name == "tox.ini" and not any(k.upper() == "DJANGO_SETTINGS_MODULE" for k in values):
            for other, table in sections.items():   # tox's own environment for pytest
                found = _SETENV.search(table.get("setenv", ""))
                if other.startswith("testenv") and found:
                    return found.group(1), f"[{other}] setenv", []
    module = next((v for k, v in values.items() if k.upper() == "DJANGO_SETTINGS_MODULE" and isinstance(v, str)), None)
    if module is None:
        found = _DS_OPTION.search(values.get("addopts", "") if isinstance(values.get("addopts"), str) else "")
        module = found.group(1) if found else None
    pythonpath = values.get("pythonpath") or values.get("python_paths") or ""
    module = module.strip().strip("\"'") if isinstance(module, str) else None
    return module or None, section, pythonpath.split() if isinstance(pythonpath, str) else []


def _dotted(module: str | None) -> bool:
    """A module name, not a template's placeholder (`{{ project_name }}.settings`)."""
    return bool(module) and all(part.isidentifier() for part in module.split("."))  # type: ignore[union-attr]


def _candidates_in(folder: Path, names: Iterable[str]) -> list[Candidate]:
    """The settings modules that the files `names` of `folder` name (templates' placeholders are not names)."""
    return [c for c in _named_in(folder, names) if _dotted(c.module)]


def _named_in(folder: Path, names: Iterable[str]) -> list[Candidate]:
    out = []
    names = set(names)
    if "manage.py" in names:
        module = settings_from_manage_py(folder / "manage.py")
        if module:
            out.append(Candidate(module, "manage.py", folder / "manage.py", "manage.py", (folder,)))
    for name in ENTRY_FILES:
        if name in names:
            module = settings_from_manage_py(folder / name)
            if module:
                out.append(Candidate(module, name, folder / name, name, (folder,)))
    for name in PYTEST_FILES:
        if name in names:
            module, section, pythonpath = _pytest_settings(folder / name)
            if module:
                search = tuple(dict.fromkeys([folder, *(folder / p for p in pythonpath), folder / "src"]))
                out.append(Candidate(module, "pytest", folder / name, f"{name} {section}", search))
                break   # pytest reads the first of these files that configures it
    return out


def _resolve(candidate: Candidate) -> Path | None:
    """The folder `candidate.module` imports from: one of its search folders, or a parent of the first."""
    for folder in candidate.search:
        if module_path(folder, candidate.module) is not None:
            return folder
    return settings_root(candidate.module, candidate.search[:1]) if candidate.search else None


def _shown(path: Path, root: Path | None) -> str:
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return display_path(path)


def discover(paths: Iterable[Path], settings_module: str | None = None, config_root: Path | None = None,
             settings_origin: str = "--settings", environ: dict[str, str] | None = None) -> Discovery:
    """Every Django project that contains, or is contained in, one of `paths`, and what could
    not be found (one Problem per cause, each naming its fix).

    With `settings_module` (from `--settings` or `[tool.mdblint] settings`) there is one project:
    its root is `config_root` (`[tool.mdblint] root`) or the nearest folder, at or above a path,
    from which that module imports. Otherwise each folder holding manage.py, and each folder from
    which a settings module named by wsgi.py/asgi.py, pytest's configuration or the environment
    imports, makes a project (see RANK for which source names its settings).
    """
    paths = [real(p) for p in paths]
    environ = os.environ if environ is None else environ
    if settings_module:
        root = real(config_root) if config_root is not None else settings_root(settings_module, paths)
        if root is None:
            return Discovery([], [Problem("settings-not-found",
                                          f"settings module {settings_module!r} ({settings_origin}) not found at or above the given paths",
                                          "check the module's name, or set --root / [tool.mdblint] root to the folder it imports from")])
        return Discovery([ProjectRef(root, settings_module, settings_origin)], [])
    problems: list[Problem] = []
    found: list[Candidate] = []
    manage_roots: set[Path] = set()
    seen: set[Path] = set()
    walked: set[Path] = set()

    def visit(folder: Path, names: Iterable[str]) -> None:
        if folder in seen:
            return
        seen.add(folder)
        names = list(names)
        if "manage.py" in names:
            manage_roots.add(folder)
        found.extend(_candidates_in(folder, names))

    for path in paths:
        # Upwards: the path sits inside a project (manage.py, or pytest's configuration, which
        # sits at the repository's root).
        for parent in ([path] if is_dir(path) else []) + list(path.parents):
            try:
                names = [n for n in ("manage.py", *PYTEST_FILES) if (parent / n).is_file()]
            except OSError:
                names = []
            visit(parent, names)
            if "manage.py" in names or any(c.source == "pytest" and c.where and c.where.parent == parent for c in found):
                break
        else:
            # Nothing above names settings: an application without manage.py whose wsgi.py or
            # asgi.py does, looked for below the repository's root.
            top = next((p for p in path.parents if os.path.exists(p / ".git")), None)
            if top is not None and top not in walked:
                walked.add(top)
                for dirpath, dirnames, filenames in os.walk(top):
                    dirnames[:] = [d for d in dirnames if not _skip_dir(dirpath, d, EXCLUDE_DIRS)]
                    entries = [n for n in filenames if n in ENTRY_FILES]
                    if entries:
                        found.extend(_candidates_in(Path(dirpath), entries))
        # Downwards: projects inside the path.
        if is_dir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not _skip_dir(dirpath, d, EXCLUDE_DIRS)]
                visit(Path(dirpath), [n for n in filenames if n in ("manage.py", *ENTRY_FILES, *PYTEST_FILES)])
    env_module = environ.get("DJANGO_SETTINGS_MODULE", "").strip()
    if env_module:
        # Where the environment's module imports from: at or above a path, or a found project's root.
        search = tuple(dict.fromkeys([*paths, *sorted(manage_roots)]))
        root = next((r for r in search if is_dir(r) and module_path(r, env_module)), None) or settings_root(env_module, paths)
        if root is None:
            problems.append(Problem("settings-not-found",
                                    f"DJANGO_SETTINGS_MODULE={env_module!r} (from the environment) is not found at or above "
                                    f"the given paths, so it is not used", f"unset it, or {SETTINGS_FIX}"))
        else:
            found.insert(0, Candidate(env_module, "DJANGO_SETTINGS_MODULE", None, "DJANGO_SETTINGS_MODULE", (root,)))
    chosen: dict[Path, tuple[int, Candidate]] = {}
    missing: dict[Path, Candidate] = {}
    used: set[Path] = set()        # manage.py folders whose settings module was found
    for candidate in found:
        root = _resolve(candidate)
        if root is None:
            if candidate.source == "manage.py":
                missing[candidate.where.parent] = candidate  # type: ignore[union-attr]
            else:
                where = display_path(candidate.where) if candidate.where else "the environment"
                problems.append(Problem("settings-not-found",
                                        f"{where} names settings module {candidate.module!r}, which is not found "
                                        f"at or above {display_path(candidate.search[0])}, so it is not used", SETTINGS_FIX))
            continue
        if candidate.source == "manage.py":
            used.add(candidate.where.parent)  # type: ignore[union-attr]
        if candidate.source in ("wsgi.py", "asgi.py", "pytest") and any(
                root != m and root.is_relative_to(m) for m in manage_roots):
            continue   # a sub-folder of a manage.py project (a test site, an example) is not a project of its own
        rank = RANK[candidate.source]
        if root not in chosen or rank < chosen[root][0]:
            chosen[root] = (rank, candidate)
    projects: dict[Path, ProjectRef] = {}
    if config_root is not None:
        config_root = real(config_root)
        if config_root not in chosen:
            module = _guess_settings(config_root)
            projects[config_root] = ProjectRef(config_root, module, "settings.py (guessed)" if module else "[tool.mdblint] root")
            if module is None:
                problems.append(Problem("settings-not-found", f"nothing names the settings module of {display_path(config_root)} "
                                        f"([tool.mdblint] root)", SETTINGS_FIX, display_path(config_root)))
    for root, (_rank, candidate) in sorted(chosen.items()):
        label = candidate.label if candidate.where is None else \
            f"{_shown(candidate.where, root)}" + (candidate.label[len(candidate.where.name):] if candidate.source == "pytest" else "")
        projects.setdefault(root, ProjectRef(root, candidate.module, label))
    for root in sorted(manage_roots - used):
        if root in projects:
            continue
        candidate = missing.get(root)
        if candidate is not None:
            problems.append(Problem("settings-not-found",
                                    f"{display_path(root / 'manage.py')} names settings module {candidate.module!r}, which is "
                                    f"not found at or above {display_path(root)}: DATABASES, routers and INSTALLED_APPS are unknown",
                                    SETTINGS_FIX, display_path(root)))
            projects[root] = ProjectRef(root, candidate.module, "manage.py")
            continue
        module = _guess_settings(root)
        projects[root] = ProjectRef(root, module, "settings.py (guessed)" if module else "manage.py")
        if module is None:
            problems.append(Problem("settings-not-found",
                                    f"{display_path(root / 'manage.py')} names no settings module, and no <package>/settings.py "
                                    f"was found beside it", SETTINGS_FIX, display_path(root)))
    return Discovery(sorted(projects.values(), key=lambda r: r.root), problems)


def find_projects(paths: Iterable[Path], settings_module: str | None = None,
                  config_root: Path | None = None) -> list[ProjectRef]:
    """The projects of `discover` (without its problems)."""
    return discover(paths, settings_module, config_root).projects


def settings_root(settings_module: str, paths: Iterable[Path]) -> Path | None:
    """The nearest folder, at or above one of `paths`, from which `settings_module` imports."""
    for path in paths:
        path = real(path)
        for parent in ([path] if is_dir(path) else []) + list(path.parents):
            if module_path(parent, settings_module) is not None:
                return parent
    return None


def owner(path: Path, projects: list[ProjectRef]) -> ProjectRef | None:
    """The deepest project whose root contains `path`."""
    path = real(path)
    best = None
    for project in projects:
        if path.is_relative_to(project.root) and (best is None or len(project.root.parts) > len(best.root.parts)):
            best = project
    return best
