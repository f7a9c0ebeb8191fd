"""`mdblint [PATH ...]`, `mdblint - --stdin-filename PATH`, `mdblint rule CODE`, `mdblint clean`.

Exit codes: 0 clean (or `--exit-zero`), 1 findings (or a fix made, with `--exit-non-zero-on-fix`),
2 usage error or internal error (never 1), 130 interrupted. A closed output pipe ends quietly.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import NoReturn, Sequence

import mdblint

FORMAT_NAMES = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "pylint")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2 (argparse would print the whole usage first).
        self.exit(2, f"mdblint: error: {message}\n")


def _codes(value: str) -> list[str]:
    """`A,B` -> ["A", "B"]; a value that names nothing (`""`, `,`) is a usage error."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"expected a comma-separated list, got {value!r}")
    return names


def _groups(value: str) -> list[list[str]]:
    """`default+replica,other` -> [["default", "replica"], ["other"]]."""
    groups = [[a.strip() for a in group.split("+") if a.strip()] for group in value.split(",") if group.strip()]
    if not groups or not all(groups):
        raise argparse.ArgumentTypeError(f"expected groups like A+B,C, got {value!r}")
    return groups


def _text(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("expected a value, got ''")
    return value


def _per_file(value: str) -> dict[str, list[str]]:
    """`GLOB:CODE,CODE [GLOB:CODE ...]` (flake8's shape; white space may follow the colon)."""
    table: dict[str, list[str]] = {}
    glob = None
    for token in value.split():
        if ":" in token:
            glob, _, codes = token.rpartition(":")
            table.setdefault(glob, [])
        elif glob is None:
            raise argparse.ArgumentTypeError(f"expected GLOB:CODES, got {value!r}")
        else:
            codes = token
        table[glob] += [c.strip() for c in codes.split(",") if c.strip()]
    if not table or any(not glob or not codes for glob, codes in table.items()):
        raise argparse.ArgumentTypeError(f"expected GLOB:CODES, got {value!r}")
    return table


def _path(value: str) -> Path:
    return Path(_text(value))


def _version(value: str) -> str:
    if not re.fullmatch(r"\d+\.\d+", value):
        raise argparse.ArgumentTypeError(f'expected a version like "5.2", got {value!r}')
    return value


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mdblint", description="Find Django multi-database misuse, statically.",
                epilog="`mdblint rule CODE` prints a rule's documentation. Every flag overrides the "
                       "[tool.mdblint] key of the same name in pyproject.toml.")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: .); - reads stdin")
    p.add_argument("--format", "--output-format", choices=FORMAT_NAMES, default="text",
                   help="output format (default: text)")
    p.add_argument("--output-file", "-o", type=_path, metavar="FILE",
                   help="write the report to FILE (its folder is created)")
    p.add_argument("--stdin-filename", type=_text, metavar="PATH",
                   help="with -: the path of the file on stdin (its project, per-file-ignores, the findings' path)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (errors still exit 2)")
    p.add_argument("--exit-non-zero-on-fix", action="store_true",
                   help="with --fix: exit 1 when a file was changed, even if no finding remains")
    p.add_argument("--show-files", action="store_true", help="print the files that would be linted and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="the findings only: no summary line, no notes")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="also print the configuration, the projects found and timings (on stderr)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text output (default: auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress on stderr (default: on a terminal outside CI, once a run lasts a second)")
    p.add_argument("--statistics", action="store_true", help="count the findings per code (after the report)")
    p.add_argument("--aliases", action="store_true",
                   help="list every alias-taking site with the aliases resolved there, or why they are unknown")
    p.add_argument("--show-settings", action="store_true", help="print the resolved configuration and exit")
    p.add_argument("--fix", action="store_true",
                   help="add the missing select_related()/prefetch_related() where that is safe, then report the rest")
    p.add_argument("--diff", action="store_true", help="print the changes --fix would make, and change nothing")
    g = p.add_argument_group("rules")
    g.add_argument("--select", type=_codes, action="extend", help="codes or prefixes to report (default: all)")
    g.add_argument("--ignore", type=_codes, action="extend", help="codes or prefixes not to report")
    g.add_argument("--extend-select", type=_codes, action="extend", metavar="CODES", help="added to select")
    g.add_argument("--extend-ignore", type=_codes, action="extend", metavar="CODES", help="added to ignore")
    g.add_argument("--per-file-ignores", type=_per_file, action="append", metavar="GLOB:CODES",
                   help="codes not to report in files matching GLOB (replaces the configured table)")
    g.add_argument("--extend-per-file-ignores", type=_per_file, action="append", metavar="GLOB:CODES",
                   help="added to the configured table")
    g = p.add_argument_group("project")
    g.add_argument("--settings", type=_text, help="Django settings module (default: from manage.py)")
    g.add_argument("--root", type=_text, help="the project's import root")
    g.add_argument("--databases", type=_codes, metavar="ALIASES", help="the aliases DATABASES defines (replaces)")
    g.add_argument("--extend-databases", type=_codes, action="extend", metavar="ALIASES", help="added to them")
    g.add_argument("--relation-groups", type=_groups, metavar="A+B,C", help="aliases that share data")
    g.add_argument("--read-only", type=_codes, metavar="ALIASES", help="aliases that are never written")
    g.add_argument("--django-version", type=_version, metavar="X.Y",
                   help="default: from [project].dependencies")
    g.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                   help="exit 2 when a project cannot be read whole (no project, settings module not found, "
                        "DATABASES, INSTALLED_APPS or routers unknown) instead of warning")
    g = p.add_argument_group("files")
    g.add_argument("--exclude", type=_codes, action="extend", metavar="GLOBS", help="replaces the default excludes")
    g.add_argument("--extend-exclude", type=_codes, action="extend", metavar="GLOBS", help="added to them")
    g.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                   help="skip what .gitignore files ignore (default: on)")
    g.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                   help="exclude even files named on the command line")
    g = p.add_argument_group("suppressions")
    g.add_argument("--warn-unused-noqa", action="store_true",
                   help="warn of `# noqa: MDB...` codes that suppress nothing, and count them as findings")
    g.add_argument("--baseline", type=_path, metavar="FILE", help="report only findings not in FILE")
    g.add_argument("--write-baseline", action="store_true", help="write today's findings to the --baseline FILE")
    g = p.add_argument_group("configuration")
    g.add_argument("--config", type=_path, metavar="FILE",
                   help="read the options from FILE only (a pyproject.toml, or a TOML file of [tool.mdblint] keys)")
    g.add_argument("--isolated", action="store_true", help="read no configuration file (defaults and flags only)")
    g = p.add_argument_group("run")
    g.add_argument("--cache", action=argparse.BooleanOptionalAction, default=None,
                   help="read and write .mdblint_cache (default: on)")
    g.add_argument("--cache-dir", type=_path, metavar="DIR", default=os.environ.get("MDBLINT_CACHE_DIR") or None,
                   help="the cache's folder (default: <project>/.mdblint_cache; env MDBLINT_CACHE_DIR)")
    g.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    p.add_argument("--version", action="version", version=f"mdblint {mdblint.__version__}")
    return p


