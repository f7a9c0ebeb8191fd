"""`mdblint server`: a language server (LSP over stdio, built on pygls: the `server` extra).

Diagnostics when a document is opened and saved; code actions: the `--fix` edit of an N+1
finding (MDB301/MDB302), "fix all" for the document, and `# noqa: CODE` for any finding.

The index stays warm in memory: each project's index, settings and model graph are loaded
once (from the on-disk cache when it is fresh) and kept with a linter per configuration, which
also keeps the other modules it parsed for function summaries. Opening or saving a document
re-checks that document only, from its text in the editor. A save whose content differs from
what the index knows (a changed or new module) refreshes the index (only that file is read
again), and when that changes the project's settings or model graph, the other open documents
of the project are re-checked as well.

`Session` is the server without the protocol (tests use it directly); `main()` serves it.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import mdblint
from mdblint import config, discovery, noqa
from mdblint.checks import select_rules
from mdblint.discovery import ProjectRef
from mdblint.engine import FIXABLE, Linter, _cache_dir, _configured, options_key
from mdblint.findings import Finding
from mdblint.model import Options, UsageError
from mdblint.noqa import NOQA_INLINE, NoqaFile
from mdblint.project import Project, load_project
from mdblint.project.index import module_name
from mdblint.source import SourceError, decode


@dataclass
class _Loaded:
    ref: ProjectRef | None
    project: Project
    linters: dict[tuple, Linter] = field(default_factory=dict)


@dataclass
class Action:
    """A code action, protocol-free: replace the document's text with `text`."""
    title: str
    kind: str              # "quickfix" | "source.fixAll"
    text: str
    findings: list[Finding]
    preferred: bool = False


class Session:
    """Projects loaded once and kept; one document checked at a time."""

    def __init__(self) -> None:
        self.projects: dict[ProjectRef | None, _Loaded] = {}
        self.loads = 0                         # how many times a project index was (re)loaded
        self.checked: list[str] = []           # paths checked, in order (what each request re-checked)
        self._configs: dict[Path, tuple[tuple, Options]] = {}
        self.on_load = lambda ref, project: None   # told of each (re)load (the server logs it)

    # -- configuration and projects -------------------------------------------------------

    def options(self, path: Path) -> Options:
        """The `[tool.mdblint]` options for a file: read once per folder, again when a
        pyproject.toml at or above it changes (then every project is loaded again, configured anew)."""
        folder = path.parent
        stamp = _stamp(folder)
        cached = self._configs.get(folder)
        if cached is None or cached[0] != stamp:
            if cached is not None:
                self.projects.clear()
                self._configs.clear()
            self._configs[folder] = (stamp, config.read([path]).options)
        return self._configs[folder][1]

    def _loaded(self, path: Path, options: Options) -> _Loaded:
        refs = discovery.find_projects([path], options.settings, options.root)
        ref = discovery.owner(path, refs)
        if ref not in self.projects:
            self.projects[ref] = _Loaded(ref, self._load(ref, options))
        return self.projects[ref]

    def _load(self, ref: ProjectRef | None, options: Options) -> Project:
        self.loads += 1
        project = load_project(None) if ref is None else \
            _configured(load_project(ref, cache_dir=_cache_dir(ref.root, options)), options)
        self.on_load(ref, project)
        return project

    def linter(self, path: Path, codes: Sequence[str] | None = None) -> tuple[Linter, Options]:
        options = self.options(path)
        loaded = self._loaded(path, options)
        if codes is None:
            rules = select_rules([*(options.select or ["MDB"]), *options.extend_select],
                                 [*options.ignore, *options.extend_ignore])
        else:
            rules = select_rules(codes)
        key = (tuple(r.code for r in rules), options_key(options))
        if key not in loaded.linters:
            loaded.linters[key] = Linter(loaded.project, rules, options.read_only, options.relation_groups,
                                         options.django_version)
        return loaded.linters[key], options

    # -- checking -------------------------------------------------------------------------

    def check(self, path: Path, text: str) -> list[Finding]:
        """The findings of the document's current text, after per-file-ignores and `# noqa`."""
        path = path.absolute()
        self.checked.append(str(path))
        linter, options = self.linter(path)
        data = _encode(text)
        raw, _ = linter.lint_bytes(path, data)
        ignored = tuple(c.strip().upper() for glob, codes in options.per_file_ignores.items()
                        if discovery.GlobSet([glob]).match(path.as_posix()) for c in codes)
        if ignored:
            raw = [f for f in raw if not f.code.startswith(ignored)]
        kept, _ = noqa.apply(data, raw, linter.codes)
        return kept

    def saved(self, path: Path) -> list[Path]:
        """A document was saved: refresh the index if the file's content is news to it. Returns
        the other paths to re-check (those of the project, when its settings or graph changed)."""
        path = path.absolute()
        options = self.options(path)
        loaded = self._loaded(path, options)
        if loaded.ref is None:
            return []
        found = module_name(loaded.ref.root, path)
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return []
        if found is None or loaded.project.digests.get(found[0]) == digest:
            return []
        before = loaded.project.fingerprint
        self.projects[loaded.ref] = _Loaded(loaded.ref, self._load(loaded.ref, options))
        return [] if self.projects[loaded.ref].project.fingerprint == before else [loaded.ref.root]

    def in_project(self, path: Path, root: Path) -> bool:
        return path.absolute().is_relative_to(root)

    # -- code actions ---------------------------------------------------------------------

    def actions(self, path: Path, text: str, first: int, last: int) -> list[Action]:
        """Code actions for the findings on lines `first`..`last` (1-based) of the document."""
        path = path.absolute()
        findings = self.check(path, text)
        here = [f for f in findings if f.line <= last and f.end_line >= first]
        out = []
        fixable = [f for f in findings if f.code in FIXABLE]
        for f in here:
            if f.code in FIXABLE:
                fixed = self._fixed(path, text, [f])
                if fixed is not None:
                    out.append(Action(f"mdblint: fix {f.code} ({_hint(f.message)})", "quickfix", fixed, [f], True))
            suppressed = with_noqa(text, f)
            if suppressed is not None:
                out.append(Action(f"mdblint: suppress {f.code} on this line (# noqa: {f.code})", "quickfix",
                                  suppressed, [f]))
        if fixable:
            fixed = self._fixed(path, text, fixable)
            if fixed is not None:
                out.append(Action("mdblint: fix all (as --fix does)", "source.fixAll", fixed, fixable))
        return out

    def _fixed(self, path: Path, text: str, findings: list[Finding]) -> str | None:
        """The text with these findings fixed as `--fix` fixes them (None: nothing to change)."""
        linter, _ = self.linter(path, FIXABLE)
        wanted = {(f.line, f.column, f.code) for f in findings}
        data = _encode(text)
        new, count = linter.fix_bytes(path, data, wanted)
        if new is None or not count:
            return None
        try:
            return decode(new).text
        except SourceError:
            return None


