"""A for loop over Book.objects.only("title") reads the deferred published date: one query per row."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = []
    for book in Book.objects.only("title"):
        dates.append(book.published)  # expect: MDB304
    return dates
