"""A later only() replaces an earlier one: only("title").only("published") loads published."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    dates = []
    for book in Book.objects.only("title").only("published"):
        dates.append(book.published)
    return dates
