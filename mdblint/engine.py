"""Orchestration: paths -> projects -> per-file lint -> findings.

Per file: results cache (by content hash) -> read and decode -> byte prefilter -> one libcst
parse -> one walk dispatching to the selected rules -> positions (only when something was
reported). Large file sets are spread over a spawn-context process pool.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import gc
import hashlib
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Iterable

import libcst as cst

import mdblint
from mdblint import discovery, fixes, gate
from mdblint.gate import Gate
from mdblint.analysis.events import AliasSite
from mdblint.analysis.flow import Interpreter
from mdblint.analysis.summaries import Summaries
from mdblint.analysis.walk import At, FileContext, Positions, tree_depth, walk
from mdblint.cache import Cache, code_fingerprint, default_cache_dir
from mdblint.checks import Rule, select_rules
from mdblint.checks.migrations import MIGRATION_CODES
from mdblint.findings import Finding, fingerprint
from mdblint.model import DEEP_LIMIT, Options, Problem, Result, UsageError, display_path, on_deep_stack, progress
from mdblint.project import Project, load_project
from mdblint.project.problems import project_problems
from mdblint.project.index import module_name, module_units
from mdblint.project.templates import digest as template_digest
from mdblint.source import SourceError, decode, parse_module

# A file whose analysis runs out of Python's recursion limit is tried again on the deep-stack
# thread (model.on_deep_stack), unless its tree is deeper than this: libcst's code generator
# (positions) spends ~5 frames a level, against DEEP_LIMIT frames there.
DEEP_LEVELS = DEEP_LIMIT // 6
SHALLOW_LEVELS = 200   # below this a RecursionError on the deep stack is a bug, not depth
SERIAL_MAX_FILES = 16   # below this, a pool's start-up (~0.3 s a worker) costs more than it saves
# The words an alias-taking site spells (`mdblint --aliases` skips files with none of them).
_ALIAS_WORDS = ("using", "db_manager", "connections", "transaction")


class Linter:
    """The selected rules and the project a file belongs to; lints one file's bytes."""

    def __init__(self, project: Project, rules: list[Rule], read_only: list[str] | tuple = (),
                 relation_groups: list[list[str]] | tuple = (), django_version: str | None = None) -> None:
        self.project = project
        self.rules = rules
        self.read_only = tuple(read_only)                        # [tool.mdblint] read-only
        self.relation_groups = tuple(tuple(g) for g in relation_groups)   # [tool.mdblint] relation-groups
        self.django_version = django_version                     # [tool.mdblint] django-version ("5.2")
        self._version = tuple(int(p) for p in django_version.split(".")) if django_version else None
        self.handlers: dict[type, list] = {}
        self.event_handlers: dict[type, list] = {}
        for r in rules:
            for node_type in r.nodes:
                self.handlers.setdefault(node_type, []).append(r.handler)
            for event_type in r.events:
                self.event_handlers.setdefault(event_type, []).append(r.handler)
        self.routers = self._grouped(_routers(project)) if self.event_handlers else None
        self.gate = Gate(project, self.routers, self.read_only) if gate.enabled() else None
        self.summaries = Summaries()
        self._modules: dict[str, Interpreter | None] = {}
        self._router_sets: dict[tuple[str, ...] | None, Any] = {}
        self.read: set[str] = set()                     # modules the file being linted read
        self.last_deps: dict[str, str] = {}
        self.flow_errors: list[str] = []                 # internal errors of the file being linted
        self._parsed: tuple[str, cst.Module] | None = None   # (text, tree) of the file being linted
        self.tokens = tuple({t for r in rules for t in r.tokens})
        self.ungated_tokens = tuple({t for r in rules if r.ungated for t in r.tokens})
        self.codes = frozenset(r.code for r in rules)
        self.manager_names = frozenset(
            name for model in project.graph.models.values() for name in model.managers
        ) | {"objects"}

    def module_name(self, path: Path) -> tuple[str | None, bool]:
        found = module_name(self.project.ref.root, path) if self.project.ref else None
        return found if found else (None, False)

    def lint_bytes(self, path: Path, data: bytes, plan: Any = gate.ASK) -> tuple[list[Finding], bool]:
        """Findings for one file, and whether it had to be parsed; `self.last_deps` then holds
        the other project modules its analysis read, with the content hash the index knows.
        `plan`: the gate's plan for the file when the caller made it (workers get it that way)."""
        try:
            # Code nested deeper than Python's recursion limit allows is tried again on a deep
            # stack (model.on_deep_stack); deeper still, it is reported as such (MDB005 or MDB003).
            depth = None
            try:
                result = self._lint_once(path, data, plan)
            except RecursionError:
                depth = tree_depth(self._parsed[1]) if self._parsed is not None else None
                if depth is not None and depth > DEEP_LEVELS:
                    raise
                result = on_deep_stack(self._lint_once, path, data, plan)
        except RecursionError as e:
            self.read, self.flow_errors = set(), []
            # A tree this shallow cannot exhaust the deep stack: endless recursion, a bug of
            # mdblint's. Deeper trees may still meet a limit the deep stack does not raise
            # (CPython 3.12's fixed C recursion limit, ~1,500 C calls): too deep, MDB005.
            if depth is not None and depth <= SHALLOW_LEVELS:
                if os.environ.get("MDBLINT_DEBUG"):
                    raise
                result = self._internal_error(path, e), True   # not deep: endless recursion, a bug of mdblint's
            else:
                result = self._own(display_path(path), _too_deep(data)), True
        except Exception as e:   # a bug of mdblint's: that file's finding, and the run goes on
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            result = self._internal_error(path, e), True
        finally:
            self._parsed = None
        self.last_deps = {m: self.project.digests.get(m, "") for m in sorted(self.read)}
        return result

    def _parse(self, text: str) -> cst.Module:
        """The file's tree; parsed once for both tries of a deeply nested file (lint_bytes)."""
        if self._parsed is not None and self._parsed[0] == text:
            return self._parsed[1]
        module = parse_module(text)
        self._parsed = (text, module)
        return module

    def _lint_once(self, path: Path, data: bytes, plan: Any) -> tuple[list[Finding], bool]:
        self.read = set()
        self.flow_errors = []
        analysed = self._analyse(path, data, plan=plan)
        if len(analysed) == 2:
            result = analysed
        else:
            module, ctx, _ = analysed
            result = self._findings(path, module, ctx), True
        if self.flow_errors:   # one function's analysis failed: the rest of the file was checked
            shown = display_path(path)
            result = sorted([*result[0], *self._own(shown, SourceError(
                "MDB004", f"internal error while checking this file ({'; '.join(self.flow_errors)}); "
                          "please report it"))]), result[1]
        return result

    def fix_bytes(self, path: Path, data: bytes, wanted: set[tuple[int, int, str]]) -> tuple[bytes | None, int]:
        """The file's new content with the fixes of the findings `wanted` ((line, column, code)) made,
        and how many; None if nothing changes. The result is checked to compile."""
        try:
            analysed = self._analyse(path, data, gated=False)   # --fix rewrites the whole text
            if len(analysed) != 3 or not analysed[1].fixes:
                return None, 0
            module, ctx, source = analysed
            positions = Positions(module)
            chosen = [f for f in ctx.fixes if (positions[f.node].start.line, positions[f.node].start.column + 1, f.code) in wanted]
            fixed_module, count = fixes.apply(module, chosen)
        except Exception as e:   # a bug of mdblint's: that file is left as it is, the others are fixed
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            sys.stderr.write(f"mdblint: warning: no fix written to {display_path(path)} (internal error: "
                             f"{type(e).__name__}: {e}); please report it\n")
            return None, 0
        if not count:
            return None, 0
        new = fixed_module.code.encode(source.encoding)
        try:
            compile(new, str(path), "exec")
        except (SyntaxError, ValueError) as e:   # a fix that does not compile is a bug: never write it
            sys.stderr.write(f"mdblint: warning: no fix written to {display_path(path)} ({e}); please report it\n")
            return None, 0
        return new, count

    def fix_each(self, path: Path, data: bytes, wanted: set[tuple[int, int, str]]) -> dict[tuple[int, int, str], tuple]:
        """For each finding of `wanted` ((line, column, code)) that `--fix` can fix on its own,
        its edit: (start line, start column, end line, end column (exclusive), new text), 1-based.
        One analysis and one walk a file."""
        try:
            analysed = self._analyse(path, data, gated=False)
            if len(analysed) != 3 or not analysed[1].fixes:
                return {}
            module, ctx, _ = analysed
            positions = Positions(module)
            marks = {f: (positions[f.node].start.line, positions[f.node].start.column + 1, f.code) for f in ctx.fixes}
            found: dict[tuple[int, int, str], tuple] = {}
            for f, root, new in fixes.each(module, [f for f in ctx.fixes if marks[f] in wanted]):
                where = positions[root]
                found.setdefault(marks[f], (where.start.line, where.start.column + 1, where.end.line,
                                            where.end.column + 1, module.code_for_node(new)))
            return found
        except Exception:        # what cannot be shown as fixable is reported as not fixable
            if os.environ.get("MDBLINT_DEBUG"):
                raise
            return {}

    def plan(self, path: Path, data: bytes) -> Any:
        """The gate's plan for a file (None: parse it whole)."""
        if self.gate is None or any(t in data for t in self.ungated_tokens):
            return None
        return self.gate.plan(self.module_name(path)[0], hashlib.blake2b(data, digest_size=16).hexdigest())

    def _analyse(self, path: Path, data: bytes, gated: bool = True, plan: Any = gate.ASK) -> Any:
        """(module, ctx, source) once the rules ran; or the finished (findings, parsed) if the file
        could not be read, parsed, or cannot match."""
        shown = display_path(path)
        try:
            source = decode(data)
        except SourceError as e:
            return self._own(shown, e), False
        if not (self.handlers or self.event_handlers) or (self.tokens and not any(t in data for t in self.tokens)):
            return [], False
        name, is_package = self.module_name(path)
        text = source.text
        if gated:
            plan = self.plan(path, data) if plan is gate.ASK else plan
            if plan is not None:
                if plan.skip:
                    return [], False
                text = plan.apply(text)
        try:
            try:
                module = self._parse(text)
            except (cst.ParserSyntaxError, cst.CSTValidationError):
                if text is source.text or os.environ.get("MDBLINT_DEBUG"):
                    raise
                module = self._parse(source.text)   # blanking must never cost a file: parse it whole
        except (cst.ParserSyntaxError, cst.CSTValidationError) as e:
            return self._own(shown, _syntax_error(source.text, e)), True
        ctx = FileContext(str(path), name, is_package, self.project, self.manager_names, display_path)
        ctx.blanked = text is not source.text   # the gate blanked some units (provenance reads the file whole)
        ctx.called = self.called_names(name, data)
        ctx.read_only = self.read_only          # node rules read it too (MDB406's replicas)
        walk(module, ctx, self.handlers)
        if self.event_handlers:
            ctx.routers = self.routers
            ctx.django_version = self._version
            ctx.flow = Interpreter(ctx, self.routers, lambda event: self._dispatch(event, ctx), self)
            for error in ctx.flow.run(module):
                sys.stderr.write(f"mdblint: warning: internal error analysing {shown} ({error}); please report it\n")
                self.flow_errors.append(error)
        return module, ctx, source

    def _findings(self, path: Path, module: cst.Module, ctx: FileContext) -> list[Finding]:
        if not ctx.reports:
            return []
        shown = display_path(path)
        positions = Positions(module)
        findings: dict[tuple, Finding] = {}
        ranks: dict[tuple[str, str], int] = {}
        stable = self.stable_path(path)
        for node, code, message, data in sorted(ctx.reports, key=lambda r: (positions[r[0]].start.line, positions[r[0]].start.column, r[1])):
            where = positions[node]
            text = " ".join(module.code_for_node(node).split())
            rank = ranks[code, text] = ranks.get((code, text), -1) + 1
            finding = Finding(shown, where.start.line, where.start.column + 1, where.end.line,
                              where.end.column + 1, code, message.replace("\n", "\\n"), _resolve(data, positions, shown),
                              fingerprint(code, stable, text, rank))
            findings.setdefault((finding.line, finding.column, code, message), finding)
        return sorted(findings.values())

    def _grouped(self, routers: Any) -> Any:
        return _GroupedRouters(routers, self.relation_groups) if self.relation_groups else routers

    def routers_for(self, paths: tuple[str, ...] | None) -> Any:
        """Routers for an override_settings(DATABASE_ROUTERS=paths); None paths: not statically known."""
        if paths not in self._router_sets:
            self._router_sets[paths] = self._grouped(_routers(self.project, paths) if paths is not None else _UnknownRouters())
        return self._router_sets[paths]

    def worth_summarizing(self, module: str, function: str) -> bool:
        """Could `module.function`'s summary matter? It binds an alias, or assigns a relation
        attribute of one of its parameters (the index's facts: mdblint/project/units.py)."""
        return function in self.project.relevant.get(module, ())

    def imported_constant(self, qualname: str) -> tuple[str, Path, int] | None:
        """`module.NAME` when that module assigns NAME a string literal once at its top level:
        (value, path, line)."""
        module, _, name = qualname.rpartition(".")
        found = self.project.constants.get(module, {}).get(name)
        return (found[0], self.project.modules[module], found[1]) if found else None

    def method_names_binding_aliases(self) -> frozenset[str]:
        """Names of project functions/methods that bind an alias: the only custom manager or
        queryset methods worth a summary."""
        return self.project.alias_methods

    def called_names(self, module: str | None, data: bytes) -> frozenset[str] | None:
        """The names `module` calls bare, from the index, if the index read this very text
        (`data`); None when it did not."""
        if not module or self.project.digests.get(module) != hashlib.blake2b(data, digest_size=16).hexdigest():
            return None
        units = module_units(self.project, module) if module in self.project.modules else None
        return next((frozenset(u.called) for u in units or () if u.kind == "module"), None)

    def module_interpreter(self, name: str) -> Interpreter | None:
        """An interpreter over another project module (for function summaries), parsed once."""
        self.read.add(name)
        if name in self._modules:
            return self._modules[name]
        self._modules[name] = None   # while loading: cycles see "unknown"
        path = self.project.modules.get(name)
        try:
            data = path.read_bytes() if path is not None else b""
            module = parse_module(decode(data).text) if path is not None else None
        except (OSError, SourceError, cst.ParserSyntaxError, cst.CSTValidationError, RecursionError):
            module = None
        if module is None:
            return None
        mod_name, is_package = self.module_name(path)
        ctx = FileContext(str(path), mod_name, is_package, self.project, self.manager_names, display_path)
        ctx.routers = self.routers
        ctx.called = self.called_names(mod_name, data)
        for stmt in module.body:
            ctx.names.add_module_statement(stmt)
        ctx.names.add_function_imports(module)
        interpreter = ctx.flow = Interpreter(ctx, self.routers, lambda event: None, self)
        interpreter.prepare(module)
        self._modules[name] = interpreter
        return interpreter

    def alias_sites(self, path: Path) -> list[dict[str, Any]]:
        """Every alias-taking site of a file with the aliases resolved there (`mdblint --aliases`)."""
        try:
            text = decode(path.read_bytes()).text
            # Every alias-taking site spells one of these (an import of connections or of a
            # transaction function names it too): a file without any has none.
            if not any(word in text for word in _ALIAS_WORDS):
                return []
            module = parse_module(text)
        except (OSError, SourceError, cst.ParserSyntaxError, cst.CSTValidationError, RecursionError):
            return []
        name, is_package = self.module_name(path)
        ctx = FileContext(str(path), name, is_package, self.project, self.manager_names, display_path)
        ctx.routers = self.routers
        found: list[Any] = []
        ctx.flow = Interpreter(ctx, self.routers, lambda e: found.append(e) if isinstance(e, AliasSite) else None, self)
        for stmt in module.body:
            ctx.names.add_module_statement(stmt)
        ctx.flow.run(module)
        if not found:
            return []
        positions = Positions(module)
        shown, sites = display_path(path), {}
        for site in found:
            start = positions[site.node].start
            entry = sites.setdefault((start.line, start.column), {
                "path": shown, "line": start.line, "column": start.column + 1, "kind": site.kind,
                "form": site.form, "aliases": {}, "unknown": None})
            for alias, source in site.aliases.known:
                where = {"path": shown, "line": positions[source.node].start.line} if source.node in positions else \
                    {"path": source.path, "line": source.line}
                entry["aliases"].setdefault(alias, {"how": source.how, **where})
            if site.reason:
                entry["unknown"] = site.reason
        return [sites[k] for k in sorted(sites)]

    def _dispatch(self, event: Any, ctx: FileContext) -> None:
        for handler in self.event_handlers.get(type(event), ()):
            handler(event, ctx)

    def lint_path(self, path: Path) -> tuple[list[Finding], bool]:
        try:
            data = path.read_bytes()
        except OSError as e:
            return self._own(display_path(path), SourceError("MDB001", f"cannot read file: {e.strerror or e}")), False
        return self.lint_bytes(path, data)

    def stable_path(self, path: Path) -> str:
        """The path fingerprints use: relative to the project's root, so that a baseline matches
        whatever folder mdblint runs from."""
        ref = self.project.ref
        if ref is not None and path.is_relative_to(ref.root):
            return path.relative_to(ref.root).as_posix()
        return display_path(path)

    def _internal_error(self, path: Path, error: Exception) -> list[Finding]:
        """MDB004 for a file whose analysis raised: the cause, where in mdblint, and a warning line."""
        import traceback

        shown = display_path(path)
        frames = traceback.extract_tb(error.__traceback__)
        where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames)
                      if "mdblint" in Path(f.filename).parts), "")
        cause = f"{type(error).__name__}: {error}".strip().rstrip(":")
        message = f"internal error while checking this file ({cause}{' at ' + where if where else ''}); please report it"
        sys.stderr.write(f"mdblint: warning: {shown}: {message}\n")
        return self._own(shown, SourceError("MDB004", message.replace("\n", " ")))

    def _own(self, shown: str, error: SourceError) -> list[Finding]:
        if error.code not in self.codes:
            return []
        return [Finding(shown, error.line, error.column, error.line, error.column, error.code, error.message,
                        fingerprint=fingerprint(error.code, shown, error.message, 0))]


