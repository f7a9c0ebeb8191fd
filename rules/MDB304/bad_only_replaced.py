"""A second only() replaces the first: only("title").only("published") defers the title."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    titles = []
    for book in Book.objects.only("title").only("published"):
        titles.append(book.title)  # expect: MDB304
    return titles
