"""The deferring queryset is built in steps in a local variable before the loop."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    books = Book.objects.only("title")
    books = books.filter(title__startswith="Book")
    dates = []
    for book in books:
        dates.append(book.published)  # expect: MDB304
    return dates
