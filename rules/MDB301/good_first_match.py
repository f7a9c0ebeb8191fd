"""A loop that returns on its first match reads the relation once, whatever the row count."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    for book in Book.objects.order_by("title"):
        if book.title.startswith("Book"):
            return book.publisher.name
    return None
