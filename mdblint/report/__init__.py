"""Output formats. Each writer takes (result, stream, options) and writes the whole report:

    from mdblint.report import FORMATS, ReportOptions, color_wanted
    FORMATS["sarif"](result, sys.stdout, ReportOptions(color=color_wanted(sys.stdout)))

text    `path:line:col: CODE message`; colour and statistics when the options ask
json    one object, see schemas/mdblint-report.schema.json
sarif   SARIF 2.1.0 for GitHub code scanning
github  GitHub Actions `::error ...::` workflow commands (annotations)
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from mdblint.model import Result
from mdblint.report import github, json, sarif, text
from mdblint.report.options import ReportOptions, color_wanted
from mdblint.report.statistics import write_statistics

__all__ = ["FORMATS", "ReportOptions", "SCHEMAS", "Writer", "color_wanted", "write", "write_statistics"]

Writer = Callable[[Result, TextIO, ReportOptions], None]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json.write,
    "sarif": sarif.write,
    "github": github.write,
}

SCHEMAS = Path(__file__).parent / "schemas"  # the JSON report's schema and SARIF's


def write(result: Result, out: TextIO, format: str = "text", options: ReportOptions = ReportOptions()) -> None:
    """Write `result` to `out` in `format` (a key of FORMATS; KeyError otherwise)."""
    FORMATS[format](result, out, options)
