"""Load a project: summarize its files (cached on disk), read its settings, build the graph.

Cache layout (one key per mdblint version, schema, Python minor, root and settings module):
`stats-<key>`: relpath -> (mtime_ns, size, blake2b); a stat walk re-hashes only changed stats;
`project-<key>`: (digest of every file's hash, shape, Project): a warm load is the walk plus this;
`summaries-<key>`: relpath -> (blake2b, shape, ModuleSummary), read only when some content
changed; only files whose hash changed are re-summarized.

Each summary is stored as an encoded piece (`codec.encode_part`), decoded only when it is read:
a run that changes a few files copies the others' bytes into the next entry. A file's *shape* is
the hash of its summary without the per-unit facts: what settings and the model graph are built
from. When no shape changed (an edit inside function bodies, a comment), the cached settings and
graph stand and only the changed modules' shares of the cross-module tables (`CrossPart`) are
recomputed; the units of the other modules are decoded only when the gate asks for them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import mdblint
import msgspec

from mdblint import codec
from mdblint.cache import Cache, code_fingerprint
from mdblint.discovery import ProjectRef, iter_python_files
from mdblint.model import progress
from mdblint.project.graph import ModelGraph, build_graph
from mdblint.project.settings_static import SettingsInfo, read_settings
from mdblint.project.summary import ModuleSummary, summarize
from mdblint.project.units import Unit

SCHEMA = 9


@dataclass(frozen=True)
class CrossPart:
    """One module's share of the project-wide tables (`cross_module_tables`), kept so that an
    edit recomputes only the shares of the modules it changed."""
    relevant: frozenset[str] = frozenset()      # functions worth a summary
    alias_methods: frozenset[str] = frozenset()   # its names that may bind an alias (see below)
    capable: frozenset[str] = frozenset()       # functions that may bind an alias themselves
    calls: dict[str, frozenset[str]] = field(default_factory=dict)   # relevant function -> names it calls
    plain: frozenset[str] = frozenset()         # functions not worth a summary
    methods: frozenset[str] = frozenset()       # methods of classes that may be managers or querysets
    constants: dict[str, tuple[str, int]] = field(default_factory=dict)
    outside_attrs: frozenset[str] = frozenset()   # attribute names it assigns on objects from outside their class
    class_attrs: dict[str, frozenset[str]] = field(default_factory=dict)   # its classes -> names they set


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
    # Of those, the methods of classes that may be managers or querysets (the gate's question).
    manager_alias_methods: frozenset[str] = frozenset()
    units: dict[str, tuple[Unit, ...]] = field(default_factory=dict)   # module -> its units (the check gate)
    digests: dict[str, str] = field(default_factory=dict)              # module -> content hash
    # Where the units are when `units` is empty (the cached project leaves them in the summaries
    # entry, read only when some file is checked): (cache folder, key).
    units_from: tuple[str, str] | None = None
    shape: str = ""                          # hash of every file's shape: what settings and graph read
    parts: dict[str, CrossPart] = field(default_factory=dict)   # module -> its share of the tables
    # Classes of the project: qualified name -> its bases' qualified names (as written, resolved
    # through imports); and attribute names some module assigns from outside their class.
    class_bases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outside_attrs: frozenset[str] = frozenset()
    class_attrs: dict[str, frozenset[str]] = field(default_factory=dict)   # names its body or its methods' self set


# The cache files' types: what `Cache.load` checks each entry against.
Stats = dict[str, tuple[int, int, str]]                     # stats-<key>: relpath -> (mtime_ns, size, digest)
ProjectEntry = tuple[str, str, msgspec.Raw]                 # project-<key>: (digest, shape, Project)
Summaries = dict[str, tuple[str, str, msgspec.Raw]]         # summaries-<key>: relpath -> (digest, shape, ModuleSummary)


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


def _entry(data: bytes, root: Path, rel: str, digest: str) -> tuple[tuple[str, str, msgspec.Raw], ModuleSummary]:
    """A file's summaries entry (digest, shape, encoded summary) and the summary itself."""
    module, is_package = module_name(root, root / rel)
    summary = summarize(data, module, is_package=is_package)
    shape = codec.encode_part(dataclasses.replace(summary, facts=None), ModuleSummary)
    return (digest, _hash(shape), codec.encode_part(summary, ModuleSummary)), summary


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _summaries(root: Path, current: dict, changed: dict, old: dict) -> tuple[dict, dict, bool]:
    """(relpath -> (digest, shape, encoded summary), relpath -> summary of each file summarized
    now, whether the entry changed): only files whose content changed are re-summarized."""
    out, fresh, dirty = {}, {}, current.keys() != old.keys()
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
        out[rel], fresh[rel] = _entry(data, root, rel, digest)
        dirty = True
    return out, fresh, dirty


