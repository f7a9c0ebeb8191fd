"""The fast walk skips only white space and punctuation: every node that can hold code is
visited, checked against libcst's own visitor on real files."""

from __future__ import annotations

from pathlib import Path

import django
import libcst as cst
import pytest

from mdblint.analysis.walk import children

CODE_BEARING = (
    cst.BaseExpression, cst.BaseStatement, cst.BaseSmallStatement, cst.BaseSuite, cst.Arg, cst.Param,
    cst.Decorator, cst.ImportAlias, cst.AsName, cst.AssignTarget, cst.WithItem, cst.ExceptHandler,
    cst.ExceptStarHandler, cst.CompFor, cst.CompIf, cst.SubscriptElement, cst.BaseSlice, cst.BaseElement,
    cst.BaseDictElement, cst.Annotation, cst.Parameters, cst.MatchCase, cst.FormattedStringExpression,
)
DJANGO = Path(django.__file__).parent
FILES = ["db/models/query.py", "db/models/base.py", "contrib/admin/options.py", "utils/functional.py"]
EXTRA = '''
async def f(a, /, b: int = 1, *args, c, **kw) -> None:
    async with x as (y, z), w:
        async for i in aiter():
            pass
    match p:
        case {"k": [1, *rest]} | Point(x=0) if rest:
            pass
    try:
        pass
    except* ValueError as e:
        pass
    lambda q=1: q
    print(f"{a!r:>{b}}", *args, **kw)
    del a[1:2, ::3]
    global g
    x: int
    [v async for v in it if v]
    {k: v for k, v in d}
    (yield)
    return (await z) @ w
'''


def visited_by_libcst(module):
    seen = []

    class Collect(cst.CSTVisitor):
        def on_visit(self, node):
            seen.append(node)
            return True

    module.visit(Collect())
    return seen


def visited_by_walk(module):
    seen, stack = [], [module]
    while stack:
        node = stack.pop()
        seen.append(node)
        stack.extend(children(node))
    return seen


@pytest.mark.parametrize("source", FILES + ["EXTRA"])
def test_walk_visits_every_code_bearing_node(source):
    text = EXTRA if source == "EXTRA" else (DJANGO / source).read_text(encoding="utf-8")
    module = cst.parse_module(text)
    ours = {id(n) for n in visited_by_walk(module)}
    missed = [n for n in visited_by_libcst(module) if id(n) not in ours]
    assert not [type(n).__name__ for n in missed if isinstance(n, CODE_BEARING)]
