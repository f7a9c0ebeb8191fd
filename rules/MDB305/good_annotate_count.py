"""Book counts per publisher from one annotate(Count()) query instead of a count() per row."""
from django.db.models import Count

from catalog.models import Book, Publisher


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    return {p.name: p.books for p in Publisher.objects.annotate(books=Count("book"))}


def check(result):
    return set(result.values()) == {1}
