"""A rule's README (rules/<CODE>/README.md) split into its `## ` sections, for SARIF's rule
descriptions."""

from __future__ import annotations

from mdblint.docs import rule_doc


def sections(markdown: str) -> dict[str, str]:
    """{heading: body} for each `## heading`; the text before the first one is under "".
    Lines inside ``` fences are never headings. Bodies are stripped."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            current = line[3:].strip()
            found.setdefault(current, [])
            continue
        found[current].append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in found.items()}


def first_paragraph(text: str) -> str:
    """The first paragraph, its lines joined by spaces."""
    return " ".join(text.strip().split("\n\n")[0].split())


def what_it_does(code: str) -> str | None:
    """The README's "What it does" paragraph, on one line; None when there is none."""
    doc = rule_doc(code)
    if not doc:
        return None
    text = sections(doc).get("What it does", "")
    return first_paragraph(text) or None
