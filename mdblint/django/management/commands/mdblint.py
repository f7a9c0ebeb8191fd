"""`python manage.py mdblint [PATH ...]`: mdblint with the project's live settings and app registry.

Exit codes as the CLI's: 0 no findings (or, with --compare-static, no difference), 1 findings
(differences), 2 a usage or configuration error.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mdblint import config
from mdblint.discovery import ProjectRef
from mdblint.model import UsageError


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


class Command(BaseCommand):
    help = ("Lint the project with mdblint, reading DATABASES, DATABASE_ROUTERS, the other settings and "
            "the models from this running Django instead of statically (the code itself is still only read).")
    requires_system_checks: list[str] = []     # a project that fails its checks can still be linted
    requires_migrations_checks = False

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to lint (default: the project)")
        parser.add_argument("--compare-static", action="store_true",
                            help="print where the static reading of settings, routers and models differs "
                                 "from the live one, and lint nothing")
        parser.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
        parser.add_argument("--output-file", "-o", type=Path, metavar="FILE")
        parser.add_argument("--statistics", action="store_true")
        parser.add_argument("--select", type=_codes, action="extend")
        parser.add_argument("--ignore", type=_codes, action="extend")
        parser.add_argument("--extend-select", type=_codes, action="extend", metavar="CODES")
        parser.add_argument("--extend-ignore", type=_codes, action="extend", metavar="CODES")
        parser.add_argument("--cache", action=argparse.BooleanOptionalAction, default=None,
                            help="read and write .mdblint_cache (default: on)")
        parser.add_argument("--jobs", type=int)

    def handle(self, *args, **opts) -> None:
        try:
            code = self._run(opts)
        except UsageError as e:
            self.stderr.write(f"mdblint: error: {e}")
            code = 2
        if code:
            raise SystemExit(code)

    def _run(self, opts: dict) -> int:
        from mdblint.django.facts import live_project, project_root
        from mdblint.engine import _cache_dir

        module = settings.SETTINGS_MODULE
        if not module:
            raise UsageError("settings are configured without a settings module: nothing to compare or lint by")
        root = project_root(module)
        ref = ProjectRef(root, module, "live settings")
        paths = opts["paths"] or [root]
        loaded = config.read(paths)
        options = loaded.options
        cwd = Path.cwd()
        for key in ("select", "ignore", "cache", "jobs"):
            if opts[key] is not None:
                config.set_option(options, key, opts[key], cwd, f"--{key}")
        for key in ("extend-select", "extend-ignore"):
            if opts[key.replace("-", "_")]:
                attr = key.replace("-", "_")
                config.set_option(options, key, getattr(options, attr) + opts[attr], cwd, f"--{key}")
        facts = live_project(ref, _cache_dir(root, options))
        if opts["compare_static"]:
            return self._compare(facts)
        return self._lint(facts.live, paths, options, opts)

    def _compare(self, facts) -> int:
        from mdblint.django.compare import compare

        differences, summary = compare(facts)
        for line in differences:
            self.stdout.write(line)
        verdict = (f"{len(differences)} difference{'' if len(differences) == 1 else 's'}" if differences
                   else "no difference")
        self.stdout.write(f"mdblint: static reading vs live project: {verdict} ({summary})")
        return 1 if differences else 0

    def _lint(self, project, paths: list[Path], options, opts: dict) -> int:
        from mdblint.django.lint import lint_with
        from mdblint.report import color_wanted, report

        unused: list[tuple[str, int, list[str]]] = []
        result = lint_with(project, paths, options, unused)
        for path, line, codes in sorted(unused):
            self.stderr.write(f"{path}:{line}: unused noqa: {', '.join(codes)}")
        stats = io.StringIO()
        kwargs = {"statistics": opts["statistics"], "unused_noqa": len(unused), "stats_out": stats}
        if opts["output_file"] is not None:
            with open(opts["output_file"], "w", encoding="utf-8") as out:
                report(result, out, opts["format"], options, color="never", **kwargs)
        else:
            buffer = io.StringIO()
            color = "never" if opts.get("no_color") else "always" if color_wanted(self.stdout) else "never"
            report(result, buffer, opts["format"], options, color=color, **kwargs)
            self.stdout.write(buffer.getvalue(), ending="")
        if stats.getvalue():
            self.stderr.write(stats.getvalue(), ending="")
        return 1 if result.findings or unused else 0
