"""Baselines: accept today's findings, report only new ones, survive line shifts."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from mdblint.baseline import new_findings
from mdblint.findings import Finding
from tests.helpers import SAMPLES, run_cli


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    return tmp_path / "site"


def test_a_baseline_survives_line_shifts_and_a_new_misuse_is_reported(site):
    proc = run_cli(".", "--no-cache", "--baseline", "baseline.json", "--write-baseline", cwd=site)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr   # no report when writing one
    document = json.loads((site / "baseline.json").read_text())
    assert document["version"] == 1 and document["findings"]
    assert set(document["findings"][0]) == {"code", "path", "fingerprint", "message"}
    written = len(document["findings"])
    assert f"wrote {written} findings" in proc.stderr

    for path in site.rglob("*.py"):
        path.write_text("\n\n\n" + path.read_text())
    proc = run_cli(".", "--no-cache", "--baseline", "baseline.json", "--format", "concise", cwd=site)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout
    assert f"the baseline hid {written} findings" in proc.stderr

    services = site / "catalog" / "services.py"
    services.write_text(services.read_text() + '\n\ndef count_nope():\n    return Book.objects.using("nope").count()\n')
    proc = run_cli(".", "--no-cache", "--baseline", "baseline.json", "--format", "json", cwd=site)
    assert proc.returncode == 1
    [finding] = json.loads(proc.stdout)["findings"]
    assert (finding["path"], finding["code"], finding["data"]["alias"]) == ("catalog/services.py", "MDB501", "nope")
    assert finding["line"] == len(services.read_text().splitlines())


def test_findings_after_noqa_are_what_the_baseline_holds(site):
    views = site / "catalog" / "views.py"
    views.write_text(views.read_text().replace('"defualt")  # expect: MDB501', '"defualt")  # noqa: MDB501'))
    run_cli(".", "--no-cache", "--baseline", "b.json", "--write-baseline", cwd=site)
    assert not any("defualt" in f["message"] for f in json.loads((site / "b.json").read_text())["findings"])


def _finding(line: int, fp: str = "f1") -> Finding:
    return Finding("a.py", line, 1, line, 2, "MDB501", "m", fingerprint=fp)


def test_the_baseline_is_a_multiset():
    known = Counter({("MDB501", "f1"): 2})
    new, hidden = new_findings([_finding(1), _finding(5), _finding(9)], known)
    assert hidden == 2 and new == [_finding(9)]
    new, hidden = new_findings([_finding(1), _finding(2, "f2")], known)
    assert hidden == 1 and new == [_finding(2, "f2")]


@pytest.mark.parametrize("content, message", [
    (None, "baseline not found (create it with --write-baseline)"),
    ("{not json", "baseline is not valid JSON"),
    ('{"version": 2, "findings": []}', "not an mdblint baseline"),
    ('{"version": 1, "findings": [{"code": "MDB501"}]}', "not an mdblint baseline"),
])
def test_bad_baselines_exit_2_with_one_line(site, content, message):
    if content is not None:
        (site / "b.json").write_text(content)
    proc = run_cli(".", "--no-cache", "--baseline", "b.json", cwd=site)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and message in proc.stderr, proc.stderr


def test_write_baseline_replaces_a_broken_file(site):
    (site / "b.json").write_text("{not json")
    assert run_cli(".", "--no-cache", "--baseline", "b.json", "--write-baseline", cwd=site).returncode == 0
    proc = run_cli(".", "--no-cache", "--baseline", "b.json", cwd=site)
    assert proc.returncode == 0 and "the baseline hid" in proc.stderr


def test_baseline_matches_from_another_working_directory(tmp_path):
    import shutil
    from tests.helpers import SAMPLES, run_cli
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site")
    baseline = tmp_path / "baseline.json"
    written = run_cli("site", "--baseline", str(baseline), "--write-baseline", "--no-cache", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    again = run_cli(".", "--baseline", str(baseline), "--no-cache", cwd=tmp_path / "site")
    assert again.returncode == 0 and again.stdout.startswith("All checks passed! ("), again.stdout
