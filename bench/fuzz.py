"""Lint generated programs inside a sample project: no traceback, no internal error, no slow file.

    python bench/fuzz.py [-n 10000] [--seed 0] [--batch 200] [--keep DIR]

Programs come from hypothesmith, half from the grammar (`from_grammar`: any text Python's
grammar accepts, valid or not past the parser) and half from libcst nodes (`from_node`: trees
that print as valid code), seeded, so that a run can be repeated. Each one is written into a
copy of samples/bookstore (catalog/gen_<i>.py) with a trailer that names ORM calls, so that the
byte prefilter lets it through and the parser, the index, the gate and the analysis all see it.
Each batch is linted in this process, as `mdblint` lints a project (the index of the whole
tree, then every file, with the gate and without it, and through the flake8 plugin's entry,
Flake8Checker.run); an exception, an "internal error" warning or MDB004 finding, or a file over
the time limit is a failure, reported with the program that caused it. Exit status 1 if anything
failed. tests/test_robustness.py runs the same for 300 programs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "bookstore"
TRAILER = ("\n\nfrom catalog.models import Book\n\n\ndef _mdblint_fuzz():\n"
           "    for book in Book.objects.using('default').all():\n        print(book.publisher.name)\n")
LIMIT = 60.0   # seconds one file may take


@dataclass
class Report:
    programs: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    analysed: int = 0      # programs whose trailer was reported (MDB301): the analysis reached its end
    unreadable: dict[str, int] = field(default_factory=dict)   # MDB0xx code -> programs reported so
    failures: list[tuple[str, str]] = field(default_factory=list)   # (program, what happened)


def generate(n: int, seed: int = 0) -> list[str]:
    """`n` programs, half grammar-based, half node-based, reproducible from `seed`."""
    import hypothesmith
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    out: list[str] = []
    for i, strategy in enumerate((hypothesmith.from_grammar(), hypothesmith.from_node())):
        count = n // 2 + (n % 2 if i == 0 else 0)
        if not count:
            continue

        @hseed(seed * 2 + i)
        @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def collect(source: str) -> None:
            out.append(source)

        before = len(out)
        collect()
        # hypothesis may stop early when it runs out of distinct examples: top up with another seed
        extra = 1
        while len(out) - before < count and extra < 50:
            @hseed(seed * 2 + i + 1000 * extra)
            @settings(max_examples=count - (len(out) - before), database=None, phases=[Phase.generate],
                      deadline=None, suppress_health_check=list(HealthCheck))
            @given(strategy)
            def more(source: str) -> None:
                out.append(source)
            more()
            extra += 1
        del out[before + count:]
    return out


def _site(workdir: Path) -> Path:
    site = workdir / "bookstore"
    if not site.exists():
        shutil.copytree(SAMPLE, site)
    return site


def lint_batch(programs: list[str], workdir: Path, limit: float = LIMIT) -> Report:
    """Lint `programs` as files of a sample project; what failed, and how long it took."""
    from mdblint import engine
    from mdblint.checks import select_rules
    from mdblint.model import Options
    from mdblint.project import load_project
    from mdblint.discovery import ProjectRef, settings_from_manage_py
    from mdblint.flake8_plugin import Flake8Checker

    report = Report(programs=len(programs))
    site = _site(workdir)
    folder = site / "catalog"
    for old in folder.glob("gen_*.py"):
        old.unlink()
    paths = []
    for i, program in enumerate(programs):
        path = folder / f"gen_{i:05d}.py"
        path.write_text(program + TRAILER, encoding="utf-8", errors="surrogatepass")
        paths.append(path)
    start = time.perf_counter()
    options = Options(cache=False, jobs=1)
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr):
            engine.lint_paths([site], options)
    except BaseException as e:   # noqa: BLE001 - what the fuzzer looks for
        if isinstance(e, KeyboardInterrupt):
            raise
        report.failures.append(("<whole batch>", "".join(traceback.format_exception(e))))
    # Every file alone as well, with the gate and without it, timed.
    ref = ProjectRef(site, settings_from_manage_py(site / "manage.py"), "manage.py")
    with contextlib.redirect_stderr(stderr):
        project = load_project(ref)
    linters = {}
    for gated in ("1", "0"):
        os.environ["MDBLINT_GATE"] = gated
        try:
            linters[gated] = engine.Linter(project, select_rules())
        finally:
            os.environ.pop("MDBLINT_GATE")
    for path, program in zip(paths, programs):
        data = path.read_bytes()
        for gated, linter in linters.items():
            t0 = time.perf_counter()
            err = io.StringIO()
            try:
                with contextlib.redirect_stderr(err):
                    found, _ = linter.lint_bytes(path, data)
                if gated == "1":
                    codes = {f.code for f in found}
                    report.analysed += "MDB301" in codes
                    for code in sorted(c for c in codes if c.startswith("MDB0")):
                        report.unreadable[code] = report.unreadable.get(code, 0) + 1
            except BaseException as e:  # noqa: BLE001
                if isinstance(e, KeyboardInterrupt):
                    raise
                report.failures.append((program, "".join(traceback.format_exception(e))))
            took = time.perf_counter() - t0
            report.slowest = max(report.slowest, took)
            if took > limit:
                report.failures.append((program, f"took {took:.1f} s (gate {gated})"))
            if "Traceback" in err.getvalue() or "internal error" in err.getvalue():
                report.failures.append((program, err.getvalue()))
        # The flake8 plugin's path: flake8 hands the plugin lines it decoded (latin-1 when the
        # declared encoding fails); the plugin lints the file's bytes.
        t0 = time.perf_counter()
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err):
                lines = data.decode("latin-1").splitlines(keepends=True)
                reported = [text for _, _, text, _ in Flake8Checker(None, str(path), lines).run()]
            internal = [text for text in reported if text.startswith("MDB004")]
            if internal:
                report.failures.append((program, f"flake8 plugin: {internal}"))
        except BaseException as e:  # noqa: BLE001
            if isinstance(e, KeyboardInterrupt):
                raise
            report.failures.append((program, "flake8 plugin: " + "".join(traceback.format_exception(e))))
        took = time.perf_counter() - t0
        report.slowest = max(report.slowest, took)
        if took > limit:
            report.failures.append((program, f"took {took:.1f} s (flake8 plugin)"))
        if "Traceback" in err.getvalue() or "internal error" in err.getvalue():
            report.failures.append((program, "flake8 plugin: " + err.getvalue()))
    if "Traceback" in stderr.getvalue() or "internal error" in stderr.getvalue():
        report.failures.append(("<whole batch>", stderr.getvalue()))
    report.seconds = time.perf_counter() - start
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="programs (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="number of the first program (to split a run)")
    parser.add_argument("--batch", type=int, default=200, help="programs per project run (default 200)")
    parser.add_argument("--keep", type=Path, help="write failing programs into this folder")
    parser.add_argument("--save", type=Path, help="also write the generated programs into this folder")
    parser.add_argument("--load", type=Path, help="lint the programs a --save run wrote (no generation)")
    parser.add_argument("--generate-only", action="store_true", help="with --save: generate, lint nothing")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(sys.getrecursionlimit())   # as the CLI runs
    total = Report()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mdblint-fuzz-") as tmp:
        done = args.first
        batch_no = args.first // args.batch
        while done < args.first + args.n:
            size = min(args.batch, args.first + args.n - done)
            g0 = time.perf_counter()
            if args.load:
                programs = [(args.load / f"{done + i:05d}.py").read_text(encoding="utf-8", errors="surrogatepass")
                            for i in range(size) if (args.load / f"{done + i:05d}.py").exists()]
            else:
                programs = generate(size, args.seed * 100_003 + batch_no)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                for i, program in enumerate(programs):
                    (args.save / f"{done + i:05d}.py").write_text(program, encoding="utf-8", errors="surrogatepass")
            generated = time.perf_counter() - g0
            report = Report(programs=len(programs)) if args.generate_only else lint_batch(programs, Path(tmp))
            total.programs += report.programs
            total.seconds += report.seconds
            total.slowest = max(total.slowest, report.slowest)
            total.failures += report.failures
            total.analysed += report.analysed
            for code, count in report.unreadable.items():
                total.unreadable[code] = total.unreadable.get(code, 0) + count
            done += size
            batch_no += 1
            print(f"{done - args.first}/{args.n} programs: {len(total.failures)} failures, batch linted in {report.seconds:.1f} s "
                  f"(generated in {generated:.1f} s), slowest file {total.slowest:.2f} s", flush=True)
    if args.keep and total.failures:
        args.keep.mkdir(parents=True, exist_ok=True)
        for i, (program, what) in enumerate(total.failures):
            (args.keep / f"failure_{i:04d}.py").write_text(program, encoding="utf-8", errors="surrogatepass")
            (args.keep / f"failure_{i:04d}.txt").write_text(what, encoding="utf-8", errors="replace")
    for program, what in total.failures[:20]:
        print("---- program:\n" + program[:2000] + "\n---- failure:\n" + what[-3000:])
    print(f"programs: {total.programs}, failures: {len(total.failures)}, analysed to the end: {total.analysed}, "
          f"reported unreadable: {total.unreadable or 0}, linting: {total.seconds:.1f} s, "
          f"slowest file: {total.slowest:.2f} s, wall: {time.perf_counter() - t0:.1f} s")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
