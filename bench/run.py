"""Measure mdblint on a source tree against the floors it is judged by, flake8 and ruff.

    python bench/run.py DIR [--jobs N] [--repeat K] [--only NAME,...] [--precommit-files N] [--json OUT]

One run reports, for each command, CPU seconds (user+sys of its whole process tree, from
os.wait4, which counts every descendant that was waited for), wall seconds, the largest single
process's peak RSS (ru_maxrss of the tree) and the peak of the summed RSS of the tree (sampled
from /proc every 20 ms), then the ratios the engine redesign is judged by. With --repeat K each
figure is the median of K runs. Rows (names for --only):

    libcst      libcst.parse_module of every file mdblint would lint, on --jobs spawned processes
    ast         ast.parse of the same files, the same way
    cold        mdblint DIR --jobs N with an empty cache (MDBLINT_CACHE_DIR=<temp dir>)
    warm        the same again, same cache
    precommit   warm cache, then N files edited (a comment line appended) and
                `mdblint --force-exclude F1 ... FN` as the pre-commit hook runs it; files restored
    flake8      flake8 -j N, its default plugins only (a separate venv without mdblint)
    flake8-mdb-cold, flake8-mdb-warm
                flake8 -j N --select MDB with mdblint's plugin, empty then warm MDBLINT_CACHE_DIR
    ruff        ruff check --no-cache, default rules

Groups for --only: floors (libcst,ast), mdblint (cold,warm,precommit), flake8-mdb (both).
Every command runs in a fresh interpreter with DIR as its working directory. flake8 and ruff get
the same file list as mdblint (explicitly, with --isolated so that the tree's own configuration
neither selects other rules nor excludes files). Not a test: nothing here asserts a time.

The precommit row edits files of DIR in place and restores their bytes and times afterwards
(also on Ctrl-C or SIGTERM); copies of the originals sit in a temporary folder meanwhile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

ROWS = {
    "libcst": "libcst floor (parse only)",
    "ast": "ast floor (parse only)",
    "cold": "mdblint cold",
    "warm": "mdblint warm",
    "precommit": "mdblint pre-commit",
    "flake8": "flake8 (default plugins)",
    "flake8-mdb-cold": "flake8 + MDB plugin, cold",
    "flake8-mdb-warm": "flake8 + MDB plugin, warm",
    "ruff": "ruff check --no-cache",
}
GROUPS = {"floors": ["libcst", "ast"], "mdblint": ["cold", "warm", "precommit"],
          "flake8-mdb": ["flake8-mdb-cold", "flake8-mdb-warm"]}
EDIT = b"# mdblint bench: pre-commit edit\n"
MAX_ARGS = 1_000_000  # bytes of file names passed on one command line before falling back to "."


# -- the floors, run in a child interpreter: `run.py --floor libcst|ast --jobs N --files LIST` --
# (this module's top level stays light: spawned workers import it again)

def _parse_libcst(path: str) -> int:
    import libcst

    try:
        libcst.parse_module(Path(path).read_bytes())
    except Exception:  # noqa: BLE001 - a file libcst rejects still costs its attempt
        return 0
    return 1


def _parse_ast(path: str) -> int:
    import ast

    try:
        ast.parse(Path(path).read_bytes(), path)
    except (SyntaxError, ValueError):
        return 0
    return 1


def floor_main(kind: str, jobs: int, listing: str) -> None:
    parse = _parse_libcst if kind == "libcst" else _parse_ast
    files = Path(listing).read_text(encoding="utf-8").splitlines()
    if jobs == 1:
        for f in files:
            parse(f)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # As mdblint's pool does: spawned workers, largest files first, the same chunk size.
    files.sort(key=lambda f: -os.path.getsize(f))
    chunk = max(1, min(8, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
        for _ in pool.map(parse, files, chunksize=chunk):
            pass


# -- measuring one command --

def _vm_kib(pid: int | str, key: str) -> int:
    """A `Vm...` line of /proc/PID/status, in KiB (0 once the process is gone)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(key.encode() + b":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class Sampler:
    """Every `interval` seconds, the summed RSS of `root` and its descendants (from /proc/*/stat)."""

    def __init__(self, root: int, interval: float = 0.02) -> None:
        import threading

        self.root, self.interval = root, interval
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.peak_sum = self.peak_one = 0
        self.halt = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            self._sample()
            if self.halt.wait(self.interval):
                return

    def _sample(self) -> None:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        try:
            entries = list(os.scandir("/proc"))
        except OSError:
            return
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(b")") + 2:].split()  # fields[0] is field 3 (state)
            pid = int(entry.name)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * self.page
        tree, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, ())
        sizes = [rss.get(pid, 0) for pid in tree]
        self.peak_sum = max(self.peak_sum, sum(sizes))
        for pid in tree:  # each process's own high-water mark, which no sample can miss
            self.peak_one = max(self.peak_one, rss.get(pid, 0), _vm_kib(pid, "VmHWM") * 1024)

    def stop(self) -> None:
        self.halt.set()
        self.thread.join()


