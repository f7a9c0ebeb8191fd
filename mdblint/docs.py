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


def rules_table() -> str:
    """The README's rule list, made from the registry and each rule's doc (`mdblint rule --list`)."""
    from mdblint.checks import RULES

    rows = ["| code | name | what it finds |", "| --- | --- | --- |"]
    for code, rule in sorted(RULES.items()):
        rows.append(f"| [{code}](rules/{code}/README.md) | {rule.name} | {rule.summary} |")
    return "\n".join(rows) + "\n"
