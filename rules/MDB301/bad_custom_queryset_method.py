"""A method of the custom QuerySet (BookQuerySet.published_after, through
BookManager.from_queryset) returns the queryset the loop iterates."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    names = []
    for book in Book.objects.published_after("2023-12-31"):
        names.append(book.publisher.name)  # expect: MDB301
    return names
