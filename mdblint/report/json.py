"""One JSON object: {"version", "schema", "findings": [...], "summary": {...}}.
Its JSON Schema (draft 2020-12): schemas/mdblint-report.schema.json."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from typing import TextIO

import mdblint
from mdblint.model import Result, display_path
from mdblint.report.options import ReportOptions

SCHEMA = 1  # bump on any incompatible change to the shape below


def document(result: Result) -> dict:
    return {
        "version": mdblint.__version__,
        "schema": SCHEMA,
        "findings": [f.as_dict() for f in result.findings],
        "summary": {
            "files": result.files,
            "parsed": result.parsed,
            "findings": len(result.findings),
            "by_code": dict(sorted(Counter(f.code for f in result.findings).items())),
            "projects": [
                {
                    "root": display_path(p.ref.root),
                    "settings": p.ref.settings_module,
                    "databases": sorted(p.settings.databases) if p.settings.databases is not None else None,
                    "models": sum(1 for m in p.graph.models.values() if not m.abstract),
                    "found_by": p.ref.found_by,
                }
                for p in result.projects if p.ref is not None
            ],
            "warnings": [dataclasses.asdict(problem) for problem in result.problems],
        },
    }


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    json.dump(document(result), out, indent=2)
    out.write("\n")
