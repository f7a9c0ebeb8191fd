"""Newer syntax for an older `ast`: a file that the running Python cannot parse but libcst can
(PEP 695 type parameters and `type` statements, PEP 701 f-strings, on Python 3.11) is rewritten
by libcst into code this Python parses, keeping every line where it was, so that the index
still has its facts instead of dropping the file.

What is lost is only what the index never reads: type parameters, and the text inside
f-strings (replaced by an empty string literal spanning the same lines).
"""

from __future__ import annotations

import ast

import libcst as cst

from mdblint.source import decode, parse_module


class _Lower(cst.CSTTransformer):
    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        if getattr(updated, "type_parameters", None) is not None:
            return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))
        return updated

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        if getattr(updated, "type_parameters", None) is not None:
            return updated.with_changes(type_parameters=None, whitespace_after_type_parameters=cst.SimpleWhitespace(""))
        return updated

    def leave_TypeAlias(self, original: cst.CSTNode, updated: cst.CSTNode) -> cst.CSTNode:
        # `type X[T] = value` -> `X = value`
        return cst.Assign(targets=[cst.AssignTarget(updated.name)], value=updated.value)

    def leave_FormattedString(self, original: cst.FormattedString, updated: cst.FormattedString) -> cst.BaseExpression:
        newlines = cst.Module([]).code_for_node(original).count("\n")
        return cst.SimpleString('"""' + "\n" * newlines + '"""' if newlines else '""')


def lowered(source: bytes | str) -> ast.Module | None:
    """`source` parsed by this Python's `ast` after libcst rewrote newer syntax, lines kept; None if
    libcst cannot parse it either (a real syntax error) or the rewrite does not parse."""
    try:
        # source.parse_module: deeply nested text must not overflow the native parser's stack
        module = parse_module(decode(source).text if isinstance(source, bytes) else source)
        text = module.visit(_Lower()).code
        tree = ast.parse(text)
    except Exception:   # libcst rejects it too, or the rewrite does not parse: a broken file
        return None
    original_lines = (source.decode("utf-8", "replace") if isinstance(source, bytes) else source).count("\n")
    return tree if text.count("\n") == original_lines else None
