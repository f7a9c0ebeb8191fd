"""Alias provenance coverage on real code bases: runs `mdblint --aliases --format json --no-cache`
on each tree (with the mdblint of the given interpreter) and prints, per project and per form,
the alias-taking sites, how many resolve to a concrete alias set, the share, and the unknown
sites by reason category.

    .venv/bin/python bench/aliases_coverage.py [--python .venv312/bin/python] [--save OUT.json]
        [--load OUT.json] [--sites] [tree ...]

Without trees it measures the 11 code bases of issue 10 under /work/corpora. `--save` keeps every
site (path, line, form, aliases, reason) so a later run can be compared; `--load` prints the table
of a saved run without linting again.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from mdblint.sites import category

CORPORA = Path("/work/corpora")
TREES = ["saleor", "netbox", "nautobot", "kpi", "kolibri", "rapidpro", "treeherder", "plane", "wagtail",
         "edx-analytics-data-api", "django-5.2.19/tests"]
# Trees whose settings module no file names the usual way (nautobot's is named only inside its
# `nautobot-server` entry point), so the run would find no project.
EXTRA_ARGS = {"nautobot": ["--settings", "nautobot.core.settings"]}

# The forms (the --aliases `form` of a site, grouped as the table writes them).
FORM_LABELS = {"literal": "literal", "settings": "settings.X", "constant": "constant", "call": "call",
               "name": "parameter/local", "attribute": "attribute", "carrier": "qs.db/_state.db/_db",
               "router": "router call", "subscript": "subscript", "other": "other", "none": "none"}


def measure(python: str, tree: Path) -> tuple[list[dict], float]:
    exe = str(Path(python).parent / "mdblint")
    start = time.perf_counter()
    run = subprocess.run([exe, "--aliases", "--format", "json", "--no-cache", *EXTRA_ARGS.get(tree.name, []),
                          str(tree)],
                         capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if run.returncode != 0 or not run.stdout.strip():
        sys.stderr.write(f"{tree}: exit {run.returncode}\n{run.stderr[-2000:]}\n")
        return [], elapsed
    return json.loads(run.stdout)["sites"], elapsed


def table(results: dict[str, dict], show_reasons: int = 12) -> str:
    lines = []
    total_forms: dict[str, Counter] = {}
    all_reasons: Counter = Counter()
    lines.append(f"{'project':28} {'sites':>6} {'resolved':>8} {'share':>6} {'secs':>6}")
    for name, entry in results.items():
        sites = entry["sites"]
        resolved = sum(1 for s in sites if not s["unknown"])
        share = 100 * resolved / len(sites) if sites else 0.0
        lines.append(f"{name:28} {len(sites):6} {resolved:8} {share:5.1f}% {entry['seconds']:6.1f}")
        for s in sites:
            c = total_forms.setdefault(s.get("form", "other"), Counter())
            c["sites"] += 1
            c["resolved"] += not s["unknown"]
            if s["unknown"]:
                all_reasons[category(s["unknown"])] += 1
    sites = [s for e in results.values() for s in e["sites"]]
    resolved = sum(1 for s in sites if not s["unknown"])
    lines.append(f"{'ALL':28} {len(sites):6} {resolved:8} {100 * resolved / max(len(sites), 1):5.1f}%")
    lines.append("")
    lines.append(f"{'form':22} {'sites':>6} {'resolved':>8} {'share':>6}")
    for form, label in FORM_LABELS.items():
        c = total_forms.get(form)
        if c:
            lines.append(f"{label:22} {c['sites']:6} {c['resolved']:8} {100 * c['resolved'] / c['sites']:5.1f}%")
    lines.append("")
    lines.append("per project and form (resolved/sites):")
    for name, entry in results.items():
        per: dict[str, Counter] = {}
        for s in entry["sites"]:
            c = per.setdefault(s.get("form", "other"), Counter())
            c["sites"] += 1
            c["resolved"] += not s["unknown"]
        cells = ", ".join(f"{FORM_LABELS.get(f, f)} {per[f]['resolved']}/{per[f]['sites']}"
                          for f in FORM_LABELS if f in per)
        lines.append(f"  {name}: {cells}")
    lines.append("")
    lines.append("unknown by reason category:")
    for reason, n in all_reasons.most_common(show_reasons):
        lines.append(f"  {n:5}  {reason}")
    rest = sum(n for _, n in all_reasons.most_common()[show_reasons:])
    if rest:
        lines.append(f"  {rest:5}  ({len(all_reasons) - show_reasons} other categories)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose mdblint runs")
    parser.add_argument("--save", type=Path, help="write every site, per project, to this JSON file")
    parser.add_argument("--load", type=Path, help="print the table of a saved run")
    parser.add_argument("--reasons", type=int, default=25, help="reason categories shown")
    args = parser.parse_args(argv)
    if args.load:
        results = json.loads(args.load.read_text())
    else:
        trees = args.trees or [CORPORA / t for t in TREES]
        results = {}
        for tree in trees:
            name = tree.name if tree.name != "tests" else f"{tree.parent.name}/tests"
            sites, secs = measure(args.python, tree)
            results[name] = {"sites": sites, "seconds": secs}
            sys.stderr.write(f"{name}: {len(sites)} sites, {secs:.1f}s\n")
        if args.save:
            args.save.write_text(json.dumps(results))
    print(table(results, args.reasons))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
