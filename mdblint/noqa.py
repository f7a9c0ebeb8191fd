"""`# noqa` for the command line, exactly as flake8 applies it to plugins.

flake8 (processor.py, violation.py) searches a finding's "noqa line" with NOQA_INLINE: the
physical line, or, when the line is part of a token range between two NL/NEWLINE tokens (a
multi-line string, a backslash continuation), all the lines of that range joined. Lines inside
brackets end in NL tokens, so each is its own range. Codes are compared as written: a finding is
suppressed by a bare `# noqa`, or when its code starts with one listed (`# noqa: MDB5`).
`# flake8: noqa` (or `# mdblint: noqa`) at the start of a line skips the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from mdblint.findings import Finding
from mdblint.source import SourceError, decode

# flake8's defaults.NOQA_INLINE_REGEXP and NOQA_FILE (plus our own name for the latter).
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# (?:flake8|mdblint)[:=]\s*noqa", re.IGNORECASE)
MAYBE = re.compile(rb"noqa", re.IGNORECASE)   # files without it need no work


def lines_of(data: bytes) -> list[str]:
    """The file's lines as flake8 reads them: decoded (latin-1 if that fails), universal newlines."""
    try:
        text = decode(data).text
    except SourceError:
        text = data.decode("latin-1")
    return io.StringIO(text, newline=None).readlines()


def line_ranges(lines: list[str]) -> dict[int, tuple[int, int]]:
    """line -> (first, last) physical line of its token range (flake8's _noqa_line_mapping)."""
    it = iter(lines)
    try:
        tokens = list(tokenize.generate_tokens(lambda: next(it)))
    except (tokenize.TokenError, SyntaxError):
        return {}
    ranges: dict[int, tuple[int, int]] = {}
    low, high = len(lines) + 2, -1
    for tok in tokens:
        if tok.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        low, high = min(low, tok.start[0]), max(high, tok.end[0])
        if tok.type in (tokenize.NL, tokenize.NEWLINE):
            for line in range(low, high + 1):
                ranges[line] = (low, high)
            low, high = len(lines) + 2, -1
    return ranges


@dataclass
class Directive:
    line: int                     # the physical line the comment is on
    codes: list[str] | None       # None: bare `# noqa`
    used: set[str]


def _split(codes: str) -> list[str]:
    # flake8's utils.parse_comma_separated_list
    return [c for c in (part.strip() for part in re.split(r"[,\s]", codes)) if c]


class NoqaFile:
    def __init__(self, data: bytes) -> None:
        self.lines = lines_of(data)
        self.skip = any(NOQA_FILE.match(line) for line in self.lines)
        self.ranges = line_ranges(self.lines)
        self.directives: dict[tuple[int, int], Directive | None] = {}

    def directive(self, line: int) -> Directive | None:
        first, last = self.ranges.get(line, (line, line))
        if (first, last) not in self.directives:
            text = "".join(self.lines[first - 1:last])
            match = NOQA_INLINE.search(text)
            found = None
            if match:
                codes = match.group("codes")
                found = Directive(first + text.count("\n", 0, match.start()),
                                  None if codes is None else _split(codes), set())
            self.directives[first, last] = found
        return self.directives[first, last]

    def suppresses(self, finding: Finding) -> bool:
        d = self.directive(finding.line)
        if d is None:
            return False
        if d.codes is None:
            return True
        hits = [c for c in d.codes if finding.code.startswith(c)]
        d.used.update(hits)
        return bool(hits)

    def unused(self, selected: frozenset[str]) -> list[tuple[int, list[str]]]:
        """(line, codes) of MDB codes listed in a `# noqa` that suppressed nothing. Only codes of
        selected rules count; a bare `# noqa` is never unused (other linters share it)."""
        for number in range(1, len(self.lines) + 1):
            if NOQA_INLINE.search(self.lines[number - 1]):
                self.directive(number)
        out = []
        for d in self.directives.values():
            if d is None or d.codes is None:
                continue
            idle = [c for c in d.codes if c.upper().startswith("MDB") and c not in d.used
                    and any(code.startswith(c.upper()) for code in selected)]
            if idle:
                out.append((d.line, idle))
        return sorted(out)


def apply(data: bytes, findings: list[Finding], selected: frozenset[str] = frozenset(),
          want_unused: bool = False) -> tuple[list[Finding], list[tuple[int, list[str]]]]:
    """The findings no `# noqa` suppresses, and (with `want_unused`) the unused directives."""
    if not MAYBE.search(data):
        return findings, []
    file = NoqaFile(data)
    if file.skip:
        return [], []
    kept = [f for f in findings if not file.suppresses(f)]
    return kept, file.unused(selected) if want_unused else []
