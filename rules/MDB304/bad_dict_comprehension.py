"""A dict comprehension over only("title") maps each title to its deferred published date."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    return {book.title: book.published for book in Book.objects.only("title")}  # expect: MDB304
