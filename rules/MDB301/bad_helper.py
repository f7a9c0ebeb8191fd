"""A helper defined in the module returns the queryset; the caller's loop reads the publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def recent_books():
    return Book.objects.filter(published__gt="2023-12-31")


def scenario():
    names = []
    for book in recent_books():
        names.append(book.publisher.name)  # expect: MDB301
    return names
