"""mdblint.analysis.walk.Positions gives exactly libcst's PositionProvider positions, computed per
top-level statement (tests/../bench: a full positioned code generation costs about 4x a plain one)."""

from __future__ import annotations

import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from mdblint.analysis.walk import Positions
from mdblint.source import parse_module

CASES = {
    "plain": "import os\n\n\ndef f(x):\n    return x + 1\n\n\nclass C:\n    a = 1\n\n    def m(self):\n        pass\n",
    "crlf": "# header\r\nx = 1\r\n\r\ndef f():\r\n    return (\r\n        2)\r\n",
    "no trailing newline": "a = 1\nb = [\n    1,\n    2]\nif a:\n    b = 2",
    "tabs and semicolons": "if True:\n\tx = 1; y = 2\n\tz = '''a\nb'''\nw = x\n",
    "comments and decorators": "#!/usr/bin/env python\n# a\n\n@dec\n# inner\n@dec2(1)\ndef g():  # c\n    '''doc'''\n\n\n# trailing\n",
    "continuations": "x = 1 + \\\n    2\ny = f'{x}'\\\n    'z'\n",
    "empty": "",
    "only comments": "# one\n# two\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_positions_equal_libcsts(name: str) -> None:
    module = parse_module(CASES[name])
    want = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    got = Positions(module)
    for node, where in want.items():
        assert got.get(node) == where, (type(node).__name__, where, got.get(node))
        assert got[node] == where


def test_a_node_of_another_module_is_not_found() -> None:
    positions = Positions(parse_module("x = 1\n"))
    other = parse_module("y = 2\n").body[0]
    assert positions.get(other) is None
    with pytest.raises(KeyError):
        positions[other]
    assert other not in positions and positions.module.body[0] in positions
