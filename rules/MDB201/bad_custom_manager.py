"""Person.objects.archived() is a custom manager method returning `.using("other")`."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    return list(Book.objects.filter(editor__in=Person.objects.archived()))  # expect: MDB201
