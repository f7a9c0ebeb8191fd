"""GitHub Actions workflow commands, one a finding, which GitHub shows as annotations:
`::error file=PATH,line=L,col=C,endLine=E,endColumn=EC,title=CODE::MESSAGE`."""

from __future__ import annotations

from typing import TextIO

from mdblint.model import Result
from mdblint.findings import Finding
from mdblint.report.options import ReportOptions
from mdblint.report.severity import level


# As @actions/core's escapeData and escapeProperty do.
def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    props = {"file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line,
             "endColumn": f.end_column, "title": f.code}
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{level(f.code)} {joined}::{escape_data(f.message)}"


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    for f in result.findings:
        out.write(command(f) + "\n")
