"""Subquery() over names read from "other": Django drops the inner .using() and runs the
subquery on the outer query's database ("replica"), where every editor's name is found."""
from django.db.models import Subquery

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

# Only "Editor 0" is archived, so one book should match; the subquery reads the primary's
# editors instead and every book matches.
ORACLE = wrong_result(lambda count: count != 1)


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    archived_names = Person.objects.using("other").values("name")
    return Book.objects.filter(editor__name__in=Subquery(archived_names)).count()  # expect: MDB202
