"""Every snippet of the README runs as written and gives the CLI's findings: the install lines,
the flake8 configuration, the pre-commit configuration (against a local clone of this
repository) and the CI command lines (against the same clone). The repository's URL is the only
thing replaced, by the clone's; the flake8 snippet's `mysite` is the sample's package."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, SAMPLES, run_cli

URL = "https://github.com/mdblint/mdblint"
LINE = re.compile(r"^(?:\./)?(?P<path>[^:\s]+\.py):(?P<line>\d+):(?P<col>\d+): (?P<code>MDB\d+) ")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def blocks(lang: str, needle: str) -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = [b for b in re.findall(rf"^```{lang}\n(.*?)^```", text, re.S | re.M) if needle in b]
    assert found, f"no ```{lang} block with {needle!r} in the README"
    return found


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A local clone of this checkout as it is now (tracked and new files, not ignored ones), on `main`."""
    root = tmp_path_factory.mktemp("clone") / "mdblint"
    files = git("ls-files", "-co", "--exclude-standard", "-z", cwd=REPO).split("\0")
    for name in filter(None, files):
        source = REPO / name
        if source.is_file() or source.is_symlink():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name, follow_symlinks=False)
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-qm", "snapshot", cwd=root)
    return root


@pytest.fixture()
def site(tmp_path) -> Path:
    """The bookstore sample as a repository of its own."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLES / "bookstore", root, ignore=shutil.ignore_patterns(".mdblint_cache", "__pycache__"))
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-qm", "site", cwd=root)
    return root


def cli(root: Path, *args: str) -> set[tuple[str, int, int, str]]:
    proc = run_cli(".", "--format", "json", "--no-cache", *args, cwd=root)
    assert proc.returncode == 1, proc.stderr
    return {(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(proc.stdout)["findings"]}


def parsed(output: str) -> set[tuple[str, int, int, str]]:
    return {(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in map(LINE.match, output.splitlines()) if m}


def test_flake8_snippet(site):
    [config] = blocks("ini", "[flake8]")
    assert "# only when" in config   # the inline comment flake8 keeps in the value
    (site / "setup.cfg").write_text(config.replace("mysite.", "bookstore_site."))
    proc = subprocess.run([sys.executable, "-m", "flake8", "."], cwd=site, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    got = parsed(proc.stdout)
    assert got and got == cli(site, "--per-file-ignores", "tests/*:MDB4")
    assert not any(code == "MDB500" for *_, code in got)


def test_flake8_snippet_with_a_wrong_settings_name_says_so_once(site):
    [config] = blocks("ini", "[flake8]")
    (site / "setup.cfg").write_text(config.replace("mysite.", "bookstore_sitee."))
    proc = subprocess.run([sys.executable, "-m", "flake8", "--jobs", "2", "."], cwd=site, capture_output=True,
                          text=True, timeout=300)
    lines = [line for line in proc.stdout.splitlines() if " MDB" in line]
    assert len(lines) == 1 and ":1:1: MDB500 settings module 'bookstore_sitee.settings' not found" in lines[0], proc.stdout


def test_pre_commit_snippet(site, clone, tmp_path):
    [config] = blocks("yaml", "repos:")
    assert "rev: main" in config and URL in config
    (site / ".pre-commit-config.yaml").write_text(config.replace(URL, str(clone)))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=site, capture_output=True,
                          text=True, env=env, timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert parsed(proc.stdout) == cli(site)


@pytest.fixture(scope="module")
def installed(clone, tmp_path_factory) -> Path:
    """A fresh virtualenv where the README's install lines ran (the clone's URL for the repository's)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    [install] = blocks("sh", 'pip install "mdblint @')
    for line in install.splitlines():
        if line.strip() and not line.startswith("#"):
            # git+file://localhost/...: the older pip a fresh venv has wants a host in a PEP 508 URL
            proc = shell(line.replace(URL, f"file://localhost{clone}"), venv, Path.cwd())
            assert proc.returncode == 0, proc.stdout + proc.stderr
    return venv


def shell(command: str, venv: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", "VIRTUAL_ENV": str(venv)}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_ci_command_lines(site, installed):
    [workflow] = blocks("yaml", "runs-on:")
    runs = [m.group(1) for m in re.finditer(r"^\s*- run: (.*)$", workflow, re.M)]
    assert runs and runs[0].startswith("pip install") and "|| true" not in workflow
    [install] = blocks("sh", 'pip install "mdblint @')
    assert runs[0] in install.splitlines(), "the workflow installs as the Install section says (done by `installed`)"
    for command in runs[1:]:
        proc = shell(command, installed, site)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    sarif = json.loads((site / "mdblint.sarif").read_text())
    got = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"])
           for r in sarif["runs"][0]["results"]}
    assert got == cli(site)
    # The exit status the workflow relies on: 1 is findings (uploaded), 2 fails the job.
    broken = shell(runs[-1].replace(" .", " missing-folder"), installed, site)
    assert broken.returncode != 0 and "mdblint: error: missing-folder" in broken.stderr