def _stamp(folder: Path) -> tuple:
    """What the configuration of files in `folder` is read from: each pyproject.toml at or above it."""
    out = []
    for parent in (folder, *folder.parents):
        try:
            st = (parent / "pyproject.toml").stat()
        except OSError:
            continue
        out.append((str(parent), st.st_mtime_ns, st.st_size))
    return tuple(out)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _hint(message: str) -> str:
    """The fix a message names ("add select_related(...)..."), for an action's title."""
    _, sep, rest = message.rpartition("; ")
    return rest if sep else message


def with_noqa(text: str, finding: Finding) -> str | None:
    """The text with `# noqa: CODE` covering `finding`: the code added to the `# noqa: ...` that
    flake8 would read for its line, or a new comment at the end of that line's token range (after
    a multi-line string or the last backslash continuation). None: a bare `# noqa` already covers it."""
    data = _encode(text)
    file = NoqaFile(data)
    directive = file.directive(finding.line)
    lines = text.splitlines(keepends=True)
    if directive is not None:
        if directive.codes is None:
            return None
        index = directive.line - 1
        body = lines[index].rstrip("\r\n")
        match = NOQA_INLINE.search(body)
        if match is None:
            return None
        codes = directive.codes + [finding.code]
        rest = body[match.end():].lstrip(" ,\t")
        lines[index] = (body[:match.start()] + "# noqa: " + ",".join(codes) + (" " + rest if rest else "")
                        + lines[index][len(body):])
        return "".join(lines)
    _, last = file.ranges.get(finding.line, (finding.line, finding.line))
    index = min(last, len(lines)) - 1
    if index < 0:
        return None
    line = lines[index]
    body = line.rstrip("\r\n")
    lines[index] = f"{body}  # noqa: {finding.code}{line[len(body):]}"
    return "".join(lines)


# -- the protocol ------------------------------------------------------------------------

def _utf16(line: str, column: int) -> int:
    """A code-point column of `line` as UTF-16 code units (LSP's default position encoding)."""
    return len(line[:column].encode("utf-16-le", "surrogatepass")) // 2


def _lsp_lines(text: str) -> list[str]:
    """Lines as LSP counts them (\\n, \\r\\n and \\r end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def diagnostic(finding: Finding, lines: list[str]) -> Any:
    from lsprotocol import types as t

    def position(line: int, column: int) -> Any:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return t.Position(line=max(line - 1, 0), character=_utf16(text, max(column - 1, 0)))

    return t.Diagnostic(
        range=t.Range(start=position(finding.line, finding.column), end=position(finding.end_line, finding.end_column)),
        message=finding.message, severity=t.DiagnosticSeverity.Warning, code=finding.code, source="mdblint",
        data={"fingerprint": finding.fingerprint, "line": finding.line, "column": finding.column})


def _lines_with_ends(text: str) -> list[str]:
    """Lines with their ends, split where LSP splits them (str.splitlines also splits at \\f, \\x1c...)."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", text)


