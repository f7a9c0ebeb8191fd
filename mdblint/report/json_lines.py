"""`json-lines`: one JSON object a line, a finding each, in the `json` format's finding shape
(schemas/mdblint-report.schema.json, `$defs/finding`), plus `severity` and `fixable`."""

from __future__ import annotations

import json
from typing import TextIO

from mdblint.model import Result
from mdblint.report.options import ReportOptions, key
from mdblint.report.severity import level


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        record = {**f.as_dict(), "severity": level(f.code), "fixable": key(f) in options.fixable}
        out.write(json.dumps(record, separators=(",", ":")) + "\n")
