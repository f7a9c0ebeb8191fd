"""select_related("publisher").only("title", "publisher__id") joins the publisher but loads only its key:
each publisher.name read runs one query."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    books = Book.objects.select_related("publisher").only("title", "publisher__id")
    return [book.publisher.name for book in books]  # expect: MDB304
