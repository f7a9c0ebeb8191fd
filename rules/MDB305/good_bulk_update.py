"""Rows changed in memory in the loop, written with one bulk_update() after it."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    books = list(Book.objects.all())
    for book in books:
        book.title = book.title.upper()
    Book.objects.bulk_update(books, ["title"])
    return [book.title for book in books]


def check(result):
    return all(title.startswith("BOOK ") for title in result)
