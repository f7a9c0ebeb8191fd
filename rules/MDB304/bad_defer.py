"""A for loop over Book.objects.defer("published") reads the deferred field on every row."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    lines = []
    for book in Book.objects.defer("published"):
        lines.append(f"{book.title}: {book.published}")  # expect: MDB304
    return lines
