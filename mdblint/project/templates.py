"""Django templates, found and read statically: which file a template name means, and its tags.

Where: every folder named `templates` under the project root (what `TEMPLATES[...]["DIRS"]`
usually names, and every app's `templates/` folder, which APP_DIRS searches). A name is resolved
only when exactly one of those folders holds it: a name two folders hold (an override of an app's
template) is not known statically and stays unresolved (the caller stays silent).

How: tokenised with Django's own lexer (`django.template.base.Lexer`), which needs neither
configured settings nor any project code; when Django cannot be imported, templates are not read
(`lexer_available()` is False and the project reports it once, see project/problems.py). The
tokens are nested into a small tree of the tags whose scoping matters to per-row reads: for,
with, if, include, block/extends and comment; other tags are kept as their arguments only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", ".env", "node_modules",
                       "__pycache__", "site-packages", "build", "dist", "static", "jinja2"})
MAX_ENTRIES = 200_000   # directory entries walked to find `templates` folders, per root


@lru_cache(maxsize=1)
def _lexer():
    try:
        from django.template.base import (  # no settings, no project code
            Lexer,
            TokenType,
        )
    except Exception:   # Django missing or broken: templates are not read
        return None
    return Lexer, TokenType


def lexer_available() -> bool:
    return _lexer() is not None


@dataclass
class Node:
    """One tag or variable of a template: `kind` is "var", "for", "with", "if", "include",
    "extends", "block" or "tag" (any other tag: its arguments are read, nothing is scoped)."""
    kind: str
    line: int
    bits: list[str]                 # the tag's split contents (a variable: [its expression])
    text: str                       # the token as written, for messages
    body: list["Node"] = field(default_factory=list)
    branches: list[tuple[list[str], list["Node"]]] = field(default_factory=list)   # if/elif/else, for/empty


@dataclass
class Template:
    name: str
    path: Path
    nodes: list[Node]


_BLOCKS = {"for": ("empty", "endfor"), "with": ((), "endwith"), "if": (("elif", "else"), "endif"),
           "block": ((), "endblock"), "ifchanged": (("else",), "endifchanged"),
           "spaceless": ((), "endspaceless"), "autoescape": ((), "endautoescape"),
           "filter": ((), "endfilter"), "localize": ((), "endlocalize"), "localtime": ((), "endlocaltime"),
           "timezone": ((), "endtimezone"), "language": ((), "endlanguage")}


def parse(source: str) -> list[Node] | None:
    """The template's tree; None when the lexer is not available or the tags do not nest."""
    found = _lexer()
    if found is None:
        return None
    Lexer, TokenType = found
    try:
        tokens = Lexer(source).tokenize()
    except Exception:
        return None
    root: list[Node] = []
    stack: list[tuple[Node | None, list[Node], tuple]] = [(None, root, ((), None))]
    in_comment = False
    for token in tokens:
        if token.token_type == TokenType.BLOCK:
            try:
                bits = token.split_contents()
            except Exception:
                return None
            if not bits:
                continue
            tag = bits[0]
            if in_comment:
                in_comment = tag != "endcomment"
                continue
            if tag == "comment":
                in_comment = True
                continue
            text = "{% " + token.contents + " %}"
            node, body, (middles, end) = stack[-1]
            if end is not None and tag == end:
                stack.pop()
                continue
            if node is not None and (tag in middles if isinstance(middles, tuple) else tag == middles):
                fresh: list[Node] = []
                node.branches.append((bits, fresh))
                stack[-1] = (node, fresh, (middles, end))
                continue
            if tag.startswith("end") and tag[3:] in _BLOCKS:
                return None   # an end tag that closes nothing open: not nested as Django would
            kind = tag if tag in ("for", "with", "if", "include", "extends", "block") else "tag"
            new = Node(kind, token.lineno, bits, text)
            body.append(new)
            if tag in _BLOCKS:
                new.branches.append((bits, new.body))
                stack.append((new, new.body, _BLOCKS[tag]))
        elif token.token_type == TokenType.VAR and not in_comment:
            contents = token.contents.strip()
            if contents:
                stack[-1][1].append(Node("var", token.lineno, [contents], "{{ " + contents + " }}"))
    if len(stack) != 1 or in_comment:
        return None
    return root


class TemplateIndex:
    """The `templates` folders under one root, and the templates read from them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._dirs: list[Path] | None = None
        self._loaded: dict[str, Template | None] = {}

    @property
    def dirs(self) -> list[Path]:
        if self._dirs is None:
            self._dirs = _template_dirs(self.root)
        return self._dirs

    def find(self, name: str) -> Path | None:
        """The one file `name` names, or None (not found, or held by several folders)."""
        if not name or name.startswith(("/", "\\")) or ".." in Path(name).parts:
            return None
        hits = [d / name for d in self.dirs if (d / name).is_file()]
        return hits[0] if len(hits) == 1 else None

    def load(self, name: str) -> Template | None:
        if name not in self._loaded:
            path = self.find(name)
            template = None
            if path is not None:
                nodes = _read(str(path))
                template = Template(name, path, nodes) if nodes is not None else None
            self._loaded[name] = template
        return self._loaded[name]


@lru_cache(maxsize=4096)
def _read_cached(path: str, mtime: int, size: int) -> list[Node] | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse(text)


def _read(path: str) -> list[Node] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _read_cached(path, st.st_mtime_ns, st.st_size)


def _template_dirs(root: Path) -> list[Path]:
    found: list[Path] = []
    entries = 0
    for dirpath, dirnames, _ in os.walk(root):
        entries += len(dirnames)
        if entries > MAX_ENTRIES:
            break
        keep = []
        for d in sorted(dirnames):
            if d in SKIP_DIRS or d.startswith("."):
                continue
            if d == "templates":
                found.append(Path(dirpath, d))
                continue   # a templates folder's own subfolders are template paths, not more roots
            keep.append(d)
        dirnames[:] = keep
    return found


def digest(root: Path) -> str:
    """What the templates under `root` are (paths, sizes, mtimes): part of what a cached result of
    a file that renders them depends on."""
    import hashlib
    h = hashlib.blake2b(digest_size=16)
    for d in _template_dirs(root):
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames.sort()
            for name in sorted(filenames):
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


_INDEXES: dict[str, TemplateIndex] = {}


def index_for(root: Path) -> TemplateIndex:
    key = str(root)
    if key not in _INDEXES:
        _INDEXES[key] = TemplateIndex(root)
    return _INDEXES[key]
