"""Output formats: the JSON report against its schema, SARIF against the official SARIF 2.1.0
schema (and its fingerprints across line shifts), GitHub workflow commands, colour, statistics."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from mdblint.checks import RULES
from mdblint.engine import Options, Result, lint_paths
from mdblint.findings import Finding
from mdblint.report import FORMATS, SCHEMAS, ReportOptions, color_wanted, write, write_statistics
from mdblint.report import json as json_report, sarif
from mdblint.report.github import command
from mdblint.report.rule_docs import sections
from mdblint.report.severity import level
from tests.helpers import REPO, SAMPLES

SAMPLE_NAMES = sorted(p.parent.name for p in SAMPLES.glob("*/manage.py"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@contextlib.contextmanager
def cwd(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def lint(path: Path, where: Path = REPO) -> Result:
    with cwd(where):
        return lint_paths([path], Options(cache=False, jobs=1))


@functools.cache
def sample(name: str) -> Result:
    return lint(SAMPLES / name)


def render(result: Result, fmt: str, **options) -> str:
    out = io.StringIO()
    write(result, out, fmt, ReportOptions(**options))
    return out.getvalue()


def validator(name: str):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the draft the schema declares
    cls.check_schema(schema)
    return cls(schema)


def test_registry():
    assert set(FORMATS) == {"text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "pylint"}
    with pytest.raises(KeyError):
        render(sample("bookstore"), "xml")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_json_validates_against_its_schema(name):
    check = validator("mdblint-report.schema.json")
    assert check.META_SCHEMA["$schema"].startswith("https://json-schema.org/draft/2020-12/")
    doc = json.loads(render(sample(name), "json"))
    assert doc["findings"] and doc["findings"][0]["fingerprint"]
    check.validate(doc)
    # Not vacuous: a missing field, or MDB501 data without its alias, is rejected.
    mdb501 = next((f for f in doc["findings"] if f["code"] == "MDB501"), None)
    if mdb501 is not None:   # the shop sample has one database: no MDB501
        del mdb501["data"]["alias"]
        assert not check.is_valid(doc)
    first = doc["findings"][0]
    del first["fingerprint"]
    assert not check.is_valid(doc)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sarif_validates_against_the_official_schema(name):
    result = sample(name)
    log = json.loads(render(result, "sarif"))
    check = validator("sarif-schema-2.1.0.json")
    assert "SARIF" in check.schema["title"] and "2.1.0" in check.schema["title"]
    check.validate(log)
    assert log["version"] == "2.1.0" and log["$schema"] == sarif.SCHEMA_URI and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "mdblint" and driver["informationUri"] == "https://github.com/mdblint/mdblint"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    for r in rules:
        rule = RULES[r["id"]]
        assert r["name"] == rule.name and r["shortDescription"]["text"] == rule.summary
        assert r["help"]["markdown"].startswith(f"# {rule.code} {rule.name}")
        assert r["defaultConfiguration"]["level"] == level(rule.code)
    mdb501 = rules[[r["id"] for r in rules].index("MDB501")]
    assert mdb501["fullDescription"]["text"].startswith("Finds a database alias that the project's `DATABASES`")
    assert "\n" not in mdb501["fullDescription"]["text"]
    assert len(run["results"]) == len(result.findings) > 0
    for res, f in zip(run["results"], result.findings):
        assert res["ruleId"] == f.code and rules[res["ruleIndex"]]["id"] == f.code
        assert res["level"] == sarif.level(f.code) and res["message"]["text"] == f.message
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        assert f.path.startswith(f"samples/{name}/")
        assert location["region"] == {"startLine": f.line, "startColumn": f.column,
                                      "endLine": f.end_line, "endColumn": f.end_column}
        assert res["partialFingerprints"] == {"mdblint/v1": f.fingerprint}
        assert res["properties"] == f.data
    # Not vacuous: the official schema rejects what it does not define.
    run["results"][0]["region"] = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert not check.is_valid(log)


def test_sarif_of_a_broken_file_outside_the_current_directory(tmp_path):
    (tmp_path / "here").mkdir()
    (tmp_path / "there dir").mkdir()
    (tmp_path / "there dir" / "bad.py").write_text("x.using(\n", encoding="utf-8")
    result = lint(tmp_path / "there dir", where=tmp_path / "here")
    assert [f.code for f in result.findings] == ["MDB003"]
    log = json.loads(render(result, "sarif"))
    validator("sarif-schema-2.1.0.json").validate(log)
    res = log["runs"][0]["results"][0]
    location = res["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "there dir" / "bad.py").as_uri()}
    assert "%20" in location["uri"] and "properties" not in res


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sarif_fingerprints_survive_a_line_shift(tmp_path, name):
    copy = tmp_path / "samples" / name
    shutil.copytree(SAMPLES / name, copy, ignore=shutil.ignore_patterns(".mdblint_cache", "__pycache__"))
    for path in copy.rglob("*.py"):
        path.write_text("\n\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    def keyed(result: Result) -> dict[tuple[str, str], dict]:
        results = json.loads(render(result, "sarif"))["runs"][0]["results"]
        return {(r["ruleId"], r["partialFingerprints"]["mdblint/v1"]): r for r in results}

    before, after = keyed(sample(name)), keyed(lint(copy, where=tmp_path))
    assert len(before) == len(sample(name).findings) > 0
    assert set(after) == set(before)
    for key, old in before.items():
        old_loc, new_loc = (r["locations"][0]["physicalLocation"] for r in (old, after[key]))
        assert new_loc["artifactLocation"] == old_loc["artifactLocation"]
        assert new_loc["region"]["startLine"] == old_loc["region"]["startLine"] + 3
        assert new_loc["region"]["endLine"] == old_loc["region"]["endLine"] + 3


def finding(code="MDB501", path="app/views.py", message="bad", line=3) -> Finding:
    return Finding(path, line, 5, line, 9, code, message, {}, "0123456789abcdef")


def test_github_commands_escape_like_the_actions_toolkit():
    f = finding(path="a,b:c%.py", message="100% wrong\r\nsee: x, y")
    assert command(f) == ("::error file=a%2Cb%3Ac%25.py,line=3,col=5,endLine=3,endColumn=9,title=MDB501"
                          "::100%25 wrong%0D%0Asee: x, y")
    assert command(finding(code="MDB301")).startswith("::warning file=app/views.py,")
    out = render(sample("bookstore"), "github").splitlines()
    assert len(out) == len(sample("bookstore").findings)
    assert all(re.fullmatch(r"::(error|warning) file=samples/bookstore/[^,]+,line=\d+,col=\d+,endLine=\d+,"
                            r"endColumn=\d+,title=MDB\d{3}::.+", line) for line in out), out


def test_text_has_colour_only_when_asked():
    result = sample("bookstore")
    plain, coloured = render(result, "text"), render(result, "text", color=True)
    assert not ANSI.search(plain)
    assert ANSI.sub("", coloured) == plain
    first = coloured.splitlines()[0]
    f = result.findings[0]
    assert first.startswith(f"\x1b[1m{f.path}\x1b[0m:{f.line}:{f.column}: \x1b[1;31m{f.code}\x1b[0m ")
    for fmt in ("json", "sarif", "github"):
        assert not ANSI.search(render(result, fmt, color=True))


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_color_wanted(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color_wanted(Stream(True)) and not color_wanted(Stream(False))
    monkeypatch.setenv("NO_COLOR", "")
    assert color_wanted(Stream(True))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color_wanted(Stream(True))
    assert not color_wanted(object())


def test_statistics():
    result = Result([finding("MDB501"), finding("MDB003"), finding("MDB501", line=4), finding("MDB001"),
                     finding("MDB003", line=5), finding("MDB501", line=6)], 3, 3, [])
    out = io.StringIO()
    write_statistics(result, out)
    assert out.getvalue() == ("  3 MDB501 unknown-database-alias\n"
                              "  2 MDB003 syntax-error\n"
                              "  1 MDB001 unreadable-file\n"
                              "  6 findings\n")
    findings = sample("bookstore").findings
    text = render(sample("bookstore"), "text", statistics=True).splitlines()
    mdb501 = sum(f.code == "MDB501" for f in findings)
    assert f"{mdb501:>3} MDB501 unknown-database-alias" in text and text[-1] == f"{len(findings):>3} findings"
    assert len(text) == len(findings) + len({f.code for f in findings}) + 1
    assert "findings" not in render(sample("bookstore"), "text")


def test_readme_sections():
    doc = (REPO / "rules" / "MDB501" / "README.md").read_text(encoding="utf-8")
    found = sections(doc)
    assert found[""] == "# MDB501 unknown-database-alias"
    assert list(found)[1:4] == ["What it does", "Why is this bad?", "What Django does"]
    assert found["Fix"].startswith("Use an alias that `DATABASES` defines")
    assert sections("intro\n```\n## not a heading\n```\n## Real\nbody\n") == {
        "": "intro\n```\n## not a heading\n```", "Real": "body"}


def test_legacy_two_argument_writers_still_work():
    out = io.StringIO()
    json_report.write(sample("bookstore"), out)  # what the CLI calls today
    assert json.loads(out.getvalue())["summary"]["findings"] == len(sample("bookstore").findings)


# -- GitLab Code Quality, JUnit, json-lines, pylint; SARIF's fixes --

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_gitlab_validates_against_gitlabs_schema(name):
    result = sample(name)
    issues = json.loads(render(result, "gitlab"))
    check = validator("gitlab-codeclimate.schema.json")
    assert isinstance(issues, list) and len(issues) == len(result.findings) > 0
    for issue, f in zip(issues, result.findings):
        check.validate(issue)
        # What GitLab's documentation asks beyond the schema.
        assert issue["check_name"] == f.code and issue["severity"] in GITLAB_SEVERITIES
        assert issue["severity"] == ("minor" if level(f.code) == "warning" else "major")
        assert issue["location"]["path"] == f.path and not f.path.startswith("/")
        assert issue["location"]["positions"]["begin"] == {"line": f.line, "column": f.column}
        assert f.message in issue["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues), "GitLab drops issues with a repeated fingerprint"
    # Not vacuous: the schema rejects an issue without a location, or a line that is not a number.
    assert not check.is_valid({k: v for k, v in issues[0].items() if k != "location"})
    assert not check.is_valid({**issues[0], "location": {"path": "x.py", "positions": {"begin": {"line": "3"}}}})


def test_gitlab_fingerprints_survive_a_line_shift(tmp_path):
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "bookstore")
    before = {i["fingerprint"] for i in json.loads(render(lint(Path("bookstore"), tmp_path), "gitlab"))}
    for path in (tmp_path / "bookstore").rglob("*.py"):
        path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = {i["fingerprint"] for i in json.loads(render(lint(Path("bookstore"), tmp_path), "gitlab"))}
    assert before == after and before


def test_junit_is_parsed_by_a_real_xml_parser():
    import xml.etree.ElementTree as ET

    result = sample("bookstore")
    root = ET.fromstring(render(result, "junit"))
    assert root.tag == "testsuites" and root.get("name") == "mdblint"
    assert int(root.get("tests")) == int(root.get("failures")) == len(result.findings)
    suites = root.findall("testsuite")
    assert sorted(s.get("name") for s in suites) == sorted({f.path for f in result.findings})
    cases = [(s.get("name"), c) for s in suites for c in s.findall("testcase")]
    assert len(cases) == len(result.findings)
    for suite in suites:
        assert int(suite.get("tests")) == int(suite.get("failures")) == len(suite.findall("testcase"))
    got = sorted((c.get("file"), int(c.get("line")), c.get("name"), c.find("failure").get("message")) for _, c in cases)
    assert got == sorted((f.path, f.line, f"mdblint.{f.code}", f.message) for f in result.findings)
    # A clean run is one passing test case, never an empty report.
    clean = ET.fromstring(render(Result([], 3, 3, []), "junit"))
    assert clean.get("failures") == "0" and len(clean.findall("testsuite/testcase")) == 1
    assert clean.find("testsuite/testcase/failure") is None
    # Text XML cannot carry is replaced, not written raw.
    odd = Result([finding(message="bad \x01 byte & <tag>")], 1, 1, [])
    assert ET.fromstring(render(odd, "junit")).find("testsuite/testcase/failure").get("message") == "bad \ufffd byte & <tag>"


def test_json_lines_and_pylint():
    result = sample("bookstore")
    lines = render(result, "json-lines").splitlines()
    check = validator("mdblint-report.schema.json")
    assert len(lines) == len(result.findings)
    for line, f in zip(lines, result.findings):
        record = json.loads(line)
        assert record.pop("severity") == sarif.level(f.code) and record.pop("fixable") is False
        assert record == f.as_dict()
    doc = json.loads(render(result, "json"))
    check.validate(doc)   # the same finding shape as the json format's
    pylint = render(result, "pylint").splitlines()
    assert pylint == [f"{f.path}:{f.line}: [{f.code}] {f.message}" for f in result.findings]


def test_sarif_rules_have_help_uri_tags_and_the_run_automation_details():
    log = json.loads(render(sample("bookstore"), "sarif"))
    run = log["runs"][0]
    assert run["automationDetails"] == {"id": "mdblint/"}
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"] == f"https://github.com/mdblint/mdblint/blob/main/rules/{rule['id']}/README.md"
        assert rule["properties"]["tags"][:2] == ["django", "multi-database"]
        assert ("performance" in rule["properties"]["tags"]) == rule["id"].startswith("MDB3")
    validator("sarif-schema-2.1.0.json").validate(log)


def test_sarif_fixes_are_what_fix_writes(tmp_path):
    from mdblint.engine import fix_paths
    from mdblint.report.fixable import fixable

    shutil.copytree(SAMPLES / "bookstore", tmp_path / "bookstore")
    with cwd(tmp_path):
        options = Options(cache=False, jobs=1)
        result = lint_paths([Path("bookstore")], options)
        edits = fixable(result, options)
        log = json.loads(render(result, "sarif", fixable=frozenset(edits), edits=edits))
        fixed = {c.path: c.new.decode() for c in fix_paths([Path("bookstore")], options, write=False)}
    validator("sarif-schema-2.1.0.json").validate(log)
    with_fixes = [(res, f) for res, f in zip(log["runs"][0]["results"], result.findings) if "fixes" in res]
    assert len(with_fixes) == len(edits) == 3
    for res, f in with_fixes:
        assert f.code in ("MDB301", "MDB302")
        [change] = res["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        [replacement] = change["replacements"]
        region, text = replacement["deletedRegion"], replacement["insertedContent"]["text"]
        # Applying the replacement to the file gives what --fix writes (one fix a file here).
        lines = (tmp_path / f.path).read_text().splitlines(keepends=True)
        start = sum(len(x) for x in lines[:region["startLine"] - 1]) + region["startColumn"] - 1
        end = sum(len(x) for x in lines[:region["endLine"] - 1]) + region["endColumn"] - 1
        old = "".join(lines)
        assert old[:start] + text + old[end:] == fixed[f.path]
    assert all("fixes" not in res for res, f in zip(log["runs"][0]["results"], result.findings)
               if f.code not in ("MDB301", "MDB302"))


def test_text_marks_fixable_findings_and_sums_them_up():
    result = sample("bookstore")
    f = next(f for f in result.findings if f.code == "MDB301")
    key = (f.path, f.line, f.column, f.code)
    out = render(result, "text", summary=True, fixable=frozenset({key})).splitlines()
    assert f"{f.path}:{f.line}:{f.column}: MDB301 [warning] [*] {f.message}" in out
    assert out[-1] == f"Found {len(result.findings)} findings ({result.files} files checked, 1 fixable with `--fix`)."
    assert render(Result([], 4, 4, []), "text", summary=True) == "All checks passed! (4 files checked)\n"
    assert render(Result([], 0, 0, []), "text", summary=True) == "No Python files found: nothing was checked.\n"


def test_color_modes(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert color_wanted(Stream(False), "always") and not color_wanted(Stream(True), "never")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert color_wanted(Stream(False)) and not color_wanted(Stream(False), "never")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color_wanted(Stream(True)) and color_wanted(Stream(False), "always")


def test_summary_never_says_passed_while_a_project_warning_stands() -> None:
    from mdblint.model import Problem

    problem = Problem("no-project", "no Django project found for .", "pass --settings MODULE")
    line = render(Result([], 1, 1, [], problems=[problem]), "text", summary=True)
    assert not line.startswith("All checks passed") and "1 project warning" in line
