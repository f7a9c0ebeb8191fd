"""Prefetch("publisher", queryset=...) covers the publisher, whatever the queryset filters."""
from django.db.models import Prefetch

from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    books = Book.objects.prefetch_related(Prefetch("publisher", queryset=Publisher.objects.order_by("name")))
    return ", ".join(book.publisher.name for book in books)
