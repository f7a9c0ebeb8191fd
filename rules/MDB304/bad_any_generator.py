"""any() over a generator expression reading a deferred field; no row matches, so every row is read."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return any(book.published.year < 2000 for book in Book.objects.only("title"))  # expect: MDB304
