"""mdblint/analysis/orm_api.py is what scripts/gen_orm_api.py makes of the installed django-stubs,
and the policy in vocab.py names real methods and agrees with what Django marks as writing."""

from __future__ import annotations

import ast
import importlib.util
import sys

import pytest

from mdblint.analysis import orm_api, vocab
from tests.helpers import REPO

SCRIPT = REPO / "scripts" / "gen_orm_api.py"
MODULE = REPO / "mdblint" / "analysis" / "orm_api.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_orm_api", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_orm_api", module)
    spec.loader.exec_module(module)
    return module


def test_generated_module_matches_the_installed_stubs():
    gen = _generator()
    try:
        stubs, version = gen.find_stubs()
    except SystemExit as exc:   # not installed: the test extra brings it
        pytest.skip(f"{exc} (pip install -e '.[test]')")
    text = gen.render(stubs, version)
    assert text == MODULE.read_text(), (
        f"mdblint/analysis/orm_api.py was generated from django-stubs {orm_api.STUBS_VERSION}, and differs from "
        f"what the installed django-stubs {version} gives: run `python scripts/gen_orm_api.py` (and review "
        f"vocab.py's policy against the new sets) or install django-stubs=={orm_api.STUBS_VERSION}"
    )


def test_orm_api_imports_nothing_and_vocab_only_orm_api():
    tree = ast.parse(MODULE.read_text())
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    tree = ast.parse((REPO / "mdblint" / "analysis" / "vocab.py").read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Import)]
    assert imported <= {"__future__", "mdblint.analysis.orm_api"}


STUB_METHODS = frozenset().union(*(
    names for api in (orm_api.QUERYSET, orm_api.RAW_QUERYSET, orm_api.MANAGER, orm_api.RELATED_MANAGER,
                      orm_api.MODEL, orm_api.USER_MANAGER) for names in api.values()))


# The sets vocab.py defines (not those it imports from orm_api), policy sets included.
SETS = sorted(n for n, v in vars(vocab).items()
              if n.isupper() and n not in vars(orm_api) and isinstance(v, (frozenset, dict)))


@pytest.mark.parametrize("name", SETS)
def test_every_name_in_the_vocabulary_is_a_django_method(name):
    """Policy sets too: a misspelt name would silently match nothing."""
    value = getattr(vocab, name)
    if name.endswith("NOT_YET"):
        assert value, "an empty policy set: remove it"
    known = set(orm_api.TRANSACTION_USING) if name in ("USING_POSITION", "_TRANSACTION_NOT_YET") else STUB_METHODS
    assert set(value) <= known, sorted(set(value) - known)


def test_queryset_writes_are_the_methods_django_marks_alters_data():
    """The policy that update()/delete()/bulk_update() write (the stubs type them like count()) agrees
    with the installed Django's own mark on QuerySet's methods."""
    from django.db.models.query import QuerySet

    marked = {n for n in dir(QuerySet) if not n.startswith("_") and getattr(getattr(QuerySet, n), "alters_data", False)}
    user_manager = frozenset().union(*orm_api.USER_MANAGER.values())
    assert vocab.WRITES - user_manager == marked
