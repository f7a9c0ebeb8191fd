"""`mdblint --aliases`: every alias-taking site (`using()`, `db_manager()`, `using=`,
`atomic(using=)`, `connections[...]`) with the aliases the analysis resolved there, or `unknown`
and why. It shows why a finding is or is not reported, and measures the analysis."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from mdblint import discovery
from mdblint.analysis.provenance import FORMS
from mdblint.checks import select_rules
from mdblint.engine import Linter, Options, _cache_dir, collect_files
from mdblint.project import load_project


def collect(paths: list[Path], options: Options) -> list[dict[str, Any]]:
    files = collect_files(paths)
    refs = discovery.find_projects(paths, options.settings, options.root)
    linters: dict[Any, Linter] = {}
    sites = []
    for file in files:
        ref = discovery.owner(file, refs)
        if ref not in linters:
            project = load_project(ref, cache_dir=_cache_dir(ref.root, options) if ref else None)
            linters[ref] = Linter(project, select_rules(["MDB1", "MDB2", "MDB4"]))
        sites += linters[ref].alias_sites(file)
    return sites


def summary(sites: list[dict[str, Any]]) -> dict[str, Any]:
    reasons = Counter(s["unknown"].split(" ")[0] for s in sites if s["unknown"])
    forms: dict[str, dict[str, int]] = {}
    for s in sites:
        entry = forms.setdefault(s.get("form", "other"), {"sites": 0, "resolved": 0})
        entry["sites"] += 1
        entry["resolved"] += not s["unknown"]
    order = {form: i for i, form in enumerate(FORMS)}
    return {"sites": len(sites), "resolved": sum(1 for s in sites if not s["unknown"]),
            "unknown": sum(1 for s in sites if s["unknown"]), "unknown_by_reason": dict(reasons.most_common()),
            "by_form": {k: forms[k] for k in sorted(forms, key=lambda f: order.get(f, len(order)))}}


def _where(source: dict[str, Any], path: str) -> str:
    if not source.get("line"):
        return ""
    return f", line {source['line']}" if source.get("path") == path else f", {source['path']}:{source['line']}"


def write(sites: list[dict[str, Any]], out: TextIO, fmt: str) -> None:
    if fmt == "json":
        json.dump({"sites": sites, "summary": summary(sites)}, out, indent=2)
        out.write("\n")
        return
    for s in sites:
        known = ", ".join(f"{a!r} ({v['how']}{_where(v, s['path'])})" for a, v in s["aliases"].items())
        unknown = f"unknown ({s['unknown']})" if s["unknown"] else ""
        out.write(f"{s['path']}:{s['line']}:{s['column']}: {s['kind']} -> {' + '.join(p for p in (known, unknown) if p)}\n")
    total = summary(sites)
    reasons = ", ".join(f"{k} {v}" for k, v in total["unknown_by_reason"].items())
    out.write(f"{total['sites']} sites: {total['resolved']} resolved, {total['unknown']} unknown"
              f"{f' ({reasons})' if reasons else ''}\n")
    if total["by_form"]:
        out.write("by form: " + ", ".join(f"{form} {v['resolved']}/{v['sites']}" for form, v in total["by_form"].items())
                  + "\n")
