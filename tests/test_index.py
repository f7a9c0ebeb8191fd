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


def test_the_module_unit_lists_every_name_called_bare_anywhere():
    # The interpreter reads a module's called names from here (a view nothing calls is Django's
    # entry point), so it must see calls the check gate blanks: in nested functions, class
    # bodies, decorators, defaults and lambdas; `obj.name()` is not a bare call.
    import ast
    import textwrap

    from mdblint.project.units import module_facts
    text = textwrap.dedent("""
        @decorate(arg())
        def outer(x=default()):
            def inner():
                return deep()
            return lambda: late()

        class C(Base(factory())):
            attr = in_class()
            def method(self):
                self.not_bare()
                return method_call()

        top()
    """)
    facts = module_facts(ast.parse(text), text)
    (module,) = [u for u in facts.units if u.kind == "module"]
    assert set(module.called) == {"decorate", "arg", "default", "deep", "late", "Base", "factory",
                                  "in_class", "method_call", "top"}
