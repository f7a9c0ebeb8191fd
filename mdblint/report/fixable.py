"""Which findings `--fix` would fix, and the edit each makes: for the `[*]` marks and the
"N fixable with `--fix`" summary of the text format, `fixable` in json-lines, and SARIF's
`fixes`. Each file with a fixable code is analysed once more (only then)."""

from __future__ import annotations

import os
from pathlib import Path

from mdblint.model import Options, Result
from mdblint.report.options import Edit, Key


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def edit(old: str, new: str) -> Edit:
    """The one replacement that turns `old` into `new` (their common head and tail kept)."""
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    start, end = _position(old, head), _position(old, len(old) - tail)
    return Edit(*start, *end, new[head:len(new) - tail])


def fixable(result: Result, options: Options, source: dict[str, bytes] | None = None) -> dict[Key, Edit]:
    """{finding key: its edit} for every finding of `result` that `--fix` can fix. `source`:
    the bytes of paths not read from disk (stdin)."""
    from mdblint.checks import select_rules
    from mdblint.engine import FIXABLE, Linter
    from mdblint.source import decode

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
            old = decode(data)
        except Exception:
            continue
        for (line, column, code), new in linter.fix_each(path, data, marks).items():
            found[shown, line, column, code] = edit(old.text, decode(new).text)
    return found
