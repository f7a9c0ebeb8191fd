"""The one thing every part of mdblint hands around: a finding. Plain data."""

from __future__ import annotations

import abc
import hashlib
from dataclasses import dataclass, field
from typing import Any


class Json(abc.ABC):
    """The type of a JSON value (None, bool, int, float, str, a list of Json, a dict of str to
    Json): a finding's data. An annotation only; the cache checks it on load."""


for _kind in (type(None), bool, int, float, str, list, dict):
    Json.register(_kind)
del _kind


@dataclass(frozen=True, order=True)
class Finding:
    path: str          # relative to the current directory, "/" separators
    line: int          # 1-based
    column: int        # 1-based
    end_line: int
    end_column: int
    code: str
    message: str
    data: dict[str, Json] = field(default_factory=dict, compare=False, hash=False)
    # Stable across line shifts: code, path, the reported code's text (white space folded) and
    # its rank among identical ones in the file. For SARIF partialFingerprints and baselines.
    fingerprint: str = field(default="", compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": self.code, "message": self.message, "data": self.data,
            "fingerprint": self.fingerprint,
        }


def fingerprint(code: str, path: str, text: str, rank: int) -> str:
    key = "\0".join((code, path, " ".join(text.split()), str(rank)))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
