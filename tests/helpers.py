"""Shared by the tests: where things are, loading a sample, running the CLI."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

from mdblint.discovery import ProjectRef, settings_from_manage_py
from mdblint.project import Project, load_project

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@functools.cache
def load_sample(name: str) -> Project:
    root = SAMPLES / name
    return load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))


def run_cli(*args: str, cwd: Path = REPO, env: dict | None = None, input: str | None = None,
            env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """`mdblint ARGS` in a fresh interpreter, as a user would run it (`input`: its stdin;
    `env_extra`: variables set on top of this environment)."""
    if env_extra is not None:
        env = {**(env if env is not None else os.environ), **env_extra}
    return subprocess.run([sys.executable, "-m", "mdblint", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300, input=input)