def _summary(root: Path, files: dict, fresh: dict, rel: str) -> ModuleSummary | None:
    """The summary of `rel`, decoded from its piece; a piece of the wrong shape is summarized
    again from the file (and replaced in `files`); None if the file cannot be read."""
    summary = fresh.get(rel)
    if summary is None:
        try:
            summary = codec.decode_part(files[rel][2], ModuleSummary)
        except Exception:          # spoiled: rebuilt, never a crash
            try:
                data = (root / rel).read_bytes()
            except OSError:
                return None
            files[rel], summary = _entry(data, root, rel, _hash(data))
        fresh[rel] = summary
    return summary


def _shape(files: dict) -> str:
    return _hash(repr(sorted((rel, e[1]) for rel, e in files.items())).encode())


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
    project = Project(ref, settings, graph, modules, fingerprint(settings, graph), broken, digests=digests,
                      class_bases=class_bases(summaries))
    names = relation_names(graph)
    project.parts = {m: cross_part(m, s, graph, names) for m, s in summaries.items() if s.facts is not None}
    project.units = {m: s.facts.units for m, s in summaries.items() if s.facts is not None}
    return dataclasses.replace(project, **cross_module_tables(project.parts))


def is_test_module(module: str) -> bool:
    """A test module (`tests` packages, `test_*.py`, `*_tests.py`, `conftest.py`): the attributes it
    sets on objects (mocks, fixtures) are not what the application's classes see when they run."""
    return any(part in ("tests", "test", "conftest") or part.startswith("test_") or part.endswith(("_tests", "_test"))
               for part in module.split("."))


def _class_attrs(module: str, s: ModuleSummary) -> dict[str, frozenset[str]]:
    """Each module-level class of `s` with the attribute names it sets: in its body, or on `self`
    in its methods (a superset: classes of one name in a module share theirs)."""
    stores = s.facts.self_attrs if s.facts is not None else {}
    out = {}
    for name, cs in s.classes.items():
        names = frozenset(cs.attrs) | frozenset(stores.get(name, ()))
        if names:
            out[f"{module}.{name}"] = names
    return out


def class_bases(summaries: dict[str, ModuleSummary]) -> dict[str, tuple[str, ...]]:
    """Every module-level class of the project with its bases' qualified names (a base that
    cannot be resolved is kept as "?"). Read from the modules' shapes: an edit that changes no
    shape changes none."""
    from mdblint.project.resolve import Resolver
    resolver = Resolver(summaries)
    return {f"{m}.{name}": tuple(resolver.resolve(m, b) or "?" for b in (cs.generic_bases or cs.bases))
            for m, s in summaries.items() for name, cs in s.classes.items()}


def relation_names(graph: ModelGraph) -> frozenset[str]:
    return frozenset(r for m in graph.models.values() for r in m.relations)


