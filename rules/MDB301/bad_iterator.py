"""Streaming with .iterator() changes nothing: each book still queries its publisher."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    names = []
    for book in Book.objects.all().iterator(chunk_size=100):
        names.append(book.publisher.name)  # expect: MDB301
    return names
