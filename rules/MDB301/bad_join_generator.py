"""A generator expression passed to str.join(), reading the publisher of every book."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    return ", ".join(book.publisher.name for book in Book.objects.order_by("title"))  # expect: MDB301