def _routers(project: Project, paths: tuple[str, ...] | None = None) -> Any:
    """The project's routers, or those an override_settings names (`paths`)."""
    from mdblint.project.routers import Routers
    return Routers(project, paths)


class _GroupedRouters:
    """Routers whose allow_relation mdblint cannot evaluate, completed by `relation-groups`: two
    aliases of one group share data (allowed); aliases of different groups do not."""

    def __init__(self, routers: Any, groups: tuple[tuple[str, ...], ...]) -> None:
        self.routers, self.groups = routers, groups
        self.db_for_read, self.db_for_write = routers.db_for_read, routers.db_for_write

    def allow_relation(self, model1: str, alias1: str, model2: str, alias2: str) -> Any:
        verdict = self.routers.allow_relation(model1, alias1, model2, alias2)
        if verdict.allowed is not None:
            return verdict
        group1 = next((g for g in self.groups if alias1 in g), None)
        group2 = next((g for g in self.groups if alias2 in g), None)
        if group1 is None or group2 is None:
            return verdict
        return type(verdict)(group1 == group2, "[tool.mdblint] relation-groups", None, None)


class _UnknownRouters:
    """Routers mdblint cannot see (`override_settings(DATABASE_ROUTERS=some_variable)`)."""

    def db_for_read(self, model: str, instance: str | None = None) -> Any:
        from mdblint.project.routers import Answer
        return Answer(None, "routers not statically known", None, None)

    db_for_write = db_for_read

    def allow_relation(self, *args: str) -> Any:
        from mdblint.project.routers import Verdict
        return Verdict(None, "routers not statically known", None, None)


