"""A query under a cache check (`if key not in cache: cache[key] = ...`) runs once per key, not once
per row: two publishers, two queries at any n."""
from catalog.models import Book, Publisher


def setup(n):
    publishers = [Publisher.objects.create(name=f"Publisher {i}") for i in range(2)]
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publishers[i % 2])


def scenario():
    names = {}
    for book in Book.objects.all():
        if book.publisher_id not in names:
            names[book.publisher_id] = Publisher.objects.get(pk=book.publisher_id).name
    return sorted(names.values())