def cross_part(module: str, s: ModuleSummary, graph: ModelGraph, relation_names: frozenset[str]) -> CrossPart:
    """`module`'s share of the project-wide tables, from its summary (with facts) and the graph."""
    f = s.facts
    assert f is not None
    relevant = frozenset(name for name, defs in f.functions.items()
                         if any(d.tokens or relation_names.intersection(d.param_attrs) for d in defs))
    return CrossPart(
        relevant=relevant,
        alias_methods=(relevant if f.alias_tokens else frozenset()) | frozenset(f.queryset_methods),
        capable=frozenset(name for name, defs in f.functions.items() if any(d.alias for d in defs)),
        calls={name: frozenset(c for d in f.functions[name] for c in d.calls) for name in relevant},
        plain=frozenset(f.functions) - relevant,
        # The interpreter summarizes only methods of a model's manager classes, so methods of
        # classes known to be neither (models, forms, views...) do not count for the gate;
        # those of nested or unknown classes do.
        methods=frozenset(u.name for u in f.units
                          if u.kind == "method" and f"{module}.{u.cls}" not in graph.plain_classes),
        constants=f.string_constants,
        outside_attrs=frozenset(f.outside_attrs) if not is_test_module(module) else frozenset(),
        class_attrs=_class_attrs(module, s))


def cross_module_tables(parts: dict[str, CrossPart]) -> dict:
    """The project-wide tables the analysis asks for, from every module's share."""
    relevant = {m: p.relevant for m, p in parts.items() if p.relevant}
    alias_methods = frozenset().union(*(p.alias_methods for p in parts.values()))
    # Functions that may bind an alias, themselves or through what they call (by bare name: a superset).
    capable = set().union(*(p.capable for p in parts.values()))
    # A same-module function not worth a summary of its own is still summarized when called from
    # one: what it does is not recorded, so calling one counts as binding an alias; so does a custom
    # manager or queryset method that may.
    calls = [(name, called, p.plain) for p in parts.values() for name, called in p.calls.items()]
    changed = True
    while changed:
        changed = False
        for name, called, plain in calls:
            if name not in capable and not (called.isdisjoint(capable) and called.isdisjoint(plain)
                                            and called.isdisjoint(alias_methods)):
                capable.add(name)
                changed = True
    alias_capable = {m: names & capable for m, names in relevant.items() if not names.isdisjoint(capable)}
    methods = frozenset().union(*(p.methods for p in parts.values()))
    return {"constants": {m: p.constants for m, p in parts.items() if p.constants},
            "relevant": relevant, "alias_capable": alias_capable, "alias_methods": alias_methods,
            "manager_alias_methods": alias_methods & methods,
            "outside_attrs": frozenset().union(*(p.outside_attrs for p in parts.values())),
            "class_attrs": {c: names for p in parts.values() for c, names in p.class_attrs.items()}}


def _updated(project: Project, root: Path, files: dict, fresh: dict) -> Project:
    """The cached `project` after edits that changed no file's shape: settings and graph stand;
    the changed modules' digests and shares of the tables are renewed."""
    digests, parts, units = dict(project.digests), dict(project.parts), {}
    names = relation_names(project.graph)
    for rel, summary in fresh.items():
        module = summary.module
        if project.modules.get(module) != root / rel:
            continue          # `pkg.py` beside `pkg/__init__.py`: not the module Python imports
        digests[module] = files[rel][0]
        if summary.facts is not None:
            parts[module] = cross_part(module, summary, project.graph, names)
            units[module] = summary.facts.units
        else:
            parts.pop(module, None)
    return dataclasses.replace(project, digests=digests, parts=parts, units=units,
                               **cross_module_tables(parts))


# The summaries entry each loaded project reads its units from: (cache folder, key) -> (root, files, decoded).
_LOADED: dict[tuple[str, str], tuple[Path, dict, dict]] = {}


