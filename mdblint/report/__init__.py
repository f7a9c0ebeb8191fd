"""Output formats. Each writer takes (result, stream, options) and writes the whole report:

    from mdblint.report import FORMATS, ReportOptions, color_wanted
    FORMATS["sarif"](result, sys.stdout, ReportOptions(color=color_wanted(sys.stdout)))

text        `path:line:col: CODE [severity] message` and a closing summary line
concise     flake8's shape, `path:line:col: CODE message`, nothing else
json        one object, see schemas/mdblint-report.schema.json
json-lines  one JSON object a line, a finding each
sarif       SARIF 2.1.0 for GitHub code scanning
github      GitHub Actions `::error ...::` workflow commands (annotations)
gitlab      GitLab Code Quality (a Code Climate issue array)
junit       JUnit XML for CI test-report viewers
pylint      `path:line: [CODE] message`
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from mdblint.model import Result
from mdblint.report import github, gitlab, json, json_lines, junit, pylint, sarif, text
from mdblint.report.options import COLOR_MODES, Edit, ReportOptions, color_wanted
from mdblint.report.statistics import write_statistics

__all__ = ["COLOR_MODES", "Edit", "FORMATS", "ReportOptions", "SCHEMAS", "Writer", "color_wanted", "write", "write_statistics"]

Writer = Callable[[Result, TextIO, ReportOptions], None]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "concise": text.write_concise,
    "json": json.write,
    "json-lines": json_lines.write,
    "sarif": sarif.write,
    "github": github.write,
    "gitlab": gitlab.write,
    "junit": junit.write,
    "pylint": pylint.write,
}

SCHEMAS = Path(__file__).parent / "schemas"  # the JSON report's schema, SARIF's and GitLab's


def write(result: Result, out: TextIO, format: str = "text", options: ReportOptions = ReportOptions()) -> None:
    """Write `result` to `out` in `format` (a key of FORMATS; KeyError otherwise)."""
    FORMATS[format](result, out, options)
