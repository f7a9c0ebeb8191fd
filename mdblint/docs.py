"""The rule catalog's docs: `rules/<CODE>/README.md`, shipped in the wheel as `mdblint/_catalog`."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = "https://github.com/mdblint/mdblint"
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


def doc_url(code: str) -> str:
    """Where a rule's doc is online (an installed copy has no rules/ folder to link to)."""
    return f"{REPOSITORY}/blob/main/rules/{code}/README.md"


def rules_table(links: str = "relative") -> str:
    """The README's rule list, made from the registry and each rule's doc. `links`: "relative"
    (rules/CODE/README.md, for the README) or "url" (the repository's, for `mdblint rule --list`,
    which `mdblint rule CODE` completes offline)."""
    from mdblint.checks import RULES

    rows = ["| code | name | what it finds |", "| --- | --- | --- |"]
    for code, rule in sorted(RULES.items()):
        target = doc_url(code) if links == "url" else f"rules/{code}/README.md"
        rows.append(f"| [{code}]({target}) | {rule.name} | {rule.summary} |")
    return "\n".join(rows) + "\n"
