"""Reading a file's bytes into text the way Python would (PEP 263 coding cookies, BOM)."""

from __future__ import annotations

import io
import tokenize
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