def _override(loaded, args: argparse.Namespace) -> None:
    """Apply the flags given to the configuration read from pyproject.toml."""
    from mdblint.config import set_option

    options, cwd = loaded.options, Path.cwd()
    replace = {"select": args.select, "ignore": args.ignore, "settings": args.settings, "root": args.root,
               "databases": args.databases, "relation-groups": args.relation_groups,
               "read-only": args.read_only, "django-version": args.django_version, "exclude": args.exclude,
               "respect-gitignore": args.respect_gitignore, "force-exclude": args.force_exclude,
               "cache": args.cache, "jobs": args.jobs, "strict": args.strict}
    if args.cache_dir is not None:
        options.cache_dir = Path(os.path.abspath(args.cache_dir))
        loaded.origins["cache-dir"] = "command line"
    if args.per_file_ignores is not None:
        replace["per-file-ignores"] = {k: v for table in args.per_file_ignores for k, v in table.items()}
    extend = {"extend-select": args.extend_select, "extend-ignore": args.extend_ignore,
              "extend-databases": args.extend_databases, "extend-exclude": args.extend_exclude}
    for table in args.extend_per_file_ignores or ():
        extend.setdefault("per-file-ignores", {})
        for glob, codes in table.items():
            extend["per-file-ignores"].setdefault(glob, []).extend(codes)
    for key, value in replace.items():
        if value is not None:
            set_option(options, key, value, cwd, f"--{key}")
            loaded.origins[key] = "command line"
    for key, value in extend.items():
        if value:
            old = getattr(options, key.replace("-", "_"))
            merged = {g: old.get(g, []) + value.get(g, []) for g in {**old, **value}} if isinstance(value, dict) else old + value
            set_option(options, key, merged, cwd, f"--{key}")
            origin = loaded.origins.get(key, "command line")
            loaded.origins[key] = origin if origin.endswith("command line") else f"{origin} + command line"
    if args.warn_unused_noqa:
        options.warn_unused_noqa = True


