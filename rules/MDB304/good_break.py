"""The deferred field is read only in the branch that breaks out of the loop."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    found = None
    for book in Book.objects.defer("published"):
        if book.title == "Book 1":
            found = book.published
            break
    return found