def _syntax_error(text: str, error: cst.ParserSyntaxError | cst.CSTValidationError) -> SourceError:
    """A file libcst cannot parse: MDB003 with CPython's message and position when CPython rejects
    it too (flake8's E999 shows those; libcst tends to point one token late); MDB006 when CPython
    accepts it (valid Python that libcst does not parse: not a syntax error)."""
    try:
        compile(text, "<file>", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return SourceError("MDB003", f"syntax error: {e.msg}", e.lineno or 1, e.offset or 1)
    except (ValueError, RecursionError, MemoryError):
        pass
    else:
        if isinstance(error, cst.ParserSyntaxError):
            # libcst's raw_line can be a line late; its message says where it stopped
            at = re.search(r"error at (\d+):(\d+)", error.message)
            line, column = (int(at[1]), int(at[2]) + 1) if at else (error.raw_line, error.raw_column + 1)
            return SourceError("MDB006", f"valid Python that libcst, mdblint's parser, cannot parse "
                               f"(libcst: {error.message}); mdblint could not check it", line, column)
        return SourceError("MDB006", f"valid Python that libcst, mdblint's parser, rejects "
                           f"(libcst: {error}); mdblint could not check it")
    if isinstance(error, cst.ParserSyntaxError):
        return SourceError("MDB003", f"syntax error: {error.message}", error.raw_line, error.raw_column + 1)
    return SourceError("MDB003", f"syntax error: {error}")


def _too_deep(data: bytes) -> SourceError:
    """A file whose analysis ran out of stack on the deep-stack try too: MDB005 if CPython
    compiles it, else MDB003 (CPython cannot import it either)."""
    try:
        compile(decode(data).text, "<file>", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return SourceError("MDB003", f"syntax error: {e.msg}", e.lineno or 1, e.offset or 1)
    except (RecursionError, MemoryError) as e:
        return SourceError("MDB003", f"syntax error: too deeply nested for Python to compile "
                           f"({type(e).__name__}: {e or 'parser stack overflow'})")
    except (ValueError, SourceError):
        pass
    return SourceError("MDB005", f"nested too deeply for mdblint to check on this Python (past its "
                       "recursion limits); Python compiles it, mdblint could not check it")


def _resolve(data: Any, positions: Any, shown: str) -> Any:
    """Replace `At(node)` placeholders in finding data by {"path", "line", "column"}."""
    if isinstance(data, At):
        where = positions.get(data.node)
        if where is None:  # a node of another module's parse: should have been relocated
            return {"path": None, "line": None}
        return {"path": shown, "line": where.start.line, "column": where.start.column + 1}
    if isinstance(data, dict):
        return {k: _resolve(v, positions, shown) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_resolve(v, positions, shown) for v in data]
    return data


# -- the whole run --

def collect_files(paths: Iterable[Path], options: Options | None = None,
                  migrations: list[Path] | None = None) -> list[Path]:
    """The .py files under `paths`, minus excluded and git-ignored ones. Paths named here are
    linted even if excluded, unless `force_exclude`. `migrations`, if given, receives the files
    of the apps' migrations folders that the default exclusion skipped."""
    options = options or Options()
    excluder = discovery.Excluder(options.exclude, options.extend_exclude, options.respect_gitignore, options.base)
    files: dict[Path, None] = {}
    unreadable: list[Path] = []
    for path in paths:
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise UsageError(f"{path}: no such file or directory") from None
        except OSError:
            pass      # a path under a folder that cannot be entered: reading it gives its finding
        if options.force_exclude and excluder.excluded(path):
            continue
        # A folder that cannot be listed is linted as a file: reading it gives its MDB001 finding.
        for file in discovery.iter_python_files(path, excluder=excluder, unreadable=unreadable):
            files[Path(os.path.abspath(file))] = None  # not resolve(): keep links as named
        for folder in unreadable:
            files[Path(os.path.abspath(folder))] = None
        unreadable.clear()
    if migrations is not None:
        found: dict[Path, None] = {}
        for folder in excluder.migrations:
            for file in discovery.iter_python_files(folder, excluder=excluder):
                if Path(os.path.abspath(file)) not in files:
                    found[Path(os.path.abspath(file))] = None
        migrations.extend(found)
    return list(files)


# The cyclic collector's thresholds for a run. A run builds millions of small objects that form
# no cycles (syntax trees, summaries, values) and keeps the project's facts alive throughout; with
# Python's defaults (700, 10, 10) the collector ran 15,000 times in a cold run on saleor, and its
# full collections, each traversing every live summary, took a third of the run's CPU. Memory is
# freed by reference counting all the same; the peak stayed the same (358 MB, one process).
GC_THRESHOLDS = (50_000, 20, 100)


@contextlib.contextmanager
def few_collections() -> Any:
    """Run the body with `GC_THRESHOLDS`, restoring the caller's afterwards (the flake8 plugin
    runs inside flake8's process)."""
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def lint_paths(paths: list[Path], options: Options, unused_noqa: list[tuple[str, int, list[str]]] | None = None) -> Result:
    """Lint `paths`. With `options.warn_unused_noqa`, `unused_noqa` receives (path, line, codes)
    for each `# noqa: MDB...` that suppressed nothing."""
    with few_collections():
        return _lint_paths(paths, options, unused_noqa)


def selected_rules(options: Options) -> list[Rule]:
    """The rules `options` select; a code that names none (there or in per-file-ignores) is a
    usage error."""
    try:
        rules = select_rules([*(options.select or ["MDB"]), *options.extend_select],
                             [*options.ignore, *options.extend_ignore])
    except ValueError as e:
        raise UsageError(str(e)) from None
    for glob, codes in options.per_file_ignores.items():
        try:
            select_rules((), codes)
        except ValueError as e:
            raise UsageError(f"per-file-ignores {glob!r}: {e}") from None
    return rules


def _lint_paths(paths: list[Path], options: Options, unused_noqa: list[tuple[str, int, list[str]]] | None) -> Result:
    rules = selected_rules(options)
    # Apps' migrations stay excluded, except for the rules about data migrations (MDB406).
    migration_rules = [r for r in rules if r.code in MIGRATION_CODES]
    migration_files: list[Path] | None = [] if migration_rules else None
    files = collect_files(paths, options, migration_files)
    refs, owners, projects, problems = load_projects(paths, options, files, migration_files or ())
    migration_owners = [discovery.owner(file, refs) for file in migration_files or ()]
    groups: dict[int, list[Path]] = {}
    for file, ref in zip(files, owners):
        groups.setdefault(refs.index(ref) if ref else -1, []).append(file)
    if -1 in groups:
        projects.append(load_project(None))  # no settings, no aliases to configure
        groups[len(projects) - 1] = groups.pop(-1)
    findings: list[Finding] = []
    parsed = 0
    project_of = {display_path(file): projects[index] for index, group in groups.items() for file in group}
    for index, group in groups.items():
        project_findings, project_parsed = _lint_project(projects[index], rules, group, options, unused_noqa)
        findings += project_findings
        parsed += project_parsed
    migration_groups: dict[int, list[Path]] = {}
    for file, ref in zip(migration_files or (), migration_owners):
        if ref is not None:   # outside every project, no database is known: nothing to judge
            migration_groups.setdefault(refs.index(ref), []).append(file)
    for index, group in migration_groups.items():
        project_of.update((display_path(file), projects[index]) for file in group)
        project_findings, project_parsed = _lint_project(projects[index], migration_rules, group, options, unused_noqa)
        findings += project_findings
        parsed += project_parsed
    linted = len(files) + sum(len(g) for g in migration_groups.values())
    return Result(sorted(findings), linted, parsed, projects, project_of, problems)


def load_projects(paths: list[Path], options: Options, files: list[Path] | None = None, extra: Iterable[Path] = ()
                  ) -> tuple[list[discovery.ProjectRef], list[discovery.ProjectRef | None], list[Project], list[Problem]]:
    """(refs, each file's ref, the loaded projects, what could not be read): the projects that own
    some of `files` (default: the files `paths` lint) or of `extra` (migrations, linted for MDB406 only)."""
    files = collect_files(paths, options) if files is None else files
    found = discover_projects(paths, options)
    owners = [discovery.owner(file, found.projects) for file in files]
    loaded = set(owners) | {discovery.owner(file, found.projects) for file in extra}
    refs = [ref for ref in found.projects if ref in loaded]  # a project whose files are all excluded is not loaded
    projects = [_configured(load_project(ref, cache_dir=_cache_dir(ref.root, options)), options) for ref in refs]
    _check_aliases(projects, options)
    problems = [p for p in found.problems if p.project is None or any(display_path(r.root) == p.project for r in refs)]
    if files and not refs:
        problems.append(no_project(paths))
    for project in projects:
        problems += project_problems(project, options.databases is not None)
    return refs, owners, projects, problems


def discover_projects(paths: list[Path], options: Options) -> discovery.Discovery:
    """The projects of `paths` as the options name them; a settings module that the command line
    or [tool.mdblint] names and that is not found is a usage error."""
    found = discovery.discover(paths, options.settings, options.root)
    if options.settings and not found.projects:
        raise UsageError(f"settings module {options.settings!r} not found at or above the given paths")
    return found


def no_project(paths: list[Path]) -> Problem:
    shown = ", ".join(display_path(p) for p in paths[:3]) + (", ..." if len(paths) > 3 else "")
    return Problem("no-project", f"no Django project found for {shown} (no manage.py, no DJANGO_SETTINGS_MODULE in "
                   f"the environment, pytest.ini, pyproject.toml, setup.cfg or tox.ini, no wsgi.py/asgi.py naming one): "
                   f"the checks that need settings and models are off", discovery.SETTINGS_FIX)


# -- --fix --

FIXABLE = ("MDB301", "MDB302", "MDB306")


@dataclass
class Change:
    path: str             # as findings show it
    old: bytes
    new: bytes
    fixed: int            # findings fixed


def fix_paths(paths: list[Path], options: Options, write: bool = True) -> list[Change]:
    """Fix what can be fixed among the findings a normal run reports (after `# noqa` and
    per-file-ignores); with `write`, replace each changed file atomically."""
    result = lint_paths(paths, options)
    wanted: dict[str, set[tuple[int, int, str]]] = {}
    for f in result.findings:
        if f.code in FIXABLE:
            wanted.setdefault(f.path, set()).add((f.line, f.column, f.code))
    changes = []
    for shown, marks in wanted.items():
        project = result.project_of[shown]
        linter = Linter(project, select_rules(FIXABLE), options.read_only, options.relation_groups, options.django_version)
        path = Path(os.path.abspath(shown))
        old = data = path.read_bytes()
        fixed = 0
        for _ in range(3):   # a queryset nested in another fixed one waits for the next pass
            new, count = linter.fix_bytes(path, data, marks if data is old else _all_fixable(linter, path, data, marks))
            if new is None:
                break
            data, fixed = new, fixed + count
        if data is not old:
            if write:
                why = write_atomically(path, data)
                if why is not None:
                    sys.stderr.write(f"mdblint: warning: no fix written to {shown} ({why})\n")
                    continue
            changes.append(Change(shown, old, data, fixed))
    return changes


def _all_fixable(linter: Linter, path: Path, data: bytes, first: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The fixable findings of a file already fixed once (of the codes fixed then, minus `# noqa`)."""
    from mdblint import noqa

    codes = {code for _, _, code in first}
    kept, _ = noqa.apply(data, [f for f in linter.lint_bytes(path, data)[0] if f.code in codes], frozenset(codes), False)
    return {(f.line, f.column, f.code) for f in kept}


def write_atomically(path: Path, data: bytes) -> str | None:
    """Replace the file behind `path` (following a symbolic link) with `data`, keeping its mode,
    owner and group; None, or why it was left as it is (a read-only file or folder).

    The new text is written beside it and renamed over it, so that a run killed half-way leaves
    the file old or new, never cut. A file with other hard links is written in place instead (a
    rename would part it from them), as is one whose owner a rename could not keep; a folder that
    takes no new file leaves the file as it is."""
    import tempfile

    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except OSError as e:
        return f"cannot read it: {e.strerror or e}"
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        return "the file is read-only"     # root may write it, and a rename needs only the folder: leave it
    if st.st_nlink > 1:
        return _write_in_place(target, data)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".mdblint-fix")
    except OSError as e:       # a read-only folder: the file is not rewritten without the rename's safety
        return f"cannot write beside it: {e.strerror or e}"
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, st.st_mode & 0o7777)
        if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:      # not ours to give away: written in place, which keeps both
                os.unlink(tmp)
                return _write_in_place(target, data)
            os.chmod(tmp, st.st_mode & 0o7777)      # chown clears set-user-id bits
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return None


def _write_in_place(target: Path, data: bytes) -> str | None:
    try:
        with open(target, "r+b") as f:
            f.write(data)
            f.truncate()
    except OSError as e:
        return f"cannot write it: {e.strerror or e}"
    return None


def _configured(project: Project, options: Options) -> Project:
    """`project` with the aliases `databases` / `extend-databases` set (line None: not in settings).
    Files outside every Django project have no settings, and stay without aliases."""
    from mdblint.project.index import fingerprint as project_fingerprint
    from mdblint.project.settings_static import Database

    declared = project.settings.databases
    if options.databases is not None:
        names = options.databases
    elif options.extend_databases and declared is not None:
        names = [*declared, *options.extend_databases]
    else:
        return project
    databases = {a: (declared or {}).get(a) or Database(a, None, None, None) for a in dict.fromkeys(names)}  # type: ignore[arg-type]
    settings = dataclasses.replace(project.settings, databases=databases)
    return dataclasses.replace(project, settings=settings, fingerprint=project_fingerprint(settings, project.graph))


def _check_aliases(projects: list[Project], options: Options) -> None:
    """Every alias that relation-groups and read-only name is defined where DATABASES is known."""
    named = [("relation-groups", a) for group in options.relation_groups for a in group]
    named += [("read-only", a) for a in options.read_only]
    for project in projects:
        databases = project.settings.databases
        for key, alias in named:
            if databases is not None and alias not in databases:
                where = display_path(project.ref.root) if project.ref else "settings"
                raise UsageError(f"{key} names {alias!r}, which DATABASES of {where} does not define "
                                 f"(known: {', '.join(sorted(databases)) or 'none'})")


def options_key(options: Options) -> tuple:
    """The options that change findings (besides the rules): read-only aliases, relation groups, Django's version."""
    return tuple(options.read_only), tuple(tuple(g) for g in options.relation_groups), options.django_version


# The results cache file's type: path -> (digest of its content, module -> digest of each other
# module its analysis read, raw findings).
Entry = tuple[str, dict[str, str], list[Finding]]   # (content hash, modules read -> their hash, findings)
Results = dict[str, Entry]


def results_key(project: Project, codes: list[str], options: tuple, where: str) -> str:
    """What every file's findings may depend on: mdblint's code, the settings and model graph,
    the project-wide tables of the index, the rules and options (and `where` paths are shown
    from). What one file read of other modules (function summaries) is kept with its entry, so
    that an edit elsewhere re-checks only the files that read it."""
    tables = (sorted((m, sorted(f)) for m, f in project.relevant.items()), sorted(project.alias_methods),
              sorted((m, sorted(c.items())) for m, c in project.constants.items()),
              # what attribute provenance reads (analysis/provenance.py)
              sorted(project.class_bases.items()), sorted((c, sorted(a)) for c, a in project.class_attrs.items()),
              sorted(project.outside_attrs),
              # the templates views render (analysis/templates.py): paths, sizes, mtimes
              template_digest(project.ref.root) if project.ref is not None else "")
    return hashlib.blake2b(repr((mdblint.__version__, code_fingerprint(), project.fingerprint, tables,
                                 sorted(codes), options, where)).encode(), digest_size=12).hexdigest()


def cached_findings(project: Project, entry: Entry | None, digest: str) -> list[Finding] | None:
    """The findings of a results entry if the file and everything its analysis read are unchanged."""
    if entry is None or entry[0] != digest or not _deps_unchanged(project, entry[1]):
        return None
    return entry[2]


def _cache_dir(root: Path, options: Options) -> Path | None:
    if not options.cache:
        return None
    return options.cache_dir if options.cache_dir is not None else default_cache_dir(root)


def _lint_project(project: Project, rules: list[Rule], files: list[Path], options: Options,
                  unused_noqa: list[tuple[str, int, list[str]]] | None = None) -> tuple[list[Finding], int]:
    """Lint `files` of one project, reusing cached results for unchanged files. The cache keeps
    raw findings; per-file-ignores and `# noqa` are applied afterwards."""
    from mdblint import noqa

    root = project.ref.root if project.ref else Path.cwd()
    cache = Cache(_cache_dir(root, options))
    cache_name = f"results-{results_key(project, [r.code for r in rules], options_key(options), os.getcwd())}"
    cached: Results = cache.load(cache_name, Results) or {}
    fresh: dict[str, Any] = {}
    todo: list[tuple[Path, bytes, str]] = []
    findings: list[Finding] = []
    linter = Linter(project, rules, options.read_only, options.relation_groups, options.django_version)
    selected = frozenset(r.code for r in rules)
    ignores = [(discovery.GlobSet([glob]), tuple(c.strip().upper() for c in codes))
               for glob, codes in options.per_file_ignores.items()]

    def keep(path: Path, data: bytes | None, raw: list[Finding]) -> list[Finding]:
        ignored = tuple(c for globs, codes in ignores if globs.match(path.as_posix()) for c in codes)
        raw = [f for f in raw if not f.code.startswith(ignored)] if ignored else raw
        if data is None or not (raw or options.warn_unused_noqa):
            return raw
        kept, unused = noqa.apply(data, raw, selected, options.warn_unused_noqa)
        if unused_noqa is not None:
            unused_noqa.extend((display_path(path), line, codes) for line, codes in unused)
        return kept

    for path in files:
        try:
            data = path.read_bytes()
        except OSError as e:
            what = "folder" if os.path.isdir(path) else "file"
            findings += keep(path, None, linter._own(display_path(path), SourceError("MDB001", f"cannot read {what}: {e.strerror or e}")))
            continue
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        hit = cached.get(str(path))
        found = cached_findings(project, hit, digest)
        if found is not None:
            findings += keep(path, data, found)
            fresh[str(path)] = hit
        else:
            todo.append((path, data, digest))
    parsed = 0
    for (path, data, digest), (file_findings, was_parsed, deps) in zip(todo, _run(linter, todo, options.jobs)):
        findings += keep(path, data, file_findings)
        parsed += was_parsed
        if _storable(str(path)):   # a name that is not UTF-8 is linted every time, the others cached
            fresh[str(path)] = (digest, deps, file_findings)
    if todo or len(fresh) != len(cached):
        cache.store(cache_name, {**cached, **fresh})
    return findings, parsed


def _storable(text: str) -> bool:
    """`text` can go into the cache (MessagePack strings are UTF-8; os.fsdecode's surrogates are not)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _deps_unchanged(project: Project, deps: dict[str, str]) -> bool:
    return all(project.digests.get(module, "") == digest for module, digest in deps.items())


def _linted(linter: Linter, path: Path, data: bytes, plan: Any = gate.ASK) -> tuple[list[Finding], bool, dict[str, str]]:
    findings, parsed = linter.lint_bytes(path, data, plan)
    return findings, parsed, linter.last_deps


def _run(linter: Linter, todo: list[tuple[Path, bytes, str]], jobs: int) -> list[tuple[list[Finding], bool, dict[str, str]]]:
    # The gate decides here, from the index: files with nothing admitted never reach a worker.
    plans = [linter.plan(path, data) for path, data, _ in todo]
    results: list[Any] = [([], False, {}) if plan is not None and plan.skip else None for plan in plans]
    rest = [i for i, r in enumerate(results) if r is None]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(rest) <= SERIAL_MAX_FILES:
        for done, i in enumerate(rest, 1):
            results[i] = _linted(linter, todo[i][0], todo[i][1], plans[i])
            progress("checking", done, len(rest))
        return results
    # Largest files first, so that no worker is left with a big one at the end.
    order = sorted(rest, key=lambda i: -len(todo[i][1]))
    context = get_context("spawn")
    # The index is built once, here: workers get the project without the per-unit facts, and the
    # gate's plan for each file.
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(dataclasses.replace(linter.project, units={}, units_from=None, parts={}), [r.code for r in linter.rules], linter.read_only,
                                       linter.relation_groups, linter.django_version)) as pool:
        chunk = max(1, min(8, len(order) // (jobs * 4)))
        for done, (i, result) in enumerate(zip(order, pool.map(_lint_in_worker, [todo[i][0] for i in order], [plans[i] for i in order], chunksize=chunk)), 1):
            results[i] = result
            progress("checking", done, len(order))
    return results


_worker: Linter | None = None


def _init_worker(project: Project, codes: list[str], *extra: Any) -> None:
    global _worker
    gc.set_threshold(*GC_THRESHOLDS)     # a worker process of ours: for its whole life
    _worker = Linter(project, select_rules(codes), *extra)
    cst.parse_module("")  # warm the parser


def _lint_in_worker(path: Path, plan: Any) -> tuple[list[Finding], bool, dict[str, str]]:
    assert _worker is not None
    try:
        data = path.read_bytes()
    except OSError:
        return (*_worker.lint_path(path), {})
    return _linted(_worker, path, data, plan)


def lint_source(source: str | bytes, path: str | Path, project: Project, select: Iterable[str] = (),
                ignore: Iterable[str] = ()) -> list[Finding]:
    """Lint one file's text against a loaded project (for tests, fixtures and the flake8 plugin)."""
    data = source.encode() if isinstance(source, str) else source
    return Linter(project, select_rules(select, ignore)).lint_bytes(Path(path).resolve(), data)[0]

