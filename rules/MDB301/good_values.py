"""Loops over values() and values_list() rows: the related columns come from the one query."""
from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    names = [row["publisher__name"] for row in Book.objects.values("title", "publisher__name")]
    for title, publisher in Book.objects.values_list("title", "publisher__name"):
        names.append(f"{title} ({publisher})")
    names.extend(Book.objects.values_list("publisher__name", flat=True))
    return names
