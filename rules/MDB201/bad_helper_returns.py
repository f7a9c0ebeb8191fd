"""A helper defined next to the caller returns a queryset bound to "other"."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def archived_editors():
    return Person.objects.using("other").filter(name__startswith="Archived")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    return Book.objects.filter(editor__in=archived_editors()).count()  # expect: MDB201
