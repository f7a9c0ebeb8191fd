"""The reference runtime: run rule fixtures under real Django and judge them.

Fixtures (``rules/<CODE>/bad_*.py`` and ``good_*.py``, contract in ``rules/README.md``) run
inside a sample project, one subprocess per sample, because Django is configured once per
process::

    python -m mdblint.runtime --sample samples/bookstore [--settings MOD] [--n 3] FIXTURE.py ...

prints one JSON document::

    {"django": "5.2.19", "python": "3.11.7",
     "fixtures": [{"path": ..., "kind": "bad" | "good", "ok": bool, "explanation": str,
                   "runs": [{"n": 3, "queries": {"default": 4, ...},
                             "exception": null | {"type", "mro", "message"},
                             "result": "repr of scenario()'s return value" | null}]}]}

From Python (the library side imports neither Django nor the sample):

- ``run_fixtures(fixtures, sample_dir, *, python=None, n=3, settings=None, timeout=300)``
  runs that command with the interpreter ``python`` (default ``sys.executable``) and returns
  a list of ``FixtureReport``; a crashed or timed-out subprocess raises ``RuntimeError``.
- ``fixture_sample(path)`` reads a fixture's ``# fixture: sample=<name>`` header
  (default ``"bookstore"``); ``fixture_django(path)`` its ``# fixture: django>=X.Y`` header (the
  oldest Django the fixture runs on, as a tuple, or None).

Oracles for bad fixtures live in ``mdblint.runtime.oracles``; the Django side is
``mdblint.runtime.harness``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ExceptionInfo", "Run", "FixtureReport", "run_fixtures", "fixture_sample", "fixture_requires",
           "missing_requirement", "fixture_django"]

DEFAULT_SAMPLE = "bookstore"
_HEADER = re.compile(r"#\s*fixture:\s*sample\s*=\s*([\w.-]+)")
_REQUIRES = re.compile(r"#\s*fixture:.*\brequires\s*=\s*([\w.,]+)")
_DJANGO = re.compile(r"#\s*fixture:\s*django\s*>=\s*(\d+)\.(\d+)")


@dataclass
class ExceptionInfo:
    type: str  # the class name
    # class names of its MRO, most derived first (a default is needed: a bare ``mro``
    # annotation would pick up ``type.mro`` as its default)
    mro: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class Run:
    """One call of ``scenario()``. In the harness ``result`` is the returned object;
    in a ``FixtureReport`` it is its ``repr`` (``None`` when the scenario raised)."""

    n: int
    queries: dict[str, int]
    exception: ExceptionInfo | None = None
    result: Any = None


@dataclass
class FixtureReport:
    path: str
    kind: str  # "bad" or "good"
    ok: bool
    explanation: str
    runs: list[Run] = field(default_factory=list)
    django: str = ""  # versions the subprocess ran with
    python: str = ""


def _head(path: str | os.PathLike) -> str:
    try:
        with open(path, "rb") as f:
            return b"".join(line for _, line in zip(range(5), f)).decode("utf-8", "replace")
    except OSError:
        return ""


def fixture_sample(path: str | os.PathLike) -> str:
    """The sample a fixture runs in: its ``# fixture: sample=<name>`` header in the first
    5 lines, else ``"bookstore"`` (also for a file that cannot be read or decoded)."""
    m = _HEADER.search(_head(path))
    return m.group(1) if m else DEFAULT_SAMPLE


def fixture_requires(path: str | os.PathLike) -> tuple[str, ...]:
    """The modules a fixture needs besides Django (`# fixture: sample=shop requires=rest_framework`
    in its first 5 lines): an optional dependency such as Django REST framework."""
    try:
        with open(path, "rb") as f:
            head = b"".join(line for _, line in zip(range(5), f)).decode("utf-8", "replace")
    except OSError:
        return ()
    m = _REQUIRES.search(head)
    return tuple(n for n in m.group(1).split(",") if n) if m else ()


def missing_requirement(path: str | os.PathLike, python: str | None = None) -> str | None:
    """Why a fixture cannot run with the interpreter `python` (default: this one): the first
    module of its `requires=` that is not installed, as a skip reason; None when all are."""
    for name in fixture_requires(path):
        if python is None:
            import importlib.util

            found = importlib.util.find_spec(name) is not None
        else:
            found = subprocess.run([python, "-c", f"import importlib.util, sys; sys.exit(importlib.util.find_spec({name!r}) is None)"],
                                   capture_output=True).returncode == 0
        if not found:
            return f"{name} is not installed (the fixture's `requires={name}`)"
    return None


def fixture_django(path: str | os.PathLike) -> tuple[int, int] | None:
    """The oldest Django a fixture runs on: its ``# fixture: django>=X.Y`` header in the first 5
    lines (an API that older versions lack: ``fetch_mode()`` is 6.1's), else None."""
    m = _DJANGO.search(_head(path))
    return (int(m.group(1)), int(m.group(2))) if m else None


def run_fixtures(
    fixtures,
    sample_dir,
    *,
    python: str | None = None,
    n: int = 3,
    settings: str | None = None,
    timeout: float = 300,
) -> list[FixtureReport]:
    """Run ``fixtures`` (paths) in the sample project ``sample_dir`` in one subprocess."""
    repo_root = str(Path(__file__).resolve().parents[2])  # the directory holding mdblint/
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (repo_root, env.get("PYTHONPATH")) if p)
    cmd = [python or sys.executable, "-m", "mdblint.runtime", "--sample", str(Path(sample_dir).resolve()), "--n", str(n)]
    if settings:
        cmd += ["--settings", settings]
    cmd += [str(Path(f).resolve()) for f in fixtures]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise RuntimeError(f"mdblint.runtime timed out after {timeout}s: {_tail(e.stderr)}") from None
    try:
        doc = json.loads(proc.stdout)
    except ValueError:
        raise RuntimeError(f"mdblint.runtime crashed (exit {proc.returncode}): {_tail(proc.stderr)}") from None
    return [
        FixtureReport(
            path=fx["path"],
            kind=fx["kind"],
            ok=fx["ok"],
            explanation=fx["explanation"],
            runs=[
                Run(r["n"], r["queries"], r["exception"] and ExceptionInfo(**r["exception"]), r["result"])
                for r in fx["runs"]
            ],
            django=doc["django"],
            python=doc["python"],
        )
        for fx in doc["fixtures"]
    ]


def _tail(text, lines: int = 20) -> str:
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return "\n".join((text or "").strip().splitlines()[-lines:])
