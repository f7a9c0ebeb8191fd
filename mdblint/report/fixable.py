"""Which findings `--fix` would fix, and the edit each makes: for the `[*]` marks and the
"N fixable with `--fix`" summary of the text format, `fixable` in json-lines, and SARIF's
`fixes`. Each file with a fixable code is analysed once more (only then), the edits all read
from that one analysis."""

from __future__ import annotations

import os
from pathlib import Path

from mdblint.model import Options, Result
from mdblint.report.options import Edit, Key


def fixable(result: Result, options: Options, source: dict[str, bytes] | None = None) -> dict[Key, Edit]:
    """{finding key: its edit} for every finding of `result` that `--fix` can fix. `source`:
    the bytes of paths not read from disk (stdin)."""
    from mdblint.checks import select_rules
    from mdblint.engine import FIXABLE, Linter

    wanted: dict[str, set[tuple[int, int, str]]] = {}
    for f in result.findings:
        if f.code in FIXABLE and f.path in result.project_of:
            wanted.setdefault(f.path, set()).add((f.line, f.column, f.code))
    found: dict[Key, Edit] = {}
    for shown, marks in wanted.items():
        project = result.project_of[shown]
        linter = Linter(project, select_rules(FIXABLE), options.read_only, options.relation_groups,
                        options.django_version)
        path = Path(os.path.abspath(shown))
        try:
            data = source[shown] if source and shown in source else path.read_bytes()
        except OSError:
            continue
        for (line, column, code), region in linter.fix_each(path, data, marks).items():
            found[shown, line, column, code] = Edit(*region)
    return found
