"""sum() over a generator expression that counts each publisher's books with a query."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    return sum(Book.objects.filter(publisher=p).count() for p in Publisher.objects.all())  # expect: MDB305