def measure(cmd: list[str], cwd: Path, env: dict[str, str], label: str) -> dict[str, float]:
    """Run `cmd`; CPU and the largest peak RSS from wait4 (the process and its waited-for
    descendants), the summed tree RSS from the sampler. Exit codes other than 0 and 1 abort."""
    import subprocess
    import tempfile
    import time

    # Popen's vfork() lends the child this process's memory until exec, and the kernel keeps that
    # high-water mark in the child's ru_maxrss: only a larger ru_maxrss is the tree's own.
    inherited = _vm_kib("self", "VmHWM")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        sampler = Sampler(proc.pid)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            wall = time.perf_counter() - start
            sampler.stop()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"bench: {label}: {' '.join(cmd[:6])} ... exited {code}:\n{tail}")
    one = max(sampler.peak_one, usage.ru_maxrss * 1024 if usage.ru_maxrss > inherited else 0)
    return {"cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "sys": usage.ru_stime,
            "wall": wall, "max_rss_mib": one / 2**20, "tree_rss_mib": max(sampler.peak_sum, one) / 2**20,
            "exit": code}


# -- the tools --

def plain_flake8() -> tuple[Path, str]:
    """A venv under bench/ with flake8 and its default plugins at the versions installed here,
    and no mdblint; refused if its `flake8 --version` names mdblint."""
    import subprocess
    from importlib.metadata import PackageNotFoundError, version

    pins = []
    for name in ("flake8", "pyflakes", "pycodestyle", "mccabe"):
        try:
            pins.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            pins.append(name)
    venv = HERE / ".venv-flake8"
    python = venv / "bin" / "python"
    stamp = venv / "bench-pins.txt"
    if not (python.exists() and stamp.exists() and stamp.read_text() == "\n".join(pins)):
        print(f"bench: building {venv} ({', '.join(pins)})", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *pins],
                       check=True)
        stamp.write_text("\n".join(pins))
    shown = subprocess.run([str(python), "-m", "flake8", "--version"], capture_output=True, text=True,
                           check=True).stdout.strip()
    if "mdblint" in shown.lower() or "MDB" in shown:
        raise SystemExit(f"bench: {venv}'s flake8 loads mdblint's plugin: {shown}")
    return python, " ".join(shown.split())


def plugin_flake8() -> str | None:
    """`flake8 --version` of this interpreter if it loads the MDB plugin, else None."""
    import subprocess

    done = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True,
                          check=False, env=_env(pythonpath=True))
    shown = " ".join(done.stdout.split())
    return shown if done.returncode == 0 and "mdblint" in shown else None


