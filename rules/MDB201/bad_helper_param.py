"""A helper takes the alias as a parameter; the caller passes "other"."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def people_on(using):
    return Person.objects.using(using).filter(name__startswith="Archived")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    return Book.objects.using("default").filter(editor__in=people_on("other")).count()  # expect: MDB201