def load_project(ref: ProjectRef | None, *, cache_dir: Path | None = None) -> Project:
    """The project's settings and model graph, from the disk cache when nothing changed."""
    if ref is None:
        return _empty_project()
    cache = Cache(cache_dir)
    key = _key(ref)
    with cache.lock(f"index-{key}"):
        stats = cache.load(f"stats-{key}", Stats) or {}
        current, changed = _walk(ref.root, stats)
        digest = _hash(repr(sorted((rel, e[2]) for rel, e in current.items())).encode())
        if current != stats:
            cache.store(f"stats-{key}", current)
        units_from = (str(cache.directory), key) if cache.directory is not None else None
        cached_entry = cache.load(f"project-{key}", ProjectEntry)
        cached = None
        if cached_entry is not None:
            with contextlib.suppress(Exception):
                if not changed and current.keys() == stats.keys() and cached_entry[0] == digest:
                    project = codec.decode_part(cached_entry[2], Project)
                    _LOADED.pop(units_from, None)     # read again from the entry, if needed
                    return dataclasses.replace(project, contents=digest, units_from=units_from)
        old = cache.load(f"summaries-{key}", Summaries) or {}
        files, fresh, dirty = _summaries(ref.root, current, changed, old)
        shape = _shape(files)
        if cached_entry is not None and cached_entry[1] == shape:
            with contextlib.suppress(Exception):
                cached = codec.decode_part(cached_entry[2], Project)
        if cached is not None:
            project = _updated(cached, ref.root, files, fresh)
        else:
            decoded = {}
            for rel in list(files):
                summary = _summary(ref.root, files, fresh, rel)
                if summary is not None:
                    decoded[rel] = (files[rel][0], summary)
                else:
                    del files[rel]
            dirty = True
            project = build_project(ref, decoded)
            shape = _shape(files)
        if dirty:
            cache.store(f"summaries-{key}", files)
        project = dataclasses.replace(project, contents=digest, shape=shape)
        # The units stay in the summaries entry: a warm run that checks nothing never reads them.
        cache.store(f"project-{key}", (digest, shape, codec.encode_part(dataclasses.replace(project, units={}), Project)))
        if units_from is not None:
            project.units_from = units_from
            _LOADED[units_from] = (ref.root, files, fresh)
    return project


def module_units(project: Project, module: str) -> tuple[Unit, ...] | None:
    """`module`'s units: in memory after a build, else decoded from the summaries entry."""
    units = project.units.get(module)
    if units is not None or project.units_from is None or module not in project.modules:
        return units
    loaded = _LOADED.get(project.units_from)
    if loaded is None:
        directory, key = project.units_from
        files = Cache(Path(directory)).load(f"summaries-{key}", Summaries) or {}
        loaded = _LOADED[project.units_from] = (project.ref.root, files, {})
    root, files, fresh = loaded
    rel = os.path.relpath(project.modules[module], root)
    if rel not in files:
        return None
    try:
        summary = fresh.get(rel) or codec.decode_part(files[rel][2], ModuleSummary)
    except Exception:
        return None          # spoiled: the file is parsed whole (a later run rebuilds the piece)
    units = project.units[module] = summary.facts.units if summary.facts is not None else ()
    return units


def all_units(project: Project) -> dict[str, tuple[Unit, ...]]:
    """Every module's units (decoding each from the summaries entry if it came from the cache)."""
    out = {}
    for module in project.modules:
        units = module_units(project, module)
        if units is not None:
            out[module] = units
    return out


def project_tables(summaries: dict[str, ModuleSummary], graph: ModelGraph) -> dict:
    """The cross-module fields of a Project (`parts` and the tables) for module -> summary and a
    graph (`manage.py mdblint` pairs the static summaries with the live graph)."""
    names = relation_names(graph)
    parts = {m: cross_part(m, s, graph, names) for m, s in summaries.items() if s.facts is not None}
    return {"parts": parts, **cross_module_tables(parts)}


def module_summaries(ref: ProjectRef, cache_dir: Path | None) -> dict[str, ModuleSummary]:
    """module -> summary of every project file (what `load_project` read: from its cache entry
    when there is one, else summarized again), chosen as `build_project` chooses."""
    files = Cache(cache_dir).load(f"summaries-{_key(ref)}", Summaries) if cache_dir is not None else None
    fresh: dict[str, ModuleSummary] = {}
    if files is None:
        current, changed = _walk(ref.root, {})
        files, fresh, _ = _summaries(ref.root, current, changed, {})
    chosen: dict[str, ModuleSummary] = {}
    for rel in sorted(files):
        summary = _summary(ref.root, files, fresh, rel)
        if summary is None or summary.module in chosen and not summary.is_package:
            continue    # `pkg.py` next to `pkg/__init__.py`: Python imports the package
        chosen[summary.module] = summary
    return chosen
