"""A helper whose parameter is annotated list[Book] reloads every book with refresh_from_db()."""
from catalog.models import Book

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def reload_all(books: list[Book]) -> list[str]:
    for book in books:
        book.refresh_from_db()  # expect: MDB305
    return [book.title for book in books]


def scenario():
    return reload_all(list(Book.objects.all()))
