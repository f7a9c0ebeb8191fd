"""The loop keeps the first book's publisher and leaves at the first book whose publisher is not
that same object (`is not`). A publisher read that queries loads a new object, so the loop
leaves at the second book whose publisher it loads: two publisher queries at most, whatever the
number of books (netbox's bulk-edit forms pick a shared site this way)."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    shared = None
    for book in Book.objects.all():
        publisher = book.publisher
        if shared is None:
            shared = publisher
        elif publisher is not shared:
            shared = None
            break
    return shared
