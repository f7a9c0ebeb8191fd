"""The deferred field is read only in the branch that returns from the loop: one read whatever the row count."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    for book in Book.objects.only("title"):
        if book.title.startswith("Book"):
            return book.published
    return None
