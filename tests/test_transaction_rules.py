"""MDB404-MDB407 and ATOMIC_REQUESTS: behaviour beyond the catalog's fixtures (what stays silent,
what the findings say)."""

from __future__ import annotations

import textwrap

from mdblint.engine import lint_source
from tests.helpers import SAMPLES, load_sample


def lint(source: str, select: str, sample: str = "bookstore", path: str = "catalog/probe.py"):
    project = load_sample(sample)
    return lint_source(textwrap.dedent(source), SAMPLES / sample / path, project, [select])


HEAD = """\
from django.db import transaction
from catalog.models import Publisher
"""


def test_mdb404_outside_every_block_is_silent():
    # The function may run inside a caller's atomic block on "other": not proven.
    assert lint(HEAD + """
def lock(pk):
    return Publisher.objects.using("other").select_for_update().get(pk=pk)
""", "MDB404") == []


def test_mdb404_unevaluated_or_unknown_alias_is_silent():
    assert lint(HEAD + """
def lock(pk, db):
    with transaction.atomic():
        qs = Publisher.objects.using("other").select_for_update()
        other = Publisher.objects.using(db).select_for_update().get(pk=pk)
    return qs
""", "MDB404") == []


def test_mdb404_reports_the_alias_and_the_block():
    findings = lint(HEAD + """
def lock(pk):
    with transaction.atomic(using="default"):
        return list(Publisher.objects.using("other").select_for_update())
""", "MDB404")
    assert [(f.line, f.code) for f in findings] == [(6, "MDB404")]
    assert "'other'" in findings[0].message and "'default'" in findings[0].message
    assert "TransactionManagementError" in findings[0].message


def test_mdb404_values_list_and_related_manager_keep_the_lock():
    findings = lint(HEAD + """
def lock(owner):
    owner = Publisher.objects.using("other").get(pk=1)
    with transaction.atomic():
        names = list(Publisher.objects.using("other").select_for_update().values_list("name", flat=True))
        books = owner.book_set.select_for_update().first()
""", "MDB404")
    assert [f.line for f in findings] == [7, 8]
