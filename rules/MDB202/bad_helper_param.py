"""A helper takes the alias as a parameter; the caller passes "other", Subquery() drops it."""
from django.db.models import Subquery

from catalog.models import Book, Person

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda count: count != 1)


def names_on(using):
    return Person.objects.using(using).values("name")


def setup(n):
    Person.objects.using("other").create(name="Editor 0")
    for i in range(n):
        editor = Person.objects.create(name=f"Editor {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=editor)


def scenario():
    return Book.objects.filter(editor__name__in=Subquery(names_on("other"))).count()  # expect: MDB202
