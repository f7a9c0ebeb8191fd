"""The deferred field is assigned on the row before it is read: no query (then saved with bulk_update)."""
import datetime

from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    books = list(Book.objects.only("title"))
    lines = []
    for book in books:
        book.published = datetime.date(2025, 1, 1)
        lines.append(f"{book.title}: {book.published}")
    Book.objects.bulk_update(books, ["published"])
    return lines


def check(result):
    return all(line.endswith(": 2025-01-01") for line in result)
