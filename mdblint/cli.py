"""`mdblint [PATH ...]` and `mdblint rule CODE`. Exit codes: 0 clean, 1 findings, 2 usage error."""

from __future__ import annotations

import argparse
import json
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


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mdblint", description="Find Django multi-database misuse, statically.",
                epilog="`mdblint rule CODE` prints a rule's documentation.")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: .)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--select", type=_codes, action="extend", help="codes or prefixes to report (default: all)")
    p.add_argument("--ignore", type=_codes, action="extend", help="codes or prefixes not to report")
    p.add_argument("--settings", help="Django settings module (default: from manage.py or [tool.mdblint])")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write .mdblint_cache")
    p.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    p.add_argument("--version", action="version", version=f"mdblint {mdblint.__version__}")
    return p


def _rule(argv: Sequence[str]) -> int:
    from mdblint.checks import RULES
    from mdblint.docs import rule_doc

    p = _Parser(prog="mdblint rule", description="Print a rule's documentation.")
    p.add_argument("code")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
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

    from mdblint import config
    from mdblint.engine import UsageError, lint_paths
    from mdblint.report import json as json_report, text as text_report

    paths = args.paths or [Path(".")]
    try:
        options, _ = config.load(paths)
        if args.select:
            options.select = args.select
        if args.ignore:
            options.ignore = args.ignore
        if args.settings:
            options.settings = args.settings
        if args.no_cache:
            options.cache = False
        if args.jobs is not None:
            if args.jobs < 1:
                raise UsageError("--jobs must be at least 1")
            options.jobs = args.jobs
        result = lint_paths(paths, options)
    except UsageError as e:
        sys.stderr.write(f"mdblint: error: {e}\n")
        return 2
    (json_report if args.format == "json" else text_report).write(result, sys.stdout)
    return 1 if result.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
