"""SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules with their docs, and each
finding with its region and a line-shift-stable partial fingerprint.
Checked against the official schema in schemas/sarif-schema-2.1.0.json."""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

import mdblint
from mdblint.checks import RULES, Rule
from mdblint.docs import REPOSITORY, doc_url, rule_doc
from mdblint.model import Result
from mdblint.findings import Finding
from mdblint.report.options import Edit, ReportOptions, key
from mdblint.report.rule_docs import what_it_does
from mdblint.report.severity import level

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = REPOSITORY
SRCROOT = "%SRCROOT%"            # GitHub resolves it to the checkout's root
FINGERPRINT_KEY = "mdblint/v1"   # bump the suffix if Finding.fingerprint ever changes meaning


# GitHub code scanning files results by tag; a rule's family is its hundreds digit.
FAMILY_TAGS = {"0": ["unreadable-input"], "1": ["correctness", "cross-database-relation"],
               "2": ["correctness", "cross-database-subquery"], "3": ["performance", "n-plus-one"],
               "4": ["correctness", "transactions"], "5": ["correctness", "database-aliases"]}


def tags(code: str) -> list[str]:
    return ["django", "multi-database", *FAMILY_TAGS.get(code[3:4], [])]


def descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule_doc(rule.code) or f"# {rule.code} {rule.name}\n\n{rule.summary}\n"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what_it_does(rule.code) or rule.summary},
        "help": {"text": doc, "markdown": doc},
        "helpUri": doc_url(rule.code),
        "defaultConfiguration": {"level": level(rule.code)},
        "properties": {"tags": tags(rule.code)},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A relative path becomes a URI under %SRCROOT%; an absolute one (outside the current
    directory) a file: URI."""
    if path.startswith("/"):
        return {"uri": PurePosixPath(path).as_uri()}
    if PureWindowsPath(path).is_absolute():
        return {"uri": PureWindowsPath(path).as_uri()}
    # The bytes of the name, percent-encoded: a name that is not UTF-8 keeps them (`caf%E9.py`).
    return {"uri": quote(os.fsencode(path), safe="/"), "uriBaseId": SRCROOT}


def fix(f: Finding, edit: Edit) -> dict[str, Any]:
    """SARIF's `fix`: one replacement in the finding's file."""
    return {
        "description": {"text": f"{f.code} fix (what `mdblint --fix` writes)"},
        "artifactChanges": [{
            "artifactLocation": artifact_location(f.path),
            "replacements": [{
                "deletedRegion": {"startLine": edit.start_line, "startColumn": edit.start_column,
                                  "endLine": edit.end_line, "endColumn": edit.end_column},
                "insertedContent": {"text": edit.text},
            }],
        }],
    }


def sarif_result(f: Finding, rule_index: int, edit: Edit | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.code),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(f.path),
            # SARIF columns are 1-based and endColumn is exclusive, as in Finding.
            "region": {"startLine": f.line, "startColumn": f.column,
                       "endLine": f.end_line, "endColumn": f.end_column},
        }}],
    }
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.data:
        out["properties"] = f.data
    if edit is not None:
        out["fixes"] = [fix(f, edit)]
    return out


def document(result: Result, options: ReportOptions = ReportOptions()) -> dict[str, Any]:
    rules = [RULES[code] for code in sorted(RULES)]
    # A code no rule declares (never expected) still gets a descriptor, so ruleIndex is valid.
    for code in sorted({f.code for f in result.findings} - set(RULES)):
        rules.append(Rule(code, code.lower(), code))
    index = {r.code: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mdblint",
                "version": mdblint.__version__,
                "informationUri": INFORMATION_URI,
                "rules": [descriptor(r) for r in rules],
            }},
            # GitHub's category of the analysis: one per tool unless the workflow sets another.
            "automationDetails": {"id": "mdblint/"},
            "columnKind": "unicodeCodePoints",
            "results": [sarif_result(f, index[f.code], options.edits.get(key(f))) for f in result.findings],
        }],
    }


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    json.dump(document(result, options), out, indent=2)
    out.write("\n")
