"""The inner queryset comes from `.db_manager("other")`, the outer one is pinned to "default"."""
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.db_manager("other").create(name=f"Archived {i}")


def scenario():
    archive = Person.objects.db_manager("other")
    return Book.objects.using("default").filter(editor__in=archive.all()).exists()  # expect: MDB201
