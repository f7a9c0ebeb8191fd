"""Loops that read only the fields named in only() (the foreign key's column included): one query each."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    lines = [f"{book.title}: {book.published}" for book in Book.objects.only("title", "published")]
    for book in Book.objects.only("title", "publisher"):
        lines.append(f"{book.title} ({book.publisher_id})")
    return lines
