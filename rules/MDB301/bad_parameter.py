"""The loop is in a function that receives the queryset as a parameter; the caller passes a
queryset that does not join the publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def publisher_names(books):
    return [book.publisher.name for book in books]  # expect: MDB301


def scenario():
    return publisher_names(Book.objects.all())
