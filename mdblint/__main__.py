"""The `mdblint` command (and `python -m mdblint`): `mdblint server` starts the language server
(mdblint.server, the `server` extra); anything else is the CLI (mdblint.cli)."""

from __future__ import annotations

import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["server"]:
        from mdblint.server import main as serve

        return serve(argv[1:])
    from mdblint.cli import main as cli

    return cli(argv)


if __name__ == "__main__":
    raise SystemExit(main())
