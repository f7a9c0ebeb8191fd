"""The Python API: `mdblint.lint(paths, **options) -> Result`, what the CLI runs, without a
process or a report.

    import mdblint

    result = mdblint.lint("src", select=["MDB5"], jobs=1)
    for finding in result.findings:          # mdblint.Finding: path, line, column, code, message, data
        print(finding.path, finding.line, finding.code, finding.message)
    for problem in result.problems:          # what kept a project from being read whole
        print(problem.cause, problem.message, problem.fix)

Options are the `[tool.mdblint]` keys with `_` for `-` (`settings="mysite.settings"`,
`extend_exclude=["scripts/"]`, `databases=["default", "replica"]`, `strict=True`), checked as in
pyproject.toml and applied over the `[tool.mdblint]` table found from the first path (unless
`isolated=True`). A bad path, option or configuration raises `mdblint.UsageError`; with
`strict`, so does any problem. Nothing is printed; like the CLI, project code is never imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from mdblint import config
from mdblint.engine import lint_paths
from mdblint.model import Options, Result, UsageError


def lint(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = ".", *, isolated: bool = False,
         **options: Any) -> Result:
    """Lint `paths` (a path or several; default: the current folder) and return the findings, the
    projects found and the problems met. `isolated`: ignore `[tool.mdblint]`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    chosen = [Path(p) for p in paths] or [Path(".")]
    loaded = config.Loaded(Options(base=Path.cwd()), None) if isolated else config.read(chosen)
    for name, value in options.items():
        key = name.replace("_", "-")
        if key not in config.KEYS:
            raise UsageError(f"unknown option {name!r} (known: {', '.join(k.replace('-', '_') for k in config.KEYS)})")
        config.set_option(loaded.options, key, value, Path.cwd(), f"option {name}")
    result = lint_paths(chosen, loaded.options)
    if loaded.options.strict and result.problems:
        raise UsageError("; ".join(str(p) for p in result.problems))
    return result
