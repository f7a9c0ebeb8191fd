"""A helper returns a queryset bound to "other"; Subquery() of it runs on "replica"."""
from django.db.models import Subquery

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda count: count != 1)


def archived_names():
    return Person.objects.using("other").values("name")


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    return Book.objects.filter(editor__name__in=Subquery(archived_names())).count()  # expect: MDB202