def _env(cache: Path | None = None, pythonpath: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MDBLINT_CACHE_DIR"}
    if cache is not None:
        env["MDBLINT_CACHE_DIR"] = str(cache)
    if pythonpath:  # the mdblint next to this script, whatever else is installed
        env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def pick_precommit(files: list[str], n: int) -> list[str]:
    """`n` files spread evenly over the sorted list, preferring real modules (>= 1 KB, not __init__.py)."""
    real = [f for f in files if Path(f).name != "__init__.py" and os.path.getsize(f) >= 1024]
    pool = real if len(real) >= n else files
    if n >= len(pool):
        return list(pool)
    return [pool[(2 * i + 1) * len(pool) // (2 * n)] for i in range(n)]


class Edited:
    """Append a comment line to `files` (relative to `root`); restore bytes and times on exit."""

    def __init__(self, root: Path, files: list[str], backup: Path) -> None:
        self.paths = [root / f for f in files]
        self.backup = backup

    def __enter__(self) -> Edited:  # noqa: PYI034 - typing stays unimported here
        import shutil
        import signal

        self.saved = []
        self.backup.mkdir(parents=True, exist_ok=True)
        self.old_term = signal.signal(signal.SIGTERM, _terminate)
        for i, path in enumerate(self.paths):
            data, st = path.read_bytes(), path.stat()
            shutil.copy2(path, self.backup / f"{i}-{path.name}")
            self.saved.append((path, data, st.st_atime_ns, st.st_mtime_ns))
            path.write_bytes(data + (b"" if not data or data.endswith(b"\n") else b"\n") + EDIT)
        return self

    def __exit__(self, *exc: object) -> None:
        import shutil
        import signal

        for path, data, atime, mtime in self.saved:
            path.write_bytes(data)
            os.utime(path, ns=(atime, mtime))
        shutil.rmtree(self.backup, ignore_errors=True)
        signal.signal(signal.SIGTERM, self.old_term)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


# -- the run --

def parse_args(argv: list[str] | None = None):
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n".join(__doc__.splitlines()[4:]))
    p.add_argument("directory", type=Path, nargs="?")
    p.add_argument("--jobs", type=int, default=2, help="processes for every tool (default: 2)")
    p.add_argument("--repeat", type=int, default=1, help="runs of each command; the median is reported")
    p.add_argument("--only", type=lambda v: [x.strip() for x in v.split(",") if x.strip()],
                   help="rows to run, comma-separated (names above)")
    p.add_argument("--precommit-files", type=int, default=5, metavar="N", help="files the pre-commit row edits")
    p.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON to OUT")
    p.add_argument("--floor", choices=("libcst", "ast"), help=argparse.SUPPRESS)
    p.add_argument("--files", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.floor:
        return args
    if args.directory is None:
        p.error("DIR is required")
    if not args.directory.is_dir():
        p.error(f"{args.directory}: not a directory")
    if args.jobs < 1 or args.repeat < 1 or args.precommit_files < 1:
        p.error("--jobs, --repeat and --precommit-files must be at least 1")
    wanted = []
    for name in args.only or list(ROWS):
        expanded = GROUPS.get(name, [name])
        for n in expanded:
            if n not in ROWS:
                p.error(f"--only: unknown row {name!r} (known: {', '.join([*ROWS, *GROUPS])})")
            if n not in wanted:
                wanted.append(n)
    args.rows = [n for n in ROWS if n in wanted]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.floor:
        floor_main(args.floor, args.jobs, args.files)
        return

    import json
    import platform
    import shutil
    import statistics
    import subprocess
    import tempfile

    sys.path.insert(0, str(REPO))
    from mdblint import config
    from mdblint.engine import collect_files

    root = args.directory.resolve()
    out_json = args.json.resolve() if args.json else None  # named from where the script was started
    os.chdir(root)  # as a user runs it: from the tree's root, "." or relative names
    options = config.read([Path(".")]).options
    files = [os.path.relpath(f, root) for f in collect_files([Path(".")], options)]
    if not files:
        raise SystemExit(f"bench: {root}: no Python file to lint")
    size = sum(os.path.getsize(f) for f in files)
    lines = sum(Path(f).read_bytes().count(b"\n") for f in files)
    jobs, rows = str(args.jobs), args.rows
    named = files if sum(len(f) + 1 for f in files) <= MAX_ARGS else ["."]
    edits = pick_precommit(files, args.precommit_files)

    tmp = Path(tempfile.mkdtemp(prefix="mdblint-bench-"))
    listing = tmp / "files.txt"
    listing.write_text("\n".join(os.path.abspath(f) for f in files), encoding="utf-8")
    cli_cache, f8_cache = tmp / "cache-cli", tmp / "cache-flake8"

    py = sys.executable
    mdblint = [py, "-m", "mdblint", "--format", "json", "--jobs", jobs]
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "libcst": ([py, str(HERE / "run.py"), "--floor", "libcst", "--jobs", jobs, "--files", str(listing)], _env()),
        "ast": ([py, str(HERE / "run.py"), "--floor", "ast", "--jobs", jobs, "--files", str(listing)], _env()),
        "cold": ([*mdblint, "."], _env(cli_cache, True)),
        "warm": ([*mdblint, "."], _env(cli_cache, True)),
        # the hook's entry and args (.pre-commit-hooks.yaml): `mdblint --force-exclude FILES`
        "precommit": ([py, "-m", "mdblint", "--force-exclude", *edits], _env(cli_cache, True)),
    }
    tools: dict[str, str] = {"python": f"{platform.python_implementation()} {platform.python_version()}"}
    skipped: dict[str, str] = {}
    if "flake8" in rows:
        plain, tools["flake8 (plain venv)"] = plain_flake8()
        commands["flake8"] = ([str(plain), "-m", "flake8", "--isolated", "--exit-zero", "-j", jobs, *named], _env())
    if any(r.startswith("flake8-mdb") for r in rows):
        shown = plugin_flake8()
        if shown is None:
            for r in ("flake8-mdb-cold", "flake8-mdb-warm"):
                skipped[r] = "this interpreter's flake8 does not load mdblint's plugin"
        else:
            tools["flake8 (with mdblint)"] = shown
            cmd = [py, "-m", "flake8", "--isolated", "--exit-zero", "--select", "MDB", "-j", jobs, *named]
            commands["flake8-mdb-cold"] = (cmd, _env(f8_cache, True))
            commands["flake8-mdb-warm"] = (cmd, _env(f8_cache, True))
    if "ruff" in rows:
        ruff = shutil.which("ruff", path=os.pathsep.join([str(Path(py).parent), os.environ.get("PATH", "")]))
        if ruff is None:
            skipped["ruff"] = "no ruff on PATH or beside this interpreter"
        else:
            tools["ruff"] = subprocess.run([ruff, "--version"], capture_output=True, text=True, check=False).stdout.strip()
            env = {**_env(), "RAYON_NUM_THREADS": jobs}  # ruff's thread pool, as --jobs for the others
            commands["ruff"] = ([ruff, "check", "--no-cache", "--isolated", "--exit-zero", *named], env)
    rows = [r for r in rows if r not in skipped]

    import mdblint as _m
    tools["mdblint"] = f"{_m.__version__} ({_revision()})"
    print(f"{root}: {len(files)} files, {lines} lines, {size / 2**20:.1f} MiB; --jobs {jobs}, "
          f"{'median of ' + str(args.repeat) if args.repeat > 1 else '1 run'}")
    for name, version in tools.items():
        print(f"  {name}: {version}")
    for name, why in skipped.items():
        print(f"  skipped {name}: {why}")
    if "precommit" in rows:
        print(f"  pre-commit edits: {' '.join(edits)}")
    if named == ["."]:
        print("  (too many files for one command line: flake8 and ruff get '.')")

    load_before = os.getloadavg()
    print(f"  load average before: {' '.join(f'{x:.2f}' for x in load_before)} ({os.cpu_count()} cores)")
    runs: dict[str, list[dict[str, float]]] = {r: [] for r in rows}

    def run(name: str) -> None:
        cmd, env = commands[name]
        runs[name].append(measure(cmd, root, env, name))

    def prime(name: str) -> None:  # fills the cache for a warm row; not reported
        cmd, env = commands[name]
        measure(cmd, root, env, f"{name} (priming the cache)")

    try:
        for _ in range(args.repeat):
            for name in ("libcst", "ast"):
                if name in rows:
                    run(name)
            if {"cold", "warm", "precommit"} & set(rows):
                shutil.rmtree(cli_cache, ignore_errors=True)
                run("cold") if "cold" in rows else prime("cold")
                if "warm" in rows:
                    run("warm")
                if "precommit" in rows:
                    with Edited(root, edits, tmp / "originals"):
                        run("precommit")
            if "flake8" in rows:
                run("flake8")
            if {"flake8-mdb-cold", "flake8-mdb-warm"} & set(rows):
                shutil.rmtree(f8_cache, ignore_errors=True)
                run("flake8-mdb-cold") if "flake8-mdb-cold" in rows else prime("flake8-mdb-cold")
                if "flake8-mdb-warm" in rows:
                    run("flake8-mdb-warm")
            if "ruff" in rows:
                run("ruff")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load_after = os.getloadavg()
    median = {name: {k: statistics.median(r[k] for r in rs) for k in ("cpu", "user", "sys", "wall",
                                                                         "max_rss_mib", "tree_rss_mib")}
              for name, rs in runs.items()}
    ratios = compute_ratios(median)
    labels = dict(ROWS, precommit=f"mdblint pre-commit ({len(edits)} files)",
                  flake8=f"flake8 -j{jobs} (default plugins)", **{
                      "flake8-mdb-cold": f"flake8 -j{jobs} --select MDB, cold",
                      "flake8-mdb-warm": f"flake8 -j{jobs} --select MDB, warm"})
    floor = median.get("libcst", {}).get("cpu")
    print(f"  load average after: {' '.join(f'{x:.2f}' for x in load_after)} (other processes slow the wall times)")
    print()
    print(f"{'':36} {'CPU s':>7} {'user':>7} {'sys':>6} {'wall s':>7} {'CPU/floor':>9} {'max RSS':>8} {'tree RSS':>9}")
    for name, m in median.items():
        vs = f"{m['cpu'] / floor:9.2f}" if floor else f"{'-':>9}"
        print(f"{labels[name]:36} {m['cpu']:7.2f} {m['user']:7.2f} {m['sys']:6.2f} {m['wall']:7.2f} {vs} "
              f"{m['max_rss_mib']:5.0f} MiB {m['tree_rss_mib']:5.0f} MiB")
    if ratios:
        print()
        for text, value, unit in ratios.values():
            print(f"{text:52} {value:7.2f}{unit}")
    if out_json:
        out = {"tree": str(root), "files": len(files), "lines": lines, "bytes": size, "jobs": args.jobs,
               "repeat": args.repeat, "tools": tools, "skipped": skipped, "precommit_files": edits,
               "cores": os.cpu_count(), "loadavg_before": load_before, "loadavg_after": load_after,
               "rows": {name: {"label": labels[name], **median[name], "runs": runs[name]} for name in median},
               "ratios": {k: v[1] for k, v in ratios.items()}}
        out_json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


def _revision() -> str:
    """The checkout's HEAD and the last commit that changed mdblint/ (what is measured)."""
    import subprocess

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)

    try:
        head = git("rev-parse", "--short", "HEAD").stdout.strip()
        code = git("log", "-1", "--format=%h", "--", "mdblint").stdout.strip()
        dirty = git("diff", "--quiet", "HEAD", "--", "mdblint").returncode != 0
    except OSError:
        return "not a git checkout"
    if not head:
        return "not a git checkout"
    return f"HEAD {head}, mdblint/ last changed in {code}{', with uncommitted changes' if dirty else ''}"


def compute_ratios(m: dict[str, dict[str, float]]) -> dict[str, tuple[str, float, str]]:
    """The figures the redesign is judged by, where their rows ran."""
    out: dict[str, tuple[str, float, str]] = {}

    def ratio(key: str, text: str, a: str, b: str, what: str) -> None:
        if a in m and b in m and m[b][what] > 0:
            out[key] = (text, m[a][what] / m[b][what], "x")

    ratio("cold_cpu_per_libcst_floor_cpu", "mdblint cold CPU / libcst floor CPU", "cold", "libcst", "cpu")
    ratio("cold_cpu_per_flake8_cpu", "mdblint cold CPU / flake8 CPU", "cold", "flake8", "cpu")
    if "precommit" in m:
        out["precommit_cpu_s"] = ("mdblint pre-commit CPU", m["precommit"]["cpu"], " s")
    ratio("warm_wall_per_ruff_wall", "mdblint warm wall / ruff wall", "warm", "ruff", "wall")
    ratio("flake8_mdb_warm_cpu_per_warm_cpu", "flake8+MDB warm CPU / mdblint warm CPU", "flake8-mdb-warm", "warm", "cpu")
    ratio("flake8_mdb_warm_wall_per_warm_wall", "flake8+MDB warm wall / mdblint warm wall", "flake8-mdb-warm", "warm", "wall")
    return out


if __name__ == "__main__":
    main()
