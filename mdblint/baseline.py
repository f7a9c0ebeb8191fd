"""Baselines: accept today's findings, report only new ones.

The file is JSON, `{"version": 1, "findings": [{"code", "path", "fingerprint", "message"}, ...]}`.
A finding is known when its (code, fingerprint) is in the file, counted as a multiset: two
identical entries hide two findings, not three. Fingerprints survive line shifts and hash the
path relative to the project's root, so the baseline matches from any working directory; the
`path` entries are for people reading the file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from mdblint.model import UsageError
from mdblint.findings import Finding

VERSION = 1

Key = tuple[str, str]


def _key(f: Finding) -> Key:
    return f.code, f.fingerprint


def write(path: Path, findings: list[Finding]) -> None:
    entries = [{"code": f.code, "path": f.path, "fingerprint": f.fingerprint, "message": f.message}
               for f in sorted(findings)]
    try:
        path.write_text(json.dumps({"version": VERSION, "findings": entries}, indent=2) + "\n", encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{path}: cannot write baseline: {e.strerror or e}") from None


def read(path: Path) -> Counter[Key]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read baseline: {getattr(e, 'strerror', None) or e}") from None
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}: baseline is not valid JSON: {e}") from None
    entries = document.get("findings") if isinstance(document, dict) and document.get("version") == VERSION else None
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("code", "path", "fingerprint"))
            for e in entries):
        raise UsageError(f"{path}: not an mdblint baseline (version {VERSION})")
    return Counter((e["code"], e["fingerprint"]) for e in entries)


def new_findings(findings: list[Finding], known: Counter[Key]) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it hid."""
    left = Counter(known)
    out = []
    for f in findings:
        if left[_key(f)] > 0:
            left[_key(f)] -= 1
        else:
            out.append(f)
    return out, len(findings) - len(out)
