"""The project index: files in syntax newer than the running Python's `ast` are still indexed."""

from __future__ import annotations

from mdblint.project.lowering import lowered
from mdblint.project.summary import summarize

NEWER = '''\
from django.db import models

type Alias = dict[str, int]
REPLICA = "replica"


def first[T](items: list[T]) -> T:
    return items[0]


class Box[T](models.Model):
    def label(self) -> str:
        return f"{"nested" + f'{self.pk}'}"


def helper(qs):
    return qs.using(REPLICA)
'''


def test_newer_syntax_is_indexed_not_dropped():
    summary = summarize(NEWER, "app.newer")
    assert not summary.broken, summary.error
    assert summary.classes["Box"].bases
    assert summary.facts.string_constants == {"REPLICA": ("replica", 4)}
    units = {u.name: u for u in summary.facts.units}
    assert units["helper"].start == 16 and "using" in units["helper"].names, "lines are kept"
    assert units["label"].cls == "Box"


def test_lowering_keeps_lines_and_rejects_real_errors():
    tree = lowered(NEWER)
    assert tree is not None
    assert max(n.lineno for n in tree.body) == 16
    assert lowered("def f(:\n    pass\n") is None
    assert summarize("def f(:\n    pass\n", "x").broken
