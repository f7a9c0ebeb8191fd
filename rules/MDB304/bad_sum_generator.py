"""sum() over a generator expression reading the title that only("published") deferred."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return sum(len(book.title) for book in Book.objects.only("published"))  # expect: MDB304
