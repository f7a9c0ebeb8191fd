"""`mdblint --aliases`: every alias-taking site (`using()`, `db_manager()`, `using=`,
`atomic(using=)`, `connections[...]`) with the aliases the analysis resolved there, or `unknown`
and why. It shows why a finding is or is not reported, and measures the analysis."""

from __future__ import annotations

import json
import re
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


# The reason categories of unknown sites, for the counts of `--aliases`: (category, the reason's
# first word, a pattern the reason matches when it ends in a cause in parentheses; None: it names
# no cause; "": any). The first match wins; a reason that matches none is "other: <first word>",
# so every unknown site is counted once.
CATEGORIES: tuple[tuple[str, str, str | None], ...] = (
    ("parameter: no caller in the project", "parameter", r"has no caller in the project"),
    ("parameter: a caller passes a value not known", "parameter", r"passes a value not known"),
    ("parameter: callers not all known (used as a value, decorated, called from outside the project)",
     "parameter", r"is used as a value|is decorated|which may call it|named in the settings|star|\*\*?\w|"
                  r"outside the project|cannot read"),
    ("parameter: callers beyond the analysis' bounds (too deep, a cycle, too many modules)",
     "parameter", r"too deep|in a cycle|too many modules"),
    ("parameter: of a method, nested function or closure whose callers are not traced", "parameter", None),
    ("attribute: set from a constructor or method argument not known", "attribute", r"\(set in .* from "),
    ("attribute: set outside its class, or not set in it", "attribute", r"set outside its class|not set in its class"),
    ("attribute: a base class outside the project or unreadable", "attribute",
     r"base outside the project|base class .*cannot read|class .* not read"),
    ("attribute: a method or property", "attribute", r"method or property"),
    ("attribute: of an object mdblint does not track", "attribute", None),
    ("carrier: qs.db/_state.db of a value whose alias is not known", "carrier", r""),
    ("router: db_for_read/db_for_write not statically known", "router", r""),
    ("command option: not statically known", "command", r""),
    ("setting: read from the environment at run time", "setting", r""),
    ("variable: a local value not statically known", "variable", r""),
    ("return value: of a call mdblint does not follow", "return", r""),
    ("computed at run time", "computed", r""),
    ("computed at run time", "dynamic", r""),
)


def category(reason: str) -> str:
    """The category an unknown site's reason falls in (see CATEGORIES)."""
    head = reason.split(" ")[0]
    head = "router" if head.startswith("router.") else head
    caused = reason.rstrip().endswith(")")
    for name, first, pattern in CATEGORIES:
        if head == first and (not caused if pattern is None else pattern == "" or (caused and re.search(pattern, reason))):
            return name
    return f"other: {head}"


def summary(sites: list[dict[str, Any]]) -> dict[str, Any]:
    reasons = Counter(category(s["unknown"]) for s in sites if s["unknown"])
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
    out.write(f"{total['sites']} sites: {total['resolved']} resolved, {total['unknown']} unknown\n")
    for reason, count in total["unknown_by_reason"].items():
        out.write(f"  {count:5}  unknown: {reason}\n")
    if total["by_form"]:
        out.write("by form: " + ", ".join(f"{form} {v['resolved']}/{v['sites']}" for form, v in total["by_form"].items())
                  + "\n")
