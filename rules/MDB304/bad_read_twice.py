"""The deferred field is read twice per row: the first read queries, the second uses the loaded value."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = []
    for book in Book.objects.only("title"):
        if book.published.year >= 2024:  # expect: MDB304
            dates.append(book.published)
    return dates
