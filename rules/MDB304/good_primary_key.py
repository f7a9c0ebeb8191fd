"""The primary key is always loaded: reading pk or id on only("title") rows runs no query."""
from catalog.models import Book


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    keys = [(book.pk, book.title) for book in Book.objects.only("title")]
    for book in Book.objects.defer("title", "published"):
        keys.append((book.id, None))
    return keys