def edits(old: str, new: str) -> list[Any]:
    """The line edits that turn `old` into `new` (so that an editor keeps the cursor and folds)."""
    from lsprotocol import types as t

    a, b = _lines_with_ends(old), _lines_with_ends(new)
    lsp = _lsp_lines(old)

    def at(i: int) -> Any:
        if i < len(a):
            return t.Position(line=i, character=0)
        return t.Position(line=len(lsp) - 1, character=_utf16(lsp[-1], len(lsp[-1])))   # the end of the text

    return [t.TextEdit(range=t.Range(start=at(i1), end=at(i2)), new_text="".join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


def build_server(session: Session | None = None) -> Any:
    from lsprotocol import types as t
    from pygls.lsp.server import LanguageServer

    session = session or Session()
    server = LanguageServer("mdblint", mdblint.__version__, text_document_sync_kind=t.TextDocumentSyncKind.Full)
    server.session = session   # type: ignore[attr-defined]

    def loaded(ref: ProjectRef | None, project: Project) -> None:
        where = f"{ref.root} ({ref.settings_module})" if ref is not None else "files outside any Django project"
        server.window_log_message(t.LogMessageParams(t.MessageType.Info, (
            f"mdblint: loaded the index of {where}: {len(project.modules)} modules, "
            f"{sum(1 for m in project.graph.models.values() if not m.abstract)} models")))

    session.on_load = loaded
    open_documents: set[str] = set()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        if not document.path.endswith(".py"):
            return
        try:
            findings = session.check(Path(document.path), document.source)
        except UsageError as e:
            server.window_show_message(t.ShowMessageParams(t.MessageType.Error, f"mdblint: {e}"))
            findings = []
        except Exception as e:  # never take the editor's session down
            server.window_log_message(t.LogMessageParams(t.MessageType.Error, f"mdblint: internal error on {document.path}: {e!r}"))
            findings = []
        lines = _lsp_lines(document.source)
        server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=[diagnostic(f, lines) for f in findings]))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: t.DidOpenTextDocumentParams) -> None:
        open_documents.add(params.text_document.uri)
        publish(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE, t.SaveOptions(include_text=False))
    def did_save(ls: Any, params: t.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        try:
            roots = session.saved(Path(server.workspace.get_text_document(uri).path))
        except Exception as e:
            server.window_log_message(t.LogMessageParams(t.MessageType.Error, f"mdblint: internal error: {e!r}"))
            roots = []
        publish(uri)
        for other in sorted(open_documents - {uri}):
            path = Path(server.workspace.get_text_document(other).path)
            if any(session.in_project(path, root) for root in roots):
                publish(other)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: t.DidCloseTextDocumentParams) -> None:
        open_documents.discard(params.text_document.uri)
        server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                    t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix, t.CodeActionKind.SourceFixAll]))
    def code_action(ls: Any, params: t.CodeActionParams) -> list[t.CodeAction]:
        uri = params.text_document.uri
        document = server.workspace.get_text_document(uri)
        try:
            found = session.actions(Path(document.path), document.source,
                                    params.range.start.line + 1, params.range.end.line + 1)
        except Exception as e:
            server.window_log_message(t.LogMessageParams(t.MessageType.Error, f"mdblint: internal error: {e!r}"))
            return []
        only = [getattr(k, "value", k) for k in params.context.only or ()]
        lines = _lsp_lines(document.source)
        out = []
        for action in found:
            kind = t.CodeActionKind.QuickFix if action.kind == "quickfix" else t.CodeActionKind.SourceFixAll
            if only and not any(kind.value == k or kind.value.startswith(k + ".") for k in only):
                continue
            out.append(t.CodeAction(
                title=action.title, kind=kind, is_preferred=action.preferred or None,
                diagnostics=[diagnostic(f, lines) for f in action.findings],
                edit=t.WorkspaceEdit(changes={uri: edits(document.source, action.text)})))
        return out

    return server


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="mdblint server",
                                description="The mdblint language server (LSP over stdio): diagnostics on open "
                                            "and save, code actions for --fix and # noqa.")
    p.add_argument("--stdio", action="store_true", help="speak over stdin/stdout (the default and only transport)")
    p.parse_args(list(argv or ()))
    try:
        import pygls  # noqa: F401
    except ImportError:
        sys.stderr.write("mdblint: error: the language server needs pygls: pip install 'mdblint[server]'\n")
        return 2
    build_server().start_io()
    return 0
