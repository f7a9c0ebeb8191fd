"""The one thing every part of mdblint hands around: a finding. Plain, picklable data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Finding:
    path: str          # relative to the current directory, "/" separators
    line: int          # 1-based
    column: int        # 1-based
    end_line: int
    end_column: int
    code: str
    message: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": self.code, "message": self.message, "data": self.data,
        }
