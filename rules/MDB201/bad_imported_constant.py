"""An `__in` subquery bound through a constant imported from another project module."""
from bookstore_site.settings import ARCHIVE_DB
from catalog.models import Book, Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")


def setup(n):
    for i in range(n):
        Person.objects.using(ARCHIVE_DB).create(name=f"Archivist {i}")


def scenario():
    archived = Person.objects.using(ARCHIVE_DB).filter(name__startswith="Archivist")
    return Book.objects.using("default").filter(editor__in=archived).count()  # expect: MDB201
