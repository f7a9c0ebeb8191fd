"""A set comprehension over only("title") collects the deferred published dates."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return {book.published for book in Book.objects.only("title")}  # expect: MDB304
