"""Book.objects.filter(publisher=...).count() per publisher: a COUNT query per row."""
from catalog.models import Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


def scenario():
    sizes = {}
    for publisher in Publisher.objects.all():
        sizes[publisher.name] = Book.objects.filter(publisher=publisher).count()  # expect: MDB305
    return sizes
