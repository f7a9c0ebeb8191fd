"""only() naming a foreign key's column (publisher_id) loads it like only("publisher")."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01",
                            publisher=Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    return [(book.title, book.publisher_id) for book in Book.objects.only("title", "publisher_id")]
