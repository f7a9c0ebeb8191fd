"""A helper of the module returns a queryset with only("title"); the caller's loop reads published."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def book_titles():
    return Book.objects.only("title").order_by("title")


def scenario():
    dates = []
    for book in book_titles():
        dates.append(book.published)  # expect: MDB304
    return dates
