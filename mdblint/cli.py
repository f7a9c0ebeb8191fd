"""`mdblint [PATH ...]` and `mdblint rule CODE`. Exit codes: 0 clean, 1 findings, 2 usage error."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import NoReturn, Sequence

import mdblint


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line on stderr, exit 2 (argparse would print the whole usage first).
        self.exit(2, f"mdblint: error: {message}\n")


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _groups(value: str) -> list[list[str]]:
    """`default+replica,other` -> [["default", "replica"], ["other"]]."""
    return [[a.strip() for a in group.split("+") if a.strip()] for group in value.split(",") if group.strip()]


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
        table[glob] += _codes(codes)
    return table


def _version(value: str) -> str:
    if not re.fullmatch(r"\d+\.\d+", value):
        raise argparse.ArgumentTypeError(f'expected a version like "5.2", got {value!r}')
    return value


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mdblint", description="Find Django multi-database misuse, statically.",
                epilog="`mdblint rule CODE` prints a rule's documentation. Every flag overrides the "
                       "[tool.mdblint] key of the same name in pyproject.toml.")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: .)")
    p.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text", help="output format (default: text)")
    p.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the report to FILE")
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
    g.add_argument("--settings", help="Django settings module (default: from manage.py)")
    g.add_argument("--root", help="the project's import root")
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
    g.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in FILE")
    g.add_argument("--write-baseline", action="store_true", help="write today's findings to the --baseline FILE")
    g = p.add_argument_group("run")
    g.add_argument("--cache", action=argparse.BooleanOptionalAction, default=None,
                   help="read and write .mdblint_cache (default: on)")
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
    if args.list or args.code is None:
        from mdblint.docs import rules_table
        sys.stdout.write(rules_table())
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
        sys.stdout.write(doc or f"# {code} {r.name}\n\n{r.summary}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["rule"]:
        return _rule(argv[1:])
    args = _check_parser().parse_args(argv)

    from mdblint import baseline, config
    from mdblint.engine import UsageError, lint_paths
    from mdblint.report import ReportOptions, color_wanted, write, write_statistics

    paths = args.paths or [Path(".")]
    unused: list[tuple[str, int, list[str]]] = []
    try:
        if args.write_baseline and args.baseline is None:
            raise UsageError("--write-baseline needs --baseline FILE")
        loaded = config.read(paths)
        _override(loaded, args)
        if args.show_settings:
            from mdblint.engine import load_projects
            from mdblint.report.projects import write_projects

            sys.stdout.write(config.show(loaded))
            _refs, _owners, projects, problems = load_projects(paths, loaded.options)
            write_projects(projects, problems, sys.stdout)
            return 0
        if args.aliases:
            return _aliases(paths, loaded.options, args.format, args.output_file)
        if args.diff:
            return _diff(paths, loaded.options)
        if args.fix:
            from mdblint.engine import fix_paths

            changes = fix_paths(paths, loaded.options)
            fixed = sum(c.fixed for c in changes)
            sys.stderr.write(f"mdblint: fixed {fixed} finding{'' if fixed == 1 else 's'} in {len(changes)} "
                             f"file{'' if len(changes) == 1 else 's'}\n")
        known = baseline.read(args.baseline) if args.baseline and not args.write_baseline else None
        result = lint_paths(paths, loaded.options, unused)
        _problems(result, loaded.options.strict)
        if args.write_baseline:
            baseline.write(args.baseline, result.findings)
            sys.stderr.write(f"mdblint: wrote {len(result.findings)} findings to {args.baseline}\n")
            return 0
    except UsageError as e:
        sys.stderr.write(f"mdblint: error: {e}\n")
        return 2
    if known is not None:
        findings, hidden = baseline.new_findings(result.findings, known)
        result = dataclasses.replace(result, findings=findings)
        sys.stderr.write(f"mdblint: the baseline hid {hidden} finding{'' if hidden == 1 else 's'}\n")
    for path, line, codes in sorted(unused):
        sys.stderr.write(f"{path}:{line}: unused noqa: {', '.join(codes)}\n")
    with _output(args.output_file) as out:
        write(result, out, args.format, ReportOptions(color=color_wanted(out), statistics=args.statistics))
        if args.statistics and args.format != "text":
            write_statistics(result, sys.stderr)
    if loaded.options.strict and result.problems:
        return 2
    return 1 if result.findings or unused else 0


def _problems(result, strict: bool) -> None:
    """One line on stderr per cause that kept a project from being read whole."""
    for problem in result.problems:
        sys.stderr.write(f"mdblint: {'error' if strict else 'warning'}: {problem}\n")


@contextlib.contextmanager
def _output(path: Path | None):
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as out:
        yield out


def _diff(paths: list[Path], options) -> int:
    """`--diff`: the unified diff of every fix; exit 1 if there is one."""
    import difflib

    from mdblint.engine import fix_paths
    from mdblint.source import decode

    changes = fix_paths(paths, options, write=False)
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

    with _output(output) as out:
        sites.write(sites.collect(paths, options), out, "json" if fmt == "json" else "text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
