"""A list comprehension over defer("title") reads the deferred title of every book."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return [book.title.upper() for book in Book.objects.defer("title")]  # expect: MDB304
