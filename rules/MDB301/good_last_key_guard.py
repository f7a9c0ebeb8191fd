"""A relation read only when the row's key differs from the last one seen (rows ordered by that
key) runs once per distinct key, not once per row: two publishers, two queries at any n."""
from catalog.models import Book, Publisher


def setup(n):
    publishers = [Publisher.objects.create(name=f"Publisher {i}") for i in range(2)]
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publishers[i % 2])


def scenario():
    lines, last = [], None
    for book in Book.objects.order_by("publisher_id", "title"):
        if book.publisher_id != last:
            lines.append(book.publisher.name)
            last = book.publisher_id
        lines.append(book.title)
    return lines
