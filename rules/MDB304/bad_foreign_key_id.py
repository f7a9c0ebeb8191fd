"""only("title") defers the publisher foreign key too: reading its column publisher_id runs a query per row."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    ids = []
    for book in Book.objects.only("title"):
        ids.append(book.publisher_id)  # expect: MDB304
    return ids
