"""The rule catalog's docs: `rules/<CODE>/README.md`, shipped in the wheel as `mdblint/_catalog`."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent / "_catalog"
_CHECKOUT = Path(__file__).parent.parent / "rules"


def catalog_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def rule_doc(code: str) -> str | None:
    path = catalog_dir() / code / "README.md"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None
