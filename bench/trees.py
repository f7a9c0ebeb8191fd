"""Lint real trees file by file, timed: no traceback, no internal error, no slow file.

    python bench/trees.py TREE [TREE ...] [--limit 60] [--json OUT]

For each tree, as `mdblint TREE` would (the same discovery, projects, gate and rules), every
linted file is linted alone in this process with MDBLINT_DEBUG set, so that a bug of mdblint's
raises instead of becoming an MDB004 finding, and timed. Then the command line runs once on
the whole tree (`--no-cache --jobs 2 --format json`), timed, to see the front end too. A
traceback, an internal error, an MDB004 finding, a file over `--limit` seconds or a whole run
over `--run-limit` is a failure. Prints one line per tree and the totals; exit 1 on a failure.
Used for the reliability issue's `Lib/` trees and real code bases (figures in the notes).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path


def lint_tree(tree: Path, limit: float) -> dict:
    os.environ["MDBLINT_DEBUG"] = "1"
    from mdblint import engine
    from mdblint.model import Options
    from mdblint.project import load_project

    options = Options(cache=False, jobs=1)
    rules = engine.selected_rules(options)
    err = io.StringIO()
    failures: list[tuple[str, str]] = []
    times: list[tuple[float, str]] = []
    codes: Counter[str] = Counter()
    findings: list[tuple[str, int, str, str]] = []
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(err):
        files = engine.collect_files([tree], options)
        refs, owners, projects, problems = engine.load_projects([tree], options, files)
    index_seconds = time.perf_counter() - t0
    linters: dict[int, engine.Linter] = {}
    for path, ref in zip(files, owners):
        key = refs.index(ref) if ref else -1
        if key not in linters:
            project = projects[key] if ref else load_project(None)
            linters[key] = engine.Linter(project, rules, options.read_only, options.relation_groups,
                                         options.django_version)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        start = time.perf_counter()
        try:
            with contextlib.redirect_stderr(err):
                found, _ = linters[key].lint_bytes(path, data)
            codes.update(f.code for f in found)
            findings += [(f.path, f.line, f.code, f.message) for f in found]
            if any(f.code == "MDB004" for f in found):
                failures.append((str(path), "MDB004"))
        except BaseException as e:  # noqa: BLE001 - what this looks for
            if isinstance(e, KeyboardInterrupt):
                raise
            failures.append((str(path), "".join(traceback.format_exception(e))[-3000:]))
        took = time.perf_counter() - start
        times.append((took, str(path)))
        if took > limit:
            failures.append((str(path), f"took {took:.1f} s"))
    text = err.getvalue()
    if "Traceback" in text or "internal error" in text:
        failures.append(("<stderr>", text[-3000:]))
    times.sort(reverse=True)
    return {"tree": str(tree), "files": len(files), "index_seconds": round(index_seconds, 2),
            "file_seconds": round(sum(t for t, _ in times), 2),
            "slowest": [(round(t, 2), p) for t, p in times[:5]],
            "codes": dict(sorted(codes.items())), "failures": failures, "findings": sorted(findings)}


def run_cli(tree: Path, run_limit: float) -> dict:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "mdblint", "--no-cache", "--jobs", "2", "--format", "json", "--exit-zero", str(tree)]
    env = {k: v for k, v in os.environ.items() if k != "MDBLINT_DEBUG"}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=run_limit * 3, env=env)
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - start, "failure": f"over {run_limit * 3:.0f} s"}
    seconds = time.perf_counter() - start
    failure = None
    if proc.returncode not in (0, 1):
        failure = f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    elif "Traceback" in proc.stderr or "internal error" in proc.stderr:
        failure = proc.stderr[-2000:]
    elif seconds > run_limit:
        failure = f"took {seconds:.1f} s"
    findings = len(json.loads(proc.stdout)["findings"]) if proc.returncode in (0, 1) else None
    return {"seconds": round(seconds, 2), "findings": findings, "failure": failure}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds one file may take (default 60)")
    parser.add_argument("--run-limit", type=float, default=600.0, help="seconds a whole CLI run may take (default 600)")
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-tree command-line run")
    parser.add_argument("--json", type=Path, help="write the per-tree reports here")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(sys.getrecursionlimit())   # as the CLI runs
    reports = []
    failed = 0
    for tree in args.trees:
        report = lint_tree(tree.resolve(), args.limit)
        if not args.no_cli:
            report["cli"] = run_cli(tree.resolve(), args.run_limit)
            if report["cli"]["failure"]:
                report["failures"].append(("<cli>", report["cli"]["failure"]))
        reports.append(report)
        failed += len(report["failures"])
        slowest = report["slowest"][0] if report["slowest"] else (0.0, "-")
        cli = f", CLI {report['cli']['seconds']:.1f} s wall" if "cli" in report else ""
        unreadable = {c: n for c, n in report["codes"].items() if c.startswith("MDB0")}
        print(f"{tree}: {report['files']} files, {len(report['failures'])} failures, index {report['index_seconds']:.1f} s, "
              f"files {report['file_seconds']:.1f} s, slowest {slowest[0]:.2f} s ({slowest[1]}){cli}, "
              f"unreadable {unreadable or 0}, findings {sum(report['codes'].values())}", flush=True)
        for where, what in report["failures"][:5]:
            print(f"  FAIL {where}: {what[-1500:]}")
    print(f"python {sys.version.split()[0]}: {len(reports)} trees, {sum(r['files'] for r in reports)} files, "
          f"{failed} failures, slowest file {max((r['slowest'][0][0] for r in reports if r['slowest']), default=0):.2f} s")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
