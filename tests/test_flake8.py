"""The flake8 plugin reports what `mdblint` reports, with flake8's own workers (fork, and the
spawn start method of macOS, Windows and Python 3.14+), select and noqa."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import REPO, SAMPLES, run_cli

SAMPLE_NAMES = sorted(p.parent.name for p in SAMPLES.glob("*/manage.py"))
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>MDB\d+) (?P<message>.*)$")
SPAWN = ("import multiprocessing as mp, sys; mp.set_start_method('spawn'); "
         "from flake8.main.cli import main; sys.exit(main())")


def flake8(*args: str, spawn: bool = False, cwd=REPO) -> set[tuple]:
    cmd = [sys.executable, "-c", SPAWN] if spawn else [sys.executable, "-m", "flake8"]
    proc = subprocess.run([*cmd, "--select", "MDB", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return {(m["path"], int(m["line"]), int(m["col"]), m["code"], m["message"])
            for m in map(LINE.match, proc.stdout.splitlines()) if m}


def mdblint(*args: str, cwd=REPO) -> set[tuple]:
    proc = run_cli(*args, "--format", "json", "--no-cache", cwd=cwd)
    return {(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in json.loads(proc.stdout)["findings"]}


@pytest.mark.parametrize("spawn", [False, True], ids=["fork", "spawn"])
@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_flake8_matches_the_cli(sample, spawn):
    expected = mdblint(f"samples/{sample}")
    assert expected
    assert flake8("--jobs", "2", f"samples/{sample}", spawn=spawn) == expected


def test_noqa_and_ignore_work_as_for_any_plugin(tmp_path):
    project = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", project)
    services = project / "catalog" / "services.py"
    lines = services.read_text().splitlines()
    flagged = [i for i, line in enumerate(lines) if "# expect: MDB501" in line]
    lines[flagged[0]] += "  # noqa: MDB501"
    services.write_text("\n".join(lines) + "\n")
    everything = flake8(".", cwd=project)
    assert not any(f[0].endswith("services.py") and f[1] == flagged[0] + 1 for f in everything)
    assert everything == {(f"./{f[0]}", *f[1:]) for f in mdblint(".", cwd=project)}  # the CLI honours noqa too
    assert flake8("--extend-ignore", "MDB", ".", cwd=project) == set()
    assert {f[3] for f in flake8("--extend-ignore", "MDB5", ".", cwd=project)} == {"MDB101", "MDB102", "MDB201", "MDB202", "MDB301", "MDB303", "MDB305", "MDB401"}


def test_flake8_caches_results_per_file_and_rechecks_an_edited_one(tmp_path, monkeypatch):
    root = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", root)
    cache = tmp_path / "cache"
    monkeypatch.setenv("MDBLINT_CACHE_DIR", str(cache))
    first = flake8(".", "--jobs", "2", cwd=root)
    assert {(p.removeprefix("./"), *rest) for p, *rest in first} == mdblint(".", cwd=root)
    entries = {p.name: p.stat().st_mtime_ns for p in cache.glob("flake8-*")}
    assert len(entries) == len(list(root.rglob("*.py"))), "one entry per file"
    assert flake8(".", "--jobs", "2", cwd=root) == first
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("flake8-*")} == entries, "a warm run writes nothing"
    with open(root / "catalog" / "views.py", "a") as f:
        f.write("\n# an edit\n")
    assert flake8(".", "--jobs", "2", cwd=root) == first
    changed = [n for n, t in entries.items() if (cache / n).stat().st_mtime_ns != t]
    assert len(changed) == 1, "only the edited file is checked again"
