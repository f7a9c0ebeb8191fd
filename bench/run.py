"""Time mdblint on a source tree against the floor (libcst parsing alone) and against flake8.

    python bench/run.py DIR [--jobs N] [--repeat K]

Prints wall times and ratios: mdblint cold (empty cache) and warm (second run), the floor (every
file parsed by libcst, on the same number of processes), and flake8 with its default plugins.
Each command runs in a fresh interpreter, as a user would run it; the best of K runs is kept.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mdblint.discovery import iter_python_files  # noqa: E402


def _parse(path: str) -> int:
    import libcst

    try:
        libcst.parse_module(Path(path).read_bytes())
    except Exception:  # a file libcst rejects still costs its attempt
        pass
    return 1


def floor(files: list[str], jobs: int) -> float:
    """libcst parsing of every file, on `jobs` spawned processes (start-up included)."""
    start = time.perf_counter()
    if jobs == 1:
        for f in files:
            _parse(f)
    else:
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
            files = sorted(files, key=lambda f: -os.path.getsize(f))
            list(pool.map(_parse, files, chunksize=8))
    return time.perf_counter() - start


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    files = [str(p) for p in iter_python_files(args.directory)]
    lines = sum(Path(f).read_bytes().count(b"\n") for f in files)
    print(f"{args.directory}: {len(files)} files, {lines} lines, {args.jobs} jobs, best of {args.repeat}")

    cache = Path(tempfile.mkdtemp(prefix="mdblint-bench-"))
    env = {**os.environ, "MDBLINT_CACHE_DIR": str(cache)}
    mdblint = [sys.executable, "-m", "mdblint", str(args.directory), "--format", "json", "--jobs", str(args.jobs)]
    cold, warm = [], []
    for _ in range(args.repeat):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(timed(mdblint, env))
        warm.append(timed(mdblint, env))
    shutil.rmtree(cache, ignore_errors=True)
    results = {
        "floor (libcst parse)": min(floor(files, args.jobs) for _ in range(args.repeat)),
        "mdblint cold": min(cold),
        "mdblint warm": min(warm),
    }
    if shutil.which("flake8") or _has_module("flake8"):
        flake8 = [sys.executable, "-m", "flake8", "--exit-zero", "--jobs", str(args.jobs), str(args.directory)]
        results["flake8 (default plugins)"] = min(timed(flake8) for _ in range(args.repeat))

    base, f8 = results["floor (libcst parse)"], results.get("flake8 (default plugins)")
    print(f"{'':28} {'seconds':>8} {'x floor':>8} {'x flake8':>9}")
    for name, seconds in results.items():
        vs_flake8 = f"{seconds / f8:9.2f}" if f8 else f"{'-':>9}"
        print(f"{name:28} {seconds:8.2f} {seconds / base:8.2f} {vs_flake8}")


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    main()
