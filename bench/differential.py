"""The differential test: every finding of one mdblint checkout, as canonical JSON lines, to
compare two checkouts (before and after an engine change) or one checkout with a switch flipped.

    python bench/differential.py OUT.jsonl [TREE ...] [--fixtures] [--env NAME=VALUE ...]

Runs with the mdblint importable from the interpreter that runs this script (run it with the
other checkout's interpreter, or with PYTHONPATH set to it, to record that one). For each TREE it
runs the CLI (`--no-cache --format json --jobs 2`); with `--fixtures` it lints every rule fixture
against its sample project, as the catalog test does, with every rule selected. Each finding is
one line `{"set", "path", "line", "column", "code", "message"}`, sorted; compare two outputs with
`diff` (or `cmp`). Not a test by itself: tests/test_gate.py runs the gate-on/off comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def _tree(tree: Path, env: dict[str, str]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "mdblint", str(tree), "--no-cache", "--format", "json", "--jobs", "2"],
                          capture_output=True, text=True, env=env, cwd=tree if tree.is_dir() else tree.parent)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mdblint {tree} exited {proc.returncode}: {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    return [{"set": tree.name, "path": f["path"], "line": f["line"], "column": f["column"], "code": f["code"],
             "message": f["message"]} for f in findings]


def _fixtures(repo: Path) -> list[dict]:
    sys.path.insert(0, str(repo))
    from mdblint.checks import select_rules
    from mdblint.runtime import fixture_sample
    from tests.helpers import load_sample

    try:
        from mdblint.run.linter import Linter  # the layout after the engine issue
    except ImportError:
        from mdblint.engine import Linter  # type: ignore[no-redef]
    out = []
    for fixture in sorted((repo / "rules").glob("*/*.py")):
        linter = Linter(load_sample(fixture_sample(fixture)), select_rules())
        for f in linter.lint_path(fixture)[0]:
            out.append({"set": "fixtures", "path": f"{fixture.parent.name}/{fixture.name}", "line": f.line,
                        "column": f.column, "code": f.code, "message": f.message})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--fixtures", action="store_true")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_intermixed_args()
    env = {**os.environ, **dict(e.split("=", 1) for e in args.env)}
    found: list[dict] = []
    if args.fixtures:
        import mdblint
        found += _fixtures(Path(mdblint.__file__).resolve().parent.parent)
    for tree in args.trees:
        found += _tree(tree.resolve(), env)
    lines = sorted(json.dumps(f, sort_keys=True) for f in found)
    args.out.write_text("".join(line + "\n" for line in lines))
    counts: dict[tuple[str, str], int] = {}
    for f in found:
        counts[f["set"], f["code"]] = counts.get((f["set"], f["code"]), 0) + 1
    for name in dict.fromkeys(f["set"] for f in found):
        row = {code: n for (s, code), n in sorted(counts.items()) if s == name}
        print(f"{name}: {sum(row.values())} findings  " + " ".join(f"{c}={n}" for c, n in row.items()))


if __name__ == "__main__":
    main()
