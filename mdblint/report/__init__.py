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

__all__ = ["COLOR_MODES", "Edit", "FORMATS", "ReportOptions", "SCHEMAS", "Writer", "color_wanted", "report", "write",
           "write_statistics"]

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


def report(result: Result, out: TextIO, format: str, lint_options: object, *, color: str = "auto",
           statistics: bool = False, summary: bool = True, unused_noqa: int = 0, stdin_data: bytes | None = None,
           stats_out: TextIO | None = None) -> None:
    """The report as the CLI writes it (and `manage.py mdblint`): fixable findings marked, the
    closing summary line; `--statistics` of a machine format go to `stats_out`. `stdin_data`:
    the text of findings not read from disk."""
    from mdblint.report.fixable import fixable

    edits = {}
    if format in ("text", "json-lines", "sarif") and result.findings:
        edits = fixable(result, lint_options, {f.path: stdin_data for f in result.findings} if stdin_data else None)
    text_like = format in ("text", "concise")
    write(result, out, format, ReportOptions(
        color=color_wanted(out, color) and text_like, statistics=statistics,
        summary=summary, unused_noqa=unused_noqa, fixable=frozenset(edits), edits=edits))
    if statistics and not text_like and stats_out is not None:
        write_statistics(result, stats_out)
