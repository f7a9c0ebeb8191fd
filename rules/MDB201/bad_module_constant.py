"""A module constant names the archive; `pk__in` over its ids, inside exclude()."""
from catalog.models import Book

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Subqueries aren't allowed across different databases")

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")
        Book.objects.using(ARCHIVE).create(title=f"Book {i}", published="2024-01-01")


def scenario():
    archived_ids = Book.objects.using(ARCHIVE).values_list("pk", flat=True)
    return Book.objects.exclude(pk__in=archived_ids).count()  # expect: MDB201
