"""Django 6.1's `fetch_mode(FETCH_PEERS)` loads a forward key or a deferred field for all the rows
fetched together: mdblint does not report those reads (MDB301, MDB304), and still reports related
managers (MDB302), which it does not batch. Checked under Django where it exists (6.1+)."""

from __future__ import annotations

import django
import pytest

from mdblint.checks import select_rules
from mdblint.engine import Linter
from mdblint.runtime import run_fixtures
from tests.helpers import REPO, load_sample

PEERS = '''"""fetch_mode(FETCH_PEERS): one query per relation or deferred field, for all rows."""
from django.db import models

from catalog.models import Book, Person, Pet, Publisher


def setup(n):
    for i in range(n):
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    publishers = [b.publisher.name for b in Book.objects.fetch_mode(models.FETCH_PEERS)]
    dates = [b.published for b in Book.objects.only("title").fetch_mode(models.FETCH_PEERS)]
    return publishers, dates
'''

MANAGERS = '''"""fetch_mode(FETCH_PEERS) does not batch related managers: one query per person."""
from django.db import models

from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Pet.objects.create(name=f"Pet {i}", owner=Person.objects.create(name=f"Owner {i}"))


def scenario():
    return [p.pet_set.count() for p in Person.objects.fetch_mode(models.FETCH_PEERS)]  # expect: MDB302
'''


def _lint(tmp_path, name: str, text: str) -> list[tuple[int, str]]:
    path = tmp_path / name
    path.write_text(text)
    findings = Linter(load_sample("bookstore"), select_rules(["MDB3"])).lint_path(path)[0]
    return [(f.line, f.code) for f in findings]


def test_mdblint_trusts_fetch_peers_for_keys_and_fields_only(tmp_path):
    assert _lint(tmp_path, "good_peers.py", PEERS) == []
    assert _lint(tmp_path, "bad_managers.py", MANAGERS) == [(16, "MDB302")]
    assert _lint(tmp_path, "bad_one.py", PEERS.replace("FETCH_PEERS", "FETCH_ONE")) == [(16, "MDB301"), (17, "MDB304")]


@pytest.mark.skipif(django.VERSION < (6, 1), reason="fetch_mode() is new in Django 6.1")
def test_django_batches_keys_and_fields_but_not_managers(tmp_path):
    (tmp_path / "good_peers.py").write_text(PEERS)
    (tmp_path / "bad_managers.py").write_text(MANAGERS)
    (tmp_path / "bad_one.py").write_text(PEERS.replace("FETCH_PEERS", "FETCH_ONE").replace(
        '"""', '"""FETCH_ONE: ', 1).replace("def setup", "from mdblint.runtime.oracles import queries_grow\n\n"
                                               "ORACLE = queries_grow()\n\n\ndef setup"))
    reports = run_fixtures([tmp_path / "good_peers.py", tmp_path / "bad_managers.py", tmp_path / "bad_one.py"],
                           REPO / "samples" / "bookstore")
    assert [(r.ok, r.explanation) for r in reports] == [(True, r.explanation) for r in reports]


RAISE = '''"""fetch_mode(FETCH_RAISE): a lazy read raises FieldFetchBlocked; related managers still query."""
from django.db import models

from catalog.models import Person, Pet


def scenario():
    owners = [p.owner.name for p in Pet.objects.fetch_mode(models.FETCH_RAISE)]
    selected = [p.owner.name for p in Pet.objects.select_related("owner").fetch_mode(models.FETCH_RAISE)]
    counts = [p.pet_set.count() for p in Person.objects.fetch_mode(models.FETCH_RAISE)]
    return owners, selected, counts
'''


def test_fetch_raise_is_not_fetch_peers(tmp_path):
    # FETCH_RAISE was read as FETCH_PEERS (anything but FETCH_ONE batched): the blocked read was silent.
    assert _lint(tmp_path, "bad_raise.py", RAISE) == [(8, "MDB308"), (10, "MDB302")]
