"""Where reports go, and how a run ends when the stream does: the output file (its folder made
on demand), a reader that stops early (`mdblint . | head -1`), and exit codes that never say
"findings" for a crash.

Exit codes: 0 no findings, 1 findings, 2 usage error or internal error (130 on Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Callable, Iterator, TextIO

from mdblint.model import UsageError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


@contextlib.contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or `path` opened for writing; a missing folder is created. A folder, or a path
    that cannot be written, is a UsageError (one line, exit 2)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    if path.is_dir():
        raise UsageError(f"--output-file {path}: is a directory")
    if os.path.lexists(path.parent) and not os.path.isdir(path.parent):
        raise UsageError(f"--output-file {path}: {path.parent} is not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A file name that is not UTF-8 is written as its bytes, as on a terminal (JSON and XML escape it).
        out = open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as e:
        raise UsageError(f"--output-file {path}: {e.strerror or e}") from None
    with out:
        yield out


def _names_as_bytes() -> None:
    """stdout writes a file name that is not UTF-8 (os.fsdecode's surrogates) as its bytes, as
    `ls` does, in any locale (in C.UTF-8 Python does so already; in en_US.UTF-8 it would raise)."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        if sys.stdout.errors == "strict":
            sys.stdout.reconfigure(errors="surrogateescape")


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null, so that the interpreter's own flush at
    exit does not fail once more (and print "Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):   # not a real file descriptor (tests, IDEs)
        pass


def run(main: Callable[[], int], debug: bool = False) -> int:
    """Call `main` and turn what escapes it into an exit code with at most one line on stderr:
    a closed pipe ends quietly (the code the run had reached), a usage error is 2, any other
    exception is an internal error, 2 (its traceback only with MDBLINT_DEBUG set)."""
    try:
        _names_as_bytes()
        code = main()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_FINDINGS if _pending.findings else EXIT_CLEAN
    except UsageError as e:
        _say(f"mdblint: error: {e}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("mdblint: interrupted")
        return EXIT_INTERRUPTED
    except Exception as e:
        if debug or os.environ.get("MDBLINT_DEBUG"):
            import traceback
            traceback.print_exc()
        _say(f"mdblint: internal error: {type(e).__name__}: {e} (please report it; MDBLINT_DEBUG=1 shows the traceback)")
        return EXIT_ERROR


class _Pending:
    """What the run has found so far, for the exit code of a run cut short by a closed pipe."""
    findings = False


_pending = _Pending()


def found_findings(value: bool) -> None:
    _pending.findings = value


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
