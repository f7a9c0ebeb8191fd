"""A proxy model's queryset (BestSeller over Book) reading the publisher per row."""
from catalog.models import BestSeller, Book, Publisher

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher)


# fix: select_related("publisher")
def scenario():
    return [best.publisher.name for best in BestSeller.objects.all()]  # expect: MDB301
