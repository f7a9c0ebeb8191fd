"""The loop is in a function that receives the queryset as a parameter; the caller passes only("title")."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def publication_dates(books):
    return [book.published for book in books]  # expect: MDB304


def scenario():
    return publication_dates(Book.objects.only("title"))
