"""The rows are materialised with list() first; the deferred field is still loaded row by row."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    books = list(Book.objects.only("title"))
    dates = []
    for book in books:
        dates.append(book.published)  # expect: MDB304
    return dates
