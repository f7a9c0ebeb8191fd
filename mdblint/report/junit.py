"""JUnit XML, as CI test-report viewers (GitLab `reports: junit:`, Jenkins, Azure) read it: one
`<testsuite>` per file with findings, one failed `<testcase>` per finding; a clean run is one
passing test case, so that a report is never empty. Parsed back by xml.etree in the tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from mdblint.model import Result
from mdblint.report.options import ReportOptions
from mdblint.report.severity import level

# What XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def document(result: Result) -> ET.Element:
    findings = result.findings
    root = ET.Element("testsuites", name="mdblint", tests=str(max(1, len(findings))),
                      failures=str(len(findings)), errors="0")
    if not findings:
        suite = ET.SubElement(root, "testsuite", name="mdblint", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name="mdblint", classname="mdblint")
        return root
    for path, group in groupby(sorted(findings, key=lambda f: f.path), key=lambda f: f.path):
        items = list(group)
        suite = ET.SubElement(root, "testsuite", name=_xml(path), tests=str(len(items)), failures=str(len(items)),
                              errors="0", skipped="0")
        for f in items:
            case = ET.SubElement(suite, "testcase", name=f"mdblint.{f.code}", classname=_xml(path),
                                 file=_xml(path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_xml(f.message), type=level(f.code))
            failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}")
    return root


def write(result: Result, out: TextIO, options: ReportOptions = ReportOptions()) -> None:
    tree = ET.ElementTree(document(result))
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree.getroot(), encoding="unicode"))
    out.write("\n")
