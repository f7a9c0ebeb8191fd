"""Load a project: summarize its files (cached on disk), read its settings, build the graph.

Cache layout (one key per mdblint version, schema, Python minor, root and settings module):
`stats-<key>`: relpath -> (mtime_ns, size, blake2b); a stat walk re-hashes only changed stats;
`project-<key>`: (digest of every file's hash, Project): a warm load is the walk plus this;
`summaries-<key>`: relpath -> (blake2b, ModuleSummary), read only when some content changed,
and only files whose hash changed are re-summarized.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import mdblint
from mdblint.cache import Cache, code_fingerprint
from mdblint.discovery import ProjectRef, iter_python_files
from mdblint.model import progress
from mdblint.project.graph import ModelGraph, build_graph
from mdblint.project.settings_static import SettingsInfo, read_settings
from mdblint.project.summary import ModuleSummary, summarize
from mdblint.project.units import ModuleFacts, Unit

SCHEMA = 5


@dataclass
class Project:
    ref: ProjectRef | None
    settings: SettingsInfo
    graph: ModelGraph
    modules: dict[str, Path]                # dotted module name -> file, every module of the project
    fingerprint: str                        # hash of the exported facts (settings + graph)
    broken: dict[str, str] = field(default_factory=dict)   # module -> why its file did not parse
    contents: str = ""                      # hash of every file's content: what cross-file analysis read
    # Cross-module facts from the index (mdblint/project/units.py), so that nothing re-reads files:
    constants: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)  # module -> NAME -> (value, line)
    relevant: dict[str, frozenset[str]] = field(default_factory=dict)  # module -> functions worth a summary
    alias_capable: dict[str, frozenset[str]] = field(default_factory=dict)  # of those, the ones that may bind an alias
    alias_methods: frozenset[str] = frozenset()   # method names that may bind an alias (custom managers...)
    units: dict[str, tuple[Unit, ...]] = field(default_factory=dict)   # module -> its units (the check gate)
    digests: dict[str, str] = field(default_factory=dict)              # module -> content hash
    # Where the units are when `units` is empty (the cached project leaves them in the summaries
    # entry, read only when some file is checked): (cache folder, key).
    units_from: tuple[str, str] | None = None


# The cache files' types: what `Cache.load` checks each entry against.
Stats = dict[str, tuple[int, int, str]]                     # stats-<key>: relpath -> (mtime_ns, size, digest)
ProjectEntry = tuple[str, Project]                          # project-<key>: (digest, Project)
Summaries = dict[str, tuple[str, ModuleSummary]]            # summaries-<key>: relpath -> (digest, summary)


def module_name(root: Path, path: Path) -> tuple[str, bool] | None:
    """(dotted module, is_package) of a file below `root`; None if it cannot be imported."""
    try:
        parts = list(path.relative_to(root).with_suffix("").parts)
    except ValueError:
        return None
    is_package = bool(parts) and parts[-1] == "__init__"
    if is_package:
        parts.pop()
    if not parts or not all(p.isidentifier() for p in parts):
        return None
    return ".".join(parts), is_package


def _canon(obj: object) -> object:
    """A deterministic, hashable rendering of the exported facts."""
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__,) + tuple((f.name, _canon(getattr(obj, f.name))) for f in dataclasses.fields(obj))
    if isinstance(obj, dict):
        return ("dict",) + tuple(sorted(((repr(_canon(k)), _canon(v)) for k, v in obj.items()), key=lambda kv: kv[0]))
    if isinstance(obj, (list, tuple)):
        return tuple(_canon(x) for x in obj)
    if isinstance(obj, (set, frozenset)):
        return ("set",) + tuple(sorted(repr(_canon(x)) for x in obj))
    if isinstance(obj, Path):
        return str(obj)
    return repr(obj)


def fingerprint(settings: SettingsInfo, graph: ModelGraph) -> str:
    data = repr(_canon((settings, graph))).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _empty_project() -> Project:
    settings = SettingsInfo(None, None)
    graph = build_graph({}, settings)
    return Project(None, settings, graph, {}, fingerprint(settings, graph))


def _key(ref: ProjectRef) -> str:
    raw = repr((mdblint.__version__, code_fingerprint(), SCHEMA, sys.version_info[:2], str(ref.root), ref.settings_module))
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


def _walk(root: Path, stats: dict) -> tuple[dict, dict]:
    """A stat walk: (relpath -> (mtime_ns, size, digest), relpath -> bytes of files whose content changed).

    Only files whose (mtime_ns, size) differ from `stats` are read and hashed.
    """
    current, changed = {}, {}
    prefix = len(str(root).rstrip(os.sep)) + 1
    for path in iter_python_files(root):
        full = str(path)
        rel = full[prefix:]
        if not _importable(rel):
            continue
        try:
            st = os.stat(full)
            old = stats.get(rel)
            if old is not None and old[0] == st.st_mtime_ns and old[1] == st.st_size:
                current[rel] = old
                continue
            with open(full, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        current[rel] = (st.st_mtime_ns, st.st_size, digest)
        if old is None or old[2] != digest:
            changed[rel] = data
    return current, changed


def _importable(rel: str) -> bool:
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "__init__":
        parts.pop()
    return bool(parts) and all(p.isidentifier() for p in parts)


def _summaries(root: Path, current: dict, changed: dict, old: dict) -> tuple[dict, bool]:
    """relpath -> (digest, ModuleSummary), re-summarizing only files whose content changed."""
    out, dirty = {}, current.keys() != old.keys()
    total = len(current)
    for done, (rel, (_mtime, _size, digest)) in enumerate(current.items(), 1):
        progress("indexing", done, total)
        entry = old.get(rel)
        if entry is not None and entry[0] == digest and rel not in changed:
            out[rel] = entry
            continue
        try:
            data = changed[rel] if rel in changed else (root / rel).read_bytes()
        except OSError:
            continue
        module, is_package = module_name(root, root / rel)
        out[rel] = (digest, summarize(data, module, is_package=is_package))
        dirty = True
    return out, dirty


def build_project(ref: ProjectRef, files: dict) -> Project:
    """Settings and graph from `files`: relpath -> (digest, ModuleSummary)."""
    root = ref.root
    summaries: dict[str, ModuleSummary] = {}
    modules: dict[str, Path] = {}
    digests: dict[str, str] = {}
    for rel, (digest, summary) in sorted(files.items()):
        if summary.module in summaries and not summary.is_package:
            continue    # `pkg.py` next to `pkg/__init__.py`: Python imports the package
        summaries[summary.module] = summary
        modules[summary.module] = root / rel
        digests[summary.module] = digest
    settings = read_settings(ref.settings_module, summaries, modules)
    graph = build_graph(summaries, settings, modules)
    broken = {m: s.error or "" for m, s in summaries.items() if s.broken}
    project = Project(ref, settings, graph, modules, fingerprint(settings, graph), broken, digests=digests)
    return dataclasses.replace(project, **cross_module_facts(
        {m: s.facts for m, s in summaries.items() if s.facts is not None}, graph))


def cross_module_facts(facts: dict[str, ModuleFacts], graph: ModelGraph) -> dict:
    """The project-wide tables the analysis asks for, from the per-module facts and the graph."""
    relation_names = frozenset(r for m in graph.models.values() for r in m.relations)
    relevant = {}
    alias_methods: set[str] = set()
    for module, f in facts.items():
        names = frozenset(name for name, defs in f.functions.items()
                          if any(d.tokens or relation_names.intersection(d.param_attrs) for d in defs))
        if names:
            relevant[module] = names
        if f.alias_tokens:
            alias_methods |= names
        alias_methods.update(f.queryset_methods)
    # Functions that may bind an alias, themselves or through what they call (by bare name: a superset).
    capable = {name for f in facts.values() for name, defs in f.functions.items() if any(d.alias for d in defs)}
    calls = {(m, name): frozenset(c for d in defs for c in d.calls)
             for m, f in facts.items() for name, defs in f.functions.items() if name in relevant.get(m, ())}
    # A same-module function not worth a summary of its own is still summarized when called from
    # one: what it does is not recorded, so calling one counts as binding an alias; so does a custom
    # manager or queryset method that may.
    plain = {m: frozenset(f.functions) - relevant.get(m, frozenset()) for m, f in facts.items()}
    changed = True
    while changed:
        changed = False
        for (m, name), called in calls.items():
            if name not in capable and not (called.isdisjoint(capable) and called.isdisjoint(plain[m])
                                            and called.isdisjoint(alias_methods)):
                capable.add(name)
                changed = True
    alias_capable = {m: names & capable for m, names in relevant.items() if not names.isdisjoint(capable)}
    return {"constants": {m: f.string_constants for m, f in facts.items() if f.string_constants},
            "relevant": relevant, "alias_capable": alias_capable, "alias_methods": frozenset(alias_methods),
            "units": {m: f.units for m, f in facts.items()}}


def load_project(ref: ProjectRef | None, *, cache_dir: Path | None = None) -> Project:
    """The project's settings and model graph, from the disk cache when nothing changed."""
    if ref is None:
        return _empty_project()
    cache = Cache(cache_dir)
    key = _key(ref)
    with cache.lock(f"index-{key}"):
        stats = cache.load(f"stats-{key}", Stats) or {}
        current, changed = _walk(ref.root, stats)
        digest = hashlib.blake2b(repr(sorted((rel, e[2]) for rel, e in current.items())).encode(),
                                 digest_size=16).hexdigest()
        if current != stats:
            cache.store(f"stats-{key}", current)
        units_from = (str(cache.directory), key) if cache.directory is not None else None
        if not changed and current.keys() == stats.keys():
            cached = cache.load(f"project-{key}", ProjectEntry)
            if cached is not None and cached[0] == digest:
                return dataclasses.replace(cached[1], contents=digest, units_from=units_from)
        old = cache.load(f"summaries-{key}", Summaries)
        files, dirty = _summaries(ref.root, current, changed, old or {})
        if dirty:
            cache.store(f"summaries-{key}", files)
        project = dataclasses.replace(build_project(ref, files), contents=digest)
        # The units stay in the summaries entry: a warm run that checks nothing never reads them.
        cache.store(f"project-{key}", (digest, dataclasses.replace(project, units={})))
    return project


def ensure_units(project: Project) -> dict[str, tuple[Unit, ...]]:
    """The project's units, read from the summaries entry if the project came from the cache."""
    if not project.units and project.units_from is not None:
        directory, key = project.units_from
        files = Cache(Path(directory)).load(f"summaries-{key}", Summaries) or {}
        chosen: dict[str, ModuleSummary] = {}
        for _rel, (_digest, summary) in sorted(files.items()):
            if summary.module in chosen and not summary.is_package:
                continue   # the same choice as build_project: `pkg/__init__.py` over `pkg.py`
            chosen[summary.module] = summary
        project.units = {m: s.facts.units for m, s in chosen.items() if s.facts is not None}
        project.units_from = None
    return project.units