def _rule(argv: Sequence[str]) -> int:
    from mdblint.checks import RULES
    from mdblint.docs import rule_doc

    p = _Parser(prog="mdblint rule", description="Print a rule's documentation, or the list of rules.")
    p.add_argument("code", nargs="?")
    p.add_argument("--list", action="store_true", help="every rule, as the README's table")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    if args.code is None and not args.list:
        p.error("expected a rule CODE (or --list for every rule)")
    if args.list:
        from mdblint.docs import rules_table
        sys.stdout.write(rules_table("url"))   # an installed copy has no rules/ folder to link to
        return 0
    code = args.code.upper()
    if code not in RULES:
        p.error(f"unknown rule {args.code!r} (known: {', '.join(sorted(RULES))})")
    doc = rule_doc(code) or ""
    r = RULES[code]
    if args.format == "json":
        json.dump({"code": code, "name": r.name, "summary": r.summary, "explanation": doc}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        from mdblint.docs import doc_url
        sys.stdout.write(doc or f"# {code} {r.name}\n\n{r.summary}\n\nDocumentation: {doc_url(code)}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from mdblint.report import streams

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["rule"]:
        return streams.run(lambda: _rule(argv[1:]))
    if argv[:1] == ["clean"]:
        return streams.run(lambda: _clean(argv[1:]))
    args = _check_parser().parse_args(argv)
    return streams.run(lambda: _check(args))


def _load(args: argparse.Namespace, paths: list[Path]):
    from mdblint import config
    from mdblint.model import UsageError

    if args.isolated and args.config:
        raise UsageError("--config and --isolated exclude each other")
    loaded = config.isolated() if args.isolated else config.read_file(args.config) if args.config else config.read(paths)
    _override(loaded, args)
    return loaded


def _check(args: argparse.Namespace) -> int:
    from mdblint import baseline, config, stdin
    from mdblint.engine import lint_paths
    from mdblint.model import UsageError, set_progress_hook
    from mdblint.report import progress, streams

    started = time.monotonic()
    # As ruff: `--stdin-filename` without paths reads stdin too.
    paths = args.paths or [Path("-" if args.stdin_filename else ".")]
    on_stdin = Path("-") in paths
    if on_stdin and len(paths) > 1:
        raise UsageError("- (stdin) cannot be combined with other paths")
    if args.stdin_filename and not on_stdin:
        raise UsageError("--stdin-filename needs - as the path (the text on stdin), or no path")
    if args.write_baseline and args.baseline is None:
        raise UsageError("--write-baseline needs --baseline FILE")
    if args.exit_non_zero_on_fix and not args.fix:
        raise UsageError("--exit-non-zero-on-fix needs --fix")
    loaded = _load(args, [stdin.path_of(args.stdin_filename)] if on_stdin else paths)
    options = loaded.options
    say = _Say(args.quiet, args.verbose)
    say.verbose(f"mdblint {mdblint.__version__}: configuration from {loaded.pyproject or 'defaults'}")
    if args.show_settings:
        from mdblint.engine import load_projects
        from mdblint.report.projects import write_projects

        sys.stdout.write(config.show(loaded))
        _refs, _owners, projects, problems = load_projects(paths, options)
        write_projects(projects, problems, sys.stdout)
        return 0
    if args.show_files:
        return _show_files(paths, options, args.stdin_filename if on_stdin else None)
    if args.aliases:
        if on_stdin:
            raise UsageError("--aliases reads files, not stdin")
        return _aliases(paths, options, args.format, args.output_file)
    data = sys.stdin.buffer.read() if on_stdin else b""
    if args.diff:
        code = _diff(paths, options, (data, args.stdin_filename) if on_stdin else None)
        return 0 if args.exit_zero else code
    show_progress = not args.quiet and progress.wanted(
        None if args.progress is None else "always" if args.progress else "never")
    meter = progress.Progress() if show_progress else None
    set_progress_hook(meter)
    unused: list[tuple[str, int, list[str]]] = []
    fixed = 0
    try:
        if args.fix and on_stdin:
            data, fixed = stdin.fix(data, args.stdin_filename, options)
        elif args.fix:
            from mdblint.engine import fix_paths

            changes = fix_paths(paths, options)
            fixed = sum(c.fixed for c in changes)
            say.note(f"mdblint: fixed {fixed} finding{'' if fixed == 1 else 's'} in {len(changes)} "
                     f"file{'' if len(changes) == 1 else 's'}")
        known = baseline.read(args.baseline) if args.baseline and not args.write_baseline else None
        result = stdin.lint(data, args.stdin_filename, options, unused) if on_stdin else \
            lint_paths(paths, options, unused)
    finally:
        set_progress_hook(None)
        if meter is not None:
            meter.clear()
    _problems(result, options.strict)
    if args.write_baseline:
        baseline.write(args.baseline, result.findings)
        say.note(f"mdblint: wrote {len(result.findings)} findings to {args.baseline}")
        return 0
    if known is not None:
        findings, hidden = baseline.new_findings(result.findings, known)
        result = dataclasses.replace(result, findings=findings)
        say.note(f"mdblint: the baseline hid {hidden} finding{'' if hidden == 1 else 's'}")
    for path, line, codes in sorted(unused):
        sys.stderr.write(f"{path}:{line}: unused noqa: {', '.join(codes)}\n")
    say.verbose_projects(result, time.monotonic() - started)
    failed = bool(result.findings or unused)
    streams.found_findings(failed and not args.exit_zero)   # the exit code if the reader goes away
    if args.fix and on_stdin:
        # As ruff: the fixed text is the output; what remains is reported on stderr.
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        _report(result, sys.stderr, args, options, on_stdin and data, len(unused))
    else:
        with streams.output(args.output_file) as out:
            _report(result, out, args, options, on_stdin and data, len(unused))
    if options.strict and result.problems:
        return 2          # an error, not findings: --exit-zero does not hide it
    code = 1 if failed or (args.exit_non_zero_on_fix and fixed) else 0
    return 0 if args.exit_zero else code


def _problems(result, strict: bool) -> None:
    """One line on stderr per cause that kept a project from being read whole."""
    for problem in result.problems:
        sys.stderr.write(f"mdblint: {'error' if strict else 'warning'}: {problem}\n")


def _report(result, out, args: argparse.Namespace, options, stdin_data, unused_noqa: int = 0) -> None:
    from mdblint.report import report

    report(result, out, args.format, options, color=args.color, statistics=args.statistics,
           summary=not args.quiet, unused_noqa=unused_noqa, stdin_data=stdin_data or None, stats_out=sys.stderr)


class _Say:
    """Notes on stderr: hidden by --quiet; verbose ones shown by --verbose only."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet, self.is_verbose = quiet, verbose and not quiet

    def note(self, line: str) -> None:
        if not self.quiet:
            sys.stderr.write(line + "\n")

    def verbose(self, line: str) -> None:
        if self.is_verbose:
            sys.stderr.write(line + "\n")

    def verbose_projects(self, result, seconds: float) -> None:
        if not self.is_verbose:
            return
        from mdblint.model import display_path

        for p in result.projects:
            if p.ref is None:
                continue
            aliases = ", ".join(sorted(p.settings.databases)) if p.settings.databases is not None else "unknown"
            models = sum(1 for m in p.graph.models.values() if not m.abstract)
            self.verbose(f"mdblint: project {display_path(p.ref.root)}: settings {p.ref.settings_module}, "
                         f"aliases {aliases}, {models} models")
        self.verbose(f"mdblint: {result.files} files, {result.parsed} parsed, {len(result.findings)} findings "
                     f"in {seconds:.2f} s")


def _show_files(paths: list[Path], options, stdin_filename: str | None) -> int:
    from mdblint.engine import collect_files
    from mdblint.model import display_path

    if stdin_filename is not None or paths == [Path("-")]:
        sys.stdout.write(f"{display_path(Path(os.path.abspath(stdin_filename or 'stdin.py')))}\n")
        return 0
    for file in sorted(collect_files(paths, options), key=display_path):
        sys.stdout.write(display_path(file) + "\n")
    return 0


def _clean(argv: Sequence[str]) -> int:
    """`mdblint clean`: remove the caches under the current folder (and the configured one)."""
    from mdblint import cache

    p = _Parser(prog="mdblint clean", description="Remove .mdblint_cache folders under the current "
                "directory, and the cache folder that --cache-dir, MDBLINT_CACHE_DIR or [tool.mdblint] cache-dir names.")
    p.add_argument("--cache-dir", type=Path, metavar="DIR", default=os.environ.get("MDBLINT_CACHE_DIR") or None)
    p.add_argument("-q", "--quiet", action="store_true")
    args = p.parse_args(argv)
    extra = [args.cache_dir] if args.cache_dir else []
    if not extra:
        from mdblint import config
        extra = [d for d in [config.read([Path.cwd()]).options.cache_dir] if d is not None]
    for removed in cache.clean(Path.cwd(), extra):
        if not args.quiet:
            sys.stderr.write(f"mdblint: removed {removed}\n")
    return 0


def _diff(paths: list[Path], options, on_stdin: tuple[bytes, str | None] | None = None) -> int:
    """`--diff`: the unified diff of every fix; exit 1 if there is one."""
    import difflib

    from mdblint.engine import Change, fix_paths
    from mdblint.report import streams
    from mdblint.source import decode

    if on_stdin is not None:
        from mdblint import stdin
        from mdblint.model import display_path

        data, name = on_stdin
        new, fixed = stdin.fix(data, name, options)
        changes = [Change(display_path(stdin.path_of(name)), data, new, fixed)] if new != data else []
    else:
        changes = fix_paths(paths, options, write=False)
    streams.found_findings(bool(changes))
    for change in changes:
        old, new = decode(change.old).text, decode(change.new).text
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                   f"a/{change.path}", f"b/{change.path}"))
    fixed = sum(c.fixed for c in changes)
    sys.stderr.write(f"mdblint: {fixed} finding{'' if fixed == 1 else 's'} fixable in {len(changes)} "
                     f"file{'' if len(changes) == 1 else 's'}\n")
    return 1 if changes else 0


def _aliases(paths: list[Path], options, fmt: str, output: Path | None) -> int:
    from mdblint import sites

    from mdblint.report import streams

    with streams.output(output) as out:
        sites.write(sites.collect(paths, options), out, "json" if fmt == "json" else "text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
