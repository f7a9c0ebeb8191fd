"""Reading a file's bytes into text the way Python would (PEP 263 coding cookies, BOM)."""

from __future__ import annotations

import io
import tokenize
from typing import Any
from dataclasses import dataclass


class SourceError(Exception):
    """The file cannot be turned into text; `code` is its MDB0xx code."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


@dataclass(frozen=True)
class Source:
    data: bytes
    text: str
    encoding: str


def read_source(path: str) -> Source:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise SourceError("MDB001", f"cannot read file: {e.strerror or e}") from None
    return decode(data)


def decode(data: bytes) -> Source:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        raise SourceError("MDB002", f"cannot decode file: {e.msg}") from None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as e:
        line, column = _position(data, getattr(e, "start", 0))
        raise SourceError("MDB002", f"cannot decode file as {encoding}: {e.reason if hasattr(e, 'reason') else e}",
                          line, column) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return Source(data, text, encoding)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


# libcst's parser is native code that recurses once per level of nesting, ~1 KB of stack a
# level, and a level can cost one byte of source (`x = ------a`): past the thread's stack it
# crashes the process (SIGSEGV), which Python cannot catch. Text longer than MAIN_PARSE_BYTES is
# therefore parsed on the deep-stack thread (mdblint.model.on_deep_stack, 512 MB), and text longer
# than DEEP_PARSE_BYTES only after Python's own parser (which stops cleanly) has shown that it is
# nested less deeply than that stack allows.
MAIN_PARSE_BYTES = 3_000       # x 1.1 KB: within a main thread's 8 MB stack
DEEP_PARSE_BYTES = 200_000     # x 1.1 KB: within DEEP_STACK
DEEP_PARSE_LEVELS = 4_000      # levels of nesting the analysis takes on the deep-stack thread (engine.DEEP_LEVELS)


def parse_module(text: str) -> Any:
    """`libcst.parse_module(text)` without risking the stack; RecursionError for code nested
    too deeply for it, ParserSyntaxError and CSTValidationError as libcst raises them."""
    import threading

    import libcst as cst
    from mdblint.model import on_deep_stack

    brackets, characters = longest_statement(text)
    if len(text) > DEEP_PARSE_BYTES or brackets > RISKY_STATEMENT or characters > DEEP_PARSE_LEVELS:
        levels, primaries = nesting(text)
        if levels > DEEP_PARSE_LEVELS or primaries > PRIMARY_LEVELS:
            raise RecursionError("nested too deeply for libcst to parse")
    if len(text) <= MAIN_PARSE_BYTES and threading.current_thread() is threading.main_thread():
        return cst.parse_module(text)
    return on_deep_stack(cst.parse_module, text, limit=None)


# libcst's parser takes time superlinear in how deeply calls, attributes, subscripts and displays
# nest in one expression (a chain `Book.objects.filter()....` of 250 calls: 1.9 s, 500: 18.7 s,
# 1,000: 111 s; 100 nested calls `f(f(...))`: 2.9 s), where Python's parser is linear. Text
# with a statement of more than RISKY_STATEMENT brackets and dots is measured with Python's ast
# first; nested more than PRIMARY_LEVELS deep, libcst is not asked (the file is reported as too
# deeply nested, MDB005, or, if Python cannot compile it either, MDB003).
RISKY_STATEMENT = 200
PRIMARY_LEVELS = 150
_BRACKETS = None


def longest_statement(text: str) -> tuple[int, int]:
    """The most brackets and dots in one logical line of `text`, and the most characters (a
    line break inside brackets continues it; strings and comments are not told apart: an
    over-estimate of how deeply it can nest, each level taking at least one character)."""
    import re

    global _BRACKETS
    if _BRACKETS is None:
        _BRACKETS = re.compile(r"[([{.]|[)\]}]|\n")
    most = count = depth = start = longest = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char == "\n":
            if depth <= 0:
                most, count, depth = max(most, count), 0, 0
                longest, start = max(longest, match.start() - start), match.start()
        elif char in ")]}":
            depth -= 1
        else:
            count += 1
            depth += char != "."
    return max(most, count), max(longest, len(text) - start)


_PRIMARIES = None


def nesting(text: str) -> tuple[int, int]:
    """From Python's ast: how deep libcst's tree of `text` can be, at most (a chain of `and`, `or`
    or comparisons is one ast node, in libcst one level per operator, and adjacent string literals
    one constant, in libcst one level per literal), and how deeply calls, attributes, subscripts
    and displays nest. Text that Python's parser rejects counts as its length for both (one level
    a character: the worst case), unless it is a syntax error (0, 0: libcst reports it)."""
    import ast

    global _PRIMARIES
    if _PRIMARIES is None:
        _PRIMARIES = (ast.Attribute, ast.Call, ast.Subscript, ast.List, ast.Tuple, ast.Set, ast.Dict,
                      ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    try:
        tree = ast.parse(text)
    except (RecursionError, MemoryError):
        return len(text), len(text)
    except (SyntaxError, ValueError):
        return 0, 0
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    deepest = primaries = 0
    stack: list[tuple[ast.AST, int, int]] = [(tree, 1, 0)]
    while stack:
        node, depth, primary = stack.pop()
        if isinstance(node, _PRIMARIES):
            primary += 1
            primaries = max(primaries, primary)
        if isinstance(node, ast.BoolOp):
            depth += len(node.values)
        elif isinstance(node, ast.Compare):
            depth += len(node.ops)
        elif isinstance(node, ast.JoinedStr):
            depth += 2
        if isinstance(node, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(node, "value", ""), (str, bytes)):
            try:   # adjacent literals ("a" "b" ...): libcst nests one level per literal
                begin = starts[node.lineno - 1] + node.col_offset
                end = starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[operator]
                depth += _literals(text[begin:end])
            except (IndexError, TypeError):
                depth += len(text)
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1, primary) for child in ast.iter_child_nodes(node))
    return deepest, primaries


def _literals(segment: str) -> int:
    """How many string literals make up the constant whose source is `segment` (adjacent
    literals are one constant in Python's tree): counted from its tokens when it is long, at
    most one per 2 characters (the shortest literal, `""`) when short or not tokenizable."""
    if len(segment) <= 64:
        return len(segment) // 2
    import io
    import tokenize

    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_START", tokenize.STRING)}
    try:
        return sum(1 for tok in tokenize.generate_tokens(io.StringIO("(" + segment + ")").readline)
                   if tok.type in kinds)
    except (tokenize.TokenError, SyntaxError, ValueError):
        return len(segment) // 2
